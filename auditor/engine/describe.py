"""Turn a failing row into the words of an Issue: expected, found, message.

GX tells which rows failed; the figures a person needs to act (the rate we
computed, the sum the rows really make) are recomputed here for those rows
only, with the same functions the checks use.
"""

from __future__ import annotations

import string
from typing import Any

import pandas as pd

from auditor.engine import checks
from auditor.issue import Issue
from auditor.ruletypes import type_of


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def row_values(row: dict) -> _Values:
    """Template values of a row: each figure as printed, each text as is."""
    out = _Values()
    for column, value in row.items():
        if column.endswith(("_loc",)) or value is None:
            continue
        if column.endswith("_text"):
            out[column[:-5]] = value
        elif column not in out:
            out[column] = str(value)
    for rate in checks.RATE_NAMES:
        out.update(rate_as_read(rate, row))
    return out


def rate_as_read(rate: str, row: dict) -> dict[str, str]:
    """`{<rate>_read}` (and `_en`): the rate as printed, with its reading in percent where that differs.

    75.00% (or 97 under 执行率(%)) stays as printed; a ratio printed 0.98 reads "0.98（即 98%）" in
    Chinese and "0.98 (98%)" in English, so a message never sets a bare 0.98
    against a threshold of 90%.
    """
    printed, percent = row.get(f"{rate}_text"), row.get(f"{rate}_percent_text")
    if printed is None:
        return {}
    if percent is None or row.get(f"{rate}_percent") == row.get(rate):  # read as printed: 75.00%, or 97 under (%)
        return {f"{rate}_read": str(printed), f"{rate}_read_en": str(printed)}
    return {f"{rate}_read": f"{printed}（即 {percent}）", f"{rate}_read_en": f"{printed} ({percent})"}


def extras(rule, frame: pd.DataFrame, index: Any, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """Values the rule's type computes for its message ({computed}, {sum}, {total}, {topics}, ...).

    `cache` holds what is computed once per rule and frame (the group sums),
    so describing many failing rows stays linear in the frame.
    """
    return type_of(rule).describe(rule, frame, index, row, lexicons, cache)


def render(template: str, values: dict) -> str:
    return string.Formatter().vformat(template, (), values)


def make_issues(rule, frame: pd.DataFrame, indices: list, lexicons: dict) -> list[Issue]:
    """The Issues of one rule's failing rows of one frame.

    NOTE: rows are taken out of the frame once, as dicts: a `frame.loc[i]`
    per issue costs a millisecond on a wide object frame, which dominated
    validation of large batches.
    """
    if not indices:
        return []
    cache: dict = {"failing": indices}
    rows = frame.loc[indices].to_dict("records")
    return [make_issue(rule, frame, index, row, lexicons, cache) for index, row in zip(indices, rows)]


def make_issue(rule, frame: pd.DataFrame, index: Any, row: dict, lexicons: dict, cache: dict) -> Issue:
    values = row_values(row)
    computed = extras(rule, frame, index, row, lexicons, cache)
    values.update(computed)
    at = rule.at
    loc = row.get(f"{at}_loc") if at else None
    loc = loc if loc is not None else row.get("loc")
    evidence = computed.get("evidence") or (row.get(f"{at}_sentence") if at else None)
    messages = {lang: render(getattr(rule.message, lang), values) for lang in ("zh", "en")}
    expected = (
        {
            lang: render(rule.expected if isinstance(rule.expected, str) else getattr(rule.expected, lang), values)
            for lang in ("zh", "en")
        }
        if rule.expected
        else {}
    )
    from auditor.document import Locator

    return Issue(
        doc=row["doc"],
        rule=rule.code,
        kind=rule.kind,
        severity=rule.severity,
        message=messages["zh"],
        messages=messages,
        location=loc if loc is not None else Locator(),
        project=row.get("project"),
        expected=expected.get("zh"),
        expected_by_lang={"en": expected["en"]} if expected else {},
        found=render(rule.found, values) if rule.found else None,
        evidence=evidence or row.get("evidence"),
    )
