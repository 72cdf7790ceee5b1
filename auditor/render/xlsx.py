"""The issue workbook: one sheet finance staff filter and sort, a summary with a chart, a league of departments,
and what was read and checked in each document.

Written with xlsxwriter (write-only, fast, charts included); every value is
written as a string with `write_string`, so a found value of "100%" stays as
printed and evidence beginning with "=" is never taken for a formula.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import xlsxwriter

from auditor.i18n import t
from auditor.issue import SEVERITIES
from auditor.render import coverage, stats
from auditor.render.provenance import deselected_rows, settings_line
from auditor.render.rows import (
    COLUMNS,
    department_with_source,
    departments,
    display_width,
    headings,
    issue_rows,
    kind_label,
)
from auditor.result import AuditResult

#: Fill and font of each severity: Excel's own "bad", "neutral" and a light blue, which people recognise.
SEVERITY_STYLE = {"error": ("#FFC7CE", "#9C0006"), "warning": ("#FFEB9C", "#9C5700"), "info": ("#DDEBF7", "#1F4E78")}
#: Bars of charts: stronger tones of the same three colours (a pale fill disappears in a bar).
BAR_COLOR = {"error": "#C0392B", "warning": "#E0A000", "info": "#5B9BD5"}
#: Widest each issue column grows (in characters) before its text wraps. NOTE: chosen for print: the visible
#: columns add up to about 190 characters, which fit on A4 landscape at about 75% (it was 37% with 60-wide
#: message and evidence and a 42-wide JSON column).
_WIDTH_CAP = {
    "document": 18,
    "department": 12,
    "project": 20,
    "kind": 12,
    "severity": 6,
    "rule": 12,
    "location": 8,
    "expected": 8,
    "found": 8,
    "message": 32,
    "evidence": 32,
}
#: Columns for programs, not for people: kept in the sheet (filters, copying) but hidden, so never printed.
_HIDDEN = {"location_json"}
_WRAP = set(_WIDTH_CAP) - {"severity"}
_MAX_CELL = 32_767  # Excel's limit on the characters of one cell
#: The creation time every workbook carries (see `render`).
CREATED = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)


def render(result: AuditResult, lang: str = "zh", color: bool = False) -> bytes:
    """The .xlsx bytes of the issue workbook (`color` is for terminals and ignored)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    )
    # NOTE: a fixed creation time: xlsxwriter writes the clock's into docProps/core.xml, and the same
    # audit must give the same bytes (a workbook compared or checked in changes only with its issues)
    book.set_properties({"created": CREATED})
    styles = _styles(book)
    _issues_sheet(book, styles, result, lang)
    _summary_sheet(book, styles, result, lang)
    _departments_sheet(book, styles, result, lang)
    _coverage_sheet(book, styles, result, lang)
    book.close()
    return buffer.getvalue()


def _styles(book: xlsxwriter.Workbook) -> dict[str, Any]:
    base = {"font_name": "等线", "valign": "top"}
    styles = {
        "header": book.add_format({**base, "bold": True, "bg_color": "#D9D9D9", "bottom": 1}),
        "text": book.add_format(base),
        "wrap": book.add_format({**base, "text_wrap": True}),
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "heading": book.add_format({**base, "bold": True, "font_size": 12}),
        "bold": book.add_format({**base, "bold": True}),
        "int": book.add_format({**base, "num_format": "0"}),
    }
    for severity, (fill, font) in SEVERITY_STYLE.items():
        styles[severity] = book.add_format({**base, "bg_color": fill, "font_color": font})
        styles[f"header.{severity}"] = book.add_format(
            {**base, "bold": True, "bg_color": fill, "font_color": font, "bottom": 1}
        )
    return styles


