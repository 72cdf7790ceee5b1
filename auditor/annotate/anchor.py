"""Find, in a Word document.xml tree, the paragraph or table cell an issue's Locator points at.

The docx reader (auditor/read/docx.py) numbers body paragraphs and tables in
body order and rows and cells by their position; recognition then replaces the
row and column numbers by the labels a person sees (年度资金总额, 执行率). So a
cell is found from either: numbers are taken as the reader counts them, labels
are matched against the cells' text, and the found value, the evidence and the
column headings settle which cell of the row is meant. Counting here mirrors
the reader's rules, and tests/render/test_annotate.py checks both agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from auditor.document import Locator

_MC_ALT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
_SPACE = re.compile(r"[\s\u3000\u00a0\u200b]+")


def normalise(text: str) -> str:
    """Text compared without layout: no whitespace, half-width brackets, no trailing colon."""
    return _SPACE.sub("", text).replace("（", "(").replace("）", ")").rstrip("：:").lower()


@dataclass
class Cell:
    tc: etree._Element
    text: str
    grid: tuple[int, int]  # first and last grid column it covers


class Body:
    """The body-level paragraphs and tables of a document.xml root, numbered as the docx reader numbers them."""

    def __init__(self, root: etree._Element) -> None:
        self.w = w = f"{{{etree.QName(root).namespace}}}"
        self.body = root.find(w + "body")
        self.paragraphs: list[etree._Element] = []
        self.tables: list[etree._Element] = []
        # NOTE: what the reader does not descend into (deleted content, properties) holds no block it counts
        self._skip = {w + n for n in ("del", "moveFrom", "sectPr", "sdtPr", "sdtEndPr", "altChunk", "pPr", "tblPr")}
        if self.body is not None:
            self._walk(self.body)

    def _walk(self, parent: etree._Element) -> None:
        for el in parent:
            if el.tag == self.w + "p":
                self.paragraphs.append(el)
            elif el.tag == self.w + "tbl":
                self.tables.append(el)
            elif el.tag == _MC_ALT:
                choice = el.find(_MC_CHOICE)
                self._walk(choice if choice is not None else el)
            elif isinstance(el.tag, str) and el.tag not in self._skip:
                self._walk(el)

    def text(self, el: etree._Element) -> str:
        """The visible text of a paragraph or cell (w:t outside deletions)."""
        return "".join(t.text or "" for t in self.text_nodes(el))

    def text_nodes(self, el: etree._Element) -> list[etree._Element]:
        """The w:t elements under `el` in document order, leaving out deleted text and field codes."""
        out: list[etree._Element] = []
        hidden = (self.w + "del", self.w + "moveFrom", self.w + "instrText")
        for child in el:
            if child.tag == self.w + "t":
                out.append(child)
            elif isinstance(child.tag, str) and child.tag not in hidden:
                out.extend(self.text_nodes(child))
        return out

    def rows(self, tbl: etree._Element) -> list[list[Cell]]:
        """A table's rows of cells as the reader emits them, each cell with the grid columns it spans."""
        w, rows = self.w, []
        for tr in self._children(tbl, w + "tr"):
            if _flag(tr, w + "trPr", w + "del", w):
                continue
            before = tr.find(f"{w}trPr/{w}gridBefore")
            g = int(before.get(w + "val", "0")) if before is not None else 0
            cells = []
            for tc in self._children(tr, w + "tc"):
                span_el = tc.find(f"{w}tcPr/{w}gridSpan")
                span = int(span_el.get(w + "val", "1")) if span_el is not None else 1
                hmerge = tc.find(f"{w}tcPr/{w}hMerge")
                continued = hmerge is not None and hmerge.get(w + "val", "continue") == "continue"
                if not _flag(tc, w + "tcPr", w + "cellDel", w) and not continued:
                    cells.append(Cell(tc, self.text(tc), (g, g + span - 1)))
                elif continued and cells:
                    cells[-1].grid = (cells[-1].grid[0], g + span - 1)
                g += span
            if cells:
                rows.append(cells)
        return rows

    def _children(self, parent: etree._Element, want: str):
        for el in parent:
            if el.tag == want:
                yield el
            elif (
                isinstance(el.tag, str)
                and el.tag not in self._skip
                and el.tag not in (self.w + "tc", self.w + "tr", self.w + "p", self.w + "tbl")
            ):
                yield from self._children(el, want)


