"""Injectors for defects in a 自评表's indicator block: scores, 一级 caps, 总分, indicator rows."""

from __future__ import annotations

import random
from decimal import Decimal

from auditor.synth.forms import form_of
from auditor.synth.indicators import deduct, shortfall
from auditor.synth.injectors.defect import Defect, injects
from auditor.synth.injectors.helpers import free_projects, half, pick, printed, restate_after, sum_clear
from auditor.synth.model import (
    HUNDRED,
    Indicator,
    Project,
    Report,
    plain,
    q2,
    restate_attachment,
    restate_narrative,
)
from auditor.synth.vocab import DEVIATION_REASONS, LEVEL1_OF, LEVEL2

_DEDUCTIBLE = ("ge", "ge%", "eq%", "qual", "sat")
_MEASURED = ("ge", "ge%", "eq%", "le", "le%", "zero", "cost", "sat")


def _full(rows: list[Indicator], kinds: tuple[str, ...] | None = None) -> list[Indicator]:
    return [i for i in rows if i.weight is not None and i.score == i.weight and (kinds is None or i.kind in kinds)]


def _in(p: Project, level1: str) -> list[Indicator]:
    return [i for i in p.scored() if i.level1 == level1]


def _slack(values: list[Decimal]) -> Decimal:
    """The rounding slack of a sum of printed figures: half a unit of the least precise one
    (see defects.sum_clear)."""
    return max(half(printed(v)) for v in values)


