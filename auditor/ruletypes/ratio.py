"""ratio: a stated ratio (执行率) against numerator / denominator × scale, rounding-aware (domain §6)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pandas as pd

from auditor.numbers import fmt, half_unit, places
from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import missing, ratio_bounds, verdicts


class RatioRule(RuleBase):
    """A stated ratio (执行率) against numerator / denominator × scale, rounding-aware (domain §6)."""

    type: Literal["ratio"]
    stated: str
    numerator: str
    denominator: str
    scale: int = 100

    def columns(self) -> list[str]:
        return [self.stated, self.numerator, self.denominator, *self.where]


def ratio(df: pd.DataFrame, stated: str, numerator: str, denominator: str, scale: int = 100) -> pd.Series:
    out = []
    for s, n, d in zip(df[stated], df[numerator], df[denominator]):
        if missing(s) or missing(n) or missing(d):
            out.append(True)
            continue
        bounds = ratio_bounds(n, d, scale)
        if bounds is None:
            out.append(True)
            continue
        hs = half_unit(s)
        out.append(bounds[0] <= s + hs and bounds[1] >= s - hs)
    return verdicts(out, df)


def ratio_value(stated: Decimal, num: Decimal, den: Decimal, scale: int = 100) -> str:
    """num/den×scale printed to the stated precision, and never to fewer than 2 decimals."""
    return fmt(num / den * scale, max(2, places(stated)))


def check(df: pd.DataFrame, rule: RatioRule, lexicons: dict) -> pd.Series:
    return ratio(df, rule.stated, rule.numerator, rule.denominator, rule.scale)


def describe(rule: RatioRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """{computed}: the ratio the figures give, with a % where the stated one has it."""
    stated, num, den = row[rule.stated], row[rule.numerator], row[rule.denominator]
    text = row.get(f"{rule.stated}_text") or ""
    suffix = "%" if str(text).endswith(("%", "％")) else ""
    return {"computed": ratio_value(stated, num, den, rule.scale) + suffix}


TYPE = RuleType(
    spec=RatioRule,
    check=check,
    describe=describe,
    computes=("computed",),
    skip_missing=True,
    reads=lambda rule: columns(rule.stated, rule.numerator, rule.denominator),
)
