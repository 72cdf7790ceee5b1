"""known_name: every name a mention row gives is one of the names its group's `known` rows state."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable, Literal

import pandas as pd
from pydantic import Field

from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import keys, missing, verdicts
from auditor.ruletypes.require import lexicon_words


class KnownNameRule(RuleBase):
    """Every name a mention row gives is one of the names its group's `known` rows state."""

    type: Literal["known_name"]
    group_by: list[str] = Field(min_length=1)
    role: str = "role"
    name: str = "name"
    known: str = "table"
    #: a lexicon of words one project's name may be written with in their stead (财政衔接资金, 财政涉农资金):
    #: given, only a name that is a known one written with such other words is reported. For statements
    #: that may name other projects, where a name differing in what is done (养老 vs 医疗, 东庄村 vs 西庄村)
    #: is another project.
    variants: str | None = None

    @property
    def lexicon(self) -> str | None:
        return self.variants

    def columns(self) -> list[str]:
        return [*self.group_by, self.role, self.name]


def known_names(df: pd.DataFrame, group_by: list[str], role: str, name: str, known: str) -> dict[tuple, list[str]]:
    names: dict[tuple, list[str]] = {}
    for key, r, n in zip(keys(df, group_by), df[role], df[name]):
        if r == known and not missing(n) and n not in names.setdefault(key, []):
            names[key].append(n)
    return names


def common_form(lexicon: dict) -> Callable[[str], str]:
    """The form all variants of a name share: each lexicon word written as its entry (in one pass,
    longest word first: 财政衔接资金 before 衔接资金, and an entry put in is never read again), 年度 as 年."""
    entry_of = {w: entry for entry, item in lexicon.items() for w in item.get("words", []) if w}
    if not entry_of:
        return lambda name: name.replace("年度", "年")
    words = re.compile("|".join(re.escape(w) for w in lexicon_words(lexicon)))
    return lambda name: words.sub(lambda m: f"〔{entry_of[m.group(0)]}〕", name.replace("年度", "年"))


def is_variant(name: str, known: list[str], form: Callable[[str], str]) -> bool:
    """Whether `name` is one of `known` written with other words of the same lexicon entry."""
    own = form(name)
    return any(k != name and form(k) == own for k in known)


def known_name(
    df: pd.DataFrame, group_by: list[str], role: str, name: str, known: str, variants: dict | None = None
) -> pd.Series:
    """True unless a mention's name is none of the names its group knows (the tables' 项目名称);
    with a `variants` lexicon, unless it is a known name written with other words of the lexicon."""
    names = known_names(df, group_by, role, name, known)
    form = common_form(variants) if variants is not None else None
    return verdicts(
        (
            r == known
            or missing(n)
            or not names.get(key)
            or n in names[key]
            or (form is not None and not is_variant(n, names[key], form))
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
    variants = lexicons[rule.variants] if rule.variants else None
    return known_name(df, rule.group_by, rule.role, rule.name, rule.known, variants)


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
