"""A verdict only on what was read in full; caps by the table's own form; every gap said, naming the table."""

import pytest

from auditor.pipeline import audit
from auditor.read.text import parse_text
from auditor.recognise import recognise

from .test_variants import text_form

HEAD = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "乡村道路养护"],
    ["主管部门", "交通局", "实施单位", "交通局"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "50", "50", "48", "10", "96%", "9.6"],
    ["", "其中：本年财政拨款", "50", "50", "48", "—", "—", "—"],
    ["年度总体目标", "预期目标", "实际完成情况"],
    ["", "养护乡村道路500公里", "养护乡村道路512公里"],
]
INDICATOR_HEADER = [
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
    ]
]
ROWS = [
    ["", "产出指标", "数量指标", "养护里程", "≥500公里", "512公里", "25", "25", ""],
    ["", "", "质量指标", "验收合格率", "≥95%", "98%", "25", "25", ""],
    ["", "效益指标", "社会效益指标", "通行条件改善", "明显改善", "明显改善", "30", "30", ""],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
]
TOTAL = [["总分", "100", "99.6"]]


def issues(tmp_path, ruleset, rows, before="", after=""):
    path = tmp_path / "t.txt"
    path.write_text(text_form(rows, before=before, after=after), encoding="utf-8")
    return audit([str(path)], ruleset=ruleset)


def kinds(result, severities=("error", "warning")):
    return sorted({(i.kind, i.rule) for i in result.issues if i.severity in severities})


def test_a_complete_consistent_table_is_clean_and_its_coverage_says_it_was_read(tmp_path, ruleset):
    result = issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + ROWS + TOTAL)
    assert kinds(result, ("error", "warning", "info")) == []
    coverage = result.documents[0].coverage
    assert coverage["tables"] == 1 and coverage["tables_full"] == 1 and coverage["indicators"] == 4
    assert coverage["blocks"][0]["form"] == "central"


def test_a_table_cut_off_in_its_indicators_gets_no_sum_or_cap_verdict_but_says_what_is_missing(tmp_path, ruleset):
    result = issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + ROWS[:2])  # cut off after the 产出 rows
    found = kinds(result)
    assert ("extraction_incomplete", "READ_TABLE") in found
    assert not [k for k in found if k[0] in ("category_weight_cap", "missing_category", "total_mismatch")], found
    messages = [i.message for i in result.issues if i.kind == "extraction_incomplete"]
    assert any("绩效指标" in m and "乡村道路养护" in m for m in messages), messages
    assert any("总分行" in m for m in messages), messages
    assert result.documents[0].coverage["tables_full"] == 0


def test_a_row_read_in_a_cut_off_table_is_still_checked(tmp_path, ruleset):
    rows = [list(r) for r in ROWS[:2]]
    rows[0][7] = "30"  # a score above its weight of 25
    found = kinds(issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + rows))
    assert ("score_exceeds_weight", "SCORE_LE_WEIGHT") in found


def test_a_table_without_an_indicator_header_says_so_instead_of_missing_categories(tmp_path, ruleset):
    broken = [["绩效指标", "层次一", "层次二", "层次三", "目标", "完成", "分", "得"]]
    found = kinds(issues(tmp_path, ruleset, HEAD + broken + ROWS + TOTAL))
    assert ("extraction_incomplete", "READ_TABLE") in found
    assert not [k for k in found if k[0] in ("category_weight_cap", "missing_category")], found


def test_a_note_under_the_table_states_the_caps_its_rows_are_checked_against(tmp_path, ruleset):
    rows = [list(r) for r in ROWS]
    rows[0][1] = "产出指标(70分)"  # the label prints another cap than the note: the note wins
    note = "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分。"
    assert kinds(issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + rows + TOTAL, after=note)) == []
    rows[1][6], rows[1][7] = "20", "20"  # 产出 now 45 against the note's 50
    total = [["总分", "95", "94.6"]]
    found = kinds(issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + rows + total, after=note))
    assert ("category_weight_cap", "CATEGORY_WEIGHT_CAP") in found


def test_caps_that_match_no_profile_are_a_warning_not_an_error(tmp_path, ruleset):
    rows = [list(r) for r in ROWS]
    rows[0][1], rows[2][1], rows[3][1] = "产出指标(60分)", "效益指标(20分)", "满意度指标(10分)"
    rows[0][6] = rows[0][7] = "35"
    rows[2][6] = rows[2][7] = "20"
    result = issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + rows + TOTAL)
    errors = [i for i in result.issues if i.severity == "error"]
    assert errors == []
    assert ("category_weight_cap", "CAP_PROFILE") in kinds(result)


