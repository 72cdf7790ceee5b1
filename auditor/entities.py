"""The entities rules run on: one DataFrame each, and every column of it, declared once with its kind.

Each entity lists its columns with a kind and a one-line meaning in Chinese
and English. Everything else is derived from this one declaration: the
columns of an empty frame and the figure columns (`tabulate`), the Spark
schema (`auditor.engine.spark.columns`), the names the rule loader accepts
(`auditor.ruleset.names`), `auditor rules columns` and the README's tables.

Kinds:

- `figure`: a number as printed, held as an exact Decimal (or None) whose exponent is the printed
  precision; a figure `x` brings `x_text` (as printed) and `x_loc` (where it stands).
- `decimal`: an exact Decimal that was not printed as such (a profile's cap, a rate read in percent).
- `text`, `int`, `bool`, `locator` (where a value stands in its document).

A column `added` by validation is not in the tabulated frames: the engine adds it, before any rule
runs, from the tabulated ones (`assign_caps` adds `profile` and `default_cap` to `scores`;
`checks.with_rates` adds each rate in percent). Rules may read both alike.

Kept apart from `tabulate` (which needs pandas) so that rule validation and
`auditor rules` stay light.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: The kinds a column may have.
KINDS = ("figure", "decimal", "text", "int", "bool", "locator")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    zh: str
    en: str
    added: bool = False  # added by validation before rules run, not by tabulate
    of: str = ""  # for `x_text` and `x_loc`: the figure `x` they belong to

    def meaning(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Entity:
    name: str
    zh: str  # one row per ...
    en: str
    declared: tuple[Column, ...]

    def meaning(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _c(kind: str, name: str, zh: str, en: str, added: bool = False) -> Column:
    assert kind in KINDS, kind
    return Column(name, kind, zh, en, added)


def fig(name: str, zh: str, en: str) -> Column:
    return _c("figure", name, zh, en)


def text(name: str, zh: str, en: str) -> Column:
    return _c("text", name, zh, en)


def loc(name: str, zh: str, en: str) -> Column:
    return _c("locator", name, zh, en)


def added(kind: str, name: str, zh: str, en: str) -> Column:
    return _c(kind, name, zh, en, added=True)


DOC = text("doc", "文件名（如命令行所给）", "the file, as named on the command line")
PROJECT = text("project", "项目名称（自评表所写）", "the project's name, as its table writes it")
TABLE = _c("int", "table", "自评表在文件中的序号（1 起）", "the number of the table in the document, from 1")
EVIDENCE = text("evidence", "原文：问题所引的行或句子", "the row or sentence a finding quotes")
LOC = loc("loc", "行在文件中的位置", "where the row stands in the document")
YEAR = fig("year", "年度（如 2023）", "the year, e.g. 2023")


def _rate_read(prefix: str, zh: str, en: str) -> tuple[Column, Column]:
    """`<rate>_percent` and its text, which `checks.with_rates` adds beside a rate."""
    return (
        added(
            "decimal",
            f"{prefix}_percent",
            f"{zh}按百分比读（无 % 的 0.98 视文件金额读作 98）",
            f"{en} in percent as the document's amounts read it (a bare 0.98 may be 98)",
        ),
        Column(
            f"{prefix}_percent_text",
            "text",
            f"{zh}按百分比读，如 98%",
            f"{en} in percent, printed: 98%",
            added=True,
            of=f"{prefix}_percent",
        ),
    )


def _sentence(key: str, zh: str, en: str) -> Column:
    return text(f"{key}_sentence", f"陈述{zh}的句子", f"the sentence stating the {en}")


DECLARED: tuple[Entity, ...] = (
    Entity(
        "documents",
        "一个文件",
        "one file",
        (
            DOC,
            text("format", "文件格式：txt、docx、xlsx、pdf……", "the file's format: txt, docx, xlsx, pdf, ..."),
            text("title", "文件标题", "the document's title"),
            fig("year", "报告所属年度", "the year the report is for"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "projects",
        "一张项目支出绩效自评表",
        "one self-evaluation table (自评表)",
        (
            DOC,
            PROJECT,
            TABLE,
            fig("year", "表头所写年度（（2023年度））", "the year its heading states (（2023年度）)"),
            text("department", "主管部门", "主管部门: the department in charge"),
            text("unit", "实施单位", "实施单位: the implementing unit"),
            text("goal", "年度总体目标（预期目标）", "the annual goal (预期目标)"),
            text("goal_actual", "年度总体目标的实际完成情况", "what the goal achieved (实际完成情况)"),
            text(
                "categories",
                "有分值的一级指标，以 | 分隔（含 执行率）；指标未读全时为空",
                "the first-level categories that carry weight, separated by | (执行率 included); "
                "empty unless the indicators were read in full",
            ),
            text(
                "output_kinds",
                "产出指标的二级指标，以 | 分隔；指标未读全时为空",
                "the output indicators' second levels, separated by |; empty unless read in full",
            ),
            text(
                "form", "读表所依的表式代码（rules/forms/）", "the declared form the table was read as (rules/forms/)"
            ),
            EVIDENCE,
            LOC,
            loc("goal_loc", "年度总体目标所在位置", "where the annual goal stands"),
            loc("goal_actual_loc", "实际完成情况所在位置", "where the goal's achievement stands"),
        ),
    ),
    Entity(
        "funding",
        "自评表的一行资金（年度资金总额、本年财政拨款……）",
        "one funding row of a table (年度资金总额, ...)",
        (
            DOC,
            PROJECT,
            TABLE,
            text(
                "kind",
                "资金行：total（年度资金总额）、current、carryover、other、central、local",
                "the row: total (年度资金总额), current, carryover, other, central, local",
            ),
            text("label", "行名（原文）", "the row's label as printed"),
            fig("initial", "年初预算数", "the budget at the start of the year (年初预算数)"),
            fig("budget", "全年预算数", "the budget for the year (全年预算数)"),
            fig("executed", "全年执行数", "the amount spent (全年执行数)"),
            fig("weight", "分值", "the weight (分值)"),
            fig("rate", "执行率", "the execution rate (执行率)"),
            fig("score", "得分", "the score (得分)"),
            text("unit", "表的金额单位（万元、元）", "the table's unit of amounts (万元, 元)"),
            text(
                "notes",
                "可说明资金的文字：自评综述与各偏差原因",
                "text that may explain the figures: the summary and every deviation reason of the table",
            ),
            EVIDENCE,
            LOC,
            *_rate_read("rate", "执行率", "the rate"),
        ),
    ),
    Entity(
        "indicators",
        "一个三级指标",
        "one third-level indicator row",
        (
            DOC,
            PROJECT,
            TABLE,
            text("category", "一级指标类别：产出、效益、满意度、成本……", "the category: 产出, 效益, 满意度, 成本, ..."),
            text("level1", "一级指标（原文）", "the first level as printed"),
            text("level2", "二级指标", "the second level"),
            text("level3", "三级指标", "the third level: the indicator"),
            text(
                "kind",
                "指标性质：total_cost（总成本）、satisfaction（满意度）、amount_percent（金额类指标而单位印作 %），其余为空",
                "what it measures, where a rule needs it: total_cost, satisfaction, amount_percent (an amount whose unit is printed as %); else empty",
            ),
            text("group", "二级含“成本”时为 cost", "cost where the second level is a cost"),
            fig("target", "年度指标值", "the target (年度指标值)"),
            text("target_op", "指标值的方向：>=、<=、= 或空", "the target's direction: >=, <=, = or empty"),
            fig("actual", "实际完成值", "the actual value (实际完成值)"),
            _c(
                "bool",
                "units_agree",
                "指标值与实际值单位一致（实际值省略单位时按指标值的）",
                "target and actual are in one unit (an actual printed bare takes the target's)",
            ),
            _c(
                "bool",
                "target_met",
                "按原文是否完成指标值；无法比较时为空",
                "whether the target was met as printed; empty where the two cannot be compared",
            ),
            fig("weight", "分值", "the weight (分值)"),
            fig("score", "得分", "the score (得分)"),
            fig(
                "implied_weight",
                "表未印分值时由得分推出的分值",
                "the weight its scores imply where the table prints none",
            ),
            text("reason", "偏差原因（无此列时为表尾说明）", "the deviation reason (or the table's footer note)"),
            text(
                "misfiled",
                "二级指标实际所属的一级类别（填错一级时）",
                "the category its second level belongs to, where it is filed under another",
            ),
            _c("bool", "weights_printed", "表印有分值列", "whether the table prints a weight column"),
            text("notes", "表中全部偏差原因与说明", "every deviation reason and note of the table"),
            fig("project_budget", "本表年度资金总额的全年预算数（万元）", "the table's total budget, in 万元"),
            fig("project_executed", "本表年度资金总额的全年执行数（万元）", "the table's total spent, in 万元"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "scores",
        "计入总分的一行：资金、一级类别、指标、总分",
        "one line counting toward 总分: funding, category, indicator, total",
        (
            DOC,
            PROJECT,
            TABLE,
            text(
                "role", "行的角色：funding、category、indicator、total", "the line: funding, category, indicator, total"
            ),
            text("category", "一级类别（执行率、产出……）", "the category (执行率, 产出, ...)"),
            fig("weight", "分值（category 行：所写上限）", "the weight (a category row: its stated cap)"),
            fig("score", "得分", "the score"),
            text("grade", "总分行的等级（优、良……）", "the total row's grade (优, 良, ...)"),
            text("form_profile", "表式指定的分值方案", "the cap profile the table's form names"),
            EVIDENCE,
            LOC,
            added(
                "text",
                "profile",
                "评判本表所用的分值方案（不符任何方案时为 unmatched）",
                "the cap profile the table is judged by (unmatched where none fits)",
            ),
            added(
                "decimal",
                "default_cap",
                "该方案下本类别的上限（category 行）",
                "that profile's cap of the category (category rows)",
            ),
        ),
    ),
    Entity(
        "narratives",
        "一段自评综述（或所附评价报告的资金句）及其表中数字",
        "one summary (or an attached report's budget sentence) beside its table's figures",
        (
            DOC,
            PROJECT,
            TABLE,
            fig("score", "综述所述得分", "the score it states"),
            fig("budget", "综述所述预算数（万元）", "the budget it states, in 万元"),
            fig("executed", "综述所述执行数（万元）", "the amount spent it states, in 万元"),
            fig("rate", "综述所述执行率", "the execution rate it states"),
            text("grade", "综述所述等级", "the grade it states"),
            fig("table_score", "表中总分", "the table's 总分"),
            fig("table_budget", "表中年度资金总额的全年预算数（万元）", "the table's total budget, in 万元"),
            fig("table_executed", "表中年度资金总额的全年执行数（万元）", "the table's total spent, in 万元"),
            fig("table_rate", "表中年度资金总额的执行率", "the table's total execution rate"),
            EVIDENCE,
            LOC,
            _sentence("score", "得分", "score"),
            _sentence("budget", "预算数", "budget"),
            _sentence("executed", "执行数", "amount spent"),
            _sentence("rate", "执行率", "rate"),
            loc("grade_loc", "等级所在位置", "where the grade stands"),
            _sentence("grade", "等级", "grade"),
            *_rate_read("rate", "综述所述执行率", "the stated rate"),
            *_rate_read("table_rate", "表中执行率", "the table's rate"),
        ),
    ),
    Entity(
        "texts",
        "一段要检查措辞的文字",
        "one text whose wording is checked",
        (
            DOC,
            PROJECT,
            TABLE,
            text(
                "field",
                "文字所在：name、goal、goal_actual、indicator、narrative、paragraph",
                "where it stands: name, goal, goal_actual, indicator, narrative, paragraph",
            ),
            text(
                "part",
                "文字报告中所在部分：results（标题讲完成情况的部分），其余为空",
                "the part of a prose report it stands in: results (under headings about results), else empty",
            ),
            text("text", "文字内容", "the text"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "names",
        "项目名称的一次出现（表中或文中）",
        "one place a project's name is written (a table or the prose)",
        (
            DOC,
            PROJECT,
            text(
                "role",
                "table（自评表所写）或 mention（文中提及）",
                "table (as a table states it) or mention (in the prose)",
            ),
            text(
                "source",
                "出处：table、narrative、list、report_title、evaluation_report、stated（文中首次说明承担的项目）、restated（再次说明）",
                "where: table, narrative, list, report_title, evaluation_report, stated (the first project the text says it undertakes), restated (later statements)",
            ),
            text("name", "所写名称", "the name as written"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "counts",
        "文中所述的项目个数或资金总额，或一张表的对应一项",
        "one stated count or fund total, or a table's item it sums",
        (
            DOC,
            text("claim", "count（项目个数）或 funds（资金，万元）", "count (projects) or funds (in 万元)"),
            text("statement", "陈述的编号（S1……）；item 行为空", "the statement's id (S1, ...); empty on item rows"),
            text("role", "total（所述）或 item（一张表）", "total (stated) or item (one table)"),
            fig("value", "数值（资金按万元）", "the value (funds in 万元)"),
            text("unit", "所写单位", "the unit as written"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "sections",
        "所附绩效评价报告的总分、一节或一小节",
        "an attached evaluation report's overall score, one section or subsection",
        (
            DOC,
            text("report", "评价报告的项目名", "the project the report evaluates"),
            text("role", "overall、section 或 subsection", "overall, section or subsection"),
            text("section", "所属的节（节本身为其名）", "the section it belongs to (a section's own name)"),
            text("name", "节或小节的名称", "the section's or subsection's name"),
            fig("weight", "分值", "the points (分值)"),
            fig("score", "得分", "the score"),
            text("grade", "等级", "the grade"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "years",
        "文件某一部分所写的年度",
        "the year one part of the document states",
        (
            DOC,
            PROJECT,
            text(
                "part",
                "部分：table、goal、goal_deadline、list、report_title、evaluation_report",
                "the part: table, goal, goal_deadline, list, report_title, evaluation_report",
            ),
            text("part_zh", "部分的中文名", "the part's name in Chinese"),
            text("part_en", "部分的英文名", "the part's name in English"),
            YEAR,
            fig("doc_year", "报告所属年度", "the report's own year"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "outline",
        "文字报告大纲中的一个标题（一、/（一））及其下的文字",
        "one heading of a prose report's outline (一、 / （一）) and the text under it",
        (
            DOC,
            text("heading", "标题，如所写", "the heading as printed"),
            _c("int", "level", "级次：1 为“一、”，2 为“（一）”", "its level: 1 for 一、, 2 for （一）"),
            text(
                "body",
                "其下文字的开头；标题下没有文字时为空",
                "the start of the text under it; empty when there is none",
            ),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "citations",
        "文中引用的一份带文号的通知（只收标题讲某年度绩效自评或评价的）",
        "a notice the text cites with its document number (only those on a year's self-evaluation)",
        (
            DOC,
            text("title", "通知标题", "the notice's title"),
            text("number", "文号，如所写：乌财监〔2022〕247号", "its document number as printed"),
            fig("number_year", "文号中的年份", "the year in the document number"),
            fig("subject_year", "标题所讲自评的年度", "the year whose self-evaluation the title speaks of"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "prose_ratios",
        "文字中的一个比率及其所由算出的两个数（执行率、完成比例、超任务、占比）",
        "a rate the prose states beside the two figures it is made of (执行率, a share, 超任务, 占比)",
        (
            DOC,
            PROJECT,
            text("relation", "rate（执行率）、share（完成比例、占比）或 excess（超任务）", "rate, share or excess"),
            text(
                "name", "比率的名称，如所写：执行率、占比、超任务", "the rate's name as written: 执行率, 占比, 超任务"
            ),
            fig("stated", "所述比率（%）", "the rate stated, in percent"),
            fig(
                "numerator",
                "分子：执行数、完成数或超出数（金额按万元）",
                "the numerator: spent, done or the excess (money in 万元)",
            ),
            fig(
                "denominator",
                "分母：预算数、任务数或合计（金额按万元）",
                "the denominator: budget, task or whole (money in 万元)",
            ),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "prose_parts",
        "文字所述的一个合计或其中一项来源（“下达61.8万元，其中中央30.9万元、县级30.9万元”）",
        "a whole the prose states, or one of the sources it names as its parts",
        (
            DOC,
            PROJECT,
            text(
                "statement",
                "陈述的编号（P1……），合计与各项共用",
                "the statement's id (P1, ...), shared by the whole and its parts",
            ),
            text("role", "whole（合计）或 part（一项）", "whole or part"),
            text(
                "source", "一项的来源：中央、省级、县级、其他资金……", "a part's source: 中央, 省级, 县级, 其他资金, ..."
            ),
            fig("value", "金额（万元）", "the amount, in 万元"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "prose_pairs",
        "文中两处对同一数量的陈述（同一级次的资金、已拨付的资金）",
        "two statements of the prose of one quantity (one level's funds, the amount paid)",
        (
            DOC,
            PROJECT,
            text("quantity", "所述数量，如：中央资金、已拨付资金", "the quantity, e.g. 中央资金, 已拨付资金"),
            fig("stated", "与其余陈述不一致的一处（万元）", "the statement at odds with the rest, in 万元"),
            fig("other", "其余陈述所给的数（万元）", "what the other statements give, in 万元"),
            _sentence("stated", "该数", "odd figure"),
            _sentence("other", "另一数", "other figure"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "prose_units",
        "文中两处应为同一金额、单位不同的陈述（“2089元”与“2089万元”，或合计与各项之和相差一万倍）",
        "two statements of one amount in different units (2089元 beside 2089万元, a whole 10,000 times its parts)",
        (
            DOC,
            PROJECT,
            text("quantity", "所述数量：金额或合计", "the quantity: an amount or a whole"),
            fig(
                "stated",
                "单位可疑的一处（按所写单位折成万元）",
                "the statement whose unit is in doubt, in 万元 as written",
            ),
            fig("other", "另一处（万元）", "the other statement, in 万元"),
            _sentence("stated", "该数", "doubtful figure"),
            _sentence("other", "另一数", "other figure"),
            EVIDENCE,
            LOC,
        ),
    ),
    Entity(
        "prose_spending",
        "一句话中所述的预算数与执行（支出、拨付）数",
        "a budget and the amount spent (or paid) one sentence states",
        (
            DOC,
            PROJECT,
            fig("budget", "所述预算数（万元）", "the budget stated, in 万元"),
            fig("spent", "所述执行、支出或拨付数（万元）", "the amount spent or paid, in 万元"),
            _c(
                "bool",
                "explained",
                "文中是否说明了预算调整、追加或结转",
                "whether the text speaks of an adjusted, added or carried-over budget",
            ),
            EVIDENCE,
            LOC,
        ),
    ),
)


def _expanded(entity: Entity) -> tuple[Column, ...]:
    out: list[Column] = []
    for column in entity.declared:
        out.append(column)
        if column.kind == "figure":
            out.append(
                Column(
                    f"{column.name}_text",
                    "text",
                    f"{column.name} 的原文",
                    f"{column.name} as printed",
                    column.added,
                    column.name,
                )
            )
            out.append(
                Column(
                    f"{column.name}_loc",
                    "locator",
                    f"{column.name} 所在位置",
                    f"where {column.name} stands in the document",
                    column.added,
                    column.name,
                )
            )
    return tuple(out)


@lru_cache(maxsize=1)
def _by_entity() -> dict[str, dict[str, Column]]:
    out = {}
    for entity in DECLARED:
        columns = _expanded(entity)
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), f"{entity.name}: a column declared twice"
        out[entity.name] = {c.name: c for c in columns}
    return out


def entity(name: str) -> Entity:
    return next(e for e in DECLARED if e.name == name)


def columns_of(name: str) -> dict[str, Column]:
    """Every column rules may read in an entity, by name: tabulated ones first, then those validation adds."""
    return _by_entity()[name]


def tabulated(name: str) -> list[str]:
    """The columns `tabulate` gives an entity (without those validation adds)."""
    return [c.name for c in columns_of(name).values() if not c.added]


def figures(name: str) -> list[str]:
    """The figure columns of an entity (each with its `_text` and `_loc`)."""
    return [c.name for c in columns_of(name).values() if c.kind == "figure"]


#: The entities and the columns `tabulate` gives them, so an empty batch still has well-formed frames.
ENTITIES: dict[str, list[str]] = {e.name: tabulated(e.name) for e in DECLARED}


#: The rates every rule reads in percent, per entity: (rate, executed, budget, columns of one table).
#: Validation adds `<rate>_percent` (Decimal) and `<rate>_percent_text` beside each (auditor.engine.checks).
RATES: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {
    "funding": [("rate", "executed", "budget", ("doc", "table"))],
    "narratives": [("rate", "executed", "budget", ()), ("table_rate", "table_executed", "table_budget", ())],
}

#: Every rate column read in percent, whatever its entity.
RATE_NAMES = tuple(dict.fromkeys(spec[0] for specs in RATES.values() for spec in specs))
