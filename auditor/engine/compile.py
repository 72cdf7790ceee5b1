"""Rule specs → Great Expectations expectations, one small compiler per rule type.

`compile_rule` is what `auditor rules compile CODE` prints, and what the
validator adds to each entity's suite. Every expectation carries the rule
code in `meta`, because GX returns results in another order than the suite.
Where GX has the expectation already (null, not null, regex), it is used;
the arithmetic of the domain goes through our own (`engine.expectations`).
"""
from __future__ import annotations

import re
from typing import Any, Callable

from auditor.ruleset import spec as S


def _condition(where: dict[str, Any]):
    """A rule's `where:` as a GX row condition (Column objects; the pandas string parser is deprecated).

    `column: value` is equality, `column: [a, b]` membership, `column: null`
    empty and `column: "not null"` filled.
    """
    from great_expectations.expectations.row_conditions import Column

    condition = None
    for column, value in where.items():
        if value is None:
            part = Column(column).is_null()
        elif value == "not null":
            part = Column(column).is_not_null()
        elif isinstance(value, list):
            part = Column(column).is_in(list(value))
        else:
            part = Column(column) == value
        condition = part if condition is None else condition & part
    return condition


def _columns(*names) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _compare(X, rule: S.CompareRule, lexicons, common):
    # NOTE: GX's multicolumn expectations need two columns; against a constant, `doc` is the second.
    return X.ExpectAuditorCompare(column_list=_columns(rule.left, rule.right or "doc"), left=rule.left, op=rule.op,
                                  right=rule.right, value=rule.value, tolerance=rule.tolerance,
                                  unit_aware=rule.unit_aware, ignore_row_if="any_value_is_missing", **common)


def _ratio(X, rule: S.RatioRule, lexicons, common):
    return X.ExpectAuditorRatio(column_list=_columns(rule.stated, rule.numerator, rule.denominator),
                                stated=rule.stated, numerator=rule.numerator, denominator=rule.denominator,
                                scale=rule.scale, ignore_row_if="any_value_is_missing", **common)


def _group_sum(X, rule: S.GroupSumRule, lexicons, common):
    columns = _columns(*rule.group_by, rule.role, rule.value, rule.total_value, rule.fallback,
                       *([rule.default_total["by"]] if rule.default_total else []))
    return X.ExpectAuditorGroupSum(column_list=columns, group_by=rule.group_by, role=rule.role, items=rule.items,
                                   total=rule.total, value=rule.value, total_value=rule.total_value, op=rule.op,
                                   default_total=rule.default_total or None, fallback=rule.fallback,
                                   require_items=rule.require_items, ignore_row_if="never", **common)


def _topic(X, rule: S.TopicRule, lexicons, common):
    X.LEXICONS[rule.lexicon] = lexicons[rule.lexicon]
    return X.ExpectAuditorTopic(column_list=[rule.name, rule.text], name=rule.name, text=rule.text,
                                lexicon=rule.lexicon, strip_name=rule.strip_name,
                                ignore_row_if="any_value_is_missing", **common)


def _unit_scale(X, rule: S.UnitScaleRule, lexicons, common):
    return X.ExpectAuditorNotUnitScaled(column_list=[rule.left, rule.right], left=rule.left, right=rule.right,
                                        factor=rule.factor, ignore_row_if="any_value_is_missing", **common)


def _rate_score(X, rule: S.RateScoreRule, lexicons, common):
    return X.ExpectAuditorRateScore(column_list=_columns(rule.rate, rule.numerator, rule.denominator, rule.weight,
                                                         rule.score),
                                    rate=rule.rate, numerator=rule.numerator, denominator=rule.denominator,
                                    weight=rule.weight, score=rule.score, schemes=rule.schemes,
                                    ignore_row_if="never", **common)


def _band(X, rule: S.BandRule, lexicons, common):
    return X.ExpectAuditorBand(column_list=_columns(rule.value, rule.label, rule.scale), value=rule.value,
                               label=rule.label, bands=rule.bands, scale=rule.scale, ignore_row_if="never", **common)


def _explain(X, rule: S.ExplainRule, lexicons, common):
    return X.ExpectAuditorExplain(column_list=_columns(rule.left, rule.right, rule.text), left=rule.left, op=rule.op,
                                  right=rule.right, value=rule.value, factor=rule.factor, text=rule.text,
                                  words=rule.words,
                                  boilerplate=rule.boilerplate, ignore_row_if="never", **common)


def _known_name(X, rule: S.KnownNameRule, lexicons, common):
    return X.ExpectAuditorKnownName(column_list=_columns(*rule.group_by, rule.role, rule.name),
                                    group_by=rule.group_by, role=rule.role, name=rule.name, known=rule.known,
                                    ignore_row_if="never", **common)


def _achievement(X, rule: S.AchievementRule, lexicons, common):
    return X.ExpectAuditorAchievement(column_list=_columns(rule.direction, rule.target, rule.actual, rule.weight,
                                                           rule.score),
                                      direction=rule.direction, target=rule.target, actual=rule.actual,
                                      weight=rule.weight, score=rule.score, ignore_row_if="never", **common)


def lexicon_words(lexicon: dict) -> list[str]:
    return sorted({w for entry in lexicon.values() for w in entry["words"]}, key=lambda w: (-len(w), w))


def _require(X, rule: S.RequireRule, lexicons, common):
    import great_expectations as gx

    E = gx.expectations
    if rule.must_be_empty:
        return E.ExpectColumnValuesToBeNull(column=rule.column, **common)
    if rule.must_be_filled:
        return E.ExpectColumnValuesToNotBeNull(column=rule.column, **common)
    if rule.must_not_match:
        return E.ExpectColumnValuesToNotMatchRegex(column=rule.column, regex=rule.must_not_match, **common)
    if rule.must_match or rule.must_include:
        return E.ExpectColumnValuesToMatchRegex(column=rule.column, regex=rule.must_match or rule.include_pattern,
                                                **common)
    words = lexicon_words(lexicons[rule.must_not_contain])
    return E.ExpectColumnValuesToNotMatchRegexList(column=rule.column, regex_list=[re.escape(w) for w in words],
                                                   **common)


COMPILERS: dict[type, Callable] = {
    S.CompareRule: _compare, S.RatioRule: _ratio, S.GroupSumRule: _group_sum, S.TopicRule: _topic,
    S.UnitScaleRule: _unit_scale, S.RateScoreRule: _rate_score, S.BandRule: _band, S.RequireRule: _require,
    S.ExplainRule: _explain, S.KnownNameRule: _known_name, S.AchievementRule: _achievement,
}


def compile_rule(rule, lexicons: dict[str, dict]) -> list[tuple[str, Any]]:
    """(entity, expectation) pairs for one rule: one per entity the rule runs on."""
    from auditor.engine import expectations as X

    common: dict[str, Any] = {"meta": {"rule": rule.code}}
    if rule.where:
        common["row_condition"] = _condition(rule.where)
    compiler = COMPILERS[type(rule)]
    return [(entity, compiler(X, rule, lexicons, common)) for entity in rule.entities]