def _issues_sheet(book, styles, result: AuditResult, lang: str) -> None:
    sheet = book.add_worksheet(t(lang, "sheet.issues"))
    head = headings(lang)
    widths = [display_width(h) for h in head]
    caps = [_WIDTH_CAP.get(c, 30) for c in COLUMNS]
    sheet.write_row(0, 0, head, styles["header"])
    severity_col = COLUMNS.index("severity")
    plain = [styles["wrap"] if c in _WRAP else styles["text"] for c in COLUMNS]
    previous = [""] * len(COLUMNS)
    for r, (issue, row) in enumerate(zip(result.issues, issue_rows(result, lang)), start=1):
        for c, value in enumerate(row):
            value = value[:_MAX_CELL]
            sheet.write_string(r, c, value, styles[issue.severity] if c == severity_col else plain[c])
            # NOTE: 2×len bounds the width from above and a column repeats its value from row to
            # row (document, project), so most cells skip the exact count
            if widths[c] < caps[c] and 2 * len(value) > widths[c] and value != previous[c]:
                widths[c] = max(widths[c], display_width(value))
                previous[c] = value
    for c, width in enumerate(widths):
        hidden = COLUMNS[c] in _HIDDEN
        sheet.set_column(c, c, min(width, caps[c]) + 1, None, {"hidden": True} if hidden else None)
    sheet.autofilter(0, 0, max(len(result.issues), 1), len(COLUMNS) - 1)
    sheet.freeze_panes(1, 0)
    # printed, as issue lists often are: A4 landscape, one page wide, the header on every page
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.set_margins(left=0.25, right=0.25, top=0.5, bottom=0.5)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def _table(sheet, styles, row: int, col: int, head: list[str], rows: list[list], severity_cols: int = 0) -> int:
    """Write a header and rows at (row, col); the severity columns start at `severity_cols`. Returns the next row."""
    for c, text in enumerate(head):
        key = SEVERITIES[c - severity_cols] if severity_cols and 0 <= c - severity_cols < len(SEVERITIES) else None
        sheet.write_string(row, col + c, text, styles[f"header.{key}"] if key else styles["header"])
    for r, values in enumerate(rows, start=row + 1):
        for c, value in enumerate(values):
            if value is None:  # left blank: not stated, which is not the same as 0
                continue
            if isinstance(value, int):
                sheet.write_number(r, col + c, value, styles["int"])
            else:
                sheet.write_string(r, col + c, str(value)[:_MAX_CELL], styles["text"])
    return row + 1 + len(rows)


def _severity_head(lang: str) -> list[str]:
    return [t(lang, f"severity.{s}") for s in SEVERITIES] + [t(lang, "report.total")]


def _summary_sheet(book, styles, result: AuditResult, lang: str) -> None:
    sheet = book.add_worksheet(t(lang, "sheet.summary"))
    s = result.summary()
    sheet.write_string(0, 0, t(lang, "report.title"), styles["title"])
    sheet.write_string(1, 0, t(lang, "report.generated", version=result.version, rules=result.rules_version))
    sheet.write_string(
        2,
        0,
        t(lang, "summary", documents=s["documents"], issues=s["issues"], **s["by_severity"])
        + coverage.summary_suffix(result, lang),
    )
    if result.settings:
        sheet.write_string(3, 0, settings_line(result.settings, lang))

    docs = stats.by_document(result)
    depts = {d.doc: department_with_source(d, lang) for d in result.documents}
    sheet.write_string(4, 0, t(lang, "report.by_document"), styles["heading"])
    head = [t(lang, "col.document"), t(lang, "col.department"), t(lang, "report.status")] + _severity_head(lang)
    rows = [
        [
            d.doc,
            depts.get(d.doc, d.department),
            t(lang, "report.ok") if d.status == "ok" else t(lang, "unreadable"),
            *d.by_severity(),
            d.total,
        ]
        for d in docs
    ]
    rows.append([t(lang, "report.total"), "", "", *s["by_severity"].values(), s["issues"]])
    end = _table(sheet, styles, 5, 0, head, rows, severity_cols=3)
    left_out = deselected_rows(result.settings, lang)
    if left_out:
        sheet.write_string(end + 1, 0, t(lang, "run.deselected"), styles["heading"])
        _table(sheet, styles, end + 2, 0, [t(lang, "run.col.rule"), t(lang, "run.col.by")], left_out)
    doc_width = max([display_width(d.doc) for d in docs] + [10])
    sheet.set_column(0, 0, min(doc_width, 60) + 2)
    sheet.set_column(1, 1, min(max([display_width(v) for v in depts.values()] + [14]), 40) + 2)
    sheet.set_column(2, 2, 14)
    sheet.set_column(3, 6, 8)

    kinds = stats.by_kind(result)
    col = 8
    sheet.write_string(4, col, t(lang, "report.by_kind"), styles["heading"])
    head = [t(lang, "col.kind"), t(lang, "col.kind_code")] + _severity_head(lang)
    rows = [[kind_label(lang, k), k, *[c.get(sev, 0) for sev in SEVERITIES], sum(c.values())] for k, c in kinds]
    end = _table(sheet, styles, 5, col, head, rows, severity_cols=2)
    sheet.set_column(col, col, max([display_width(r[0]) for r in rows] + [10]) + 2)
    sheet.set_column(col + 1, col + 1, max([len(r[1]) for r in rows] + [6]) + 2)
    sheet.set_column(col + 2, col + 5, 8)
    if kinds:
        _kind_chart(book, sheet, lang, col, first=6, last=end - 1, at=end + 1)


