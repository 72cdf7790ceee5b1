"""Funding rows: placed by their label in the central layout, read as label | value pairs in the 河北 one,
and the cases the central layout does not foresee (a source the form does not name, a rate pushed under 分值).
"""

from __future__ import annotations

from auditor.document import Cell
from auditor.recognise import headers as H
from auditor.recognise.cells import NUMERIC, cell_field, column_name, evidence_of
from auditor.recognise.records import Field, FundingRow, clean
from auditor.ruleset.forms import Form


def item_label(row: list[Cell], first_value: int) -> int | None:
    """The label of a funding row that names no known source, if the row holds amounts after it."""
    at = next((i for i, c in enumerate(row[: first_value + 1]) if clean(c.text)), None)
    if at is None or NUMERIC.match(clean(row[at].text)):
        return None
    return at if any(NUMERIC.match(clean(c.text)) for c in row[at + 1 :]) else None


def percent_is_the_rate(values: dict[str, Field], row: str) -> None:
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


def funding_row(form: Form, columns: dict[str, int], row: list[Cell]) -> FundingRow | None:
    """A funding row, its values placed by where its label stands.

    NOTE: rows are aligned on their label, not on their right end: sub-rows
    often print fewer cells than the header (年初预算数 left blank, one `—`
    merged over 分值/执行率/得分), and right-aligning those shifted every amount.
    """
    if form.funding.layout == "pairs":
        return funding_pairs(form, columns, row)
    first_value = min(columns.values()) if columns else len(row)
    rows_words = list(form.funding.rows.items())
    at, kind = None, None
    for i, c in enumerate(row[: first_value + 1]):
        if clean(c.text) and not NUMERIC.match(clean(c.text)):
            kind = H.match(c.text, rows_words)  # NOTE: matched once, not again for its kind
            if kind:
                at = i
                break
    if at is None:
        # NOTE: a source the form does not name (彩票公益金用于医疗救助) is read as an `item`: its own rate
        # is checked, but it is summed into nothing, so an unnamed sub-sub-row is never counted twice
        at = item_label(row, first_value)
        if at is None:
            return None
        kind = "item"
    label = row[at]
    name = clean(label.text).rstrip(":：")
    offset = at - (first_value - 1)
    cells = {k: row[p + offset] for k, p in columns.items() if 0 <= p + offset < len(row) and p + offset > at}
    values = {k: cell_field(c, name, column_name(k)) for k, c in cells.items() if k != "reason"}
    percent_is_the_rate(values, name)
    return FundingRow(kind=kind, label=cell_field(label, name), values=values, evidence=evidence_of(row))


def funding_pairs(form: Form, columns: dict[str, int], row: list[Cell]) -> FundingRow | None:
    """A row of label | value pairs: the i-th pair under the i-th column group, a lone last figure the rate."""
    cells = [c for c in row if clean(c.text)]
    if not cells or NUMERIC.match(clean(cells[0].text)):
        return None
    kind = H.match(cells[0].text, list(form.funding.rows.items()))
    if kind is None:
        return None
    keys = [k for k, _ in sorted(columns.items(), key=lambda kv: kv[1])]
    name = clean(cells[0].text).rstrip(":：")
    values: dict[str, Field] = {}
    i, group = 0, 0
    while i < len(cells) and group < len(keys):
        if NUMERIC.match(clean(cells[i].text)):  # a figure with no label before it: the next group's value
            values[keys[group]] = cell_field(cells[i], name, column_name(keys[group]))
            i, group = i + 1, group + 1
        elif i + 1 < len(cells) and NUMERIC.match(clean(cells[i + 1].text)):
            values[keys[group]] = cell_field(cells[i + 1], name, column_name(keys[group]))
            i, group = i + 2, group + 1
        else:
            i += 1
    return FundingRow(kind=kind, label=cell_field(cells[0], name), values=values, evidence=evidence_of(row))
