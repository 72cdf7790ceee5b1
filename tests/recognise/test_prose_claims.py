"""Figures stated in prose, anywhere in a report: read, grouped and checked end to end.

Every defect case has a clean control of the same shape beside it: a figure that is
consistent at its printed precision, or a statement whose quantity is not certain,
must give no finding.
"""

from __future__ import annotations

import pytest

from auditor.document import Locator
from auditor.recognise.claim_sets import claim_sets
from auditor.recognise.claims import read_passage

PROSE_RULES = {
    "PROSE_RATE",
    "PROSE_SHARE",
    "PROSE_PARTS_SUM",
    "CLAIM_CONTRADICTION",
    "PROSE_UNIT_SLIP",
    "PROSE_EXCEEDS_BUDGET",
}


def sets_of(*paragraphs: str, year: str | None = "2023"):
    passages = [read_passage(text, Locator(line=n)) for n, text in enumerate(paragraphs, start=1)]
    return claim_sets(passages, "\n".join(paragraphs), year)


def findings(tmp_path, audit_text, *paragraphs: str) -> list[tuple[str, str, str]]:
    """(rule, found, expected) of the prose rules' findings on a narrative report of these paragraphs."""
    text = "\n".join(["某县2023年度项目支出绩效自评报告", *paragraphs])
    result = audit_text(tmp_path, text)
    return sorted((i.rule, i.found, i.expected) for i in result.issues if i.rule in PROSE_RULES)


@pytest.fixture
def audit_text():
    from auditor.config import Config
    from auditor.pipeline import audit

    def run(tmp_path, text: str):
        path = tmp_path / "report.txt"
        path.write_text(text, encoding="utf-8")
        return audit([str(path)], Config())

    return run


# ------------------------------------------------------------------ reading


def test_an_amount_takes_the_role_of_the_last_word_before_it():
    s = read_passage("实际下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%。", Locator(line=1))
    assert [(a.field.text, a.role) for a in s.amounts] == [("2596万元", "budget"), ("2595.6208万元", "executed")]
    assert [(r.name, r.field.text) for r in s.rates] == [("预算执行率", "99%")]


def test_amounts_are_held_in_wan_at_their_printed_precision():
    s = read_passage("预算72890元，另安排3.65亿元。", Locator(line=1))
    assert [str(a.wan) for a in s.amounts] == ["7.2890", "3.65E+4"]


def test_a_list_of_parts_names_the_level_of_each():
    s = read_passage("下达中央财政资金30.9万元,县财政资金30.9万元,共计下达61.8万元。", Locator(line=1))
    assert [(a.level, a.role) for a in s.amounts] == [("中央", "budget"), ("县级", "budget"), (None, "budget")]


def test_a_clause_saying_all_was_paid():
    s = read_passage("衔接资金2179万元目前已全部拨付,及时安排到相关项目。", Locator(line=1))
    assert s.amounts[0].whole_paid and s.amounts[0].role == "paid"


def test_per_unit_amounts_are_not_amounts_of_the_project():
    assert read_passage("补助标准为2000元/户，每户发放。", Locator(line=1)).amounts == []


def test_a_long_narrative_is_read_in_linear_time():
    """300,000 characters of prose: read at all (the hang guard of tests/hostile times it)."""
    text = "项目预算100万元，已拨付50万元，执行率50%，完成3.65万人，完成目标任务3.22万人的113.33%。" * 6000
    assert len(text) > 300_000
    passage = read_passage(text, Locator(line=1))
    assert (len(passage.rates), len(passage.shares)) == (6000, 6000)


# ------------------------------------------------------------------ grouping


def test_a_rate_beside_its_amounts():
    sets = sets_of("实际下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%。")
    (ratio,) = sets.ratios
    assert (ratio.stated.field.text, ratio.numerator.field.text, ratio.denominator.field.text) == (
        "99%",
        "2595.6208万元",
        "2596万元",
    )


def test_a_rate_with_two_amounts_spent_is_not_checked():
    """Which of two amounts the rate is of is not certain: nothing is grouped."""
    sets = sets_of("预算100万元，支出60万元，其中支出30万元用于设备，执行率60%。")
    assert [r for r in sets.ratios if r.relation == "rate"] == []


def test_parts_of_different_sources_and_their_whole():
    sets = sets_of("项目批复总投资61.8万元,其中中央财政资金30.9万元,县财政配套资金30.9万元。")
    (statement,) = sets.parts
    assert [source for source, _ in statement.parts] == ["中央", "县级"]


def test_a_list_of_batches_is_not_a_list_of_parts():
    sets = sets_of("下达资金100万元，其中第一批中央资金60万元，第二批中央资金30万元。")
    assert sets.parts == []