def _kind_chart(book, sheet, lang: str, col: int, first: int, last: int, at: int) -> None:
    """A horizontal bar per kind, stacked by severity in the severity colours."""
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    for n, severity in enumerate(SEVERITIES):
        chart.add_series(
            {
                "name": [sheet.name, 5, col + 2 + n],
                "categories": [sheet.name, first, col, last, col],
                "values": [sheet.name, first, col + 2 + n, last, col + 2 + n],
                "fill": {"color": BAR_COLOR[severity]},
                "gap": 60,
            }
        )
    chart.set_title({"name": t(lang, "report.by_kind")})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": max(280, 28 * (last - first + 1) + 120)})
    sheet.insert_chart(at, col, chart)


def _departments_sheet(book, styles, result: AuditResult, lang: str) -> None:
    sheet = book.add_worksheet(t(lang, "sheet.departments"))
    depts = stats.by_department(result)
    kinds = [k for k, _ in stats.by_kind(result)]
    sheet.write_string(0, 0, t(lang, "report.ranking"), styles["heading"])
    head = [t(lang, "report.rank"), t(lang, "col.department"), t(lang, "report.documents")] + _severity_head(lang)
    head += [kind_label(lang, k) for k in kinds]
    rows = [
        [n, d.name, d.documents, *d.by_severity(), d.total, *[d.kinds.get(k, 0) for k in kinds]]
        for n, d in enumerate(depts, start=1)
    ]
    end = _table(sheet, styles, 1, 0, head, rows, severity_cols=3)

    projects = stats.top_projects(result)
    sheet.write_string(end + 1, 0, t(lang, "report.top_projects"), styles["heading"])
    head = [t(lang, "report.rank"), t(lang, "col.department"), t(lang, "col.project")] + _severity_head(lang)
    head.append(t(lang, "col.document"))
    rows = [[n, p.department, p.name, *p.by_severity(), p.total, p.doc] for n, p in enumerate(projects, start=1)]
    _table(sheet, styles, end + 2, 0, head, rows, severity_cols=3)
    names = [d.name for d in depts] + [p.name for p in projects] + [p.department for p in projects]
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 2, min(max([display_width(x) for x in names] + [10]), 40) + 2)
    sheet.set_column(3, 6 + len(kinds), 10)
    sheet.set_column(7, 7 + len(kinds), 12)


def _coverage_sheet(book, styles, result: AuditResult, lang: str) -> None:
    """One row per document: what was read and checked, so an empty issue list can be told from an unread file."""
    sheet = book.add_worksheet(t(lang, "sheet.coverage"))
    head = [
        t(lang, "col.document"),
        t(lang, "col.department"),
        t(lang, "report.status"),
        t(lang, "coverage.col.checked"),
    ] + [t(lang, f"coverage.col.{c}") for c in ("tables", "full", "indicators", "claims", "forms", "incomplete")]
    depts = departments(result)
    rows = []
    for d in result.documents:
        cov = coverage.of(d)
        if d.status != "ok":
            status, checked = t(lang, "unreadable"), None
        else:
            status, checked = t(lang, "report.ok"), coverage.line(d, lang) or t(lang, "coverage.not_measured")
        figures = [cov.tables, cov.tables_full, cov.indicators, cov.claims] if cov else [None] * 4
        rows.append(
            [
                d.doc,
                depts[d.doc],
                status,
                checked,
                *figures,
                coverage.forms_text(d, lang) or None,
                "\n".join(coverage.incomplete(d, lang)) or None,
            ]
        )
    tot = coverage.totals(result)
    rows.append([t(lang, "report.total"), None, None, None, tot.tables, tot.tables_full, tot.indicators, tot.claims])
    _table(sheet, styles, 0, 0, head, rows)
    last = len(head) - 1
    for r, values in enumerate(rows[:-1], start=1):  # the gaps read as a list, one table a line
        if values[last]:
            sheet.write_string(r, last, values[last][:_MAX_CELL], styles["wrap"])
    sheet.set_column(0, 0, min(max([display_width(d.doc) for d in result.documents] + [10]), 60) + 2)
    sheet.set_column(1, 2, 12)
    sheet.set_column(3, 3, min(max([display_width(r[3] or "") for r in rows] + [12]), 60) + 2)
    sheet.set_column(4, 7, 10)
    sheet.set_column(8, 8, 16)
    sheet.set_column(last, last, 70)
    sheet.autofilter(0, 0, max(len(rows) - 1, 1), last)
    sheet.freeze_panes(1, 0)
