"""Recognise a 项目支出绩效自评表 inside a table grid, as one of the declared forms.

A Word 自评表 is one table with ragged rows: header pairs, the funding block,
the 年度总体目标 rows, the indicator block and the 总分 row. Which words mark
each block and column, which rows are totals, footers or placeholders, comes
from the table's form (`rules/forms/`, see `auditor.recognise.forms`), never
from guesses in code. Rows are mapped to the header's columns by position when
they are as long as the header and right-aligned when shorter (the 总分 row
spans the label columns). Cells left empty by a vertical merge inherit the
一级/二级 label above them. How far each block was read is kept in
`ProjectTable.blocks`, so that no verdict is given on a block not read in full.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from auditor.document import Cell, Table
from auditor.recognise import headers as H
from auditor.ruleset.forms import Form
from auditor.recognise.records import (
    Field, FundingRow, IndicatorRow, ProjectTable, TotalRow, clean,
)

_YEAR = re.compile(r"(\d{4})\s*年度?")
_GRADE = re.compile(r"^(优秀?|良好?|中等?|合格|差|较差)$")
_CAP_SUFFIX = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
_SCORE_FORMULA = re.compile(r"(\d+(?:\.\d+)?)分\s*[*×xX]\s*执行率")  # 得分(20分*执行率)
_LEADING_OP = re.compile(r"^[^\d.+-]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMERIC = re.compile(r"^[-+]?\d+(?:\.\d+)?%?$")


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
            if t and len(t) <= 12 and not _NUMERIC.match(t):
                seen.setdefault(t, None)
        if len(seen) >= limit:
            break
    return list(seen)[:limit]


def recognise_table(table: Table, form: Form) -> ProjectTable:
    result = ProjectTable(name=None, table=table.index, loc=table.loc, form=form.code, kind=form.kind,
                          scored=form.scored, profile=form.profile)
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
        self.seen = {"funding_header": False, "indicator_header": False, "ended": False, "short_rows": 0,
                     "goals_header": False, "management": False}

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
            self.result.total = self._total_row(row)
            self.mode, self.seen["ended"] = "after", True
            return i + 1
        if self.mode == "indicators" and _starts(first, form.rows.footers):
            self.mode, self.seen["ended"] = "after", True
        if self.mode == "after":
            self._remark(row, first)
            return i + 1
        if self.mode == "indicators":  # NOTE: no other block starts inside the indicators: skip the header tests
            self._indicator_row(row)
            return i + 1
        if form.funding and self.mode in ("header", "goals") and form.funding.header.test(_norm(joined)) \
                and "一级" not in joined:
            self.mode, self.seen["funding_header"] = "funding", True
            self.funding_columns = H.column_map(texts, list(form.funding.columns.items()))
            cap = H.stated_cap(joined) or next(iter(_SCORE_FORMULA.findall(_norm(joined))), None)
            if cap and "weight" not in self.funding_columns:
                # NOTE: 预算执行情况（万元）(20分): the weight of a form with no 分值 column, stated in its header
                self.funding_weight = Field(cap, row[0].loc.with_labels("年度资金总额", "分值"))
            if ("（元）" in joined or "(元)" in joined) and "万元" not in joined:
                self.result.unit = "元"
            return i + 1
        if form.management and self.mode in ("funding", "header") and form.management.test(_norm(joined)):
            self.mode, self.seen["management"] = "management", True
            return i + 1
        if form.goals.test(_norm(joined)) or ("年度总体目标" in joined and "实际完成" in joined):
            self.mode, self.seen["goals_header"] = "goals", True
            return i + 1
        if form.indicators and self.mode != "indicators" and self._is_indicator_header(cleaned, joined):
            return self._indicator_header(rows, i)
        if self.mode == "header":
            self._read_header(row)
        elif self.mode == "funding":
            funding = self._funding_row(row)
            if funding:
                self.result.funding.append(funding)
        elif self.mode == "goals":
            self._goal_row(row)
        elif self.mode == "indicators":
            self._indicator_row(row)
        return i + 1

    def finish(self, table: Table) -> None:
        result, form = self.result, self.form
        _misfiled_under_merge(self.rows_read, result)
        _split_parents(result)
        total = next((f for f in result.funding if f.kind == "total"), None)
        if total is not None and self.funding_weight is not None and "weight" not in total.values:
            total.values["weight"] = self.funding_weight
        blocks = {"header": "full" if result.name is not None else "none"}
        if form.funding:
            total = next((f for f in result.funding if f.kind == "total"), None)
            if not self.seen["funding_header"]:
                blocks["funding"] = "none"
            elif total is None or not any(total.values.get(k) and total.values[k].figure for k in ("budget", "executed")):
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
            blocks["total"] = "full" if result.total is not None and result.total.values.get("score") is not None \
                and not result.total.values["score"].blank else "none"
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
        if not spec.header.test(_norm(joined)):
            return False
        return any(t.startswith(("一级", "二级")) for t in cleaned)

    def _indicator_header(self, rows: list[list[Cell]], i: int) -> int:
        """Map the indicator header's columns; a second header row (F2's 指标性质 | 指标值 | 度量单位) joins it."""
        spec = self.form.indicators
        texts = [c.text for c in rows[i]]
        used = i + 1
        if i + 1 < len(rows) and _is_subheader(rows[i + 1], spec):
            texts = _combine_headers(texts, [c.text for c in rows[i + 1]])
            used = i + 2
        self.indicator_columns = H.column_map(texts, list(spec.columns.items()))
        missing = [k for k in spec.required if k not in self.indicator_columns]
        if missing and i > 0 and _is_words_only(rows[i - 1]):
            texts = _with_row_above(texts, [c.text for c in rows[i - 1]], spec, self.indicator_columns)
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
                value = _field(row[i + 1], name, name)
                if name in names:
                    self.result.name = value
                else:
                    self.result.header[name] = value
            elif self.result.name is None and name.startswith("项目名称") and len(name) > 5:
                # NOTE: 项目名称:XXX in one cell, as some portals print it
                self.result.name = Field(name[5:].lstrip(":："), cell.loc.with_labels("项目名称", "项目名称"))

    def _goal_row(self, row: list[Cell]) -> None:
        cells = [c for c in row if clean(c.text)]
        if self.form.indicators and len(cells) >= 3 and all(len(clean(c.text)) <= 12 for c in cells) \
                and _is_words_only(row) \
                and len(H.column_map([c.text for c in cells], list(self.form.indicators.columns.items()))) >= 3:
            return  # NOTE: the first row of an indicator header printed upside down, not a goal
        while len(cells) > 2 and _NUMERIC.match(clean(cells[-1].text)):
            cells.pop()  # a 总体完成率 printed after the goal and its result
        if len(cells) >= 2:
            self.result.goals.append((_field(cells[-2], "年度总体目标", "预期目标"),
                                      _field(cells[-1], "年度总体目标", "实际完成情况")))
        elif cells:
            self.result.goals.append((_field(cells[0], "年度总体目标", "预期目标"), Field("", cells[0].loc)))

    def _funding_row(self, row: list[Cell]) -> FundingRow | None:
        """A funding row, its values placed by where its label stands.

        NOTE: rows are aligned on their label, not on their right end: sub-rows
        often print fewer cells than the header (年初预算数 left blank, one `—`
        merged over 分值/执行率/得分), and right-aligning those shifted every amount.
        """
        if self.form.funding.layout == "pairs":
            return self._funding_pairs(row)
        columns = self.funding_columns
        first_value = min(columns.values()) if columns else len(row)
        rows_words = list(self.form.funding.rows.items())
        at = next((i for i, c in enumerate(row[:first_value + 1])
                   if clean(c.text) and not _NUMERIC.match(clean(c.text)) and H.match(c.text, rows_words)), None)
        kind = H.match(row[at].text, rows_words) if at is not None else None
        if at is None:
            # NOTE: a source the form does not name (彩票公益金用于医疗救助) is read as an `item`: its own rate
            # is checked, but it is summed into nothing, so an unnamed sub-sub-row is never counted twice
            at = _item_label(row, first_value)
            if at is None:
                return None
            kind = "item"
        label = row[at]
        name = clean(label.text).rstrip(":：")
        offset = at - (first_value - 1)
        cells = {k: row[p + offset] for k, p in columns.items() if 0 <= p + offset < len(row) and p + offset > at}
        values = {k: _field(c, name, _column_name(k)) for k, c in cells.items() if k != "reason"}
        _percent_is_the_rate(values, name)
        return FundingRow(kind=kind, label=_field(label, name), values=values, evidence=_evidence(row))

    def _funding_pairs(self, row: list[Cell]) -> FundingRow | None:
        """A row of label | value pairs: the i-th pair under the i-th column group, a lone last figure the rate."""
        cells = [c for c in row if clean(c.text)]
        if not cells or _NUMERIC.match(clean(cells[0].text)):
            return None
        kind = H.match(cells[0].text, list(self.form.funding.rows.items()))
        if kind is None:
            return None
        keys = [k for k, _ in sorted(self.funding_columns.items(), key=lambda kv: kv[1])]
        name = clean(cells[0].text).rstrip(":：")
        values: dict[str, Field] = {}
        i, group = 0, 0
        while i < len(cells) and group < len(keys):
            if _NUMERIC.match(clean(cells[i].text)):  # a figure with no label before it: the next group's value
                values[keys[group]] = _field(cells[i], name, _column_name(keys[group]))
                i, group = i + 1, group + 1
            elif i + 1 < len(cells) and _NUMERIC.match(clean(cells[i + 1].text)):
                values[keys[group]] = _field(cells[i + 1], name, _column_name(keys[group]))
                i, group = i + 2, group + 1
            else:
                i += 1
        return FundingRow(kind=kind, label=_field(cells[0], name), values=values, evidence=_evidence(row))

    def _indicator_row(self, row: list[Cell]) -> None:
        if len(row) < self.width:
            self.seen["short_rows"] += 1
            cells = self._anchored(row)
        else:
            cells = _aligned(row, self.indicator_columns, self.width)
        fields = {k: _field(c) for k, c in cells.items()}
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
        if printed_level1 and _starts(clean(level1.text), self.form.indicators.funding_line):
            self._funding_line(fields)
            return
        level3 = fields.get("level3") or Field("", row[0].loc)
        marks = self.form.rows.marks
        name = _strip_marks(clean(level3.text), marks)
        if name.startswith(tuple(self.form.rows.children)) and _blank(fields.get("weight")):
            return  # a 其中 row that repeats part of the row above, with no weight of its own
        if _placeholder(tuple(self.form.rows.placeholders))(name):
            self.result.placeholders.append(Field(level3.text, level3.loc.with_labels(name, "三级指标")))
            if _blank(fields.get("weight")) and _blank(fields.get("score")):
                return
        if name != clean(level3.text):
            level3 = Field(name, level3.loc)
        row_name = name or clean(fields.get("level2", level3).text)
        self._combine_target(fields)
        values = {
            k: Field(f.text, f.loc.with_labels(row_name, _column_name(k)))
            for k, f in fields.items() if k not in ("level1", "level2", "level3", "nature", "unit", "direction")
        }
        level2 = fields.get("level2") or Field("", level1.loc)
        category, misfiled = _category(self.form, level1.text, level2.text, printed_level1)
        cap_text = H.stated_cap(level1.text)
        indicator = IndicatorRow(
            level1=level1, category=category,
            cap=Field(cap_text, level1.loc.with_labels(clean(level1.text), "一级指标")) if cap_text else None,
            level2=level2, level3=level3, values=values, evidence=_evidence(row),
        )
        if misfiled:
            self.result.misplaced.append((indicator, misfiled))
        self.result.indicators.append(indicator)
        carried = _own_category(self.form, level1.text)
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
        if "level1" in columns and _level1_name(text, self.form):
            key = "level1"
        elif "level2" in columns and _level2_word(text, self.form) and len(text) <= 12:
            key = "level2"
        elif "level3" in columns:
            key = "level3"
        else:
            return _aligned(row, columns, self.width)
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
                total.values[key] = Field(fields[key].text, fields[key].loc.with_labels(label, _column_name(key)))
        self.carry.pop("level1", None)

    def _combine_target(self, fields: dict[str, Field]) -> None:
        """指标性质 + 指标值 + 度量单位 → one target: '≧' '500' '人次' → '≧500人次'; 反向 → '≤'."""
        spec = self.form.indicators
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
                op = spec.operators.get(_norm(printed), spec.operators.get(printed, ""))
                if op and not _CJK.search(printed):
                    op = printed  # NOTE: a symbol stays as printed (≧), a word becomes its symbol (反向 → ≤)
            unit_text = clean(unit.text) if unit is not None else ""
            if text and op and not text.startswith(tuple(spec.operators)):
                text = op + text
            if text and unit_text and not text.endswith(unit_text) and _NUMERIC.match(_LEADING_OP.sub("", text)):
                text += unit_text
            if text != clean(value.text):
                fields[split.into] = Field(text, value.loc)

    def _total_row(self, row: list[Cell]) -> TotalRow:
        """The 总分 row: its weight and score wherever they stand; a trailing 优/良/中/差 is the grade."""
        if len(row) >= self.width and self.indicator_columns:
            cells = _aligned(row, self.indicator_columns, self.width)
            values = {k: _field(cells[k], "总分", _column_name(k)) for k in ("weight", "score") if k in cells}
            if any(v.figure for v in values.values()):
                return TotalRow(values=values, evidence=_evidence(row), loc=row[0].loc.with_labels("总分"))

        values = self._total_values(row)
        grade = next((c for c in reversed(row[1:]) if _GRADE.match(clean(c.text))), None)
        if grade is not None:
            values["grade"] = _field(grade, "总分", "等级")
        return TotalRow(values=values, evidence=_evidence(row), loc=row[0].loc.with_labels("总分"))

    def _total_values(self, row: list[Cell]) -> dict[str, Field]:
        numbers = [c for c in row[1:] if clean(c.text) and _NUMERIC.match(clean(c.text))]
        values: dict[str, Field] = {}
        if len(numbers) >= 2:
            values["weight"] = _field(numbers[0], "总分", "分值")
            values["score"] = _field(numbers[1], "总分", "得分")
        elif numbers:
            values["score"] = _field(numbers[0], "总分", "得分")
        return values


def _level1_name(text: str, form: Form) -> bool:
    """Whether a cell is a 一级 label: a category's own name (产出指标, 满意度指标(10分)), a stated cap, scrambled letters."""
    bare = _CAP_SUFFIX.sub("", text)
    if bare.endswith("指标"):
        bare = bare[:-2]
    if bare in form.categories and bare != "成本":  # NOTE: 成本指标 is a 二级 of 产出 in most forms
        return True
    return bool(H.stated_cap(text) and not _level2_word(text, form)) or bool(H.category_of_scrambled(text))


