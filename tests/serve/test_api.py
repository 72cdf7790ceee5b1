"""The HTTP API of `auditor serve` against a real server on loopback: uploads, limits, names, concurrency."""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor

import httpx

from auditor.render import renderer

TIMEOUT = httpx.Timeout(60.0)


def upload(base_url: str, *files: tuple[str, bytes], path: str = "/api/check") -> httpx.Response:
    return httpx.post(base_url + path, files=[("files", (name, data)) for name, data in files], timeout=TIMEOUT)


def test_the_sample_answers_the_issue_contract_exactly(base_url, sample_path, sample_result):
    answer = upload(base_url, (sample_path.name, sample_path.read_bytes()))
    assert answer.status_code == 200
    body = answer.json()
    assert body["summary"]["issues"] == len(sample_result.issues)  # 32 when written; the rules may move on
    assert body["documents"][0]["doc"] == sample_path.name
    # the same bytes as `auditor check --format json`, the document named as uploaded
    expected = renderer("json")(sample_result, lang="zh").replace(str(sample_path), sample_path.name)
    assert answer.text == expected
    english = upload(base_url, (sample_path.name, sample_path.read_bytes()), path="/api/check?lang=en").json()
    assert "exceeds" in " ".join(i["message"] for i in english["issues"]) or english["issues"][0]["message"].isascii()


def test_several_files_and_a_binary_named_docx(base_url, sample_path, sample_result):
    junk = os.urandom(4096)
    answer = upload(
        base_url,
        ("报告一.txt", sample_path.read_bytes()),
        ("假的.docx", junk),
        ("报告二.txt", sample_path.read_bytes()),
    )
    body = answer.json()
    assert answer.status_code == 200
    # documents are listed by name, like `auditor check` lists them by path, whatever the upload order
    status = {d["doc"]: d["status"] for d in body["documents"]}
    assert status == {"报告一.txt": "ok", "假的.docx": "unreadable", "报告二.txt": "ok"}
    assert [d["doc"] for d in body["documents"]] == sorted(status)
    by_doc = {d: [i for i in body["issues"] if i["doc"] == d] for d in ("报告一.txt", "假的.docx", "报告二.txt")}
    assert len(by_doc["报告一.txt"]) == len(by_doc["报告二.txt"]) == len(sample_result.issues)
    assert [i["kind"] for i in by_doc["假的.docx"]] == ["unreadable_input"]


def test_an_oversized_upload_is_refused_with_413(base_url):
    answer = upload(base_url, ("big.txt", b"x" * (2 << 20)))  # the shared server caps uploads at 1 MB
    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large" and "1 MB" in answer.json()["detail"]


def test_no_file_is_a_clear_400(base_url):
    answer = httpx.post(base_url + "/api/check", data={"x": "1"}, timeout=TIMEOUT)
    assert answer.status_code == 400 and "files" in answer.json()["detail"]


def test_a_hostile_name_never_becomes_a_path(base_url, sample_path, upload_root):
    names = ["../../etc/passwd.txt", "..\\..\\boot.ini", "/etc/shadow"]
    answer = upload(base_url, *[(n, sample_path.read_bytes()) for n in names])
    docs = [d["doc"] for d in answer.json()["documents"]]
    assert sorted(docs) == ["boot.ini", "passwd.txt", "shadow"]  # shown by their last part only
    assert list(upload_root.iterdir()) == []  # the request's directory is gone
    assert not (upload_root.parent / "etc").exists()


def test_concurrent_requests_are_all_answered(base_url, sample_path, sample_result):
    data = sample_path.read_bytes()
    with ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda n: upload(base_url, (f"r{n}.txt", data)), range(3)))
    assert [a.status_code for a in answers] == [200] * 3
    assert [a.json()["summary"]["issues"] for a in answers] == [len(sample_result.issues)] * 3


def test_rules_listing(base_url, ruleset):
    rules = httpx.get(base_url + "/api/rules").json()
    assert [r["code"] for r in rules] == [r.code for r in ruleset.rules]
    first = rules[0]
    assert set(first) == {"code", "group", "kind", "severity", "title"} and set(first["title"]) == {"zh", "en"}


def test_review_gives_both_languages_and_downloads_by_token(base_url, sample_path, sample_result):
    review = upload(base_url, ("自评.txt", sample_path.read_bytes()), path="/api/review").json()
    assert (
        review["contract"]["zh"]["summary"]["issues"]
        == review["contract"]["en"]["summary"]["issues"]
        == len(sample_result.issues)
    )
    assert any("<mark>" in s["evidence"] for s in review["shown"])
    for link in (review["downloads"]["xlsx"], review["downloads"]["html"]):
        assert "自评" not in link  # keyed by a token, never by the name
        got = httpx.get(base_url + link + "?lang=en", timeout=TIMEOUT)
        assert got.status_code == 200 and len(got.content) > 1000
    assert httpx.get(base_url + "/download/nope/issues.xlsx").status_code == 404


def test_page_and_docs_use_no_outside_asset(base_url):
    for path in ("/", "/?lang=en", "/docs"):
        page = httpx.get(base_url + path)
        assert page.status_code == 200
        assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", page.text)  # nothing from elsewhere
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert "预算绩效" in httpx.get(base_url + "/").text
    assert "/api/check" in httpx.get(base_url + "/docs").text
    assert json.loads(httpx.get(base_url + "/openapi.json").text)["paths"]["/api/check"]


def test_requests_audited_together_each_get_exactly_their_own_answer(base_url, sample_path, sample_result):
    """Waiting requests are audited in one batch; each answer is byte for byte what it would be alone."""
    data = sample_path.read_bytes()
    expected = renderer("json")(sample_result, lang="zh")
    names = ["甲.txt", "乙.txt", "丙.txt", "甲.txt", "丁.txt", "戊.txt"]  # 甲 twice: never in one batch
    with ThreadPoolExecutor(len(names)) as pool:
        answers = list(pool.map(lambda name: upload(base_url, (name, data)), names))
    assert [a.status_code for a in answers] == [200] * len(names)
    for name, answer in zip(names, answers):
        assert answer.text == expected.replace(str(sample_path), name)
    junk = upload(base_url, ("坏.docx", os.urandom(512)))
    assert [d["doc"] for d in junk.json()["documents"]] == ["坏.docx"]
