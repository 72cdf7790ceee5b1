"""group_sum: the sum of the item rows of each group against the group's stated total row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Literal

import pandas as pd
from pydantic import Field, model_validator

from auditor.numbers import fmt, half_unit, half_unit_at
from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import ZERO, holds, missing
from auditor.ruletypes.words import plain


class GroupSumRule(RuleBase):
    """The sum of item rows in a group against the group's stated total row."""

    type: Literal["group_sum"]
    group_by: list[str] = Field(min_length=1)
    role: str = "role"
    items: list[str] = Field(min_length=1)  # role values that are summed
    total: str  # role value of the row stating the total
    value: str  # column summed over the items
    total_value: str  # column of the total row compared with the sum
    op: Literal["==", "<="] = "=="
    default_total: dict[str, Any] = {}  # {"by": column, "values": {key: number}} when no total is stated
    fallback: str | None = None  # a column holding the total to use where `total_value` is empty
    require_items: bool = True
    #: printed: within half a unit of the least precise figure; rounded: within the rounding of every item
    #: and of the total (each item a rounded figure, domain-rules §6: 3.89 + 3.89 printed as 7.79 agrees);
    #: exact: counts, which are never rounded
    tolerance: Literal["printed", "rounded", "exact"] = "printed"

    @model_validator(mode="after")
    def _defaults(self):
        if self.default_total and set(self.default_total) != {"by", "values"}:
            raise ValueError("default_total takes exactly two keys: 'by' (a column) and 'values' (a mapping)")
        return self

    def columns(self) -> list[str]:
        return [*self.group_by, self.role, self.value, self.total_value, *([self.fallback] if self.fallback else [])]


def group_totals(
    df: pd.DataFrame,
    group_by: list[str],
    role: str,
    items: Iterable[str],
    total: str,
    value: str,
    total_value: str,
    default_total: dict | None = None,
    fallback: str | None = None,
) -> pd.DataFrame:
    """For each total row: the sum of its group's items, the stated (or default) total and the slack.

    Returns a frame indexed like the total rows, with columns `sum`, `stated`,
    `slack` (half a unit of the least precise figure involved), `rounded` (the rounding every
    figure may carry: half a unit of each item's last printed digit and of the total's), `n` (items
    that carry a value) and `places` (decimals to print the sum with).
    """
    # NOTE: item and total rows are picked by pandas, and each value's exponent is read once: it
    # adds to the slack, the smallest gives the places (a 1,000-report batch: 6 s -> 1 s). Only the
    # columns read are cut to those rows (not the frame: the describing frame is the whole wide one),
    # and half a unit of each exponent is looked up here (scores, 53,000 rows: 110 ms -> 60 ms a rule).
    roles = df[role]
    halves: dict[int, Decimal] = {}
    exponents: dict[str, int | str] = {}
    sums: dict[tuple, list] = {}  # key -> [sum, n, largest exponent, most places, items' rounding]
    mask = roles.isin(list(items))
    for key, v in zip(_keys(df, group_by, mask), df[value][mask].tolist()):
        acc = sums.get(key)
        if acc is None:
            acc = sums[key] = [ZERO, 0, None, 0, ZERO]
        if missing(v):
            continue
        acc[0] += v
        acc[1] += 1
        printed = str(v)  # NOTE: a str and a lookup take a third of the time of as_tuple()
        exponent = exponents.get(printed)
        if exponent is None:
            exponent = exponents[printed] = v.as_tuple().exponent
        if isinstance(exponent, int):
            if acc[2] is None or exponent > acc[2]:
                acc[2] = exponent
            if -exponent > acc[3]:
                acc[3] = -exponent
            half = halves.get(exponent)
            if half is None:
                half = halves[exponent] = half_unit_at(exponent)
            acc[4] += half
    by = (default_total or {}).get("by")
    defaults = {str(k): Decimal(str(v)) for k, v in (default_total or {}).get("values", {}).items()}
    mask = roles == total
    index = df.index[mask.to_numpy()]
    n = len(index)
    sums_, stateds, slacks, roundeds, counts, places, defaulted = [], [], [], [], [], [], []
    empty = [ZERO, 0, None, 0, ZERO]
    for key, t, b, f in zip(
        _keys(df, group_by, mask),
        df[total_value][mask].tolist(),
        df[by][mask].tolist() if by else [None] * n,
        df[fallback][mask].tolist() if fallback else [None] * n,
    ):
        stated = t if not missing(t) else (f if not missing(f) else defaults.get(str(b)))
        acc = sums.get(key, empty)
        if stated is not None:
            half = half_unit(stated)
            slacks.append(max(half_unit_at(acc[2]) if acc[2] is not None else ZERO, half))
            roundeds.append(acc[4] + half)
        else:
            slacks.append(ZERO)
            roundeds.append(ZERO)
        sums_.append(acc[0])
        stateds.append(stated)
        counts.append(acc[1])
        places.append(acc[3])
        defaulted.append(missing(t))
    columns = {
        "sum": sums_,
        "stated": stateds,
        "slack": slacks,
        "rounded": roundeds,
        "n": counts,
        "places": places,
        "defaulted": defaulted,
    }
    return pd.DataFrame(columns, index=pd.Index(index, name="index"))


