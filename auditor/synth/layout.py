"""A report's text form, parsed and laid out on a table grid for the format builders.

Word's copy-as-text is the single source of every generated binary report:
it is parsed into paragraphs and tables (`parse_text_form`), and each table is
placed on a column grid with the merges a published 自评表 has (`lay_out`),
which the builders (`auditor.synth.office`, the tests' PDF builder) then draw.
The tests use it on the bundled sample, the benchmark on generated reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

def parse_text_form(text: str) -> list:
    """Word's copy-as-text: TAB-led lines are cells, a non-tab line right after a cell continues it,
    a blank line ends a row, two blank lines (or a non-tab line after a blank) end a table; other
    non-blank lines are paragraphs (stripped; whitespace-only ones are dropped)."""
    blocks: list = []
    rows: list[list[str]] = []
    row: list[str] = []
    blanks = 0

    def close_table() -> None:
        nonlocal rows, row
        if row:
            rows.append(row)
            row = []
        if rows:
            blocks.append(rows)
            rows = []

    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith("\t"):
            if blanks > 1:
                close_table()
            blanks = 0
            row.append(line[1:])
        elif line == "":
            blanks += 1
            if row:
                rows.append(row)
                row = []
        elif row and blanks == 0:
            row[-1] += "\n" + line
        else:
            close_table()
            blanks = 0
            if line.strip():
                blocks.append(line.strip())
    close_table()
    return blocks


@dataclass
class LaidCell:
    """A cell placed on the table grid: first grid column, columns spanned, vertical merge role."""

    text: str
    col: int
    span: int
    vmerge: str | None = None  # "restart", "continue" or None


def lay_out(rows: list[list[str]]) -> tuple[int, list[list[LaidCell]]]:
    """Place each row's cells on a grid as wide as the widest row, as a published 自评表 is drawn.

    A short row's extra width goes to its cells after the first (the label column
    stays one grid column so vertical merges line up), except a 总分 row whose
    label spans the label columns so its totals sit under 分值/得分. An empty cell
    ("" in the text form) under a cell that starts in the same grid column is a
    vertical-merge continuation of it.
    """
    width = max(len(r) for r in rows)
    laid: list[list[LaidCell]] = []
    for r in rows:
        col, cells = 0, []
        for text, span in zip(r, _spans(r, width)):
            cells.append(LaidCell(text, col, span))
            col += span
        laid.append(cells)
    for above, below in zip(laid, laid[1:]):
        starts = {c.col: c for c in above}
        for c in below:
            top = starts.get(c.col)
            if c.text == "" and top is not None and top.span == c.span:
                c.vmerge = "continue"
                top.vmerge = top.vmerge or "restart"
    return width, laid


def _spans(row: list[str], width: int) -> list[int]:
    n, extra = len(row), width - len(row)
    if n == 1:
        return [width]
    spans = [1] * n
    if row[0].strip() == "总分":
        spans[0] += extra
        return spans
    for i in range(extra):
        spans[1 + i % (n - 1)] += 1
    return spans


def rowspans(laid: list[list[LaidCell]]) -> dict[tuple[int, int], int]:
    """(row index, grid column) of each merge start -> rows it covers; a leading 'continue' starts one."""
    out: dict[tuple[int, int], int] = {}
    open_at: dict[int, tuple[int, int]] = {}
    for i, row in enumerate(laid):
        for c in row:
            if c.vmerge == "continue" and c.col in open_at:
                out[open_at[c.col]] += 1
            elif c.vmerge in ("restart", "continue"):
                open_at[c.col] = (i, c.col)
                out[(i, c.col)] = 1
            else:
                open_at.pop(c.col, None)
    return out


def excel_value(text: str) -> tuple[object, str]:
    """The number a person typed to see `text`, with the format that shows it so ("75.00%" -> 0.75, '0.00%')."""
    if re.fullmatch(r"-?\d+", text):
        return int(text), "General"
    m = re.fullmatch(r"-?\d+\.(\d+)", text)
    if m:
        return float(text), "0." + "0" * len(m.group(1))
    m = re.fullmatch(r"(-?\d+(?:\.(\d+))?)%", text)
    if m:
        places = len(m.group(2) or "")
        return round(float(m.group(1)) / 100, places + 2), "0" + ("." + "0" * places if places else "") + "%"
    return text, "General"
