"""The figures a report's prose states, wherever they stand, with what each is a figure of.

Most published self-evaluations are prose: "实际下达预算2596万元，全年度实际总支出
2595.6208万元，项目预算执行率99%". Every sentence of every paragraph (and the prose
cells of a table: 实际完成情况, 偏差原因) is read for

- amounts of money (X元 / X万元 / X亿元), each with its role (budget: 预算, 下达,
  安排, 批复, 投资; paid: 拨付, 支付, 发放; executed: 执行, 支出, 使用) and, where
  the clause names one, the level of government it comes from (中央, 省级, 县级 …);
- rates (执行率 / 完成率 / 支付率 / 到位率 / 占比 … N%);
- counts with a unit (115户, 3.22万人), as the task (任务, 计划, 目标) or as done (实际完成);
- over-achievement (超任务N%).

A claim keeps its printed text, its sentence and its place. Which claims
restate, make up or contradict each other is `auditor.recognise.claim_sets`'s
business: this module only reads.

NOTE: every pattern is matched with `finditer` over one paragraph, with bounded
gaps, so reading stays linear in the text (a 300,000-character narrative is
read within the hang guard).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditor.document import Locator
from auditor.numbers import parse
from auditor.recognise import sentences
from auditor.recognise.records import Field

#: The power of ten from each unit to 万元: every amount is compared in 万元, as the tables print them.
#: NOTE: applied with scaleb, which keeps the printed precision (3.65亿元 is 36500万元 to the 100万元).
TO_WAN = {"元": -4, "万元": 0, "亿元": 4}

# NOTE: thousands separators are part of the figure (1,200万元), and an amount per head (元/户, 每) is not one
_AMOUNT = re.compile(
    r"(?<![\d.])(?<!\d,)(?P<v>\d{1,3}(?:,\d{3})+(?:\.\d{1,8})?|\d{1,12}(?:\.\d{1,8})?)\s*(?P<u>亿元|万元|元)(?!\s*[/／每])"
)
_RATE = re.compile(
    r"(?P<name>(?:预算|资金|项目|经费|补贴|补助)?(?:执行|支付|拨付|到位|完成|完工|发放|覆盖|达标|合格|使用)率|占比)"
    r"(?:[为是约：:]|达到?|均为|已达)?\s*(?P<v>\d{1,4}(?:\.\d{1,4})?)\s*[%％]"
)
_COUNT_UNITS = "户|人次|人|个|座|所|处|家|台套|台|套|公里|千米|米|亩|公顷|吨|件|场|次|项|条|块|辆|头|只|间|栋|眼|口"
_COUNT = re.compile(
    r"(?<![\d.])(?P<v>\d{1,9}(?:\.\d{1,4})?)\s*(?P<u>万?(?:"
    + _COUNT_UNITS
    + r"))(?![\u4e00-\u9fff]{0,1}率)(?<!个(?=项目|专项))"
)  # NOTE: "2个项目" counts projects, never a task or a result
_SHARE_OF = re.compile(
    r"(?<![\d.])(?P<base>\d{1,9}(?:\.\d{1,4})?)\s*(?P<u>万?(?:"
    + _COUNT_UNITS
    + r"))的\s*(?P<v>\d{1,4}(?:\.\d{1,4})?)\s*[%％]"
)
_EXCESS = re.compile(r"超(?:额完成|出|过)?(?:目标|计划|年度)?任务(?:数)?(?:的)?\s*(?P<v>\d{1,4}(?:\.\d{1,4})?)\s*[%％]")

_ROLE_WORDS = (
    ("paid", re.compile(r"拨付|(?<!转移)支付|发放|兑付")),  # NOTE: 转移支付 is a kind of funds, not a payment
    ("executed", re.compile(r"执行|支出|使用|花费|完成投资")),
    ("budget", re.compile(r"预算|下达|安排|批复|计划投资|总投资|投资计划|筹措|落实资金|资金总额|项目资金|到位资金")),
)
#: Money a clause says the funds drew in or stand for per head: not an amount of the project's budget or spending.
_NOT_OWN = re.compile(r"撬动|带动|拉动|吸引|贷款|社会资本|群众|户均|人均|每人|每户|标准|共计")
#: A clause that states all of an amount was paid: "2179万元目前已全部拨付".
_WHOLE_PAID = re.compile(r"^[^，,；;。]{0,8}?(?:已|均已)?全(?:部|额)(?:拨付|支付|发放)")
#: A level of government, where it gives funds: "中央下达", "县财政配套资金", "省级补助资金" (not "某县农村道路…投资").
_LEVELS = re.compile(
    r"(中央|自治区|省|市|州|县|区|乡镇|本级|地方)(?=级?(?:本级)?(?:财政)?[\u4e00-\u9fff]{0,6}?"
    r"(?:资金|补助|配套|下达|安排|拨付|投入|转移支付|匹配))"
)
_LEVEL_NAMES = {"省": "省级", "市": "市级", "州": "市级", "县": "县级", "区": "区级", "乡镇": "乡镇级"}
#: Sources of funds that are not a level of government, for parts that name where each came from.
_SOURCES = re.compile(r"其他资金|自筹|社会资金|银行贷款|群众投劳|整合资金")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: Words that make a clause's amount one part of a quantity, not the quantity: a batch, a running total, an adjustment.
_PARTIAL = re.compile(
    r"第[一二三四五六七八九十\d]+批|批次|分\d+批|累计|追加|调增|调减|调整|增加|减少|结转|结余|上年|以前年度|其余|剩余|每|超过|不足|差额"
)
_TASK = re.compile(r"任务|计划|目标|预期")
_DONE = re.compile(r"实际(?:完成|改造|建成|发放|补助|帮扶|培训|实施)")

_CLAUSE_MARKS = "，,；;：:、（()）"
#: The longest sentence a claim quotes whole; a longer one is quoted around the figure.
SENTENCE_LIMIT = 400


@dataclass(slots=True)
class Amount:
    """An amount of money as a sentence states it."""

    field: Field  # the figure with its unit, as printed ("2595.6208万元")
    wan: Decimal  # the amount in 万元, at the printed precision
    unit: str
    role: str | None  # budget | paid | executed, from the clause's words
    level: str | None  # the level of government the clause names (中央, 省级 …)
    source: str | None  # the level, or another source of funds the clause names (其他资金, 自筹 …)
    whole_paid: bool  # the clause says all of it was paid ("已全部拨付")
    partial: bool  # a batch, a running total, an adjustment: one part of a quantity
    clause: str  # the words of its clause before the figure
    after: str  # the words just after it, to the end of its clause
    sentence: str
    at: int  # position in the paragraph
    s: int = 0  # the number of its sentence in the paragraph
    not_own: bool = False  # money drawn in (撬动, 社会资本), a standard per head (户均, 每人), a 共计 of several
    years: tuple[str, ...] = ()  # the years the sentence names


@dataclass(slots=True)
class Rate:
    name: str  # as printed: 执行率, 资金到位率, 占比
    field: Field
    sentence: str
    at: int
    s: int = 0


@dataclass(slots=True)
class Count:
    field: Field
    value: Decimal  # in the unit without 万 (3.22万人 is 32200 人)
    unit: str  # 户, 人 …
    role: str | None  # task | done
    sentence: str
    at: int
    s: int = 0


@dataclass(slots=True)
class Excess:
    """An over-achievement stated against the task: 超任务43%."""

    field: Field
    sentence: str
    at: int


@dataclass(slots=True)
class ShareOf:
    """A count stated as a share of its base: 完成目标任务3.22万人的113.33%; `done` the count before it."""

    field: Field
    base: Count
    done: Count | None
    sentence: str


@dataclass(slots=True)
class Passage:
    """What one paragraph (or prose cell) states."""

    text: str
    loc: Locator
    amounts: list[Amount]
    rates: list[Rate]
    counts: list[Count]
    excesses: list[Excess]
    shares: list[ShareOf]
    #: A paragraph whose rate another reader checks already (a 自评综述, an attached report's budget sentence).
    restated: bool = False

    @property
    def claims(self) -> int:
        return len(self.amounts) + len(self.rates) + len(self.excesses) + len(self.shares)


def read_passage(text: str, loc: Locator) -> Passage:
    """Every amount, rate, count and share one paragraph states, in reading order."""
    around, number = sentences.finder(text, limit=SENTENCE_LIMIT), sentences.numberer(text)
    amounts = [_amount(text, m, loc, around) for m in _AMOUNT.finditer(text)]
    for a in amounts:
        a.s = number(a.at)
    _clauses_before(text, amounts)
    rates = [
        Rate(
            m.group("name"),
            Field(m.group("v") + "%", loc.with_labels(column=m.group("name"))),
            around(m.start()),
            m.start(),
            number(m.start()),
        )
        for m in _RATE.finditer(text)
    ]
    counts = [_count(text, m, loc, around) for m in _COUNT.finditer(text)]
    for c in counts:
        c.s = number(c.at)
    excesses = [
        Excess(Field(m.group("v") + "%", loc.with_labels(column="超任务")), around(m.start()), m.start())
        for m in _EXCESS.finditer(text)
    ]
    shares = []
    by_start = {c.at: i for i, c in enumerate(counts)}
    for m in _SHARE_OF.finditer(text):
        i = by_start.get(m.start("base"))
        if i is None:
            continue
        base = counts[i]
        # NOTE: the count done is the nearest before the base in its sentence, looked for a few counts back
        done = next((c for c in reversed(counts[max(0, i - 8) : i]) if c.s == base.s and c.unit == base.unit), None)
        shares.append(
            ShareOf(Field(m.group("v") + "%", loc.with_labels(column="完成比例")), base, done, around(m.start()))
        )
    return Passage(text, loc, amounts, rates, counts, excesses, shares)


def _amount(text: str, m: re.Match, loc: Locator, around) -> Amount:
    value, unit = m.group("v"), m.group("u")
    figure = parse(value.replace(",", ""))
    wan = figure.value.scaleb(TO_WAN[unit]) if figure else Decimal(0)
    after = text[m.end() : m.end() + 16]
    return Amount(
        Field(value + unit, loc.with_labels(column="金额")),
        wan,
        unit,
        None,
        None,
        None,
        bool(_WHOLE_PAID.match(after)),
        False,
        "",
        re.split(r"[，,；;。]", after, maxsplit=1)[0],
        around(m.start()),
        m.start(),
    )


def _clauses_before(text: str, amounts: list[Amount]) -> None:
    """Each amount's role, level and partiality, from the words of its clause before it.

    The clause runs back to the previous mark (，；：、) or the previous amount,
    whichever is nearer, and at most 30 characters: "下达中央财政资金30.9万元，县财政资金30.9万元"
    gives the first amount 下达 and 中央, the second 县级 and no role of its own, so
    it takes the role of the amount before it in the same sentence (a list of parts).
    """
    previous_end, previous = 0, None
    years: dict[int, tuple[str, ...]] = {}  # by sentence
    for a in amounts:
        start = max(previous_end, a.at - 30)
        clause = text[start : a.at]
        cut = max(clause.rfind(c) for c in _CLAUSE_MARKS)
        if cut >= 0 and clause[cut] in "：:" and not clause[cut + 1 :].strip():
            # NOTE: "全年执行数：95万元": the label before the colon is the amount's clause
            label = clause[:cut]
            cut = max(label.rfind(c) for c in _CLAUSE_MARKS)
            clause = label[cut + 1 :] if cut >= 0 else label
        elif cut >= 0:
            clause = clause[cut + 1 :]
        a.clause = clause
        a.role = _role(clause)
        if a.whole_paid:
            a.role = "paid"
        if a.role is None and previous is not None and previous.s == a.s:
            a.role = previous.role
        levels = _LEVELS.findall(clause)
        a.level = _LEVEL_NAMES.get(levels[-1], levels[-1]) if levels else None
        sources = _SOURCES.findall(clause)
        a.source = a.level or (sources[-1] if sources else None)
        if a.s not in years:
            years[a.s] = tuple(dict.fromkeys(_YEAR.findall(a.sentence)))
        a.years = years[a.s]
        a.partial = bool(_PARTIAL.search(clause))
        a.not_own = bool(_NOT_OWN.search(clause))
        previous_end, previous = a.at + len(a.field.text), a


def _role(clause: str) -> str | None:
    """The role whose word stands last in the clause: "实际下达预算…全年支出" is spent, not budgeted."""
    best, at = None, -1
    for role, words in _ROLE_WORDS:
        for m in words.finditer(clause):
            if m.start() > at:
                best, at = role, m.start()
    return best


def _count(text: str, m: re.Match, loc: Locator, around) -> Count:
    value, unit = m.group("v"), m.group("u")
    figure = parse(value)
    number = figure.value if figure else Decimal(0)
    if unit.startswith("万"):
        number, unit = number.scaleb(4), unit[1:]  # NOTE: 3.65万人 is 36500 to the 100, as printed
    before = text[max(0, m.start() - 14) : m.start()]
    cut = max(before.rfind(c) for c in "，,；;。")
    before = before[cut + 1 :] if cut >= 0 else before
    role = "done" if _DONE.search(before) else "task" if _TASK.search(before) else None
    return Count(
        Field(value + m.group("u"), loc.with_labels(column="数量")), number, unit, role, around(m.start()), m.start()
    )
