"""Rows of the indicator block: split targets joined, the 总分 row, and the rows that are not indicators
(parents restating their children, placeholders, marks).
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.document import Cell
from auditor.recognise.cells import NUMERIC, aligned, cell_field, column_name, evidence_of, folded
from auditor.recognise.records import Field, IndicatorRow, ProjectTable, TotalRow, clean

GRADE = re.compile(r"^(优秀?|良好?|中等?|合格|差|较差)$")
LEADING_OP = re.compile(r"^[^\d.+-]+")
CJK = re.compile(r"[\u4e00-\u9fff]")


_CHILD_NUMBER = re.compile(r"^(?:[（(]\d+[)）]|\d+[.．]\d+)")


_PARENT_NUMBER = re.compile(r"^\d+[.．、](?!\d)")


def split_parents(result: ProjectTable) -> None:
    """Move rows that restate their children's sums out of the indicators.

    Some forms give each 一级 (or 二级) a row of its own with the subtotal of
    the rows below it and no 三级 indicator. Counted as an indicator it would
    double the category; a 一级 one is kept as the category's stated total.
    """
    rows = result.indicators
    keep = []
    for i, row in enumerate(rows):
        weight = row.values.get("weight")
        if row.level3.blank and weight is not None and not weight.blank:
            children = [
                r for r in rows[i + 1 :] if r.level1 is row.level1 or clean(r.level1.text) == clean(row.level1.text)
            ]
            same = [r for r in children if row.level2.blank or clean(r.level2.text) == clean(row.level2.text)]
            if any(not r.level3.blank for r in same):
                if row.level2.blank or clean(row.level2.text) == clean(row.level1.text):
                    row.category = row.category or next((r.category for r in same if r.category), None)
                    result.parents.append(row)
                continue
        keep.append(row)
    result.indicators = numbered_children(keep, result)
    result.misplaced = [(r, c) for r, c in result.misplaced if any(r is k for k in keep)]


def numbered_children(rows: list[IndicatorRow], result: ProjectTable) -> list[IndicatorRow]:
    """Drop numbered parent rows ('1.培训总人次') whose numbered children ('（1）…', '1.1…') follow them.

    NOTE: the parent restates its children's sum; summing every row would count
    its weight twice and report the category as over its cap.
    """
    keep = []
    for i, row in enumerate(rows):
        name = clean(row.level3.text)
        nxt = clean(rows[i + 1].level3.text) if i + 1 < len(rows) else ""
        if _PARENT_NUMBER.match(name) and _CHILD_NUMBER.match(nxt):
            result.subtotals.append(row)
            continue
        keep.append(row)
    return keep


@lru_cache(maxsize=32)
def placeholder_test(patterns: tuple[str, ...]):
    """One compiled test for a form's placeholder patterns (a row name like 指标1 or ……)."""
    if not patterns:
        return lambda name: False
    combined = re.compile("|".join(f"(?:{p})" for p in patterns))
    return lambda name: combined.match(name) is not None


def strip_marks(name: str, marks: list[str]) -> str:
    for mark in marks:
        name = name.replace(mark, "")
    return name


def combine_target(spec, fields: dict[str, Field]) -> None:
    """指标性质 + 指标值 + 度量单位 → one target: '≧' '500' '人次' → '≧500人次'; 反向 → '≤'."""
    for split in spec.splits:
        value = fields.get(split.into)
        if value is None:
            continue
        text = clean(value.text)
        nature = fields.get(split.operator) if split.operator else None
        unit = fields.get(split.unit) if split.unit else None
        op = ""
        if nature is not None and not nature.blank:
            printed = clean(nature.text)
            op = spec.operators.get(folded(printed), spec.operators.get(printed, ""))
            if op and not CJK.search(printed):
                op = printed  # NOTE: a symbol stays as printed (≧), a word becomes its symbol (反向 → ≤)
        unit_text = clean(unit.text) if unit is not None else ""
        if text and op and not text.startswith(tuple(spec.operators)):
            text = op + text
        if text and unit_text and not text.endswith(unit_text) and NUMERIC.match(LEADING_OP.sub("", text)):
            text += unit_text
        if text != clean(value.text):
            fields[split.into] = Field(text, value.loc)


def total_row(row: list[Cell], columns: dict[str, int], width: int) -> TotalRow:
    """The 总分 row: its weight and score wherever they stand; a trailing 优/良/中/差 is the grade."""
    if len(row) >= width and columns:
        cells = aligned(row, columns, width)
        values = {k: cell_field(cells[k], "总分", column_name(k)) for k in ("weight", "score") if k in cells}
        if any(v.figure for v in values.values()):
            return TotalRow(values=values, evidence=evidence_of(row), loc=row[0].loc.with_labels("总分"))

    values = total_values(row)
    grade = next((c for c in reversed(row[1:]) if GRADE.match(clean(c.text))), None)
    if grade is not None:
        values["grade"] = cell_field(grade, "总分", "等级")
    return TotalRow(values=values, evidence=evidence_of(row), loc=row[0].loc.with_labels("总分"))


def total_values(row: list[Cell]) -> dict[str, Field]:
    numbers = [c for c in row[1:] if clean(c.text) and NUMERIC.match(clean(c.text))]
    values: dict[str, Field] = {}
    if len(numbers) >= 2:
        values["weight"] = cell_field(numbers[0], "总分", "分值")
        values["score"] = cell_field(numbers[1], "总分", "得分")
    elif numbers:
        values["score"] = cell_field(numbers[0], "总分", "得分")
    return values
