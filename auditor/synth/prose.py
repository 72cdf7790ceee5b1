"""A report's prose section on one of its projects: funds, their sources, payment and results, in words.

Published self-evaluations state most of their figures in sentences, and `auditor` reads them
there (auditor/recognise/claims.py, claim_sets.py; rules/prose/). A generated report carries,
with probability `prose` (make_report's option), a section in the shapes that reader reads:

- the rate beside its amounts: "2023年城乡医疗救助预算安排860万元，全年支出852.4万元，预算执行率99.12%",
  the rate computed from the two and printed at a precision its rounding allows;
- the sources of the budget, after it ("下达资金860万元，其中中央财政资金500万元、省级财政资金360万元",
  with 占比 sometimes) or before it ("…，共计下达860万元"), or both;
- payment: "860万元已全部拨付" only when all of it was spent, else "已拨付资金852.4万元";
- a task and what was done, from the project's own 数量 indicator: "超任务5%", "完成目标任务T人的N%".

Every figure restates the project's table or the section's own figures, so a clean section gives no
finding. The wording is drawn from the words the reader knows (预算/下达/安排/批复, 支出/执行/使用,
执行率/预算执行率/资金执行率 …) and keeps clear of the ones that would make a claim uncertain (累计,
调整, 追加 …) or another statement ("项目" in a sentence of funds would read as the report's total).

NOTE: the section is drawn from its own `random.Random`, derived from the report's without drawing
from it (`side_rng`), so a report's tables, figures and table defects are those it had before prose
sections existed.
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from auditor.synth import fast as F
from auditor.synth.indicators import number
from auditor.synth.model import (
    HUNDRED,
    Counts,
    FundsStatement,
    Money,
    Part,
    Project,
    ProseSection,
    Report,
    rate_of,
)

#: Units of a count the reader takes as one (auditor/recognise/claims.py's _COUNT_UNITS, the ones topics use).
#: NOTE: not 个: the opening's "N个项目" is a count in 个 too, read as a task where the name before it
#: says 计划 (义务教育学生营养改善计划), and an excess is checked only against a unit's one task.
COUNT_UNITS = ("人次", "人", "户", "座", "所", "家", "公里", "亩", "场")
#: Levels of government and other sources a statement of funds lists, with the words that name them.
SOURCES = {
    "中央": ("中央财政资金", "中央资金", "中央补助资金"),
    "省级": ("省级财政资金", "省级资金", "省级补助资金"),
    "市级": ("市级财政资金", "市级配套资金", "市级资金"),
    "其他": ("其他资金",),
}
#: Words that explain spending above the budget (the reader's EXPLAINED): a report that says any of
#: them anywhere is not a report whose spending above its budget goes unexplained.
EXPLAINING = (
    "追加",
    "调整",
    "调增",
    "超支",
    "超出预算",
    "超过预算",
    "结转",
    "上年结余",
    "以前年度",
    "预算变更",
    "增加预算",
)
#: Words a typo may write twice: none of them is one the reader's TYPO_REPEAT leaves alone (项目, 资金 …),
#: and writing them twice changes no claim.
TYPO_WORDS = ("全年", "实际", "截至", "目前")

_PLACES = {k: Decimal(1).scaleb(-k) for k in range(5)}


_SALTS: dict[str, int] = {}


def side_rng(rng: random.Random, salt: str) -> random.Random:
    """A generator seeded from `rng`'s state without drawing from it: `rng` goes on as if never asked.

    NOTE: seeded with an int built from a few words of the state, its position and the salt (not a
    string, which Random hashes with SHA-512, nor hash(), which differs between 32- and 64-bit builds).
    """
    state = rng.getstate()[1]
    if salt not in _SALTS:
        _SALTS[salt] = int.from_bytes(salt.encode("utf-8")[:16].ljust(16, b"\0"), "big")
    return random.Random(
        (_SALTS[salt] << 160) ^ (state[-1] << 128) ^ (state[0] << 96) ^ (state[1] << 64) ^ (state[2] << 32) ^ state[3]
    )


def fund_name(name: str) -> str:
    """ "就业补助资金" stays as it is; "城乡医疗救助" becomes "城乡医疗救助资金"."""
    return name if name.endswith("资金") else name + "资金"


# ---- drawing ---------------------------------------------------------------------------------


def add_prose(r: Report, rng: random.Random, project: str | None = None) -> ProseSection:
    """Give report `r` a consistent prose section on `project` (else one drawn)."""
    p = r.project(project) if project else F.pick(rng, r.projects)
    t = p.total
    s = ProseSection(
        project=p.name,
        year=r.year,
        budget=Money(str(t.budget)),
        spent=Money(str(t.executed)),
        rate_places=F.pick(rng, (2, 2, 1, 0)),
        wording={"rate": F.between(rng, 0, 3), "paid": F.between(rng, 0, 1), "counts": F.between(rng, 0, 1)},
    )
    r.prose = s
    restate_prose(r)
    if len(r.projects) == 1 and rng.random() < 0.5:
        # NOTE: a project's own self-evaluation says nothing of the department as a whole; only a text of one
        # project lets a reader compare two statements of one quantity (a level's funds, the amount paid)
        r.whole_department = False
    if rng.random() < 0.7:
        add_funds(s, p, rng, F.pick(rng, ("of", "of", "total", "both")))
    if t.executed == t.budget and rng.random() < 0.6:
        s.all_paid = Money(str(t.budget))
    elif rng.random() < 0.5:
        s.paid = Money(str(t.executed))
    if rng.random() < 0.7:
        s.counts = draw_counts(p, rng)
    return s


def add_funds(s: ProseSection, p: Project, rng: random.Random, styles: str = "of") -> None:
    """State the budget's sources: 2 to 4 of them, each a share of it, adding up exactly to it, at the
    budget's precision ("both": stated twice, the whole first and then the sources first)."""
    budget = p.total.budget
    exponent = budget.as_tuple().exponent
    unit = _PLACES[-exponent] if exponent < 0 else Decimal(1)
    k = F.pick(rng, (2, 2, 3, 3, 4))
    while k > 1 and budget < k * unit:
        k -= 1
    if k < 2:
        return
    names = list(SOURCES) if k == 4 else sorted(F.sample(rng, ("中央", "省级", "市级"), k), key=list(SOURCES).index)
    weights = [F.between(rng, 20, 60) for _ in range(k)]
    amounts = [max(unit, (budget * w / sum(weights)).quantize(unit, rounding=ROUND_DOWN)) for w in weights[1:]]
    first = budget - sum(amounts, Decimal(0))
    if first <= 0:
        return
    parts = [first, *amounts]
    s.wording["funds"] = F.between(rng, 0, 2)
    s.wording["source"] = F.between(rng, 0, 2)
    s.funds = [
        FundsStatement(style, Money(str(budget)), [Part(n, Money(str(a))) for n, a in zip(names, parts)])
        for style in (("of", "total") if styles == "both" else (styles,))
    ]
    if s.funds[0].style == "of" and rng.random() < 0.4:
        places = F.pick(rng, (2, 2, 1))
        for part in s.funds[0].parts:
            part.share = share_text(part.amount.wan, budget, places)


