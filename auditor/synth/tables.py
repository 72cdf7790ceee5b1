"""The 自评表 of one project in each published form other than the central one, as Word copies it.

Same conventions as `auditor.synth.text` (a TAB-led line per cell, a blank line per row, an
empty first cell continuing a label merged down the block), with each form's own words,
column order and rows, as rules/forms declares them and tests/forms' fixtures show them:

- central_split: the indicator header on two rows. The first gives 年度指标值 once, spanning
  指标性质 | 指标值 | 度量单位 (or 指标方向) on the second, whose other cells are empty: they
  are the cells merged over both rows. Each row's target is split over the three columns.
- sichuan: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因, the source rows
  财政资金 / 财政专户管理资金 / 单位资金 / 其他资金, 指标性质 and 度量单位 columns, a 合计 row and
  the footer rows 评价结论 / 存在问题 / 改进措施 / 项目负责人 / 填报人 / 联系电话.
- linkage: 分值 before 年度指标值, 全年实际值, 未完成原因及拟采取的改进措施, and the note that
  states the caps under the table (or as its last row).
- twenty_eighty: 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率), rates as ratios,
  年初目标值(A) | 实际完成值(B) | 得分 with no 分值 column, caps in the labels (产出指标(40分)),
  the reasons in a footer row after 总分.
- indicator_only: 一级 | 二级 | 指标名称 | 目标值 | 实际完成值, no 分值 / 得分, no 总分.
"""

from __future__ import annotations

import re

from auditor.synth.forms import form_of
from auditor.synth.model import FundingRow, Indicator, Project, Report, grade_for, plain, rate_text, ratio_text

NBSP = "\u00a0"
_TARGET = re.compile(r"^(≥|≤|不少于)?(\d+(?:\.\d+)?)(.*)$")
_MEASURED_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(.+)$")
_NAMES = ("王某某", "李某某", "张某某", "刘某某", "陈某某", "杨某某")


def _row(out: list[str], *cells: str) -> None:
    out.append("\t" + "\n\t".join(cells) + "\n")


def _head(out: list[str], p: Project, title: str = "项目支出绩效自评表") -> None:
    _row(out, title + NBSP)
    _row(out, f"（{p.year}年度）")
    _row(out, "项目名称", p.name + p.name_pad)
    _row(out, "主管部门", p.department, "实施单位", p.unit)


def _amount(value) -> str:
    return NBSP if value is None else str(value)


def _rate(row: FundingRow, r: Report, p: Project) -> str:
    if row.rate is None:
        return NBSP
    return ratio_text(row.rate) if form_of(r.form).ratio else rate_text(row.rate, r.rate_style)


def _goals(
    out: list[str], p: Project, words: tuple[str, str, str] = ("年度总体目标完成情况", "预期目标", "实际完成情况")
) -> None:
    _row(out, *words)
    _row(out, "", p.goal, p.goal_actual)


def _label1(ind: Indicator, p: Project, caps: bool) -> str:
    return f"{ind.level1}({plain(p.caps[ind.level1])}分)" if caps else ind.level1


def _walk(p: Project):
    """Each row with the 一级 and 二级 labels it prints (empty where the merged cell above continues)."""
    last1 = last2 = None
    for ind in p.indicators:
        first1 = ind.level1 != last1
        first2 = first1 or ind.level2 != last2
        last1, last2 = ind.level1, ind.level2
        yield ind, first1, (ind.level2 if first2 else "")


def _weight(ind: Indicator) -> str:
    return NBSP if ind.weight is None else plain(ind.weight)


def _score(ind: Indicator) -> str:
    return NBSP if ind.score is None else plain(ind.score)


def split_target(target: str) -> tuple[str, str, str]:
    """'≥500人次' → ('≥', '500', '人次'); '100%' → ('=', '100', '%'); a phrase → ('', phrase, '')."""
    m = _TARGET.match(target)
    if not m:
        return "", target, ""
    op = {"不少于": "≥", None: "="}.get(m.group(1), m.group(1))
    return op, m.group(2), m.group(3)


def _nature(op: str, look: dict) -> str:
    """The 指标性质 cell (≥ ≧ >= ≤ ≦ <= = ═ 定性 as the report writes them) or the 指标方向 cell."""
    if not op:
        return "定性"
    if look.get("direction"):
        return {"≥": "正向", "≤": "反向", "=": "等于"}[op]
    return look[{"≥": "ge", "≤": "le", "=": "eq"}[op]]


