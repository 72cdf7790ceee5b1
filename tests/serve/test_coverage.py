"""The review page says, under each document, what was read and checked; "no issue" only where something was."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from render import browser
from render.conftest import BLANK, FULL, MARKUP_PROJECT, PARTLY

from auditor.serve import Settings, create_app

from . import covered
from .cdp import Chromium
from .server import running


@pytest.fixture(scope="module")
def covered_url(ruleset, tmp_path_factory):
    root = tmp_path_factory.mktemp("covered-uploads")
    app = create_app(ruleset=ruleset, settings=Settings(workers=0, warm=False, tmp_root=root), job=covered.job)
    with running(app) as url:
        yield url


def review(url: str) -> dict:
    answer = httpx.post(url + "/api/review", files=[("files", ("a.txt", "自评报告".encode()))], timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_review_carries_the_coverage_in_words_per_document(covered_url):
    body = review(covered_url)
    docs = [d["doc"] for d in body["contract"]["zh"]["documents"]]
    zh, en = body["coverage"]["zh"]["documents"], body["coverage"]["en"]["documents"]
    assert len(zh) == len(en) == len(docs)
    assert zh[0]["line"] == "已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述"
    assert zh[0]["incomplete"] == [f"表2「{MARKUP_PROJECT}」：资金部分未读全、绩效指标未读全、未读到总分行"]
    assert [d["nothing"] for d in en] == [False, True, False, False]
    assert en[1]["line"] == "nothing checkable was found" and en[3]["line"] is None
    assert body["coverage"]["zh"]["summary"].startswith("；共核对 3 张自评表（2 张完整）、27 个指标")


def test_the_page_shows_the_coverage_and_never_calls_an_unchecked_document_clean(covered_url, tmp_path):
    exe = browser.chromium_or_skip()
    upload = tmp_path / "a.txt"
    upload.write_text("自评报告", encoding="utf-8")
    page = Chromium(exe, tmp_path / "profile")
    try:
        page.goto(covered_url + "/")
        page.set_files("#files", [upload])
        page.js("document.getElementById('submit').click()")
        page.wait("document.querySelectorAll('#documents .doc').length === 4")
        cards = {
            c["doc"]: c
            for c in page.js(
                "[...document.querySelectorAll('#documents .doc')].map(s => ({doc: s.querySelector('h2').textContent, "
                "coverage: [...s.querySelectorAll('.coverage')].map(p => p.textContent), "
                "nothing: !!s.querySelector('.coverage.nothing'), gaps: [...s.querySelectorAll('.gaps li')]"
                ".map(li => li.textContent), clean: !!s.querySelector('.none')}))"
            )
        }
        assert cards[PARTLY]["coverage"] == ["已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述"]
        assert cards[PARTLY]["gaps"] == [f"表2「{MARKUP_PROJECT}」：资金部分未读全、绩效指标未读全、未读到总分行"]
        assert cards[BLANK]["coverage"] == ["未找到可核对的自评内容"] and cards[BLANK]["nothing"]
        assert not cards[BLANK]["clean"]  # nothing checked: not "未发现问题"
        assert cards[FULL]["clean"] and not cards[FULL]["gaps"]
        assert page.js("document.querySelector('#documents .gaps b') === null")  # the project's markup stayed text
        assert "共核对 3 张自评表（2 张完整）、27 个指标" in page.js("document.getElementById('summary').textContent")
        page.js("document.getElementById('switch').click()")
        page.wait("document.getElementById('documents').innerText.includes('nothing checkable was found')")
        text = page.js("document.getElementById('documents').innerText")
        assert "checked 2 tables (1 complete), 18 indicators, 3 prose figures" in text
        assert "funding not read in full" in text and "已核对" not in text
        # NOTE: AUDITOR_SHOTS=DIR keeps a screenshot, to look at the page as a person sees it
        if os.environ.get("AUDITOR_SHOTS"):
            page.screenshot(Path(os.environ["AUDITOR_SHOTS"]) / "review-coverage-en.png")
    finally:
        page.close()
