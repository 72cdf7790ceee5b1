"""Counts behind the summary views: per document, per kind, per department, per project.

Computed once from the issue list so the workbook's summary sheets and the HTML
charts can never disagree with the issue table they summarise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from auditor.issue import SEVERITIES
from auditor.render.rows import departments
from auditor.result import AuditResult


@dataclass
class Tally:
    """Issues of one document, department or project, by severity and by kind."""

    name: str
    department: str = ""
    doc: str = ""
    status: str = "ok"
    documents: int = 0
    severity: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.severity.values())

    def by_severity(self) -> list[int]:
        return [self.severity.get(s, 0) for s in SEVERITIES]

    def rank_key(self) -> tuple:
        """Errors first, then warnings, then info; the name breaks ties so the order is stable."""
        return (
            -self.severity.get("error", 0),
            -self.severity.get("warning", 0),
            -self.severity.get("info", 0),
            self.name,
        )


def by_document(result: AuditResult) -> list[Tally]:
    """One Tally per input document, in the result's order (issues of unlisted documents appended)."""
    depts = departments(result)
    tallies = {
        d.doc: Tally(name=d.doc, doc=d.doc, department=depts[d.doc], status=d.status, documents=1)
        for d in result.documents
    }
    for issue in result.issues:
        tally = tallies.setdefault(
            issue.doc, Tally(name=issue.doc, doc=issue.doc, department=depts[issue.doc], documents=1)
        )
        tally.severity[issue.severity] += 1
        tally.kinds[issue.kind] += 1
    return list(tallies.values())


def by_kind(result: AuditResult) -> list[tuple[str, Counter]]:
    """(kind, issues by severity), most frequent kind first."""
    out: dict[str, Counter] = defaultdict(Counter)
    for issue in result.issues:
        out[issue.kind][issue.severity] += 1
    return sorted(out.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))


def by_department(result: AuditResult) -> list[Tally]:
    """One Tally per department, ranked by errors, then warnings (the bureau head's league table)."""
    tallies: dict[str, Tally] = {}
    for doc in by_document(result):
        tally = tallies.setdefault(doc.department, Tally(name=doc.department, department=doc.department))
        tally.documents += 1
        tally.severity.update(doc.severity)
        tally.kinds.update(doc.kinds)
    return sorted(tallies.values(), key=Tally.rank_key)


def top_projects(result: AuditResult, n: int = 20) -> list[Tally]:
    """The `n` projects with most issues (document-level issues have no project and are left out)."""
    depts = departments(result)
    tallies: dict[tuple[str, str], Tally] = {}
    for issue in result.issues:
        if not issue.project:
            continue
        key = (issue.doc, issue.project)
        tally = tallies.setdefault(key, Tally(name=issue.project, doc=issue.doc, department=depts[issue.doc]))
        tally.severity[issue.severity] += 1
        tally.kinds[issue.kind] += 1
    ranked = sorted(tallies.values(), key=lambda p: (-p.total, *p.rank_key()[:2], p.doc, p.name))
    return ranked[:n]
