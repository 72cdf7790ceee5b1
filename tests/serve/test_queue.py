"""The queue in front of the workers: bounded, small requests first, large ones never on every worker, and
the timeout counting the audit, not the wait."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from auditor.serve import Settings, create_app
from auditor.serve.queue import Busy, Queue

from . import slow
from .server import running


def run(coroutine):
    return asyncio.run(coroutine)


def test_large_requests_leave_a_worker_to_the_small_ones():
    async def scenario():
        queue = Queue(limit=10, wait=5)
        queue.open(["w1", "w2"])
        first = (await queue.acquire(queue.admit(), large=True)).slot
        second = asyncio.ensure_future(queue.acquire(queue.admit(), large=True))
        await asyncio.sleep(0.05)
        assert not second.done()  # one worker is idle, but it is kept for small requests
        small = (await asyncio.wait_for(queue.acquire(queue.admit(), large=False), 1)).slot
        assert {first, small} == {"w1", "w2"}
        queue.ran(1.0, large=True)
        queue.release(first)  # the large one ends: the waiting large one gets its worker
        assert (await asyncio.wait_for(second, 1)).slot == first

    run(scenario())


def test_a_stream_of_small_requests_does_not_starve_a_large_one():
    async def scenario():
        queue = Queue(limit=10, wait=5)
        queue.open(["w1", "w2"])
        a = (await queue.acquire(queue.admit(), large=False)).slot
        b = (await queue.acquire(queue.admit(), large=False)).slot
        large = asyncio.ensure_future(queue.acquire(queue.admit(), large=True))
        await asyncio.sleep(0.01)
        small = asyncio.ensure_future(queue.acquire(queue.admit(), large=False))
        await asyncio.sleep(0.01)
        queue.ran(0.5, large=False)
        queue.release(a)  # first come, first served: the large one waited longer and is under its cap
        assert (await asyncio.wait_for(large, 1)).slot == a and not small.done()
        queue.release(b)
        assert (await asyncio.wait_for(small, 1)).slot == b

    run(scenario())


def test_small_requests_waiting_together_ride_in_one_batch_unless_their_names_clash():
    async def scenario():
        queue = Queue(limit=10, wait=5, batch=3)
        queue.open(["w"])
        held = (await queue.acquire(queue.admit(), large=False, names=frozenset({"x.txt"}))).slot
        waiting = [
            asyncio.ensure_future(queue.acquire(queue.admit(), large=False, names=frozenset({name}), payload=name))
            for name in ("a.txt", "b.txt", "a.txt", "c.txt", "d.txt")
        ]
        await asyncio.sleep(0.01)
        queue.ran(0.5, large=False)
        queue.release(held)
        await asyncio.sleep(0.01)
        seats = [w.result() if w.done() else None for w in waiting]
        leader = seats[0]
        assert leader.slot == "w" and [r.payload for r in leader.riders] == ["b.txt", "c.txt"]  # a.txt again waits
        assert seats[1].ride is not None and seats[3].ride is not None and not waiting[2].done()
        assert not waiting[4].done()  # three to a batch
        for w in waiting[2:5:2]:
            w.cancel()

    run(scenario())


def test_a_full_queue_refuses_at_once_and_says_when_to_retry():
    async def scenario():
        queue = Queue(limit=2, wait=5)
        queue.open(["w"])
        tickets = [queue.admit(), queue.admit()]
        with pytest.raises(Busy) as refused:
            queue.admit()
        assert refused.value.retry_after >= 1
        tickets[0].leave()
        queue.admit()  # a place came free

    run(scenario())


def test_a_wait_that_runs_out_is_busy_and_leaves_no_trace():
    async def scenario():
        queue = Queue(limit=5, wait=0.1)
        queue.open(["w"])
        held = (await queue.acquire(queue.admit(), large=False)).slot
        with pytest.raises(Busy):
            await queue.acquire(queue.admit(), large=False)
        assert queue.waiting == 0 and not queue._waiters
        queue.release(held)
        assert (await asyncio.wait_for(queue.acquire(queue.admit(), large=False), 1)).slot == "w"

    run(scenario())


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    """One worker process, a 3 s timeout and room for one waiting request."""
    root = tmp_path_factory.mktemp("queue-uploads")
    app = create_app(settings=Settings(workers=1, warm=False, timeout=3, queue=1, tmp_root=root), job=slow.job)
    with running(app) as url:
        yield url


def post(url: str, name: str) -> httpx.Response:
    return httpx.post(url + "/api/check", files=[("files", (name, b"text"))], timeout=60)


def test_the_timeout_counts_the_audit_not_the_wait(one_worker):
    # each audit takes 2 s of a 3 s timeout; the second waits 2 s for the only worker first
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(post, one_worker, "nap-1.txt")
        time.sleep(0.3)
        second = pool.submit(post, one_worker, "nap-2.txt")
        answers = [first.result(), second.result()]
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]


def test_a_full_queue_is_a_503_with_retry_after(one_worker):
    with ThreadPoolExecutor(2) as pool:
        running_one = pool.submit(post, one_worker, "nap-1.txt")
        time.sleep(0.3)
        waiting_one = pool.submit(post, one_worker, "nap-2.txt")
        time.sleep(0.3)
        refused = post(one_worker, "quick.txt")
        assert refused.status_code == 503
        assert refused.json()["error"] == "busy" and int(refused.headers["Retry-After"]) >= 1
        assert "秒后重试" in refused.json()["detail"]
        assert running_one.result().status_code == waiting_one.result().status_code == 200
    assert post(one_worker, "quick.txt").status_code == 200  # and served again once there is room


def test_a_large_job_runs_at_a_lower_cpu_priority():
    """So on a full machine the small requests' worker keeps its share (run apart: it changes its process)."""
    code = "import os; from auditor.serve.workers import niced; print(niced(os.getpriority, os.PRIO_PROCESS, 0))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 10
