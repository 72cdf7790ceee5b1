"""Labelled defects: one injector per issue-contract `kind` that a document can carry.

An injector changes one stated figure or text of a consistent report and returns a `Defect`
that says what a checker should find there. Each is designed to break exactly one rule: what
it changes on purpose is re-derived downstream (a changed 执行率 moves its 得分, 总分 and the
prose with it), and where a second rule cannot be kept intact, that rule's kind is listed in
`Defect.also` so a recall test can tell collateral findings from false alarms.

Figures are chosen outside the rounding tolerance of domain-rules §6: a stated value that some
rounding of the printed inputs reproduces would not be a defect at all.
"""
from __future__ import annotations

import copy as _copy
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from auditor.synth.model import (
    Project,
    Report,
    plain,
    restate_attachment,
    restate_narrative,
    restate_total,
)

#: Kinds a document can carry; unreadable_input and extraction_incomplete belong to broken files.
KINDS = (
    "score_exceeds_weight", "category_weight_cap", "category_score_cap", "total_mismatch",
    "execution_rate_mismatch", "funding_sum_mismatch", "funding_score_formula",
    "section_sum_mismatch", "narrative_table_mismatch", "count_mismatch",
    "project_topic_mismatch", "project_name_mismatch", "year_mismatch", "grade_mismatch",
    "vague_actual_value", "missing_deviation_reason", "empty_indicator_scored",
    "unit_mismatch", "typo",
)


@dataclass
class Defect:
    """What was injected and what a checker should report.

    `project` is the name in the project's own table (None for the opening's count); `found`
    is what a checker would quote: the stated value as printed, or for a 一级 cap the rows'
    sum; `expected` is what consistency requires (None where no single value is right);
    `also` lists kinds a faithful checker may report as well; `where` is the part of the
    document: table, narrative, opening or attachment."""

    kind: str
    project: str | None
    description: str
    found: str
    expected: str | None = None
    also: list[str] = field(default_factory=list)
    where: str = "table"

    def as_dict(self) -> dict:
        return asdict(self)


Injector = Callable[[Report, random.Random, set], "Defect | None"]
INJECTORS: dict[str, Injector] = {}


def register(kind: str) -> Callable[[Injector], Injector]:
    def wrap(fn: Injector) -> Injector:
        INJECTORS[kind] = fn
        return fn
    return wrap


def _load() -> None:
    # NOTE: imported here, not at the top: the injector modules import this one for
    # Defect/register, and registration must happen before the first lookup.
    from auditor.synth import inject_funding, inject_prose, inject_table, inject_words  # noqa: F401


def inject(report: Report, kind: str, rng: random.Random, *, copy: bool = True,
           taken: set[str] | None = None) -> tuple[Report, Defect | None]:
    """Inject one defect of `kind` into `report` (a deep copy unless copy=False).

    `taken` names projects that already carry a defect; the injector avoids them and returns
    None when it cannot (several defects in one report never touch the same project).
    """
    _load()
    if kind not in INJECTORS:
        raise ValueError(f"no injector for kind {kind!r}; injectable: {', '.join(injectable_kinds())}")
    target = _copy.deepcopy(report) if copy else report
    return target, INJECTORS[kind](target, rng, taken or set())


def injectable_kinds() -> tuple[str, ...]:
    _load()
    return tuple(k for k in KINDS if k in INJECTORS)


# ---- helpers shared by the injectors -------------------------------------------------------

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
    """Re-derive what follows from p's scores: 总分, its prose, its attachment."""
    restate_total(p)
    restate_narrative(p, report.rate_style)
    if report.attachment is not None and report.attachment.project == p.name:
        restate_attachment(report)


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
