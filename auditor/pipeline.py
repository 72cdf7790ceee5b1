"""`audit()`: the library entry point. Picks an engine by name and hands it the files; never prints.

Every engine does the same three things: each file's work (`auditor.digest`:
read, recognise, tabulate, what was read), one validation per entity over the
whole batch, and the batch's result (`auditor.result.assemble`). They differ
only in where: the pandas engine here, in worker processes and this one; the
Spark engine (`auditor.engine.spark.run`) in Spark's executors.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Protocol

from auditor.config import Config
from auditor.digest import Digest, digest_one, read_one  # noqa: F401 - read_one: kept importable from here
from auditor.read import expand
from auditor.result import AuditResult, assemble
from auditor.ruleset.loader import RuleSet
from auditor.tabulate import add_rows, empty_rows, frames

__all__ = ["ENGINES", "AuditResult", "Config", "Engine", "PandasEngine", "audit", "audit_files", "engine_named"]

ENGINES = ("pandas", "spark")


class Engine(Protocol):
    """Where a batch is audited: (path, name) pairs in, the batch's result out."""

    name: str

    def audit_files(
        self,
        items: list[tuple[Path, str]],
        ruleset: RuleSet,
        progress: Callable[[str], None] | None = None,
        jobs: int | None = None,
    ) -> AuditResult: ...


def engine_named(name: str, spark_master: str | None = None) -> Engine:
    """The engine called `name` (one of ENGINES); Spark's module is imported only when it is chosen."""
    if name == "pandas":
        return PandasEngine()
    if name == "spark":
        from auditor.engine.spark.run import SparkEngine

        return SparkEngine(spark_master)
    raise ValueError(f"unknown engine {name!r}: pandas or spark")


def audit(
    paths: list[str],
    config: Config | None = None,
    ruleset: RuleSet | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    engine: str = "pandas",
    spark_master: str | None = None,
) -> AuditResult:
    """Audit every report under `paths` (files or directories) with one validation per entity.

    Files are read and recognised in `jobs` worker processes (default: one per
    core); the records then meet in one frame per entity, validated once.
    `engine="spark"` does the same on Spark (`spark_master`, default
    local[jobs or cores]) with the same result: see `auditor.engine.spark`.
    """
    chosen = engine_named(engine, spark_master)
    items = expand(paths)
    return chosen.audit_files(items, ruleset or (config or Config()).ruleset(), progress, jobs)


