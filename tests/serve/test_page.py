"""The review page in headless Chromium: it says when a result has expired, what the server keeps, and shows
the server's errors in the page's language."""

from __future__ import annotations

import pytest
from render import browser

from auditor.serve import Settings, create_app

from . import covered
from .cdp import Chromium
from .server import running


@pytest.fixture(scope="module")
def exe():
    return browser.chromium_or_skip()


def serve(ruleset, tmp_path, **settings):
    app = create_app(
        ruleset=ruleset,
        settings=Settings(workers=0, warm=False, max_upload_mb=1, tmp_root=tmp_path, **settings),
        job=covered.job,
    )
    return app, running(app)


def upload(page: Chromium, path) -> None:
    page.set_files("#files", [path])
    page.js("document.getElementById('submit').click()")


def test_an_expired_result_is_said_so_when_its_link_is_used(exe, ruleset, tmp_path):
    report = tmp_path / "a.txt"
    report.write_text("自评报告", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    app, server = serve(ruleset, tmp_path / "tmp")
    with server as url:
        page = Chromium(exe, tmp_path / "profile")
        try:
            page.goto(url + "/")
            upload(page, report)
            page.wait("document.querySelectorAll('#downloads a').length >= 2")
            token = page.js("document.querySelector('#downloads a').getAttribute('href')").split("/")[2]
            app.state.results.drop(token)  # as when the server needed the memory, or the 15 minutes passed
            page.js("document.querySelector('#downloads a').click()")
            page.wait("!!document.querySelector('#downloads .gone')")
            said = page.js("document.getElementById('downloads').innerText")
            assert said == "结果已过期（只保留 15 分钟），下载链接已失效；请重新上传后下载"
            assert page.js("document.querySelectorAll('#downloads a').length") == 0
            page.js("document.getElementById('switch').click()")
            assert "the result has expired" in page.js("document.getElementById('downloads').innerText")
        finally:
            page.close()


def test_links_turn_expired_when_their_time_is_up(exe, ruleset, tmp_path):
    report = tmp_path / "a.txt"
    report.write_text("自评报告", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    _app, server = serve(ruleset, tmp_path / "tmp", result_ttl=1)
    with server as url:
        page = Chromium(exe, tmp_path / "profile")
        try:
            page.goto(url + "/")
            upload(page, report)
            page.wait("document.querySelectorAll('#documents .doc').length === 4")
            page.wait("!!document.querySelector('#downloads .gone')", timeout=30)  # no click: the page knows
            assert "结果已过期" in page.js("document.getElementById('downloads').innerText")
        finally:
            page.close()


def test_errors_and_the_privacy_note_follow_the_page_language(exe, ruleset, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 << 20))
    (tmp_path / "tmp").mkdir()
    _app, server = serve(ruleset, tmp_path / "tmp")
    with server as url:
        page = Chromium(exe, tmp_path / "profile")
        try:
            page.goto(url + "/")
            assert "答复后即删除" in page.js("document.getElementById('privacy').innerText")
            upload(page, big)
            page.wait("document.getElementById('status').className === 'bad'")
            assert page.js("document.getElementById('status').innerText") == "审查失败：上传内容超过 1 MB 的上限"
            page.js("document.getElementById('switch').click()")
            assert "deleted when the answer is sent" in page.js("document.getElementById('privacy').innerText")
            page.js("document.getElementById('status').className = ''")
            page.js("document.getElementById('submit').click()")
            page.wait("document.getElementById('status').className === 'bad'")
            said = page.js("document.getElementById('status').innerText")
            assert said == "The check failed: the upload exceeds the limit of 1 MB"
        finally:
            page.close()
