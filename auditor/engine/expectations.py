"""Our own Great Expectations expectations, one per rule type.

GX's built-in pair and sum expectations compare with exact `==`; the domain
needs comparisons at the precision each figure was printed, sums over groups
of rows and lexicon matching. Each class here is a MulticolumnMapExpectation
whose metric calls the matching function of `auditor.engine.checks`, so the
arithmetic is written once and GX does what it is good at: running a suite
over a whole frame and telling which rows failed.

Importing this module imports Great Expectations (seconds): only
`auditor.engine.validate` does, and only when validation starts.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from great_expectations.compatibility.pydantic import PrivateAttr
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.execution_engine import SparkDFExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)

from auditor.engine import checks
from auditor.engine.spark.udf import on_spark  # NOTE: imports no pyspark until a Spark partial runs

#: Lexicons by name, filled by the validator before a run. NOTE: expectations carry a lexicon's name,
#: not its words: GX re-serialises an expectation's parameters many times per validation, and a
#: topic lexicon's hundreds of words made that a third of a small batch's validation time.
LEXICONS: dict[str, dict] = {}

_DOMAIN = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")
#: metrics GX computes for every map expectation that auditor never reads: the failing rows' values
#: (issues are described from the rows themselves) and a query text that would select them
_UNUSED = ("unexpected_values", "unexpected_index_query")


class AuditorExpectation(MulticolumnMapExpectation):
    """What every expectation here shares: a configuration built once, and no unexpected values.

    NOTE: measured on GX 1.24 with one report: GX rebuilds `configuration`
    from the pydantic model about 200 times per expectation and validation
    (10,500 times for our 53: 45% of a warm single-report validation), so
    it is built once and rebuilt only when a field is set. The values of the
    failing rows are never read (issues are described from the rows
    themselves), so that metric is not asked for, nor a query text selecting them.
    """

    _configuration: Any = PrivateAttr(default=None)

    def __setattr__(self, name, value):
        if name != "_configuration":
            object.__setattr__(self, "_configuration", None)
        super().__setattr__(name, value)

    @property
    def configuration(self):
        # NOTE: kept with the id of its owner, so a copy (which copies private attributes) builds its own
        cached = self._configuration
        if cached is None or cached[0] != id(self):
            cached = (id(self), super().configuration)
            object.__setattr__(self, "_configuration", cached)
        return cached[1]

    def get_validation_dependencies(self, execution_engine=None, runtime_configuration=None):
        dependencies = super().get_validation_dependencies(execution_engine, runtime_configuration)
        for suffix in _UNUSED:
            name = f"{self.map_metric}.{suffix}"
            if dependencies.get_metric_configuration(name) is not None:
                dependencies.remove_metric_configuration(name)
        return dependencies


class AuditorCompare(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.compare"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("left", "op", "right", "value", "tolerance", "unit_aware")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, left, op, right, value, tolerance, unit_aware, **kwargs):
        if unit_aware:
            return checks.compare_unit_aware(column_list, left, op, right, tolerance)
        return checks.compare(column_list, left, op, right, tolerance, value)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, left, op, right, value, tolerance, unit_aware, **kwargs):
        if unit_aware:
            return on_spark(column_list, checks.compare_unit_aware, left, op, right, tolerance)
        return on_spark(column_list, checks.compare, left, op, right, tolerance, value)


class ExpectAuditorCompare(AuditorExpectation):
    """Two figures of a row stand in the relation `left op right` (or `left op value`), at printed precision."""

    left: str
    op: str
    right: Optional[str] = None
    value: Optional[float] = None
    tolerance: str = "printed"
    unit_aware: bool = False
    map_metric = "auditor.compare"
    success_keys = ("column_list", "left", "op", "right", "value", "tolerance", "unit_aware", "mostly")


class AuditorRatio(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.ratio"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("stated", "numerator", "denominator", "scale")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, stated, numerator, denominator, scale, **kwargs):
        return checks.ratio(column_list, stated, numerator, denominator, scale)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, stated, numerator, denominator, scale, **kwargs):
        return on_spark(column_list, checks.ratio, stated, numerator, denominator, scale)


class ExpectAuditorRatio(AuditorExpectation):
    """A stated ratio is what numerator / denominator × scale gives, for some rounding of the inputs."""

    stated: str
    numerator: str
    denominator: str
    scale: int = 100
    map_metric = "auditor.ratio"
    success_keys = ("column_list", "stated", "numerator", "denominator", "scale", "mostly")


class AuditorGroupSum(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.group_sum"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("group_by", "role", "items", "total", "value", "total_value", "op",
                            "default_total", "fallback", "require_items")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_by, role, items, total, value, total_value, op, default_total,
                fallback, require_items, **kwargs):
        return checks.group_sum(column_list, op=op, require_items=require_items, group_by=group_by, role=role,
                                items=items, total=total, value=value, total_value=total_value,
                                default_total=default_total, fallback=fallback)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, group_by, role, items, total, value, total_value, op, default_total,
               fallback, require_items, **kwargs):
        return on_spark(column_list, checks.group_sum, op=op, require_items=require_items, group_by=group_by,
                        role=role, items=items, total=total, value=value, total_value=total_value,
                        default_total=default_total, fallback=fallback)


class ExpectAuditorGroupSum(AuditorExpectation):
    """Each total row states the sum of its group's item rows (or, with op '<=', bounds it)."""

    group_by: List[str]
    role: str = "role"
    items: List[str]
    total: str
    value: str
    total_value: str
    op: str = "=="
    default_total: Optional[Dict[str, Any]] = None
    fallback: Optional[str] = None
    require_items: bool = True
    map_metric = "auditor.group_sum"
    success_keys = ("column_list", "group_by", "role", "items", "total", "value", "total_value", "op",
                    "default_total", "fallback", "require_items", "mostly")


