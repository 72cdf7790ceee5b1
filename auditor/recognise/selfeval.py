"""Recognise a 项目支出绩效自评表 inside a table grid, as one of the declared forms.

A Word 自评表 is one table with ragged rows: header pairs, the funding block,
the 年度总体目标 rows, the indicator block and the 总分 row. Which words mark
each block and column, which rows are totals, footers or placeholders, comes
from the table's form (`rules/forms/`, see `auditor.ruleset.forms`), never
from guesses in code. Rows are mapped to the header's columns by position when
they are as long as the header; a shorter indicator row is placed by its first
name (a 一级, 二级 or 三级), a funding row by its label, the 总分 row by its
figures. Cells left empty by a vertical merge inherit the 一级/二级 label above
them. How far each block was read is kept in `ProjectTable.blocks`, so that no
verdict is given on a block not read in full.

The pieces live beside it: `cells` (a located cell, a placed row),
`header_rows` (two-row headers), `funding_rows`, `indicator_rows` (split
targets, 总分, parents, placeholders) and `categories`.
"""

from __future__ import annotations

import re

from auditor.document import Cell, Table
from auditor.recognise import headers as H
from auditor.recognise.categories import categorise, has_level2_word, is_level1_name, misfiled_under_merge, own_category
from auditor.recognise.cells import (
    NUMERIC,
    aligned,
    blank,
    cell_field,
    column_name,
    evidence_of,
    folded,
    starts_with,
)
from auditor.recognise.funding_rows import funding_row
from auditor.recognise.header_rows import combine_headers, is_subheader, is_words_only, with_row_above
from auditor.recognise.indicator_rows import combine_target, placeholder_test, split_parents, strip_marks, total_row
from auditor.recognise.records import Field, IndicatorRow, ProjectTable, clean
from auditor.ruleset.forms import Form

_YEAR = re.compile(r"(\d{4})\s*年度?")
_SCORE_FORMULA = re.compile(r"(\d+(?:\.\d+)?)分\s*[*×xX]\s*执行率")  # 得分(20分*执行率)


def is_self_evaluation(table: Table) -> bool:
    """Whether a table looks like a 自评表 at all (then it is read as a declared form, or reported)."""
    texts = {clean(c.text) for row in table.rows for c in row[:4]}
    joined = "".join(texts)
    return ("全年预算数" in joined or "执行数" in joined or "一级" in joined) and (
        "三级" in joined or "执行率" in joined or "二级" in joined
    )


def header_words(table: Table, limit: int = 12) -> list[str]:
    """The short label cells of a table, in order: what a person is told when no form fits it."""
    seen: dict[str, None] = {}
    for row in table.rows:
        for c in row:
            t = clean(c.text)
            if t and len(t) <= 12 and not NUMERIC.match(t):
                seen.setdefault(t, None)
        if len(seen) >= limit:
            break
    return list(seen)[:limit]


def recognise_table(table: Table, form: Form) -> ProjectTable:
    result = ProjectTable(
        name=None,
        table=table.index,
        loc=table.loc,
        form=form.code,
        kind=form.kind,
        scored=form.scored,
        profile=form.profile,
    )
    reader = _Reader(form, result)
    rows = table.rows
    i = 0
    while i < len(rows):
        i = reader.row(rows, i)
    reader.finish(table)
    return result


