"""Recognise a 项目支出绩效自评表 inside a table grid.

A Word 自评表 is one table with ragged rows: header pairs, the funding block,
the 年度总体目标 rows, the indicator block and the 总分 row. Each block is found
by its header words; rows are mapped to the header's columns by position when
they are as long as the header and right-aligned when shorter (the 总分 row
spans the label columns). Cells left empty by a vertical merge inherit the
一级/二级 label above them.
"""
from __future__ import annotations

import re

from auditor.document import Cell, Table
from auditor.recognise import headers as H
from auditor.recognise.records import (
    Field, FundingRow, IndicatorRow, ProjectTable, TotalRow, clean,
)

_YEAR = re.compile(r"(\d{4})\s*年度?")


def is_self_evaluation(table: Table) -> bool:
    texts = {clean(c.text) for row in table.rows for c in row[:4]}
    joined = "".join(texts)
    return ("全年预算数" in joined or "执行数" in joined or "一级" in joined) and (
        "三级" in joined or "执行率" in joined
    )


def recognise_table(table: Table) -> ProjectTable:
    result = ProjectTable(name=None, table=table.index, loc=table.loc)
    mode, columns = "header", {}
    indicator_columns: dict[str, int] = {}
    carry: dict[str, Field] = {}
    for row in table.rows:
        texts = [c.text for c in row]
        cleaned = [clean(t) for t in texts]
        first = next((t for t in cleaned if t), "")
        if not first:
            continue
        joined = "".join(cleaned)
        if _is_funding_header(joined):
            mode, columns = "funding", H.column_map(texts, H.FUNDING_COLUMNS)
            if ("（元）" in joined or "(元)" in joined) and "万元" not in joined:
                result.unit = "元"
            continue
        if "预期目标" in joined:
            mode = "goals"
            continue
        if "三级" in joined and any(t.startswith("一级") for t in cleaned):
            mode, indicator_columns = "indicators", H.column_map(texts, H.INDICATOR_COLUMNS)
            carry = {}
            continue
        if first.startswith(("总分", "合计分", "总计")) and mode == "indicators":
            result.total = _total_row(row, indicator_columns, len(texts))
            mode = "done"
            continue
        if mode == "header":
            _read_header(row, result)
        elif mode == "funding":
            funding = _funding_row(row, columns)
            if funding:
                result.funding.append(funding)
        elif mode == "goals":
            cells = [c for c in row if clean(c.text)]
            if len(cells) >= 2:
                result.goals.append((_field(cells[-2], "年度总体目标", "预期目标"),
                                     _field(cells[-1], "年度总体目标", "实际完成情况")))
            elif cells:
                result.goals.append((_field(cells[0], "年度总体目标", "预期目标"), Field("", cells[0].loc)))
        elif mode == "indicators":
            indicator = _indicator_row(row, indicator_columns, carry)
            if indicator:
                result.indicators.append(indicator)
    _split_parents(result)
    if not result.indicators:
        result.problems.append((table.loc, "indicators"))
    if result.total is None:
        result.problems.append((table.loc, "total"))
    return result


def _field(cell: Cell, row: str | None = None, column: str | None = None) -> Field:
    return Field(cell.text, cell.loc.with_labels(row, column))


def _is_funding_header(joined: str) -> bool:
    return ("预算数" in joined or "预算" in joined) and ("执行数" in joined or "执行率" in joined) and "一级" not in joined


def _read_header(row: list[Cell], result: ProjectTable) -> None:
    for i, cell in enumerate(row):
        label = clean(cell.text)
        m = _YEAR.search(label)
        if m and result.year is None and len(label) <= 12:
            result.year = Field(m.group(1), cell.loc)
        if label in H.HEADER_LABELS and i + 1 < len(row):
            value = _field(row[i + 1], label, label)
            if label == "项目名称":
                result.name = value
            else:
                result.header[label] = value


