"""Every report says what was read and checked in each document, so "no issue" never hides "nothing read".

Built on `covered_result()` (conftest): a document read partly, one with nothing checkable and no issue, one
read in full with no issue, and an unreadable one.
"""

from __future__ import annotations

import io
import json

import lxml.html
import openpyxl
import pytest

from auditor.render import coverage, renderer
from auditor.result import AuditResult, DocumentResult

from .conftest import BLANK, BROKEN, FULL, MARKUP_PROJECT, PARTLY, covered_result

TEXT_ZH = f"""\
{PARTLY}
  已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述
  表2「{MARKUP_PROJECT}」：资金部分未读全、绩效指标未读全、未读到总分行
  城乡居民基本养老保险
    T1       错误 SCORE_LE_WEIGHT  得分 85 超过分值 10
             应为 <= 10  实为 85
             原文: 年度资金总额： 900 900 760.2160 10 75.00% 85

{BLANK}
  未找到可核对的自评内容

{FULL}
  已核对 1 张自评表（1 张完整）、9 个指标、0 处文字陈述
  未发现问题

{BROKEN}
  无法读取：the file is encrypted
  （文件整体）
    L1       错误 READ_FILE  READ_FILE 的问题
             应为 —  实为 encrypted
             原文: the file is encrypted

共 4 个文件，2 个问题：错误 2，警告 0，提示 0；共核对 3 张自评表（2 张完整）、27 个指标；1 个文件未找到可核对的自评内容
"""

TEXT_EN = f"""\
{PARTLY}
  checked 2 tables (1 complete), 18 indicators, 3 prose figures
  table 2 “{MARKUP_PROJECT}”: funding not read in full, indicators not read in full, no total row found
  城乡居民基本养老保险
    T1       error SCORE_LE_WEIGHT  score 85 exceeds its weight 10
             expected <= 10  found 85
             evidence: 年度资金总额： 900 900 760.2160 10 75.00% 85

{BLANK}
  nothing checkable was found

{FULL}
  checked 1 table (1 complete), 9 indicators, 0 prose figures
  no issues found

{BROKEN}
  unreadable: the file is encrypted
  (whole document)
    L1       error READ_FILE  READ_FILE issue
             expected —  found encrypted
             evidence: the file is encrypted

4 documents, 2 issues: 2 errors, 0 warnings, 0 info; checked 3 tables (2 complete), 27 indicators in all; \
nothing checkable in 1 document
"""


@pytest.mark.parametrize("lang,expected", [("zh", TEXT_ZH), ("en", TEXT_EN)])
def test_text_says_what_was_read_under_each_document(lang, expected):
    assert renderer("text")(covered_result(), lang) == expected


def test_text_never_calls_a_document_with_nothing_checkable_clean():
    blank = covered_result().documents[1]
    for lang, clean, nothing in (
        ("zh", "未发现问题", "未找到可核对的自评内容"),
        ("en", "no issues found", "nothing checkable was found"),
    ):
        out = renderer("text")(AuditResult([blank], [], "0", "r"), lang)
        assert nothing in out and clean not in out


def test_without_coverage_the_text_is_as_before():
    """A result made before coverage was measured (coverage None) prints no coverage line and no totals."""
    doc = DocumentResult(doc="a.txt", format="txt")
    assert (
        renderer("text")(AuditResult([doc], [], "0", "r"), "zh")
        == "a.txt\n  未发现问题\n\n共 1 个文件，0 个问题：错误 0，警告 0，提示 0\n"
    )


@pytest.mark.parametrize(
    "raw,zh",
    [
        ({"tables": 1}, "已核对 1 张自评表"),  # what it does not say is left out
        (
            {"tables": "2", "tables_full": 2, "indicators": None, "claims": 1},
            "已核对 2 张自评表（2 张完整）、1 处文字陈述",
        ),
        ({"blocks": [{"table": 1, "header": "full", "total": "none"}]}, "已核对 1 张自评表（0 张完整）"),
        ({}, "未找到可核对的自评内容"),  # measured, and nothing was found
        ({"tables": 0, "claims": 2}, "已核对 0 张自评表、2 处文字陈述"),  # prose was checked: not "nothing"
        ("garbage", "未找到可核对的自评内容"),
    ],
)
def test_missing_or_odd_keys_are_handled(raw, zh):
    assert coverage.line(DocumentResult(doc="a.txt", format="txt", coverage=raw), "zh") == zh