def test_another_years_allocation_is_not_this_years():
    """2022's 中央 allocation beside 2023's is two quantities, not a contradiction."""
    sets = sets_of(
        "2023年共下达补助资金246.2万元(其中:下达中央补助资金226.7万元,下达省级补助资金19.5万元)。",
        "2023年下达中央补助资金226.7万元。",
        "2022年12月下达补助资金57.5万元(其中:下达中央补助资金38万元,下达省级补助资金19.5万元)。",
    )
    assert sets.pairs == []


# ------------------------------------------------------------------ checked end to end


def test_rate_stated_beside_its_amounts(tmp_path, audit_text):
    wrong = findings(tmp_path, audit_text, "实际下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%。")
    assert wrong == [("PROSE_RATE", "99%", "99.99%")]
    assert findings(tmp_path, audit_text, "项目资金共2179万元,截止12月8日,已完成拨付2113.63万元,执行率97%。") == []
    assert (
        findings(tmp_path, audit_text, "实际下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率100%。")
        == []
    )


def test_share_of_a_task(tmp_path, audit_text):
    """3.65万 / 3.22万 is anywhere between 113.02% and 113.69% (domain-rules §6): 113.33% agrees."""
    assert findings(tmp_path, audit_text, "我区参续保缴费3.65万人，完成目标任务3.22万人的113.33%。") == []
    assert findings(tmp_path, audit_text, "我区参续保缴费3.65万人，完成目标任务3.22万人的120%。") == [
        ("PROSE_SHARE", "120%", "113.35%")
    ]


def test_excess_over_the_task(tmp_path, audit_text):
    task = "我市2022年农村危房改造任务数为115户,实际完成农村危房改造264户。"
    assert findings(tmp_path, audit_text, task, "我市实际改造数超任务43%。") == [("PROSE_SHARE", "43%", "129.57%")]
    assert findings(tmp_path, audit_text, task, "我市实际改造数超任务129.6%。") == []


def test_excess_with_two_tasks_is_not_checked(tmp_path, audit_text):
    text = ("改造任务数为115户,实际完成264户。", "另有计划任务120户。", "超任务43%。")
    assert findings(tmp_path, audit_text, *text) == []


def test_parts_against_their_whole(tmp_path, audit_text):
    assert findings(
        tmp_path, audit_text, "收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金800万元。"
    ) == [("PROSE_PARTS_SUM", "2330.9万元", "2271.3")]
    assert (
        findings(
            tmp_path,
            audit_text,
            "收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元。",
        )
        == []
    )


def test_rounded_parts_agree_with_their_whole(tmp_path, audit_text):
    """3.894 + 3.895 printed as 3.89 and 3.89: a whole of 7.79 is consistent."""
    assert findings(tmp_path, audit_text, "下达资金7.79万元，其中中央资金3.89万元，省级资金3.89万元。") == []


def test_a_whole_in_yuan_whose_parts_are_in_wan(tmp_path, audit_text):
    found = findings(
        tmp_path,
        audit_text,
        "项目资金全年预算数2089元:其中中央转移支付资金1777万元,占比85.06%;省级配套资金312万元,占比14.94%。",
    )
    assert found == [("PROSE_UNIT_SLIP", "2089元", "2089万元")]  # and the shares agree with 2089万元


def test_two_statements_of_one_levels_funds(tmp_path, audit_text):
    found = findings(
        tmp_path,
        audit_text,
        "下达中央财政资金30.9万元,县财政资金30.9万元,共计下达61.8万元。",
        "项目批复总投资61.8万元,其中中央财政资金30.9万元,县财政配套资金30.9万元,2023年度中央下达资金61.8万元。",
    )
    assert found == [("CLAIM_CONTRADICTION", "61.8万元", "30.9万元")]


def test_a_level_stated_twice_alike_is_not_a_contradiction(tmp_path, audit_text):
    text = ("下达中央财政资金30.9万元,县财政资金30.9万元,共计下达61.8万元。", "其中中央财政资金30.9万元。")
    assert findings(tmp_path, audit_text, *text) == []


def test_all_paid_against_less_paid(tmp_path, audit_text):
    found = findings(
        tmp_path,
        audit_text,
        "1、项目资金到位情况。衔接资金2179万元目前已全部拨付,及时安排到相关项目。",
        "2、项目资金执行情况。项目资金共2179万元,截止12月8日,已完成拨付2113.63万元,执行率97%。",
    )
    assert found == [("CLAIM_CONTRADICTION", "2179万元", "2113.63万元")]
    assert (
        findings(
            tmp_path,
            audit_text,
            "衔接资金2179万元目前已全部拨付。",
            "项目资金共2179万元,已完成拨付2179万元,执行率100%。",
        )
        == []
    )


