"""bench/corpus.py counts what a labelled folder says it should: found labels, misses, false alarms.

The documents are our own: a 自评表 in Word's copy-as-text form (as tests/recognise/test_variants.py
writes it) with a planted defect, in a labelled folder laid out as the real corpus is (docs/ + labels/).
"""

import importlib.util
from pathlib import Path

import pytest
from recognise.test_variants import text_form

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "corpus.py"
PROJECT = "农村公路养护资金"


#: A consistent 项目支出绩效自评表 (amounts in 万元): every sum, rate and cap agrees.
FORM = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", PROJECT],
    ["主管部门", "交通运输局", "实施单位", "公路事务中心"],
    ["项目资金\n（万元）", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "500", "500", "10", "100%", "10"],
    ["", "其中：当年财政拨款", "500", "500", "", "", ""],
    ["年度总体目标完成情况", "预期目标", "实际完成情况"],
    ["", "完成农村公路日常养护", "养护农村公路126公里，路况优良率88%"],
    [
        "年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "分值",
        "年度指标值",
        "度量单位",
        "实际完成值",
        "得分",
        "未完成原因",
    ],
    ["", "产出指标\n(50分)", "数量指标", "养护里程", "正向", "30", "≥120", "公里", "126", "30", ""],
    ["", "", "质量指标", "路况优良率", "正向", "20", "≥85%", "", "88%", "20", ""],
    ["", "效益指标\n(30分)", "社会效益指标", "群众出行时间缩短率", "正向", "30", "≥10%", "", "11%", "30", ""],
    ["", "满意度指标\n(10分)", "服务对象满意度指标", "沿线群众满意度", "正向", "10", "≥90%", "", "95%", "10", ""],
    ["总分", "", "", "", "100", "", "", "", "100", ""],
]