def _flag(el: etree._Element, props: str, name: str, w: str) -> bool:
    found = el.find(f"{props}/{name}")
    return found is not None and found.get(w + "val") not in ("0", "false", "off")


@dataclass
class Anchor:
    """Where a comment goes: a table cell, or a paragraph (with the character span of the sentence)."""

    element: etree._Element
    kind: str  # "cell" or "paragraph"
    span: tuple[int, int] | None = None


def find(body: Body, loc: Locator, found: str | None, evidence: str | None) -> Anchor | None:
    """The anchor of an issue, or None when its locator names nothing in this document."""
    if loc.table is not None and 1 <= loc.table <= len(body.tables):
        tc = find_cell(body, body.tables[loc.table - 1], loc.row, loc.column, found, evidence)
        return Anchor(tc, "cell") if tc is not None else None
    if isinstance(loc.paragraph, int) and 1 <= loc.paragraph <= len(body.paragraphs):
        p = body.paragraphs[loc.paragraph - 1]
        text = body.text(p)
        for needle in (evidence, found):
            if needle and needle.strip() and needle.strip() in text:
                start = text.index(needle.strip())
                return Anchor(p, "paragraph", (start, start + len(needle.strip())))
        return Anchor(p, "paragraph")
    return None


def find_cell(body: Body, tbl, row, column, found: str | None, evidence: str | None):
    rows = body.rows(tbl)
    if not rows:
        return None
    if isinstance(row, int):
        r = row - 1 if 1 <= row <= len(rows) else None
    else:
        r = _row_by_label(rows, row) if row else None
    if r is None:
        if row is None and column is None:
            return rows[0][0].tc  # the table as a whole (e.g. a table not read in full)
        hit = _unique(rows, [c for cells in rows for c in cells], evidence)
        return hit.tc if hit else None
    cells = rows[r]
    if isinstance(column, int):
        return cells[column - 1].tc if 1 <= column <= len(cells) else cells[0].tc
    for needle in (evidence, found):
        hit = _unique(rows, cells, needle, column, r)
        if hit:
            return hit.tc
    heading = _heading_column(rows, r, column) if column else None
    if heading is not None:
        for cell in cells:
            if cell.grid[0] <= heading <= cell.grid[1]:
                return cell.tc
    return cells[_row_by_label([cells], row, index_of_cell=True) or 0].tc


def _row_by_label(rows: list[list[Cell]], label: str, index_of_cell: bool = False) -> int | None:
    """The first row (or, with index_of_cell, the first cell of one row) whose text is the label."""
    want = normalise(str(label))
    if not want:
        return None
    for test in (lambda s: s == want, lambda s: s.startswith(want), lambda s: len(want) > 1 and want in s):
        for n, cells in enumerate(rows):
            for m, cell in enumerate(cells):
                if test(normalise(cell.text)):
                    return m if index_of_cell else n
    return None


def _unique(rows, cells: list[Cell], needle: str | None, column=None, r: int = 0) -> Cell | None:
    """The cell whose text is the needle; several such cells are told apart by the column heading."""
    if not needle or not normalise(needle):
        return None
    hits = [c for c in cells if normalise(c.text) == normalise(needle)]
    if len(hits) > 1 and column:
        heading = _heading_column(rows, r, column)
        hits = [c for c in hits if heading is not None and c.grid[0] <= heading <= c.grid[1]] or hits
    return hits[0] if hits else None


def _heading_column(rows: list[list[Cell]], r: int, column) -> int | None:
    """The grid column of the nearest heading above row `r` that names `column` (分值, 执行率（B/A) ...)."""
    want = normalise(str(column))
    for test in (lambda s: s == want, lambda s: want in s):
        for n in range(r - 1, -1, -1):
            for cell in rows[n]:
                if test(normalise(cell.text)):
                    return cell.grid[0]
    return None
