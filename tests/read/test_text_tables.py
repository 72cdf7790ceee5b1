"""Tables that reach us as plain text other than Word's copy: pipe rows, a cell a line, tab-separated rows.

The fixtures are our own (made-up projects and figures) laid out as web pages and spreadsheets write
them: every row of a pipe grid carries the same number of `|`, merged cells written as bare `|`.
"""

import pytest

from auditor.document import Locator, Paragraph, Table
from auditor.pipeline import audit
from auditor.read.text import parse_text


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def where(table: Table) -> list[list[int]]:
    return [[c.loc.line for c in row] for row in table.rows]


def kinds(doc) -> list[str]:
    return [type(b).__name__ for b in doc.blocks]


# A row a line, each line padded to the grid's width (7) with merged-cell debris.
PIPE_ROWS = lines(
    "示范县2023年度项目支出绩效自评表",
    "项目名称 | 青苗培育补助 | |||||",
    "主管部门 | 示范县农业局 | 实施单位 | 示范县农技站 | |||",
    "年度资金总额 | 120 | | 118 | 10 | 98.33% | 9.8 |",
    "其他资金 | ||||||",
    "本表金额单位为万元。",
)


def test_pipe_rows_give_a_grid_without_the_debris():
    doc = parse_text(PIPE_ROWS, "p.txt")
    assert kinds(doc) == ["Paragraph", "Table", "Paragraph"]
    table = doc.blocks[1]
    assert grid(table) == [
        ["项目名称", "青苗培育补助"],
        ["主管部门", "示范县农业局", "实施单位", "示范县农技站"],
        ["年度资金总额", "120", "", "118", "10", "98.33%", "9.8"],  # the inner empty cell keeps its place
        ["其他资金"],
    ]
    assert where(table) == [[2, 2], [3] * 4, [4] * 7, [5]]
    assert table.loc.line == 2 and table.index == 1
    assert {c.loc.table for row in table.rows for c in row} == {1}
    assert doc.blocks[2].loc.line == 6


# Rows a page wrapped: after a `|`, inside a cell, debris on a line of its own; every row opens with `|`.
WRAPPED = lines(
    "| 项目名称 |",
    "青苗培育补助 |",
    "||||",
    "| 年度资金总额 | 120 | 118 | 10 | 98.33% | 9.8 |",
    "|",
    "绩效指标 |",
    "一级指标 | 二级指标 | 三级指标 | 得分 | |",
    "| 产出指标 | 数量指标 | 培育青苗面积",
    "（含补种） | 9.5 | ||",
    "| 总分 | 9.5 | ||||",
)


def test_rows_wrapped_over_lines_are_put_together_by_their_count_of_bars():
    table = parse_text(WRAPPED, "w.txt").blocks[0]
    assert grid(table) == [
        ["项目名称", "青苗培育补助"],
        ["年度资金总额", "120", "118", "10", "98.33%", "9.8"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "得分"],
        ["产出指标", "数量指标", "培育青苗面积\n（含补种）", "9.5"],
        ["总分", "9.5"],
    ]
    assert where(table) == [[1, 2], [4] * 6, [6, 7, 7, 7, 7], [8, 8, 8, 9], [10, 10]]


def test_a_cell_cut_off_or_wrapped_without_a_bar_goes_on_with_its_cell():
    text = lines(
        "项目名称 | 青苗培育补助 | |||||",
        "偏差原因 | 部分地块延后",
        "补种 | |||||",
        "改进措施 |",
        "下年提前安排补种",
    )
    table = parse_text(text, "c.txt").blocks[0]
    assert grid(table) == [
        ["项目名称", "青苗培育补助"],
        ["偏差原因", "部分地块延后\n补种"],
        ["改进措施", "下年提前安排补种"],
    ]
    assert where(table)[2] == [4, 5]


