"""The flat issue table the people-facing reports share: workbook, CSV and HTML show the same columns.

Finance staff filter and sort these columns in Excel, so every value is a plain
string in the chosen language (severity and kind as words, not codes); the JSON
and SARIF reports keep the codes for programs.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from auditor.i18n import department_source, t
from auditor.issue import Issue
from auditor.result import AuditResult, DocumentResult

COLUMNS = (
    "document",
    "department",
    "project",
    "kind",
    "severity",
    "rule",
    "location",
    "location_json",
    "expected",
    "found",
    "message",
    "evidence",
)


def headings(lang: str) -> list[str]:
    return [t(lang, f"col.{c}") for c in COLUMNS]


def kind_label(lang: str, kind: str) -> str:
    """A kind as a person reads it; a kind the i18n table does not know (a user's rule) stays its code."""
    try:
        return t(lang, f"kind.{kind}")
    except KeyError:
        return kind


def department_of(doc: str, document: DocumentResult | None = None) -> str:
    """The department a document belongs to: as recognised, else the name of the folder it was found in.

    NOTE: a bureau collects reports as one folder per department, so the folder is
    the best guess when the report itself does not say; a file given without a
    folder belongs to "-".
    """
    if document is not None and document.department:
        return document.department
    return PurePosixPath(doc.replace("\\", "/")).parent.name or "-"


def department_with_source(document: DocumentResult, lang: str) -> str:
    """`烈山区人社局（主管部门）`, `data_samples（文件夹名）`: the department and where it was read."""
    source = document.department_source if document.department else "folder"
    return t(
        lang, "department.from", name=department_of(document.doc, document), source=department_source(source, lang)
    )


def departments(result: AuditResult) -> dict[str, str]:
    """doc -> department, for every document and for issues of documents not listed."""
    out = {d.doc: department_of(d.doc, d) for d in result.documents}
    for issue in result.issues:
        if issue.doc not in out:
            out[issue.doc] = department_of(issue.doc)
    return out


def location_json(issue: Issue) -> str:
    return json.dumps(issue.location.as_dict(), ensure_ascii=False, separators=(",", ":"))


def issue_row(issue: Issue, department: str, lang: str) -> list[str]:
    """One issue as the report columns, in COLUMNS order; absent values are empty strings."""
    return [
        issue.doc,
        department,
        issue.project or "",
        kind_label(lang, issue.kind),
        t(lang, f"severity.{issue.severity}"),
        issue.rule,
        issue.location.short(),
        location_json(issue),
        issue.expected_in(lang) or "",
        issue.found or "",
        issue.message_in(lang),
        issue.evidence or "",
    ]


def issue_rows(result: AuditResult, lang: str) -> list[list[str]]:
    depts = departments(result)
    return [issue_row(i, depts[i.doc], lang) for i in result.issues]


# East Asian wide and full-width ranges (CJK ideographs and punctuation, kana, hangul, full-width forms).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def display_width(text: str) -> int:
    """Columns a text takes in a fixed-width view: a CJK character counts 2; the widest line counts."""
    return max((len(line) + len(_WIDE.findall(line)) for line in text.split("\n")), default=0)
