"""A batch read in worker processes: the same result as read here, and the process left as it was found."""

import gc
import threading
import weakref

import pytest

from auditor.pipeline import PARALLEL_FROM, audit
from auditor.render.json import as_dict
from auditor.synth.corpus import write_corpus


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    write_corpus(folder, PARALLEL_FROM + 4, 11, form="mixed")
    return folder


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_left_as_it_was_found(batch, ruleset, collecting):
    """A server audits batch after batch: its garbage collector must come back on (or stay off) and hold nothing frozen."""
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        audit([str(batch)], ruleset=ruleset, jobs=2)
        assert gc.isenabled() is collecting
        assert gc.get_freeze_count() == 0
    finally:
        (gc.enable if was else gc.disable)()


def test_workers_give_the_result_of_reading_here(batch, ruleset):
    here = as_dict(audit([str(batch)], ruleset=ruleset, jobs=1))
    workers = as_dict(audit([str(batch)], ruleset=ruleset, jobs=2))
    assert workers == here
    assert here["summary"]["issues"] > 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_caller_that_froze_its_objects_keeps_no_batch_frozen(batch, ruleset, jobs):
    """A server's worker freezes what it warmed up; batch after batch must then freeze nothing more,
    or each batch's leftover garbage (a cycle) lives as long as the process."""
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        leftover = weakref.WeakSet()
        for _ in range(3):
            cycle = Cycle()
            cycle.me = cycle
            leftover.add(cycle)
            del cycle
            audit([str(batch)], ruleset=ruleset, jobs=jobs)
            assert gc.get_freeze_count() <= frozen  # frozen objects may die; none is added
        gc.collect()
        assert len(leftover) == 0
    finally:
        gc.unfreeze()


class Cycle:
    """An object that refers to itself: freed only by the cyclic collector."""

    me: object = None


def test_two_batches_do_not_leave_a_thread_that_a_later_fork_would_inherit(batch, ruleset):
    before = {t.name for t in threading.enumerate()}
    audit([str(batch)], ruleset=ruleset, jobs=2)
    audit([str(batch)], ruleset=ruleset, jobs=2)
    assert {t.name for t in threading.enumerate()} - before == set()
