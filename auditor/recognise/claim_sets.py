"""Which of the prose's claims belong together: a rate and its amounts, parts and their whole, two
statements of one quantity.

The checks are the rules' (rules/prose/); this module only says, for each
group it is sure of, what the figures are. Precision first: a claim whose
quantity is not certain (a batch, a running total, an adjustment, an amount of
another level of government, two amounts where one is wanted) is left out,
and nothing is grouped across documents.

- **Rates in place**: "下达预算2596万元，…支出2595.6208万元，…执行率99%": a fund rate
  with one budget and one amount spent before it in its sentence (the budget may
  stand earlier in the paragraph when the sentence has none).
- **Shares**: "完成3.649万人，完成目标任务3.22万人的113.33%"; "超任务43%" against the one
  task and the one result the document states in that unit; "1777万元，占比85.06%"
  against the whole it is a part of.
- **Parts and whole**: "下达资金61.8万元，其中中央30.9万元、县级30.9万元", or the parts
  first and "共计下达61.8万元" after: only parts that each name a different source.
  A whole 10,000 times the parts (or the parts 10,000 times it) is a unit slip.
- **Two statements of one quantity**: what one level of government gave, stated
  twice with different amounts; "2179万元已全部拨付" against "已拨付2113.63万元".
- **Spent against budget**: one budget and one amount spent in a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from auditor.document import Locator
from auditor.numbers import half_unit
from auditor.recognise.claims import Amount, Count, Passage
from auditor.recognise.records import Field

#: The most parts one statement lists (a list of 中央, 省级, 市级, 县级 … and other sources).
MAX_PARTS = 12
#: Rates that are an amount spent over the budget.
FUND_RATES = re.compile(r"^(?:预算|资金|项目|经费)?(?:执行|支付|拨付)率$")
_OF_WHOLE = re.compile(r"其中[:：]?\s*$")
_TOTAL = re.compile(r"(?:共计|合计|总计|共)(?:下达|安排|拨付|投入|落实)?(?:资金)?\s*$")
#: Words that explain spending above the budget: a budget adjusted, funds added or carried over.
EXPLAINED = re.compile(r"追加|调整|调增|超支|超出预算|超过预算|结转|上年结余|以前年度|预算变更|增加预算")


@dataclass(slots=True)
class Figure:
    """A figure of a check: as printed and where (`field`), and its value in the check's unit."""

    field: Field
    value: Decimal


@dataclass(slots=True)
class Ratio:
    relation: str  # rate | share | excess
    name: str
    stated: Figure
    numerator: Figure
    denominator: Figure
    evidence: str
    loc: Locator
    #: Whether the figures are of the whole project (no level of government named): then a rate is also
    #: the one its table states.
    of_whole: bool = False


@dataclass(slots=True)
class PartsStatement:
    whole: Figure
    parts: list[tuple[str, Figure]]  # (source, amount)
    evidence: str
    loc: Locator


@dataclass(slots=True)
class Pair:
    """Two statements of one quantity: `stated` the odd one, `other` what the rest of the document says."""

    quantity: str
    stated: Figure
    other: Figure
    stated_sentence: str
    other_sentence: str
    loc: Locator


@dataclass(slots=True)
class Spending:
    budget: Figure
    spent: Figure
    explained: bool
    evidence: str
    loc: Locator


@dataclass(slots=True)
class ClaimSets:
    ratios: list[Ratio] = field(default_factory=list)
    parts: list[PartsStatement] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    unit_slips: list[Pair] = field(default_factory=list)
    spending: list[Spending] = field(default_factory=list)

    @property
    def checks(self) -> int:
        return len(self.ratios) + len(self.parts) + len(self.pairs) + len(self.unit_slips) + len(self.spending)

    def figures(self) -> int:
        """How many printed figures the checks read (each counted once, wherever it is read again)."""
        seen = set()
        for r in self.ratios:
            seen.update((f.field.loc, f.field.text) for f in (r.stated, r.numerator, r.denominator))
        for s in self.parts:
            seen.add((s.whole.field.loc, s.whole.field.text))
            seen.update((f.field.loc, f.field.text) for _source, f in s.parts)
        for p in self.pairs + self.unit_slips:
            seen.update((f.field.loc, f.field.text) for f in (p.stated, p.other))
        for s in self.spending:
            seen.update((f.field.loc, f.field.text) for f in (s.budget, s.spent))
        return len(seen)


def _around(a: Amount, before: int = 24) -> str:
    """The words of an amount's clause, for a message that quotes two of them."""
    return a.clause[-before:].lstrip() + a.field.text + a.after


