"""Cells as the recogniser reads them: a located Field, a row placed on the header's columns, its evidence.

Shared by every block reader, so one cell is read alike in the funding, goal and indicator blocks.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from auditor.document import Cell
from auditor.recognise.records import Field, clean

NUMERIC = re.compile(r"^[-+]?\d+(?:\.\d+)?%?$")
CAP_SUFFIX = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


COLUMN_NAMES = {
    "initial": "年初预算数",
    "budget": "全年预算数",
    "executed": "全年执行数",
    "rate": "执行率",
    "weight": "分值",
    "score": "得分",
    "target": "年度指标值",
    "actual": "实际完成值",
    "reason": "偏差原因分析及改进措施",
    "nature": "指标性质",
    "unit": "度量单位",
    "item_score": "单项指标得分",
    "received": "到位数",
}


def cell_field(cell: Cell, row: str | None = None, column: str | None = None) -> Field:
    return Field(cell.text, cell.loc.with_labels(row, column))


def aligned(row: list[Cell], columns: dict[str, int], width: int) -> dict[str, Cell]:
    """Cells by column key; a short row is right-aligned to the header's width."""
    shift = max(0, width - len(row))
    out = {}
    for key, position in columns.items():
        i = position - shift
        if 0 <= i < len(row):
            out[key] = row[i]
    return out


def column_name(key: str) -> str:
    return COLUMN_NAMES.get(key, key)


def evidence_of(row: list[Cell]) -> str:
    """The row as a person would read it aloud: its non-empty cells, space separated."""
    return " ".join(clean(c.text) for c in row if clean(c.text))


@lru_cache(maxsize=1 << 14)
def folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def starts_with(text: str, words: list[str]) -> bool:
    return any(text.startswith(w) for w in words)


def blank(f: Field | None) -> bool:
    return f is None or f.blank