def _level2_word(text: str, form: Form) -> bool:
    return any(w in text for w in form.level2_categories)


def _item_label(row: list[Cell], first_value: int) -> int | None:
    """The label of a funding row that names no known source, if the row holds amounts after it."""
    at = next((i for i, c in enumerate(row[:first_value + 1]) if clean(c.text)), None)
    if at is None or _NUMERIC.match(clean(row[at].text)):
        return None
    return at if any(_NUMERIC.match(clean(c.text)) for c in row[at + 1:]) else None


def _percent_is_the_rate(values: dict[str, Field], row: str) -> None:
    """A percentage under 分值 or 得分 in a row whose 执行率 is empty: the rate, moved left by a dropped cell.

    NOTE: pages drop the blank (or `—`) weight cell of a sub-row, so `100%`
    arrives under 分值; a weight is never a percentage.
    """
    rate = values.get("rate")
    if rate is not None and not rate.blank:
        return
    for key in ("weight", "score"):
        f = values.get(key)
        if f is not None and f.figure is not None and f.figure.percent:
            values["rate"] = Field(f.text, f.loc._replace(column="执行率") if isinstance(f.loc.column, str) else f.loc)
            del values[key]
            return


@lru_cache(maxsize=1 << 14)
def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _starts(text: str, words: list[str]) -> bool:
    return any(text.startswith(w) for w in words)


