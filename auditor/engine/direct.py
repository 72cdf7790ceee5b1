"""The same checks as the GX suites, run straight on pandas: the benchmark's lower bound.

Every rule type's arithmetic lives in `checks`; GX adds suite bookkeeping,
metric resolution and result objects around it. Running the checks directly,
with `where:` applied by pandas, shows what that bookkeeping costs. Nothing
here is used to audit: issues always come from the GX suites.
"""
from __future__ import annotations

import re

import pandas as pd

from auditor.engine import checks
from auditor.engine.compile import lexicon_words
from auditor.ruleset import spec as S


def _where(frame: pd.DataFrame, where: dict) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        if value is None:
            mask &= frame[column].isna()
        elif value == "not null":
            mask &= frame[column].notna()
        elif isinstance(value, list):
            mask &= frame[column].isin(value)
        else:
            mask &= frame[column] == value
    return frame[mask]


def run_rule(rule, frame: pd.DataFrame, lexicons: dict) -> pd.Series:
    """True per row where the rule holds (rows outside `where:` are left out)."""
    df = _where(frame, rule.where) if rule.where else frame
    if isinstance(rule, S.CompareRule):
        if rule.unit_aware:
            return checks.compare_unit_aware(df, rule.left, rule.op, rule.right, rule.tolerance)
        return checks.compare(df, rule.left, rule.op, rule.right, rule.tolerance, rule.value)
    if isinstance(rule, S.RatioRule):
        return checks.ratio(df, rule.stated, rule.numerator, rule.denominator, rule.scale)
    if isinstance(rule, S.GroupSumRule):
        return checks.group_sum(df, op=rule.op, require_items=rule.require_items, group_by=rule.group_by,
                                role=rule.role, items=rule.items, total=rule.total, value=rule.value,
                                total_value=rule.total_value, default_total=rule.default_total or None,
                                fallback=rule.fallback)
    if isinstance(rule, S.TopicRule):
        return checks.topic(df, rule.name, rule.text, lexicons[rule.lexicon], rule.strip_name)
    if isinstance(rule, S.UnitScaleRule):
        return checks.not_unit_scaled(df, rule.left, rule.right, rule.factor)
    if isinstance(rule, S.RateScoreRule):
        return checks.rate_score(df, rule.rate, rule.numerator, rule.denominator, rule.weight, rule.score,
                                 rule.schemes)
    if isinstance(rule, S.BandRule):
        return checks.band(df, rule.value, rule.label, rule.bands, rule.scale)
    if isinstance(rule, S.ExplainRule):
        return checks.explain(df, rule.left, rule.op, rule.right, rule.text, rule.factor, rule.words,
                              rule.boilerplate, rule.value)
    if isinstance(rule, S.KnownNameRule):
        return checks.known_name(df, rule.group_by, rule.role, rule.name, rule.known)
    if isinstance(rule, S.AchievementRule):
        return checks.achievement(df, rule.direction, rule.target, rule.actual, rule.weight, rule.score)
    if isinstance(rule, S.RequireRule):
        column = df[rule.column]
        if rule.must_be_empty:
            return column.isna()
        if rule.must_be_filled:
            return column.notna()
        if rule.must_match or rule.must_include:
            pattern = rule.must_match or rule.include_pattern
            return column.fillna("").astype(str).str.contains(pattern, regex=True)
        pattern = rule.must_not_match or "|".join(re.escape(w) for w in lexicon_words(lexicons[rule.lexicon]))
        return ~column.fillna("").astype(str).str.contains(pattern, regex=True)
    raise TypeError(type(rule).__name__)


def run_direct(frames: dict[str, pd.DataFrame], ruleset) -> int:
    """Run every rule on its frames; returns the number of failing rows (to compare with GX's issues)."""
    failing = 0
    frames = checks.with_rates(frames)  # as `validate` does: rules read rates in percent
    for rule in ruleset.rules:
        for entity in rule.entities:
            frame = frames.get(entity)
            if frame is not None and not frame.empty:
                failing += int((~run_rule(rule, frame, ruleset.lexicons)).sum())
    return failing
