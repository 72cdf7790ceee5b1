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

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)

from auditor.engine import checks

_DOMAIN = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")


class AuditorCompare(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.compare"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("left", "op", "right", "tolerance")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, left, op, right, tolerance, **kwargs):
        return checks.compare(column_list, left, op, right, tolerance)


class ExpectAuditorCompare(MulticolumnMapExpectation):
    """Two figures of a row stand in the relation `left op right`, at their printed precision."""

    left: str
    op: str
    right: str
    tolerance: str = "printed"
    map_metric = "auditor.compare"
    success_keys = ("column_list", "left", "op", "right", "tolerance", "mostly")


class AuditorRatio(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.ratio"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("stated", "numerator", "denominator", "scale")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, stated, numerator, denominator, scale, **kwargs):
        return checks.ratio(column_list, stated, numerator, denominator, scale)


class ExpectAuditorRatio(MulticolumnMapExpectation):
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
                            "default_total", "require_items")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, group_by, role, items, total, value, total_value, op, default_total,
                require_items, **kwargs):
        return checks.group_sum(column_list, op=op, require_items=require_items, group_by=group_by, role=role,
                                items=items, total=total, value=value, total_value=total_value,
                                default_total=default_total)


class ExpectAuditorGroupSum(MulticolumnMapExpectation):
    """Each total row states the sum of its group's item rows (or, with op '<=', bounds it)."""

    group_by: List[str]
    role: str = "role"
    items: List[str]
    total: str
    value: str
    total_value: str
    op: str = "=="
    default_total: Optional[Dict[str, Any]] = None
    require_items: bool = True
    map_metric = "auditor.group_sum"
    success_keys = ("column_list", "group_by", "role", "items", "total", "value", "total_value", "op",
                    "default_total", "require_items", "mostly")


class AuditorTopic(MulticolumnMapMetricProvider):
    condition_metric_name = "auditor.topic"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("name", "text", "lexicon", "strip_name")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list, name, text, lexicon, strip_name, **kwargs):
        return checks.topic(column_list, name, text, lexicon, strip_name)


class ExpectAuditorTopic(MulticolumnMapExpectation):
    """A text speaks of its project's own topic (or of none the lexicon knows)."""

    name: str
    text: str
    lexicon: Dict[str, Any]
    strip_name: bool = True
    map_metric = "auditor.topic"
    success_keys = ("column_list", "name", "text", "lexicon", "strip_name", "mostly")
