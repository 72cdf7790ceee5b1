"""Records of all documents become one pandas DataFrame per entity.

Rules run on these frames, never on records, so each entity is validated once
for the whole batch. Every figure becomes three columns: `<name>` (an exact
Decimal, or None), `<name>_text` (as printed) and `<name>_loc` (a Locator).
Rows carry `doc`, `project` and `evidence` so a finding can be reported
without going back to the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from operator import itemgetter

import numpy as np
import pandas as pd

from auditor.document import Locator
from auditor.entities import ENTITIES, figures
from auditor.implied import implied_weights
from auditor.recognise.records import DocumentRecords, Field, ProjectTable, clean

#: The figure columns of each entity (each brings `<name>_text` and `<name>_loc`), from the declaration.
FIGURES: dict[str, list[str]] = {name: figures(name) for name in ENTITIES if figures(name)}


def figure_columns(name: str, field: Field | None, unit: str = "") -> dict:
    """`name`, `name_text`, `name_loc` for one printed value.

    An amount printed in 元 (`unit="元"`) is held in 万元, the unit every other
    amount is compared in; its text stays as printed. Decimal's scaleb keeps
    the printed precision: 6617252 元 is 661.7252 万元 to the same digit.
    """
    text, loc = _FIGURE_KEYS.get(name) or _figure_keys(name)
    if field is None:
        return {name: None, text: None, loc: None}
    fig = field.figure
    value = fig.value if fig else None
    if value is not None and unit == "元":
        value = value.scaleb(-4)
    return {name: value, text: clean(field.text) or None, loc: field.loc}


_FIGURE_KEYS: dict[str, tuple[str, str]] = {}


def _figure_keys(name: str) -> tuple[str, str]:
    """`<name>_text`, `<name>_loc`, made once per name (figure_columns is called for every figure of a batch)."""
    keys = _FIGURE_KEYS[name] = (f"{name}_text", f"{name}_loc")
    return keys


def empty_rows() -> dict[str, Columns]:
    """No rows yet, for every entity: what `add_rows` fills and `frames` turns into frames."""
    return {name: Columns() for name in ENTITIES}


def tabulate(batch: Iterable[DocumentRecords]) -> dict[str, pd.DataFrame]:
    """One frame per entity, holding the rows of every document of the batch."""
    rows = empty_rows()
    for records in batch:
        add_rows(rows, packed(document_rows(records)))
    return frames(rows)


def document_rows(records: DocumentRecords) -> dict[str, list[dict]]:
    """The rows one document gives each entity.

    NOTE: apart from `frames` so that a worker process can build a document's
    rows where it read the document: rows travel back smaller than records,
    and the main process only concatenates (10,000 documents: 97 s of
    tabulation in the main process before).
    """
    rows: dict[str, list[dict]] = {name: [] for name in ENTITIES}
    _document(records, rows)
    by_name = {}
    for table in records.tables:
        by_name.setdefault(project_name(table), table)
    linked = {}
    for narrative in records.narratives:
        table = by_name.get(clean(narrative.project)) or next(
            (t for t in records.tables if t.table == narrative.next_table), None
        )
        if table is not None:
            linked.setdefault(table.table, narrative.text)
        _narrative(records.doc, narrative, table, rows)
    for table in records.tables:
        _project(records.doc, project_name(table), table, rows, records.year, linked.get(table.table, ""))
    _prose(records, rows)
    return rows


#: One entity's rows of one document as columns: how many rows, the names in the order the rows first give
#: them, the values of each name (None where a row has no such key), which of those hold Locators as tuples.
Packed = tuple[int, tuple[str, ...], list, tuple[int, ...]]


def packed(rows: dict[str, list[dict]]) -> dict[str, Packed]:
    """A document's rows as columns, the form they travel in from a worker process.

    NOTE: measured on 1,000 reports: row dicts repeat every key in every row, and a Locator
    pickles and unpickles through Python code (its NamedTuple `__new__`): 0.7 s of unpickling
    in the main process went to Locators alone, while the workers' rows arrived at the same
    time as Great Expectations was being imported there. As columns, with Locators as plain
    tuples, the rows pickle in less than half the time and build their frames several times faster.
    """
    out = {}
    for name, entity_rows in rows.items():
        if not entity_rows:
            continue
        names = tuple(entity_rows[0])
        columns: list
        if len(names) > 1 and all(map(names.__eq__, map(tuple, entity_rows))):
            # NOTE: the common case, every row naming the same keys in the same order: columns at C speed
            columns = list(zip(*map(itemgetter(*names), entity_rows)))
        else:
            names = tuple(dict.fromkeys(key for row in entity_rows for key in row))
            columns = [[row.get(key) for row in entity_rows] for key in names]
        located = []
        for i, key in enumerate(names):
            if key == "loc" or key.endswith("_loc"):
                column = columns[i]
                if set(map(type, column)) <= _LOCATED:  # NOTE: only a column of Locators (and None) goes as tuples
                    columns[i] = (
                        [None if v is None else tuple(v) for v in column] if None in column else [*map(tuple, column)]
                    )
                    located.append(i)
        out[name] = (len(entity_rows), names, columns, tuple(located))
    return out


_LOCATED = {Locator, type(None)}


class Columns:
    """An entity's rows of a batch, column by column, as `add_rows` receives them document by document.

    The columns keep the order in which the rows first name them, as a frame
    built from the row dicts would; a column a document lacks is None there.
    """

    __slots__ = ("columns", "count")

    def __init__(self) -> None:
        self.columns: dict[str, list] = {}
        self.count = 0

    def extend(self, rows: Packed) -> None:
        n, names, columns, located = rows
        for i, (key, column) in enumerate(zip(names, columns)):
            if i in located:
                column = (
                    [None if t is None else _new_tuple(Locator, t) for t in column]
                    if None in column
                    else [*map(_locator, column)]
                )
            held = self.columns.get(key)
            if held is None:
                held = self.columns[key] = [None] * self.count
            held.extend(column)
        self.count += n
        for held in self.columns.values():
            if len(held) < self.count:
                held.extend([None] * (self.count - len(held)))


_new_tuple = tuple.__new__  # NOTE: a Locator from its plain tuple without a Python call (NamedTuple's __new__)
_locator = partial(_new_tuple, Locator)


def add_rows(into: dict[str, Columns], rows: dict[str, Packed]) -> None:
    """Add one document's rows (as `packed` made them) to a batch's."""
    for name, entity_rows in rows.items():
        into[name].extend(entity_rows)


def frames(rows: dict[str, Columns]) -> dict[str, pd.DataFrame]:
    """Rows of every document, per entity, as frames with every column of the entity.

    NOTE: consumes `rows`: each entity's columns are let go as soon as its
    frame is built, so a large batch never holds all its rows twice.
    """
    out = {}
    for name in ENTITIES:
        held = rows.pop(name, None)
        out[name] = _frame(name, []) if held is None or not held.count else _columns_frame(name, held)
    return out


def _columns_frame(name: str, held: Columns) -> pd.DataFrame:
    """The frame `_frame` builds from the same rows as dicts: one object block, missing values None.

    NOTE: filled as one 2-D object array: pandas' frame from row dicts, the missing columns
    added one by one and `where(notna)` took 0.8 s for 1,000 reports' frames.
    """
    names = [*held.columns, *(c for c in ENTITIES[name] if c not in held.columns)]
    values = np.empty((held.count, len(names)), dtype=object)
    for j, key in enumerate(names):
        column = held.columns.pop(key, None)
        if column is not None:
            values[:, j] = np.fromiter(column, dtype=object, count=held.count)
    values[pd.isna(values)] = None  # NOTE: as `where(notna(), None)`: NaN, NaT or NA become None
    return pd.DataFrame(values, columns=names, dtype=object, copy=False)


def project_name(table: ProjectTable) -> str:
    return clean(table.name.text) if table.name else f"#{table.table}"


def _frame(name: str, entity_rows: list[dict]) -> pd.DataFrame:
    columns = list(ENTITIES[name])
    # NOTE: object columns from the start: pandas 3 would infer Arrow strings only for them to be turned
    # back into objects (a third of building 1,000 reports' frames)
    frame = pd.DataFrame(entity_rows, columns=columns if not entity_rows else None, dtype=object)
    for column in columns:
        if column not in frame.columns:
            frame[column] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return frame.where(frame.notna(), None).reset_index(drop=True)


def _document(records: DocumentRecords, rows: dict) -> None:
    loc = records.year.loc if records.year else None
    rows["documents"].append(
        {
            "doc": records.doc,
            "format": records.format,
            "title": records.title,
            **figure_columns("year", records.year),
            "evidence": records.title,
            "loc": loc,
        }
    )


def _project(
    doc: str, project: str, table: ProjectTable, rows: dict, doc_year: Field | None = None, narrative: str = ""
) -> None:
    base = {"doc": doc, "project": project, "table": table.table}
    if table.name:
        rows["names"].append(
            {
                "doc": doc,
                "project": project,
                "role": "table",
                "source": "table",
                "name": project,
                "evidence": project,
                "loc": table.name.loc,
            }
        )
    if table.year:
        rows["years"].append(
            {
                "doc": doc,
                "project": project,
                "part": "table",
                **PARTS["table"],
                **figure_columns("year", table.year),
                **figure_columns("doc_year", doc_year),
                "evidence": f"（{table.year.text}年度）",
                "loc": table.year.loc,
            }
        )
    goals = [(clean(e.text), clean(a.text)) for e, a in table.goals]
    structure = structure_read(table)
    rows["projects"].append(
        {
            **base,
            **figure_columns("year", table.year),
            "goal": " ".join(e for e, _ in goals if e) or None,
            "goal_actual": " ".join(a for _, a in goals if a) or None,
            "output_kinds": (
                "|".join(
                    dict.fromkeys(
                        clean(i.level2.text) for i in table.indicators if i.category == "产出" and not i.level3.blank
                    )
                )
                or None
            )
            if structure
            else None,
            "goal_loc": table.goals[0][0].loc if table.goals else None,
            "goal_actual_loc": table.goals[0][1].loc if table.goals else None,
            "categories": "|".join(
                dict.fromkeys(
                    ["执行率"] * bool(table.funding)
                    + [
                        i.category
                        for i in table.indicators
                        if i.category
                        and (
                            not table_scored(table)
                            or not table.weights_printed
                            or (i.values.get("weight") is not None and not i.values["weight"].blank)
                        )
                    ]
                )
            )
            if structure
            else None,
            "form": table.form,
            "department": clean(table.header["主管部门"].text) if "主管部门" in table.header else None,
            "unit": clean(table.header["实施单位"].text) if "实施单位" in table.header else None,
            "evidence": project,
            "loc": table.name.loc if table.name else table.loc,
        }
    )
    for expected, _ in table.goals:
        for d in GOAL_DEADLINE.finditer(clean(expected.text)):
            rows["years"].append(
                {
                    "doc": doc,
                    "project": project,
                    "part": "goal_deadline",
                    **PARTS["goal_deadline"],
                    **figure_columns("year", Field(d.group(1), expected.loc)),
                    **figure_columns("doc_year", doc_year),
                    "evidence": d.group(0),
                    "loc": expected.loc,
                }
            )
        m = GOAL_YEAR.match(clean(expected.text))
        if m:
            rows["years"].append(
                {
                    "doc": doc,
                    "project": project,
                    "part": "goal",
                    **PARTS["goal"],
                    **figure_columns("year", Field(m.group(1), expected.loc)),
                    **figure_columns("doc_year", doc_year),
                    "evidence": clean(expected.text),
                    "loc": expected.loc,
                }
            )
    reasons = " ".join(
        [clean(i.values["reason"].text) for i in table.indicators if "reason" in i.values]
        + [clean(r.text) for r in table.remarks]
    )
    notes = " ".join(filter(None, [narrative, reasons]))  # NOTE: once a table: one string its rows share
    for funding in table.funding:
        row = {
            **base,
            "kind": funding.kind,
            "label": clean(funding.label.text),
            "notes": notes,
            "evidence": funding.evidence,
            "loc": funding.label.loc,
        }
        # NOTE: funding rows keep the table's own unit: their rules compare them with each other only.
        # Where they meet prose in 万元 (narratives, counts, cost indicators) they are converted.
        for key in FIGURES["funding"]:
            row.update(figure_columns(key, funding.values.get(key)))
        row["unit"] = table.unit
        rows["funding"].append(row)
    if table_scored(table):
        _scores(base, table, rows)
    _indicators(base, table, rows)
    _texts(base, project, table, rows)


def _indicators(base: dict, table: ProjectTable, rows: dict) -> None:
    total = next((f for f in table.funding if f.kind == "total"), None)
    context = {
        **figure_columns("project_budget", total.values.get("budget") if total else None, table.unit),
        **figure_columns("project_executed", total.values.get("executed") if total else None, table.unit),
    }
    reasons = [clean(i.values["reason"].text) for i in table.indicators if "reason" in i.values]
    misfiled = {id(ind): category for ind, category in table.misplaced}
    # NOTE: a form with no 偏差原因 column explains its shortfalls in a footer row (20+80: 偏差大或目标未完成原因分析)
    remark = " ".join(clean(r.text) for r in table.remarks) or None
    # NOTE: once a table, not once a row: the rows share one string (a fifth of the bytes sent back from a worker)
    notes = " ".join(filter(None, reasons + [clean(r.text) for r in table.remarks]))
    implied = implied_weights(table)
    for ind in table.indicators:
        target = ind.values.get("target")
        actual = ind.values.get("actual")
        t_fig, a_fig = (target.figure if target else None), (actual.figure if actual else None)
        row = {
            **base,
            "category": ind.category,
            "level1": clean(ind.level1.text),
            "level2": clean(ind.level2.text) or None,
            "level3": clean(ind.level3.text) or None,
            "kind": indicator_kind(clean(ind.level3.text)),
            "group": "cost" if "成本" in clean(ind.level2.text) else None,
            "target_op": (t_fig.op or "") if t_fig else None,
            "units_agree": units_agree(t_fig, a_fig),
            "target_met": target_met(t_fig, a_fig),
            "reason": (clean(ind.values["reason"].text) or None) if "reason" in ind.values else remark,
            "misfiled": misfiled.get(id(ind)),
            "weights_printed": table.weights_printed,
            "notes": notes,
            "evidence": ind.evidence,
            "loc": ind.level3.loc,
            **context,
        }
        for key in ("target", "actual", "weight", "score"):
            row.update(figure_columns(key, ind.values.get(key)))
        weight = implied.get(id(ind))
        row.update(figure_columns("implied_weight", Field(str(weight), ind.level3.loc) if weight is not None else None))
        rows["indicators"].append(row)


def units_agree(target, actual) -> bool:
    """Whether a target and its actual are in the same unit; an actual printed bare is in the target's.

    NOTE: published actuals often drop the unit the target states (≥95% answered
    95; =72890元 answered 72890): read as a different quantity, every such row
    escaped the achievement checks.
    """
    if not (target and actual):
        return False
    if target.percent == actual.percent and target.unit == actual.unit:
        return True
    if actual.unit or actual.percent or target.value <= 0:
        return False
    # NOTE: only where the figures are of one size: 24791100 against ≤3688.02万元 is 元 against 万元, a unit slip
    ratio = actual.value / target.value
    return Decimal("0.1") <= ratio <= 10


def target_met(target, actual) -> bool | None:
    """Whether a quantitative target was met as printed (≥ and bare: reached; ≤: not exceeded; =: equal);
    None where the two cannot be compared (words, or other units)."""
    if not units_agree(target, actual):
        return None
    op = target.op or ">="
    if op in (">=", ">"):
        return actual.value >= target.value
    if op in ("<=", "<"):
        return actual.value <= target.value
    return actual.value == target.value


def indicator_kind(name: str) -> str | None:
    """What an indicator measures, where a rule needs to know: total cost, satisfaction, a rate."""
    if "总成本" in name or name in ("项目成本", "项目总投资"):
        return "total_cost"
    if "满意" in name:
        return "satisfaction"
    if _AMOUNT_NOUN.search(name) and _PERCENT_UNIT.search(name) and not _RATE_WORD.search(name):
        return "amount_percent"
    return None


#: An indicator of money earned or spent (实现产值, 销售收入), whose unit is an amount ...
_AMOUNT_NOUN = re.compile(r"产值|收入|销售额|营业额|利润|投资额|金额")
#: ... but printed as a percentage: "新型经营主体实现产值(%)".
_PERCENT_UNIT = re.compile(r"[（(]\s*[%％]\s*[)）]\s*$")
#: A rate, a change or a completion of the amount is a percentage by right: 产值增长率(%), 收入占比(%),
#: 销售收入同比(%), 营业收入完成计划(%), 村集体经济收入较上年(%).
_RATE_WORD = re.compile(
    r"率|比例|比重|占比|增长|增幅|提高|下降|减少|降低|完成|同比|环比|较上年|比上年|上年|计划|进度|达到|水平|准确"
)


def structure_read(table: ProjectTable) -> bool:
    """Whether a project table's indicator block was read in full: verdicts on its structure need that."""
    return table.blocks.get("indicators") == "full" and table.kind == "project"


