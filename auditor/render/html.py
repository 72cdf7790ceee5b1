"""One self-contained HTML report: summary, charts, and an issue table people filter and sort offline.

Rows are rendered in Python, so tests can parse the page and its first page of
rows reads with scripts off; the small inline script only hides, shows and
reorders rows. Every value is escaped (by Jinja's autoescaping in the template,
by markupsafe in the rows); the one piece of markup built around report text,
the `<mark>` around the found figure, is assembled from escaped parts.
"""

from __future__ import annotations

import json
import re
from functools import partial

import jinja2
from markupsafe import Markup, escape

from auditor.i18n import reader_reason, t
from auditor.issue import SEVERITIES
from auditor.render import coverage, stats
from auditor.render.html_template import CSS, JS, TEMPLATE
from auditor.render.provenance import deselected_rows, parts
from auditor.render.rows import department_with_source, departments, kind_label
from auditor.render.svg import bar_chart
from auditor.result import AuditResult

_DEPARTMENTS_CHARTED = 15
#: Batches up to this many documents show the coverage table open; larger ones fold it, as each document's summary.
_OPEN_UP_TO = 5
_COLUMNS = ("severity", "document", "project", "kind", "rule", "location", "message", "expected", "found", "evidence")
#: Rows laid out at first; the rest are in the page but hidden until asked for or filtered to.
PAGE = 500
_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_TEMPLATE = _ENV.from_string(TEMPLATE)


def render(result: AuditResult, lang: str = "zh", color: bool = False) -> str:
    """The whole page as one string (`color` is for terminals and ignored)."""
    documents = stats.by_document(result)
    by_dept = stats.by_department(result)
    kinds = stats.by_kind(result)
    charted = sorted(by_dept, key=lambda d: (-d.total, d.name))[:_DEPARTMENTS_CHARTED]
    return _TEMPLATE.render(
        t=partial(t, lang),
        html_lang="zh-CN" if lang == "zh" else lang,
        version=result.version,
        rules=result.rules_version,
        css=Markup(CSS),
        js=Markup(JS),
        severities=SEVERITIES,
        summary=result.summary(),
        documents=documents,
        departments=by_dept,
        unreadable=[
            {"doc": d.doc, "reason": reader_reason(d.reason or "", lang)} for d in result.documents if d.status != "ok"
        ],
        settings=parts(result.settings, lang),
        deselected=deselected_rows(result.settings, lang),
        details=_details(result, documents, lang),
        fold=len(result.documents) > _OPEN_UP_TO,
        kinds=[{"kind": k, "label": kind_label(lang, k), "n": sum(c.values())} for k, c in kinds],
        kind_chart=bar_chart([(kind_label(lang, k), c) for k, c in kinds], t(lang, "report.by_kind"), lang),
        dept_chart=bar_chart(
            [(d.name, d.severity) for d in charted if d.total],
            t(lang, "report.by_department"),
            lang,
            more=max(0, sum(1 for d in by_dept if d.total) - len(charted)),
        ),
        columns=[t(lang, f"col.{c}") for c in _COLUMNS],
        column_classes=_COLUMNS,
        n_issues=len(result.issues),
        rows=_rows(result, lang),
        page=PAGE,
        coverage=_coverage(result, lang),
        totals=coverage.totals(result),
        no_issues=_no_issues(result, lang),
    )


def _details(result: AuditResult, tallies: list, lang: str) -> list[dict]:
    """Per document, the folded summary: its department and where that was read, issues by severity, coverage."""
    counts = {d.doc: d for d in tallies}
    out = []
    for d in result.documents:
        tally = counts.get(d.doc)
        by_severity = dict(zip(SEVERITIES, tally.by_severity())) if tally else dict.fromkeys(SEVERITIES, 0)
        cov = coverage.of(d)
        out.append(
            {
                "doc": d.doc,
                "department": department_with_source(d, lang),
                "severity": by_severity,
                "total": sum(by_severity.values()),
                "status": d.status,
                "reason": reader_reason(d.reason or "", lang) if d.status != "ok" else "",
                "checked": coverage.line(d, lang) or "",
                "nothing": bool(cov and cov.nothing_checkable),
                "forms": coverage.forms_text(d, lang),
                "incomplete": coverage.incomplete(d, lang),
            }
        )
    return out


