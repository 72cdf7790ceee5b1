"""A validation shared out between processes says what one process says, however the suites fall."""

import os
from types import SimpleNamespace

import pytest

from auditor.engine.shares import outcomes
from auditor.engine.validate import validate
from auditor.tabulate import tabulate


def suite(n):
    return SimpleNamespace(expectations=[None] * n)


WORK = [(f"entity{i}", list(range(10 * i + 1)), suite(i % 3 + 1), {}) for i in range(7)]


def described(entity, frame, suite, rules):
    return [(f"{entity}-rule", None, [len(frame), len(suite.expectations)])]


@pytest.mark.parametrize("processes", [2, 3, 8])
def test_every_suite_is_run_once_and_comes_back(processes):
    assert outcomes(WORK, described, processes) == outcomes(WORK, described, 1)


def test_a_suite_a_child_cannot_run_is_run_here():
    parent = os.getpid()

    def only_here(*item):
        if os.getpid() != parent:
            raise RuntimeError("a child that fails")
        return described(*item)

    assert outcomes(WORK, only_here, 2) == outcomes(WORK, described, 1)


def test_a_child_that_never_answers_does_not_hold_the_batch(monkeypatch):
    """A child stuck for a minute (a lock held at the fork) is given up on long before: its suites run here."""
    import time

    from auditor.engine import shares

    monkeypatch.setattr(shares, "PATIENCE", 0.5)
    parent = os.getpid()

    def stuck_there(*item):
        if os.getpid() != parent:
            time.sleep(60)
        return described(*item)

    started = time.monotonic()
    assert outcomes(WORK, stuck_there, 2) == outcomes(WORK, described, 1)
    assert time.monotonic() - started < 30


def test_where_no_child_can_be_made_everything_is_run_here(monkeypatch):
    """A sandbox without shared semaphores (or fork) validates in one process rather than failing the batch."""
    from auditor.engine import shares

    class Sandbox:
        def Value(self, *args):
            raise OSError("no shared semaphores here")

    monkeypatch.setattr(shares.multiprocessing, "get_context", lambda method: Sandbox())
    assert outcomes(WORK, described, 2) == outcomes(WORK, described, 1)


def test_the_sample_validated_by_two_processes_gives_one_process_issues(sample_path, ruleset):
    from auditor.digest import read_one

    _, _, records, _ = read_one((sample_path, "sample.txt"))
    frames = tabulate([records])
    alone = validate(frames, ruleset)
    assert alone and validate(frames, ruleset, processes=2) == alone


def test_a_child_does_take_a_share_and_none_is_left_running():
    """Two processes really share the work (a child ran some suite), and no child outlives the call."""
    import multiprocessing
    import time

    def where(entity, frame, suite, rules):
        time.sleep(0.05)  # long enough that the child gets a suite before the parent runs them all
        return [(entity, None, [os.getpid()])]

    done = outcomes(WORK, where, 2)
    assert {pid for found in done.values() for _, _, (pid,) in found} - {os.getpid()}
    assert multiprocessing.active_children() == []


def test_a_suite_that_fails_here_leaves_no_child_running():
    import multiprocessing

    parent = os.getpid()

    def fails_here(*item):
        if os.getpid() == parent:
            raise ValueError("this process's own suite")
        return described(*item)

    with pytest.raises(ValueError):
        outcomes(WORK, fails_here, 2)
    assert multiprocessing.active_children() == []


def test_no_fork_while_another_thread_runs():
    import threading

    parent = os.getpid()
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        done = outcomes(WORK, lambda e, f, s, r: [(e, None, [os.getpid()])], 2)
    finally:
        release.set()
        other.join()
    assert {pid for found in done.values() for _, _, (pid,) in found} == {parent}