def _blank(f: Field | None) -> bool:
    return f is None or f.blank


@lru_cache(maxsize=32)
def _placeholder(patterns: tuple[str, ...]):
    """One compiled test for a form's placeholder patterns (a row name like 指标1 or ……)."""
    if not patterns:
        return lambda name: False
    combined = re.compile("|".join(f"(?:{p})" for p in patterns))
    return lambda name: combined.match(name) is not None


def _strip_marks(name: str, marks: list[str]) -> str:
    for mark in marks:
        name = name.replace(mark, "")
    return name


def _is_subheader(row: list[Cell], spec) -> bool:
    """The second header row of a split target: only words, some of them the split's own column words."""
    texts = [clean(c.text) for c in row]
    filled = [t for t in texts if t]
    if len(filled) < 2 or any(_NUMERIC.match(t) for t in filled):
        return False
    words = [w for key in ("nature", "unit", "direction") for w in spec.columns.get(key, [])]
    return any(any(w in t for w in words) for t in filled) and not any(t.startswith("一级") for t in filled)


def _is_words_only(row: list[Cell]) -> bool:
    filled = [clean(c.text) for c in row if clean(c.text)]
    return len(filled) >= 2 and not any(_NUMERIC.match(t) for t in filled)


def _with_row_above(texts: list[str], above: list[str], spec, mapped: dict[str, int]) -> list[str]:
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