def test_spending_above_the_budget(tmp_path, audit_text):
    assert findings(tmp_path, audit_text, "2023年度预算收入6万元,全年执行10.12万元。") == [
        ("PROSE_EXCEEDS_BUDGET", "10.12万元", "<= 6万元")
    ]
    assert findings(tmp_path, audit_text, "2023年度预算6万元,全年执行5.8万元。") == []
    explained = ("2023年度预算收入6万元,全年执行10.12万元。", "年中追加预算4.12万元。")
    assert findings(tmp_path, audit_text, *explained) == []


def test_a_narrative_report_with_checked_claims_says_what_was_checked(tmp_path, audit_text):
    """No table, but figures were checked: a notice says only the prose was, not a gap and not a pass."""
    result = audit_text(tmp_path, "某县2023年度项目绩效自评报告\n项目资金共2179万元,已完成拨付2113.63万元,执行率97%。")
    (doc,) = result.documents
    assert doc.coverage["claims"] >= 3
    notices = [i for i in result.issues if i.kind == "extraction_incomplete"]
    assert [i.severity for i in notices] == ["info"]


# ------------------------------------------------------------------ consistent or uncertain: no finding


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a carry-over beside this year's budget: the rate is of their sum, 55 / 60
        ("本年预算资金50万元，上年结转资金10万元，实际支出55万元，预算执行率91.67%。",),
        # three projects' allocations in one department report are three quantities
        (
            "一、农村道路项目。2023年，中央下达资金30万元，县级配套资金10万元，实际支出40万元。",
            "二、饮水安全项目。2023年，中央下达资金50万元，县级配套资金5万元，实际支出55万元。",
            "三、危房改造项目。2023年，中央下达资金30万元，县级配套资金8万元，实际支出38万元。",
        ),
        # a thousands separator is part of the figure
        ("项目总投资1,200万元，其中中央资金800万元、县级资金400万元。",),
        # money the funds drew in is not spending
        ("安排贴息资金100万元，撬动金融机构发放贷款5000万元。",),
        ("下达奖补资金200万元，带动社会资本投入及群众支出共计800万元。",),
        # a standard per head is not the amount in another unit
        ("下达资金3000万元，按每人每年3000元标准发放补助。",),
        # a section's parts scored inside it: the section's own score is the last
        (
            "某县2023年度项目绩效自评报告",
            "经自评，综合得分为39分。",
            "（一）项目决策（20分）。其中立项依据得分5分，绩效目标得分6分，自评得分19分。",
            "（二）项目过程（20分）。自评得分20分。",
        ),
        # kilowatt-hours, a word one by one, a plan then its drafting
        ("全年节约用电2000度，发电量2050度，一户一户走访，完成了《实施方案》方案编制。",),
    ],
)
def test_shapes_that_are_consistent_or_not_certain(tmp_path, audit_text, paragraphs):
    text = "\n".join(["某县2023年度项目绩效自评报告", *paragraphs])
    issues = audit_text(tmp_path, text).issues
    assert [(i.rule, i.found) for i in issues if i.kind != "extraction_incomplete"] == []


def test_an_eligibility_cut_off_in_a_goal_is_not_a_deadline():
    from auditor.tabulate import GOAL_DEADLINE

    assert not GOAL_DEADLINE.search("为2022年12月31日前已办理退休手续的城乡居民按时足额发放养老金")
    assert GOAL_DEADLINE.search("项目于2022年12月31日前完成全部建设任务")


def test_a_summary_of_label_value_lines(tmp_path, audit_text):
    """ "全年预算数：100万元" a line each: read as one statement of the project's figures, not as a table."""
    lines = [
        "一、基本情况",
        "项目名称：农村道路建设",
        "全年预算数：100万元",
        "全年执行数：95万元",
        "执行率：{}",
        "二、存在问题",
        "部分路段进度滞后。",
    ]
    assert findings(tmp_path, audit_text, *[line.format("95%") for line in lines]) == []
    assert findings(tmp_path, audit_text, *[line.format("90%") for line in lines]) == [("PROSE_RATE", "90%", "95.00%")]
    result = audit_text(tmp_path, "\n".join(["某县2023年度项目绩效自评报告", *[line.format("95%") for line in lines]]))
    assert not [i for i in result.issues if i.kind == "extraction_incomplete" and i.severity == "warning"]


def test_an_amount_after_a_comma_is_an_amount():
    """Only digits, a comma and three digits are one figure: "，95万元" after a sentence's comma is its own."""
    for text, amounts in [
        ("项目总投资1,200万元，其中中央资金800万元", ["1,200万元", "800万元"]),
        ("预算100万元，95万元已支出", ["100万元", "95万元"]),
        ("预算100万元,95万元已支出", ["100万元", "95万元"]),
    ]:
        assert [a.field.text for a in read_passage(text, Locator(line=1)).amounts] == amounts
