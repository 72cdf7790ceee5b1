"""Layout variants of published 自评表 (domain-rules §1) are read as the standard form is."""

from decimal import Decimal

from auditor.pipeline import audit
from auditor.read.text import parse_text
from auditor.recognise import recognise


def text_form(rows: list[list[str]], before: str = "", after: str = "") -> str:
    """Word's copy-as-text: a TAB before every cell, cell lines joined by newlines, a blank line per row."""
    out = [before] if before else []
    for row in rows:
        out.extend("\t" + cell for cell in row)
        out.append("")
    if after:
        out.append(after)
    return "\n".join(out) + "\n"


VARIANT = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "就业补助资金"],
    ["主管部门", "人社局", "实施单位", "人社局"],
    ["项目资金\n（元）", "", "全年预算数", "全年执行数", "权重", "执行率", "得分"],
    ["", "年度资金总额", "6800000", "6800000", "10", "100%", "10"],
    ["", "其中：当年财政拨款", "6800000", "6800000", "", "", ""],
    ["年度总体目标完成情况", "预期目标", "实际完成情况"],
    ["", "开展职业技能培训", "完成职业技能培训"],
    [
        "年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "权重",
        "年度指标值",
        "度量单位",
        "实际完成值",
        "得分",
        "未完成原因",
    ],
    ["", "(50分)", "", "", "", "50", "", "", "", "50", ""],
    ["", "", "数量指标", "培训人数", "正向", "30", "≥1000", "人", "1100", "30", ""],
    ["", "", "质量指标", "培训合格率", "正向", "20", "≥90%", "", "95%", "20", ""],
    ["", "效\n益\n指\n标\n(30分)", "社会效益指标", "就业率", "正向", "30", "≥80%", "", "85%", "30", ""],
    ["", "满意度指标\n(10分)", "服务对象满意度指标", "学员满意度", "正向", "10", "≥90%", "", "96%", "10", ""],
    ["总分", "", "", "", "100", "", "", "", "100", ""],
]


def test_variant_columns_units_and_parent_rows_are_recognised():
    records = recognise(parse_text(text_form(VARIANT), "v.txt"))
    table = records.tables[0]
    assert table.unit == "元"
    total = next(f for f in table.funding if f.kind == "total")
    assert total.values["budget"].text == "6800000" and total.values["weight"].text == "10"
    assert [i.category for i in table.indicators] == ["产出", "产出", "效益", "满意度"]
    assert table.parents[0].category == "产出"
    assert [i.values["weight"].text for i in table.indicators] == ["30", "20", "30", "10"]
    assert [i.values["reason"].text for i in table.indicators] == [""] * 4
    assert len(table.parents) == 1 and table.parents[0].values["score"].text == "50"
    assert table.total.values["weight"].text == "100" and table.total.values["score"].text == "100"


def test_a_consistent_variant_gives_no_issue(tmp_path, ruleset):
    path = tmp_path / "variant.txt"
    path.write_text(text_form(VARIANT), encoding="utf-8")
    result = audit([str(path)], ruleset=ruleset)
    assert [i.message for i in result.issues] == []


def test_errors_in_a_variant_are_still_found(tmp_path, ruleset):
    rows = [list(r) for r in VARIANT]
    rows[10][9] = "45"  # the 产出 subtotal score no longer adds up
    rows[5][3] = "6000000"  # executed changes, the rate still says 100%
    path = tmp_path / "variant.txt"
    path.write_text(text_form(rows), encoding="utf-8")
    found = {(i.rule, i.found, i.expected) for i in audit([str(path)], ruleset=ruleset).issues}
    assert ("CATEGORY_SCORE_SUM", "45", "50") in found
    assert ("FUNDING_RATE", "100%", "88.24%") in found


def test_amounts_in_yuan_are_compared_in_wan_yuan(tmp_path, ruleset):
    narrative = "就业补助资金项目绩效自评综述：项目全年预算数为680万元，执行数为680万元，完成预算的100%。"
    path = tmp_path / "yuan.txt"
    path.write_text(text_form(VARIANT, before=narrative), encoding="utf-8")
    kinds = {i.kind for i in audit([str(path)], ruleset=ruleset).issues}
    assert "unit_mismatch" not in kinds and "narrative_table_mismatch" not in kinds


def test_a_table_flattened_into_paragraphs_is_reported_where_it_stands(tmp_path, ruleset):
    flat = "\n".join(cell for row in VARIANT for cell in row if cell) + "\n"
    path = tmp_path / "flat.txt"
    path.write_text("关于2023年度预算绩效情况说明\n" + flat, encoding="utf-8")
    result = audit([str(path)], ruleset=ruleset)
    incomplete = [i for i in result.issues if i.kind == "extraction_incomplete"]
    # NOTE: reported at the first of its lines that holds the table's header words, as plain text
    assert len(incomplete) == 1 and 2 <= incomplete[0].location.line <= 5
    assert "纯文本" in incomplete[0].message
    one_line = "关于2023年度预算绩效情况说明\n" + " ".join(c for r in VARIANT for c in r if c).replace("\n", "") + "\n"
    path.write_text(one_line, encoding="utf-8")
    assert [i.kind for i in audit([str(path)], ruleset=ruleset).issues] == ["extraction_incomplete"]


def test_yuan_amounts_keep_their_printed_precision():
    from auditor.document import Locator
    from auditor.recognise.records import Field
    from auditor.tabulate import figure_columns

    cols = figure_columns("budget", Field("6617252", Locator(line=1)), "元")
    assert cols["budget"] == Decimal("661.7252") and cols["budget_text"] == "6617252"