def _money(a: Amount) -> Figure:
    return Figure(a.field, a.wan)


def _count(c: Count) -> Figure:
    return Figure(c.field, c.value)


def _same(a: Decimal, b: Decimal) -> bool:
    """Equal at the coarser of the two printed precisions (each value keeps its printed exponent)."""
    return abs(a - b) <= max(half_unit(a), half_unit(b))


#: A text that speaks of several projects: amounts stated twice may be two projects' (2个项目, 三个项目).
SEVERAL_PROJECTS = re.compile(
    r"(?<!\d)(?:[2-9]|\d{2,})\s*个(?:项目|专项)|(?<![两二三四五六七八九十])[两二三四五六七八九十]+个(?:项目|专项)"
)  # NOTE: the lookbehind starts a count where its numerals start: a long run of numerals is scanned once
#: An outline item that names a project ("一、农村道路项目。"): two of them are two projects.
_PROJECT_ITEM = re.compile(
    r"(?m)^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])[^，。,\n]{2,24}?项目[。，,：:\s]"
)


def claim_sets(passages: list[Passage], text_of_document: str, year: str | None = None, tables: int = 0) -> ClaimSets:
    """The checkable groups of one document's claims; `year` the report's own (else the one most named).

    Two statements of one quantity are compared only in a document of one project (at most one
    table, and no word of several projects): elsewhere they may be two projects' amounts.
    """
    out = ClaimSets()
    if year is None:
        named = Counter(y for p in passages for a in p.amounts for y in a.years)
        year = named.most_common(1)[0][0] if named else None
    explained = bool(EXPLAINED.search(text_of_document))
    for passage in passages:
        _rates(passage, out)
        _shares(passage, out)
        _parts(passage, out)
        _spending(passage, explained, out)
    _excess(passages, out)
    several = SEVERAL_PROJECTS.search(text_of_document) or len(_PROJECT_ITEM.findall(text_of_document)) >= 2
    if tables <= 1 and not several:
        _level_pairs(passages, year, out)
        _paid_pairs(passages, out)
        _same_digits(passages, out)
    return out


def _plain(a: Amount) -> bool:
    return not a.partial and not a.not_own


def _one(amounts: list[Amount]) -> Amount | None:
    """The amount when all of them state one value, else None."""
    values = {a.wan for a in amounts}
    return amounts[0] if len(values) == 1 else None


def _rates(passage: Passage, out: ClaimSets) -> None:
    """Each fund rate with the one amount spent and the one budget before it in its sentence.

    NOTE: amounts and rates are both in reading order, so one walk pairs them: the
    budgets of the paragraph so far are kept as they are passed (linear however long).
    """
    # NOTE: a carry-over or an addition beside a budget makes the rate's base uncertain
    uncertain = {a.s for a in passage.amounts if a.role == "budget" and a.partial}
    amounts = [a for a in passage.amounts if _plain(a)]
    k, budgets_before = 0, []  # the plain budgets before the rate, in the whole paragraph
    sentence: list[Amount] = []  # the plain amounts before the rate, in its sentence (the last few)
    in_this = 0  # how many amounts its sentence has so far
    if passage.restated:
        return  # NOTE: NARRATIVE_RATE checks it, beside the table
    for rate in passage.rates:
        while k < len(amounts) and amounts[k].at < rate.at:
            a = amounts[k]
            if sentence and sentence[-1].s != a.s:
                sentence, in_this = [], 0
            sentence.append(a)
            in_this += 1
            if len(sentence) > MAX_PARTS:
                del sentence[0]
            if a.role == "budget" and len(budgets_before) < 2 and a.wan not in {b.wan for b in budgets_before}:
                budgets_before.append(a)
            k += 1
        if not FUND_RATES.match(rate.name):
            continue
        in_sentence = [a for a in sentence if a.s == rate.s]
        if rate.s in uncertain:
            continue  # NOTE: 本年预算 + 上年结转 (or 追加): which sum the rate is of is not certain
        if in_this > MAX_PARTS and in_sentence:
            continue  # NOTE: a "sentence" of that many amounts is a text without end marks: which are the rate's is not certain
        wanted = ("paid",) if rate.name.endswith(("支付率", "拨付率")) else ("executed", "paid")
        spent = _one([a for a in in_sentence if a.role in wanted])
        budget = _one([a for a in in_sentence if a.role == "budget"] or budgets_before)
        if spent is None or budget is None or (spent.level and budget.level and spent.level != budget.level):
            continue
        if spent.at < budget.at:
            continue  # NOTE: "支出X万元，预算Y万元" is rare; a later budget is more often another quantity's
        out.ratios.append(
            Ratio(
                "rate",
                rate.name,
                Figure(rate.field, _number(rate.field)),
                _money(spent),
                _money(budget),
                rate.sentence,
                rate.field.loc,
                not (spent.level or budget.level),
            )
        )


