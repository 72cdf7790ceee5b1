"""`audit()`: the library entry point. Reads, recognises, tabulates, validates; never prints."""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from auditor import __version__
from auditor.config import Config
from auditor.coverage import coverage, incomplete_issues
from auditor.document import Locator
from auditor.issue import Issue
from auditor.read import expand, read_document
from auditor.read.errors import UnreadableInput
from auditor.recognise import recognise
from auditor.recognise.records import DocumentRecords
from auditor.result import AuditResult, DocumentResult
from auditor.ruleset.loader import RuleSet
from auditor.tabulate import add_rows, document_rows, empty_rows, frames, project_name


def audit(paths: list[str], config: Config | None = None, ruleset: RuleSet | None = None,
          progress: Callable[[str], None] | None = None, jobs: int | None = None,
          engine: str = "pandas", spark_master: str | None = None) -> AuditResult:
    """Audit every report under `paths` (files or directories) with one validation per entity.

    Files are read and recognised in `jobs` worker processes (default: one per
    core); the records then meet in one frame per entity, validated once.
    `engine="spark"` does the same on Spark (`spark_master`, default
    local[jobs or cores]) with the same result: see `auditor.engine.spark`.
    """
    if engine == "spark":
        from auditor.engine.spark.run import audit_files as audit_on_spark

        return audit_on_spark(expand(paths), config, ruleset, progress, jobs, spark_master)
    if engine != "pandas":
        raise ValueError(f"unknown engine {engine!r}: pandas or spark")
    return audit_files(expand(paths), config, ruleset, progress, jobs)


def audit_files(items: list[tuple[Path, str]], config: Config | None = None, ruleset: RuleSet | None = None,
                progress: Callable[[str], None] | None = None, jobs: int | None = None) -> AuditResult:
    """`audit` of (path, name) pairs: each file is read from its path and reported under its name.

    A web upload is stored under a generated path and reported under the name
    its user gave, so that name is only ever data, never a path.
    """
    config = config or Config()
    ruleset = ruleset or config.ruleset()
    documents: list[DocumentResult] = []
    issues: list[Issue] = []

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

    for digest in read_all(items, jobs, progress, threads_allowed=prepare, forms=ruleset.forms or None):
        if digest.rows is None:
            documents.append(DocumentResult(doc=digest.doc, format=digest.format, status="unreadable",
                                            reason=digest.reason))
            issues.append(unreadable_issue(digest.doc, digest.reason or ""))
            continue
        documents.append(DocumentResult(doc=digest.doc, format=digest.format, projects=digest.projects,
                                        coverage=digest.coverage))
        issues.extend(digest.issues)
        add_rows(rows, digest.rows)
    for thread in preparing:
        thread.join()
    if any(d.status == "ok" for d in documents):
        from auditor.engine.validate import validate

        issues.extend(validate(frames(rows), ruleset))
    issues.sort(key=Issue.sort_key)
    documents.sort(key=lambda d: d.doc)  # NOTE: like the issues, so the order the paths were given in does not show
    return AuditResult(documents=documents, issues=issues, version=__version__, rules_version=ruleset.version)


Outcome = tuple[str, str, "DocumentRecords | None", "str | None"]  # display, format, records, reason


@dataclass
class Digest:
    """What the main process needs of one file: its entity rows, its own issues, its projects.

    NOTE: made in the worker that read the file, so the rows are built in
    parallel and a document's cells and paragraphs never cross between processes.
    """

    doc: str
    format: str
    rows: dict[str, list[dict]] | None  # None: unreadable
    reason: str | None = None
    projects: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    coverage: dict | None = None
PARALLEL_FROM = 8  # files; below this, starting workers costs more than it saves


def read_one(item: tuple[Path, str], forms: tuple | None = None) -> Outcome:
    """Read and recognise one file (its tables as one of `forms`, the built-in ones by default);
    an unreadable file is an outcome, never an exception."""
    path, display = item
    fmt = path.suffix.lstrip(".").lower() or "?"
    try:
        doc = read_document(path, display)
    except UnreadableInput as exc:
        return display, fmt, None, str(exc)
    try:
        return display, doc.format, recognise(doc, forms), None
    except Exception as exc:  # noqa: BLE001
        # NOTE: a recogniser bug on one odd file must cost that file, never the batch (in a worker
        # process it would otherwise break the whole pool)
        return display, doc.format, None, (f"{display}: auditor could not recognise this file "
                                           f"({type(exc).__name__}: {exc}); please report it")


def digest_one(item: tuple[Path, str], forms: tuple | None = None) -> Digest:
    """Read and recognise one file and tabulate its rows; never raises."""
    display, fmt, records, reason = read_one(item, forms)
    if records is None:
        return Digest(display, fmt, None, reason)
    try:
        rows = document_rows(records)
    except Exception as exc:  # noqa: BLE001 - like a recogniser bug: costs this file, never the batch
        return Digest(display, fmt, None, f"{display}: auditor could not tabulate this file "
                                          f"({type(exc).__name__}: {exc}); please report it")
    return Digest(display, fmt, rows, None, [project_name(t) for t in records.tables], incomplete_issues(records),
                  coverage(records))


def read_all(items: list[tuple[Path, str]], jobs: int | None, progress,
             threads_allowed: Callable[[], None] | None = None, forms: tuple | None = None) -> Iterator[Digest]:
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
    # NOTE: fork is safe here: Great Expectations, the one library with threads, is not imported yet.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        # NOTE: with fork, the pool starts every worker at the first submission, which map makes at once
        digests = pool.map(partial(digest_one, forms=forms), items, chunksize=max(1, min(32, len(items) // (jobs * 4))))
        if threads_allowed:
            threads_allowed()
        for digest in digests:
            if progress:
                progress(digest.doc)
            yield digest


def unreadable_issue(doc: str, reason: str) -> Issue:
    text = {"zh": f"无法读取文件：{reason}", "en": f"the file could not be read: {reason}"}
    return Issue(doc=doc, rule="READ_FILE", kind="unreadable_input", severity="error", message=text["zh"],
                 messages=text, location=Locator(line=1))