# One cell a line (width 8): a `|` alone is a blank cell in its place, a run of `|` is debris.
CELL_A_LINE = lines(
    "示范县2023年度项目支出绩效自评表",
    "项目名称 |",
    "青苗培育补助 |",
    "|",
    "|||||",
    "资金情况（万元） |",
    "|",
    "全年预算数 |",
    "全年执行数 |",
    "执行率 |",
    "得分 |",
    "||",
    "|",
    "年度资金总额 |",
    "120 |",
    "118 |",
    "98.33% |",
    "9.8 |",
    "||",
    "|",
    "一级指标 |",
    "二级指标 |",
    "三级指标 |",
    "指标值 |",
    "实际值 |",
    "得分 |",
    "未完成原因 |",
    "|",
    "产出指标 |",
    "数量指标 |",
    "培育面积 |",
    "≥9 |",
    "9.5 |",
    "10 |",
    "|",
    "|",
    "|",
    "质量指标 |",
    "成活率 |",
    "≥90% |",
    "95% |",
    "10 |",
    "|",
)


def test_one_cell_a_line_keeps_blank_cells_in_their_place():
    doc = parse_text(CELL_A_LINE, "c.txt")
    assert kinds(doc) == ["Paragraph", "Table"]
    table = doc.blocks[1]
    assert grid(table) == [
        ["项目名称", "青苗培育补助", ""],
        ["资金情况（万元）", "", "全年预算数", "全年执行数", "执行率", "得分"],
        ["", "年度资金总额", "120", "118", "98.33%", "9.8"],
        ["", "一级指标", "二级指标", "三级指标", "指标值", "实际值", "得分", "未完成原因"],
        ["", "产出指标", "数量指标", "培育面积", "≥9", "9.5", "10", ""],
        ["", "", "质量指标", "成活率", "≥90%", "95%", "10", ""],
    ]
    assert where(table)[0] == [2, 3, 4] and where(table)[5][:3] == [36, 37, 38]
    assert table.loc.line == 2


def test_a_bar_that_opens_every_row_is_the_border_not_a_cell():
    text = lines("|", "项目名称 |", "青苗培育补助 |", "||||", "|", "主管部门 |", "示范县农业局 |", "|", "|||")
    assert grid(parse_text(text, "b.txt").blocks[0]) == [["项目名称", "青苗培育补助"], ["主管部门", "示范县农业局", ""]]


