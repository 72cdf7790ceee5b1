"""With --keep, uploads and issue lists are private to the server's account; page and /docs say what is kept."""

from __future__ import annotations

import json
import os
import re
import stat

import httpx
import pytest

from auditor.serve import Settings, create_app

from . import slow
from .server import running


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture()
def open_umask():
    old = os.umask(0o022)  # the usual umask, under which files come out world-readable
    try:
        yield
    finally:
        os.umask(old)


def test_kept_files_are_private_whatever_the_umask(ruleset, tmp_path, open_umask):
    kept = tmp_path / "kept"
    settings = Settings(workers=0, warm=False, keep=kept, tmp_root=tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    with running(create_app(ruleset=ruleset, settings=settings, job=slow.job)) as url:
        answer = httpx.post(url + "/api/check", files=[("files", ("自评.txt", "自评报告".encode()))], timeout=60)
        assert answer.status_code == 200
        page = httpx.get(url + "/").text
        docs = httpx.get(url + "/docs").text
    assert mode(kept) == 0o700
    [request] = list(kept.iterdir())
    assert mode(request) == 0o700
    files = sorted(p.name for p in request.iterdir())
    assert "issues.json" in files and "uploads.json" in files and len(files) == 3
    assert {p.name: mode(p) for p in request.iterdir()} == {name: 0o600 for name in files}
    assert json.loads((request / "uploads.json").read_text(encoding="utf-8")) == {
        next(f for f in files if f.endswith(".txt")): "自评.txt"
    }
    assert "长期保存，直到管理员删除" in privacy(page) and "只有运行服务的账户能读取" in privacy(page)
    assert "--keep" in docs and "until someone deletes them" in docs and "0600" in docs


def privacy(page: str) -> str:
    """The privacy paragraph as the page shows it (the script's data holds both texts, for the switch)."""
    return re.search(r'<p class="privacy" id="privacy">(.*?)</p>', page, re.S).group(1)


def test_without_keep_the_page_says_nothing_stays(base_url):
    page = privacy(httpx.get(base_url + "/").text)
    assert "答复后即删除" in page and "最长 15 分钟" in page and "不写入磁盘" in page
    assert "任何拿到链接的人都能下载" in page and "--keep" not in page
    english = privacy(httpx.get(base_url + "/?lang=en").text)
    assert "deleted when the answer is sent" in english and "at most 15 minutes" in english
    docs = httpx.get(base_url + "/docs").text
    assert "not written to disk" in docs and "--keep</code>:" not in docs