def table_scored(table: ProjectTable) -> bool:
    return table.scored


def _scores(base: dict, table: ProjectTable, rows: dict) -> None:
    """Every line that counts toward 总分: the funding total, indicators, category caps, 总分 itself.

    NOTE: category and total lines only for blocks read in full: a cap, a
    category sum or 总分 checked against a cut-off block would be a verdict on
    rows nobody read. Indicators and the funding line are kept for the checks
    of one row (a score above its weight) wherever they were read.
    """
    out = rows["scores"]
    base = {**base, "form_profile": table.profile}
    indicators_full = table.blocks.get("indicators") == "full"
    funding_full = table.blocks.get("funding", "full") == "full"
    caps = table.stated_caps
    if indicators_full and "执行率" in caps and any(f.kind == "total" for f in table.funding):
        total = next(f for f in table.funding if f.kind == "total")
        out.append(
            {
                **base,
                "role": "category",
                "category": "执行率",
                "evidence": caps["执行率"].text,
                "loc": total.label.loc,
                **figure_columns("weight", caps["执行率"]),
                **figure_columns("score", None),
            }
        )
    for funding in table.funding if indicators_full or funding_full else []:
        if funding.kind == "total":
            out.append(
                {
                    **base,
                    "role": "funding",
                    "category": "执行率",
                    "evidence": funding.evidence,
                    "loc": funding.label.loc,
                    **figure_columns("weight", funding.values.get("weight")),
                    **figure_columns("score", funding.values.get("score")),
                }
            )
            if indicators_full and "执行率" not in caps:
                out.append(
                    {
                        **base,
                        "role": "category",
                        "category": "执行率",
                        "evidence": funding.evidence,
                        "loc": funding.label.loc,
                        **figure_columns("weight", None),
                        **figure_columns("score", None),
                    }
                )
    for parent in table.parents if indicators_full else []:
        out.append(
            {
                **base,
                "role": "category",
                "category": parent.category,
                "evidence": parent.evidence,
                "loc": parent.level1.loc,
                **figure_columns("weight", parent.values.get("weight")),
                **figure_columns("score", parent.values.get("score")),
            }
        )
    seen: set[str] = set()
    for ind in table.indicators:
        if ind.category and ind.category not in seen and indicators_full:
            seen.add(ind.category)
            cap = caps.get(ind.category, ind.cap)
            out.append(
                {
                    **base,
                    "role": "category",
                    "category": ind.category,
                    "evidence": cap.text if cap is not None and ind.category in caps else clean(ind.level1.text),
                    "loc": ind.level1.loc.with_labels(clean(ind.level1.text), "一级指标"),
                    **figure_columns("weight", cap),
                    **figure_columns("score", None),
                }
            )
        out.append(
            {
                **base,
                "role": "indicator",
                "category": ind.category,
                "evidence": ind.evidence,
                "loc": ind.level3.loc,
                **figure_columns("weight", ind.values.get("weight")),
                **figure_columns("score", ind.values.get("score")),
            }
        )
    if table.total and indicators_full and funding_full:
        grade = table.total.values.get("grade")
        out.append(
            {
                **base,
                "role": "total",
                "category": None,
                "evidence": table.total.evidence,
                "grade": clean(grade.text) if grade else None,
                "loc": table.total.loc,
                # NOTE: with no weight column (20+80) the rows' weights are unknown: 总分's 100 sums nothing
                **figure_columns("weight", table.total.values.get("weight") if table.weights_printed else None),
                **figure_columns("score", table.total.values.get("score")),
            }
        )


