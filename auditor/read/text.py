"""Text copied from Word: the form most reports reach reviewers in.

Word's copy-as-text writes a table cell as a line that starts with a TAB; a
line without a tab directly after a cell continues that cell (so a vertical
header 产/出/指/标 comes back as one cell); a blank line ends a row; a line
without a tab anywhere else is a paragraph. An empty tab line is an empty cell,
which is how a vertically merged cell shows on its later rows.
"""
from __future__ import annotations

from pathlib import Path

from auditor.document import Cell, Document, Locator, Paragraph, Table
from auditor.read.encoding import decode


def read(path: Path, display: str) -> Document:
    text = decode(path.read_bytes(), display)
    return parse_text(text, display)


def parse_text(text: str, display: str = "<text>") -> Document:
    """Split lines into paragraphs and ragged tables, each piece located by its 1-based line."""
    doc = Document(path=display, format="txt")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    table_line = 0
    blank_run = 0
    tables = 0
    # NOTE: a cell's continuation lines are joined once, when the cell ends, and tables are counted,
    # not recounted: `text += line` per line and counting the tables at every table were both
    # quadratic (4 MB of continuation lines: 30 s; 40,000 one-cell tables: 72 s).
    continuation: list[str] = []

    def end_cell() -> None:
        if continuation:
            row[-1].text = "\n".join([row[-1].text, *continuation])
            continuation.clear()

    def close_table() -> None:
        nonlocal rows, row, tables
        end_cell()
        if row:
            rows.append(row)
            row = []
        if rows:
            tables += 1
            index = tables
            doc.blocks.append(Table(rows=rows, loc=Locator(line=table_line, table=index), index=index))
            for r in rows:
                for c in r:
                    c.loc = Locator(line=c.loc.line, table=index)
            rows = []

    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            if not rows and not row:
                table_line = number
            if blank_run > 1:  # NOTE: two blank lines end a table even when a cell follows
                close_table()
                table_line = number
            blank_run = 0
            end_cell()
            row.append(Cell(text=line[1:].rstrip("\n"), loc=Locator(line=number)))
        elif line.strip() == "" and "\u3000" not in line and "\u00a0" not in line and line == line.strip(" "):
            blank_run += 1
            if row:
                end_cell()
                rows.append(row)
                row = []
        elif row and blank_run == 0:
            continuation.append(line)  # a continuation line of the cell above
        else:
            close_table()
            blank_run = 0
            if line.strip():
                doc.blocks.append(Paragraph(text=line.strip(), loc=Locator(line=number)))
    close_table()
    return doc