def audit_files(
    items: list[tuple[Path, str]],
    config: Config | None = None,
    ruleset: RuleSet | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> AuditResult:
    """`audit` of (path, name) pairs on the pandas engine: each file is read from its path and reported under its name.

    A web upload is stored under a generated path and reported under the name
    its user gave, so that name is only ever data, never a path.
    """
    return PandasEngine().audit_files(items, ruleset or (config or Config()).ruleset(), progress, jobs)


class PandasEngine:
    """Files read in worker processes, their rows in one pandas frame per entity, each validated once by GX."""

    name = "pandas"

    def audit_files(
        self,
        items: list[tuple[Path, str]],
        ruleset: RuleSet,
        progress: Callable[[str], None] | None = None,
        jobs: int | None = None,
    ) -> AuditResult:
        outcomes = []
        rows = empty_rows()
        preparing: list[threading.Thread] = []

        def prepare() -> None:
            # NOTE: the main process waits while workers (or, for one PDF, a reader process) read;
            # importing GX and compiling the suites meanwhile takes their 3-4 s off the end of a batch.
            # Started only once the workers are forked: a process must not fork while a thread imports.
            from auditor.engine.validate import prepare as prepare_validation

            thread = threading.Thread(target=prepare_validation, args=(ruleset,), name="auditor-prepare", daemon=True)
            thread.start()
            preparing.append(thread)

        with long_lived_frozen():  # NOTE: through validation: what the batch reads is walked by no collection
            for digest in read_all(items, jobs, progress, threads_allowed=prepare, forms=ruleset.forms or None):
                outcomes.append(digest.outcome())
                if digest.rows is not None:
                    add_rows(rows, digest.rows)
            for thread in preparing:
                thread.join()
            issues = []
            if any(document.status == "ok" for document, _ in outcomes):
                from auditor.engine.validate import validate

                issues = validate(frames(rows), ruleset, processes=validating_processes(len(items), jobs))
        return assemble(outcomes, issues, ruleset.version)


PARALLEL_FROM = 8  # files; below this, starting workers costs more than it saves


def validating_processes(files: int, jobs: int | None) -> int:
    """How many processes share a batch's validation: as many as read it."""
    return 1 if files < PARALLEL_FROM else jobs or os.cpu_count() or 1


def read_all(
    items: list[tuple[Path, str]],
    jobs: int | None,
    progress,
    threads_allowed: Callable[[], None] | None = None,
    forms: tuple | None = None,
) -> Iterator[Digest]:
    """Digests in input order, from worker processes when the batch is large enough to gain.

    `threads_allowed` is called as soon as no worker will be forked any more:
    at once when reading here, once the pool's workers exist otherwise.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        if threads_allowed:
            threads_allowed()  # NOTE: readers that need a process use forkserver or exec, never fork
        for item in items:
            if progress:
                progress(item[1])
            yield digest_one(item, forms)
        return
    # NOTE: fork is safe here: Great Expectations, the one library with threads, is not imported yet,
    # and nothing else runs a thread; where one does (a host program's) or there is no fork, workers are
    # started afresh instead
    safe = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if safe else "spawn")
    with long_lived_frozen(), ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        # NOTE: with fork, the pool starts every worker at the first submission, which map makes at once
        digests = pool.map(partial(digest_one, forms=forms), items, chunksize=max(1, min(32, len(items) // (jobs * 4))))
        with collector_paused():  # NOTE: after the fork: the workers collect as usual
            if threads_allowed:
                threads_allowed()
            for digest in digests:
                if progress:
                    progress(digest.doc)
                yield digest


# NOTE: the cyclic garbage collector, not the work, was a third of a 1,000-report batch (15.1 s -> 11.1 s
# without it). Each of its full passes walks every object alive: in the workers, all the modules they
# inherit; here, every row received so far and, in the preparing thread, Great Expectations as it is
# imported. Rows, records and documents hold no cycles (reading 200 reports left none to collect): they
# are freed as they go out of use whether the collector runs or not.


#: Whether the outermost `long_lived_frozen` now open freezes (True), found the caller's objects
#: frozen already and leaves the collector alone (False), or none is open (None).
_FREEZING: bool | None = None


@contextmanager
def long_lived_frozen() -> Iterator[None]:
    """What is alive now (modules, the rule set) left out of the collector's passes until the batch is done.

    Frozen before the pool forks, so the workers never walk what they inherit (the collector's own
    advice before a fork); nested, the outermost lets go, so a caller auditing batch after batch
    collects between them as usual.
    """
    global _FREEZING
    outermost = _FREEZING is None
    if outermost:
        # NOTE: a caller that froze objects itself (a server's warmed-up worker, a preloading host) is
        # left as it was: freezing again, with no unfreeze that would not also undo its own freeze,
        # would keep each batch's leftover garbage for the life of the process
        _FREEZING = gc.get_freeze_count() == 0
    if _FREEZING:
        gc.freeze()
    try:
        yield
    finally:
        if outermost:
            if _FREEZING:
                gc.unfreeze()
            _FREEZING = None


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection in this process while it only receives digests (and, in a thread, imports GX).

    NOTE: at the end what arrived meanwhile is frozen too, so turning the collector back on does not
    walk all of it at once; `long_lived_frozen` lets it go with the rest.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _FREEZING:  # NOTE: only inside a `long_lived_frozen` that will let it go
            gc.freeze()
        if collecting:
            gc.enable()
