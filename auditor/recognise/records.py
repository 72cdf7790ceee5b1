"""Domain records found in a document, before they become tables.

Every value is kept as the `Cell`/`Field` it came from, so later stages can
point a finding at the exact place and quote the printed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from auditor.document import Locator
from auditor.numbers import Figure, parse


@dataclass(slots=True)
class Field:
    """A value as printed, where it was printed, and its figure if it is one."""

    text: str
    loc: Locator

    @property
    def figure(self) -> Figure | None:
        return parse(self.text)

    @property
    def blank(self) -> bool:
        return not clean(self.text)


@lru_cache(maxsize=1 << 16)
def clean(text: str | None) -> str:
    """Text without layout whitespace: NBSP, ideographic spaces, newlines of vertical headers."""
    # NOTE: str.split() with no argument splits on every Unicode space, NBSP and U+3000 included
    return "".join(text.split()) if text else ""


@dataclass(slots=True)
class FundingRow:
    kind: str  # total | current | carryover | other
    label: Field
    values: dict[str, Field]  # initial, budget, executed, weight, rate, score
    evidence: str


@dataclass(slots=True)
class IndicatorRow:
    level1: Field
    category: str | None  # 产出 / 效益 / 满意度 / 成本, from the 一级 label
    cap: Field | None  # the cap stated in the 一级 label, e.g. (50分)
    level2: Field
    level3: Field
    values: dict[str, Field]  # target, actual, weight, score, reason
    evidence: str


@dataclass(slots=True)
class TotalRow:
    values: dict[str, Field]  # weight, score, grade (a 优/良/中/差 printed in the 总分 row)
    evidence: str
    loc: Locator


@dataclass(slots=True)
class ProjectTable:
    """One 项目支出绩效自评表."""

    name: Field | None
    table: int
    loc: Locator
    header: dict[str, Field] = field(default_factory=dict)  # 主管部门, 实施单位, 项目负责人
    year: Field | None = None
    funding: list[FundingRow] = field(default_factory=list)
    goals: list[tuple[Field, Field]] = field(default_factory=list)  # (预期目标, 实际完成情况)
    indicators: list[IndicatorRow] = field(default_factory=list)
    total: TotalRow | None = None
    problems: list[tuple[Locator, str]] = field(default_factory=list)  # parts not read in full
    unit: str = "万元"  # of the funding amounts, from the 项目资金（万元） header
    parents: list[IndicatorRow] = field(default_factory=list)  # 一级 rows that restate their children's sums
    #: The declared form (rules/forms/) the table was read as, by its code; None when it matched none.
    form: str | None = None
    kind: str = "project"  # of the form: project | department | transfer
    scored: bool = True  # whether the form carries weights and scores
    profile: str | None = None  # the cap profile the form names; None: the one the user chose
    #: Columns the form requires that the table's indicator header lacks: the table is not of that form.
    misfit: list[str] = field(default_factory=list)
    #: Whether the indicator block prints a weight column (F4 forms have none: weights follow from the labels).
    weights_printed: bool = True
    #: How far each block was read: header, funding, goals, indicators, total -> "full" | "partial" | "none".
    blocks: dict[str, str] = field(default_factory=dict)
    #: Numbered parent rows that restate the sum of their numbered children: not indicators.
    subtotals: list[IndicatorRow] = field(default_factory=list)
    #: Placeholder rows of the blank form left in (指标1, ……): an unfilled template.
    placeholders: list[Field] = field(default_factory=list)
    #: Indicators whose 二级 names another 一级 than the one they are filed under, with that category.
    misplaced: list[tuple[IndicatorRow, str]] = field(default_factory=list)
    #: The points the indicator block states for itself (年度绩效目标(80分)), for weights it does not print.
    indicator_points: Field | None = None
    #: Footer rows that explain the table (偏差大或目标未完成原因分析, 改进措施): its reasons where no column holds them.
    remarks: list[Field] = field(default_factory=list)
    #: Caps the document states for this table in a note ("一级指标分值统一设置为：产出指标50分…").
    stated_caps: dict[str, Field] = field(default_factory=dict)


@dataclass(slots=True)
class Claim:
    """A figure stated in prose, with the sentence it stands in."""

    name: str  # score | budget | executed | rate | grade
    field: Field
    sentence: str


@dataclass(slots=True)
class Narrative:
    """A project's 自评综述 paragraph and the figures it states."""

    project: str
    text: str
    loc: Locator
    claims: dict[str, Claim] = field(default_factory=dict)
    next_table: int = 0  # the table that follows the paragraph, for a narrative whose name matches none


@dataclass(slots=True)
class DocumentRecords:
    doc: str
    format: str
    title: str | None = None
    year: Field | None = None
    tables: list[ProjectTable] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)
    mentions: list = field(default_factory=list)  # recognise.mentions.Mention
    statements: list = field(default_factory=list)  # recognise.mentions.Statement
    reports: list = field(default_factory=list)  # recognise.report.EvaluationReport
    paragraphs: list = field(default_factory=list)  # Paragraph, for checks on all prose (typos)
    #: The outline part each of `paragraphs` stands in (recognise.outline.parts): results or None.
    paragraph_parts: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (Locator, part) read only in part, at document level
    #: Tables that look like a 自评表 but match no declared form: (Locator, the header words seen, whether
    #: the table is one cell a row: text whose cells could not be told apart).
    unknown_tables: list = field(default_factory=list)
    #: Whether the prose speaks of a self-evaluation at all: nothing read from such a document is a gap, not a pass.
    mentions_self_evaluation: bool = False
    #: The headings of a prose report's outline, each with the start of its text (recognise.outline.Heading).
    headings: list = field(default_factory=list)
    #: Notices the report cites with their document numbers (recognise.citations.Citation).
    citations: list = field(default_factory=list)
    #: How many figures the prose states, anywhere (recognise.claims), and the groups of them that can be checked.
    prose_claims: int = 0
    claim_sets: object = None  # recognise.claim_sets.ClaimSets