def _texts(base: dict, project: str, table: ProjectTable, rows: dict) -> None:
    out = rows["texts"]
    if table.name:
        out.append({**base, "field": "name", "text": project, "evidence": project, "loc": table.name.loc})
    for expected, actual in table.goals:
        for name, f in (("goal", expected), ("goal_actual", actual)):
            if not f.blank:
                out.append({**base, "field": name, "text": clean(f.text), "evidence": clean(f.text), "loc": f.loc})
    for ind in table.indicators:
        if not ind.level3.blank:
            out.append(
                {
                    **base,
                    "field": "indicator",
                    "text": clean(ind.level3.text),
                    "evidence": ind.evidence,
                    "loc": ind.level3.loc.with_labels(clean(ind.level3.text), "三级指标"),
                }
            )
    kept = {id(ind.level3) for ind in table.indicators}
    for placeholder in table.placeholders:
        if id(placeholder) not in kept:  # NOTE: a placeholder row not read as an indicator is still template text
            out.append(
                {
                    **base,
                    "field": "indicator",
                    "text": clean(placeholder.text),
                    "evidence": placeholder.text,
                    "loc": placeholder.loc,
                }
            )


def _narrative(doc: str, narrative, table: ProjectTable | None, rows: dict) -> None:
    project = project_name(table) if table else clean(narrative.project)
    base = {"doc": doc, "project": project, "table": table.table if table else None}
    claims = narrative.claims
    total = next((f for f in (table.funding if table else []) if f.kind == "total"), None)
    row = {**base, "evidence": narrative.text, "loc": narrative.loc}
    for key in ("score", "budget", "executed", "rate"):
        claim = claims.get(key)
        row.update(figure_columns(key, claim.field if claim else None))
        row[f"{key}_sentence"] = claim.sentence if claim else None
    grade = claims.get("grade")
    row.update(
        {
            "grade": grade.field.text if grade else None,
            "grade_loc": grade.field.loc if grade else None,
            "grade_sentence": grade.sentence if grade else None,
        }
    )
    table_values = {
        "table_score": table.total.values.get("score") if table and table.total else None,
        "table_budget": total.values.get("budget") if total else None,
        "table_executed": total.values.get("executed") if total else None,
        "table_rate": total.values.get("rate") if total else None,
    }
    for key, f in table_values.items():
        row.update(figure_columns(key, f, table.unit if table and key in ("table_budget", "table_executed") else ""))
    rows["narratives"].append(row)
    rows["texts"].append(
        {
            **base,
            "field": "narrative",
            "text": narrative.text,
            "evidence": narrative.text,
            "loc": narrative.loc.with_labels(column="自评综述"),
        }
    )