def _combine_headers(top: list[str], sub: list[str]) -> list[str]:
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


def _own_category(form: Form, level1: str) -> str | None:
    l1 = clean(level1)
    return next((c for w, c in form.categories.items() if w in l1), None) or H.category_of_scrambled(l1)


def _misfiled_under_merge(rows: list[tuple[IndicatorRow, bool, str | None]], result: ProjectTable) -> None:
    """A row under a merged 一级 whose 二级 names another category, with rows of the merged one after it.

    A blank 一级 cell is either a merge (the row belongs to the 一级 above) or
    a 一级 left out (the row starts its own category). The rows after it
    tell: where the block returns to the 一级 above before the next printed
    一级 (经济效益 among 产出's 数量/时效/成本 rows), the row was filed there and
    is misplaced; where it does not (社会效益 after the last 产出 row, then
    满意度), it starts its own category.
    """
    for i, (row, printed, carried) in enumerate(rows):
        if printed or carried is None or row.category in (None, carried):
            continue
        for later, later_printed, _ in rows[i + 1:]:
            if later_printed:
                break
            if later.category == carried:
                result.misplaced.append((row, row.category))
                row.category = carried  # NOTE: summed where the table files it; the misfiling is its own finding
                break


def _category(form: Form, level1: str, level2: str, printed: bool) -> tuple[str | None, str | None]:
    """The row's 一级 category and, where its 二级 says another, that one (a misfiled indicator).

    Read from the 一级 text by the form's words, or its letters when OCR
    scrambled them (出标产指); from the 二级 name when the 一级 says nothing
    (blank, merged away, '(50分)'). A 一级 carried down from a merged cell
    above is not the row's own: where its 二级 names another category, the
    row starts that category.
    """
    l1, l2 = clean(level1), clean(level2)
    own = next((c for w, c in form.categories.items() if w in l1), None) or H.category_of_scrambled(l1)
    implied = next((c for w, c in form.level2_categories.items() if w in l2), None)
    if own is None:
        return implied, None
    if implied is None or implied == own or (own == "成本" and implied == "产出"):
        return own, None
    if not printed:
        return implied, None
    return own, implied