def _coverage(result: AuditResult, lang: str) -> list[dict]:
    """Per document what was read and checked, for the coverage table (empty when no document says)."""
    if not coverage.totals(result).documents:
        return []
    out = []
    for d in result.documents:
        cov = coverage.of(d)
        if d.status != "ok":
            checked, state = t(lang, "unreadable"), "unreadable"
        elif cov is None:
            checked, state = t(lang, "coverage.not_measured"), "unknown"
        else:
            checked, state = coverage.line(d, lang), "nothing" if cov.nothing_checkable else "ok"
        out.append(
            {
                "doc": d.doc,
                "state": state,
                "checked": checked,
                "cov": cov,
                "forms": coverage.forms_text(d, lang),
                "incomplete": coverage.incomplete(d, lang),
            }
        )
    return out


def _no_issues(result: AuditResult, lang: str) -> str:
    """What an empty issue list says: never a bare "no issue" for documents in which nothing was checked."""
    nothing = coverage.totals(result).nothing
    if not nothing:
        return t(lang, "report.no_issues")
    if nothing == sum(d.status == "ok" for d in result.documents):
        return t(lang, "coverage.nothing")
    return t(lang, "report.no_issues") + coverage.summary_nothing(lang, nothing)


def _rows(result: AuditResult, lang: str) -> Markup:
    """The issue table's rows, built here rather than in the template.

    NOTE: a Jinja loop spent 5 of 8 seconds on 32,000 rows in attribute lookups;
    one f-string per row over escaped values gives the same HTML in a fraction.
    Rows after the first PAGE carry `hidden`: a browser took 40 s to lay out
    32,000 visible rows and 6 s to parse them hidden; the script shows more on
    demand and filters over all of them.
    """
    depts = departments(result)
    labels = {s: _e(t(lang, f"severity.{s}")) for s in SEVERITIES}
    out = []
    for n, i in enumerate(result.issues, start=1):
        doc = _e(i.doc)
        loc = json.dumps(i.location.as_dict(), ensure_ascii=False)
        out.append(
            f'<tr class="{i.severity}" data-sev="{i.severity}" data-kind="{_e(i.kind)}" data-doc="{doc}" '
            f'data-dept="{_e(depts[i.doc])}"{" hidden" if n > PAGE else ""}>\n'
            f'<td class="sev" data-sort="{SEVERITIES.index(i.severity)}"><span>{labels[i.severity]}</span></td>'
            f'<td class="doc" title="{doc}">{_e(_short_path(i.doc))}</td><td>{_e(i.project or "")}</td>\n'
            f'<td>{_e(kind_label(lang, i.kind))}</td><td class="code">{_e(i.rule)}</td>'
            f'<td class="loc" data-sort="{n}" title="{_e(loc)}">{_e(i.location.short())}</td>\n'
            f"<td>{_e(i.message_in(lang))}</td><td>{_e(i.expected_in(lang) or '')}</td>"
            f'<td>{_e(i.found or "")}</td><td class="ev">{highlight(i.evidence or "", i.found or "")}</td></tr>'
        )
    return Markup("\n".join(out))


def _e(value: str) -> str:
    return str(escape(value))


def highlight(evidence: str, found: str) -> Markup:
    """The evidence, escaped, with each occurrence of the found figure wrapped in `<mark>`.

    A number is matched only where it stands alone, so found "10" marks the 10 of
    "分值 10" and not the start of "100%"; when no such occurrence exists the
    plain substring is marked; when the figure is not in the evidence, nothing is.
    """
    if not found or found not in evidence:
        return escape(evidence)
    pattern = re.escape(found)
    if found[0].isdigit():
        pattern = r"(?<![\d.])" + pattern
    if found[-1].isdigit():
        pattern += r"(?![\d.%])"
    spans = [m.span() for m in re.finditer(pattern, evidence)] or [
        m.span() for m in re.finditer(re.escape(found), evidence)
    ]
    out, at = [], 0
    for start, end in spans:
        out.append(f"{_e(evidence[at:start])}<mark>{_e(evidence[start:end])}</mark>")
        at = end
    out.append(_e(evidence[at:]))
    return Markup("".join(out))


def _short_path(doc: str) -> str:
    """The folder and file name: enough to tell reports apart in a row (the full path is its tooltip)."""
    parts = doc.replace("\\", "/").rsplit("/", 2)
    return "/".join(parts[-2:])