def frame_from_rows(entity: str, rows: list[dict]) -> pd.DataFrame:
    """An entity frame from plain rows, as rule example cases write them.

    Figure columns given as printed text ('75.00%') become Decimal + text, as
    `tabulate` makes them from documents, so a case exercises a rule exactly
    as a real report would.
    """
    from auditor.document import Locator
    from auditor.numbers import parse

    figures = set(FIGURES.get(entity, []))
    out = []
    for number, row in enumerate(rows, start=1):
        converted: dict = {"loc": Locator(line=number), "evidence": None}
        for key, value in row.items():
            if key in figures:
                text = None if value is None else str(value)
                fig = parse(text) if text is not None else None
                converted.update(
                    {key: fig.value if fig else None, f"{key}_text": text, f"{key}_loc": Locator(line=number)}
                )
            else:
                converted[key] = value
        out.append(converted)
    return _frame(entity, out)


#: A goal that opens with its year ("2023年城乡医疗救助区级配套资金…"); a year later in the text may be a plan's horizon.
GOAL_YEAR = re.compile(r"^((?:19|20)\d{2})年")
#: A deadline in a goal ("2022年12月31日前完成"): in a 2023 report, a goal for last year left in.
#: NOTE: only with a verb of completion after it: "2022年12月31日前已办理退休手续的人员" is who is covered, not when.
GOAL_DEADLINE = re.compile(
    r"(?<!已)((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?|年?底)(?:之前|以前|前)(?:全部|全面|如期|按期)?"
    r"(?:完成|建成|竣工|实现|拨付|到位|发放|验收|交付)"
)
PARTS = {
    "goal": {"part_zh": "年度总体目标", "part_en": "the annual goal"},
    "goal_deadline": {"part_zh": "年度总体目标所写的完成时限", "part_en": "the deadline the annual goal states"},
    "table": {"part_zh": "项目支出绩效自评表", "part_en": "the self-evaluation table"},
    "report_title": {"part_zh": "文中列出的评价报告", "part_en": "an evaluation report the text lists"},
    "evaluation_report": {"part_zh": "所附绩效评价报告", "part_en": "the attached evaluation report"},
    "list": {"part_zh": "评价项目清单", "part_en": "the list of evaluated projects"},
}


