"""Indicator headers printed on two rows, joined into the one header data rows are laid out by."""

from __future__ import annotations

from auditor.document import Cell
from auditor.recognise import headers as H
from auditor.recognise.cells import NUMERIC
from auditor.recognise.records import clean


def is_subheader(row: list[Cell], spec) -> bool:
    """The second header row of a split target: only words, some of them the split's own column words."""
    texts = [clean(c.text) for c in row]
    filled = [t for t in texts if t]
    if len(filled) < 2 or any(NUMERIC.match(t) for t in filled):
        return False
    words = [w for key in ("nature", "unit", "direction") for w in spec.columns.get(key, [])]
    return any(any(w in t for w in words) for t in filled) and not any(t.startswith("一级") for t in filled)


def is_words_only(row: list[Cell]) -> bool:
    filled = [clean(c.text) for c in row if clean(c.text)]
    return len(filled) >= 2 and not any(NUMERIC.match(t) for t in filled)


def with_row_above(texts: list[str], above: list[str], spec, mapped: dict[str, int]) -> list[str]:
    """The header with the columns only the row above names appended after it.

    NOTE: some mirrored pages print a two-row header upside down: the cells
    merged over both rows (实际完成值 | 分值 | 得分 | 偏差原因) on the first row with
    the spanning 年度指标值, and 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 on the
    second; the data rows read 一级 … 度量单位, then 实际完成值 … in that order.
    """
    out = list(texts)
    for text in above:
        key = H.column_map([text], list(spec.columns.items()))
        if key and not (set(key) & set(mapped)):
            out.append(text)
    return out


def combine_headers(top: list[str], sub: list[str]) -> list[str]:
    """One header from two rows, as data rows are laid out.

    Word (and every reader, which gives Word's shape) prints a cell merged over
    both rows as an empty cell on the second row, and a cell spanning several
    sub-columns as one cell on the first. So, walking both rows: an empty cell
    below takes the word above; a run of filled cells below replaces the one
    spanning cell above.
    """
    out: list[str] = []
    j = 0
    for word in top:
        if j < len(sub) and clean(sub[j]):
            while j < len(sub) and clean(sub[j]):
                out.append(sub[j])
                j += 1
        else:
            out.append(word)
            j += 1
    out.extend(sub[j:])
    return out
