"""The suites of one validation shared out between this process and forked copies of it.

Every entity is still validated once, by Great Expectations, over the whole
batch's frame; only which process runs which suite changes. A child is a fork
made after the frames and suites exist, so it has both without copying them,
and sends back the issues of each suite it ran: few and small. They are put
together here in suite order, the list a validation in one process makes.

NOTE: measured on 1,000 reports (2 cores): validation took 4.3 s in one process
(the suites 3.0 s warm, the largest, texts, 1.1 s); shared by two processes,
each taking the costliest suite left as it becomes free, 2.3 s.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import time
from multiprocessing.connection import wait
from typing import Callable, Iterator

#: (entity, frame, suite, rules) of one suite to run.
Work = tuple


def outcomes(work: list[Work], run: Callable[..., list], processes: int = 1) -> dict[str, list]:
    """entity → `run(*item)` for every item of `work`, in up to `processes` processes."""
    helpers = min(processes, len(work)) - 1
    # NOTE: never fork while another thread runs (a host program's, a web server's, a progress bar's):
    # a lock it holds at the fork stays held in the child for good
    if helpers < 1 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return {item[0]: run(*item) for item in work}
    # NOTE: costliest first (rows by expectations), each process taking the next as it becomes free
    order = sorted(range(len(work)), key=lambda i: -len(work[i][1]) * len(work[i][2].expectations))
    context = multiprocessing.get_context("fork")
    _flush()  # NOTE: what this process has buffered must not be written again by a child
    children, readers = [], []
    try:
        taken = context.Value("i", 0)
        for _ in range(helpers):
            reader, writer = context.Pipe(duplex=False)
            child = context.Process(target=_share, args=(work, order, taken, writer, run), daemon=True)
            child.start()
            writer.close()
            children.append(child)
            readers.append(reader)
    except OSError:  # NOTE: no shared semaphore or no fork here (a sandbox): whatever no child took is run here
        if not children:
            return {item[0]: run(*item) for item in work}
    done: dict[str, list] = {}
    started = time.monotonic()
    pipes = list(readers)  # NOTE: `_receive` drops a reader from `readers` once its child is done
    try:
        for i in _next(order, taken):
            done[work[i][0]] = run(*work[i])
            _receive(readers, done, 0)  # NOTE: a child waits on a full pipe until its results are read
        _receive(readers, done, PATIENCE + 2 * (time.monotonic() - started))
    finally:
        # NOTE: also when this process's own suite raised: no child is left running, no pipe open
        for child in children:
            child.join(timeout=1)
            if child.is_alive():  # NOTE: stuck (a lock another thread held at the fork): its suites are run here
                child.kill()
                child.join()
        for reader in pipes:
            reader.close()
    for item in work:  # NOTE: taken by a child that could not finish it: run here
        if item[0] not in done:
            done[item[0]] = run(*item)
    return done


#: Seconds a child may go without sending anything, on top of twice what this process's own share took.
PATIENCE = 30.0


def _next(order: list[int], taken) -> Iterator[int]:
    """The items of `order` this process takes, one at a time, none taken twice by any process."""
    while True:
        with taken.get_lock():
            k = taken.value
            taken.value = k + 1
        if k >= len(order):
            return
        yield order[k]


def _share(work: list[Work], order: list[int], taken, writer, run) -> None:
    """A child's part: each suite it takes, run and sent back at once."""
    try:
        for i in _next(order, taken):
            writer.send((work[i][0], run(*work[i])))
    except Exception:  # noqa: BLE001, S110 - the parent runs what was not sent, and meets the error itself
        pass
    finally:
        writer.close()


def _receive(readers: list, done: dict, patience: float) -> None:
    """What the children send into `done`: what is there already (`patience` 0), or all of it, each
    child's until it closes its end or sends nothing for `patience` seconds."""
    while readers:
        ready = wait(readers, patience)
        if not ready:
            return
        for reader in ready:
            try:
                entity, found = reader.recv()
            except EOFError:
                readers.remove(reader)
                continue
            done[entity] = found


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