def _prose(records: DocumentRecords, rows: dict) -> None:
    """Names, counts, scored report sections, years and paragraphs stated in the prose."""
    doc = records.doc
    for narrative in records.narratives:
        rows["names"].append(
            {
                "doc": doc,
                "project": None,
                "role": "mention",
                "source": "narrative",
                "name": clean(narrative.project),
                "evidence": narrative.text[:80],
                "loc": narrative.loc,
            }
        )
    for m in records.mentions:
        rows["names"].append(
            {
                "doc": doc,
                "project": None,
                "role": "mention",
                "source": m.source,
                "name": clean(m.name),
                "evidence": m.evidence,
                "loc": m.field.loc,
            }
        )
        if m.year:
            rows["years"].append(
                {
                    "doc": doc,
                    "project": None,
                    "part": m.source,
                    **PARTS[m.source],
                    **figure_columns("year", Field(m.year, m.field.loc)),
                    **figure_columns("doc_year", records.year),
                    "evidence": m.evidence,
                    "loc": m.field.loc,
                }
            )
    _counts(records, rows)
    for h in records.headings:
        rows["outline"].append(
            {
                "doc": doc,
                "heading": clean(h.field.text),
                "level": h.level,
                "body": h.body or None,
                "evidence": h.field.text,
                "loc": h.field.loc,
            }
        )
    for c in records.citations:
        rows["citations"].append(
            {
                "doc": doc,
                "title": c.title,
                "number": c.number.text,
                **figure_columns("number_year", c.number_year),
                **figure_columns("subject_year", c.subject_year),
                "evidence": c.evidence,
                "loc": c.number.loc,
            }
        )
    if records.claim_sets is not None:
        _claim_sets(records, records.claim_sets, rows)
    for report in records.reports:
        _report_claims(records, report, rows)
        if report.year:
            rows["years"].append(
                {
                    "doc": doc,
                    "project": None,
                    "part": "evaluation_report",
                    **PARTS["evaluation_report"],
                    **figure_columns("year", report.year),
                    **figure_columns("doc_year", records.year),
                    "evidence": report.title.text,
                    "loc": report.year.loc,
                }
            )
        for part in report.parts:
            rows["sections"].append(
                {
                    "doc": doc,
                    "report": report.name,
                    "role": part.role,
                    "section": part.section,
                    "name": part.name,
                    **figure_columns("weight", part.weight),
                    **figure_columns("score", part.score),
                    "grade": part.grade,
                    "evidence": part.evidence,
                    "loc": (part.score or part.weight).loc,
                }
            )
    for p, part in zip(records.paragraphs, records.paragraph_parts):
        rows["texts"].append(
            {
                "doc": doc,
                "project": None,
                "table": None,
                "field": "paragraph",
                "part": part,
                "text": clean(p.text),
                "evidence": p.text,
                "loc": p.loc,
            }
        )