def test_tab_separated_rows_from_a_browser_or_excel():
    text = lines(
        "资金情况\t年初预算数\t全年预算数\t全年执行数\t执行率",
        "年度资金总额\t120\t120\t118\t98.33%",
        "\t其中：本年财政拨款\t120\t118\t",
        '"培育青苗面积',
        '（含补种）"\t9\t9.5\t10',
        "正文继续。",
    )
    doc = parse_text(text, "t.txt")
    assert kinds(doc) == ["Table", "Paragraph"]
    table = doc.blocks[0]
    assert grid(table) == [
        ["资金情况", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", "120", "120", "118", "98.33%"],
        ["", "其中：本年财政拨款", "120", "118", ""],  # a sheet's cells keep their columns, blanks too
        ["培育青苗面积\n（含补种）", "9", "9.5", "10"],  # Excel quotes a cell that holds a line break
    ]
    assert where(table) == [[1] * 5, [2] * 5, [3] * 5, [4, 5, 5, 5]]
    assert doc.blocks[1].loc.line == 6


def test_a_sheet_whose_first_column_is_blank_starts_with_a_tab():
    text = lines("附表", "\t数量指标\t培育面积\t9.5", "\t\t成活率\t95%")
    doc = parse_text(text, "t.txt")
    assert kinds(doc) == ["Paragraph", "Table"]
    assert grid(doc.blocks[1]) == [["", "数量指标", "培育面积", "9.5"], ["", "", "成活率", "95%"]]


def test_words_copy_is_read_as_before():
    text = "标题段落\n\t项目名称\n\t说明A|B\n\n\t产\n出|甲|乙|丙|\n\t数量指标\n\n正文段落\n"
    doc = parse_text(text, "t.txt")
    assert kinds(doc) == ["Paragraph", "Table", "Paragraph"]
    assert grid(doc.blocks[1]) == [["项目名称", "说明A|B"], ["产\n出|甲|乙|丙|", "数量指标"]]
    # a tab-led line with more tabs in it, met inside a Word table, is still Word's cell
    inside = parse_text("\t项目名称\n\t老字号\n\n\t甲\t乙\t丙\n\t丁\t戊\t己\n", "t.txt")
    assert grid(inside.blocks[0]) == [["项目名称", "老字号"], ["甲\t乙\t丙", "丁\t戊\t己"]]


@pytest.mark.parametrize(
    "text",
    [
        "详见附件1|附件2。\n",
        "选项为A|B|C，任选其一\n",
        "1.\t项目基本情况\n2.\t项目绩效目标\n",  # Word's numbered list: one tab after the number
        "年度资金总额 650 94 0.1 2.9\n其中：财政拨款 650 94 0.1\n",  # space-separated rows are left alone
        "年度资金总额:12012010100.00%10\n",
    ],
)
def test_prose_and_ambiguous_rows_stay_paragraphs(text):
    doc = parse_text(text, "p.txt")
    assert all(isinstance(b, Paragraph) for b in doc.blocks)
    assert [b.text for b in doc.blocks] == [line.strip() for line in text.splitlines()]


def test_a_sentence_with_bars_before_a_table_and_a_paragraph_between_tables_stay_paragraphs():
    text = lines(
        "说明：表中 | 为合并单元格 | 的分隔",
        "项目名称 | 青苗培育补助 | |||||",
        "主管部门 | 示范县农业局 | 实施单位 | 示范县农技站 | |||",
        "附表2",
        "项目名称 | 耕地保护补助 | |||||",
        "主管部门 | 示范县自然资源局 | |||||",
    )
    doc = parse_text(text, "two.txt")
    assert kinds(doc) == ["Paragraph", "Table", "Paragraph", "Table"]
    assert [b.index for b in doc.tables()] == [1, 2]
    assert grid(doc.blocks[3])[0] == ["项目名称", "耕地保护补助"]
    assert doc.blocks[3].rows[1][1].loc == Locator(line=6, table=2)


# --- end to end: a complete central-form 自评表 as web pages and spreadsheets give it ------------------

#: The grid as Word holds it ("" where a merged cell covers a column); every sum, rate and cap agrees.
FORM = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "农田灌溉渠道维护"],
    ["主管部门", "示范县水务局", "实施单位", "示范县灌区服务中心"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "300", "300", "300", "10", "100%", "10"],
    ["其中：本年财政拨款", "300", "300", "300", "—", "100%", "—"],
    ["上年结转资金", "0", "0", "0", "—", "—", "—"],
    ["其他资金", "0", "0", "0", "—", "—", "—"],
    ["年度总体目标", "预期目标", "实际完成情况"],
    ["", "完成灌溉渠道清淤维护42公里", "清淤维护灌溉渠道42公里，渠道运行正常"],
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    ["", "产出指标(50分)", "数量指标", "渠道清淤里程", "≥40公里", "42公里", "30", "30", "无偏差"],
    ["", "", "质量指标", "维护验收合格率", "≥95%", "98%", "20", "20", "无偏差"],
    ["", "效益指标(30分)", "社会效益指标", "受益农田面积", "≥5000亩", "5200亩", "30", "30", "无偏差"],
    ["", "满意度指标(10分)", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", "10", "10", "无偏差"],
    ["总分", "", "", "", "", "", "100", "100", "/"],
]
WIDTH = 12  # the page's grid is wider than any row: every row ends in debris


def planted(rows: list[list[str]]) -> list[list[str]]:
    """渠道清淤里程 scored 35 of its 30; 合格率 gives 5 back with a reason, so every sum still agrees."""
    rows = [list(r) for r in rows]
    rows[12][7] = "35"
    rows[13][5], rows[13][7], rows[13][8] = "90%", "15", "部分渠段验收延后，下年加强质量管理"
    return rows