def _keys(df: pd.DataFrame, columns: list[str], mask: pd.Series) -> Iterable[tuple]:
    """`keys` of the rows `mask` picks (from lists: iterating a Series is several times slower)."""
    return zip(*(df[c][mask].tolist() for c in columns)) if columns else ((),) * int(mask.sum())


def group_sum(
    df: pd.DataFrame, op: str = "==", require_items: bool = True, tolerance: str = "printed", **spec
) -> pd.Series:
    """True on every row except total rows whose group's sum breaks `sum op stated`."""
    totals = group_totals(df, **spec)
    if tolerance == "exact":
        totals["slack"] = ZERO
    elif tolerance == "rounded":
        totals["slack"] = totals["rounded"]
    # NOTE: columns zipped and failures set at once: iterrows and one setitem per total row
    # were most of a 1,000-report validation (a Series built per row)
    failing = [
        index
        for index, total, stated, slack, n in zip(
            totals.index, totals["sum"], totals["stated"], totals["slack"], totals["n"]
        )
        if stated is not None and not (require_items and n == 0) and not holds(total, op, stated, slack)
    ]
    out = pd.Series(True, index=df.index, dtype=bool)
    if failing:
        out[failing] = False
    return out


def _totals(df: pd.DataFrame, rule: GroupSumRule) -> pd.DataFrame:
    return group_totals(
        df,
        rule.group_by,
        rule.role,
        rule.items,
        rule.total,
        rule.value,
        rule.total_value,
        rule.default_total or None,
        rule.fallback,
    )


def _groups_of(frame: pd.DataFrame, group_by: list[str], indices: list) -> pd.DataFrame:
    """The rows of `frame` in the groups of the rows at `indices`: all a group's totals are made of.

    NOTE: describing needs the totals of the failing groups only; made over every group, they cost
    as much again as the check (1,000 reports: five group_sum rules over 53,000 score rows).
    """
    if not group_by:
        return frame
    wanted = set(zip(*(frame.loc[indices, c].tolist() for c in group_by)))
    return frame[[key in wanted for key in zip(*(frame[c].tolist() for c in group_by))]]


def check(df: pd.DataFrame, rule: GroupSumRule, lexicons: dict) -> pd.Series:
    return group_sum(
        df,
        op=rule.op,
        require_items=rule.require_items,
        tolerance=rule.tolerance,
        group_by=rule.group_by,
        role=rule.role,
        items=rule.items,
        total=rule.total,
        value=rule.value,
        total_value=rule.total_value,
        default_total=rule.default_total or None,
        fallback=rule.fallback,
    )


def describe(rule: GroupSumRule, frame: pd.DataFrame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """{sum} the items make, printed to their places, and the {total} stated (or defaulted)."""
    if "totals" not in cache:
        cache["totals"] = _totals(_groups_of(frame, rule.group_by, cache.get("failing", [index])), rule)
    t = cache["totals"].loc[index]
    return {"sum": fmt(t["sum"], int(t["places"])), "total": plain(t["stated"])}


def reads(rule: GroupSumRule) -> list[str]:
    return columns(
        *rule.group_by,
        rule.role,
        rule.value,
        rule.total_value,
        rule.fallback,
        *([rule.default_total["by"]] if rule.default_total else []),
    )


TYPE = RuleType(
    spec=GroupSumRule, check=check, describe=describe, computes=("sum", "total"), reads=reads, group_wise=True
)
