"""Geometry for the PDF reader: characters into lines, lines into cells and paragraphs, tables stitched.

A PDF has no paragraphs or cells, only positioned characters. Two judgements
rebuild them. A line break is a *wrap* (joined without "\\n") when the next
line's first word would not have fitted on the line, so the break was forced
by the width; otherwise it was meant (a vertical header 产/出/指/标 keeps its
lines). A paragraph starts at an indented line or after a line that stops
short. Pure functions of plain data, so they are tested without a PDF.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from auditor.document import Cell, Document, Locator, Paragraph, Table

EDGE_TOLERANCE = 2.0  # points: column edges of two table parts that are "the same"
PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d+\s*(页)?(\s*/\s*共?\s*\d+\s*页?)?[-—–\s]*$")


@dataclass
class Line:
    """One line of text with its box; `margin` is True when it sits in a page's header or footer band."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_width: float  # width of the first word (first character for CJK), for the wrap judgement
    margin: bool = False


@dataclass
class PageTable:
    """A table found on one page (rows of cell texts after merge resolution, column edges); stitched
    continuations append their rows, `row_pages` telling each row's page."""

    page: int
    top: float
    rows: list[list[str]]
    edges: list[float]
    row_pages: list[int] = field(default_factory=list)


def lines_of(chars: list[dict]) -> list[Line]:
    """Group characters (pdfplumber dicts) into lines, top to bottom, each left to right."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines:
            last = lines[-1]
            ref = last[0]
            if abs(ch["top"] - ref["top"]) <= 0.5 * max(ref["size"], 1) or _overlap(ch, last) > 0.6:
                last.append(ch)
                continue
        lines.append([ch])
    return [_make_line(sorted(group, key=lambda c: c["x0"])) for group in lines]


def _overlap(ch: dict, line: list[dict]) -> float:
    top, bottom = min(c["top"] for c in line), max(c["bottom"] for c in line)
    height = max(min(ch["bottom"] - ch["top"], bottom - top), 0.01)
    return max(0.0, min(bottom, ch["bottom"]) - max(top, ch["top"])) / height


def _make_line(chars: list[dict]) -> Line:
    out, prev = [], None
    for ch in chars:
        if prev is not None and ch["x0"] - prev["x1"] > 0.3 * ch["size"] and " " not in (ch["text"], prev["text"]):
            out.append(" ")
        out.append(ch["text"])
        prev = ch
    text = "".join(out)
    first = chars[0]
    word = first
    if first["text"].isascii():  # a Latin word breaks as a whole; CJK text breaks between any two characters
        for ch in chars[1:]:
            if not ch["text"].isascii() or ch["text"].isspace():
                break
            word = ch
    first_width = word["x1"] - first["x0"]
    return Line(
        text=text,
        x0=first["x0"],
        x1=max(c["x1"] for c in chars),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=max(c["size"] for c in chars),
        first_width=first_width,
    )


def join(lines: list[Line], right: float, slack: float = 0.5) -> str:
    """Lines of one cell or paragraph: a wrap forced by `right` is joined, a meant break kept as '\\n'."""
    out = ""
    for i, line in enumerate(lines):
        if i:
            prev = lines[i - 1]
            wrapped = prev.x1 + line.first_width > right - slack
            glue = " " if _latin(out[-1:]) and _latin(line.text[:1]) else ""
            out += glue if wrapped else "\n"
        out += line.text
    return out


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def cell_text(chars_by_y: tuple[list[float], list[dict]], bbox: tuple) -> str:
    """Text of the characters whose centres fall in `bbox`, wraps judged against the cell's padding."""
    ys, chars = chars_by_y
    x0, top, x1, bottom = bbox
    lo, hi = bisect.bisect_left(ys, top), bisect.bisect_right(ys, bottom)
    inside = [c for c in chars[lo:hi] if x0 <= (c["x0"] + c["x1"]) / 2 <= x1]
    lines = lines_of(inside)
    if not lines:
        return ""
    padding = max(0.0, min(line.x0 for line in lines) - x0)  # NOTE: assumes left-aligned text, equal padding
    return join(lines, x1 - padding)