def share_text(part: Decimal, whole: Decimal, places: int = 2) -> str:
    return str((part / whole * HUNDRED).quantize(_PLACES[places], rounding=ROUND_HALF_UP))


def draw_counts(p: Project, rng: random.Random) -> Counts | None:
    """The task and the result of the project's own 数量 indicator, as its row states them (the first
    whose unit the reader counts): mostly 超任务 when it was exceeded, else (and sometimes beside it)
    完成目标任务…的N%."""
    for row in p.indicators:
        if row.level2 != "数量指标" or row.kind != "ge" or not row.topical:
            continue
        try:
            task, done = number(row.target), number(row.actual)
        except AttributeError:
            continue  # NOTE: an actual without a number (a defect of another kind) states no count
        unit = row.target[row.target.index(str(task)) + len(str(task)) :]
        if unit not in COUNT_UNITS or not task:
            continue
        c = Counts(row.name, unit, str(task), str(done))
        places = F.pick(rng, (2, 2, 1, 0))
        if done > task and rng.random() < 0.8:
            c.excess = excess_text(done, task, places)
        if not c.excess or rng.random() < 0.4:
            c.share = share_text(done, task, places)
        return c
    return None


def excess_text(done: Decimal, task: Decimal, places: int = 2) -> str:
    return str(((done - task) / task * HUNDRED).quantize(_PLACES[places], rounding=ROUND_HALF_UP))


# ---- restating -------------------------------------------------------------------------------


def restate_prose(r: Report) -> None:
    """The section's budget, spending and rate restate its project's table as printed.

    A consistent table's rate is recomputed from the amounts at the section's precision (never
    finer than the table's, so the two agree within their printing); a table whose rate is not its
    amounts' (a defect there) is restated as the table prints it, as the 自评综述 does.
    """
    s = r.prose
    if s is None:
        return
    p = r.project(s.project)
    t = p.total
    s.budget, s.spent = Money(str(t.budget)), Money(str(t.executed))
    if t.rate == rate_of(t.executed, t.budget, p.rate_places):
        places = min(s.rate_places, p.rate_places)
        s.rate = str((t.executed / t.budget * HUNDRED).quantize(_PLACES[places], rounding=ROUND_HALF_UP))
    else:
        s.rate = str(t.rate)


def one_project_text(r: Report) -> bool:
    """Whether the report speaks of one project only: one table, and no word of several projects or of
    the department as a whole (where two statements of one amount may be two quantities, the reader
    compares none: auditor/recognise/claim_sets.py)."""
    return len(r.projects) == 1 and not r.whole_department


def explained(r: Report) -> bool:
    """Whether the report's words explain spending above a budget anywhere (an adjusted budget)."""
    if any(p.narrative.initial for p in r.projects):
        return True  # 年中调整为…
    text = "".join(prose_paragraphs(r))
    return any(w in text for w in EXPLAINING)


