"""Weights a table does not print, inferred from its own scores: the 20 + 80 form (forms.md F4).

Such a table scores each indicator as 实际完成值 ÷ 年初目标值 × 分值 but prints no
分值 column, which hides a score above its weight: 12767.36 ÷ 8000 × 20 earns
31.9 on a 20-point indicator. The weight of each row follows from its score,
target and actual. It is inferred only where the table itself vouches for it:
every scored row has a numeric target and actual (no ≤ target), each row's
weight comes out a whole number within the rounding of its printed score, and
the weights add up to the points the table states for its indicators
(年度绩效目标(80分), or 100 less the funding weight). Otherwise nothing is
inferred and no rule runs on it: a guessed weight would be a guessed verdict.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from auditor.numbers import half_unit
from auditor.recognise.records import IndicatorRow, ProjectTable

_HUNDRED = Decimal(100)


def implied_weights(table: ProjectTable) -> dict[int, Decimal]:
    """id(indicator row) → its inferred weight; empty unless every condition above holds."""
    if table.weights_printed or not table.scored or not table.indicators:
        return {}
    stated = _stated_points(table)
    if stated is None:
        return {}
    weights: dict[int, Decimal] = {}
    for row in table.indicators:
        weight = _row_weight(row)
        if weight is None:
            return {}
        weights[id(row)] = weight
    return weights if sum(weights.values()) == stated else {}


def _stated_points(table: ProjectTable) -> Decimal | None:
    if table.indicator_points is not None and table.indicator_points.figure:
        return table.indicator_points.figure.value
    total = next((f for f in table.funding if f.kind == "total"), None)
    weight = total.values.get("weight") if total else None
    if weight is not None and weight.figure:
        return _HUNDRED - weight.figure.value
    return None


def _row_weight(row: IndicatorRow) -> Decimal | None:
    """The whole-number weight that the row's score, target and actual imply, or None."""
    target, actual, score = (row.values.get(k) for k in ("target", "actual", "score"))
    figures = [f.figure if f is not None else None for f in (target, actual, score)]
    if any(f is None for f in figures):
        return None
    a, b, s = figures
    if a.op in ("<=", "<") or a.value <= 0 or b.value <= 0 or s.value <= 0 or a.percent != b.percent:
        return None
    ratio = b.value / a.value
    low, high = (s.value - half_unit(s.value)) / ratio, (s.value + half_unit(s.value)) / ratio
    weight = ((low + high) / 2).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return weight if low <= weight <= high else None