def _aligned(row: list[Cell], columns: dict[str, int], width: int) -> dict[str, Cell]:
    """Cells by column key; a short row is right-aligned to the header's width."""
    shift = max(0, width - len(row))
    out = {}
    for key, position in columns.items():
        i = position - shift
        if 0 <= i < len(row):
            out[key] = row[i]
    return out


def _funding_row(row: list[Cell], columns: dict[str, int]) -> FundingRow | None:
    first_value = min(columns.values()) if columns else len(row)
    width = max(columns.values()) + 1 if columns else len(row)
    shift = max(0, width - len(row))
    label_cells = [c for c in row[: max(0, first_value - shift)] if clean(c.text)]
    if not label_cells:
        return None
    label = label_cells[-1]
    kind = H.match(label.text, H.FUNDING_ROWS)
    if kind is None:
        return None
    name = clean(label.text).rstrip(":：")
    cells = _aligned(row, columns, width)
    values = {k: _field(c, name, _column_name(k)) for k, c in cells.items()}
    return FundingRow(kind=kind, label=_field(label, name), values=values, evidence=_evidence(row))


def _indicator_row(row: list[Cell], columns: dict[str, int], carry: dict[str, Field]) -> IndicatorRow | None:
    width = max(columns.values()) + 1 if columns else len(row)
    cells = _aligned(row, columns, width)
    fields = {k: _field(c) for k, c in cells.items()}
    for level in ("level1", "level2"):
        if level in fields and not fields[level].blank:
            carry[level] = fields[level]
            if level == "level1":
                carry.pop("level2", None)
        elif level in carry:
            fields[level] = carry[level]
    if "level1" not in fields:
        return None
    level3 = fields.get("level3") or Field("", row[0].loc)
    row_name = clean(level3.text) or clean(fields.get("level2", level3).text)
    values = {
        k: Field(f.text, f.loc.with_labels(row_name, _column_name(k)))
        for k, f in fields.items() if k not in ("level1", "level2", "level3")
    }
    level1 = fields["level1"]
    cap_text = H.stated_cap(level1.text)
    level2 = fields.get("level2")
    return IndicatorRow(
        level1=level1,
        category=H.category_of(level1.text) or (H.category_from_level2(level2.text) if level2 else None),
        cap=Field(cap_text, level1.loc.with_labels(clean(level1.text), "一级指标")) if cap_text else None,
        level2=fields.get("level2") or Field("", level1.loc),
        level3=level3,
        values=values,
        evidence=_evidence(row),
    )


def _split_parents(result: ProjectTable) -> None:
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
            children = [r for r in rows[i + 1:] if r.level1 is row.level1 or clean(r.level1.text) == clean(row.level1.text)]
            same = [r for r in children if row.level2.blank or clean(r.level2.text) == clean(row.level2.text)]
            if any(not r.level3.blank for r in same):
                if row.level2.blank or clean(row.level2.text) == clean(row.level1.text):
                    row.category = row.category or next((r.category for r in same if r.category), None)
                    result.parents.append(row)
                continue
        keep.append(row)
    result.indicators = keep


def _total_row(row: list[Cell], columns: dict[str, int], _n: int) -> TotalRow:
    width = max(columns.values()) + 1 if columns else len(row)
    cells = _aligned(row, columns, width)
    values = {k: _field(cells[k], "总分", _column_name(k)) for k in ("weight", "score") if k in cells}
    return TotalRow(values=values, evidence=_evidence(row), loc=row[0].loc.with_labels("总分"))


_COLUMN_NAMES = {
    "initial": "年初预算数", "budget": "全年预算数", "executed": "全年执行数", "rate": "执行率",
    "weight": "分值", "score": "得分", "target": "年度指标值", "actual": "实际完成值",
    "reason": "偏差原因分析及改进措施", "nature": "指标性质", "unit": "度量单位",
}


def _column_name(key: str) -> str:
    return _COLUMN_NAMES.get(key, key)


def _evidence(row: list[Cell]) -> str:
    """The row as a person would read it aloud: its non-empty cells, space separated."""
    return " ".join(clean(c.text) for c in row if clean(c.text))
