"""Rule specs → Great Expectations expectations, one small compiler per rule type.

`compile_rule` is what `auditor rules compile CODE` prints, and what the
validator adds to each entity's suite. Every expectation carries the rule
code in `meta`, because GX returns results in another order than the suite.
"""
from __future__ import annotations

from typing import Any

from auditor.ruleset.spec import CompareRule, GroupSumRule, RatioRule, TopicRule


def _condition(where: dict[str, Any]):
    """A rule's `where:` as a GX row condition (Column objects; the pandas string parser is deprecated)."""
    from great_expectations.expectations.row_conditions import Column

    condition = None
    for column, value in where.items():
        part = Column(column).is_in(list(value)) if isinstance(value, list) else Column(column) == value
        condition = part if condition is None else condition & part
    return condition


def compile_rule(rule, lexicons: dict[str, dict]) -> list[tuple[str, Any]]:
    """(entity, expectation) pairs for one rule: one per entity the rule runs on."""
    from auditor.engine import expectations as X

    common: dict[str, Any] = {"meta": {"rule": rule.code}}
    if rule.where:
        common["row_condition"] = _condition(rule.where)
    if isinstance(rule, CompareRule):
        make = lambda: X.ExpectAuditorCompare(  # noqa: E731
            column_list=[rule.left, rule.right], left=rule.left, op=rule.op, right=rule.right,
            tolerance=rule.tolerance, ignore_row_if="any_value_is_missing", **common)
    elif isinstance(rule, RatioRule):
        make = lambda: X.ExpectAuditorRatio(  # noqa: E731
            column_list=[rule.stated, rule.numerator, rule.denominator], stated=rule.stated,
            numerator=rule.numerator, denominator=rule.denominator, scale=rule.scale,
            ignore_row_if="any_value_is_missing", **common)
    elif isinstance(rule, GroupSumRule):
        columns = list(dict.fromkeys([*rule.group_by, rule.role, rule.value, rule.total_value,
                                      *([rule.default_total["by"]] if rule.default_total else [])]))
        make = lambda: X.ExpectAuditorGroupSum(  # noqa: E731
            column_list=columns, group_by=rule.group_by, role=rule.role, items=rule.items, total=rule.total,
            value=rule.value, total_value=rule.total_value, op=rule.op, default_total=rule.default_total or None,
            require_items=rule.require_items, ignore_row_if="never", **common)
    elif isinstance(rule, TopicRule):
        make = lambda: X.ExpectAuditorTopic(  # noqa: E731
            column_list=[rule.name, rule.text], name=rule.name, text=rule.text,
            lexicon=lexicons[rule.lexicon], strip_name=rule.strip_name,
            ignore_row_if="any_value_is_missing", **common)
    else:  # pragma: no cover - the spec union is closed
        raise TypeError(f"no compiler for rule type {type(rule).__name__}")
    return [(entity, make()) for entity in rule.entities]
