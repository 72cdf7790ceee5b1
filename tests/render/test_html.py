"""The HTML report as a file opened with no network: self-contained, counts right, evidence marked and escaped."""

from __future__ import annotations

import re

import lxml.html
import pytest

from auditor.render.html import highlight, render

from .conftest import FIN, HR, SCRIPT, made_result


@pytest.fixture(scope="module")
def page() -> str:
    return render(made_result(), "zh")


@pytest.fixture(scope="module")
def tree(page):
    return lxml.html.fromstring(page)


def test_references_nothing_outside_the_file(page, tree):
    assert not re.search(r"https?://", page)
    assert tree.xpath("//link") == [] and tree.xpath("//img") == [] and tree.xpath("//iframe") == []
    assert all(not s.get("src") for s in tree.xpath("//script"))
    for el in tree.xpath("//*[@src or @href]"):
        assert not re.match(r"\s*(https?:)?//", el.get("src") or el.get("href"))
    assert "@import" not in page and "url(" not in page


def test_summary_counts(tree):
    def n(id_):
        return tree.get_element_by_id(id_).text_content()

    assert (n("count-documents"), n("count-issues")) == ("4", "8")
    assert (n("count-error"), n("count-warning"), n("count-info")) == ("5", "2", "1")
    assert n("count-unreadable") == "1"


def test_one_row_per_issue_with_filter_attributes(tree):
    rows = tree.xpath("//table[@id='issues']/tbody/tr")
    assert len(rows) == 8
    assert [r.get("data-sev") for r in rows] == [i.severity for i in made_result().issues]
    assert rows[0].get("data-dept") == "人社局" and rows[3].get("data-dept") == "财政局"
    assert rows[0].get("data-doc") == HR and rows[3].get("data-kind") == "total_mismatch"
    kinds = tree.xpath("//select[@id='f-kind']/option/@value")
    assert kinds[0] == "" and "execution_rate_mismatch" in kinds
    assert tree.xpath("//select[@id='f-doc']/option/@value")[1:] == [
        HR,
        FIN,
        "reports/财政局/second.txt",
        "reports/财政局/broken.pdf",
    ]


def test_found_value_is_marked_inside_the_evidence(tree):
    rows = tree.xpath("//table[@id='issues']/tbody/tr")
    evidence = rows[0].xpath("./td[@class='ev']")[0]
    assert [m.text for m in evidence.xpath(".//mark")] == ["85"]
    assert evidence.text_content() == "年度资金总额： 900 900 760.2160 10 75.00% 85"
    rate = rows[4].xpath(".//mark")
    assert [m.text for m in rate] == ["100%"]  # not the 10 of "10", nor the 100 of 100%'s neighbours


def test_markup_in_evidence_is_escaped(page, tree):
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert len(tree.xpath("//script")) == 1  # ours only
    assert tree.xpath("//table[@id='issues']//b") == []
    cell = tree.xpath("//table[@id='issues']/tbody/tr")[2].xpath("./td[@class='ev']")[0]
    assert cell.text_content() == SCRIPT
    assert [m.text for m in cell.xpath(".//mark")] == ["医疗保险"]


def test_charts_are_inline_svg(tree):
    kind = tree.get_element_by_id("chart-kind").xpath(".//svg")
    dept = tree.get_element_by_id("chart-department").xpath(".//svg")
    assert len(kind) == 1 and len(dept) == 1
    labels = [t.text for t in dept[0].xpath(".//text[@class='label']")]
    assert labels == ["财政局", "人社局"]
    bars = kind[0].xpath(".//rect[@data-severity]")
    assert {b.get("data-severity") for b in bars} == {"error", "warning", "info"}


def test_english_switches_every_heading():
    page = render(made_result(), "en")
    for zh in ("各类问题数", "问题清单", "文件数", "严重程度", "显示"):
        assert zh not in page
    for en in ("Issues by kind", "Issues by department", "documents", "severity", "showing 8 of 8"):
        assert en in page
    assert '<html lang="en">' in page


def test_empty_result_says_so():
    from auditor.result import AuditResult

    page = render(AuditResult([], [], "0", "r"), "zh")
    assert "未发现问题" in page and "<svg" not in page


@pytest.mark.parametrize(
    "evidence,found,marked",
    [
        ("得分 10 100% 10", "10", ["10", "10"]),
        ("合计 100", "10", ["10"]),  # no standalone 10: the substring is still shown
        ("a < b & 5%", "5%", ["5%"]),
        ("nothing here", "7", []),
        ("", "", []),
    ],
)
def test_highlight(evidence, found, marked):
    html = str(highlight(evidence, found))
    assert re.findall(r"<mark>(.*?)</mark>", html) == marked
    assert lxml.html.fragment_fromstring(f"<p>{html}</p>").text_content() == evidence


def many(n: int):
    from auditor.document import Locator
    from auditor.result import AuditResult, DocumentResult

    from .conftest import issue

    issues = [
        issue(
            f"d{k % 3}/r.txt",
            "R",
            "typo",
            ("error", "warning")[k % 2],
            Locator(line=k + 1),
            found=str(k),
            evidence=f"值 {k}",
        )
        for k in range(n)
    ]
    return AuditResult([DocumentResult(doc=f"d{k}/r.txt", format="txt") for k in range(3)], issues, "0", "r")


def test_a_long_list_lays_out_one_page_and_offers_more():
    from auditor.render.html import PAGE

    tree = lxml.html.fromstring(render(many(PAGE + 100), "zh"))
    rows = tree.xpath("//table[@id='issues']/tbody/tr")
    assert len(rows) == PAGE + 100
    assert [r.get("hidden") is None for r in rows] == [True] * PAGE + [False] * 100
    more = tree.get_element_by_id("more")
    assert more.get("hidden") is None and more.text_content() == "再显示 100 条（还有 100 条）"
    assert tree.get_element_by_id("shown").text_content() == f"显示 {PAGE + 100} / {PAGE + 100} 条"
    assert lxml.html.fromstring(render(made_result(), "zh")).get_element_by_id("more").get("hidden") is not None