class _Reader:
    """The block-by-block walk over one table's rows, with the form's words."""

    def __init__(self, form: Form, result: ProjectTable):
        self.form, self.result = form, result
        self.mode = "header"
        self.funding_columns: dict[str, int] = {}
        self.indicator_columns: dict[str, int] = {}
        self.width = 0
        self.carry: dict[str, Field] = {}
        self.funding_weight: Field | None = None
        self.rows_read: list[tuple[IndicatorRow, bool, str | None]] = []  # row, 一级 printed in it, its 一级's category
        self.seen = {
            "funding_header": False,
            "indicator_header": False,
            "ended": False,
            "short_rows": 0,
            "goals_header": False,
            "management": False,
        }

    # --- the walk -------------------------------------------------------------------------------------
    def row(self, rows: list[list[Cell]], i: int) -> int:
        row = rows[i]
        texts = [c.text for c in row]
        cleaned = [clean(t) for t in texts]
        first = next((t for t in cleaned if t), "")
        if not first:
            return i + 1
        joined = "".join(cleaned)
        form = self.form
        if self.mode in ("indicators", "after") and self._is_total(first, cleaned):
            self.result.total = total_row(row, self.indicator_columns, self.width)
            self.mode, self.seen["ended"] = "after", True
            return i + 1
        if self.mode == "indicators" and starts_with(first, form.rows.footers):
            self.mode, self.seen["ended"] = "after", True
        if self.mode == "after":
            self._remark(row, first)
            return i + 1
        if self.mode == "indicators":  # NOTE: no other block starts inside the indicators: skip the header tests
            self._indicator_row(row)
            return i + 1
        if (
            form.funding
            and self.mode in ("header", "goals")
            and form.funding.header.test(folded(joined))
            and "一级" not in joined
        ):
            self.mode, self.seen["funding_header"] = "funding", True
            self.funding_columns = H.column_map(texts, list(form.funding.columns.items()))
            cap = H.stated_cap(joined) or next(iter(_SCORE_FORMULA.findall(folded(joined))), None)
            if cap and "weight" not in self.funding_columns:
                # NOTE: 预算执行情况（万元）(20分): the weight of a form with no 分值 column, stated in its header
                self.funding_weight = Field(cap, row[0].loc.with_labels("年度资金总额", "分值"))
            if ("（元）" in joined or "(元)" in joined) and "万元" not in joined:
                self.result.unit = "元"
            return i + 1
        if form.management and self.mode in ("funding", "header") and form.management.test(folded(joined)):
            self.mode, self.seen["management"] = "management", True
            return i + 1
        if form.goals.test(folded(joined)) or ("年度总体目标" in joined and "实际完成" in joined):
            self.mode, self.seen["goals_header"] = "goals", True
            return i + 1
        if form.indicators and self.mode != "indicators" and self._is_indicator_header(cleaned, joined):
            return self._indicator_header(rows, i)
        if self.mode == "header":
            self._read_header(row)
        elif self.mode == "funding":
            funding = funding_row(self.form, self.funding_columns, row)
            if funding:
                self.result.funding.append(funding)
        elif self.mode == "goals":
            self._goal_row(row)
        elif self.mode == "indicators":
            self._indicator_row(row)
        return i + 1

    def finish(self, table: Table) -> None:
        result, form = self.result, self.form
        misfiled_under_merge(self.rows_read, result)
        split_parents(result)
        total = next((f for f in result.funding if f.kind == "total"), None)
        if total is not None and self.funding_weight is not None and "weight" not in total.values:
            total.values["weight"] = self.funding_weight
        blocks = {"header": "full" if result.name is not None else "none"}
        if form.funding:
            total = next((f for f in result.funding if f.kind == "total"), None)
            if not self.seen["funding_header"]:
                blocks["funding"] = "none"
            elif total is None or not any(
                total.values.get(k) and total.values[k].figure for k in ("budget", "executed")
            ):
                blocks["funding"] = "partial"
            else:
                blocks["funding"] = "full"
        # NOTE: goals left blank are a defect of the report (missing_value), not a gap in the reading
        if form.management:
            blocks["management"] = "full" if self.seen["management"] else "none"
        if self.seen["goals_header"] or result.goals:  # NOTE: a form without a goals block is not missing one
            blocks["goals"] = "full"
        if form.indicators:
            if not self.seen["indicator_header"]:
                blocks["indicators"] = "none"
            elif not result.indicators:
                blocks["indicators"] = "partial"
            elif form.has_total and result.scored and not self.seen["ended"]:
                blocks["indicators"] = "partial"  # the table stopped before its 总分 row: cut off
            else:
                blocks["indicators"] = "full"
        if form.has_total and result.scored:
            blocks["total"] = (
                "full"
                if result.total is not None
                and result.total.values.get("score") is not None
                and not result.total.values["score"].blank
                else "none"
            )
        result.blocks = blocks
        if blocks.get("indicators") in ("none", "partial"):
            result.problems.append((table.loc, "indicators"))
        if blocks.get("total") == "none":
            result.problems.append((table.loc, "total"))
        if blocks.get("funding") == "partial":
            result.problems.append((table.loc, "funding"))

    # --- blocks ---------------------------------------------------------------------------------------
    def _is_total(self, first: str, cleaned: list[str]) -> bool:
        label = first.rstrip(":：")
        return any(label.startswith(w) for w in self.form.rows.totals) and len(label) <= 8

    def _is_indicator_header(self, cleaned: list[str], joined: str) -> bool:
        spec = self.form.indicators
        if not spec.header.test(folded(joined)):
            return False
        return any(t.startswith(("一级", "二级")) for t in cleaned)

    def _indicator_header(self, rows: list[list[Cell]], i: int) -> int:
        """Map the indicator header's columns; a second header row (F2's 指标性质 | 指标值 | 度量单位) joins it."""
        spec = self.form.indicators
        texts = [c.text for c in rows[i]]
        used = i + 1
        if i + 1 < len(rows) and is_subheader(rows[i + 1], spec):
            texts = combine_headers(texts, [c.text for c in rows[i + 1]])
            used = i + 2
        self.indicator_columns = H.column_map(texts, list(spec.columns.items()))
        missing = [k for k in spec.required if k not in self.indicator_columns]
        if missing and i > 0 and is_words_only(rows[i - 1]):
            texts = with_row_above(texts, [c.text for c in rows[i - 1]], spec, self.indicator_columns)
            self.indicator_columns = H.column_map(texts, list(spec.columns.items()))
        cap = H.stated_cap("".join(clean(t) for t in texts))
        if cap:
            self.result.indicator_points = Field(cap, rows[i][0].loc.with_labels("绩效指标", "分值"))
        self.result.misfit = [k for k in spec.required if k not in self.indicator_columns]
        self.result.weights_printed = "weight" in self.indicator_columns
        if not ({"weight", "score"} & set(self.indicator_columns)):
            self.result.scored = False  # NOTE: 转移支付 and indicator-only tables print no weights or scores
        self.width = max(self.indicator_columns.values()) + 1 if self.indicator_columns else len(texts)
        self.mode, self.carry = "indicators", {}
        self.seen["indicator_header"] = True
        return used

    def _remark(self, row: list[Cell], label: str) -> None:
        """A footer row that explains (偏差原因分析, 改进措施, 存在问题): the table's own reason, kept as text."""
        if not any(w in label for w in ("原因", "偏差", "改进", "问题", "说明")):
            return
        texts = [c for c in row[1:] if clean(c.text)]
        if texts:
            self.result.remarks.append(Field(" ".join(clean(c.text) for c in texts), texts[0].loc.with_labels(label)))

    def _read_header(self, row: list[Cell]) -> None:
        for i, cell in enumerate(row):
            label = clean(cell.text)
            m = _YEAR.search(label)
            if m and self.result.year is None and len(label) <= 12:
                self.result.year = Field(m.group(1), cell.loc)
            name = label.rstrip(":：")
            names = self.form.name_labels
            if (name in H.HEADER_LABELS or name in names) and i + 1 < len(row):
                value = cell_field(row[i + 1], name, name)
                if name in names:
                    self.result.name = value
                else:
                    self.result.header[name] = value
            elif self.result.name is None and name.startswith("项目名称") and len(name) > 5:
                # NOTE: 项目名称:XXX in one cell, as some portals print it
                self.result.name = Field(name[5:].lstrip(":："), cell.loc.with_labels("项目名称", "项目名称"))

    def _goal_row(self, row: list[Cell]) -> None:
        cells = [c for c in row if clean(c.text)]
        if (
            self.form.indicators
            and len(cells) >= 3
            and all(len(clean(c.text)) <= 12 for c in cells)
            and is_words_only(row)
            and len(H.column_map([c.text for c in cells], list(self.form.indicators.columns.items()))) >= 3
        ):
            return  # NOTE: the first row of an indicator header printed upside down, not a goal
        while len(cells) > 2 and NUMERIC.match(clean(cells[-1].text)):
            cells.pop()  # a 总体完成率 printed after the goal and its result
        if len(cells) >= 2:
            self.result.goals.append(
                (
                    cell_field(cells[-2], "年度总体目标", "预期目标"),
                    cell_field(cells[-1], "年度总体目标", "实际完成情况"),
                )
            )
        elif cells:
            self.result.goals.append((cell_field(cells[0], "年度总体目标", "预期目标"), Field("", cells[0].loc)))

    def _indicator_row(self, row: list[Cell]) -> None:
        if len(row) < self.width:
            self.seen["short_rows"] += 1
            cells = self._anchored(row)
        else:
            cells = aligned(row, self.indicator_columns, self.width)
        fields = {k: cell_field(c) for k, c in cells.items()}
        printed_level1 = "level1" in fields and not fields["level1"].blank
        for level in ("level1", "level2"):
            if level in fields and not fields[level].blank:
                self.carry[level] = fields[level]
                if level == "level1":
                    self.carry.pop("level2", None)
            elif level in self.carry:
                fields[level] = self.carry[level]
        if "level1" not in fields and "level2" not in fields:
            return
        level1 = fields.get("level1") or fields.get("level2")
        if printed_level1 and starts_with(clean(level1.text), self.form.indicators.funding_line):
            self._funding_line(fields)
            return
        level3 = fields.get("level3") or Field("", row[0].loc)
        marks = self.form.rows.marks
        name = strip_marks(clean(level3.text), marks)
        if name.startswith(tuple(self.form.rows.children)) and blank(fields.get("weight")):
            return  # a 其中 row that repeats part of the row above, with no weight of its own
        if placeholder_test(tuple(self.form.rows.placeholders))(name):
            self.result.placeholders.append(Field(level3.text, level3.loc.with_labels(name, "三级指标")))
            if blank(fields.get("weight")) and blank(fields.get("score")):
                return
        if name != clean(level3.text):
            level3 = Field(name, level3.loc)
        row_name = name or clean(fields.get("level2", level3).text)
        combine_target(self.form.indicators, fields)
        values = {
            k: Field(f.text, f.loc.with_labels(row_name, column_name(k)))
            for k, f in fields.items()
            if k not in ("level1", "level2", "level3", "nature", "unit", "direction")
        }
        level2 = fields.get("level2") or Field("", level1.loc)
        category, misfiled = categorise(self.form, level1.text, level2.text, printed_level1)
        cap_text = H.stated_cap(level1.text)
        indicator = IndicatorRow(
            level1=level1,
            category=category,
            cap=Field(cap_text, level1.loc.with_labels(clean(level1.text), "一级指标")) if cap_text else None,
            level2=level2,
            level3=level3,
            values=values,
            evidence=evidence_of(row),
        )
        if misfiled:
            self.result.misplaced.append((indicator, misfiled))
        self.result.indicators.append(indicator)
        carried = own_category(self.form, level1.text)
        self.rows_read.append((indicator, printed_level1, carried))

    def _anchored(self, row: list[Cell]) -> dict[str, Cell]:
        """A short indicator row placed by what its first filled cell is: a 一级, a 二级 or a 三级 name.

        NOTE: rows come short from two sides: a web page leaves out the cells
        a rowspan covers (the 一级 and 二级 of later rows) and a capture drops
        trailing blanks or cuts the row off. Right-aligning such a row put
        names under 得分; its first name says where it starts.
        """
        columns = self.indicator_columns
        k = next((i for i, c in enumerate(row) if clean(c.text)), None)
        if k is None:
            return {}
        text = clean(row[k].text)
        if "level1" in columns and is_level1_name(text, self.form):
            key = "level1"
        elif "level2" in columns and has_level2_word(text, self.form) and len(text) <= 12:
            key = "level2"
        elif "level3" in columns:
            key = "level3"
        else:
            return aligned(row, columns, self.width)
        offset = columns[key] - k
        return {name: row[p - offset] for name, p in columns.items() if 0 <= p - offset < len(row)}

    def _funding_line(self, fields: dict[str, Field]) -> None:
        """The 预算执行率 row of the indicator block: the funding total's weight and score."""
        total = next((f for f in self.result.funding if f.kind == "total"), None)
        if total is None:
            return
        label = clean(total.label.text)
        for key in ("weight", "score"):
            if key in fields and not fields[key].blank:
                total.values[key] = Field(fields[key].text, fields[key].loc.with_labels(label, column_name(key)))
        self.carry.pop("level1", None)
