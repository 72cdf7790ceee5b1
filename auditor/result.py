"""What `auditor.audit()` returns: data only, never printed here."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from auditor import __version__
from auditor.issue import SEVERITIES, Issue


@dataclass
class DocumentResult:
    """One input file: `status` 'ok' or 'unreadable' (then `reason` says why)."""

    doc: str
    format: str
    status: str = "ok"
    reason: str | None = None
    projects: list[str] = field(default_factory=list)
    #: The department the report names, and the field that names it (主管部门, 单位名称, 部门决算 ...);
    #: None when the report names none: the reports then fall back on the folder (`department_source`).
    department: str | None = None
    department_source: str | None = None
    year: int | None = None
    #: What was read and checked (issue contract `coverage`): tables recognised and read in full, indicator
    #: rows, prose claims, and per table its form and how far each block was read. None for an unreadable file.
    coverage: dict | None = None

    def as_dict(self) -> dict:
        out: dict[str, object] = {
            "doc": self.doc,
            "status": self.status,
            "format": self.format,
            "projects": self.projects,
        }
        if self.reason:
            out["reason"] = self.reason
        if self.coverage is not None:
            out["coverage"] = self.coverage
        return out


@dataclass
class AuditResult:
    documents: list[DocumentResult]
    issues: list[Issue]
    version: str
    rules_version: str
    #: What chose the rules and the gate of this run (the CLI fills it from `Config.provenance`): config files
    #: applied, profile, rules run and left out (and by what), severity changes, --fail-on. Every report shows it.
    settings: dict = field(default_factory=dict)

    def summary(self) -> dict:
        counts = Counter(i.severity for i in self.issues)
        return {
            "documents": len(self.documents),
            "issues": len(self.issues),
            "by_severity": {s: counts.get(s, 0) for s in SEVERITIES},
        }

    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(i.kind for i in self.issues).items()))


def assemble(
    outcomes: Iterable[tuple[DocumentResult, list[Issue]]], validated: list[Issue], rules_version: str
) -> AuditResult:
    """A batch's result from what each file gave (in input order) and what validation found.

    Both engines end here, so their results are the same list: every issue
    sorted by document then location (the sort is stable: a file's own issues
    before validation's at the same place), every document by name, so the
    order the paths were given in does not show.
    """
    documents: list[DocumentResult] = []
    issues: list[Issue] = []
    for document, found in outcomes:
        documents.append(document)
        issues.extend(found)
    issues.extend(validated)
    issues.sort(key=Issue.sort_key)
    documents.sort(key=lambda d: d.doc)
    return AuditResult(documents=documents, issues=issues, version=__version__, rules_version=rules_version)
