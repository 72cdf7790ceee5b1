"""Tables that reach users as plain text in shapes other than Word's copy.

Word's copy-as-text (a TAB-led line per cell) is read by `auditor.read.text`.
Reports copied from a web page or a portal's text view bring other shapes,
which used to end up as paragraphs, so the recogniser never saw the 自评表:

* pipe text: the page's grid written with a `|` after every cell. Some pages
  give a row a line (`项目名称 | 就业补助 | |||||`), others a cell a line
  (`项目名称 |`, `就业补助 |`, `|`, `|||||`), and a page may wrap a row over
  several lines anywhere after a `|`. What holds in every shape is that each
  row of a table carries the same number of `|`, the grid's width: the cells
  a merge covers are written as bare `|` (merged-cell debris). So a row ends
  where its count of `|` reaches the width, whatever its lines look like. The
  width is learnt from the block itself: the most common count over the runs
  of lines that end in debris (`||`, `| |`), which only a row's end shows.
* tab-separated rows, as a browser or Excel copies a table: a row per line,
  cells split on TAB, Excel's quoted cells running over several lines.

A block is read as a table only when it is clearly one (two table lines, or
three separators on a line that ends with one): a sentence with an `A|B`
stays a paragraph. Space-separated rows, figures glued together
(`年度资金总额:505010100.00%10`) and labels and values in separate blocks (a
line each, as xlsx and PDF renders give them) cannot be split into cells
reliably; such a run of short lines that holds a 自评表's header words is
given as a table of one cell a line (`unplaced_tables`), so the recogniser
reports that table by number as not read, instead of the file passing as clean.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, repeat

from auditor.document import Block, Cell, Locator, Paragraph, Table

PIPE, TSV, WORD = "pipe", "tsv", "word"
_DEBRIS_END = re.compile(r"\|\s*\|\s*$")  # an empty cell closed on the line that ends a row
_QUOTED_LINES = 100  # an Excel cell that runs longer than this is not a quoted cell: its quote is literal
_SHAPE_SAMPLE = 200  # pipe lines enough to tell a cell a line from a row a line


def line_kind(line: str) -> str | None:
    """PIPE, TSV, WORD (a tab-led Word cell) or None for a line of prose."""
    if line.startswith("\t"):
        return TSV if "\t" in line[1:] and line.strip() else WORD
    if "\t" in line and line.strip():
        return TSV
    return PIPE if "|" in line else None


def starts_table(lines: list[str], i: int) -> bool:
    """Whether lines[i] opens a table of one of the shapes read here (not a sentence with a `|`)."""
    kind = line_kind(lines[i])
    if kind == PIPE:
        return _one_line_table(lines[i]) or (i + 1 < len(lines) and line_kind(lines[i + 1]) == PIPE)
    if kind != TSV:
        return False
    pair = lines[i : i + 2]
    return _tabs(lines[i]) >= 3 or (len(pair) == 2 and line_kind(pair[1]) == TSV and max(map(_tabs, pair)) >= 2)


def read_blocks(lines: list[str], start: int, first_table: int) -> tuple[list[Block], int]:
    """The tables and paragraphs of the run of table lines at lines[start], and the index after it.

    Tables are numbered from `first_table` on, in the order they come.
    """
    if line_kind(lines[start]) == TSV:
        return _tsv_blocks(lines, start, first_table)
    reader = _PipeReader(lines, start, _pipe_extent(lines, start), first_table)
    return reader.read()


def _tabs(line: str) -> int:
    return (line[1:] if line.startswith("\t") else line).count("\t")


def _blank(line: str) -> bool:
    return not line.strip()


def _one_line_table(line: str) -> bool:
    """A lone line is a row of cells, not a sentence, when it has several `|` and ends with one."""
    return line.count("|") >= 3 and line.rstrip().endswith("|")


def _cells(texts: list[str], numbers: Iterable[int], index: int) -> list[Cell]:
    """Cells of table `index` from their texts and the lines they start on."""
    # NOTE: Locator(line, page, sheet, cell, paragraph, table) by position: by keyword it was twice as slow
    return [Cell(text, Locator(n, None, None, None, None, index)) for text, n in zip(texts, numbers)]


# --- pipe text -------------------------------------------------------------------------------------


def _pipe_extent(lines: list[str], start: int) -> int:
    """The end of the pipe lines from start, with the single blank lines and the prose between them."""
    i = end = start + 1
    while i < len(lines):
        kind = line_kind(lines[i])
        if kind == PIPE:
            i = end = i + 1
        elif _blank(lines[i]) and i + 1 < len(lines) and line_kind(lines[i + 1]) == PIPE:
            i += 1
        elif kind is None and not _blank(lines[i]):
            j = i
            while j < len(lines) and not _blank(lines[j]) and line_kind(lines[j]) is None:
                j += 1
            if j == len(lines) or line_kind(lines[j]) != PIPE:
                break
            i = j
        else:
            break
    return end


def _width(pipes: list[int], ends: list[bool]) -> int | None:
    """The count of `|` most rows have, counted over the runs of lines closed by debris."""
    counts: Counter = Counter()
    run = 0
    for count, end in zip(pipes, ends):
        run += count
        if end:
            counts[run] += 1
            run = 0
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


def _cell_a_line(lines: list[str]) -> bool:
    """Whether the block gives each cell a line of its own, not each row (judged on its first lines)."""
    sample = [ln for ln in lines if "|" in ln][:_SHAPE_SAMPLE]
    single = sum(1 for ln in sample if sum(1 for p in ln.split("|") if p.strip()) <= 1)
    return single >= 0.8 * len(sample)


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "\n".join(parts)


@dataclass(slots=True)
class _Row:
    """A row being put together from lines.

    NOTE: its cells are kept as parallel lists (text, line, alone on its line), not
    an object per cell: on 300,000 lines the objects' garbage collection took most of the time.
    """

    texts: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    lone: list[bool] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # the open cell: the text after the row's last `|`
    part_line: int = 0
    pipes: int = 0
    lines: list[int] = field(default_factory=list)
    opened_by_pipe: bool = False

    def add(self, text: str, number: int, lone: bool = False) -> None:
        self.texts.append(text)
        self.numbers.append(number)
        self.lone.append(lone)

    def take(self, pieces: list[str], number: int, cell_a_line: bool) -> None:
        """A line split on `|`: its first piece goes on with the open cell, its last opens the next one."""
        if not self.lines:
            self.opened_by_pipe = len(pieces) > 1 and not pieces[0]
        self.lines.append(number)
        self.pipes += len(pieces) - 1
        if pieces[0]:
            if not self.parts:
                self.part_line = number
            self.parts.append(pieces[0])
        if len(pieces) == 1:
            return
        # NOTE: in cell-a-line text a run of `|` on a line is merged-cell debris, never cells
        debris = cell_a_line and len(pieces) > 2 and not any(pieces)
        if self.parts:
            self.add(_joined(self.parts), self.part_line)
        elif not debris:  # an empty cell; standing alone on its line it is a real blank cell
            self.add("", number, cell_a_line and len(pieces) == 2)
        if not debris:
            for piece in pieces[1:-1]:
                self.add(piece, number)
        self.parts = [pieces[-1]] if pieces[-1] else []
        self.part_line = number

    def drop_lone_end(self) -> None:
        if self.lone and self.lone[-1]:
            del self.texts[-1], self.numbers[-1], self.lone[-1]

    def finished(self, cell_a_line: bool, index: int) -> list[Cell]:
        if self.parts:
            self.add(_joined(self.parts), self.part_line)
            self.parts = []
        texts, lone = self.texts, self.lone
        keep = len(texts)
        while keep and not texts[keep - 1] and not (cell_a_line and lone[keep - 1]):
            keep -= 1  # trailing empty cells are merged-cell debris; inner ones keep their place
        return _cells(texts[:keep], self.numbers, index)


class _PipeReader:
    """One pipe block: rows grouped into tables, with paragraphs where a sentence stands between them."""

    def __init__(self, lines: list[str], start: int, end: int, first_table: int) -> None:
        block = lines[start:end]
        self.lines, self.start, self.end, self.index = lines, start, end, first_table
        counts = [line.count("|") for line in block]
        self.ends = [bool(_DEBRIS_END.search(line)) for line in block]
        self.width = _width(counts, self.ends)
        self.cell_a_line = _cell_a_line(block)
        self.prefix = [0, *accumulate(counts)]
        self.stops = [len(block)] * (len(block) + 1)  # from each line, the first line that surely ends a row
        for k in range(len(block) - 1, -1, -1):
            self.stops[k] = k if self.ends[k] or _blank(block[k]) else self.stops[k + 1]
        self.blocks: list[Block] = []
        self.rows: list[tuple[list[Cell], bool]] = []  # each row's cells, and whether a `|` opened it
        self.row = _Row()
        self.table_lines = 0
        self.table_line_numbers: list[int] = []

    def read(self) -> tuple[list[Block], int]:
        for i in range(self.start, self.end):
            self.feed(i)
        end = self.end
        # a table cut off inside a cell: the lines after it, up to a blank line, are that cell's text
        while (
            end < len(self.lines)
            and self.width
            and self.row.lines
            and not _blank(self.lines[end])
            and line_kind(self.lines[end]) is None
        ):
            self.feed(end)
            end += 1
        self.end_table()
        return self.blocks, end

    def feed(self, i: int) -> None:
        line, number = self.lines[i], i + 1
        if _blank(line):
            self.end_row()
        elif "|" not in line:
            if self.row.lines and (self.width or self.cell_a_line):
                self.row.take([line.strip()], number, self.cell_a_line)
            else:
                self.prose(line, number)
        else:
            self.pipe_line(i, line, number)

    def pipe_line(self, i: int, line: str, number: int) -> None:
        count, debris_end = line.count("|"), self.ends[i - self.start]
        if self.width and self.row.pipes and self.row.pipes + count > self.width and not debris_end:
            self.end_row()  # NOTE: debris always closes the row before it, however long
        alone = bool(self.width) and not self.row.lines and not self.fits(i)
        if alone and not line.rstrip().endswith("|"):
            self.prose(line, number)  # a sentence with a `|` in it, just before or between tables
            return
        self.row.take([p.strip() for p in line.split("|")], number, self.cell_a_line)
        self.table_lines += 1
        if alone or debris_end or self.row_ends(line):
            lone_end = not self.width and self.cell_a_line and line.strip() == "|"
            if lone_end:
                self.row.drop_lone_end()  # with no width to learn, a `|` alone ends the row
            self.end_row()

    def fits(self, i: int) -> bool:
        """Whether a row starting at lines[i] ends before its count of `|` passes the width.

        NOTE: prefix sums and a bisection, not a walk from every row start, which is
        quadratic on a long run of lines that never add up to the width.
        """
        k = i - self.start
        reach = bisect_left(self.prefix, self.prefix[k] + self.width, lo=k + 1)  # the row's last line + 1
        if reach >= len(self.prefix):
            return True  # the text ends first: a row cut off
        return self.stops[k] < reach - 1 or self.prefix[reach] - self.prefix[k] == self.width

    def row_ends(self, line: str) -> bool:
        if self.width:
            return self.row.pipes >= self.width
        if self.cell_a_line:  # no width to learn: a lone `|` or a run of debris ends the row
            return not line.replace("|", "").strip()
        return True  # no width to learn, a row a line

    def end_row(self) -> None:
        row = self.row
        if row.lines:
            self.rows.append((row.finished(self.cell_a_line, self.index), row.opened_by_pipe))
            self.table_line_numbers.extend(row.lines)
            self.row = _Row()

    def prose(self, line: str, number: int) -> None:
        self.end_table()
        self.blocks.append(Paragraph(text=line.strip(), loc=Locator(line=number)))

    def end_table(self) -> None:
        self.end_row()
        rows, table_lines, numbers = self.rows, self.table_lines, self.table_line_numbers
        self.rows, self.table_lines, self.table_line_numbers = [], 0, []
        if not rows:
            return
        if table_lines < 2 and not _one_line_table(self.lines[numbers[0] - 1]):
            for n in numbers:  # not clearly a table: its lines stay paragraphs
                self.blocks.append(Paragraph(text=self.lines[n - 1].strip(), loc=Locator(line=n)))
            return
        if len(rows) > 1 and all(opened for _, opened in rows):  # NOTE: a `|` opening every row is a border
            rows = [(cells[1:] if cells and not cells[0].text else cells, True) for cells, _ in rows]
        grid = [cells for cells, _ in rows if any(c.text for c in cells)]
        if grid:
            self.blocks.append(Table(rows=grid, loc=Locator(line=numbers[0], table=self.index), index=self.index))
            self.index += 1


# --- tab-separated rows ----------------------------------------------------------------------------


def _tsv_fields(lines: list[str], i: int) -> tuple[list[str], int]:
    """The fields of the row at lines[i] and the lines it took (more than one when a quoted cell wraps)."""
    line = lines[i]
    if '"' not in line:
        return line.split("\t"), 1

    def feed():
        for j in range(i, min(len(lines), i + _QUOTED_LINES)):
            if j > i and _blank(lines[j]):
                return
            yield lines[j] + "\n"

    reader = csv.reader(feed(), delimiter="\t")
    try:
        fields, used = next(reader), reader.line_num
    except csv.Error:  # a field past csv's size limit
        fields, used = ["\n"], 1
    if any(f.endswith("\n") for f in fields):  # the quote never closed: it was a literal quote
        return line.split("\t"), 1
    return fields, used


def _tsv_blocks(lines: list[str], start: int, index: int) -> tuple[list[Block], int]:
    rows: list[list[Cell]] = []
    i = start
    while i < len(lines):
        if _blank(lines[i]):
            if lines[i].count("\t") > 1 or (i + 1 < len(lines) and line_kind(lines[i + 1]) == TSV):
                i += 1  # an empty row of the sheet, or a blank line between rows
                continue
            break
        fields, used = _tsv_fields(lines, i)
        if line_kind(lines[i]) != TSV and (used == 1 or len(fields) < 2):
            break  # not a row, unless an Excel cell quoted from this line's start runs onto the next
        texts = [f.strip() for f in fields]
        if any(texts):
            rows.append(_cells(texts, _starts(fields, i + 1) if used > 1 else repeat(i + 1), index))
        i += used
    most = max(_tabs(lines[k]) for k in range(start, i))
    if not rows or most < 2 or (len(rows) < 2 and most < 3):  # NOTE: `1.\t正文` lines are a numbered list
        return [
            Paragraph(text=lines[k].strip(), loc=Locator(line=k + 1)) for k in range(start, i) if not _blank(lines[k])
        ], i
    return [Table(rows=rows, loc=Locator(line=rows[0][0].loc.line, table=index), index=index)], i


def _starts(fields: list[str], number: int) -> list[int]:
    """The line each field of a row starts on, the row starting on line `number`."""
    out = []
    for f in fields:
        out.append(number)
        number += f.count("\n")
    return out


# --- tables that cannot be placed ------------------------------------------------------------------

#: the header words of a 自评表 (funding and indicator blocks); four of them in a run of lines make a table
_TABLE_WORDS = (
    "项目名称",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "执行率",
    "年度资金总额",
    "本年财政拨款",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因",
)
_UNPLACED_WORDS = 4
_SHORT_LINE = 80  # characters: a row or a cell, not a sentence


def unplaced_tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with each run of short paragraph lines that holds a 自评表's header words made a table.

    Each line of the run is one cell of its own row: nothing is split or guessed,
    and the recogniser, finding no declared form in it, reports the table as not read.
    Tables are numbered again in order.
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while (
            j < len(blocks)
            and _short_line(blocks[j])
            and (j == i or (blocks[j].loc.line == blocks[j - 1].loc.line + 1 and not _HEADING.match(blocks[j].text)))
        ):
            j += 1
        run = blocks[i:j]
        first = next((k for k, b in enumerate(run) if any(w in b.text for w in _TABLE_WORDS)), None)
        if first is not None and _key_values(run[first:]):
            first = None  # NOTE: "全年预算数：100万元" a line each is a summary in words, read as prose
        if first is not None and len(run) - first >= 2 and _words(run[first:]) >= _UNPLACED_WORDS:
            out.extend(run[:first])
            lines = run[first:]
            out.append(Table(rows=[[Cell(p.text, p.loc)] for p in lines], loc=lines[0].loc))
        else:
            out.extend(run or blocks[i : i + 1])
        i = max(j, i + 1)
    return _numbered(out)


#: An outline heading ends a run of table lines: what follows is the report's next section.
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")
_KEY_VALUE = re.compile(r"^[^：:]{2,20}[：:]\s*\S")


def _key_values(lines: list[Block]) -> bool:
    """Whether most lines are "label：value", each line a whole statement rather than one cell."""
    return sum(1 for b in lines if _KEY_VALUE.match(b.text.strip())) * 2 > len(lines)


def _short_line(block: Block) -> bool:
    return isinstance(block, Paragraph) and len(block.text) <= _SHORT_LINE and "。" not in block.text


def _words(lines: list[Block]) -> int:
    text = "".join(b.text for b in lines)
    return sum(1 for w in _TABLE_WORDS if w in text)


def _numbered(blocks: list[Block]) -> list[Block]:
    index = 0
    for block in blocks:
        if isinstance(block, Table):
            index += 1
            if block.index != index:
                block.index = index
                block.loc = Locator(line=block.loc.line, table=index)
                for row in block.rows:
                    for cell in row:
                        cell.loc = Locator(line=cell.loc.line, table=index)
    return blocks
