"""compare: `left op right` between two figures of a row (or `left op value`), at their printed precision."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import pandas as pd
from pydantic import model_validator

from auditor.numbers import half_unit
from auditor.ruletypes.base import Op, RuleBase, RuleType, columns
from auditor.ruletypes.figures import ZERO, holds, missing, verdicts
from auditor.ruletypes.unit_scale import not_unit_scaled


class CompareRule(RuleBase):
    """`left op right` between two figures of a row (or `left op value`), at their printed precision."""

    type: Literal["compare"]
    left: str
    op: Op
    right: str | None = None
    value: float | None = None
    tolerance: Literal["exact", "printed"] = "printed"
    unit_aware: bool = False  # a pair 10,000 apart is a unit error, left to a unit_scale rule

    @model_validator(mode="after")
    def _one_right(self):
        if (self.right is None) == (self.value is None):
            raise ValueError("give exactly one of 'right' (a column) and 'value' (a number)")
        return self

    def columns(self) -> list[str]:
        return [c for c in (self.left, self.right) if c] + list(self.where)


def compare(
    df: pd.DataFrame, left: str, op: str, right: str | None, tolerance: str = "printed", value: Any = None
) -> pd.Series:
    """True where `left op right` (or `left op value`) holds; rows missing a side pass: nothing to compare."""
    rights = df[right] if right else [Decimal(str(value))] * len(df)
    out = []
    for a, b in zip(df[left], rights):
        if missing(a) or missing(b):
            out.append(True)
            continue
        slack = half_unit(a) + half_unit(b) if tolerance == "printed" else ZERO
        out.append(holds(a, op, b, slack, strict=True))
    return verdicts(out, df)


def compare_unit_aware(df: pd.DataFrame, left: str, op: str, right: str, tolerance: str = "printed") -> pd.Series:
    """`compare`, but a pair that differs by exactly a factor of 10,000 passes: a unit rule reports it."""
    plain = compare(df, left, op, right, tolerance)
    scaled = ~not_unit_scaled(df, left, right)
    return plain | scaled


def check(df: pd.DataFrame, rule: CompareRule, lexicons: dict) -> pd.Series:
    if rule.unit_aware:
        return compare_unit_aware(df, rule.left, rule.op, rule.right, rule.tolerance)
    return compare(df, rule.left, rule.op, rule.right, rule.tolerance, rule.value)


def reads(rule: CompareRule) -> list[str]:
    # NOTE: GX's multicolumn expectations need two columns; against a constant, `doc` is the second.
    return columns(rule.left, rule.right or "doc")


TYPE = RuleType(spec=CompareRule, check=check, reads=reads, skip_missing=True)
