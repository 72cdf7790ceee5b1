"""The budget-aware model of a synthetic 绩效情况说明, and the arithmetic that keeps it consistent.

Fields hold what the document *states*; the `restate_*` functions derive every dependent
statement (total row, 执行率, 执行率得分, 总分, the prose's figures, the attached report) from the
figures it depends on. A defect injector changes one stated figure and re-derives only what
lies downstream of the figure it means to keep consistent, so one defect breaks one rule.

All amounts are `Decimal` that keep their printed exponent: `Decimal('760.2160')` prints as
760.2160. Nothing here ever passes through float.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
FUND_WEIGHT = Decimal(10)
#: The national profile: 执行率 10 / 产出 50 / 效益 30 / 满意度 10 (domain-rules §3 W-LEVEL1).
CAPS: dict[str, Decimal] = {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}
FUNDING_LABELS = ("年度资金总额", "本年财政拨款", "上年结转资金", "其他资金")


@lru_cache(maxsize=4096)
def plain(value: Decimal) -> str:
    """A score or weight as people print it: no trailing zeros, never an exponent (97.50 → 97.5)."""
    return format(value.normalize(), "f")


def q2(value: Decimal) -> Decimal:
    """Round half up to two decimals: the precision of rates and scores (domain-rules §6)."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def grade_for(score: Decimal) -> str:
    """S-GRADE: 90 ≤ s → 优; 80–90 → 良; 60–80 → 中; below 60 → 差 (half-open intervals)."""
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    return "中" if score >= 60 else "差"


@dataclass(slots=True)
class FundingRow:
    """One row of the 项目资金 block. Amounts are 万元; None prints as an empty cell."""

    label: str
    initial: Decimal | None = None
    budget: Decimal | None = None
    executed: Decimal | None = None
    rate: Decimal | None = None  # percent as printed: Decimal('97.31') is 97.31%
    weight: Decimal | None = None
    score: Decimal | None = None


@dataclass(slots=True)
class Indicator:
    """One 三级 row. `kind` is the generator's knowledge of how it is measured (vocab.Spec.kind);
    a template row of an unused 二级 has no name and no weight."""

    level1: str
    level2: str
    name: str = ""
    target: str = ""
    actual: str = ""
    weight: Decimal | None = None
    score: Decimal | None = None
    reason: str = ""
    kind: str = ""
    topical: bool = False  # the name is one of the topic's own indicators


@dataclass(slots=True)
class Narrative:
    """What the 自评综述 paragraph claims. Figures are strings because a defect may print
    them in the wrong unit or precision; `unit` follows budget and executed."""

    name: str
    score: str = ""
    grade: str = ""
    budget: str = ""
    executed: str = ""
    rate: str = ""
    initial: str = ""  # stated only when the budget was adjusted during the year (FUND-ANNUAL)
    unit: str = "万元"
    achievement: str = ""
    problem: str = ""
    measure: str = ""


@dataclass(slots=True)
class Subsection:
    title: str
    weight: Decimal
    score: Decimal


@dataclass(slots=True)
class Section:
    """A scored part of the attached 绩效评价报告: "（一）项目决策情况(分值20分，自评得分19.84分)"."""

    title: str
    weight: Decimal
    score: Decimal
    subsections: list[Subsection] = field(default_factory=list)


@dataclass
class Attachment:
    """The attached 绩效评价报告 of one project; its figures restate that project's table."""

    project: str  # the project's key in Report.projects (its table name)
    name: str  # the name the attachment uses
    year: int
    total: Decimal = Decimal(0)
    grade: str = ""
    budget: str = ""
    executed: str = ""
    rate: str = ""
    sections: list[Section] = field(default_factory=list)


@dataclass(slots=True)
class Money:
    """An amount as the prose prints it: the digits and the unit written after them."""

    digits: str  # "2595.6208"
    unit: str = "万元"

    @property
    def text(self) -> str:
        return self.digits + self.unit

    @property
    def wan(self) -> Decimal:
        """The amount in 万元 at its printed precision (a slip to 元 divides it by 10,000)."""
        value = Decimal(self.digits)
        return value.scaleb(-4) if self.unit == "元" else value


@dataclass(slots=True)
class Part:
    """One source of funds a prose statement lists: 中央 (a level of government) or 其他资金."""

    source: str  # 中央, 省级, 市级, 其他
    amount: Money
    share: str = ""  # "占比58.14%" as its percent ("58.14"), or none stated