def test_incomplete_tables_name_their_unread_blocks_in_reading_order():
    raw = {
        "tables": 2,
        "blocks": [{"table": 3, "total": "none", "header": "partial", "scores": "partial"}, {"header": "full"}],
    }
    doc = DocumentResult(doc="a.txt", format="txt", coverage=raw)
    assert coverage.incomplete(doc, "zh") == ["表3：表头未读全、未读到总分行、scores 未读全"]
    assert coverage.incomplete(doc, "en") == [
        "table 3: header not read in full, no total row found, scores not read in full"
    ]
    unreadable = DocumentResult(doc="b.pdf", format="pdf", status="unreadable", reason="x")
    assert coverage.line(unreadable) is None and coverage.incomplete(unreadable) == []


@pytest.fixture(scope="module", params=["zh", "en"])
def html(request):
    return request.param, lxml.html.fromstring(renderer("html")(covered_result(), request.param))


def test_html_has_a_coverage_table_per_document(html):
    lang, tree = html
    rows = tree.xpath("//table[@id='coverage']/tbody/tr")
    assert [r.get("data-doc") for r in rows] == [PARTLY, BLANK, FULL, BROKEN]
    assert [r.get("data-state") for r in rows] == ["ok", "nothing", "ok", "unreadable"]
    cells = [[c.text_content().strip() for c in r.xpath("./td")] for r in rows]
    assert cells[0][2:7] == ["2", "1", "18", "3", "central、sichuan" if lang == "zh" else "central, sichuan"]
    if lang == "zh":
        assert cells[0][1] == "已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述"
        assert cells[0][7] == f"表2「{MARKUP_PROJECT}」：资金部分未读全、绩效指标未读全、未读到总分行"
        assert cells[1][1] == "未找到可核对的自评内容" and cells[3][1] == "无法读取"
    else:
        assert cells[0][1] == "checked 2 tables (1 complete), 18 indicators, 3 prose figures"
        assert cells[1][1] == "nothing checkable was found" and cells[3][1] == "unreadable"
    assert tree.xpath("//table[@id='coverage']//b") == []  # the project's markup stayed text
    n = {
        k: tree.get_element_by_id(f"count-{k}").text_content()
        for k in ("tables", "tables-full", "indicators", "nothing")
    }
    assert n == {"tables": "3", "tables-full": "2", "indicators": "27", "nothing": "1"}


def test_html_escapes_the_project_name():
    page = renderer("html")(covered_result(), "zh")
    assert "就业补助&lt;b&gt;资金&lt;/b&gt; &amp; 培训" in page and "<b>资金</b>" not in page


def test_html_with_no_issue_does_not_read_as_clean_when_nothing_was_checked():
    blank, full = covered_result().documents[1:3]
    page = lxml.html.fromstring(renderer("html")(AuditResult([blank], [], "0", "r"), "zh"))
    assert page.xpath("//p[@class='empty']")[0].text_content() == "未找到可核对的自评内容"
    page = lxml.html.fromstring(renderer("html")(AuditResult([blank, full], [], "0", "r"), "en"))
    assert page.xpath("//p[@class='empty']")[0].text_content() == "no issues found; nothing checkable in 1 document"