def pipe_rows(rows: list[list[str]]) -> str:
    """A row a line: merged cells vanish from their place and come back as debris at the row's end."""
    out = []
    for row in rows:
        cells = [c for c in row if c]
        out.append(" | ".join(cells) + " | " + "|" * (WIDTH - len(cells)))
    return lines(*out)


def cell_lines(rows: list[list[str]]) -> str:
    """A cell a line, a blank or covered cell as a `|` alone, the row's debris as one run of `|`."""
    out = []
    for row in rows:
        out.extend(f"{c} |" if c else "|" for c in row)
        out.append("|" * (WIDTH - len(row)))
    return lines(*out)


def tab_rows(rows: list[list[str]]) -> str:
    """As Excel copies a range: every row as wide as the range, a merged cell's columns left blank."""
    width = max(len(r) for r in rows)
    return lines(*("\t".join(row + [""] * (width - len(row))) for row in rows))


SHAPES = {"pipe rows": pipe_rows, "a cell a line": cell_lines, "tab-separated": tab_rows}


@pytest.fixture(scope="module")
def audited(tmp_path_factory, ruleset):
    """One audit of every shape, clean and with the planted score: {(shape, planted): kinds of issue}."""
    folder = tmp_path_factory.mktemp("shapes")
    names = {}
    for shape, write in SHAPES.items():
        for bad in (False, True):
            name = f"{shape.replace(' ', '_')}{'_bad' if bad else ''}.txt"
            (folder / name).write_text(write(planted(FORM) if bad else FORM), encoding="utf-8")
            names[name] = (shape, bad)
    result = audit([str(folder)], ruleset=ruleset, jobs=1)
    found = {key: [] for key in names.values()}
    for issue in result.issues:
        found[names[issue.doc.rsplit("/", 1)[-1]]].append(issue)
    return found


@pytest.mark.parametrize("shape", SHAPES)
def test_a_clean_form_in_each_shape_gives_no_issue(audited, shape):
    assert [f"{i.kind}: {i.message}" for i in audited[(shape, False)]] == []


@pytest.mark.parametrize("shape", SHAPES)
def test_a_score_above_its_weight_is_found_in_each_shape(audited, shape):
    issues = audited[(shape, True)]
    assert [(i.kind, i.found) for i in issues if i.kind == "score_exceeds_weight"] == [("score_exceeds_weight", "35")]


GLUED = lines(
    "示范县农业局2023年度项目支出绩效自评表",
    "项目名称:青苗培育补助",
    "年度资金总额:505010100.00%10",
    "一级指标二级指标三级指标年度指标值实际完成值分值得分",
    "产出指标数量指标培育面积≥500亩520亩5050",
    "总分100100",
)
SEPARATE = lines(
    "示范县农业局2023年度项目支出绩效自评表",
    *["项目名称", "青苗培育补助", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    *["年度资金总额", "50", "50", "10", "100.00%", "10", "一级指标", "二级指标", "三级指标", "分值", "得分"],
    *["产出指标", "数量指标", "培育面积", "≥500亩", "520亩", "50", "50"],
)


@pytest.mark.parametrize("text", [GLUED, SEPARATE], ids=["numbers glued", "labels and values apart"])
def test_a_table_that_cannot_be_placed_is_a_table_of_lines_reported_as_not_read(tmp_path, ruleset, text):
    doc = parse_text(text, "flat.txt")
    assert kinds(doc) == ["Paragraph", "Table"]
    table = doc.blocks[1]
    assert all(len(row) == 1 for row in table.rows) and table.loc == Locator(line=2, table=1)
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    issues = audit([str(path)], ruleset=ruleset).issues
    assert [(i.kind, i.location.table) for i in issues] == [("extraction_incomplete", 1)]
    assert issues[0].message.startswith("表1")


def test_prose_that_names_the_header_words_stays_prose():
    text = lines("评价指标体系包括一级指标、二级指标和三级指标。", "各指标设分值，按实际完成值计算得分。")
    assert kinds(parse_text(text, "p.txt")) == ["Paragraph", "Paragraph"]