def _report_claims(records: DocumentRecords, report, rows: dict) -> None:
    """An attached evaluation report's budget sentence, beside its project's table like a 自评综述.

    NOTE: a report for another year is left out: its figures differ because of
    the year, which YEAR_MATCH reports once, rather than as three mismatches.
    """
    from difflib import SequenceMatcher

    overall = next((p for p in report.parts if p.role == "overall"), None) if report.implicit else None
    if not (report.claims or overall) or not records.tables:
        return
    if report.year and records.year and report.year.text != records.year.text:
        return
    name = clean(report.name)
    table = max(records.tables, key=lambda t: SequenceMatcher(None, name, project_name(t)).ratio())
    # NOTE: the document's own conclusion is of its only table, whatever the title calls the project
    if (
        not (report.implicit and len(records.tables) == 1)
        and SequenceMatcher(None, name, project_name(table)).ratio() < 0.5
    ):
        return
    total = next((f for f in table.funding if f.kind == "total"), None)
    row = {
        "doc": records.doc,
        "project": project_name(table),
        "table": table.table,
        "evidence": next(iter(report.claims.values()))[1] if report.claims else overall.evidence,
        "loc": report.title.loc,
    }
    claims = dict(report.claims)
    if overall is not None and overall.score is not None:
        claims.setdefault("score", (overall.score, overall.evidence))
    for key in ("score", "budget", "executed", "rate"):
        field_, sentence = claims.get(key, (None, None))
        row.update(figure_columns(key, field_))
        row[f"{key}_sentence"] = sentence
    # NOTE: the conclusion's grade is held against its own score (REPORT_GRADE), once; its score against the table's
    table_score = table.total.values.get("score") if overall is not None and table.total else None
    row.update(
        {
            "grade": None,
            **figure_columns("table_score", table_score),
            **figure_columns("table_budget", total.values.get("budget") if total else None, table.unit),
            **figure_columns("table_executed", total.values.get("executed") if total else None, table.unit),
            **figure_columns("table_rate", total.values.get("rate") if total else None),
        }
    )
    rows["narratives"].append(row)