def _number(f: Field) -> Decimal:
    """A stated rate's value (its Field's figure: "97%" is 97)."""
    fig = f.figure
    return fig.value if fig else Decimal(0)


def _shares(passage: Passage, out: ClaimSets) -> None:
    for share in passage.shares:
        if share.done is None:
            continue
        out.ratios.append(
            Ratio(
                "share",
                "完成比例",
                Figure(share.field, _number(share.field)),
                _count(share.done),
                _count(share.base),
                share.sentence,
                share.field.loc,
            )
        )


def _excess(passages: list[Passage], out: ClaimSets) -> None:
    """ "超任务43%" against the document's one task and one result in a unit (115户 and 264户)."""
    excesses = [(p, e) for p in passages for e in p.excesses]
    if not excesses:
        return
    tasks: dict[str, list[Count]] = {}
    done: dict[str, list[Count]] = {}
    for p in passages:
        for c in p.counts:
            if c.role == "task":
                tasks.setdefault(c.unit, []).append(c)
            elif c.role == "done":
                done.setdefault(c.unit, []).append(c)
    units = [
        u for u in tasks if u in done and len({c.value for c in tasks[u]}) == 1 and len({c.value for c in done[u]}) == 1
    ]
    if len(units) != 1:
        return
    task, result = tasks[units[0]][0], done[units[0]][0]
    if not task.value:
        return
    for _passage, e in excesses:
        numerator = Figure(Field(f"{result.field.text}−{task.field.text}", result.field.loc), result.value - task.value)
        out.ratios.append(
            Ratio(
                "excess", "超任务", Figure(e.field, _number(e.field)), numerator, _count(task), e.sentence, e.field.loc
            )
        )


def _parts(passage: Passage, out: ClaimSets) -> None:
    """Parts that each name a source, after "X万元，其中" or before "共计X万元"."""
    text, amounts = passage.text, passage.amounts
    shares = {r.at: r for r in passage.rates if r.name == "占比"}
    for i, whole in enumerate(amounts):
        end = whole.at + len(whole.field.text)
        gap = text[end : end + 6]
        if re.match(r"^[，,。；;：:]?\s*其中", gap) and not whole.partial:
            parts = _sources(amounts, i, text)
            if len(parts) >= 2:
                _add_parts(whole, parts, shares, out)
        elif _TOTAL.search(whole.clause) and not whole.partial and whole.level is None:
            parts: list[Amount] = []
            for a in reversed(amounts[max(0, i - MAX_PARTS) : i]):
                if a.s != whole.s or a.source is None or a.partial or any(a.source == p.source for p in parts):
                    break
                parts.insert(0, a)
            if len(parts) >= 2:
                _add_parts(whole, parts, shares, out)


def _sources(amounts: list[Amount], i: int, text: str) -> list[Amount]:
    """The amounts after the whole `amounts[i]` and its 其中 that name a source each, up to the 。 or a
    source named twice (at most MAX_PARTS)."""
    whole = amounts[i]
    stop = text.find("。", whole.at, whole.at + 2000)
    stop = len(text) if stop < 0 else stop
    parts: list[Amount] = []
    for a in amounts[i + 1 : i + 1 + MAX_PARTS]:
        if a.at > stop or a.source is None or a.partial or any(a.source == p.source for p in parts):
            break
        parts.append(a)
    return parts


def _add_parts(whole: Amount, parts: list[Amount], shares: dict, out: ClaimSets) -> None:
    total = sum((p.wan for p in parts), Decimal(0))
    for factor in (Decimal(10000), Decimal("0.0001")):
        if total and _same(whole.wan * factor, total):
            scaled = Figure(Field(whole.field.text, whole.field.loc), whole.wan)
            out.unit_slips.append(
                Pair(
                    "合计",
                    scaled,
                    Figure(Field(f"{total}万元", parts[0].field.loc), total),
                    _around(whole),
                    "、".join(_around(p, 8) for p in parts),
                    whole.field.loc,
                )
            )
            whole_value = whole.wan * factor
            break
    else:
        whole_value = None
        out.parts.append(
            PartsStatement(_money(whole), [(p.source or "", _money(p)) for p in parts], whole.sentence, whole.field.loc)
        )
    base = whole_value if whole_value is not None else whole.wan
    for p in parts:
        after = p.at + len(p.field.text)
        share = next((shares[at] for at in range(after, after + 5) if at in shares), None)
        if share is not None and base:
            out.ratios.append(
                Ratio(
                    "share",
                    "占比",
                    Figure(share.field, _number(share.field)),
                    _money(p),
                    Figure(whole.field, base),
                    share.sentence,
                    share.field.loc,
                )
            )


