"""Narrative reports end to end: every prose check on a report written as prose, and its clean twin.

`defects_narrative.txt` states each shape of prose defect once; `transfer_narrative.txt`
states the same shapes consistently (rates, shares, parts, restatements), so any
prose finding on it is a false alarm. Both are our own text, in the layout of the
转移支付 self-evaluation reports departments publish.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import Config
from auditor.pipeline import audit

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def results():
    result = audit([str(HERE / "defects_narrative.txt"), str(HERE / "transfer_narrative.txt")], Config())
    by_doc: dict[str, list] = {}
    for issue in result.issues:
        by_doc.setdefault(Path(issue.doc).name, []).append(issue)
    return result, by_doc


def test_every_prose_defect_is_found_once(results):
    _, by_doc = results
    found = sorted((i.rule, i.kind, i.found) for i in by_doc["defects_narrative.txt"] if i.severity != "info")
    assert found == [
        ("CLAIM_CONTRADICTION", "claim_contradiction", "2179万元"),
        ("CLAIM_CONTRADICTION", "claim_contradiction", "61.8万元"),
        ("PROJECT_NAMES_STATED", "project_name_mismatch", "某县2023年财政涉农资金统筹整合使用危房改造项目"),
        ("PROSE_EXCEEDS_BUDGET", "execution_exceeds_budget", "10.12万元"),
        ("PROSE_PARTS_SUM", "funding_sum_mismatch", "2330.9万元"),
        ("PROSE_RATE", "execution_rate_mismatch", "99%"),
        ("PROSE_SHARE", "claim_contradiction", "43%"),
        ("PROSE_UNIT_SLIP", "unit_mismatch", "2089元"),
        ("TYPO_DOUBLED", "typo", "优待金金"),
        ("TYPO_REPEAT", "typo", "对象对象"),
        ("VAGUE_ACTUAL_PROSE", "vague_actual_value", "群众满意度≥90%"),
    ]


def test_a_contradiction_quotes_both_statements(results):
    _, by_doc = results
    (issue,) = [i for i in by_doc["defects_narrative.txt"] if i.rule == "CLAIM_CONTRADICTION" and i.found == "61.8万元"]
    assert "2023年度中央下达资金61.8万元" in issue.message and "下达中央财政资金30.9万元" in issue.message
    assert issue.expected == "30.9万元"


def test_the_consistent_twin_has_no_finding(results):
    _, by_doc = results
    assert [(i.rule, i.found) for i in by_doc["transfer_narrative.txt"] if i.severity != "info"] == []


def test_a_narrative_report_says_how_many_figures_were_checked(results):
    result, by_doc = results
    (notice,) = by_doc["transfer_narrative.txt"]
    (doc,) = [d for d in result.documents if d.doc.endswith("transfer_narrative.txt")]
    assert notice.kind == "extraction_incomplete" and notice.severity == "info"
    assert f"{doc.coverage['claims']} 处数字陈述" in notice.message and doc.coverage["claims"] >= 15


def test_a_rate_in_the_prose_of_a_one_table_report_is_held_against_the_table(tmp_path):
    """The prose restates the table's funding (120 budgeted, 114 spent, 95.00%) with other figures."""
    table = (HERE.parent / "forms" / "fixtures" / "central.txt").read_text(encoding="utf-8")

    def prose_findings(sentence: str) -> list[tuple[str, str]]:
        path = tmp_path / "report.txt"
        path.write_text(table + "\n" + sentence + "\n", encoding="utf-8")
        issues = audit([str(path)], Config()).issues
        return sorted((i.rule, i.found) for i in issues if i.rule.startswith(("NARRATIVE", "PROSE")))

    assert prose_findings("2023年项目预算120万元，全年支出114万元，执行率95%。") == []
    assert prose_findings("2023年项目预算130万元，全年支出114万元，执行率87.69%。") == [
        ("NARRATIVE_BUDGET", "130万元"),
        ("NARRATIVE_RATE_TABLE", "87.69%"),
    ]
    assert prose_findings("2023年项目预算120万元，全年支出114万元，执行率97%。") == [
        ("NARRATIVE_RATE", "97%"),
        ("NARRATIVE_RATE_TABLE", "97%"),
    ]
    # a level's share is not the project's total
    assert prose_findings("其中中央财政资金预算80万元，中央资金支出70万元，执行率87.5%。") == []


def test_a_goal_with_last_years_deadline(tmp_path):
    """A 2023 table whose goal is to be met by the end of 2022 carries last year's goal; a later one may be a multi-year project's."""
    table = (HERE.parent / "forms" / "fixtures" / "central.txt").read_text(encoding="utf-8")
    goal = "完成3万亩高标准农田设施日常管护"
    assert "2023年度" in table and goal in table

    def year_findings(deadline: str) -> list[str]:
        path = tmp_path / "report.txt"
        path.write_text(table.replace(goal, f"{deadline}{goal}"), encoding="utf-8")
        return [i.found for i in audit([str(path)], Config()).issues if i.rule == "YEAR_DEADLINE"]

    assert year_findings("2022年12月31日前") == ["2022"]
    assert year_findings("2023年12月31日前") == []
    assert year_findings("2024年6月底前") == []
    assert year_findings("") == []


