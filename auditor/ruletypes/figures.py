"""Arithmetic several rule types share, on figures kept as exact Decimals.

A figure's exponent is its printed precision, so every comparison is made
between intervals of half a unit of the last printed digit (domain-rules §6):
a figure that some rounding of its printed inputs reproduces is consistent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

import pandas as pd

from auditor.numbers import half_unit

ZERO = Decimal(0)


def missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def holds(a: Decimal, op: str, b: Decimal, slack: Decimal, strict: bool = False) -> bool:
    """`a op b`, where each side may move by `slack`."""
    if op == "==":
        # NOTE: two printed figures are strict: 301 and 300 stand for the half-open intervals
        # [300.5, 301.5) and [299.5, 300.5), which do not meet. A sum against its total keeps
        # the closed tolerance of half a unit of the least precise figure (FUND-TOTAL-SUM).
        return abs(a - b) < slack if strict and slack else abs(a - b) <= slack
    if op == "<=":
        return a - slack <= b
    if op == "!=":
        return abs(a - b) > slack if not isinstance(a, str) else a != b
    if op == ">=":
        return a + slack >= b
    if op == "<":
        return a - slack < b
    if op == ">":
        return a + slack > b
    raise ValueError(f"unknown operator {op}")


def ratio_bounds(num: Decimal, den: Decimal, scale: int) -> tuple[Decimal, Decimal] | None:
    """The range of num/den×scale over every value each printed input may stand for."""
    hn, hd = half_unit(num), half_unit(den)
    if den - hd <= 0 or num < 0:
        return None  # a zero budget makes the rate undefined; another rule reports it
    low = max(num - hn, ZERO) / (den + hd) * scale
    high = (num + hn) / (den - hd) * scale
    return low, high


def keys(df: pd.DataFrame, columns: list[str]) -> Iterable[tuple]:
    """Each row's values of `columns`, as a tuple (the empty tuple for no columns)."""
    return zip(*(df[c] for c in columns)) if columns else ((),) * len(df)


def verdicts(values: Iterable[bool], df: pd.DataFrame) -> pd.Series:
    """A check's answers as the boolean Series GX and the direct runner expect, indexed like `df`."""
    return pd.Series(list(values), index=df.index, dtype=bool)
