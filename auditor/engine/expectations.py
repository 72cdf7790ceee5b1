"""Our own Great Expectations expectations, one per rule type, made from the type's spec.

GX's built-in pair and sum expectations compare with exact `==`; the domain
needs comparisons at the precision each figure was printed, sums over groups
of rows and lexicon matching. For each registered rule type (`auditor.ruletypes`)
`expectation_class` makes a MulticolumnMapExpectation whose fields are the
type's own keys, with the spec's defaults, and whose metric calls the type's
check, on pandas and (in a pandas UDF) on Spark. So a check is written once, in
its type's module, and GX does what it is good at: running a suite over a
whole frame and telling which rows failed. A type that uses one of GX's own
expectations (`RuleType.builtin`) gets no class here.

Importing this module imports Great Expectations (seconds): only
`auditor.engine.validate` does, and only when validation starts.
"""

from __future__ import annotations

from typing import Any

from great_expectations.compatibility.pydantic import PrivateAttr
from great_expectations.execution_engine import PandasExecutionEngine, SparkDFExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)

from auditor.engine.spark.udf import on_spark  # NOTE: imports no pyspark until a Spark partial runs
from auditor.ruletypes import TYPES, RuleType

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


#: The expectation class of each rule type made so far, by the type's name.
_CLASSES: dict[str, type[AuditorExpectation]] = {}


def expectation_class(rule_type: RuleType) -> type[AuditorExpectation]:
    """The expectation of one rule type, made on first use (GX registers it, and its metric, by name)."""
    made = _CLASSES.get(rule_type.name)
    if made is None:
        made = _CLASSES[rule_type.name] = _make(rule_type)
    return made


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _make(rule_type: RuleType) -> type[AuditorExpectation]:
    """`ExpectAuditor<Name>` with the type's keys as fields, and its metric `auditor.<name>`."""
    metric, keys = f"auditor.{rule_type.metric}", rule_type.keys
    _metric_provider(rule_type, metric, keys)
    fields = rule_type.spec.model_fields
    namespace: dict[str, Any] = {
        "__module__": __name__,
        "__qualname__": f"ExpectAuditor{_camel(rule_type.metric)}",
        "__doc__": rule_type.spec.__doc__,
        "__annotations__": {key: fields[key].annotation for key in keys},
        "map_metric": metric,
        "success_keys": ("column_list", *keys, "mostly"),
    }
    namespace.update({key: fields[key].default for key in keys if not fields[key].is_required()})
    return type(namespace["__qualname__"], (AuditorExpectation,), namespace)


def _metric_provider(rule_type: RuleType, metric: str, keys: tuple[str, ...]) -> type:
    """The metric provider of one type: its check on pandas, and in a pandas UDF on Spark."""
    check, spec = rule_type.check, rule_type.spec

    def rule_of(kwargs: dict):
        # NOTE: the spec rebuilt from the expectation's parameters, unvalidated: the check reads the
        # type's keys (and properties made of them), never the shared keys a rule file also has
        return spec.model_construct(**{key: kwargs[key] for key in keys})

    def _pandas(cls, column_list, **kwargs):
        return check(column_list, rule_of(kwargs), LEXICONS)

    def _spark(cls, column_list, **kwargs):
        rule = rule_of(kwargs)
        lexicon = getattr(rule, "lexicon", None)
        # NOTE: the lexicon's words go with the UDF: the executors' LEXICONS are empty
        return on_spark(column_list, check, rule, {lexicon: LEXICONS[lexicon]} if lexicon else {})

    name = f"Auditor{_camel(rule_type.metric)}"
    return type(
        name,
        (MulticolumnMapMetricProvider,),
        {
            "__module__": __name__,
            "__qualname__": name,
            "condition_metric_name": metric,
            "condition_domain_keys": _DOMAIN,
            "condition_value_keys": keys,
            "_pandas": multicolumn_condition_partial(engine=PandasExecutionEngine)(_pandas),
            "_spark": multicolumn_condition_partial(engine=SparkDFExecutionEngine)(_spark),
        },
    )


for _type in TYPES.values():
    if _type.builtin is None:
        expectation_class(_type)


def __getattr__(name: str):
    """An expectation class by its name (`ExpectAuditorCompare`), as the hand-written ones were reached."""
    for rule_type in TYPES.values():
        if rule_type.builtin is None and f"ExpectAuditor{_camel(rule_type.metric)}" == name:
            return expectation_class(rule_type)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
