"""The arithmetic of every rule type, on plain pandas frames.

Great Expectations calls these through our custom expectations
(`auditor.engine.expectations`); the benchmark calls them directly as the
lower bound of what validation can cost. Figures are exact Decimals whose
exponent is the printed precision, so every comparison is made between
intervals of half a unit of the last printed digit (domain-rules §6): a
figure that some rounding of its printed inputs reproduces is consistent.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

import pandas as pd

from auditor.numbers import fmt, half_unit, places

ZERO = Decimal(0)


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def compare(df: pd.DataFrame, left: str, op: str, right: str, tolerance: str = "printed") -> pd.Series:
    """True where `left op right` holds (rows missing either side pass: there is nothing to compare)."""
    out = []
    for a, b in zip(df[left], df[right]):
        if _missing(a) or _missing(b):
            out.append(True)
            continue
        slack = half_unit(a) + half_unit(b) if tolerance == "printed" else ZERO
        out.append(_holds(a, op, b, slack))
    return pd.Series(out, index=df.index, dtype=bool)


def _holds(a: Decimal, op: str, b: Decimal, slack: Decimal) -> bool:
    if op == "==":
        return abs(a - b) <= slack
    if op == "<=":
        return a - slack <= b
    if op == ">=":
        return a + slack >= b
    if op == "<":
        return a - slack < b
    if op == ">":
        return a + slack > b
    raise ValueError(f"unknown operator {op}")


def ratio_bounds(num: Decimal, den: Decimal, scale: int) -> tuple[Decimal, Decimal] | None:
    """The range of num/den×scale over every value each printed input may stand for."""
    hn, hd = half_unit(num), half_unit(den)
    if den - hd <= 0 or num < 0:
        return None  # a zero budget makes the rate undefined; another rule reports it
    low = max(num - hn, ZERO) / (den + hd) * scale
    high = (num + hn) / (den - hd) * scale
    return low, high


def ratio(df: pd.DataFrame, stated: str, numerator: str, denominator: str, scale: int = 100) -> pd.Series:
    out = []
    for s, n, d in zip(df[stated], df[numerator], df[denominator]):
        if _missing(s) or _missing(n) or _missing(d):
            out.append(True)
            continue
        bounds = ratio_bounds(n, d, scale)
        if bounds is None:
            out.append(True)
            continue
        hs = half_unit(s)
        out.append(bounds[0] <= s + hs and bounds[1] >= s - hs)
    return pd.Series(out, index=df.index, dtype=bool)


def ratio_value(stated: Decimal, num: Decimal, den: Decimal, scale: int = 100) -> str:
    """num/den×scale printed to the stated precision, and never to fewer than 2 decimals."""
    return fmt(num / den * scale, max(2, places(stated)))


def group_totals(df: pd.DataFrame, group_by: list[str], role: str, items: Iterable[str], total: str,
                 value: str, total_value: str, default_total: dict | None = None) -> pd.DataFrame:
    """For each total row: the sum of its group's items, the stated (or default) total and the slack.

    Returns a frame indexed like the total rows, with columns `sum`, `stated`,
    `slack` (half a unit of the least precise figure involved), `n` (items
    that carry a value) and `places` (decimals to print the sum with).
    """
    items = set(items)
    sums: dict[tuple, list] = {}
    for key, r, v in zip(_keys(df, group_by), df[role], df[value]):
        if r in items:
            acc = sums.setdefault(key, [ZERO, 0, ZERO, 0])
            if not _missing(v):
                acc[0] += v
                acc[1] += 1
                acc[2] = max(acc[2], half_unit(v))
                acc[3] = max(acc[3], places(v))
    by = (default_total or {}).get("by")
    defaults = {str(k): Decimal(str(v)) for k, v in (default_total or {}).get("values", {}).items()}
    rows = []
    for index, key, r, t, b in zip(df.index, _keys(df, group_by), df[role], df[total_value],
                                   df[by] if by else [None] * len(df)):
        if r != total:
            continue
        stated = t if not _missing(t) else defaults.get(str(b))
        acc = sums.get(key, [ZERO, 0, ZERO, 0])
        slack = max(acc[2], half_unit(stated)) if stated is not None else ZERO
        rows.append((index, acc[0], stated, slack, acc[1], acc[3], _missing(t)))
    return pd.DataFrame(rows, columns=["index", "sum", "stated", "slack", "n", "places", "defaulted"]).set_index("index")


def group_sum(df: pd.DataFrame, op: str = "==", require_items: bool = True, **spec) -> pd.Series:
    """True on every row except total rows whose group's sum breaks `sum op stated`."""
    out = pd.Series(True, index=df.index, dtype=bool)
    totals = group_totals(df, **spec)
    for index, row in totals.iterrows():
        if row["stated"] is None or (require_items and row["n"] == 0):
            continue
        out[index] = _holds(row["sum"], op, row["stated"], row["slack"])
    return out


def _keys(df: pd.DataFrame, columns: list[str]) -> Iterable[tuple]:
    return zip(*(df[c] for c in columns)) if columns else ((),) * len(df)


def topics_in(text: str, lexicon: dict[str, dict]) -> set[str]:
    return {name for name, topic in lexicon.items() if any(w in text for w in topic.get("words", []))}


def topic_verdict(project: Any, body: Any, lexicon: dict[str, dict], strip_name: bool = True
                  ) -> tuple[bool, set[str], set[str]]:
    """(agrees, name topics, text topics) of one text.

    A text disagrees when it names topics and none of them is the project's
    own or one its topics list as related; a name with no known topic, or a
    text with none, is not judged.
    """
    if _missing(project) or _missing(body):
        return True, set(), set()
    own = topics_in(project, lexicon)
    if strip_name:
        body = body.replace(project, "")
    found = topics_in(body, lexicon)
    allowed = set(own)
    for name in own:
        allowed.update(lexicon[name].get("related", []))
    return (not own or not found or bool(found & allowed)), own, found


def topic(df: pd.DataFrame, name: str, text: str, lexicon: dict[str, dict], strip_name: bool = True) -> pd.Series:
    verdicts = [topic_verdict(p, b, lexicon, strip_name)[0] for p, b in zip(df[name], df[text])]
    return pd.Series(verdicts, index=df.index, dtype=bool)
