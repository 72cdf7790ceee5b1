"""Injectors for figures in the prose around the tables: 自评综述, opening, attached report."""

from __future__ import annotations

import random
from decimal import Decimal

from auditor.synth.build import add_attachment
from auditor.synth.forms import form_of
from auditor.synth.injectors.defect import Defect, injects
from auditor.synth.injectors.helpers import free_projects, half, not_unit_slip, pick, printed, sum_clear, transpose
from auditor.synth.model import HUNDRED, Project, Report, grade_for, plain, q2

_GRADES = "优良中差"


def _attached(r: Report, rng: random.Random, taken: set) -> Project | None:
    """The project of the attached report, attaching one to a free project if there is none."""
    if r.attachment is None:
        p = pick(rng, free_projects(r, taken))
        if p is None:
            return None
        add_attachment(r, p.name, rng)
    name = r.attachment.project
    return None if name in taken else r.project(name)


@injects("section_sum_mismatch")
def section_sum_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """In the attached report, one subsection's score moved so its section no longer sums (or,
    for a section without subsections, its score moved so the sections miss the 总体得分)."""
    p = _attached(r, rng, taken)
    if p is None:
        return None
    a = r.attachment
    section = rng.choice(a.sections)
    leaf = rng.choice(section.subsections) if section.subsections else section
    whole, parts = (section, section.subsections) if section.subsections else (a, a.sections)
    stated = printed(whole.score if whole is section else a.total)
    for delta in (Decimal("0.5"), Decimal(1), Decimal(2), Decimal(3), Decimal(5)):
        down, up = leaf.score - delta, leaf.score + delta
        new = up if up <= leaf.weight and (down < 0 or rng.random() < 0.3) else down
        others = [printed(s.score) for s in parts if s is not leaf]
        if new >= 0 and sum_clear(stated, others + [printed(new)]):
            leaf.score = new
            break
    else:
        return None
    total = sum((s.score for s in parts), Decimal(0))
    label, part = (f"{section.title}自评得分", "小项") if whole is section else ("总体得分", "部分")
    return Defect(
        "section_sum_mismatch",
        p.name,
        f"{label}{plain(stated)}，各{part}合计{plain(total)}",
        plain(stated),
        plain(total),
        where="attachment",
    )


def _other_amount(value: Decimal, rng: random.Random) -> Decimal:
    """A different amount a person might type: digits swapped, or a round slip."""
    for new in (transpose(value, rng), value + rng.choice((10, 100, 1)), value * 2):
        if new is not None and new > 0 and not_unit_slip(new, value) and sum_clear(new, [value]):
            return new.quantize(value)
    raise AssertionError(value)


@injects("narrative_table_mismatch")
def narrative_table_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """One figure of the 自评综述 (or of the attached report's funding sentence) differs from
    the table: the score (within the same grade band, so the stated grade still fits), the
    budget, the spending, or the rate (the sample's 完成预算的100% beside 97.31%). Where the table
    prints no score (F7), the prose states none to get wrong."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    n, t = p.narrative, p.total
    what = rng.choice(("score", "budget", "executed", "rate"))
    if what == "score" and not form_of(r.form).scored:
        what = "budget"
    if what == "score":
        true = p.total_score
        for new in (HUNDRED, q2(true - rng.randint(1, 4)), q2(true + rng.randint(1, 4)), q2(true - Decimal("0.5"))):
            if new <= HUNDRED and grade_for(new) == grade_for(true) and sum_clear(printed(new), [printed(true)]):
                n.score = plain(new)
                return Defect(
                    "narrative_table_mismatch",
                    p.name,
                    f"综述得分{n.score}分，表中总分{plain(true)}",
                    n.score,
                    plain(true),
                    where="narrative",
                )
        what = "budget"
    if what == "rate":
        true = t.rate
        new = Decimal(100) if t.rate < Decimal("99.4") else q2(true - rng.randint(1, 9))
        n.rate = f"{new}%"
        return Defect(
            "narrative_table_mismatch",
            p.name,
            f"综述执行率{n.rate}，表中{true}%",
            n.rate,
            f"{true}%",
            also=["execution_rate_mismatch"],
            where="narrative",
        )
    value = getattr(t, what)
    new = _other_amount(value, rng)
    where = "narrative"
    if r.attachment is not None and r.attachment.project == p.name and rng.random() < 0.3:
        setattr(r.attachment, what, str(new))
        where = "attachment"
    else:
        setattr(n, what, str(new))
    label = {"budget": "全年预算数", "executed": "执行数"}[what]
    return Defect(
        "narrative_table_mismatch",
        p.name,
        f"{'评价报告' if where == 'attachment' else '综述'}{label}{new}万元，表中{value}万元",
        str(new),
        str(value),
        also=["execution_rate_mismatch", *_above_budget(n)] if where == "narrative" else ["execution_rate_mismatch"],
        where=where,
    )


def _above_budget(n) -> list[str]:
    """ "execution_exceeds_budget" when the 自评综述 now states more spent than budgeted: its sentence
    "全年预算数为X万元，执行数为Y万元" is spending against a budget, checked as the prose's are."""
    budget, executed = Decimal(n.budget), Decimal(n.executed)
    return ["execution_exceeds_budget"] if executed - half(executed) > budget + half(budget) else []