SICHUAN = [
    ["项目支出绩效自评表"],
    ["项目名称", "农村公路建设"],
    ["主管部门", "交通运输局", "实施单位", "交通运输局"],
    ["预算执行情况（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    ["合计", "100", "100", "100", "100%", "10", "10", ""],
    ["财政资金", "100", "100", "100", "100%", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分", "偏差原因"],
    ["产出指标", "数量指标", "新建公路里程", "≥", "20", "公里", "21", "40", "40", ""],
    ["", "质量指标", "验收合格率", "=", "100", "%", "100", "20", "20", ""],
    ["效益指标", "社会效益指标", "群众出行时间缩短", "≥", "10", "%", "12", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "95", "10", "10", ""],
    ["合计", "", "", "", "", "", "", "100", "100", ""],
    ["评价结论", "项目完成较好"],
    ["存在问题", "无"],
    ["改进措施", "加强管理"],
    ["项目负责人", "张三"],
]


def test_a_sichuan_table_is_judged_by_its_own_caps_and_its_footers_are_not_indicators(tmp_path, ruleset):
    table = recognise(parse_text(text_form(SICHUAN), "s.txt")).tables[0]
    assert table.form == "sichuan" and table.blocks["total"] == "full"
    assert [i.level3.text for i in table.indicators] == ["新建公路里程", "验收合格率", "群众出行时间缩短", "群众满意度"]
    assert table.indicators[0].values["target"].text == "≥20公里"
    assert table.total.values["score"].text == "100"
    assert kinds(issues(tmp_path, ruleset, SICHUAN)) == []  # 产出 60 is no error on a form with no 产出 cap


@pytest.mark.parametrize(
    "text,words",
    [
        ("关于2023年度部门预算绩效自评情况的说明\n我局高度重视绩效自评工作，按要求开展了自评。\n", "未读到可核对"),
        ("会议纪要\n本次会议研究了办公用房调整事项。\n", "没有项目支出绩效自评内容"),
    ],
)
def test_a_document_with_nothing_checkable_is_never_reported_clean(tmp_path, ruleset, text, words):
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    result = audit([str(path)], ruleset=ruleset)
    assert [i.kind for i in result.issues] == ["extraction_incomplete"]
    assert words in result.issues[0].message and result.issues[0].severity == "warning"


def test_a_table_that_matches_no_form_names_the_header_words_seen(tmp_path, ruleset):
    odd = [["项目资金", "全年预算数", "全年执行数", "执行率"], ["二级指标", "三级指标", "考评要点", "评分"]]
    text = text_form(odd)
    from auditor.ruleset.forms import Form

    only_split = tuple(f for f in ruleset.forms if f.code == "central_split")
    records = recognise(parse_text(text, "x.txt"), only_split)
    assert records.tables == [] and records.unknown_tables
    assert "考评要点" in records.unknown_tables[0][1]
    assert isinstance(only_split[0], Form)


def test_an_indicator_filed_under_another_merged_category_is_reported_not_missummed(tmp_path, ruleset):
    rows = [list(r) for r in ROWS]
    # 效益 (30) holds a satisfaction row between two benefit rows: filed there, so misplaced
    rows[2] = ["", "效益指标", "社会效益指标", "通行条件改善", "明显改善", "明显改善", "20", "20", ""]
    rows[3:3] = [
        ["", "", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", "5", "5", ""],
        ["", "", "生态效益指标", "扬尘投诉下降", "≥10%", "12%", "5", "5", ""],
    ]
    rows[5] = ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""]
    found = kinds(issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + rows + TOTAL))
    assert found == [("category_misplacement", "CATEGORY_MISPLACED")]  # and no cap or sum error from it


def test_a_blank_first_level_cell_before_a_new_category_starts_that_category(tmp_path, ruleset):
    rows = [list(r) for r in ROWS]
    rows[2][1] = ""  # the 效益 label left out: its 社会效益 row starts 效益, it is not misfiled under 产出
    table = recognise(parse_text(text_form(HEAD + INDICATOR_HEADER + rows + TOTAL), "b.txt")).tables[0]
    assert [i.category for i in table.indicators] == ["产出", "产出", "效益", "满意度"] and table.misplaced == []
    assert kinds(issues(tmp_path, ruleset, HEAD + INDICATOR_HEADER + rows + TOTAL)) == []


def test_a_zero_budget_rate_and_an_unnamed_source_row(tmp_path, ruleset):
    head = [list(r) for r in HEAD]
    head[6:6] = [["", "彩票公益金", "0", "0", "0", "", "100%", ""]]
    found = kinds(issues(tmp_path, ruleset, head + INDICATOR_HEADER + ROWS + TOTAL))
    assert found == [("execution_rate_mismatch", "FUNDING_RATE_UNDEFINED")]  # and no funding sum mismatch


@pytest.mark.parametrize(
    "label,category",
    [
        ("出标产指", "产出"),
        ("益标效指(30分)", "效益"),
        ("(50分)", None),
        ("产\n出\n指\n标\n(50分)", "产出"),
        ("", None),
    ],
)
def test_a_scrambled_split_or_empty_first_level_label_still_gives_its_category(label, category):
    from auditor.recognise.categories import categorise
    from auditor.ruleset.forms import builtin_forms

    central = next(f for f in builtin_forms() if f.code == "central")
    assert categorise(central, label, "", True)[0] == category
    # with nothing in the 一级 cell, the 二级 name tells
    assert categorise(central, label, "社会效益指标", True)[0] == (category or "效益")