def _counts(records: DocumentRecords, rows: dict) -> None:
    """Each stated count or total as a `total` row; each project table as the `item` rows it sums."""
    from decimal import Decimal

    out = rows["counts"]
    for n, statement in enumerate(records.statements, start=1):
        field = statement.field
        fig = field.figure
        value = fig.value.scaleb(-4) if fig and statement.unit == "元" else (fig.value if fig else None)
        out.append(
            {
                "doc": records.doc,
                "claim": statement.claim,
                "statement": f"S{n}",
                "role": "total",
                "value": value,
                "value_text": field.text + (statement.unit if statement.claim == "funds" else "个"),
                "value_loc": field.loc,
                "unit": statement.unit,
                "evidence": statement.evidence,
                "loc": field.loc,
            }
        )
    if not records.statements:
        return
    for table in records.tables:
        total = next((f for f in table.funding if f.kind == "total"), None)
        budget = None
        if total:
            budget = (
                total.values.get("budget")
                if total.values.get("budget") and total.values["budget"].figure
                else total.values.get("initial")
            )
        base = {"doc": records.doc, "role": "item", "unit": "万元", "evidence": project_name(table), "loc": table.loc}
        out.append(
            {
                **base,
                "claim": "count",
                "statement": None,
                "value": Decimal(1),
                "value_text": "1",
                "value_loc": table.loc,
            }
        )
        out.append({**base, "claim": "funds", "statement": None, **figure_columns("value", budget, table.unit)})