def test_html_without_coverage_has_no_coverage_section():
    page = renderer("html")(AuditResult([DocumentResult(doc="a.txt", format="txt")], [], "0", "r"), "zh")
    assert 'id="coverage"' not in page and 'id="count-tables"' not in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_workbook_has_a_coverage_sheet(lang):
    wb = openpyxl.load_workbook(io.BytesIO(renderer("xlsx")(covered_result(), lang)))
    ws = wb["核对范围" if lang == "zh" else "Coverage"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    if lang == "zh":
        assert values[0] == [
            "文件",
            "部门",
            "状态",
            "核对情况",
            "自评表",
            "读全的表",
            "指标",
            "文字陈述",
            "表式",
            "未读全的表",
        ]
        assert values[1] == [
            PARTLY,
            "人社局",
            "已审查",
            "已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述",
            2,
            1,
            18,
            3,
            "central、sichuan",
            f"表2「{MARKUP_PROJECT}」：资金部分未读全、绩效指标未读全、未读到总分行",
        ]
        assert values[2][:8] == [BLANK, "教育局", "已审查", "未找到可核对的自评内容", 0, 0, 0, 0]
        assert values[4][:5] == [BROKEN, "财政局", "无法读取", None, None]
        assert values[5][:8] == ["合计", None, None, None, 3, 2, 27, 3]
        line = wb["汇总"]["A3"].value
        assert line.endswith("；共核对 3 张自评表（2 张完整）、27 个指标；1 个文件未找到可核对的自评内容")
    else:
        assert values[0][3:] == [
            "checked",
            "tables",
            "complete",
            "indicators",
            "prose figures",
            "forms",
            "tables not read in full",
        ]
        assert values[2][3] == "nothing checkable was found"
        assert values[3][3] == "checked 1 table (1 complete), 9 indicators, 0 prose figures"
    assert ws.freeze_panes == "A2"


def test_workbook_says_when_coverage_was_not_measured():
    result = AuditResult([DocumentResult(doc="a.txt", format="txt")], [], "0", "r")
    ws = openpyxl.load_workbook(io.BytesIO(renderer("xlsx")(result, "zh")))["核对范围"]
    assert [c.value for c in ws[2]][:5] == ["a.txt", "-", "已审查", "未统计", None]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_carries_coverage_per_artifact_and_a_notification_per_document(lang):
    result = covered_result()
    run = json.loads(renderer("sarif")(result, lang))["runs"][0]
    assert [a["properties"].get("coverage") for a in run["artifacts"]] == [d.coverage for d in result.documents]
    assert run["properties"]["coverage"] == {
        "documents": 3,
        "tables": 3,
        "tables_full": 2,
        "indicators": 27,
        "claims": 3,
        "nothing_checkable": 1,
    }
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["note", "warning", "note"]  # the unreadable file has its issue
    assert [n["descriptor"]["id"] for n in notes] == ["coverage"] * 3
    first = notes[0]["message"]["text"]
    if lang == "zh":
        assert (
            first == f"已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述；表2「{MARKUP_PROJECT}」："
            "资金部分未读全、绩效指标未读全、未读到总分行"
        )
        assert notes[1]["message"]["text"] == "未找到可核对的自评内容"
    else:
        assert first.startswith("checked 2 tables (1 complete), 18 indicators, 3 prose figures; table 2 ")
        assert notes[1]["message"]["text"] == "nothing checkable was found"


def test_csv_stays_one_row_per_issue():
    """CSV is the issue table; coverage has no natural place in it and lives in the workbook's sheet."""
    out = renderer("csv")(covered_result(), "zh").lstrip("\ufeff").splitlines()
    assert len(out) == 1 + len(covered_result().issues)


def test_json_keeps_the_contract_shape():
    data = json.loads(renderer("json")(covered_result(), "zh"))
    assert data["documents"][0]["coverage"]["tables"] == 2 and "coverage" not in data["documents"][3]


def test_described_for_the_review_page():
    words = coverage.described(covered_result(), "en")
    assert [d["nothing"] for d in words["documents"]] == [False, True, False, False]
    assert words["documents"][3] == {"line": None, "incomplete": [], "nothing": False}
    assert words["summary"] == "; checked 3 tables (2 complete), 27 indicators in all; nothing checkable in 1 document"