def test_a_prose_report_scored_in_sections(tmp_path):
    """ "（一）项目决策（20分）……自评得分19分" sections with no report title: parts against the whole, each against its points."""
    text = (HERE / "scored_sections.txt").read_text(encoding="utf-8")

    def section_findings(body: str) -> list[tuple[str, str, str]]:
        path = tmp_path / "report.txt"
        path.write_text(body, encoding="utf-8")
        return sorted(
            (i.rule, i.found, i.expected)
            for i in audit([str(path)], Config()).issues
            if i.kind != "extraction_incomplete"
        )

    assert section_findings(text) == [("SECTION_SUM", "95", "93")]
    assert section_findings(text.replace("综合得分为95分", "综合得分为93分")) == []
    over = text.replace("综合得分为95分", "综合得分为97分").replace("自评得分18分。\n（三）", "自评得分22分。\n（三）")
    assert section_findings(over) == [("SECTION_SCORE_LE_WEIGHT", "22", "<= 20")]


def test_a_cited_notice_numbered_before_the_year_it_speaks_of(tmp_path):
    def citation_findings(sentence: str) -> list[str]:
        path = tmp_path / "report.txt"
        path.write_text("某县2023年度转移支付绩效自评报告\n" + sentence + "\n", encoding="utf-8")
        return [i.found for i in audit([str(path)], Config()).issues if i.rule == "CITATION_YEAR"]

    notice = "根据市财政局《关于开展2023年度中央对地方转移支付绩效自评工作的通知》({})，我单位开展了自评。"
    assert citation_findings(notice.format("乌财监〔2022〕247号")) == ["乌财监〔2022〕247号"]
    assert citation_findings(notice.format("乌财监〔2024〕12号")) == []
    # funds of the next year allocated in advance are rightly numbered the year before
    advance = (
        "依据《安徽省财政厅关于提前下达2024年中央财政水利发展资金预算的通知》(皖财农【2023】1351号)下达资金30.9万元。"
    )
    assert citation_findings(advance) == []


def test_a_conclusions_score_and_grade(tmp_path):
    """ "经自评，项目综合得分为95分，评价等级为良": the grade against the score, and the score against the only table."""

    def findings(text: str) -> list[tuple[str, str]]:
        path = tmp_path / "report.txt"
        path.write_text(text, encoding="utf-8")
        issues = audit([str(path)], Config()).issues
        return sorted((i.rule, i.found) for i in issues if i.kind in ("grade_mismatch", "narrative_table_mismatch"))

    prose = "某县2023年度项目绩效自评报告\n经自评，项目综合得分为{score}分，评价等级为{grade}。\n"
    assert findings(prose.format(score=95, grade="优")) == []
    assert findings(prose.format(score=95, grade="良")) == [("REPORT_GRADE", "良")]
    table = (HERE.parent / "forms" / "fixtures" / "central.txt").read_text(encoding="utf-8")
    with_table = table + "\n经自评，项目综合得分为{score}分，评价等级为{grade}。\n"
    path = tmp_path / "t.txt"
    path.write_text(table, encoding="utf-8")
    from auditor.read import read_document
    from auditor.recognise import recognise

    score = recognise(read_document(path)).tables[0].total.values["score"].text
    assert findings(with_table.format(score=score, grade="优")) == []
    assert findings(with_table.format(score="80", grade="良")) == [("NARRATIVE_SCORE", "80")]


def test_a_section_left_unfilled(tmp_path):
    def unfilled(*lines: str) -> list[str]:
        path = tmp_path / "report.txt"
        path.write_text("\n".join(["某县2023年度项目绩效自评报告", *lines]) + "\n", encoding="utf-8")
        return [i.found for i in audit([str(path)], Config()).issues if i.rule == "UNFILLED_SECTION"]

    outline = ["一、基本情况", "（一）项目概况", "项目用于农村饮水工程维修养护。", "（二）上年度绩效评价整改情况"]
    assert unfilled(*outline, "二、绩效自评工作开展情况", "按要求开展了自评。", "三、结论", "良好。") == [
        "（二）上年度绩效评价整改情况"
    ]
    assert unfilled(*outline, "无。", "二、绩效自评工作开展情况", "按要求开展了自评。", "三、结论", "良好。") == []
    # a parent with only sub-sections is filled; the document's last heading is left alone (a capture may end there)
    assert unfilled("一、基本情况", "（一）项目概况", "项目用于维修养护。", "二、结论") == []
