"""Header words: how a column or row is known whatever its position.

Published forms move columns around (分值 before 年度指标值, extra 指标性质 and
度量单位 columns, no 年初预算数), rename them (权重 for 分值, 未完成原因 for
偏差原因) and write 当年 for 本年. Matching by words, longest first, survives all
of that; matching by position survives none of it.
"""
from __future__ import annotations

import re

from auditor.recognise.records import clean

FUNDING_COLUMNS = [
    ("initial", ("年初预算数", "年初预算")),
    ("budget", ("全年预算数", "全年预算", "调整后预算数", "预算数")),
    ("executed", ("全年执行数", "全年执行", "执行数", "实际支出")),
    ("rate", ("执行率",)),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
]
FUNDING_ROWS = [
    ("total", ("年度资金总额", "资金总额", "合计")),
    ("current", ("本年财政拨款", "当年财政拨款", "财政拨款")),
    ("carryover", ("上年结转资金", "上年结转", "结转资金")),
    ("other", ("其他资金",)),
]
INDICATOR_COLUMNS = [
    ("level1", ("一级指标", "一级")),
    ("level2", ("二级指标", "二级")),
    ("level3", ("三级指标", "三级")),
    ("target", ("年度指标值", "指标值", "目标值", "年度目标值")),
    ("actual", ("实际完成值", "完成值", "实际值")),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
    ("reason", ("偏差原因", "未完成原因", "原因分析")),
    ("nature", ("指标性质",)),
    ("unit", ("度量单位", "计量单位")),
]
CATEGORIES = [("满意度", "满意度"), ("产出", "产出"), ("效益", "效益"), ("成本", "成本")]
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
    """Header row → {key: column position}; each key taken once, by its first column."""
    found: dict[str, int] = {}
    for position, text in enumerate(row_texts):
        key = match(text, table)
        if key and key not in found:
            found[key] = position
    return found


def category_of(level1: str) -> str | None:
    t = clean(level1)
    for key, word in CATEGORIES:
        if word in t:
            return key
    return None


_SCRAMBLED = {frozenset("产出指标"): "产出", frozenset("效益指标"): "效益", frozenset("满意度指标"): "满意度",
              frozenset("成本指标"): "成本"}


def category_of_scrambled(level1: str) -> str | None:
    """A 一级 label whose letters OCR scrambled (出标产指, 益标效指): the category with the same letters."""
    letters = frozenset(ch for ch in clean(level1) if "\u4e00" <= ch <= "\u9fff" and ch != "分")
    return _SCRAMBLED.get(letters)


#: 二级 names and the 一级 they belong to, for a 一级 cell that says only "(50分)".
LEVEL2_CATEGORIES = [("满意", "满意度"), ("数量", "产出"), ("质量", "产出"), ("时效", "产出"), ("成本", "产出"),
                     ("经济效益", "效益"), ("社会效益", "效益"), ("生态效益", "效益"), ("可持续", "效益")]


def category_from_level2(level2: str) -> str | None:
    t = clean(level2)
    return next((category for word, category in LEVEL2_CATEGORIES if word in t), None)


def stated_cap(level1: str) -> str | None:
    """The cap a 一级 label states, '50' from '产出指标(50分)', as printed."""
    m = _CAP.search(clean(level1))
    return m.group(1) if m else None