def paragraphs(items: list[tuple[int, Line]], left: float, right: float) -> list[tuple[int, str]]:
    """(page, text) of paragraphs from consecutive lines; a new one at an indent, a short line or a gap."""
    out: list[tuple[int, list[Line]]] = []
    last_page = 0
    for page, line in items:
        if out:
            prev = out[-1][1][-1]
            indented = line.x0 > left + 0.8 * line.size
            gap = page == last_page and line.top - prev.bottom > 1.2 * prev.size
            short = prev.x1 + line.first_width < right - line.size  # NOTE: one char slack for kinsoku
            if not (indented or gap or short) and abs(line.size - prev.size) < 1:
                out[-1][1].append(line)
                last_page = page
                continue
        out.append((page, [line]))
        last_page = page
    return [(page, join(lines, right, slack=lines[0].size)) for page, lines in out]


def stitches(prev: PageTable, nxt: PageTable) -> bool:
    """Whether `nxt` (first on its page) continues `prev` (last on the page before): the same outer
    edges, one column grid within the other, and a first row that is not a title spanning the table."""
    if nxt.page != prev.row_pages[-1] + 1 or not nxt.rows:
        return False
    if abs(prev.edges[0] - nxt.edges[0]) > EDGE_TOLERANCE or abs(prev.edges[-1] - nxt.edges[-1]) > EDGE_TOLERANCE:
        return False
    # NOTE: one part may lack an inner edge (merged cells hide it), so one grid must contain the other
    if not (_within(nxt.edges, prev.edges) or _within(prev.edges, nxt.edges)):
        return False
    return len(nxt.rows[0]) > 1 or len(prev.rows[-1]) == 1


def _within(edges: list[float], grid: list[float]) -> bool:
    return all(any(abs(e - g) <= EDGE_TOLERANCE for g in grid) for e in edges)


def assemble(pages: list[list[tuple[str, float, object]]], display: str) -> Document:
    """A Document from each page's items in reading order: ("table", top, PageTable) or ("line", top, Line)."""
    doc = Document(path=display, format="pdf")
    pages = drop_running_lines(pages)
    lines = [item for items in pages for kind, _, item in items if kind == "line"]
    left = min((line.x0 for line in lines), default=0.0)
    right = max((line.x1 for line in lines), default=0.0)
    pending: list[tuple[int, Line]] = []
    last: PageTable | None = None
    for page, items in enumerate(pages, start=1):
        for position, (kind, _, item) in enumerate(items):
            if kind == "line":
                pending.append((page, item))
                last = None
                continue
            _flush(doc, pending, left, right)
            if last is not None and position == 0 and stitches(last, item):
                _extend(last, item)
            else:
                doc.blocks.append(item)  # turned into a Table below, keeping its place
                last = item
    _flush(doc, pending, left, right)
    count = 0
    for i, block in enumerate(doc.blocks):
        if isinstance(block, PageTable):
            count += 1
            doc.blocks[i] = _to_table(block, count)
    return doc


def drop_running_lines(pages: list[list[tuple[str, float, object]]]) -> list[list[tuple[str, float, object]]]:
    """Pages without page numbers and running headers/footers: margin lines that look like a page
    number or repeat (digits aside) on several pages. They would split a paragraph or a table that
    continues on the next page."""
    seen: dict[str, set[int]] = {}
    for page, items in enumerate(pages):
        for kind, _, item in items:
            if kind == "line" and item.margin:
                seen.setdefault(re.sub(r"\d+", "#", item.text.strip()), set()).add(page)

    def running(kind: str, item: object) -> bool:
        if kind != "line" or not item.margin:
            return False
        return bool(PAGE_NUMBER.match(item.text)) or len(seen[re.sub(r"\d+", "#", item.text.strip())]) > 1

    return [[entry for entry in items if not running(entry[0], entry[2])] for items in pages]


def _flush(doc: Document, pending: list, left: float, right: float) -> None:
    for page, text in paragraphs(pending, left, right):
        if text.strip():
            doc.blocks.append(Paragraph(text=text.strip(), loc=Locator(page=page)))
    pending.clear()


def _extend(prev: PageTable, nxt: PageTable) -> None:
    rows = nxt.rows[1:] if nxt.rows[0] == prev.rows[0] else nxt.rows  # a header row Word repeats on each page
    prev.rows.extend(rows)
    prev.row_pages.extend([nxt.page] * len(rows))


def _to_table(t: PageTable, index: int) -> Table:
    rows = [
        [
            Cell(text=text, loc=Locator(page=t.row_pages[i], table=index, row=i + 1, column=j + 1))
            for j, text in enumerate(row)
        ]
        for i, row in enumerate(t.rows)
    ]
    return Table(rows=rows, loc=Locator(page=t.page, table=index), index=index)
