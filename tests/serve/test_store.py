"""Results kept for downloads are bounded in bytes: the largest and oldest go first, the page's links say so."""

from __future__ import annotations

import httpx
import pytest

from auditor.serve import Settings, create_app
from auditor.serve.store import Entry, ResultStore

from . import slow
from .server import running

MB = 1 << 20


def entry(mb: float) -> Entry:
    return Entry(result=b"r" * int(mb * MB), names=["a.docx"])


def test_the_store_never_holds_more_bytes_than_its_bound():
    store = ResultStore(max_bytes=10 * MB)
    tokens = [store.put(entry(3)) for _ in range(20)]
    assert all(tokens) and store.bytes <= 10 * MB and len(store) == 3
    assert store.get(tokens[-1]) is not None and store.get(tokens[0]) is None


def test_the_largest_go_first_then_the_oldest():
    store = ResultStore(max_bytes=10 * MB)
    small_old, big, small = store.put(entry(1)), store.put(entry(6)), store.put(entry(1))
    newer_big = store.put(entry(5))  # needs room: the 6 MB one goes, the small ones stay, old as one is
    assert store.get(big) is None and all(store.get(t) for t in (small_old, small, newer_big))
    two = store.put(entry(3.5))  # the 5 MB one is still the largest class
    assert store.get(newer_big) is None and all(store.get(t) for t in (small_old, small, two))
    a, b = store.put(entry(2.5)), store.put(entry(2.6))  # now 3.5, 2.5, 2.6 are of one class: the oldest goes
    assert store.get(two) is None and store.get(a) and store.get(b) and store.bytes <= 10 * MB


def test_an_entry_larger_than_the_store_is_not_kept():
    store = ResultStore(max_bytes=2 * MB)
    kept = store.put(entry(1))
    assert store.put(entry(3)) is None and store.get(kept) is not None


def test_expired_entries_are_gone():
    store = ResultStore(ttl=-1)
    token = store.put(entry(0.1))
    assert store.get(token) is None and store.expires_in(token) is None and store.bytes == 0


@pytest.fixture(scope="module")
def small_store(ruleset, tmp_path_factory):
    """A server that keeps 5 MB of results: two reviews with their commented copies (2 MB each)."""
    root = tmp_path_factory.mktemp("store-uploads")
    settings = Settings(workers=0, warm=False, results_mb=5, tmp_root=root)
    app = create_app(ruleset=ruleset, settings=settings, job=slow.job)
    with running(app) as url:
        yield url, app.state.results


def review(url: str, name: str) -> dict:
    answer = httpx.post(url + "/api/review", files=[("files", (name, b"text"))], timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_reviews_stay_within_the_bound_and_old_links_say_they_expired(small_store):
    url, results = small_store
    first = review(url, "big-1.docx")
    assert first["kept"] and httpx.get(url + first["downloads"]["status"]).json()["expires_in"] > 0
    copy = httpx.get(url + first["downloads"]["annotated"][0]["url"], timeout=30)
    assert copy.status_code == 200 and len(copy.content) == MB
    for n in range(2, 8):
        review(url, f"big-{n}.docx")
        assert results.bytes <= 5 * MB
    gone = httpx.get(url + first["downloads"]["status"])
    assert gone.status_code == 404 and gone.json()["error"] == "expired"
    old = httpx.get(url + first["downloads"]["xlsx"])
    assert old.status_code == 404 and old.json() == {
        "error": "expired",
        "detail": "结果已过期，下载链接已失效，请重新上传",
    }


def test_a_review_too_large_to_keep_says_so(ruleset, tmp_path):
    settings = Settings(workers=0, warm=False, results_mb=1, tmp_root=tmp_path)
    with running(create_app(ruleset=ruleset, settings=settings, job=slow.job)) as url:
        body = review(url, "big.docx")
        assert body["kept"] is False and body["downloads"] is None
        assert body["contract"]["zh"]["documents"][0]["doc"] == "big.docx"  # the issues are still answered
        small = review(url, "small.txt")
        assert small["kept"] and httpx.get(url + small["downloads"]["xlsx"], timeout=60).status_code == 200