def _field(cell: Cell, row: str | None = None, column: str | None = None) -> Field:
    return Field(cell.text, cell.loc.with_labels(row, column))


def _aligned(row: list[Cell], columns: dict[str, int], width: int) -> dict[str, Cell]:
    """Cells by column key; a short row is right-aligned to the header's width."""
    shift = max(0, width - len(row))
    out = {}
    for key, position in columns.items():
        i = position - shift
        if 0 <= i < len(row):
            out[key] = row[i]
    return out


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
    result.indicators = _numbered_children(keep, result)
    result.misplaced = [(r, c) for r, c in result.misplaced if any(r is k for k in keep)]


_PARENT_NUMBER = re.compile(r"^\d+[.．、](?!\d)")
_CHILD_NUMBER = re.compile(r"^(?:[（(]\d+[)）]|\d+[.．]\d+)")


def _numbered_children(rows: list[IndicatorRow], result: ProjectTable) -> list[IndicatorRow]:
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


_COLUMN_NAMES = {
    "initial": "年初预算数", "budget": "全年预算数", "executed": "全年执行数", "rate": "执行率",
    "weight": "分值", "score": "得分", "target": "年度指标值", "actual": "实际完成值",
    "reason": "偏差原因分析及改进措施", "nature": "指标性质", "unit": "度量单位",
    "item_score": "单项指标得分", "received": "到位数",
}


def _column_name(key: str) -> str:
    return _COLUMN_NAMES.get(key, key)


def _evidence(row: list[Cell]) -> str:
    """The row as a person would read it aloud: its non-empty cells, space separated."""
    return " ".join(clean(c.text) for c in row if clean(c.text))
