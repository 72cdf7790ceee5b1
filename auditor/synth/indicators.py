"""Drawing one indicator row: its target, a measured actual, its weight, and any deduction.

A full row meets its target (and stays below 1.2× it, S-OVERACHIEVE); a deducted row misses
it and scores B/A × w (S-POSITIVE), or 部分达成 within [0.6w, 0.8w) for a qualitative row
(S-QUAL-BAND), and always says why (S-DEV-REQUIRED).
"""

from __future__ import annotations

import math
import random
import re
from decimal import ROUND_DOWN, Decimal
from functools import cache
from itertools import combinations

from auditor.synth import fast as F
from auditor.synth import vocab as V
from auditor.synth.model import Indicator, Project, plain, q2

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_D1 = Decimal("0.1")


def number(text: str) -> Decimal:
    """The first number printed in a cell ('≥50个' → 50)."""
    return Decimal(_NUMBER.search(text).group(0))


def _nice(rng: random.Random, lo: float, hi: float) -> int:
    """A target a planner would write: two significant digits (37000, not 36842)."""
    raw = rng.uniform(lo, hi)
    scale = 10 ** max(0, int(math.log10(raw)) - 1)
    return max(1, int(raw // scale) * scale)


def _d1(value: Decimal) -> Decimal:
    return value.quantize(_D1, rounding=ROUND_DOWN)


def _tenths_text(t: int) -> str:
    """t tenths printed with one decimal unless whole (955 → '95.5', 950 → '95')."""
    return f"{t // 10}.{t % 10}" if t % 10 else str(t // 10)


def _tenths(rng: random.Random, lo: int, hi: int) -> str:
    """A figure between lo and hi tenths, as printed."""
    return _tenths_text(lo + int(rng.random() * (hi - lo + 1)))


def fill(rng: random.Random, spec: V.Spec, p: Project, topical: bool) -> Indicator:
    """A row that meets its target; weight and score are set by the caller."""
    row = Indicator(spec.level1, spec.level2, spec.name, "", "", None, None, "", spec.kind, topical)
    kind = spec.kind
    if kind == "eq%":
        row.target = row.actual = "100%"
    elif kind == "ge":
        n = _nice(rng, spec.lo, spec.hi)
        op = "不少于" if rng.random() < 0.1 else "≥"
        row.target, row.actual = f"{op}{n}{spec.unit}", f"{int(n * (1 + 0.15 * rng.random()))}{spec.unit}"
    elif kind == "ge%" or kind == "sat":
        n = F.pick(rng, (80, 85, 90, 95)) if kind == "sat" else F.between(rng, int(spec.lo), int(spec.hi))
        row.target, row.actual = f"≥{n}%", f"{_tenths(rng, n * 10, min(1000, n * 11))}%"
    elif kind == "qual":
        row.target, row.actual = spec.unit, F.pick(rng, spec.answers)
    elif kind == "le":
        n = _nice(rng, spec.lo, spec.hi)
        row.target, row.actual = f"≤{n}{spec.unit}", f"{_tenths(rng, n * 8, n * 10)}{spec.unit}"
    elif kind == "le%":
        n = F.between(rng, int(spec.lo * 10), int(spec.hi * 10))
        row.target, row.actual = f"≤{_tenths_text(n)}%", f"{_tenths(rng, n * 85 // 100, n)}%"
    elif kind == "zero":
        row.target = row.actual = f"0{spec.unit}"
    elif kind == "cost":
        row.target, row.actual = f"≤{p.total.budget}万元", f"{p.total.executed}万元"
    return row


def shortfall(row: Indicator, ratio: Decimal) -> None:
    """Set the actual to `ratio` of the target and the score it earns (B/A × w, S-POSITIVE);
    a qualitative row reads 部分达成 and scores ratio × w."""
    w = row.weight
    if row.kind == "qual":
        row.actual, row.score = V.PARTIAL, q2(w * ratio)
    elif row.kind == "ge":
        found = _NUMBER.search(row.target)
        n, unit = Decimal(found.group(0)), row.target[found.end() :]
        m = int(n * ratio)
        row.actual, row.score = f"{m}{unit}", q2(w * m / n)
    else:  # ge%, sat, eq%: a percentage short of its target
        n = number(row.target)
        a = _d1(n * ratio)
        row.actual, row.score = f"{plain(a)}%", q2(w * a / n)


def deduct(rng: random.Random, row: Indicator, weak: bool = False, below: Decimal | None = None) -> bool:
    """Make `row` miss its target: a lower actual, the score it earns, and a stated reason.

    `below` caps the new score (an injector that moves the lost points elsewhere uses it);
    returns whether the cap was met (the row is a consistent deduction either way).
    """
    ok = False
    lo, hi = (600, 780) if row.kind == "qual" else (500, 800) if weak else (800, 970)  # thousandths
    for _ in range(20):
        shortfall(row, Decimal(F.between(rng, lo, hi)).scaleb(-3))
        ok = row.score < row.weight and (below is None or row.score <= below)
        if ok:
            break
    row.reason = F.pick(rng, V.DEVIATION_REASONS)
    return ok


@cache
def _splits(c: int, k: int) -> tuple[tuple[Decimal, ...], ...]:
    """Every split of c into k positive weights at the cut points a planner uses (steps of 5
    where c/k allows, else of 1), computed once per (cap, rows)."""
    step = 5 if c % 5 == 0 and c // k >= 5 else 1
    return tuple(
        tuple(Decimal(b - a) for a, b in zip((0,) + cuts, cuts + (c,)))
        for cuts in combinations(range(step, c, step), k - 1)
    )


def weights(rng: random.Random, cap: Decimal, k: int) -> list[Decimal]:
    """Split a 一级 cap into k positive integer weights; equal shares three times in ten."""
    c = int(cap)
    if rng.random() < 0.3 and c % k == 0:
        return [Decimal(c // k)] * k
    return list(F.pick(rng, _splits(c, k)))
