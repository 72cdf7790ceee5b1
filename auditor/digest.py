"""The work on one file, the same for every engine: read, recognise, tabulate its rows, say what was read.

A `Digest` is what a batch needs of one file: its entity rows, its projects,
its coverage and its own issues (the gaps of its reading, or why it could
not be read at all). The pandas engine makes digests in worker processes,
the Spark engine in its executors; both turn them into the same
`DocumentResult` and issues with `Digest.outcome`, so a file reads the same
whichever engine audits it. Nothing here knows of rules or engines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.coverage import coverage, incomplete_issues
from auditor.document import Locator
from auditor.issue import Issue
from auditor.read import read_document
from auditor.read.errors import UnreadableInput
from auditor.recognise import recognise
from auditor.recognise.department import department_of
from auditor.recognise.records import DocumentRecords
from auditor.result import DocumentResult
from auditor.tabulate import Packed, document_rows, packed, project_name

Outcome = tuple[str, str, "DocumentRecords | None", "str | None"]  # display, format, records, reason


@dataclass
class Digest:
    """What the batch needs of one file: its entity rows, its own issues, its projects.

    NOTE: made where the file was read (a worker process, a Spark executor),
    so the rows are built in parallel and a document's cells and paragraphs
    never cross between processes.
    """

    doc: str
    format: str
    rows: dict[str, Packed] | None  # None: unreadable; else each entity's rows as columns (tabulate.packed)
    reason: str | None = None
    projects: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    coverage: dict | None = None
    #: The department the report names, and the field that names it (None: the report names none).
    department: str | None = None
    department_source: str | None = None

    def outcome(self) -> tuple[DocumentResult, list[Issue]]:
        """The file's entry in the result and its own issues (for an unreadable file, the one that says why)."""
        if self.rows is None:
            return (
                DocumentResult(doc=self.doc, format=self.format, status="unreadable", reason=self.reason),
                [unreadable_issue(self.doc, self.reason or "")],
            )
        return (
            DocumentResult(
                doc=self.doc,
                format=self.format,
                projects=self.projects,
                coverage=self.coverage,
                department=self.department,
                department_source=self.department_source,
            ),
            self.issues,
        )


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
        return (
            display,
            doc.format,
            None,
            (f"{display}: auditor could not recognise this file ({type(exc).__name__}: {exc}); please report it"),
        )


def digest_one(item: tuple[Path, str], forms: tuple | None = None) -> Digest:
    """Read and recognise one file and tabulate its rows; never raises."""
    display, fmt, records, reason = read_one(item, forms)
    if records is None:
        return Digest(display, fmt, None, reason)
    try:
        rows = packed(document_rows(records))
    except Exception as exc:  # noqa: BLE001 - like a recogniser bug: costs this file, never the batch
        return Digest(
            display,
            fmt,
            None,
            f"{display}: auditor could not tabulate this file ({type(exc).__name__}: {exc}); please report it",
        )
    return Digest(
        display,
        fmt,
        rows,
        None,
        [project_name(t) for t in records.tables],
        incomplete_issues(records),
        coverage(records),
        *department_of(records),
    )


def unreadable_issue(doc: str, reason: str) -> Issue:
    """The `unreadable_input` issue of a file that could not be read, recognised or tabulated."""
    text = {"zh": f"无法读取文件：{reason}", "en": f"the file could not be read: {reason}"}
    return Issue(
        doc=doc,
        rule="READ_FILE",
        kind="unreadable_input",
        severity="error",
        message=text["zh"],
        messages=text,
        location=Locator(line=1),
    )
