"""Odd but possible shapes of text cost time in proportion to their size, never its square.

Each shape below once made reading or recognition quadratic, so a file of a
few hundred KB held a whole batch for minutes to hours: a text whose every
paragraph is a tab-indented one-cell table (copied from a web page), a cell
with thousands of continuation lines, a long run of digits (a scan's text
layer), a long list of quoted names, many lists in one paragraph, a sheet of
rows parted by blank rows. Each is built at a size where the quadratic code
took minutes and linear code takes well under a second, and runs under an
alarm: a hang guard that fails the test, not a timing assertion. Tables in the
other text shapes (pipe rows, a cell a line, tab-separated rows) are put
together line by line too: 300,000 lines of them read in a few seconds.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from auditor.document import Document, Locator, Paragraph
from auditor.read.text import parse_text
from auditor.read.xlsx import Sheet, to_document
from auditor.recognise import recognise
from auditor.tabulate import tabulate

from .tally import tried

GUARD = 30  # seconds; the linear code needs under one


@contextmanager
def guard(seconds: int = GUARD) -> Iterator[None]:
    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: quadratic again?")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _text(text: str) -> Document:
    return parse_text(text, "shape.txt")


def _paragraph(text: str) -> Document:
    return Document(path="shape.txt", format="txt", blocks=[Paragraph(text, Locator(line=1))])


def _sheet_of_blocks(n: int) -> Document:
    sheet = Sheet("附表")
    for i in range(n):
        sheet.text[(2 * i + 1, 1)], sheet.text[(2 * i + 1, 2)] = "项目", str(i)
    return to_document([sheet], "shape.xlsx", "xlsx")


SHAPES: dict[str, Callable[[], Document]] = {
    # 72 s before: the tables were recounted at every table
    "40,000 one-cell tables": lambda: _text("\t项目\n\t值\n\n\n" * 40_000),
    # minutes before: each continuation line was added to the cell's text with += (80,000 lines: 30 s)
    "a cell of 200,000 continuation lines": lambda: _text(
        "\t项目名称\n" + "续行文字，用来测试一个很长的单元格\n" * 200_000
    ),
    # about 15 minutes before: every digit started a count that ran to the end of the digits
    "300,000 digits": lambda: _paragraph("1" * 300_000 + "项目"),
    "300,000 Chinese numerals": lambda: _paragraph("三" * 300_000 + "项目"),
    # minutes before: every name started a list that ran to the end of the names
    "30,000 quoted names, then a count": lambda: _paragraph("“项目甲”、" * 30_000 + "x，共2个项目。"),
    # about 6 minutes before: each list looked for its sentence from the paragraph's start
    "20,000 lists in one paragraph": lambda: _paragraph("“项目甲”、“项目乙”这2个项目。" * 20_000),
    # 80 s before (20,000: 20 s; hours for a full sheet): the tables were recounted at every block
    "40,000 rows parted by blank rows": lambda: _sheet_of_blocks(40_000),
    # text tables of other shapes (auditor.read.text_tables): rows are put together from lines
    # by counting `|`, so each shape is read in one pass however long
    "300,000 pipe rows, half of them wrapped": lambda: _text(
        "项目名称 | 就业补助 | |||||\n年度目标 |\n数量 | 质量 | 时效 | 得分 | |\n" * 100_000
    ),
    "300,000 lines of a cell each": lambda: _text("项目名称 |\n就业补助 |\n||||||\n" * 100_000),
    "300,000 tab-separated rows": lambda: _text("年度资金总额\t650\t94\n" * 300_000),
    # prose claims (auditor.recognise.claims): every sentence of a 300,000-character narrative is read
    # for its amounts, rates and shares, and grouped, in one pass per pattern
    "a narrative of 300,000 characters": lambda: _paragraph(
        "下达中央财政资金30.9万元，县财政资金30.9万元，共计下达61.8万元，已拨付50万元，执行率80.9%，"
        "完成3.65万人，完成目标任务3.22万人的113.33%，任务数为115户，超任务43%。" * 3_500
    ),
    "the same narrative without one end mark": lambda: _paragraph(
        "下达中央财政资金30.9万元，县财政资金30.9万元，共计下达61.8万元，已拨付50万元，执行率80.9%，" * 6_000
    ),
}


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_shape_is_read_and_recognised_in_linear_time(shape):
    tried("long repetitive shapes (hang-guarded)")
    with guard():
        records = recognise(SHAPES[shape]())
        tabulate([records])
