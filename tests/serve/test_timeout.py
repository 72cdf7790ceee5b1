"""A file that hangs its audit is stopped after the timeout; other users are served meanwhile."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from auditor.serve import Settings, create_app

from . import slow
from .server import running


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("slow-uploads")
    app = create_app(settings=Settings(workers=2, warm=False, timeout=3, tmp_root=root), job=slow.job)
    with running(app) as url:
        yield url, root


def post(url: str, name: str) -> httpx.Response:
    return httpx.post(url + "/api/check", files=[("files", (name, b"text"))], timeout=30)


def test_a_hanging_audit_times_out_and_does_not_block_others(slow_server):
    url, root = slow_server
    with ThreadPoolExecutor(2) as pool:
        hanging = pool.submit(post, url, "slow.txt")
        time.sleep(0.3)
        started = time.monotonic()
        quick = post(url, "quick.txt")
        assert quick.status_code == 200 and time.monotonic() - started < 2.5  # served while the other hangs
        answer = hanging.result()
    assert answer.status_code == 504
    assert answer.json()["error"] == "timeout" and "3 秒" in answer.json()["detail"]
    assert list(root.iterdir()) == []
    deadline = time.monotonic() + 30  # the killed worker is replaced: the pool serves two at once again
    while time.monotonic() < deadline:
        answers = list(ThreadPoolExecutor(2).map(lambda n: post(url, f"q{n}.txt"), range(2)))
        if all(a.status_code == 200 for a in answers):
            break
    assert all(a.status_code == 200 for a in answers)


def test_uploads_are_stored_under_generated_names(slow_server):
    url, _root = slow_server
    answer = httpx.post(
        url + "/api/check",
        files=[("files", ("../../etc/passwd.txt", b"text")), ("files", ("报告.docx", b"\x00\x01binary"))],
        timeout=30,
    )
    docs = answer.json()["documents"]
    assert [d["doc"] for d in docs] == ["passwd.txt", "报告.docx"]
    stored = docs[0]["projects"]  # the upload directory as the job saw it
    assert len(stored) == 2 and not any("passwd" in n or "报告" in n or ".." in n for n in stored)
    assert [n.rsplit(".", 1)[1] for n in stored] == ["txt", "bin"]  # suffix from the bytes, not the name