def _spending(passage: Passage, explained: bool, out: ClaimSets) -> None:
    by_sentence: dict[int, list[Amount]] = {}
    uncertain = {a.s for a in passage.amounts if not _plain(a) and a.role in ("budget", "executed", "paid")}
    for a in passage.amounts:
        if _plain(a) and a.s not in uncertain:  # NOTE: a carry-over, an addition, money drawn in: not one budget
            by_sentence.setdefault(a.s, []).append(a)
    for amounts in by_sentence.values():
        budget = _one([a for a in amounts if a.role == "budget"])
        spent = _one([a for a in amounts if a.role in ("executed", "paid") and not a.whole_paid])
        if budget is None or spent is None or spent.at < budget.at:
            continue
        if budget.level and spent.level and budget.level != spent.level:
            continue
        if any(a.role == "budget" and a.at > budget.at for a in amounts):
            continue
        out.spending.append(Spending(_money(budget), _money(spent), explained, spent.sentence, spent.field.loc))


def _level_pairs(passages: list[Passage], year: str | None, out: ClaimSets) -> None:
    """What one level of government gave, stated with two amounts: "中央下达61.8万元" beside 中央 30.9 twice.

    NOTE: a sentence naming another year than the report's speaks of other funds (last year's
    allocation, a notice of the year before): it is left out.
    """
    by_level: dict[str, list[Amount]] = {}
    for p in passages:
        for a in p.amounts:
            if a.years and (year is None or any(y != year for y in a.years)):
                continue
            if a.level and a.role == "budget" and _plain(a) and not _TOTAL.search(a.clause):
                by_level.setdefault(a.level, []).append(a)
    for level, amounts in by_level.items():
        counts = Counter(a.wan for a in amounts)
        if len(counts) != 2:
            continue
        (common, n), (odd, m) = counts.most_common()
        if n == m:
            continue  # NOTE: one against one: which is the level's share and which another quantity is not certain
        stated = next(a for a in amounts if a.wan == odd)
        other = next(a for a in amounts if a.wan == common)
        out.pairs.append(
            Pair(f"{level}资金", _money(stated), _money(other), _around(stated), _around(other), stated.field.loc)
        )


def _paid_pairs(passages: list[Passage], out: ClaimSets) -> None:
    """ "2179万元已全部拨付" against "已完成拨付2113.63万元": all of an amount paid, and less paid."""
    amounts = [a for p in passages for a in p.amounts if _plain(a) and a.level is None]
    whole = [a for a in amounts if a.whole_paid]
    paid = [a for a in amounts if a.role == "paid" and not a.whole_paid and re.search(r"已|完成", a.clause)]
    if not whole or not paid or len({a.wan for a in paid}) != 1:
        return
    done = paid[0]
    for w in whole:
        if w.wan != done.wan and not _same(w.wan, done.wan):
            out.pairs.append(Pair("已拨付资金", _money(w), _money(done), _around(w), _around(done), w.field.loc))
            return


def _same_digits(passages: list[Passage], out: ClaimSets) -> None:
    """An amount in 元 whose digits are another's in 万元 (2089元 beside 2089万元): a unit slip."""
    amounts = [a for p in passages for a in p.amounts if a.role and _plain(a)]
    wan = {}
    for a in amounts:
        if a.unit == "万元":
            wan.setdefault(a.field.text[: -len(a.unit)], a)
    reported = {(s.stated.field.loc, s.stated.field.text) for s in out.unit_slips}
    for a in amounts:
        digits = a.field.text[: -len(a.unit)]
        other = wan.get(digits)
        if a.unit == "元" and other is not None and len(digits.replace(".", "")) >= 3:
            if (a.field.loc, a.field.text) in reported:
                continue
            reported.add((a.field.loc, a.field.text))
            out.unit_slips.append(Pair("金额", _money(a), _money(other), _around(a), _around(other), a.field.loc))
