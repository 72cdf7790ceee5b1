"""require: rows matching `where` have a column empty, filled, matching or free of a pattern, or holding names.

Runs in Great Expectations as GX's own column expectations (`builtin`), and
here as the same test on pandas.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import pandas as pd
from pydantic import model_validator

from auditor.ruletypes.base import RuleBase, RuleType
from auditor.ruletypes.words import excerpt, joined

#: How a list-valued column (a table's 一级 categories, its 二级 output kinds) separates its items.
LIST_SEPARATOR = "|"


class RequireRule(RuleBase):
    """Rows matching `where` must have `column` empty, filled, or free of a pattern or lexicon's words.

    `must_include` reads `column` as a list (items separated by `|`) and asks
    that each name occur in one of its items; messages then get `{present}`,
    `{missing}` and `{required}` joined by 、 (`{present_en}`, ... by commas).
    Compiles to Great Expectations' own column expectations.
    """

    type: Literal["require"]
    column: str
    must_be_empty: bool = False
    must_be_filled: bool = False
    must_not_match: str | None = None
    must_match: str | None = None
    must_not_contain: str | None = None  # a lexicon: its entries' words are misspellings of the entry
    must_include: list[str] = []

    @model_validator(mode="after")
    def _one_requirement(self):
        given = [
            self.must_be_empty,
            self.must_be_filled,
            bool(self.must_not_match),
            bool(self.must_match),
            bool(self.must_not_contain),
            bool(self.must_include),
        ]
        if sum(given) != 1:
            raise ValueError(
                "give exactly one of must_be_empty, must_be_filled, must_match, must_not_match, "
                "must_not_contain, must_include"
            )
        if any(not name or LIST_SEPARATOR in name for name in self.must_include):
            raise ValueError(f"must_include lists names, none empty or holding '{LIST_SEPARATOR}'")
        for pattern in (self.must_not_match, self.must_match):
            if pattern is None:
                continue
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
        return self

    @property
    def lexicon(self) -> str | None:
        return self.must_not_contain

    @property
    def include_pattern(self) -> str:
        """`must_include` as one regex: every name somewhere in the value."""
        return "".join(f"(?=.*{re.escape(name)})" for name in self.must_include)

    def listed(self, value) -> list[str]:
        """The items of a list-valued cell, as printed."""
        return [item for item in str(value).split(LIST_SEPARATOR) if item] if value is not None else []

    def missing(self, value) -> list[str]:
        """The `must_include` names no item of the cell holds."""
        items = self.listed(value)
        return [name for name in self.must_include if not any(name in item for item in items)]

    def columns(self) -> list[str]:
        return [self.column, *self.where]


def lexicon_words(lexicon: dict) -> list[str]:
    """A lexicon's words, longest first, so an alternation of them prefers the longer one."""
    return sorted({w for entry in lexicon.values() for w in entry["words"]}, key=lambda w: (-len(w), w))


def builtin(rule: RequireRule, lexicons: dict) -> tuple[str, dict[str, Any]]:
    """The GX column expectation that says the same, and its arguments."""
    if rule.must_be_empty:
        return "ExpectColumnValuesToBeNull", {"column": rule.column}
    if rule.must_be_filled:
        return "ExpectColumnValuesToNotBeNull", {"column": rule.column}
    if rule.must_not_match:
        return "ExpectColumnValuesToNotMatchRegex", {"column": rule.column, "regex": rule.must_not_match}
    if rule.must_match or rule.must_include:
        return "ExpectColumnValuesToMatchRegex", {
            "column": rule.column,
            "regex": rule.must_match or rule.include_pattern,
        }
    words = lexicon_words(lexicons[rule.must_not_contain])
    if not words:
        return "ExpectColumnValuesToNotMatchRegexList", {"column": rule.column, "regex_list": []}
    # NOTE: one alternation, not GX's regex list: the list converts the column and searches it once per
    # word (TYPO, 23 words over 72,000 texts: 0.37 s); any word found is the alternation found, the same rows
    return "ExpectColumnValuesToNotMatchRegex", {"column": rule.column, "regex": "|".join(re.escape(w) for w in words)}


def check(df: pd.DataFrame, rule: RequireRule, lexicons: dict) -> pd.Series:
    column = df[rule.column]
    if rule.must_be_empty:
        return column.isna()
    if rule.must_be_filled:
        return column.notna()
    if rule.must_match or rule.must_include:
        pattern = rule.must_match or rule.include_pattern
        return column.fillna("").astype(str).str.contains(pattern, regex=True)
    pattern = rule.must_not_match or "|".join(re.escape(w) for w in lexicon_words(lexicons[rule.lexicon]))
    return ~column.fillna("").astype(str).str.contains(pattern, regex=True)


def describe(rule: RequireRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """With `must_include`: what the cell holds and lacks; with a lexicon: the misspelling and its fix;
    with `must_not_match`: the text it matched and the words around it."""
    if rule.must_include:
        return _included(rule, row[rule.column])
    if rule.must_not_match:
        text = str(row[rule.column])
        m = re.search(rule.must_not_match, text)
        if m is None:
            return {}
        matched = m.group(1) if m.re.groups else m.group(0)  # a pattern's first group is what it quotes
        return {"matched": matched, "excerpt": excerpt(text, [matched])}
    if rule.must_not_contain:
        text = str(row[rule.column])
        for right, entry in lexicons[rule.must_not_contain].items():
            for wrong in sorted(entry["words"], key=len, reverse=True):
                if wrong in text:
                    return {"wrong": wrong, "right": right, "excerpt": excerpt(text, [wrong])}
    return {}


def _included(rule: RequireRule, value) -> dict[str, str]:
    """What a list-valued cell holds, what it lacks of `must_include`, and what is required, joined."""
    present, missing = rule.listed(value), rule.missing(value)
    out = {rule.column: joined(present)}
    for name, names in (("present", present), ("missing", missing), ("required", rule.must_include)):
        out[name], out[f"{name}_en"] = joined(names), joined(names, "en")
    return out


def computes(rule: RequireRule) -> tuple[str, ...]:
    """The names `describe` fills for this rule (and, with `must_include`, the column itself, as a list)."""
    if rule.must_include:
        return (rule.column, "present", "missing", "required", "present_en", "missing_en", "required_en")
    if rule.must_not_match:
        return ("matched", "excerpt")
    return ("wrong", "right", "excerpt") if rule.must_not_contain else ()


TYPE = RuleType(
    spec=RequireRule,
    check=check,
    describe=describe,
    computes=computes,
    reads=lambda rule: [rule.column],
    builtin=builtin,
)
