"""The format-neutral document every reader produces.

Readers know nothing about budgets: they turn a file into an ordered list of
paragraphs and tables, every piece carrying a `Locator` that says where it
stands in the source. The recognisers then work on this shape only, so the
text, Word, Excel and PDF forms of one report give the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, NamedTuple, Union


class Locator(NamedTuple):
    """Where a piece of a document stands, in the terms of its own format.

    NOTE: a NamedTuple, not a dataclass: records cross process boundaries in
    batches, and tuples pickle several times faster.

    `line` for text, `page` for PDF, `sheet`/`cell` for Excel,
    `paragraph`/`table`/`row`/`column` for Word. Recognisers refine `row` and
    `column` to the labels a person sees (年度资金总额, 得分).
    """

    line: int | None = None
    page: int | None = None
    sheet: str | None = None
    cell: str | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | str | None = None
    column: int | str | None = None

    def as_dict(self) -> dict:
        """The JSON form of the issue contract: only the keys that are set."""
        return {name: value for name, value in zip(self._fields, self) if value is not None}

    def with_labels(self, row: str | None = None, column: str | None = None) -> "Locator":
        """A copy that names the row and column as the table's labels do.

        NOTE: a format that knows positions (Word's row/column numbers) keeps
        them: they are what `auditor annotate` anchors comments to. Text copied
        from Word has no positions, so there the labels are the best locator.
        """
        own_row, own_column = self.row, self.column
        row = row if row and own_row is None else own_row
        column = column if column and own_column is None else own_column
        if row is own_row and column is own_column:
            return self
        # NOTE: built directly: dataclasses.replace was a fifth of recognition time on large batches, and
        # tuple.__new__ skips the NamedTuple's Python __new__ (140,000 calls in reading 200 reports)
        return _new_tuple(Locator, self[:6] + (row, column))

    def sort_key(self) -> tuple:
        """Order within a document: by page/sheet, then line or paragraph, then table position."""

        def num(v):
            return v if isinstance(v, int) else -1

        return (
            num(self.page),
            self.sheet or "",
            num(self.line),
            num(self.paragraph),
            num(self.table),
            self.cell or "",
            str(self.row or ""),
            str(self.column or ""),
        )

    def short(self) -> str:
        """A compact human form: 'line 231', '自评表!G12', 'page 3', 'table 2 row 5'."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.line is not None:
            parts.append(f"L{self.line}")
        if self.paragraph is not None:
            parts.append(f"¶{self.paragraph}")
        if self.table is not None and self.line is None:
            parts.append(f"T{self.table}")
            if isinstance(self.row, int):
                parts.append(f"R{self.row}")
            if isinstance(self.column, int):
                parts.append(f"C{self.column}")
        return " ".join(parts) or "-"


_new_tuple = tuple.__new__


@dataclass(slots=True)
class Cell:
    """One cell of a table grid; `text` keeps the cell's lines joined by newlines."""

    text: str
    loc: Locator

    @property
    def clean(self) -> str:
        """The text with layout whitespace (full-width and no-break spaces included) removed at the ends."""
        return self.text.strip().strip("\u3000\u00a0 ").strip()


@dataclass(slots=True)
class Paragraph:
    text: str
    loc: Locator


@dataclass(slots=True)
class Table:
    """Rows of cells. Rows may differ in length: Word tables are ragged when cells are merged."""

    rows: list[list[Cell]]
    loc: Locator
    index: int = 0


Block = Union[Paragraph, Table]


@dataclass(slots=True)
class Document:
    """A whole input file as ordered blocks; `status` is 'ok' or 'unreadable' with a `reason`."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    status: str = "ok"
    reason: str | None = None

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))

    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))
