"""Put a Word comment's range markers and reference around an anchor (a cell, a paragraph, a sentence).

A comment on a sentence needs run boundaries where the sentence starts and ends;
Word text runs rarely break there, so the runs are split (each half keeps the
run's formatting) before the markers go in. Splitting changes no visible text,
so the annotated copy reads, and audits, exactly like the original.
"""

from __future__ import annotations

import copy

from lxml import etree

from auditor.annotate.anchor import Anchor, Body

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def mark(body: Body, where: Anchor, cid: str) -> None:
    """Insert commentRangeStart/End and the commentReference run for comment `cid` at `where`."""
    w = body.w
    start = etree.Element(w + "commentRangeStart", {w + "id": cid})
    end = etree.Element(w + "commentRangeEnd", {w + "id": cid})
    ref = etree.Element(w + "r")
    etree.SubElement(ref, w + "commentReference", {w + "id": cid})
    if where.kind == "paragraph" and where.span and _mark_span(body, where.element, where.span, start, end, ref):
        return
    if where.kind == "cell":
        paragraphs = where.element.findall(w + "p") or [etree.SubElement(where.element, w + "p")]
        first, last = paragraphs[0], paragraphs[-1]
    else:
        first = last = where.element
    _at_start(body, first, start)
    last.append(end)
    last.append(ref)


def _at_start(body: Body, p: etree._Element, el: etree._Element) -> None:
    """First in the paragraph's content: after its properties (w:pPr must stay first)."""
    ppr = p.find(body.w + "pPr")
    if ppr is not None:
        ppr.addnext(el)
    else:
        p.insert(0, el)


def _mark_span(body: Body, p: etree._Element, span: tuple[int, int], start, end, ref) -> bool:
    """Markers around characters span[0]:span[1] of the paragraph's text; False when runs do not allow it."""
    s, e = span
    if not (_split_at(body, p, e) and _split_at(body, p, s)):
        return False
    first = last = None
    offset = 0
    for node in body.text_nodes(p):
        length = len(node.text or "")
        if length and first is None and offset == s:
            first = node.getparent()
        if length and offset + length == e:
            last = node.getparent()
        offset += length
    if first is None or last is None:
        return False
    first.addprevious(start)
    last.addnext(end)
    end.addnext(ref)
    return True


def _split_at(body: Body, p: etree._Element, at: int) -> bool:
    """Make a run boundary at character `at` of the paragraph's text, splitting one run in two if needed."""
    offset = 0
    for node in body.text_nodes(p):
        text = node.text or ""
        if offset < at < offset + len(text):
            run = node.getparent()
            if run is None or run.tag != body.w + "r":
                return False  # NOTE: text outside a run (math, fields) is left whole
            _split_run(body, run, node, at - offset)
            return True
        offset += len(text)
    return True


def _split_run(body: Body, run: etree._Element, node: etree._Element, k: int) -> None:
    """Split `run` inside its text node `node` at character k; both halves keep the run's properties."""
    twin = copy.deepcopy(run)
    children = list(run)
    i = children.index(node)
    text = node.text or ""
    for child in children[i + 1 :]:
        run.remove(child)
    node.text = text[:k]
    node.set(XML_SPACE, "preserve")
    twin_children = list(twin)
    for child in twin_children[:i]:
        if child.tag != body.w + "rPr":
            twin.remove(child)
    twin_children[i].text = text[k:]
    twin_children[i].set(XML_SPACE, "preserve")
    twin.tail, run.tail = run.tail, None
    run.addnext(twin)
