"""Injectors for defects in the 项目资金 block: 执行率, the sum of the sources, 执行率得分."""
from __future__ import annotations

import random
from decimal import Decimal

from auditor.synth.defects import (
    Defect,
    clear_of,
    free_projects,
    half,
    not_unit_slip,
    pick,
    rate_interval,
    register,
    restate_after,
    sum_clear,
    transpose,
)
from auditor.synth.model import (
    FUND_WEIGHT,
    HUNDRED,
    Project,
    Report,
    funding_score,
    plain,
    q2,
    rate_of,
    rate_text,
)
from auditor.synth.vocab import LOW_RATE_CAUSE


def _wrong_rates(p: Project, rng: random.Random, style: str, lo: Decimal) -> list[Decimal]:
    """Rates people actually mis-state: 100% for an unspent budget, 执行数/年初预算数 after an
    adjustment, two digits swapped, a few points off; last, one safely below every rounding."""
    t = p.total
    true = t.rate
    out = [Decimal(100) if style == "int" else Decimal("100.00")] if t.executed < t.budget else []
    if t.initial and t.initial != t.budget:
        out.append(rate_of(t.executed, t.initial))
    swapped = transpose(true, rng)
    if swapped is not None:
        out.append(q2(swapped))
    out.append(q2(true - rng.randint(1, 9)))
    rng.shuffle(out)
    return out + [q2(lo - rng.randint(2, 9))]


@register("execution_rate_mismatch")
def execution_rate_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A 执行率 that 执行数/预算数 cannot give under any rounding of the printed amounts. The
    得分 follows the stated rate (as in the sample's 100% beside 97.31%), then 总分 and prose."""
    for p in rng.sample(free_projects(r, taken), len(free_projects(r, taken))):
        t = p.total
        lo, hi = rate_interval(t.executed, t.budget)
        true = t.rate
        new = next((x for x in _wrong_rates(p, rng, r.rate_style, lo) if 0 < x <= HUNDRED and clear_of(x, lo, hi)), None)
        if new is None:
            continue
        t.rate = new
        t.score = funding_score(new)
        restate_after(r, p)
        if new < 90:  # a stated low rate is explained, as FUND-LOW-EXPLAIN asks
            p.narrative.problem = LOW_RATE_CAUSE
        also = [] if t.score == funding_score(true) else ["funding_score_formula"]
        return Defect("execution_rate_mismatch", p.name, f"执行率写{rate_text(new)}，"
                      f"{t.executed}/{t.budget}={rate_text(true)}", rate_text(new), rate_text(true), also=also)
    return None


@register("funding_sum_mismatch")
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
    row.rate = rate_of(row.executed, row.budget)
    parts = [getattr(x, attr) for x in p.funding[1:] if getattr(x, attr) is not None]
    stated = getattr(t, attr)
    name = {"budget": "全年预算数", "executed": "全年执行数"}[attr]
    return Defect("funding_sum_mismatch", p.name, f"{name}：年度资金总额{stated}，分项合计"
                  f"{sum(parts, Decimal(0))}（{row.label}有误）", str(stated), str(sum(parts, Decimal(0))))


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


@register("funding_score_formula")
def funding_score_formula(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A 执行率 得分 that neither the linear rule (min(r,100%)×10) nor the banded variant gives
    for the stated rate: full marks below 100%, a whole number, a point off. 总分 and prose follow."""
    for p in rng.sample(free_projects(r, taken), len(free_projects(r, taken))):
        t = p.total
        lo, hi = rate_interval(t.executed, t.budget)
        lo, hi = min(lo, t.rate - half(t.rate)), max(hi, t.rate + half(t.rate))
        lo, hi = min(lo, HUNDRED) / 10, min(hi, HUNDRED) / 10
        band = Decimal(10) if t.rate >= 100 else Decimal(7) if t.rate >= 80 else Decimal(5) if t.rate >= 60 else Decimal(0)
        linear = t.score
        options = (Decimal(10), Decimal(9), Decimal(8), q2(linear - 1), q2(lo - 1))
        # NOTE: also clear of truncation (9 for 9.95 is a truncated 9.95, not a wrong formula)
        new = next((x for x in options if x != band and 0 <= x <= FUND_WEIGHT and clear_of(x, lo - 2 * half(x), hi)),
                   None)
        if new is None:
            continue
        t.score = new
        restate_after(r, p)
        return Defect("funding_score_formula", p.name, f"执行率{rate_text(t.rate)}，得分写{plain(new)}，"
                      f"按比例应为{plain(linear)}", plain(new), plain(linear))
    return None
