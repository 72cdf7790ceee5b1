"""Helpers shared by the injectors: rounding slack of printed figures, picking free projects, re-deriving.

Figures are chosen outside the rounding tolerance of domain-rules §6: a stated value that some
rounding of the printed inputs reproduces would not be a defect at all.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from auditor.synth.model import Project, Report, plain, restate_attachment, restate_narrative, restate_total
from auditor.synth.prose import restate_prose


def half(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit."""
    return Decimal(5).scaleb(value.as_tuple().exponent - 1)


def printed(value: Decimal) -> Decimal:
    """The Decimal of a score as `plain` prints it (97.50 → 97.5, whose slack is 0.05)."""
    return Decimal(plain(value))


def clear_of(stated: Decimal, lo: Decimal, hi: Decimal, margin: Decimal = Decimal("0.01")) -> bool:
    """Whether a stated figure, with its own rounding slack, lies outside [lo, hi] by `margin`."""
    h = half(stated)
    return stated + h < lo - margin or stated - h > hi + margin


def rate_interval(executed: Decimal, budget: Decimal) -> tuple[Decimal, Decimal]:
    """Every 执行率 (percent) that some rounding of the printed amounts gives (domain-rules §6)."""
    hx, hy = half(executed), half(budget)
    return (executed - hx) / (budget + hy) * 100, (executed + hx) / (budget - hy) * 100


def sum_clear(stated: Decimal, parts: list[Decimal]) -> bool:
    """Whether a stated total differs from its parts by more than the rounding slack.

    NOTE: the slack of a sum is half a unit of its least precise figure (domain-rules §2
    FUND-TOTAL-SUM), not the sum of every part's half unit: with the latter, a 总分 of 100
    over eleven integer scores adding to 97.5 (the sample's defect) would pass as rounding.
    """
    slack = max([half(p) for p in parts] + [half(stated)])
    return abs(stated - sum(parts, Decimal(0))) > slack + Decimal("0.01")


def not_unit_slip(a: Decimal, b: Decimal) -> bool:
    """A ratio near 10,000 reads as a 元/万元 slip (unit_mismatch), not as a plain mismatch."""
    if not a or not b:
        return True
    ratio = max(a, b) / min(a, b)
    return not (Decimal(5000) <= ratio <= Decimal(20000))


def free_projects(report: Report, taken: set[str], want: Callable[[Project], bool] = lambda p: True) -> list[Project]:
    return [p for p in report.projects if p.name not in taken and want(p)]


def pick(rng: random.Random, items: list):
    return rng.choice(items) if items else None


def restate_after(report: Report, p: Project) -> None:
    """Re-derive what follows from p's scores and rate: 总分, its prose, its attachment, the prose section on it."""
    restate_total(p)
    restate_narrative(p, report.rate_style)
    if report.attachment is not None and report.attachment.project == p.name:
        restate_attachment(report)
    if report.prose is not None and report.prose.project == p.name:
        restate_prose(report)


def transpose(value: Decimal, rng: random.Random) -> Decimal | None:
    """Swap two adjacent different digits of the integer part: the commonest keying slip."""
    sign, digits, exp = value.as_tuple()
    whole = len(digits) + exp if exp < 0 else len(digits)
    spots = [i for i in range(whole - 1) if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == 0)]
    if not spots:
        return None
    i = rng.choice(spots)
    d = list(digits)
    d[i], d[i + 1] = d[i + 1], d[i]
    return Decimal((sign, tuple(d), exp))
