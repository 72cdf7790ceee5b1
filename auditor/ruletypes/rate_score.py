"""rate_score: a score is what one of the profile's schemes gives for the stated or computed rate."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import pandas as pd
from pydantic import Field, field_validator

from auditor.numbers import fmt, half_unit
from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import ZERO, missing, ratio_bounds, verdicts
from auditor.ruletypes.words import trimmed


def check_schemes(schemes: list) -> list:
    """Funding-score schemes, shared by the rule and the profile that supplies them.

    NOTE: a profile's schemes are checked when the profile loads, so a bad one
    is reported at the profile's line, not at the rule that reads it.
    """
    for scheme in schemes:
        if isinstance(scheme, dict) and scheme.get("type") == "linear" and set(scheme) <= {"type", "name"}:
            continue
        if (
            isinstance(scheme, dict)
            and scheme.get("type") == "banded"
            and isinstance(scheme.get("bands"), list)
            and all(isinstance(b, dict) and set(b) == {"min", "share"} for b in scheme["bands"])
        ):
            continue
        raise ValueError("a scheme is {type: linear} or {type: banded, bands: [{min: 80, share: 0.7}, ...]}")
    return schemes


class RateScoreRule(RuleBase):
    """A score earned by a rate under the profile's schemes (linear min(r,100%)×w, or bands)."""

    type: Literal["rate_score"]
    rate: str
    numerator: str
    denominator: str
    weight: str
    score: str
    schemes: list[dict[str, Any]] = Field(min_length=1)

    @field_validator("schemes")
    @classmethod
    def _schemes(cls, v):
        return check_schemes(v)

    def columns(self) -> list[str]:
        return [self.rate, self.numerator, self.denominator, self.weight, self.score, *self.where]


def rate_score_value(scheme: dict, rate: Decimal, weight: Decimal) -> Decimal:
    """The score a rate earns under one scheme: linear (min(r,100%)×w) or banded ({min rate: share of w})."""
    if scheme["type"] == "linear":
        return min(rate, Decimal(100)) / 100 * weight
    for band in sorted(scheme["bands"], key=lambda b: -b["min"]):
        if rate >= Decimal(str(band["min"])):
            return Decimal(str(band["share"])) * weight
    return ZERO


def rate_score_fits(score: Decimal, rates: list[tuple[Decimal, Decimal]], weight: Decimal, schemes: list[dict]) -> bool:
    """Whether a stated score is what some scheme gives for some rate in one of the rate intervals.

    NOTE: a linear score may be rounded or truncated to its printed places:
    8.44 and 8.45 both stand for 8.4468, and 9 for 9.71; truncation only
    ever lowers a score, so the slack below is one unit and above half a unit.
    Band scores are exact values (7, 5, 0) and get half a unit either way.
    """
    h = half_unit(score)
    for scheme in schemes:
        for low, high in rates:
            if scheme["type"] == "linear":
                lo, hi = rate_score_value(scheme, low, weight), rate_score_value(scheme, high, weight)
                if lo - 2 * h <= score <= hi + h:
                    return True
            else:
                values = {rate_score_value(scheme, r, weight) for r in (low, high)}
                if any(abs(score - v) <= h for v in values):
                    return True
    return False


def rate_intervals(stated: Any, num: Any, den: Any) -> list[tuple[Decimal, Decimal]]:
    """The rate as stated (± its rounding) and as computed from the amounts (over their rounding)."""
    out = []
    if not missing(stated):
        h = half_unit(stated)
        out.append((stated - h, stated + h))
    if not missing(num) and not missing(den):
        bounds = ratio_bounds(num, den, 100)
        if bounds:
            out.append(bounds)
    return out


def rate_score(
    df: pd.DataFrame, rate: str, numerator: str, denominator: str, weight: str, score: str, schemes: list[dict]
) -> pd.Series:
    out = []
    for r, n, d, w, s in zip(df[rate], df[numerator], df[denominator], df[weight], df[score]):
        if missing(s) or missing(w):
            out.append(True)
            continue
        rates = rate_intervals(r, n, d)
        out.append(not rates or rate_score_fits(s, rates, w, schemes))
    return verdicts(out, df)


def check(df: pd.DataFrame, rule: RateScoreRule, lexicons: dict) -> pd.Series:
    return rate_score(df, rule.rate, rule.numerator, rule.denominator, rule.weight, rule.score, rule.schemes)


def describe(rule: RateScoreRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """The score each scheme gives for the computed (else stated) rate, as people would print it."""
    rate, num, den, weight = row[rule.rate], row[rule.numerator], row[rule.denominator], row[rule.weight]
    if num is not None and den is not None and den != 0:
        basis = num / den * 100
    else:
        basis = rate
    scores = list(dict.fromkeys(trimmed(fmt(rate_score_value(scheme, basis, weight), 2)) for scheme in rule.schemes))
    return {
        "computed": " / ".join(scores),
        "computed_zh": " 或 ".join(scores),
        "computed_en": " or ".join(scores),
        "rate_used": fmt(basis, 2) + "%",
    }


TYPE = RuleType(
    spec=RateScoreRule,
    check=check,
    describe=describe,
    computes=("computed", "computed_zh", "computed_en", "rate_used"),
    reads=lambda rule: columns(rule.rate, rule.numerator, rule.denominator, rule.weight, rule.score),
)
