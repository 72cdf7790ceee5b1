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
    vertical-merge continuation of it. A two-row header (F2: 年度指标值 over 指标性质 |
    指标值 | 度量单位) is drawn as Word's copy shows it: the run of filled cells on the
    second row lies under the one first-row cell that spans them, and the second row's
    empty cells continue the first row's cells merged over both rows.
    """
    width = max(len(r) for r in rows)
    laid: list[list[LaidCell]] = []
    for k, r in enumerate(rows):
        spans = laid_spans(r, rows[k + 1]) if k + 1 < len(rows) else None
        if spans is None or sum(spans) != width:
            spans = _spans(r, width)
        col, cells = 0, []
        for text, span in zip(r, spans):
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


def laid_spans(top: list[str], sub: list[str]) -> list[int] | None:
    """The spans of a header row `top` over the second header row `sub`, or None if `sub` is none.

    `sub` is a second header row when it is wider, has empty cells (continuing the cells of
    `top` merged over both rows) and runs of filled words; each run lies under one cell of
    `top`, whose span is the run's length, walking both rows as a reader combines them.
    """
    if len(sub) <= len(top) or not all(t.strip() for t in top):
        return None
    filled = [bool(t.strip()) for t in sub]
    if all(filled) or not any(filled) or any(re.fullmatch(r"[-+]?\d+(?:\.\d+)?%?", t.strip()) for t in sub):
        return None
    spans, j = [], 0
    for _ in top:
        if j < len(sub) and filled[j]:
            run = j
            while j < len(sub) and filled[j]:
                j += 1
            spans.append(j - run)
        else:
            spans.append(1)
            j += 1
    return spans if j == len(sub) and any(s > 1 for s in spans) else None


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
