"""achievement: a quantitative indicator's score is what its result earns (S-POSITIVE, S-REVERSE)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pandas as pd

from auditor.numbers import fmt, half_unit
from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import missing, ratio_bounds, verdicts
from auditor.ruletypes.words import plain, trimmed


class AchievementRule(RuleBase):
    """A quantitative indicator's score follows from its result: B ≥ A earns w, else B/A × w; ≤ kept earns w."""

    type: Literal["achievement"]
    direction: str = "target_op"
    target: str = "target"
    actual: str = "actual"
    weight: str = "weight"
    score: str = "score"

    def columns(self) -> list[str]:
        return [self.direction, self.target, self.actual, self.weight, self.score, *self.where]


def achievement_expected(
    direction: str, target: Decimal, actual: Decimal, weight: Decimal
) -> tuple[Decimal, Decimal] | None:
    """The score range a quantitative result earns (S-POSITIVE, S-REVERSE), or None when not judged.

    A ≥ (or bare) target met earns the weight, a shortfall B/A of it; a ≤
    target kept earns the weight. The range spans the rounding of A and B.
    """
    if target <= 0 or actual < 0:
        return None
    if direction in ("", ">="):
        bounds = ratio_bounds(actual, target, 1)
        if bounds is None:
            return None
        low, high = (min(b, Decimal(1)) * weight for b in bounds)
        return low, high
    return None


def achievement(df: pd.DataFrame, direction: str, target: str, actual: str, weight: str, score: str) -> pd.Series:
    """True unless a score is above what the result earns.

    NOTE: a score below B/A × w is not reported: authors may deduct for
    quality as well as quantity, and the deviation-reason rule asks them why.
    A ≤ target exceeded yet scored in full is reported (S-REVERSE).
    """
    out = []
    for op, a, b, w, s in zip(df[direction], df[target], df[actual], df[weight], df[score]):
        if any(missing(v) for v in (op, a, b, w, s)) or s > w:
            out.append(True)  # a score above its weight is SCORE_LE_WEIGHT's finding
            continue
        h = half_unit(s)
        if op == "<=":
            out.append(not (b - half_unit(b) > a + half_unit(a) and s >= w))
            continue
        expected = achievement_expected(op, a, b, w)
        if expected is None:
            out.append(True)
            continue
        out.append(s - h <= expected[1] + h)
    return verdicts(out, df)


def check(df: pd.DataFrame, rule: AchievementRule, lexicons: dict) -> pd.Series:
    return achievement(df, rule.direction, rule.target, rule.actual, rule.weight, rule.score)


def describe(rule: AchievementRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """{earned}: the score the result earns (B/A × w, at most w), or "< w" for a ≤ target exceeded."""
    a, b, w = row[rule.target], row[rule.actual], row[rule.weight]
    if row[rule.direction] == "<=":
        return {"earned": "< " + plain(w), "earned_en": "< " + plain(w)}
    central = min(b / a, Decimal(1)) * w if a else None
    value = trimmed(fmt(central, 2) if central is not None else "—")
    return {"earned": value, "earned_en": value}


TYPE = RuleType(
    spec=AchievementRule,
    check=check,
    describe=describe,
    computes=("earned", "earned_en"),
    reads=lambda rule: columns(rule.direction, rule.target, rule.actual, rule.weight, rule.score),
)
