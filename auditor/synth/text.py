"""render_text: a Report written exactly as Word's copy-as-text writes the published ones.

The layout follows data_samples/lieshan-hrss-2023-self-evaluation.txt line for line: a cell is
a TAB-led line; a line without a tab directly after a cell continues it (the vertical 产/出/指/
标/(50分)); a blank line ends a row; two blank lines and a no-break-space line end a table. The
first cell of funding, goal and indicator rows is empty because it continues the merged label
cell on the left; the 总分 row is six cells, right-aligned under the nine columns.
"""

from __future__ import annotations

from auditor.synth.attachment import render_attachment
from auditor.synth.forms import form_of
from auditor.synth.model import FundingRow, Project, Report, plain, rate_text
from auditor.synth.prose import prose_paragraphs
from auditor.synth.tables import render_form_table

NBSP = "\u00a0"
_FUND_PAD = {
    "年度资金总额": "年度资金总额：",
    "本年财政拨款": NBSP + "其中：本年财政拨款",
    "上年结转资金": NBSP * 4 + "上年结转资金",
    "其他资金": NBSP * 7 + "其他资金",
}
_LEVEL1 = {"产出指标": "产\n出\n指\n标", "效益指标": "效\n益\n指\n标", "满意度指标": "满意度指标"}
_LEVEL2 = {
    "经济效益指标": "经济效益\n指标",
    "社会效益指标": "社会效益\n指标",
    "生态效益指标": "生态效益\n指标",
    "可持续影响指标": "可持续影\n响指标",
    "服务对象满意度指标": "服务对象\n满意度指标",
}
_INDICATOR_HEADER = (
    "年度绩效指标完成情况",
    "一级\n指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)
_FUND_HEADER = (
    "项目资金\n（万元）",
    NBSP,
    "年初预算数",
    "全年预算数（A）",
    "全年执行数（B）",
    "分值",
    "执行率（B/A)",
    "得分",
)


def _row(out: list[str], *cells: str) -> None:
    """One table row: each cell a TAB-led line (its inner newlines become continuation lines),
    then the blank line that ends the row."""
    out.append("\t" + "\n\t".join(cells) + "\n")


def _amount(value) -> str:
    return NBSP if value is None else str(value)


def _funding_row(out: list[str], row: FundingRow, p: Project, style: str) -> None:
    if row.budget is None and row.executed is None and row.initial is None:
        _row(out, "", _FUND_PAD[row.label], NBSP, NBSP, NBSP, NBSP, NBSP, NBSP)
        return
    total = row is p.total
    weight = plain(row.weight) if total and row.weight is not None else p.sub_dash
    score = plain(row.score) if total and row.score is not None else p.sub_dash
    _row(
        out,
        "",
        _FUND_PAD[row.label],
        _amount(row.initial),
        _amount(row.budget),
        _amount(row.executed),
        weight,
        rate_text(row.rate, style) or p.sub_dash,
        score,
    )


def _indicator_rows(out: list[str], p: Project) -> None:
    last1 = last2 = None
    for ind in p.indicators:
        first1 = ind.level1 != last1
        label1 = f"{_LEVEL1.get(ind.level1, ind.level1)}\n({plain(p.caps[ind.level1])}分)" if first1 else ""
        label2 = _LEVEL2.get(ind.level2, ind.level2) if first1 or ind.level2 != last2 else ""
        last1, last2 = ind.level1, ind.level2
        weight = NBSP if ind.weight is None else plain(ind.weight)
        score = NBSP if ind.score is None else plain(ind.score)
        # NOTE: one f-string per row rather than _row(): this loop is most of the rendering time
        out.append(
            f"\t\n\t{label1}\n\t{label2}\n\t{ind.name or NBSP}\n\t{ind.target or NBSP}\n"
            f"\t{ind.actual or NBSP}\n\t{weight}\n\t{score}\n\t{ind.reason or NBSP}\n"
        )


def render_table(p: Project, style: str) -> list[str]:
    """The 项目支出绩效自评表 of one project, as chunks of lines to be joined by newlines."""
    out: list[str] = []
    _row(out, "项目支出绩效自评表" + NBSP)
    _row(out, f"（{p.year}年度）")
    _row(out, "项目名称", p.name + p.name_pad)
    _row(out, "主管部门", p.department, "实施单位", p.unit)
    _row(out, *_FUND_HEADER)
    for row in p.funding:
        _funding_row(out, row, p, style)
    _row(out, "年度总体目标完成情况", "预期目标", "实际完成情况")
    _row(out, "", p.goal, p.goal_actual)
    _row(out, *_INDICATOR_HEADER)
    _indicator_rows(out, p)
    _row(out, "总分", NBSP, NBSP, plain(p.total_weight), plain(p.total_score), NBSP)
    out += ["", NBSP]
    return out


def narrative_text(p: Project, scored: bool = True) -> str:
    """The 自评综述 paragraph that precedes a project's table; a table without scores (F7) gives
    the prose no score or grade to state."""
    n = p.narrative
    adjusted = f"年初预算数为{n.initial}{n.unit}，年中调整为{n.budget}{n.unit}。" if n.initial else ""
    verdict = (
        f"{n.name}项目绩效自评得分为{n.score}分，自评等级为{n.grade}。"
        if scored
        else f"{n.name}项目年度绩效目标总体完成。"
    )
    return (
        f"{n.name}项目绩效自评综述：根据年初设定的绩效目标，{verdict}"
        f"项目全年预算数为{n.budget}{n.unit}，执行数为{n.executed}{n.unit}，"
        f"完成预算的{n.rate}。{adjusted}项目绩效目标完成情况：{n.achievement}。"
        f"发现的主要问题：{n.problem}。下一步改进措施：{n.measure}。"
    )


def _quoted(names: list[str]) -> str:
    return "、".join(f"“{name}”" for name in names)


def opening(r: Report) -> list[str]:
    """The 情况说明's opening: the stated count and funds (G-COUNT), the department's evaluation as a
    whole (unless the report leaves it out), and the list of names."""
    y, n, listed = r.year, len(r.projects), r.listed
    whole = (
        [
            f"组织对{y}年度部门整体支出开展了绩效自评。评价结果显示，我单位基本支出能够做到厉行节约，严格标准；"
            "项目支出严格执行预算，注重使用绩效，整体支出取得了明显的效果。"
        ]
        if r.whole_department
        else []
    )
    return [
        f"关于{y}年度预算绩效情况说明",
        "",
        "（1）预算绩效管理工作开展情况",
        (
            f"根据预算绩效管理要求，本部门组织对{y}年度纳入部门预算的项目支出全面开展了绩效自评，"
            f"共{r.count}个项目，涉及资金{r.funds}万元。从评价情况看，均达到了预期绩效目标，提高了资金使用效益。"
        ),
        *whole,
        "（2）部门决算中项目绩效自评结果。",
        f"我局在{y}年度部门决算中反映{_quoted(listed)}{n}个项目绩效自评综述和所有项目支出绩效自评表。",
    ]


def render_text(report: Report) -> str:
    """The whole 绩效情况说明: opening, each project's 自评综述 and table, the prose section (when the
    report has one), and the attachment."""
    out = opening(report)
    scored = form_of(report.form).scored
    for p in report.projects:
        out.append(narrative_text(p, scored))
        if report.form == "central":
            out += render_table(p, report.rate_style)
        else:
            table, notes = render_form_table(p, report)
            out += table + notes
    out.append(f"{NBSP}所有项目绩效自评表详见“附件：{report.year}年度项目支出绩效自评表”。")
    out += prose_paragraphs(report)
    out.append("（3）部门评价结果。")
    if report.attachment is None:
        out.append(f"{report.year}年度本部门未开展部门评价。")
    else:
        out += render_attachment(report.attachment, report)
    return "\n".join(out) + "\n"