class AuditorTopic(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.topic"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("name", "text", "lexicon", "strip_name")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, name, text, lexicon, strip_name, **kwargs):
        return checks.topic(column_list, name, text, LEXICONS[lexicon], strip_name)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, name, text, lexicon, strip_name, **kwargs):
        # NOTE: the lexicon's words go with the UDF: the executors' LEXICONS are empty
        return on_spark(column_list, checks.topic, name, text, LEXICONS[lexicon], strip_name)


class ExpectAuditorTopic(AuditorExpectation):
    """A text speaks of its project's own topic (or of none the lexicon knows)."""

    name: str
    text: str
    lexicon: str  # a name in LEXICONS
    strip_name: bool = True
    map_metric = "auditor.topic"
    success_keys = ("column_list", "name", "text", "lexicon", "strip_name", "mostly")


class AuditorNotUnitScaled(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.not_unit_scaled"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("left", "right", "factor")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, left, right, factor, **kwargs):
        return checks.not_unit_scaled(column_list, left, right, factor)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, left, right, factor, **kwargs):
        return on_spark(column_list, checks.not_unit_scaled, left, right, factor)


class ExpectAuditorNotUnitScaled(AuditorExpectation):
    """Two figures that should agree are not 10,000 apart (元 written for 万元)."""

    left: str
    right: str
    factor: int = 10000
    map_metric = "auditor.not_unit_scaled"
    success_keys = ("column_list", "left", "right", "factor", "mostly")


class AuditorRateScore(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.rate_score"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("rate", "numerator", "denominator", "weight", "score", "schemes")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, rate, numerator, denominator, weight, score, schemes, **kwargs):
        return checks.rate_score(column_list, rate, numerator, denominator, weight, score, schemes)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, rate, numerator, denominator, weight, score, schemes, **kwargs):
        return on_spark(column_list, checks.rate_score, rate, numerator, denominator, weight, score, schemes)


class ExpectAuditorRateScore(AuditorExpectation):
    """The funding score is what one of the profile's schemes gives for the execution rate."""

    rate: str
    numerator: str
    denominator: str
    weight: str
    score: str
    schemes: List[Dict[str, Any]]
    map_metric = "auditor.rate_score"
    success_keys = ("column_list", "rate", "numerator", "denominator", "weight", "score", "schemes", "mostly")


class AuditorBand(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.band"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("value", "label", "bands", "scale")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, value, label, bands, scale, **kwargs):
        return checks.band(column_list, value, label, bands, scale)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, value, label, bands, scale, **kwargs):
        return on_spark(column_list, checks.band, value, label, bands, scale)


class ExpectAuditorBand(AuditorExpectation):
    """A value lies in the band its label names (优 ≥ 90; 达成 → at least 0.8 of the weight)."""

    value: str
    label: str
    bands: Dict[str, List[float]]
    scale: Optional[str] = None
    map_metric = "auditor.band"
    success_keys = ("column_list", "value", "label", "bands", "scale", "mostly")


class AuditorExplain(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.explain"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("left", "op", "right", "value", "factor", "text", "words", "boilerplate")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, left, op, right, value, factor, text, words, boilerplate, **kwargs):
        return checks.explain(column_list, left, op, right, text, factor, words, boilerplate, value)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, left, op, right, value, factor, text, words, boilerplate, **kwargs):
        return on_spark(column_list, checks.explain, left, op, right, text, factor, words, boilerplate, value)


class ExpectAuditorExplain(AuditorExpectation):
    """Where `left op right×factor` holds, a text gives a reason."""

    left: str
    op: str
    right: Optional[str] = None
    value: Optional[float] = None
    factor: float = 1
    text: str
    words: List[str] = []
    boilerplate: List[str] = []
    map_metric = "auditor.explain"
    success_keys = ("column_list", "left", "op", "right", "value", "factor", "text", "words", "boilerplate",
                    "mostly")


class AuditorKnownName(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.known_name"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("group_by", "role", "name", "known")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_by, role, name, known, **kwargs):
        return checks.known_name(column_list, group_by, role, name, known)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, group_by, role, name, known, **kwargs):
        return on_spark(column_list, checks.known_name, group_by, role, name, known)


class ExpectAuditorKnownName(AuditorExpectation):
    """Every mentioned name is one of the names its group's known rows state."""

    group_by: List[str]
    role: str = "role"
    name: str = "name"
    known: str = "table"
    map_metric = "auditor.known_name"
    success_keys = ("column_list", "group_by", "role", "name", "known", "mostly")


class AuditorAchievement(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.achievement"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("direction", "target", "actual", "weight", "score")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, direction, target, actual, weight, score, **kwargs):
        return checks.achievement(column_list, direction, target, actual, weight, score)

    @multicolumn_condition_partial(engine=SparkDFExecutionEngine)
    def _spark(cls, column_list, direction, target, actual, weight, score, **kwargs):
        return on_spark(column_list, checks.achievement, direction, target, actual, weight, score)


class ExpectAuditorAchievement(AuditorExpectation):
    """A quantitative indicator's score is what its result earns."""

    direction: str
    target: str
    actual: str
    weight: str
    score: str
    map_metric = "auditor.achievement"
    success_keys = ("column_list", "direction", "target", "actual", "weight", "score", "mostly")
