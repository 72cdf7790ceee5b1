"""Injectors for defects in the 项目资金 block: 执行率, the sum of the sources, 执行率得分."""

from __future__ import annotations

import random
from decimal import Decimal

from auditor.synth.forms import form_of
from auditor.synth.injectors.defect import Defect, injects
from auditor.synth.injectors.helpers import (
    clear_of,
    free_projects,
    half,
    not_unit_slip,
    pick,
    printed,
    rate_interval,
    restate_after,
    sum_clear,
    transpose,
)
from auditor.synth.model import (
    HUNDRED,
    Project,
    Report,
    funding_score,
    plain,
    q2,
    rate_of,
    rate_text,
    ratio_text,
    shown_rate,
)
from auditor.synth.vocab import LOW_RATE_CAUSE


def _wrong_rates(p: Project, rng: random.Random, style: str, lo: Decimal) -> list[Decimal]:
    """Rates people actually mis-state: 100% for an unspent budget, 执行数/年初预算数 after an
    adjustment, two digits swapped, a few points off; last, one safely below every rounding.
    Each at the precision the form prints rates with (whole percent for a ratio like 0.97)."""
    t = p.total
    true = t.rate
    at = Decimal(1).scaleb(-p.rate_places)
    out = [Decimal(100) if style == "int" else Decimal("100.00")] if t.executed < t.budget else []
    if t.initial and t.initial != t.budget:
        out.append(rate_of(t.executed, t.initial, p.rate_places))
    swapped = transpose(true, rng)
    if swapped is not None:
        out.append(q2(swapped))
    out.append(q2(true - rng.randint(1, 9)))
    rng.shuffle(out)
    out.append(q2(lo - rng.randint(2, 9)))
    return [x.quantize(at) if x != HUNDRED else x for x in out]


@injects("execution_rate_mismatch")
def execution_rate_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A 执行率 that 执行数/预算数 cannot give under any rounding of the printed amounts. The
    得分 follows the stated rate (as in the sample's 100% beside 97.31%), then 总分 and prose."""
    ratio = form_of(r.form).ratio
    for p in rng.sample(free_projects(r, taken), len(free_projects(r, taken))):
        t = p.total
        lo, hi = rate_interval(t.executed, t.budget)
        true = t.rate
        new = next(
            (
                x
                for x in _wrong_rates(p, rng, r.rate_style, lo)
                if 0 < x <= HUNDRED and clear_of(shown_rate(x, r.rate_style, ratio), lo, hi)
            ),
            None,
        )
        if new is None:
            continue
        t.rate = new
        t.score = funding_score(new, p.fund_weight)
        restate_after(r, p)
        if new < 90:  # a stated low rate is explained, as FUND-LOW-EXPLAIN asks
            p.narrative.problem = LOW_RATE_CAUSE
        also = [] if t.score == funding_score(true, p.fund_weight) else ["funding_score_formula"]
        stated = ratio_text(new) if ratio else rate_text(new)  # what a checker quotes: the cell as printed
        return Defect(
            "execution_rate_mismatch",
            p.name,
            f"执行率写{stated}，{t.executed}/{t.budget}={rate_text(true)}",
            stated,
            rate_text(true),
            also=also,
        )
    return None


@injects("funding_sum_mismatch")
def funding_sum_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A sub-row amount that no longer adds up to 年度资金总额: two digits swapped, a round
    slip, or 上年结转资金 filled in but left out of the total. The sub-row's own rate follows,
    and a changed budget changes its 年初预算数 too, so no adjustment is implied."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    t = p.total
    empty = [row for row in p.funding[1:] if row.budget is None]
    if empty and rng.random() < 0.3:
        row, attr = empty[0], "budget"
        row.initial = row.budget = row.executed = max(Decimal(1), (t.budget / 10).quantize(Decimal(1)))
    else:
        row, attr = _slip_amount(p, rng)
    row.rate = rate_of(row.executed, row.budget, p.rate_places)
    parts = [getattr(x, attr) for x in p.funding[1:] if getattr(x, attr) is not None]
    stated = getattr(t, attr)
    name = {"budget": "全年预算数", "executed": "全年执行数"}[attr]
    return Defect(
        "funding_sum_mismatch",
        p.name,
        f"{name}：年度资金总额{stated}，分项合计{sum(parts, Decimal(0))}（{row.label}有误）",
        str(stated),
        str(sum(parts, Decimal(0))),
    )


def _slip_amount(p: Project, rng: random.Random):
    """Change one sub-row's budget or spending beyond every rounding slack, keeping 执行数 ≤ 预算数."""
    rows = [row for row in p.funding[1:] if row.budget is not None]
    combos = [(row, attr) for row in rows for attr in ("budget", "executed")]
    rng.shuffle(combos)
    for row, attr in combos:
        old = getattr(row, attr)
        for new in (transpose(old, rng), old + rng.choice((10, 100, 1)), old - rng.choice((10, 1)), old * 2):
            if new is None or new <= 0 or new == old:
                continue
            new = new.quantize(old)
            if (attr == "executed" and new > row.budget) or (attr == "budget" and new < row.executed):
                continue
            others = [getattr(x, attr) for x in p.funding[1:] if x is not row and getattr(x, attr) is not None]
            if sum_clear(getattr(p.total, attr), others + [new]) and not_unit_slip(new, old):
                setattr(row, attr, new)
                if attr == "budget":
                    row.initial = new
                return row, attr
    raise AssertionError("no sub-row amount can be changed")  # budgets are ≥ 1 万元, so 'old * 2' always fits


@injects("funding_score_formula")
def funding_score_formula(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A 执行率 得分 that neither the linear rule (min(r,100%)×w) nor the banded variant gives
    for the stated rate (at the precision it is printed with): full marks below 100%, a whole
    number, a point off. 总分 and prose follow."""
    ratio = form_of(r.form).ratio
    for p in rng.sample(free_projects(r, taken), len(free_projects(r, taken))):
        t = p.total
        w = p.fund_weight
        lo, hi = rate_interval(t.executed, t.budget)
        shown = shown_rate(t.rate, r.rate_style, ratio)
        lo, hi = min(lo, shown - half(shown)), max(hi, shown + half(shown))
        lo, hi = min(lo, HUNDRED) / HUNDRED * w, min(hi, HUNDRED) / HUNDRED * w
        share = 1 if t.rate >= 100 else Decimal("0.7") if t.rate >= 80 else Decimal("0.5") if t.rate >= 60 else 0
        band = w * share
        linear = t.score
        options = (w, printed(w * Decimal("0.9")), printed(w * Decimal("0.8")), q2(linear - 1), q2(lo - 1))
        # NOTE: also clear of truncation (9 for 9.95 is a truncated 9.95, not a wrong formula)
        new = next((x for x in options if x != band and 0 <= x <= w and clear_of(x, lo - 2 * half(x), hi)), None)
        if new is None:
            continue
        t.score = new
        restate_after(r, p)
        return Defect(
            "funding_score_formula",
            p.name,
            f"执行率{rate_text(t.rate)}，得分写{plain(new)}，按比例应为{plain(linear)}",
            plain(new),
            plain(linear),
        )
    return None