def _bare(actual: str, unit: str) -> str:
    """An actual without the unit its 度量单位 column states: '512人次' → '512'."""
    m = _MEASURED_NUMBER.match(actual)
    return m.group(1) if m and unit and m.group(2) == unit else actual


def _split_cells(ind: Indicator, look: dict) -> list[str]:
    """指标性质 | 指标值 | 度量单位 | 实际完成值 of one row."""
    if not ind.name and not ind.target:
        return [NBSP, NBSP, NBSP, ind.actual or NBSP]
    op, value, unit = split_target(ind.target)
    if op == "=" and ind.kind == "zero":
        op = "≤" if look.get("direction") else "="  # 0起: no incident at all, 反向 where a direction is printed
    actual = _bare(ind.actual, unit) if look.get("bare_actual") else ind.actual
    return [_nature(op, look), value or NBSP, unit or NBSP, actual or NBSP]


# ---- F2 central_split ------------------------------------------------------------------------

_LEVEL1_VERTICAL = {"产出指标": "产\n出\n指\n标", "效益指标": "效\n益\n指\n标", "满意度指标": "满意度指标"}
_CENTRAL_FUND_HEADER = (
    "项目资金\n（万元）",
    NBSP,
    "年初预算数",
    "全年预算数（A）",
    "全年执行数（B）",
    "分值",
    "执行率（B/A)",
    "得分",
)
_CENTRAL_FUND_LABELS = {
    "年度资金总额": "年度资金总额：",
    "本年财政拨款": NBSP + "其中：本年财政拨款",
    "上年结转资金": NBSP * 4 + "上年结转资金",
    "其他资金": NBSP * 7 + "其他资金",
}


def _central_funding(out: list[str], p: Project, r: Report) -> None:
    _row(out, *_CENTRAL_FUND_HEADER)
    for row in p.funding:
        label = _CENTRAL_FUND_LABELS[row.label]
        if row.budget is None and row.executed is None and row.initial is None:
            _row(out, "", label, NBSP, NBSP, NBSP, NBSP, NBSP, NBSP)
            continue
        total = row is p.total
        weight = plain(row.weight) if total and row.weight is not None else p.sub_dash
        score = plain(row.score) if total and row.score is not None else p.sub_dash
        rate = _rate(row, r, p) if row.rate is not None else p.sub_dash
        _row(out, "", label, _amount(row.initial), _amount(row.budget), _amount(row.executed), weight, rate, score)