@pytest.fixture(scope="module")
def corpus():
    """The script as a module: it lives under bench/, not in the package."""
    spec = importlib.util.spec_from_file_location("bench_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def planted_score_above_weight() -> str:
    """养护里程 scored 35 of 30; 优良率 gives 5 back with a reason, so every sum and cap still agrees."""
    rows = [list(r) for r in FORM]
    rows[10][9] = "35"
    rows[11][8], rows[11][9], rows[11][10] = "80%", "15", "汛期水毁路段较多，下年加强巡查"
    return text_form(rows)


def rate_off() -> str:
    """A clean control with one arithmetic finding: 执行数 changed while 执行率 still says 100%."""
    rows = [list(r) for r in FORM]
    rows[5][3] = rows[6][3] = "400"
    return text_form(rows)


LABELS = f"""\
doc: a_scored.txt
projects: 1
labels:
- kind: score_exceeds_weight
  project: {PROJECT} 项目
  location: 产出指标 / 数量指标 / 养护里程 / 得分
  expected: '<= 30'
  found: '35'
- kind: other
  subkind: numbering_error
  project: {PROJECT}
  location: nowhere
uncertain: []
fp_tokens: ['100', 500]
"""
CLEAN = "doc: b_clean.txt\nprojects: 1\nlabels: []\nuncertain: []\nclean_checks: []\nfp_tokens: []\n"


@pytest.fixture(scope="module")
def measured(corpus, tmp_path_factory, ruleset):
    folder = tmp_path_factory.mktemp("labelled")
    (folder / "docs").mkdir()
    (folder / "labels").mkdir()
    (folder / "docs" / "a_scored.txt").write_text(planted_score_above_weight(), encoding="utf-8")
    (folder / "labels" / "a_scored.yaml").write_text(LABELS, encoding="utf-8")
    (folder / "docs" / "b_clean.txt").write_text(rate_off(), encoding="utf-8")
    (folder / "labels" / "b_clean.yaml").write_text(CLEAN, encoding="utf-8")
    result = corpus.measure_dir(folder, ruleset=ruleset, jobs=1)
    return {d["doc"]: d for d in result["documents"]}, result["totals"]


def test_one_label_of_two_is_found_and_the_miss_is_listed(measured):
    docs, _ = measured
    doc = docs["a_scored"]
    assert doc["found"] == 1 and len(doc["labels"]) == 2
    hit, miss = doc["labels"]
    assert hit["found_by"]["rule"] == "SCORE_LE_WEIGHT" and hit["found_by"]["found"] == "35"
    assert hit["found_by"]["mode"] == "issue project within the label's"  # "…资金 项目" holds "…资金"
    assert miss["counts_as"] == "other:numbering_error" and miss["found_by"] is None
    assert doc["false_alarms"] == 0 and not doc["silent"]


def test_an_arithmetic_finding_on_a_clean_control_is_a_false_alarm(measured):
    docs, totals = measured
    clean = docs["b_clean"]
    assert clean["clean_control"] and clean["false_alarms"] >= 1
    assert any(i["kind"] == "execution_rate_mismatch" and i["counted_as"] == "clean_control" for i in clean["issues"])
    assert totals["recall_by_kind"]["score_exceeds_weight"] == {"found": 1, "labelled": 1, "recall": 1.0}
    assert totals["found"] == 1 and totals["labelled"] == 2 and totals["clean_control_alarms"] >= 1
    assert totals["precision"] < 1 and totals["silent_passes"] == []


def test_kinds_projects_and_fp_tokens_are_compared_as_the_readme_says(corpus):
    assert corpus.label_kind({"kind": "other", "subkind": "missing_value"}) == "missing_value"
    assert corpus.label_kind({"kind": "other", "subkind": "percentage_mismatch"}) == "other:percentage_mismatch"
    assert corpus.label_kind({}) == "other"
    assert corpus.project_match("南华县 项目（续建）", "南华县项目(续建)", False) == "same project"
    assert corpus.project_match("P", None, True) == "document-level issue, one project"
    assert corpus.project_match("P", None, False) is None
    assert corpus.project_match(None, "Q", False) == "label has no project"
    rate = {"kind": "execution_rate_mismatch", "found": "97 %"}
    assert corpus.fp_token_hit(rate, ["执行率97%"]) == "执行率97%"
    assert corpus.fp_token_hit(rate, ["97"]) is None  # a percentage is not the plain number
    assert corpus.fp_token_hit({"kind": "typo", "found": "97%"}, ["97%"]) is None  # not arithmetic
    assert corpus.fp_tokens({"fp_tokens": ["2.9", 71.7, None]}) == ["2.9", "71.7"]
    assert corpus.declared_project_count({"projects": "21 projects summarised"}) == 21
    assert corpus.has_one_project({"projects": "several (town-level package)"}, ["x"]) is False


def test_fp_tokens_uncertain_entries_and_silence_are_counted_apart(corpus):
    def issue(kind, found, severity="error", project=None):
        return {
            "doc": "d.txt",
            "rule": "R",
            "kind": kind,
            "severity": severity,
            "project": project,
            "message": "m",
            "expected": None,
            "found": found,
            "location": {"line": 1},
        }

    data = {
        "projects": 1,
        "fp_tokens": ["7.79"],
        "labels": [{"kind": "funding_sum_mismatch", "project": "P"}],
        "uncertain": [{"kind": "year_mismatch"}],
    }
    issues = [
        issue("funding_sum_mismatch", "7.79", project="P"),
        issue("year_mismatch", "2020"),
        issue("extraction_incomplete", None, "warning"),
        issue("typo", "x", "info"),
    ]
    doc = corpus.measure_document("d", "d.txt", data, None, issues, {"projects": ["P"], "coverage": None})
    assert [i["counted_as"] for i in doc["issues"]] == ["fp_token", "uncertain", "not_read", "info"]
    assert doc["found"] == 0 and doc["false_alarms"] == 1 and doc["not_read"] == 1 and not doc["silent"]
    silent = corpus.measure_document("d", "d.txt", data, None, [], {"coverage": {"tables": 0, "claims": []}})
    assert silent["silent"] and silent["nothing_checked"]
