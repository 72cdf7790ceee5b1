"""A parsed web page as blocks: paragraphs in reading order, tables with rowspan/colspan resolved.

The shape is the one the .docx reader gives, so that a report and its web page
give the same records: one Cell per <td>/<th> (a colspan is one cell, as Word's
gridSpan is), an empty Cell in each place a rowspan from above covers (as a
Word vMerge continuation), a cell's lines joined by "\\n". Locators are Word's:
`paragraph` (1-based, emitted paragraphs), `table` (1-based), `row`/`column`
(1-based positions in the table's rows and in the row).

What a reader does not see is left out: scripts, styles, forms' controls,
frames, hidden elements, and the portal's chrome around the report
(`html_chrome`). Tables used for layout (a table holding tables, a single
cell, role="presentation") are walked as the flow of their cells' content.
"""

from __future__ import annotations

import re

from lxml import etree

from auditor.document import Cell, Document, Locator, Paragraph, Table
from auditor.read.errors import UnreadableInput
from auditor.read.html_chrome import Chrome, chrome_table, chrome_text
from auditor.read.script import simplified

MAX_CELLS = 1_000_000  # cells of all tables in one page, rowspan places included
MAX_COLSPAN = 1_000  # the HTML standard's own cap
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd pre blockquote section article main center address "
    "figure figcaption caption hr body html form fieldset legend details summary tbody thead tfoot tr".split()
)
_CELL_TAGS = ("td", "th")
_SPACE = re.compile(r"[ \t\r\n\f]+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def walk_page(root: etree._Element, display: str) -> Document:
    """The blocks of a parsed page (the root lxml.html gave)."""
    doc = Document(path=display, format="html")
    body = root.find("body") if root.tag == "html" else None
    walker = _Walker(doc, display, Chrome(root))
    walker.flow(body if body is not None else root)
    walker.end_paragraph()
    _simplify(doc)
    return doc


def collapse(text: str) -> str:
    """Whitespace as a browser shows it: a run is one space, and a line break between Chinese characters none."""

    def one(m: re.Match) -> str:
        if "\n" not in m.group(0) and "\r" not in m.group(0):
            return " "
        before, after = m.string[m.start() - 1 : m.start()], m.string[m.end() : m.end() + 1]
        return "" if before and after and _WIDE.match(before) and _WIDE.match(after) else " "

    return _SPACE.sub(one, text)


class _Walker:
    def __init__(self, doc: Document, display: str, chrome: Chrome) -> None:
        self.doc, self.display, self.skipped = doc, display, chrome.skipped
        self.pieces: list[str] = []
        self.paragraphs = self.tables = self.cells = 0

    # --- the flow of paragraphs --------------------------------------------------------------

    def flow(self, el: etree._Element) -> None:
        if el.text:
            self.pieces.append(el.text)
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and not self.skipped(child):
                if tag == "table":
                    self.end_paragraph()
                    self.table(child)
                elif tag == "br":
                    self.end_paragraph()
                elif tag in _BLOCK or tag in _CELL_TAGS:
                    self.end_paragraph()
                    self.flow(child)
                    self.end_paragraph()
                else:
                    self.flow(child)
            if child.tail:
                self.pieces.append(child.tail)

    def end_paragraph(self) -> None:
        if not self.pieces:
            return
        text = collapse("".join(self.pieces)).strip()
        self.pieces = []
        if text and not chrome_text(text):
            self.paragraphs += 1
            self.doc.blocks.append(Paragraph(text=text, loc=Locator(paragraph=self.paragraphs)))

    # --- tables ------------------------------------------------------------------------------

    def table(self, tbl: etree._Element) -> None:
        rows = [tr for tr in _rows(tbl) if not self.skipped(tr)]
        if _layout(tbl, rows):
            for el in tbl:  # caption and rows, each cell a flow of its own
                if isinstance(el.tag, str) and not self.skipped(el):
                    self.flow(el)
                    self.end_paragraph()
            return
        for caption in tbl.findall("caption"):
            self.flow(caption)
            self.end_paragraph()
        grid = self.grid(rows)
        if not grid or chrome_table([[c.text for c in row] for row in grid]):
            return
        self.tables += 1
        index = self.tables
        for r, row in enumerate(grid, start=1):
            for c, cell in enumerate(row, start=1):
                cell.loc = Locator(table=index, row=r, column=c)
        self.doc.blocks.append(Table(rows=grid, loc=Locator(table=index), index=index))

    def grid(self, rows: list[etree._Element]) -> list[list[Cell]]:
        """Rows of cells, each place a rowspan from above covers given as an empty cell."""
        pending: dict[int, list[int]] = {}  # grid column -> [rows still covered, columns spanned]
        out: list[list[Cell]] = []
        for k, tr in enumerate(rows):
            left = len(rows) - k
            cells: list[Cell] = []
            covered: set[int] = set()
            col = 0
            tds = iter(c for c in tr if c.tag in _CELL_TAGS and not self.skipped(c))
            while True:
                if col in pending:
                    covered.add(col)
                    cells.append(Cell("", Locator()))
                    col += pending[col][1]
                    continue
                td = next(tds, None)
                if td is None:
                    break
                span, down = _span(td.get("colspan"), MAX_COLSPAN), _span(td.get("rowspan"), left, zero=left)
                cells.append(Cell(cell_text(td, self.skipped), Locator()))
                if down > 1:
                    pending[col] = [down, span]
                    covered.add(col)
                col += span
            for c in sorted(pending):
                if c >= col and c not in covered:  # covered places after the row's last cell
                    covered.add(c)
                    cells.append(Cell("", Locator()))
            for c in list(pending):
                pending[c][0] -= 1
                if pending[c][0] <= 0:
                    del pending[c]
            self.cells += len(cells)
            if self.cells > MAX_CELLS:
                raise UnreadableInput(
                    f"{self.display}: refused: the page's tables hold more than {MAX_CELLS} cells; not a report"
                )
            if cells:
                out.append(cells)
        return out


def cell_text(td: etree._Element, skipped) -> str:
    """A cell's lines: its paragraphs, line breaks and nested tables' cells, as Word joins a cell's paragraphs."""
    lines: list[str] = []
    current: list[str] = []

    def end(force: bool = False) -> None:
        text = collapse("".join(current)).strip(" ")
        current.clear()
        if text or force:
            lines.append(text)

    def visit(el: etree._Element) -> None:
        if el.text:
            current.append(el.text)
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and not skipped(child):
                if tag == "br":
                    end(force=True)
                elif tag in _BLOCK or tag in _CELL_TAGS or tag == "table":
                    end()
                    visit(child)
                    end()
                else:
                    visit(child)
            if child.tail:
                current.append(child.tail)

    visit(td)
    end()
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def _rows(tbl: etree._Element):
    """The table's own rows, through thead/tbody/tfoot, never a nested table's."""
    for el in tbl:
        if el.tag == "tr":
            yield el
        elif el.tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in el if tr.tag == "tr")


