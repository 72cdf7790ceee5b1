"""Header words: how a column or row is known whatever its position.

Published forms move columns around (分值 before 年度指标值, extra 指标性质 and
度量单位 columns, no 年初预算数), rename them (权重 for 分值, 未完成原因 for
偏差原因) and write 当年 for 本年. Matching by words, longest first, survives all
of that; matching by position survives none of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.recognise.records import clean

HEADER_LABELS = ("项目名称", "主管部门", "实施单位", "项目负责人", "预算单位")
_CAP = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


def match(text: str, table: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """The key whose words the text contains; the first listed key wins ties."""
    t = clean(text)
    if not t:
        return None
    for key, words in table:
        if any(w in t for w in words):
            return key
    return None


def column_map(row_texts: list[str], table) -> dict[str, int]:
    """Header row → {key: column position}; each key taken once, by its first column.

    A cell whose words name several keys goes to the one named first in it
    ('得分(20分*执行率)' is the score, not the rate), among keys not yet taken.
    """
    # NOTE: a form's reports print the same header rows: mapped once each (a batch maps its headers again and again)
    return dict(_column_map(tuple(row_texts), tuple((key, tuple(words)) for key, words in table)))


@lru_cache(maxsize=1 << 12)
def _column_map(row_texts: tuple[str, ...], table: tuple) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, text in enumerate(row_texts):
        t = clean(text)
        if not t:
            continue
        best = None
        for order, (key, words) in enumerate(table):
            if key in found:
                continue
            at = min((t.find(w) for w in words if w in t), default=-1)
            if at >= 0 and (best is None or (at, order) < best[:2]):
                best = (at, order, key)
        if best:
            found[best[2]] = position
    return found


_SCRAMBLED = {
    frozenset("产出指标"): "产出",
    frozenset("效益指标"): "效益",
    frozenset("满意度指标"): "满意度",
    frozenset("成本指标"): "成本",
}


def category_of_scrambled(level1: str) -> str | None:
    """A 一级 label whose letters OCR scrambled (出标产指, 益标效指): the category with the same letters."""
    letters = frozenset(ch for ch in clean(level1) if "\u4e00" <= ch <= "\u9fff" and ch != "分")
    return _SCRAMBLED.get(letters)


def stated_cap(level1: str) -> str | None:
    """The cap a 一级 label states, '50' from '产出指标(50分)', as printed."""
    m = _CAP.search(clean(level1))
    return m.group(1) if m else None
