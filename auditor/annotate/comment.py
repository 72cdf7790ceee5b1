"""The text of one Word comment: severity, kind and rule, the message, expected and found, where it belongs."""

from __future__ import annotations

from lxml import etree

from auditor.annotate.marks import XML_SPACE
from auditor.i18n import t
from auditor.issue import Issue
from auditor.render.rows import kind_label


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters copied from other programs)."""
    return "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


def comment(w: str, cid: str, issue: Issue, lang: str, author: str, placed: bool) -> etree._Element:
    """The w:comment of `issue` with id `cid`; an issue not `placed` at its locator says where it belongs."""
    lines = [
        f"[{t(lang, 'severity.' + issue.severity)}] {kind_label(lang, issue.kind)} · {issue.rule}",
        issue.message_in(lang),
    ]
    expected = issue.expected_in(lang)
    if expected is not None or issue.found is not None:
        lines.append(f"{t(lang, 'expected')} {expected or '—'}；{t(lang, 'found')} {issue.found or '—'}")
    if not placed:
        where = issue.location.short()
        detail = ", ".join(f"{k}={v}" for k, v in issue.location.as_dict().items())
        lines.append(t(lang, "annotate.unanchored", where=f"{where} ({detail})" if detail else where))
    # NOTE: no w:date, so annotating the same report twice gives the same bytes
    el = etree.Element(w + "comment", {w + "id": cid, w + "author": author, w + "initials": "AU"})
    for n, line in enumerate(lines):
        p = etree.SubElement(el, w + "p")
        if n == 0:
            etree.SubElement(etree.SubElement(p, w + "r"), w + "annotationRef")
        text = etree.SubElement(etree.SubElement(p, w + "r"), w + "t")
        text.text = _clean(line)
        text.set(XML_SPACE, "preserve")
    return el
