"""Reports people share: the HTML page readable at 1280 px with folding document summaries, the workbook
legible on A4, and both naming the settings that chose their rules."""

from __future__ import annotations

import io
import json
import re
import zipfile

import lxml.html
import openpyxl
import pytest

from auditor.document import Locator
from auditor.render.html import render as html
from auditor.render.xlsx import render as xlsx
from auditor.result import AuditResult, DocumentResult

from . import browser
from .conftest import issue, made_result

SETTINGS = {
    "config": ["auditor.cfg"],
    "profile": "national",
    "profile_from": "default",
    "rules_run": 2,
    "rules_total": 4,
    "deselected": [
        {"rule": "SCORE_LE_WEIGHT", "by": "ignore", "pattern": "scores", "from": "auditor.cfg"},
        {"rule": "TOTAL_SCORE_SUM", "by": "ignore", "pattern": "scores", "from": "auditor.cfg"},
    ],
    "severity": [],
    "fail_on": "never",
    "fail_on_from": "auditor.cfg",
}
LONG_EVIDENCE = "年度资金总额：" + "9" * 160 + " 其中本年财政拨款" * 12
LONG_LOCATION = Locator(paragraph=123456, table=98765, row=43210, column=12345)


def batch(documents: int = 20, settings: dict | None = None) -> AuditResult:
    """A batch like a bureau's: many documents, long evidence without spaces, long locators and rule codes."""
    docs = [
        DocumentResult(doc=f"报送/第{k}个单位/2023年度部门整体支出绩效自评报告.docx", format="docx")
        for k in range(documents)
    ]
    issues = [
        issue(
            d.doc,
            "SCORE_LE_IMPLIED_WEIGHT_AND_MORE",
            "score_exceeds_weight",
            ("error", "warning", "info")[k % 3],
            LONG_LOCATION,
            "城乡居民基本养老保险（含城乡居民基本医疗保险）",
            "<= 10",
            "85",
            LONG_EVIDENCE,
            zh="得分 85 超过分值 10，且本行的说明文字较长，需要在说明列中完整显示以便填报人逐条修改",
        )
        for k, d in enumerate(docs)
        for _ in range(2)
    ]
    return AuditResult(docs, issues, "0.1.0", "national-x", settings=dict(settings or SETTINGS))


def test_issue_table_has_fixed_shares_and_every_cell_wraps():
    page = html(batch(), "zh")
    tree = lxml.html.fromstring(page)
    cols = tree.xpath("//table[@id='issues']/colgroup/col/@class")
    assert cols == [
        f"c-{c}"
        for c in (
            "severity",
            "document",
            "project",
            "kind",
            "rule",
            "location",
            "message",
            "expected",
            "found",
            "evidence",
        )
    ]
    css = tree.xpath("//style")[0].text
    assert "table.issues { table-layout: fixed; }" in css
    assert re.search(r"td\.code, td\.loc \{[^}]*overflow-wrap: anywhere", css)
    assert not re.search(r"td\.(code|loc)[^{]*\{[^}]*nowrap", css)  # a location may wrap


def test_each_document_has_a_folding_summary_with_its_department_and_counts():
    tree = lxml.html.fromstring(html(batch(20), "zh"))
    summaries = tree.xpath("//section[@id='documents']/details")
    assert len(summaries) == 20
    assert all(d.get("open") is None for d in summaries)  # a batch of 20 folds
    first = summaries[0]
    assert "第0个单位（文件夹名）" in first.xpath("./summary")[0].text_content()
    assert [c.text_content() for c in first.xpath(".//span[contains(@class,'chip')]")] == ["错误 2", "警告 0", "提示 0"]
    assert (
        tree.xpath("//details[@id='coverage-section']") == []
        or tree.get_element_by_id("coverage-section").get("open") is None
    )
    small = lxml.html.fromstring(html(made_result(), "zh"))
    assert all(d.get("open") is not None for d in small.xpath("//section[@id='documents']/details"))
    named = [
        d
        for d in small.xpath("//section[@id='documents']/details")
        if "财政局（部门决算" in d.text_content() or "财政局（" in d.text_content()
    ]
    assert named