@dataclass(slots=True)
class FundsStatement:
    """A whole and the sources it is made of: "下达资金860万元，其中中央资金500万元、省级资金360万元"
    (style "of"), or the sources first and "共计下达860万元" after them (style "total")."""

    style: str
    whole: Money
    parts: list[Part]


@dataclass(slots=True)
class Counts:
    """A task and what was done, in one unit: "年度目标任务20000人，实际完成21000人，超任务5%"."""

    thing: str  # the indicator it is of: 养老金发放人数
    unit: str  # 人, 户, 公里 …
    task: str
    done: str
    excess: str = ""  # 超任务 in percent, or not stated
    share: str = ""  # "完成目标任务T的N%": N, or not stated


@dataclass
class ProseSection:
    """What a report's prose section says of one project's funds and results, each figure as printed.

    Every figure restates the project's table (budget, spending, rate) or the section's own
    figures (parts that add up to the budget, shares that follow from them, a count and its
    task), so a clean section gives no finding; an injector changes one of them. `wording`
    holds the phrasing drawn for each statement; `typo` a word written twice (a defect).
    """

    project: str
    year: int
    budget: Money
    spent: Money
    rate: str = ""  # percent as printed: "99.12"
    rate_places: int = 2  # the precision the rate is printed at, as drawn
    states_rate: bool = True  # False: the sentence states the budget and the spending, no rate
    funds: list[FundsStatement] = field(default_factory=list)  # the whole and its sources, stated once or twice
    restated: tuple[str, Money] | None = None  # "YYYY年度中央下达资金X万元": one level's funds stated again
    all_paid: Money | None = None  # "X万元已全部拨付"
    paid: Money | None = None  # "已拨付Y万元"
    counts: Counts | None = None
    wording: dict[str, int] = field(default_factory=dict)
    typo: str = ""  # a word or mark written twice where it first stands
    typo_char: bool = False  # only the word's first character written twice (全全年), not the word


@dataclass
class Project:
    name: str
    topic: str
    department: str
    unit: str
    year: int
    funding: list[FundingRow]
    goal: str
    goal_actual: str
    indicators: list[Indicator]
    narrative: Narrative
    caps: dict[str, Decimal] = field(default_factory=lambda: dict(CAPS))
    total_weight: Decimal = HUNDRED
    total_score: Decimal = HUNDRED
    name_pad: str = ""  # NOTE: Word often leaves an ideographic space after the name (sample: 老字号\u3000)
    sub_dash: str = "—"  # what the sub-rows show in 分值/得分: '—' or a no-break space
    fund_weight: Decimal = FUND_WEIGHT  # the 执行率 weight of the form's profile (20 on the 20 + 80 form)
    rate_places: int = 2  # 执行率 in percent to this many places (0 where the form prints a ratio like 0.97)

    @property
    def total(self) -> FundingRow:
        return self.funding[0]

    def scored(self) -> list[Indicator]:
        return [i for i in self.indicators if i.weight is not None]


@dataclass
class Report:
    department: str
    year: int
    projects: list[Project]
    district: str = ""
    count: int = 0  # "共N个项目" as stated in the opening
    funds: Decimal = Decimal(0)  # "涉及资金X万元" as stated in the opening
    listed: list[str] = field(default_factory=list)  # names listed in the opening paragraphs
    attachment: Attachment | None = None
    rate_style: str = "2dp"  # a rate of exactly 100% prints '100%' ('int') or '100.00%' ('2dp')
    form: str = "central"  # the published form every table is printed in (auditor.synth.forms)
    look: dict = field(default_factory=dict)  # the form's printing choices for this report (forms.draw_look)
    prose: ProseSection | None = None  # a prose section on one project (auditor.synth.prose), in some reports
    #: the opening says the department's spending as a whole was evaluated too (部门整体支出); a report of one
    #: project with a prose section may leave that out, as a project's own self-evaluation does
    whole_department: bool = True

    def project(self, name: str) -> Project:
        return next(p for p in self.projects if p.name == name)


_PLACES = {k: Decimal(1).scaleb(-k) for k in range(5)}


def rate_of(executed: Decimal, budget: Decimal, places: int = 2) -> Decimal:
    """执行率 in percent, two decimals (FUND-RATE); `places` 0 for a form that prints ratios to 0.01."""
    return (executed / budget * HUNDRED).quantize(_PLACES[places], rounding=ROUND_HALF_UP)


