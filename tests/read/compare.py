"""Compare a reader's Document with the text form's blocks, the way the recognisers will see them."""

from __future__ import annotations

import re

from auditor.document import Document, Paragraph


def shape(doc: Document) -> list:
    """Blocks as plain data: a paragraph's text, or a table's rows of cell texts."""
    return [b.text if isinstance(b, Paragraph) else [[c.text for c in row] for row in b.rows] for b in doc.blocks]


def normalise(blocks: list, squeeze: bool = False) -> list:
    """Strip layout whitespace at the ends of every text (so an empty continuation cell and a
    whitespace-only cell compare equal); with `squeeze`, drop all whitespace (PDF re-wraps lines)."""

    def text(t: str) -> str:
        return re.sub(r"\s+", "", t) if squeeze else t.strip()

    return [text(b) if isinstance(b, str) else [[text(c) for c in row] for row in b] for b in blocks]


def first_difference(expected: list, got: list) -> str:
    """A readable account of the first block that differs, for assertion messages."""
    for i, (a, b) in enumerate(zip(expected, got)):
        if a != b:
            return f"block {i}:\n expected {a!r}\n got      {b!r}"
    return f"block counts differ: expected {len(expected)}, got {len(got)}"