def _checked(name: str, figure) -> dict:
    """Figure columns of a prose check's figure: its value in the check's unit, its text as printed."""
    if figure is None:
        return figure_columns(name, None)
    return {name: figure.value, f"{name}_text": clean(figure.field.text) or None, f"{name}_loc": figure.field.loc}


def _claim_sets(records: DocumentRecords, sets, rows: dict) -> None:
    """The groups of prose claims that can be checked (recognise.claim_sets), one entity each.

    NOTE: the project is the document's only table's, else none: the prose of a
    narrative report speaks of the report's one project, and of which project
    a sentence of a many-table document speaks is not certain.
    """
    doc = records.doc
    project = project_name(records.tables[0]) if len(records.tables) == 1 else None
    base = {"doc": doc, "project": project}
    table = records.tables[0] if len(records.tables) == 1 else None
    total = next((f for f in table.funding if f.kind == "total"), None) if table else None
    for r in sets.ratios:
        if total is not None and r.relation == "rate" and r.of_whole:
            _stated_beside_table(doc, project, table, total, r, rows)
            continue
        rows["prose_ratios"].append(
            {
                **base,
                "relation": r.relation,
                "name": r.name,
                **_checked("stated", r.stated),
                **_checked("numerator", r.numerator),
                **_checked("denominator", r.denominator),
                "evidence": r.evidence,
                "loc": r.loc,
            }
        )
    for n, statement in enumerate(sets.parts, start=1):
        rows["prose_parts"].append(
            {
                **base,
                "statement": f"P{n}",
                "role": "whole",
                "source": None,
                **_checked("value", statement.whole),
                "evidence": statement.evidence,
                "loc": statement.loc,
            }
        )
        for source, part in statement.parts:
            rows["prose_parts"].append(
                {
                    **base,
                    "statement": f"P{n}",
                    "role": "part",
                    "source": source,
                    **_checked("value", part),
                    "evidence": statement.evidence,
                    "loc": part.field.loc,
                }
            )
    for entity, pairs in (("prose_pairs", sets.pairs), ("prose_units", sets.unit_slips)):
        for pair in pairs:
            evidence = (
                pair.stated_sentence
                if pair.stated_sentence == pair.other_sentence
                else (f"{pair.stated_sentence} …… {pair.other_sentence}")
            )
            rows[entity].append(
                {
                    **base,
                    "quantity": pair.quantity,
                    **_checked("stated", pair.stated),
                    **_checked("other", pair.other),
                    "stated_sentence": pair.stated_sentence,
                    "other_sentence": pair.other_sentence,
                    "evidence": evidence,
                    "loc": pair.loc,
                }
            )
    for s in sets.spending:
        rows["prose_spending"].append(
            {
                **base,
                **_checked("budget", s.budget),
                **_checked("spent", s.spent),
                "explained": s.explained,
                "evidence": s.evidence,
                "loc": s.loc,
            }
        )


def _stated_beside_table(doc: str, project: str, table: ProjectTable, total, r, rows: dict) -> None:
    """A rate with its budget and amount spent, of the document's only table: checked as a 自评综述 is.

    NOTE: a `narratives` row, so the NARRATIVE_* rules check the rate against its own amounts and all
    three against the table, once (not also as a prose ratio).
    """
    row = {"doc": doc, "project": project, "table": table.table, "evidence": r.evidence, "loc": r.loc}
    row.update(figure_columns("score", None))
    for key, figure in (("budget", r.denominator), ("executed", r.numerator), ("rate", r.stated)):
        row.update(_checked(key, figure))
        row[f"{key}_sentence"] = r.evidence
    row.update({"score_sentence": None, "grade": None, "grade_loc": None, "grade_sentence": None})
    row.update(figure_columns("table_score", table.total.values.get("score") if table.total else None))
    row.update(figure_columns("table_budget", total.values.get("budget"), table.unit))
    row.update(figure_columns("table_executed", total.values.get("executed"), table.unit))
    row.update(figure_columns("table_rate", total.values.get("rate")))
    rows["narratives"].append(row)