# ---- rendering -------------------------------------------------------------------------------

_RATE = (
    "{y}年{name}预算安排{b}，全年支出{e}，预算执行率{z}。",
    "{y}年度下达{fund}预算{b}，实际支出{e}，执行率为{z}。",
    "{name}全年预算数{b}，执行{e}，资金执行率达{z}。",
    "截至{y}年底，{name}批复预算{b}，已使用{e}，项目执行率{z}。",
)
_SPENDING = (
    "{y}年{name}预算安排{b}，全年支出{e}。",
    "{y}年度下达{fund}预算{b}，实际支出{e}。",
    "{name}全年预算数{b}，执行{e}。",
    "截至{y}年底，{name}批复预算{b}，已使用{e}。",
)
_WHOLE = ("下达资金", "安排资金", "到位资金")
_TOTAL = ("共计下达", "合计下达", "共下达")
# NOTE: never an amount right after a comma: the reader takes "，860万元" for the tail of a figure written
# with separators (1，200万元) and reads no amount there
_PAID = ("截至{y}年12月31日，{fund}{b}已全部拨付到位。", "{fund}{b}目前已全部拨付。")
_PAID_PART = ("截至{y}年12月31日，已拨付资金{e}。", "全年已完成拨付{e}。")
_COUNTS = (
    "{thing}：年度目标任务{t}，实际完成{d}{tail}。",
    "{thing}全年计划完成{t}，实际完成{d}{tail}。",
)


def _source_word(source: str, k: int) -> str:
    words = SOURCES[source]
    return words[k % len(words)]


def _funds_sentence(s: ProseSection, f: FundsStatement) -> str:
    k = s.wording.get("source", 0)
    if f.style == "of":
        shared = any(x.share for x in f.parts)
        listed = ("；" if shared else "、").join(
            f"{_source_word(x.source, k)}{x.amount.text}" + (f"，占比{x.share}%" if x.share else "") for x in f.parts
        )
        return f"{s.year}年{_WHOLE[s.wording.get('funds', 0) % 3]}{f.whole.text}，其中{listed}。"
    first, *rest = f.parts
    listed = "，".join(
        [f"下达{_source_word(first.source, k)}{first.amount.text}"]
        + [f"{_source_word(x.source, k)}{x.amount.text}" for x in rest]
    )
    return f"{listed}，{_TOTAL[s.wording.get('funds', 0) % 3]}{f.whole.text}。"


def prose_paragraphs(r: Report) -> list[str]:
    """The section's paragraphs, in the order a report states them (none without a section)."""
    s = r.prose
    if s is None:
        return []
    p = r.project(s.project)
    values = {"y": s.year, "name": p.name, "fund": fund_name(p.name), "b": s.budget.text, "e": s.spent.text}
    templates = _RATE if s.states_rate else _SPENDING
    first = templates[s.wording.get("rate", 0) % 4].format(z=f"{s.rate}%", **values)
    if s.all_paid is not None:
        first += _PAID[s.wording.get("paid", 0) % 2].format(**{**values, "b": s.all_paid.text})
    if s.paid is not None:
        first += _PAID_PART[s.wording.get("paid", 0) % 2].format(**{**values, "e": s.paid.text})
    out = [first]
    if s.funds or s.restated:
        funds = "".join(_funds_sentence(s, f) for f in s.funds)
        if s.restated:
            level, amount = s.restated
            funds += f"{s.year}年度{level}下达资金{amount.text}。"
        out.append(funds)
    c = s.counts
    if c is not None:
        tail = f"，超任务{c.excess}%" if c.excess else ""
        text = _COUNTS[s.wording.get("counts", 0) % 2].format(
            thing=c.thing, t=c.task + c.unit, d=c.done + c.unit, tail=tail
        )
        if c.share:
            text += f"全年实际完成{c.done}{c.unit}，完成目标任务{c.task}{c.unit}的{c.share}%。"
        out.append(text)
    if s.typo:
        out = _write_twice(out, s.typo, s.typo_char)
    return out


def _write_twice(paragraphs: list[str], what: str, first_character: bool = False) -> list[str]:
    """Write `what` twice where it first stands (a word, or a comma after a character); with
    `first_character`, only the word's first character, where the word follows a mark (，全全年):
    after a lone character the slip could read as two words meeting."""
    for i, text in enumerate(paragraphs):
        if first_character:
            at = next((m.start() + 1 for m in re.finditer("[，。：；]" + re.escape(what), text)), -1)
            doubled = what[0]
        else:
            at = text.find(what) if what != "，" else _comma_after_character(text)
            doubled = what
        if at >= 0:
            return paragraphs[:i] + [text[:at] + doubled + text[at:]] + paragraphs[i + 1 :]
    return paragraphs


def _comma_after_character(text: str) -> int:
    return next((i for i, ch in enumerate(text) if ch == "，" and i and "\u4e00" <= text[i - 1] <= "\u9fff"), -1)
