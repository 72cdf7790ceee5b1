"""Every error the server answers, its own or the framework's, is `{error, detail}` in the asker's language."""

from __future__ import annotations

import httpx
import pytest

from auditor.serve import Settings, create_app

from . import slow
from .server import running

BOUNDARY = "auditor-test-boundary"


@pytest.fixture(scope="module")
def url(ruleset, tmp_path_factory):
    root = tmp_path_factory.mktemp("error-uploads")
    app = create_app(
        ruleset=ruleset, settings=Settings(workers=0, warm=False, max_upload_mb=1, tmp_root=root), job=slow.job
    )
    with running(app) as base:
        yield base


def multipart(*files: tuple[str, bytes]) -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + data
        + b"\r\n"
        for name, data in files
    ]
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def chunked(body: bytes, size: int = 64 << 10):
    """The body as a generator: httpx sends it chunked, with no Content-Length for the server to check first."""
    for start in range(0, len(body), size):
        yield body[start : start + size]


def post_chunked(url: str, body: bytes, **headers) -> httpx.Response:
    headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **headers}
    return httpx.post(url + "/api/check", content=chunked(body), headers=headers, timeout=60)


def shape(answer: httpx.Response) -> dict:
    assert answer.headers["content-type"].startswith("application/json"), answer.text[:200]
    body = answer.json()
    assert set(body) == {"error", "detail"}, body
    return body


def test_a_chunked_upload_over_the_cap_is_a_413_like_one_with_a_length(url):
    answer = post_chunked(url, multipart(("big.txt", b"x" * (3 << 20))))
    assert answer.status_code == 413
    assert shape(answer) == {"error": "too_large", "detail": "上传内容超过 1 MB 的上限"}
    sized = httpx.post(url + "/api/check", files=[("files", ("big.txt", b"x" * (3 << 20)))], timeout=60)
    assert sized.status_code == 413 and shape(sized) == shape(answer)
    small = post_chunked(url, multipart(("report.txt", "自评报告".encode())))  # under the cap, chunked is fine
    assert small.status_code == 200 and small.json()["documents"][0]["doc"] == "report.txt"


def test_a_chunked_upload_over_the_cap_in_english(url):
    answer = post_chunked(url, multipart(("big.txt", b"x" * (3 << 20))), **{"Accept-Language": "en-GB,en;q=0.9"})
    assert answer.status_code == 413 and shape(answer)["detail"] == "the upload exceeds the limit of 1 MB"


@pytest.mark.parametrize(
    "method, path, status, code",
    [
        ("GET", "/nothing-here", 404, "not_found"),
        ("GET", "/api/check", 405, "method_not_allowed"),
        ("DELETE", "/api/rules", 405, "method_not_allowed"),
        ("GET", "/download/abc/annotated/not-a-number", 422, "invalid"),
        ("GET", "/download/abc/issues.xlsx", 404, "expired"),
    ],
)
def test_framework_errors_have_our_shape_and_chinese_by_default(url, method, path, status, code):
    answer = httpx.request(method, url + path, timeout=30)
    assert answer.status_code == status
    body = shape(answer)
    assert body["error"] == code and any("\u4e00" <= c <= "\u9fff" for c in body["detail"]), body


def test_english_when_the_request_asks(url):
    by_query = shape(httpx.get(url + "/nothing-here?lang=en"))
    by_header = shape(httpx.get(url + "/nothing-here", headers={"Accept-Language": "en-US,en;q=0.9,zh;q=0.5"}))
    assert by_query == by_header == {"error": "not_found", "detail": "no such address: /nothing-here"}
    chinese_first = shape(httpx.get(url + "/nothing-here", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}))
    assert chinese_first["detail"] == "没有这个地址：/nothing-here"
    invalid = shape(httpx.get(url + "/download/abc/annotated/x?lang=en"))
    assert invalid["error"] == "invalid" and "index" in invalid["detail"]


def test_too_many_files_names_the_limit(url):
    files = [("files", (f"r{n}.txt", b"text")) for n in range(51)]
    answer = httpx.post(url + "/api/check", files=files, timeout=60)
    assert answer.status_code == 400
    assert shape(answer) == {"error": "too_many_files", "detail": "一次最多上传 50 个文件"}
    fifty = httpx.post(url + "/api/check", files=files[:50], timeout=60)
    assert fifty.status_code == 200 and len(fifty.json()["documents"]) == 50


def test_a_broken_multipart_body_is_a_clear_400(url):
    headers = {"Content-Type": "multipart/form-data"}  # no boundary
    answer = httpx.post(url + "/api/check?lang=en", content=b"--x\r\n\r\n", headers=headers, timeout=30)
    assert answer.status_code == 400
    body = shape(answer)
    assert body["error"] == "bad_form" and "multipart/form-data" in body["detail"]


def test_no_file_is_a_400_in_the_shape(url):
    answer = httpx.post(url + "/api/check", data={"x": "1"}, timeout=30)
    assert answer.status_code == 400 and shape(answer)["error"] == "no_files"


def test_the_docs_state_the_limits(url):
    docs = httpx.get(url + "/docs").text
    assert "files in one request</td><td>50" in docs and "1 MB" in docs
    assert "too_many_files" in docs and "Retry-After" in docs and "bad_host" in docs