@injects("score_exceeds_weight")
def score_exceeds_weight(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """An indicator scored above its weight; the points come from a sibling row that now
    misses its target (with its reason), so no sum, cap or 总分 changes. One report in five,
    or where no sibling can give enough, puts a percentage in the 执行率 得分 cell instead
    (the sample's 85 of 10), which also breaks its formula and 总分. A form that prints no
    分值 column (20 + 80) shows only that one: its 执行率 weight is in the header (20分*执行率)."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    if rng.random() < 0.8 and form_of(r.form).weights:
        for level1 in rng.sample(list(p.caps), len(p.caps)):
            rows = _in(p, level1)
            for donor in rng.sample(_full(rows, _DEDUCTIBLE), len(_full(rows, _DEDUCTIBLE))):
                taker = pick(rng, [t for t in _full(rows) if t is not donor])
                if taker is None:
                    continue
                saved, old = (donor.actual, donor.score, donor.reason), donor.score
                # over by more than the slack of both printed figures, so no rounding excuses it
                if deduct(rng, donor, weak=True, below=old - half(printed(taker.weight)) - Decimal("0.51")):
                    taker.score += old - donor.score
                    return Defect(
                        "score_exceeds_weight",
                        p.name,
                        f"{taker.name}得分{plain(taker.score)}超过分值"
                        f"{plain(taker.weight)}（{donor.name}少得的分数记到了它上面）",
                        plain(taker.score),
                        f"<= {plain(taker.weight)}",
                    )
                donor.actual, donor.score, donor.reason = saved
    t = p.total
    t.score = t.rate if t.rate > p.fund_weight else Decimal(85)
    return Defect(
        "score_exceeds_weight",
        p.name,
        f"预算执行率得分写成{plain(t.score)}，分值仅{plain(t.weight)}",
        plain(t.score),
        f"<= {plain(t.weight)}",
        also=["funding_score_formula", "total_mismatch"],
    )


def _pairs(p: Project, rng: random.Random) -> list[tuple[str, str]]:
    pairs = [(a, b) for a in p.caps for b in p.caps if a != b]
    rng.shuffle(pairs)
    return pairs


def _weights(p: Project, level1: str) -> list[Decimal]:
    return [i.weight for i in _in(p, level1)] + [p.caps[level1]]


@injects("category_weight_cap")
def category_weight_cap(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """Weight moved from a row of one 一级 to a row of another, beyond the rounding slack of
    the printed weights. The receiving row keeps its score, so it now misses its target by
    that much (actual and reason adjusted) and no 一级's scores exceed its cap; 总分's weight
    stays 100. Where no row can take it, a stated cap "(50分)" that its rows do not reach."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    for a, b in _pairs(p, rng) if rng.random() < 0.7 else []:
        delta = Decimal(int(max(_slack(_weights(p, a)), _slack(_weights(p, b)))) + 1 + rng.randint(0, 2))
        takers = _full(_in(p, a), ("ge", "ge%", "eq%", "sat"))
        givers = [i for i in _full(_in(p, b)) if i.weight > delta]
        if not (takers and givers):
            continue
        taker, giver = rng.choice(takers), rng.choice(givers)
        old = taker.weight
        taker.weight += delta
        shortfall(taker, old / taker.weight)
        taker.reason = rng.choice(DEVIATION_REASONS)
        giver.weight -= delta
        giver.score -= delta
        restate_after(r, p)
        total = sum((i.weight for i in _in(p, a)), Decimal(0))
        return Defect(
            "category_weight_cap",
            p.name,
            f"{a}各行分值合计{plain(total)}，与上限{plain(p.caps[a])}不符（{b}相应少了{plain(delta)}分）",
            plain(total),
            plain(p.caps[a]),
        )
    a = rng.choice(list(p.caps))
    rows_total = sum((i.weight for i in _in(p, a)), Decimal(0))
    p.caps[a] = rows_total + (5 if _slack(_weights(p, a)) < 4 else 10)
    return Defect(
        "category_weight_cap",
        p.name,
        f"{a}标注({plain(p.caps[a])}分)，各行分值合计只有{plain(rows_total)}",
        plain(rows_total),
        plain(p.caps[a]),
    )


@injects("category_score_cap")
def category_score_cap(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """The scores under one 一级 add up to more than its cap (beyond rounding). Each score is
    within its weight, so the 一级's weights exceed the cap too: category_weight_cap comes
    along. Weight and points move together from another 一级, so 总分 is unchanged."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    for a, b in _pairs(p, rng):
        scores = [i.score for i in _in(p, a)]
        delta = Decimal(int(p.caps[a] - sum(scores, Decimal(0)) + _slack(scores + [p.caps[a]])) + 2)
        takers = _full(_in(p, a))
        givers = [i for i in _full(_in(p, b)) if i.weight > delta]
        if takers and givers:
            taker, giver = rng.choice(takers), rng.choice(givers)
            taker.weight += delta
            taker.score += delta
            giver.weight -= delta
            giver.score -= delta
            break
    else:
        a = rng.choice(list(p.caps))
        scores = [i.score for i in _in(p, a)]
        p.caps[a] = Decimal(int(sum(scores, Decimal(0)) - _slack(scores)) - rng.randint(2, 4))
    total = sum((i.score for i in _in(p, a)), Decimal(0))
    return Defect(
        "category_score_cap",
        p.name,
        f"{a}各行得分合计{plain(total)}，超过上限{plain(p.caps[a])}",
        plain(total),
        f"<= {plain(p.caps[a])}",
        also=["category_weight_cap"],
    )


@injects("total_mismatch")
def total_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """总分 that is not the sum of its rows (the deductions forgotten, or a slip); the prose
    and the attachment repeat the stated 总分, so only the sum is broken."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    true = p.total_score
    parts = [printed(p.total.score)] + [printed(i.score) for i in p.scored()]
    options = [HUNDRED] if true < 99 else []
    options += [q2(true - Decimal(rng.randint(100, 600)) / 100), q2(true + Decimal(rng.randint(100, 600)) / 100)]
    for new in options:
        if Decimal(0) < new <= HUNDRED and sum_clear(printed(new), parts):
            p.total_score = new
            restate_after_total(r, p)
            return Defect(
                "total_mismatch", p.name, f"总分写{plain(new)}，各行得分合计{plain(true)}", plain(new), plain(true)
            )
    return None


def restate_after_total(r: Report, p: Project) -> None:
    """The prose and attachment follow the stated 总分 (not the sum), without re-summing."""
    restate_narrative(p, r.rate_style)
    if r.attachment is not None and r.attachment.project == p.name:
        restate_attachment(r)


@injects("vague_actual_value")
def vague_actual_value(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A quantitative target answered with words (达成预期指标) on a fully scored row."""
    rows = [(p, i) for p in free_projects(r, taken) for i in _full(p.scored(), _MEASURED)]
    if rows:
        p, row = rng.choice(rows)
    else:  # every measured row fell short: give one back its full score first
        rows = [(p, i) for p in free_projects(r, taken) for i in p.scored() if i.kind in _MEASURED]
        if not rows:
            return None
        p, row = rng.choice(rows)
        row.score, row.reason = row.weight, ""
        restate_after(r, p)
    row.actual = rng.choice(("达成预期指标", "较好", "效果明显", "已完成"))
    return Defect(
        "vague_actual_value", p.name, f"{row.name}目标{row.target}，实际完成值写“{row.actual}”", row.actual, row.target
    )


@injects("missing_deviation_reason")
def missing_deviation_reason(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A row scored below its weight whose 偏差原因 is blank or a placeholder (无, —)."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    short = [i for i in p.scored() if i.score < i.weight]
    if not short:
        row = rng.choice(_full(p.scored(), _DEDUCTIBLE))
        deduct(rng, row)
        restate_after(r, p)
        short = [row]
    row = rng.choice(short)
    row.reason = rng.choice(("", "无", "—"))
    return Defect(
        "missing_deviation_reason",
        p.name,
        f"{row.name}得分{plain(row.score)}低于分值{plain(row.weight)}，未填写偏差原因",
        plain(row.score),
        plain(row.weight),
    )


@injects("empty_indicator_scored")
def empty_indicator_scored(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A template row with no indicator and no weight that still says 达成预期指标 and scores 0
    (the sample's 生态效益 row): no sum moves, only the empty row carries values (on F7, which
    prints no scores, the value alone)."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    empty = [i for i in p.indicators if i.weight is None]
    if not empty:
        used = {i.level2 for i in p.indicators}
        level2 = next((l2 for l2 in LEVEL1_OF if l2 not in used), LEVEL2["产出指标"][0])
        row = Indicator(LEVEL1_OF[level2], level2)
        order = list(LEVEL1_OF)
        at = max((k + 1 for k, i in enumerate(p.indicators) if order.index(i.level2) <= order.index(level2)), default=0)
        p.indicators.insert(at, row)
        empty = [row]
    row = rng.choice(empty)
    row.actual, row.score = "达成预期指标", Decimal(0)
    scored = form_of(r.form).scored  # F7 prints no 得分: only the value shows
    return Defect(
        "empty_indicator_scored",
        p.name,
        f"{row.level2}下无指标、无分值的空行填了“{row.actual}”" + ("和得分0" if scored else ""),
        "0" if scored else row.actual,
        None,
    )