def test_html_and_workbook_name_the_settings_and_the_rules_left_out():
    tree = lxml.html.fromstring(html(batch(2), "zh"))
    line = tree.get_element_by_id("run-settings").text_content()
    assert "配置文件 auditor.cfg" in line and "运行 2/4 条规则" in line and "fail-on = never（auditor.cfg）" in line
    rows = [[c.text_content() for c in r.xpath("./td")] for r in tree.xpath("//details[@id='deselected']//tbody/tr")]
    assert rows == [
        ["SCORE_LE_WEIGHT", "ignore = scores（auditor.cfg）"],
        ["TOTAL_SCORE_SUM", "ignore = scores（auditor.cfg）"],
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx(batch(2), "zh")))["汇总"]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert any(isinstance(v, str) and v.startswith("规则设置：") and "auditor.cfg" in v for v in values)
    assert "SCORE_LE_WEIGHT" in values and "ignore = scores（auditor.cfg）" in values


def _columns(book: bytes) -> list[dict]:
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    return [dict(re.findall(r'(\w+)="([^"]*)"', col)) for col in re.findall(r"<col [^>]*/>", sheet)]


def test_the_issue_sheet_prints_legibly_on_a4():
    book = xlsx(batch(), "zh")
    cols = _columns(book)
    hidden = [c for c in cols if c.get("hidden") == "1"]
    assert [c["min"] for c in hidden] == ["8"]  # location as JSON: for programs, not printed
    # NOTE: Excel's column width w is w * 7 + 5 pixels (Calibri/等线 11) at 96 dpi; A4 landscape less
    # 0.25-inch margins is 284 mm; fit-to-width scales the visible columns into it.
    pixels = sum(float(c["width"]) * 7 + 5 for c in cols if c.get("hidden") != "1")
    scale = 284 / (pixels * 25.4 / 96)
    assert scale >= 0.75, f"printed at {scale:.0%}"
    sheet = openpyxl.load_workbook(io.BytesIO(book))["问题清单"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.cell(row=2, column=11).alignment.wrap_text and sheet.cell(row=2, column=12).alignment.wrap_text


@pytest.fixture(scope="module")
def exe():
    return browser.chromium_or_skip()


def test_readable_at_1280_px_in_a_browser(exe, tmp_path):
    """At 1280 px nothing runs past the window, the message keeps a readable width, long locators wrap."""
    measure = """<script>
    var t = document.getElementById('issues'), h = t.tHead.rows[0].cells, loc = t.tBodies[0].rows[0].cells[5];
    var out = {page: document.documentElement.scrollWidth, window: window.innerWidth,
               message: h[6].getBoundingClientRect().width, evidence: h[9].getBoundingClientRect().width,
               right: h[9].getBoundingClientRect().right, locHeight: loc.getBoundingClientRect().height,
               line: parseFloat(getComputedStyle(loc).lineHeight)};
    document.body.setAttribute('data-layout', JSON.stringify(out));
    </script></body>"""
    page = tmp_path / "batch.html"
    page.write_text(html(batch(20), "zh").replace("</body>", measure), encoding="utf-8")
    dom = browser.run(exe, page, tmp_path / "profile", "--dump-dom", "--window-size=1280,900")
    got = json.loads(lxml.html.fromstring(dom).body.get("data-layout"))
    assert got["window"] == 1280, got
    assert got["page"] <= got["window"], got  # no horizontal scroll: 原文 is not cut off
    assert got["right"] <= got["window"], got
    assert got["message"] >= 220 and got["evidence"] >= 200, got  # 说明 is not squeezed to a few characters
    assert got["locHeight"] > 1.5 * got["line"], got  # the long location wrapped instead of widening its column
    shot = tmp_path / "batch.png"
    browser.run(exe, page, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1280,900")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
