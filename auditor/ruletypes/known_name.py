"""known_name: every name a mention row gives is one of the names its group's `known` rows state."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

import pandas as pd
from pydantic import Field

from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import keys, missing, verdicts


class KnownNameRule(RuleBase):
    """Every name a mention row gives is one of the names its group's `known` rows state."""

    type: Literal["known_name"]
    group_by: list[str] = Field(min_length=1)
    role: str = "role"
    name: str = "name"
    known: str = "table"
    #: report only a name that is a variant of a known one (alike, neither holding the other): for
    #: statements that may also name other projects, where a name unlike the known one is another project
    variants_only: bool = False

    def columns(self) -> list[str]:
        return [*self.group_by, self.role, self.name]


def known_names(df: pd.DataFrame, group_by: list[str], role: str, name: str, known: str) -> dict[tuple, list[str]]:
    names: dict[tuple, list[str]] = {}
    for key, r, n in zip(keys(df, group_by), df[role], df[name]):
        if r == known and not missing(n) and n not in names.setdefault(key, []):
            names[key].append(n)
    return names


#: How alike (difflib ratio) a name and a known one are when one is the other written differently:
#: 临城县2021年度财政衔接资金……项目 and 临城县2021年财政涉农资金……项目 are 0.91 alike.
VARIANT = 0.75


def is_variant(name: str, known: list[str]) -> bool:
    """Whether `name` is a known name written otherwise: alike, but neither one within the other
    (a shortened 道路建设项目 is the same project, not a second name)."""
    best, ratio = closest(name, known)
    return best is not None and ratio >= VARIANT and name not in best and best not in name


def known_name(
    df: pd.DataFrame, group_by: list[str], role: str, name: str, known: str, variants_only: bool = False
) -> pd.Series:
    """True unless a mention's name is none of the names its group knows (the tables' 项目名称)."""
    names = known_names(df, group_by, role, name, known)
    return verdicts(
        (
            r == known
            or missing(n)
            or not names.get(key)
            or n in names[key]
            or (variants_only and not is_variant(n, names[key]))
            for key, r, n in zip(keys(df, group_by), df[role], df[name])
        ),
        df,
    )


def closest(name: str, candidates: list[str]) -> tuple[str | None, float]:
    """The candidate sharing most characters in order with `name` (difflib ratio), and that ratio."""
    best, score = None, 0.0
    for c in candidates:
        r = SequenceMatcher(None, name, c).ratio()
        if r > score:
            best, score = c, r
    return best, score


def check(df: pd.DataFrame, rule: KnownNameRule, lexicons: dict) -> pd.Series:
    return known_name(df, rule.group_by, rule.role, rule.name, rule.known, rule.variants_only)


def describe(rule: KnownNameRule, frame: pd.DataFrame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """The known name closest to the one mentioned (or all of them), and how alike the two are."""
    if "names" not in cache:
        cache["names"] = known_names(frame, rule.group_by, rule.role, rule.name, rule.known)
    known = cache["names"].get(tuple(row[c] for c in rule.group_by), [])
    best, ratio = closest(str(row[rule.name]), known)
    # NOTE: a name sharing less than half its characters with every table's is another project:
    # then the expected value is the list of the tables' names, not a guess.
    nearest = best if best and ratio >= 0.5 else "、".join(known)
    return {"closest": nearest, "known": "、".join(known), "similarity": f"{ratio:.2f}"}


TYPE = RuleType(
    spec=KnownNameRule,
    check=check,
    describe=describe,
    computes=("closest", "known", "similarity"),
    group_wise=True,
    reads=lambda rule: columns(*rule.group_by, rule.role, rule.name),
)