def _layout(tbl: etree._Element, rows: list[etree._Element]) -> bool:
    """A table that lays out a page rather than holding data."""
    if (tbl.get("role") or "").lower() in ("presentation", "none"):
        return True
    cells = [c for tr in rows for c in tr if c.tag in _CELL_TAGS]
    if len(cells) <= 1:
        return True
    return any(True for cell in cells for _ in cell.iter("table"))


def _span(value: str | None, cap: int, zero: int = 1) -> int:
    """A colspan/rowspan as browsers read it: leading digits, at least 1, at most `cap` (0: `zero`)."""
    m = re.match(r"\s*(\d+)", value or "")
    if not m:
        return 1
    n = int(m.group(1)[:7])
    if n == 0:
        return max(zero, 1)
    return max(1, min(n, cap))


def _simplify(doc: Document) -> None:
    """A page a mirror rendered in traditional characters (with pinyin inserted) back in simplified ones."""
    texts = [item.text for block in doc.blocks for item in _cells_or_self(block)]
    joined = "\n".join(texts)
    converted = simplified(joined)
    if converted is joined:
        return
    lines = iter(converted.split("\n"))
    for block in doc.blocks:
        for item in _cells_or_self(block):
            n = item.text.count("\n") + 1
            item.text = "\n".join(next(lines, "") for _ in range(n))


def _cells_or_self(block):
    if isinstance(block, Table):
        return [c for row in block.rows for c in row]
    return [block]