def funding_score(rate: Decimal, weight: Decimal = FUND_WEIGHT) -> Decimal:
    """FUND-SCORE, linear: min(r, 100%) × w, two decimals."""
    return q2(min(rate, HUNDRED) / HUNDRED * weight)


def rate_text(rate: Decimal | None, style: str = "2dp") -> str:
    """A rate as the form prints it: '97.31%'; exactly 100% as '100%' in the 'int' style."""
    if rate is None:
        return ""
    if rate == HUNDRED and style == "int":
        return "100%"
    return f"{rate}%"


def ratio_text(rate: Decimal) -> str:
    """A rate as the 20 + 80 form prints it, a ratio: 97.31% → '0.9731', 97% → '0.97', 100% → '1'."""
    return "1" if rate == HUNDRED else str(rate.scaleb(-2))


def shown_rate(rate: Decimal, style: str = "2dp", ratio: bool = False) -> Decimal:
    """The rate in percent at the precision it is printed with, for rounding slack (domain-rules §6):
    '1' is 100 give or take 50, '0.97' is 97 give or take 0.5, '100%' 100 give or take 0.5."""
    if ratio:
        return Decimal(ratio_text(rate)).scaleb(2)
    return Decimal(100) if rate == HUNDRED and style == "int" else rate


def _sum(values: list[Decimal]) -> Decimal | None:
    """Exact sum that keeps the finest printed precision of its parts (None for no parts)."""
    if not values:
        return None
    out = values[0]
    for v in values[1:]:
        out += v
    return out


def restate_funding(p: Project) -> None:
    """Total row = sum of the sub-rows; every row's 执行率; the total row's 分值 and 得分."""
    total, subs = p.total, [r for r in p.funding[1:] if r.budget is not None]
    total.initial = _sum([r.initial for r in subs])
    total.budget = _sum([r.budget for r in subs])
    total.executed = _sum([r.executed for r in subs])
    for row in p.funding:
        row.rate = rate_of(row.executed, row.budget, p.rate_places) if row.budget else None
    total.weight = p.fund_weight
    total.score = funding_score(total.rate, p.fund_weight)


def restate_total(p: Project) -> None:
    """总分 = 执行率 weight/score plus every indicator's (S-SUM, W-TOTAL)."""
    weight, score = p.total.weight, p.total.score
    for i in p.indicators:
        if i.weight is not None:
            weight += i.weight
            score += i.score
    p.total_weight, p.total_score = weight, score


def restate_narrative(p: Project, style: str) -> None:
    """The 自评综述's figures restate the table as printed (G-NARRATIVE)."""
    n, t = p.narrative, p.total
    n.score, n.grade = plain(p.total_score), grade_for(p.total_score)
    n.budget, n.executed = str(t.budget), str(t.executed)
    n.rate = rate_text(t.rate, style)
    n.initial = str(t.initial) if t.initial != t.budget else ""
    n.unit = "万元"


def restate_report(r: Report) -> None:
    """The opening's count, funds and list of names (G-COUNT, G-NAMES)."""
    r.count = len(r.projects)
    r.funds = sum((p.total.budget for p in r.projects[1:]), r.projects[0].total.budget)
    r.listed = [p.name for p in r.projects]


def restate_attachment(r: Report) -> None:
    """The attached report restates its project's total and funding, and its sections sum.

    The points lost (100 − 总分) are spread over the leaves in proportion to their weight,
    rounded down to 0.01, and the remainder goes to the heaviest leaf, so no leaf goes below
    zero or above its weight and the leaves add up exactly.
    """
    a = r.attachment
    if a is None:
        return
    p = r.project(a.project)
    a.total, a.grade = p.total_score, grade_for(p.total_score)
    a.budget, a.executed = str(p.total.budget), str(p.total.executed)
    a.rate = rate_text(p.total.rate, r.rate_style)
    lost = max(HUNDRED - p.total_score, Decimal(0))
    leaves = [leaf for s in a.sections for leaf in (s.subsections or [s])]
    heaviest = max(leaves, key=lambda leaf: leaf.weight)
    taken = Decimal(0)
    for leaf in leaves:
        if leaf is not heaviest:
            take = (lost * leaf.weight / HUNDRED).quantize(_CENT, rounding=ROUND_DOWN)
            leaf.score, taken = leaf.weight - take, taken + take
    heaviest.score = heaviest.weight - (lost - taken)
    for section in a.sections:
        if section.subsections:
            section.score = sum((s.score for s in section.subsections), Decimal(0))
