"""The HTML report in a real browser, offline: what a person sees once the page's script has run."""

from __future__ import annotations

import lxml.html
import pytest

from auditor.render.html import render

from . import browser
from .conftest import made_result


@pytest.fixture(scope="module")
def exe():
    return browser.chromium_or_skip()


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "报告.html"
    path.write_text(render(made_result(), "zh"), encoding="utf-8")
    return path


def visible_rows(dom: str) -> list:
    tree = lxml.html.fromstring(dom)
    return [r for r in tree.xpath("//table[@id='issues']/tbody/tr") if r.get("hidden") is None]


def test_page_shows_summary_rows_and_charts(exe, page, tmp_path):
    dom = browser.run(exe, page, tmp_path / "profile", "--dump-dom")
    tree = lxml.html.fromstring(dom)
    assert tree.get_element_by_id("count-issues").text_content() == "8"
    assert tree.get_element_by_id("count-error").text_content() == "5"
    assert len(visible_rows(dom)) == 8
    assert tree.get_element_by_id("shown").text_content() == "显示 8 / 8 条"  # the script ran
    assert len(tree.xpath("//svg[@class='chart']")) == 2
    assert len(tree.xpath("//script")) == 1  # evidence stayed text


def test_filters_preset_from_the_link_and_sorting(exe, page, tmp_path):
    dom = browser.run(exe, page, tmp_path / "p1", "--dump-dom", fragment="sev=warning")
    assert [r.get("data-sev") for r in visible_rows(dom)] == ["warning", "warning"]
    assert "显示 2 / 8 条" in dom
    dom = browser.run(exe, page, tmp_path / "p2", "--dump-dom", fragment="q=%E8%80%81%E5%AD%97%E5%8F%B7")  # 老字号
    assert len(visible_rows(dom)) == 3
    # NOTE: a click on the 实为 (found) heading, appended to a copy of the page, exercises the sort handler
    clicked = page.with_name("sorted.html")
    clicked.write_text(
        page.read_text(encoding="utf-8").replace(
            "</body>", "<script>document.querySelectorAll('#issues th')[8].click()</script></body>"
        ),
        encoding="utf-8",
    )
    dom = browser.run(exe, clicked, tmp_path / "p3", "--dump-dom")
    found = [r.xpath("./td")[8].text_content() for r in visible_rows(dom)]
    assert found[:5] == ["+3.5%", "75.00%", "85", "100", "100%"]  # figures by value, not as text
    assert found.index("合规律") < found.index("医疗保险")  # Chinese in pinyin order
    assert lxml.html.fromstring(dom).xpath("//th[@aria-sort='ascending']")


def test_screenshot(exe, page, tmp_path):
    shot = tmp_path / "report.png"
    browser.run(exe, page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_more_rows_on_demand_and_filters_search_every_row(exe, tmp_path):
    from auditor.render.html import PAGE

    from .test_html import many

    page = tmp_path / "many.html"
    html = render(many(PAGE + 100), "en")
    page.write_text(html, encoding="utf-8")
    assert len(visible_rows(browser.run(exe, page, tmp_path / "p1", "--dump-dom"))) == PAGE
    dom = browser.run(exe, page, tmp_path / "p2", "--dump-dom", fragment=f"q=%E5%80%BC%20{PAGE + 50}")  # 值 550
    assert [r.get("data-sev") for r in visible_rows(dom)] == ["warning" if (PAGE + 50) % 2 else "error"]
    clicked = tmp_path / "clicked.html"
    clicked.write_text(
        html.replace("</body>", "<script>document.getElementById('more').click()</script></body>"), encoding="utf-8"
    )
    dom = browser.run(exe, clicked, tmp_path / "p3", "--dump-dom")
    assert len(visible_rows(dom)) == PAGE + 100
    assert lxml.html.fromstring(dom).get_element_by_id("more").get("hidden") is not None
