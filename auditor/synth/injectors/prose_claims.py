"""Injectors for the figures of a report's prose section (auditor.synth.prose), as rules/prose reads them.

Each changes one statement of a consistent section, beyond the rounding of every printed figure
it is checked against, and first adds (consistently) any statement its defect needs: a statement
of the budget's sources for a sum that does not add up, that statement made twice for a level's
funds stated a third time with another amount.

- execution_rate_mismatch: the rate beside its budget and spending is not their quotient;
- funding_sum_mismatch: the sources listed do not add up to the whole (one changed, or one left out);
- unit_mismatch: the whole of a statement of funds written in 元 where its parts are in 万元;
- claim_contradiction: a share (超任务, 完成目标任务…的N%, 占比) that its figures do not give; or, in a
  report that speaks of one project only, a level's funds stated a third time with another amount,
  or "X万元已全部拨付" beside less paid;
- execution_exceeds_budget: spending above the budget, stated without a rate and with no word of an
  adjusted, added or carried-over budget anywhere;
- typo: a word (or a comma) written twice.

A report of one table has its prose rate held against that table too, so a wrong rate there
also disagrees with the table (`also`: narrative_table_mismatch).
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal

from auditor.synth.fast import between, pick, shuffled
from auditor.synth.injectors.defect import Defect, injects
from auditor.synth.injectors.helpers import clear_of, half, not_unit_slip, rate_interval, transpose
from auditor.synth.model import HUNDRED, FundsStatement, Money, Part, Project, ProseSection, Report
from auditor.synth.prose import (
    TYPO_WORDS,
    add_funds,
    draw_counts,
    explained,
    one_project_text,
    prose_paragraphs,
    share_text,
)

_LEVELS = ("中央", "省级", "市级")


def _rounded_clear(whole: Decimal, parts: list[Decimal]) -> bool:
    """Whether a stated whole misses its parts by more than the rounding of every figure: the prose's
    parts are each rounded (PROSE_PARTS_SUM's tolerance: 3.89 + 3.89 printed as 7.79 agrees)."""
    slack = sum((half(x) for x in parts), half(whole))
    return abs(whole - sum(parts, Decimal(0))) > slack + Decimal("0.01")


def _apart(a: Decimal, b: Decimal) -> bool:
    """Two statements of one amount that no printing of either reconciles (and not a 元/万元 slip)."""
    return abs(a - b) > half(a) + half(b) + Decimal("0.01") and not_unit_slip(a, b)


def _section(r: Report, taken: set) -> tuple[ProseSection, Project] | None:
    s = r.prose
    if s is None or s.project in taken:
        return None
    return s, r.project(s.project)


def _at(value: Decimal, like: Decimal) -> Decimal:
    """`value` printed at the precision of `like`."""
    return value.quantize(Decimal(1).scaleb(min(0, like.as_tuple().exponent)), rounding=ROUND_HALF_UP)


def _defect(kind: str, s: ProseSection, description: str, found: str, expected: str | None, also=()) -> Defect:
    return Defect(kind, s.project, description, found, expected, list(also), where="prose")


@injects("execution_rate_mismatch", prose=True)
def prose_rate_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """The section's 执行率 is not its spending over its budget (100% for a budget not all spent, two
    digits swapped, a few points off), at the precision it prints the rate."""
    got = _section(r, taken)
    if got is None:
        return None
    s, _p = got
    budget, spent, true = Decimal(s.budget.digits), Decimal(s.spent.digits), Decimal(s.rate)
    lo, hi = rate_interval(spent, budget)
    options = [Decimal(100)] if spent < budget else []
    swapped = transpose(true, rng)
    options += [swapped] if swapped is not None else []
    options += [true - between(rng, 2, 9), lo - between(rng, 2, 9)]
    new = next((_at(x, true) for x in options if 0 < x <= HUNDRED and clear_of(_at(x, true), lo, hi)), None)
    if new is None:
        return None
    s.states_rate, s.rate = True, str(new)
    return _defect(
        "execution_rate_mismatch",
        s,
        f"文中执行率{new}%，{s.spent.text}÷{s.budget.text}为{true}%",
        f"{new}%",
        f"{true}%",
        also=["narrative_table_mismatch"] if len(r.projects) == 1 else (),
    )


def _funds(s: ProseSection, p: Project, rng: random.Random, both: bool = False) -> FundsStatement | None:
    """The section's first statement of sources, made (consistently) if it has none; with `both`, the
    sources stated a second time in the other style."""
    if not s.funds:
        add_funds(s, p, rng, "both" if both else "of")
    if not s.funds:
        return None  # NOTE: a budget of one unit cannot be split
    if both and len(s.funds) == 1:
        first = s.funds[0]
        other = "total" if first.style == "of" else "of"
        s.funds.append(
            FundsStatement(other, Money(first.whole.digits), [Part(x.source, x.amount) for x in first.parts])
        )
    return s.funds[0]


@injects("funding_sum_mismatch", prose=True)
def prose_parts_sum(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A statement of the budget's sources whose sources do not add up to its whole: one left out
    (of three or more), two digits of one swapped, or a round slip. Its 占比 are left out, as they
    would follow the changed part."""
    got = _section(r, taken)
    if got is None:
        return None
    s, p = got
    f = _funds(s, p, rng)
    if f is None:
        return None
    whole = Decimal(f.whole.digits)
    for part in f.parts:
        part.share = ""
    amounts = [Decimal(x.amount.digits) for x in f.parts]
    kept = amounts[:1] + amounts[2:]
    if len(f.parts) >= 3 and rng.random() < 0.4 and _rounded_clear(whole, kept):
        left = f.parts.pop(between(rng, 1, len(f.parts) - 1))
        how = f"漏列{left.source}资金{left.amount.text}"
    else:
        for part in shuffled(rng, f.parts):
            old = Decimal(part.amount.digits)
            others = [Decimal(x.amount.digits) for x in f.parts if x is not part]
            options = (transpose(old, rng), old + pick(rng, (10, 100, 1)), old * 2)
            new = next(
                (
                    x.quantize(old)
                    for x in options
                    if x is not None and x > 0 and x != old and _rounded_clear(whole, [*others, x.quantize(old)])
                ),
                None,
            )
            if new is not None and not_unit_slip(whole, sum(others, new)):
                part.amount = Money(str(new))
                how = f"{part.source}资金{old}万元写成{new}万元"
                break
        else:
            return None
    total = sum((Decimal(x.amount.digits) for x in f.parts), Decimal(0))
    # NOTE: where the sources are stated twice, the other statement still lists them as they were: a
    # faithful reader may call that two statements of one level's funds (the reader here compares a
    # level's amounts only when one of two values is stated more often)
    also = ["claim_contradiction"] if len(s.funds) > 1 else []
    return _defect(
        "funding_sum_mismatch",
        s,
        f"文中资金合计{f.whole.text}，所列各来源之和{total}万元（{how}）",
        f.whole.text,
        f"{total}万元",
        also=also,
    )


@injects("unit_mismatch", prose=True)
def prose_unit_slip(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """The whole of a statement of sources in 元 with the digits of 万元: "下达资金860元，其中中央资金500万元…"."""
    got = _section(r, taken)
    if got is None:
        return None
    s, p = got
    f = _funds(s, p, rng)
    if f is None:
        return None
    f.whole = Money(f.whole.digits, "元")
    return _defect(
        "unit_mismatch", s, f"文中资金合计写作{f.whole.text}，各来源以万元计", f.whole.text, f"{f.whole.digits}万元"
    )


@injects("typo", prose=True)
def prose_typo(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A word of the section (全年, 实际, 截至, 目前) or a comma written twice: "全年全年支出"."""
    got = _section(r, taken)
    if got is None:
        return None
    s, _p = got
    text = "".join(prose_paragraphs(r))
    what = pick(rng, [w for w in TYPO_WORDS if w in text] + ["，"])
    s.typo = what
    after_mark = [w for w in TYPO_WORDS if re.search("[，。：；]" + w, text)]
    if after_mark and rng.random() < 0.5:
        # NOTE: one character of the word written twice (全全年), where the word follows a mark
        s.typo, s.typo_char = pick(rng, after_mark), True
        return _defect("typo", s, f"文中“{s.typo}”的“{s.typo[0]}”写了两遍", s.typo[0] + s.typo, s.typo)
    return _defect("typo", s, f"文中“{what}”写了两遍", what * 2, what)


def _wrong_share(true: Decimal, lo: Decimal, hi: Decimal, options: list[Decimal | None]) -> Decimal | None:
    """The first of `options` clear of every rounding of the figures it is a share of; last, one
    clearly above them (a small count's share is wide: 7 of 7 may be anything from 87% to 115%)."""
    options = [*options, hi + 10 + (true % 7)]
    return next((_at(x, true) for x in options if x is not None and x > 0 and clear_of(_at(x, true), lo, hi)), None)


def _add_shares(s: ProseSection, p: Project, rng: random.Random) -> None:
    """Give the section a share to get wrong (consistently): its task and result, else each source's 占比."""
    s.counts = draw_counts(p, rng)
    if s.counts is not None:
        return
    f = next((f for f in s.funds if f.style == "of"), None)
    if f is None:
        if s.funds:
            first = s.funds[0]
            f = FundsStatement("of", Money(first.whole.digits), [Part(x.source, x.amount) for x in first.parts])
            s.funds.insert(0, f)
        else:
            f = _funds(s, p, rng)
    if f is not None:
        for x in f.parts:
            x.share = share_text(x.amount.wan, f.whole.wan)


def _share_defect(s: ProseSection, p: Project, rng: random.Random) -> Defect | None:
    """A share the section's figures do not give: 超任务 as the share of the task (113.33% for 13.33%)
    or the other way round, two digits swapped, a few points off; or one source's 占比 of the whole."""
    if s.counts is None and not any(x.share for f in s.funds for x in f.parts):
        _add_shares(s, p, rng)
    choices = []
    c = s.counts
    if c is not None:
        done, task = Decimal(c.done), Decimal(c.task)
        slack = half(done) + half(task)
        if c.excess:
            choices.append(
                (
                    "excess",
                    (done - task - slack) / (task + half(task)) * 100,
                    (done - task + slack) / (task - half(task)) * 100,
                )
            )
        if c.share:
            choices.append(
                (
                    "share",
                    (done - half(done)) / (task + half(task)) * 100,
                    (done + half(done)) / (task - half(task)) * 100,
                )
            )
    shared = [(x, f) for f in s.funds for x in f.parts if x.share]
    if shared:
        choices.append(("占比", None, None))
    if not choices:
        return None
    what, lo, hi = pick(rng, choices)
    if what == "excess":
        true = Decimal(c.excess)
        new = _wrong_share(
            true, lo, hi, [done / task * 100, transpose(true, rng), true + 10, true + between(rng, 2, 9)]
        )
        if new is None:
            return None
        c.excess = str(new)
        label = f"超任务{new}%，按实际完成{c.done}{c.unit}、任务{c.task}{c.unit}应为{true}%"
    elif what == "share":
        true = Decimal(c.share)
        new = _wrong_share(
            true, lo, hi, [(done - task) / task * 100, transpose(true, rng), true - 10, true + between(rng, 2, 9)]
        )
        if new is None:
            return None
        c.share = str(new)
        label = f"完成目标任务{c.task}{c.unit}的{new}%，按实际完成{c.done}{c.unit}应为{true}%"
    else:
        part, f = pick(rng, shared)
        amount, true, whole = Decimal(part.amount.digits), Decimal(part.share), Decimal(f.whole.digits)
        lo = (amount - half(amount)) / (whole + half(whole)) * 100
        hi = (amount + half(amount)) / (whole - half(whole)) * 100
        others = [Decimal(x.share) for x, _f in shared if x is not part]
        new = _wrong_share(
            true, lo, hi, [*others, transpose(true, rng), true + between(rng, 2, 9), true - between(rng, 2, 9)]
        )
        if new is None:
            return None
        part.share = str(new)
        label = f"{part.source}资金{part.amount.text}占比{new}%，按合计{f.whole.text}应为{true}%"
    return _defect("claim_contradiction", s, f"文中{label}", f"{new}%", f"{true}%")


def _level_defect(s: ProseSection, p: Project, rng: random.Random) -> Defect | None:
    """One level's funds stated a third time, with another amount than its two statements of sources
    give: "2023年度中央下达资金860万元" (the whole) beside 中央 500万元 twice."""
    f = _funds(s, p, rng, both=True)
    if f is None:
        return None
    # NOTE: a source after a "；" (its 占比 before it) starts a sentence of its own, so it takes no
    # role from the whole: which quantity it is part of is not certain, and it is not compared
    shared = any(x.share for x in f.parts)
    levels = [x for x in (f.parts[:1] if shared else f.parts) if x.source in _LEVELS]
    if not levels:
        return None
    part = pick(rng, levels)
    old, whole = Decimal(part.amount.digits), Decimal(f.whole.digits)
    options = [whole, transpose(old, rng), old + pick(rng, (10, 100)), old * 2]
    new = next(
        (x.quantize(old) for x in options if x is not None and x > 0 and _apart(x.quantize(old), old)),
        None,
    )
    if new is None:
        return None
    s.restated = (part.source, Money(str(new)))
    return _defect(
        "claim_contradiction",
        s,
        f"文中{part.source}下达资金{new}万元，两处所列{part.source}资金为{part.amount.text}",
        f"{new}万元",
        part.amount.text,
    )


def _paid_defect(s: ProseSection, rng: random.Random) -> Defect | None:
    """ "X万元已全部拨付" beside "已拨付Y万元" with Y below X: all of the budget paid, and less."""
    budget, spent = Decimal(s.budget.digits), Decimal(s.spent.digits)
    paid = spent
    if not _apart(budget, spent):
        paid = (budget * Decimal(between(rng, 850, 980)).scaleb(-3)).quantize(budget)
        if paid <= 0 or not _apart(budget, paid):
            return None
    s.all_paid, s.paid = Money(s.budget.digits), Money(str(paid))
    return _defect(
        "claim_contradiction",
        s,
        f"文中称{s.budget.text}已全部拨付，又称已拨付{paid}万元",
        s.all_paid.text,
        f"{paid}万元",
    )


@injects("claim_contradiction", prose=True)
def prose_contradiction(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """Two statements of the section that cannot both hold: a share against its figures, a level's
    funds stated with two amounts, all paid against less paid."""
    got = _section(r, taken)
    if got is None:
        return None
    s, p = got
    ways = [lambda: _share_defect(s, p, rng)]
    if one_project_text(r):  # NOTE: elsewhere two statements of one amount may be two projects'
        ways += [lambda: _level_defect(s, p, rng), lambda: _paid_defect(s, rng)]
    first = between(rng, 0, len(ways) - 1)
    for way in ways[first:] + ways[:first]:
        defect = way()
        if defect is not None:
            return defect
    return None


@injects("execution_exceeds_budget", prose=True)
def prose_exceeds_budget(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """The section states spending above its budget, with no rate and no word anywhere of a budget
    adjusted, added to or carried over (a report whose words explain it cannot show the defect)."""
    got = _section(r, taken)
    if got is None or explained(r):
        return None
    s, _p = got
    budget, spent = Decimal(s.budget.digits), Decimal(s.spent.digits)
    over = (budget * Decimal(between(rng, 105, 160)).scaleb(-2)).quantize(spent)
    options = [transpose(spent, rng), budget + (budget - spent), over, budget * 2]
    new = next(
        (
            x.quantize(spent)
            for x in options
            if x is not None
            and x.quantize(spent) - half(x.quantize(spent)) > budget + half(budget) + Decimal("0.01")
            and not_unit_slip(x, budget)
        ),
        None,
    )
    if new is None:
        return None
    s.states_rate, s.spent = False, Money(str(new))
    return _defect(
        "execution_exceeds_budget",
        s,
        f"文中支出{new}万元，超过预算{s.budget.text}，未说明原因",
        f"{new}万元",
        f"<= {s.budget.text}",
    )
