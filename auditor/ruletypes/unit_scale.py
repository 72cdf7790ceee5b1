"""unit_scale: two figures that should agree are not 10,000 apart (元 written where 万元 is meant)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pandas as pd

from auditor.numbers import half_unit
from auditor.ruletypes.base import RuleBase, RuleType
from auditor.ruletypes.figures import missing, verdicts


class UnitScaleRule(RuleBase):
    """Two figures that should agree differ by a factor of 10,000: 元 written where 万元 is meant."""

    type: Literal["unit_scale"]
    left: str
    right: str
    factor: int = 10000

    def columns(self) -> list[str]:
        return [self.left, self.right, *self.where]


def unit_scaled(a: Decimal, b: Decimal, factor: Decimal = Decimal(10000)) -> bool:
    """Whether a is b×factor or b/factor at the printed precision: 元 written for 万元 or the reverse."""
    if a == 0 or b == 0:
        return False
    ha, hb = half_unit(a), half_unit(b)
    for big, hbig, small, hsmall in ((a, ha, b, hb), (b, hb, a, ha)):
        if abs(big - small * factor) <= hbig + hsmall * factor:
            return True
    return False


def not_unit_scaled(df: pd.DataFrame, left: str, right: str, factor: int = 10000) -> pd.Series:
    return verdicts(
        (missing(a) or missing(b) or not unit_scaled(a, b, Decimal(factor)) for a, b in zip(df[left], df[right])), df
    )


def check(df: pd.DataFrame, rule: UnitScaleRule, lexicons: dict) -> pd.Series:
    return not_unit_scaled(df, rule.left, rule.right, rule.factor)


TYPE = RuleType(
    spec=UnitScaleRule,
    check=check,
    reads=lambda rule: [rule.left, rule.right],
    skip_missing=True,
    expectation="not_unit_scaled",
)
