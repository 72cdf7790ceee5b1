"""Text copied from Word: the form most reports reach reviewers in.

Word's copy-as-text writes a table cell as a line that starts with a TAB; a
line without a tab directly after a cell continues that cell (so a vertical
header 产/出/指/标 comes back as one cell); a blank line ends a row; a line
without a tab anywhere else is a paragraph. An empty tab line is an empty cell,
which is how a vertically merged cell shows on its later rows.

Tables in other text shapes (` | `-separated rows, a cell a line between `|`
marks, tab-separated rows from a browser or Excel) are read by
`auditor.read.text_tables` where such a block starts outside a Word table.
"""

from __future__ import annotations

from pathlib import Path

from auditor.document import Cell, Document, Locator, Paragraph, Table
from auditor.read import text_tables
from auditor.read.encoding import decode
from auditor.read.script import simplified


def read(path: Path, display: str) -> Document:
    text = simplified(decode(path.read_bytes(), display))
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

    def add_table(table_rows: list[list[Cell]], first_line: int) -> None:
        nonlocal tables
        tables += 1  # NOTE: the number its cells were located in as they were read (nothing else counts meanwhile)
        doc.blocks.append(Table(rows=table_rows, loc=Locator(line=first_line, table=tables), index=tables))

    def close_table() -> None:
        nonlocal rows, row
        end_cell()
        if row:
            rows.append(row)
            row = []
        if rows:
            add_table(rows, table_line)
            rows = []

    def other_shape(i: int) -> int:
        """Read the pipe or tab-separated block at lines[i]; the index after it."""
        nonlocal blank_run, tables
        close_table()
        blank_run = 0
        blocks, end = text_tables.read_blocks(lines, i, tables + 1)
        tables += sum(1 for b in blocks if isinstance(b, Table))
        doc.blocks.extend(blocks)
        return end

    i = 0
    while i < len(lines):
        number, line = i + 1, lines[i]
        # NOTE: only a line with a `|` or a tab after its first character can start another shape
        # (`_other_shape_starts` of any other line is False): a function call less for most lines
        if (
            not row
            and ("|" in line or line.find("\t", 1) >= 0)
            and _other_shape_starts(lines, i, bool(rows) and blank_run < 2)
        ):
            i = other_shape(i)
            continue
        i += 1
        if line.startswith("\t"):
            if not rows and not row:
                table_line = number
            if blank_run > 1:  # NOTE: two blank lines end a table even when a cell follows
                close_table()
                table_line = number
            blank_run = 0
            end_cell()
            # NOTE: located in the table it will close as (the next number): locating every cell again
            # when the table closed, by keyword, was a fifth of reading a report's text
            row.append(Cell(line[1:].rstrip("\n"), _located(number, tables + 1)))
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
    doc.blocks = text_tables.unplaced_tables(doc.blocks)
    return doc


def _located(line: int, table: int) -> Locator:
    """Locator(line=line, table=table), made without a Python call (NamedTuple's keyword __new__)."""
    return _new_tuple(Locator, (line, None, None, None, None, table, None, None))


_new_tuple = tuple.__new__


def _other_shape_starts(lines: list[str], i: int, word_rows_open: bool) -> bool:
    """Whether lines[i], met where no Word cell is open, starts a block of another text shape.

    NOTE: a tab-led line is Word's cell as before unless no Word table is open and it
    has further tabs on a line that is clearly a row of cells: Word's copy keeps being read as is.
    """
    kind = text_tables.line_kind(lines[i])
    if kind == text_tables.PIPE:
        return True
    if kind != text_tables.TSV:
        return False
    if lines[i].startswith("\t"):
        return not word_rows_open and text_tables.starts_table(lines, i)
    return True