def central_split(p: Project, r: Report) -> list[str]:
    look, out = r.look, []
    _head(out, p)
    _central_funding(out, p, r)
    _goals(out, p)
    _row(
        out,
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
    _row(out, "", "", "", "", "指标方向" if look.get("direction") else "指标性质", "指标值", "度量单位", "", "", "", "")
    for ind, first1, label2 in _walk(p):
        label1 = f"{_LEVEL1_VERTICAL[ind.level1]}\n({plain(p.caps[ind.level1])}分)" if first1 else ""
        _row(
            out,
            "",
            label1,
            label2,
            ind.name or NBSP,
            *_split_cells(ind, look),
            _weight(ind),
            _score(ind),
            ind.reason or NBSP,
        )
    if look.get("grade_in_total"):
        _row(out, "总分", plain(p.total_weight), plain(p.total_score), grade_for(p.total_score))
    else:
        _row(out, "总分", NBSP, NBSP, plain(p.total_weight), plain(p.total_score), NBSP)
    return out + ["", NBSP]


# ---- F3 sichuan ------------------------------------------------------------------------------

_SICHUAN_SOURCES = (
    ("本年财政拨款", "财政资金"),
    ("上年结转资金", "财政专户管理资金"),
    (None, "单位资金"),
    ("其他资金", "其他资金"),
)


def sichuan(p: Project, r: Report) -> list[str]:
    look, out = r.look, []
    _head(out, p)
    _row(
        out,
        "预算执行情况\n（万元）\n（10分）",
        "资金来源",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "原因",
    )
    t = p.total
    reason = "部分资金拨付进度滞后，结余资金按规定收回。" if t.rate is not None and t.rate < 90 else NBSP
    _row(
        out,
        "",
        look.get("total_label", "合计"),
        _amount(t.initial),
        _amount(t.budget),
        _amount(t.executed),
        _rate(t, r, p),
        plain(t.weight),
        plain(t.score),
        reason,
    )
    rows = {row.label: row for row in p.funding[1:]}
    for key, label in _SICHUAN_SOURCES:
        row = rows.get(key)
        if row is None or row.budget is None:
            _row(out, "", label, NBSP, NBSP, NBSP, NBSP, NBSP, NBSP, NBSP)
        else:
            _row(
                out,
                "",
                label,
                _amount(row.initial),
                _amount(row.budget),
                _amount(row.executed),
                _rate(row, r, p),
                NBSP,
                NBSP,
                NBSP,
            )
    _goals(out, p, ("年度目标完成情况", "预期目标", "实际完成目标"))
    _row(
        out,
        "绩效指标完成情况\n（90分）",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "权重",
        "得分",
        "偏差原因分析及改进措施",
    )
    caps = look.get("caps_in_labels", False)
    for ind, first1, label2 in _walk(p):
        label1 = _label1(ind, p, caps) if first1 else ""
        _row(
            out,
            "",
            label1,
            label2,
            ind.name or NBSP,
            *_split_cells(ind, look),
            _weight(ind),
            _score(ind),
            ind.reason or NBSP,
        )
    _row(out, "合计", "", "", "", "", "", "", plain(p.total_weight), plain(p.total_score), "")
    n = p.narrative
    _row(out, "评价结论", "项目资金使用规范，年度绩效目标基本实现。")
    _row(out, "存在问题", n.problem + "。")
    _row(out, "改进措施", n.measure + "。")
    who = _NAMES[len(p.name) % len(_NAMES)], _NAMES[(len(p.name) + 1) % len(_NAMES)]
    _row(out, "项目负责人", who[0], "填报人", who[1], "联系电话", f"0000-{2000000 + len(p.unit) * 7919 % 7000000}")
    return out + ["", NBSP]


# ---- F5 linkage ------------------------------------------------------------------------------

_LINKAGE_FUND_LABELS = {
    "年度资金总额": "年度资金总额：",
    "本年财政拨款": "其中：本年财政拨款",
    "上年结转资金": "上年结转资金",
    "其他资金": "其他资金",
}


def cap_note(p: Project) -> str:
    c = p.caps
    return (
        f"注：1.一级指标分值统一设置为：产出指标{plain(c['产出指标'])}分、效益指标{plain(c['效益指标'])}分、"
        f"满意度指标{plain(c['满意度指标'])}分、预算资金执行率{plain(p.fund_weight)}分"
    )


def linkage(p: Project, r: Report) -> tuple[list[str], list[str]]:
    """The table, and the paragraphs under it."""
    look, out = r.look, []
    _head(out, p, "绩效目标自评表")
    _row(out, "资金情况\n（万元）", NBSP, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分")
    for row in p.funding:
        label = _LINKAGE_FUND_LABELS[row.label]
        if row.budget is None:
            _row(out, "", label, NBSP, NBSP, NBSP, NBSP, NBSP)
            continue
        total = row is p.total
        _row(
            out,
            "",
            label,
            _amount(row.budget),
            _amount(row.executed),
            plain(row.weight) if total else NBSP,
            _rate(row, r, p),
            plain(row.score) if total else NBSP,
        )
    words = (
        ("年度总体目标", "年初设定目标", "年度总体目标完成情况综述")
        if look.get("own_goal_words")
        else ("年度总体目标完成情况", "预期目标", "实际完成情况")
    )
    _goals(out, p, words)
    _row(
        out,
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "年度指标值",
        "全年实际值",
        "得分",
        "未完成原因及拟采取的改进措施",
    )
    stale = dict(zip(p.caps, look["label_caps"])) if look.get("label_caps") else None
    for ind, first1, label2 in _walk(p):
        label1 = (f"{ind.level1}({stale[ind.level1]}分)" if stale else _label1(ind, p, True)) if first1 else ""
        _row(
            out,
            "",
            label1,
            label2,
            ind.name or NBSP,
            _weight(ind),
            ind.target or NBSP,
            ind.actual or NBSP,
            _score(ind),
            ind.reason or NBSP,
        )
    _row(out, "总分", plain(p.total_weight), "", "", plain(p.total_score), "")
    notes = [cap_note(p), "2.未完成年度指标值的，应说明原因及拟采取的改进措施。"]
    if look.get("note_in_table"):
        _row(out, "\n".join(notes))
        return out + ["", NBSP], []
    return out + ["", NBSP], notes


# ---- F4 twenty_eighty ------------------------------------------------------------------------

_UNIT_KINDS = ("ge", "ge%", "sat", "eq%")


def _twenty_eighty_row(ind: Indicator, look: dict) -> tuple[str, str, str]:
    """三级指标 | 年初目标值(A) | 实际完成值(B): with units_in_names, 读者满意度(%) | 90 | 93."""
    if not (look.get("units_in_names") and ind.kind in _UNIT_KINDS and ind.target):
        return ind.name or NBSP, ind.target or NBSP, ind.actual or NBSP
    op, value, unit = split_target(ind.target)
    return f"{ind.name}({unit})", value, _bare(ind.actual, unit)


def twenty_eighty(p: Project, r: Report) -> list[str]:
    look, out = r.look, []
    _head(out, p)
    _row(
        out,
        f"预算执行情况（万元）({plain(p.fund_weight)}分)",
        "预算数(A)",
        "执行数(B)",
        "执行率(B/A)",
        f"得分\n({plain(p.fund_weight)}分*执行率)",
    )
    t = p.total
    _row(out, "年度财政资金总额", _amount(t.budget), _amount(t.executed), _rate(t, r, p), plain(t.score))
    if not look.get("total_only"):
        for row in p.funding[1:]:
            label = _LINKAGE_FUND_LABELS[row.label]
            if row.budget is None:
                _row(out, label, NBSP, NBSP, NBSP, NBSP)
            else:
                _row(out, label, _amount(row.budget), _amount(row.executed), _rate(row, r, p), NBSP)
    _goals(out, p)
    indicator_weight = sum(p.caps.values())
    _row(
        out,
        f"年度绩效目标\n({plain(indicator_weight)}分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值(A)",
        "实际完成值(B)",
        "得分",
    )
    for ind, first1, label2 in _walk(p):
        label1 = _label1(ind, p, True) if first1 else ""
        _row(out, "", label1, label2, *_twenty_eighty_row(ind, look), _score(ind))
    if look.get("total_weight"):
        _row(out, "总分", plain(p.total_weight), plain(p.total_score))
    else:
        _row(out, "总分", plain(p.total_score))
    reasons = "".join(dict.fromkeys(i.reason for i in p.indicators if i.reason))
    _row(out, "偏差大或\n目标未完成\n原因分析", reasons or "无")
    _row(out, "改进措施及\n结果应用方案", p.narrative.measure + "。")
    return out + ["", NBSP]


# ---- F7 indicator_only -----------------------------------------------------------------------


def indicator_only(p: Project, r: Report) -> list[str]:
    look, out = r.look, []
    _head(out, p)
    _row(out, "预算执行情况\n（万元）", "资金来源", "预算数(A)", "执行数(B)", "执行率(B/A)")
    label_of = {**_LINKAGE_FUND_LABELS, "年度资金总额": "年度资金总额"}
    if look.get("total_last"):  # the sources first, their 合计 under them
        label_of.update({"年度资金总额": "合计", "本年财政拨款": "本年财政拨款"})
    rows = p.funding[1:] + [p.total] if look.get("total_last") else p.funding
    for row in rows:
        if row.budget is None:
            _row(out, "", label_of[row.label], NBSP, NBSP, NBSP)
        else:
            _row(out, "", label_of[row.label], _amount(row.budget), _amount(row.executed), _rate(row, r, p))
    _goals(out, p)
    _row(out, "年度绩效目标完成情况", "一级指标", "二级指标", "指标名称", "目标值", "实际完成值")
    for ind, first1, label2 in _walk(p):
        _row(out, "", ind.level1 if first1 else "", label2, ind.name or NBSP, ind.target or NBSP, ind.actual or NBSP)
    return out + ["", NBSP]


RENDERERS = {
    "central_split": central_split,
    "sichuan": sichuan,
    "twenty_eighty": twenty_eighty,
    "indicator_only": indicator_only,
}


def render_form_table(p: Project, r: Report) -> tuple[list[str], list[str]]:
    """The table of a project in its report's form, and any paragraphs printed under it."""
    if r.form == "linkage":
        return linkage(p, r)
    return RENDERERS[r.form](p, r), []