@injects("count_mismatch")
def count_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """The opening's "共N个项目" or "涉及资金X万元" disagrees with the projects listed."""
    if "<count>" in taken:
        return None
    true_n, true_f = r.count, r.funds
    if rng.random() < 0.5:
        r.count = true_n + 1 if true_n == 1 or rng.random() < 0.5 else true_n - 1
        return Defect(
            "count_mismatch",
            None,
            f"开篇称共{r.count}个项目，实列{true_n}个",
            str(r.count),
            str(true_n),
            where="opening",
        )
    budgets = [p.total.budget for p in r.projects]
    new = true_f - rng.choice(budgets) if len(budgets) > 1 and rng.random() < 0.5 else _other_amount(true_f, rng)
    r.funds = new
    return Defect(
        "count_mismatch",
        None,
        f"开篇称涉及资金{new}万元，各项目全年预算数合计{true_f}万元",
        str(new),
        str(true_f),
        where="opening",
    )


@injects("grade_mismatch")
def grade_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A stated grade one step off the stated score (良 for 93.5), in the 自评综述 or the
    attached report's conclusion. Where the table prints no score (F7), the prose states no grade:
    the attached report's is the one to get wrong."""
    if not form_of(r.form).scored:
        p = _attached(r, rng, taken)
        if p is None:
            return None
        on_attachment = True
    else:
        p = pick(rng, free_projects(r, taken))
        if p is None:
            return None
        on_attachment = r.attachment is not None and r.attachment.project == p.name and rng.random() < 0.4
    holder = r.attachment if on_attachment else p.narrative
    right = holder.grade
    score = plain(holder.total) if on_attachment else holder.score
    # NOTE: a grade that fits any value within the score's rounding slack is no defect
    value = Decimal(score)
    fits = {grade_for(value - half(value)), grade_for(value + half(value) - Decimal("0.001"))}
    i = _GRADES.index(right)
    near = [g for g in (_GRADES[i - 1] if i else "", _GRADES[i + 1] if i < 3 else "") if g and g not in fits]
    holder.grade = rng.choice(near or [g for g in _GRADES if g not in fits])
    return Defect(
        "grade_mismatch",
        p.name,
        f"得分{score}分，等级写“{holder.grade}”",
        holder.grade,
        right,
        where="attachment" if on_attachment else "narrative",
    )


@injects("unit_mismatch")
def unit_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A figure in 元 where 万元 is meant: the 项目总成本 actual (6617252 for 661.7252万元),
    or the 自评综述's budget or spending with 万元 after a 元 number."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    cost = next((i for i in p.scored() if i.kind == "cost" and i.score == i.weight), None)
    if cost is not None and rng.random() < 0.5:
        yuan = p.total.executed * 10000
        cost.actual = format(yuan.normalize(), "f")
        return Defect(
            "unit_mismatch",
            p.name,
            f"项目总成本实际完成值{cost.actual}（元），目标以万元计{cost.target}",
            cost.actual,
            f"{p.total.executed}万元",
        )
    what = rng.choice(("budget", "executed"))
    value = getattr(p.total, what)
    yuan = format((value * 10000).normalize(), "f")
    setattr(p.narrative, what, yuan)
    return Defect(
        "unit_mismatch",
        p.name,
        f"综述中{yuan}万元实为{value}万元（元数写成万元）",
        f"{yuan}万元",
        f"{value}万元",
        also=["execution_rate_mismatch", *_above_budget(p.narrative)],
        where="narrative",
    )
