"""The terminal report: issues grouped by document and project, a summary line last."""

from __future__ import annotations

from itertools import groupby

import click

from auditor.i18n import reader_reason, t
from auditor.issue import Issue
from auditor.render import coverage
from auditor.render.provenance import settings_line
from auditor.result import AuditResult

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(result: AuditResult, lang: str = "zh", color: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    lines: list[str] = []
    by_doc = {d: list(g) for d, g in groupby(result.issues, key=lambda i: i.doc)}
    for document in result.documents:
        lines.append(style(document.doc, bold=True))
        if document.status != "ok":
            colon = "：" if lang == "zh" else ": "
            lines.append(
                f"  {style(t(lang, 'unreadable'), fg='red')}{colon}{reader_reason(document.reason or '', lang)}"
            )
        issues = by_doc.get(document.doc, [])
        # what was read and checked, so that "no issue" is never said of a document nothing was checked in
        checked = coverage.line(document, lang)
        empty = coverage.nothing_checkable(document)
        if checked:
            lines.append("  " + (style(checked, fg="yellow", bold=True) if empty else checked))
        lines.extend("  " + style(gap, fg="yellow") for gap in coverage.incomplete(document, lang))
        if not issues and document.status == "ok" and not empty:
            lines.append(f"  {t(lang, 'no_issues')}")
        order = {p: n for n, p in enumerate(document.projects)}
        projects = sorted({i.project for i in issues}, key=lambda p: (p is not None, order.get(p, 99), p or ""))
        for project in projects:
            lines.append("  " + style(project or t(lang, "document_level"), bold=True))
            for issue in (i for i in issues if i.project == project):
                lines.extend(_issue(issue, lang, style))
        lines.append("")
    s = result.summary()
    if result.settings:  # NOTE: what chose the rules and the gate, right above the verdict it shapes
        lines.append(settings_line(result.settings, lang))
    lines.append(
        t(lang, "summary", documents=s["documents"], issues=s["issues"], **s["by_severity"])
        + coverage.summary_suffix(result, lang)
    )
    return "\n".join(lines) + "\n"


def _issue(issue: Issue, lang: str, style) -> list[str]:
    where = issue.location.short()
    severity = t(lang, f"severity.{issue.severity}")
    head = f"    {where:<8} {style(severity, fg=_COLORS[issue.severity])} {issue.rule}  {issue.message_in(lang)}"
    out = [head]
    if issue.expected is not None or issue.found is not None:
        out.append(
            f"{'':13}{t(lang, 'expected')} {issue.expected_in(lang) or '—'}  {t(lang, 'found')} {issue.found or '—'}"
        )
    if issue.evidence and issue.evidence not in issue.message_in(lang):
        evidence = issue.evidence if len(issue.evidence) <= 120 else issue.evidence[:117] + "…"
        out.append(f"{'':13}{t(lang, 'evidence')}: {style(evidence, dim=True)}")
    return out
