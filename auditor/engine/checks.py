"""The arithmetic of every rule type, on plain pandas frames.

Great Expectations calls these through our custom expectations
(`auditor.engine.expectations`); the benchmark calls them directly as the
lower bound of what validation can cost. Figures are exact Decimals whose
exponent is the printed precision, so every comparison is made between
intervals of half a unit of the last printed digit (domain-rules §6): a
figure that some rounding of its printed inputs reproduces is consistent.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Iterable

import pandas as pd

from auditor.numbers import fmt, half_unit, half_unit_at, parse, places

ZERO = Decimal(0)


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def compare(df: pd.DataFrame, left: str, op: str, right: str | None, tolerance: str = "printed",
            value: Any = None) -> pd.Series:
    """True where `left op right` (or `left op value`) holds; rows missing a side pass: nothing to compare."""
    rights = df[right] if right else [Decimal(str(value))] * len(df)
    out = []
    for a, b in zip(df[left], rights):
        if _missing(a) or _missing(b):
            out.append(True)
            continue
        slack = half_unit(a) + half_unit(b) if tolerance == "printed" else ZERO
        out.append(_holds(a, op, b, slack, strict=True))
    return pd.Series(out, index=df.index, dtype=bool)


def _holds(a: Decimal, op: str, b: Decimal, slack: Decimal, strict: bool = False) -> bool:
    if op == "==":
        # NOTE: two printed figures are strict: 301 and 300 stand for the half-open intervals
        # [300.5, 301.5) and [299.5, 300.5), which do not meet. A sum against its total keeps
        # the closed tolerance of half a unit of the least precise figure (FUND-TOTAL-SUM).
        return abs(a - b) < slack if strict and slack else abs(a - b) <= slack
    if op == "<=":
        return a - slack <= b
    if op == "!=":
        return abs(a - b) > slack if not isinstance(a, str) else a != b
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


#: Above this, a rate printed without % cannot be a ratio: nobody spends 200 times the budget.
RATIO_CEILING = Decimal(2)


def printed_as_percent(text: Any) -> bool:
    """Whether a figure was printed with a percent sign (%, ％ or 百分比)."""
    if _missing(text):
        return False
    fig = parse(str(text))
    return bool(fig and fig.percent)


def rate_readings(rate: Decimal, text: Any) -> list[Decimal]:
    """The values in percent a printed rate may stand for: itself, and ×100 if printed without %.

    NOTE: ×100 by scaleb keeps the printed precision: `0.1` read as a ratio
    is 1E+1 percent, half a unit of which is 5 points (0.05 to 0.15).
    """
    if _missing(rate):
        return []
    if printed_as_percent(text):
        return [rate]
    return [rate, rate.scaleb(2)]


def _meets(value: Decimal, bounds: tuple[Decimal, Decimal]) -> bool:
    h = half_unit(value)
    return bounds[0] <= value + h and bounds[1] >= value - h


def rate_in_percent(rate: Any, text: Any, executed: Any, budget: Any, style: str | None = None) -> Decimal | None:
    """An execution rate in percent, read as the document's own figures support (forms.md F4).

    A rate printed with % is a percentage. One printed without % (`1`,
    `0.98`, `100` under 执行率(%)) is a percentage or a ratio: the reading
    that 执行数 / 预算数 reproduces at the printed precision is taken, and
    where neither does, the nearer one (FUNDING_RATE then reports the rate).
    With no amounts to decide, `style` ("ratio" or "percent": how the same
    table prints its other rates) decides; failing that, a figure above 2 is
    a percentage and anything else is ambiguous: None, so that no rule reads
    a percentage into it (a bare `1` is never "below 90%").
    """
    return read_rate(rate, text, executed, budget, style)[0]


def read_rate(rate: Any, text: Any, executed: Any, budget: Any, style: str | None = None
              ) -> tuple[Decimal | None, str | None]:
    """`rate_in_percent` and what decided it: "sign", "percent" or "ratio" (the amounts), "nearest",
    "style", "size", or None when nothing did."""
    readings = rate_readings(rate, text)
    if not readings:
        return None, None
    if len(readings) == 1:
        return readings[0], "sign"
    percent, ratio = readings
    bounds = None if _missing(executed) or _missing(budget) else ratio_bounds(executed, budget, 100)
    if bounds is not None:
        fits_percent, fits_ratio = _meets(percent, bounds), _meets(ratio, bounds)
        if fits_percent != fits_ratio:
            return (percent, "percent") if fits_percent else (ratio, "ratio")
        if fits_percent:
            return percent, "nearest"  # both: only a rate of 0 is both 0% and 0 × 100%
        middle = (bounds[0] + bounds[1]) / 2
        return min(readings, key=lambda r: abs(r - middle)), "nearest"
    if style in ("ratio", "percent"):
        return (ratio if style == "ratio" else percent), "style"
    if rate > RATIO_CEILING:
        return percent, "size"
    return None, None


def percent_text(value: Decimal | None) -> str | None:
    """A rate in percent as people print it: 100%, 98%, 14.46% (scaled readings in plain digits)."""
    return None if value is None else fmt(value, places(value)) + "%"


#: The rates every rule reads in percent, per entity: (rate, executed, budget, columns of one table).
#: Each gets `<rate>_percent` (Decimal) and `<rate>_percent_text` beside it before validation.
RATES: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {
    "funding": [("rate", "executed", "budget", ("doc", "table"))],
    "narratives": [("rate", "executed", "budget", ()),
                   ("table_rate", "table_executed", "table_budget", ())],
}


#: Every rate column read in percent, whatever its entity.
RATE_NAMES = tuple(dict.fromkeys(spec[0] for specs in RATES.values() for spec in specs))


def rates_in_percent(df: pd.DataFrame, rate: str, executed: str, budget: str,
                     table: tuple[str, ...] = ()) -> list[Decimal | None]:
    """`rate_in_percent` of every row; a table whose amounts show how it prints bare rates lends that to the rest.

    NOTE: only rows printed without % whose amounts decide the reading count
    as the table's style, and only when they agree: a `1` in a 年度资金总额 row
    with no amounts is a ratio where the table's 本年财政拨款 row prints 0.98
    for 98 / 100.
    """
    texts = df[f"{rate}_text"] if f"{rate}_text" in df.columns else [None] * len(df)
    rows = list(zip(_keys(df, list(table)), df[rate], texts, df[executed], df[budget]))
    styles: dict[tuple, set[str]] = {}
    first = []
    for key, r, t, x, y in rows:
        value, how = read_rate(r, t, x, y)
        first.append((value, how))
        if how in ("percent", "ratio"):
            styles.setdefault(key, set()).add(how)
    out = []
    for (key, r, t, x, y), (value, how) in zip(rows, first):
        style = styles.get(key, set())
        if how is None and table and len(style) == 1:
            value = rate_in_percent(r, t, x, y, next(iter(style)))
        out.append(value)
    return out


def with_rates(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`frames` with every rate of `RATES` also in percent (copies of the frames that change)."""
    out = dict(frames)
    for entity, specs in RATES.items():
        frame = frames.get(entity)
        if frame is None:
            continue
        frame = frame.copy()
        for rate, executed, budget, table in specs:
            if rate not in frame.columns:
                continue
            values = rates_in_percent(frame, rate, executed, budget, table) if len(frame) else []
            frame[f"{rate}_percent"] = pd.Series(values, index=frame.index, dtype=object)
            frame[f"{rate}_percent_text"] = pd.Series([percent_text(v) for v in values], index=frame.index,
                                                      dtype=object)
        out[entity] = frame
    return out


def group_totals(df: pd.DataFrame, group_by: list[str], role: str, items: Iterable[str], total: str,
                 value: str, total_value: str, default_total: dict | None = None,
                 fallback: str | None = None) -> pd.DataFrame:
    """For each total row: the sum of its group's items, the stated (or default) total and the slack.

    Returns a frame indexed like the total rows, with columns `sum`, `stated`,
    `slack` (half a unit of the least precise figure involved), `n` (items
    that carry a value) and `places` (decimals to print the sum with).
    """
    # NOTE: item and total rows are picked by pandas, and each value's exponent is read once: the
    # largest exponent gives the slack, the smallest the places (a 1,000-report batch: 6 s -> 1 s)
    sums: dict[tuple, list] = {}  # key -> [sum, n, largest exponent, most places]
    part = df[df[role].isin(list(items))]
    for key, v in zip(_keys(part, group_by), part[value]):
        acc = sums.get(key)
        if acc is None:
            acc = sums[key] = [ZERO, 0, None, 0]
        if _missing(v):
            continue
        acc[0] += v
        acc[1] += 1
        exponent = v.as_tuple().exponent
        if isinstance(exponent, int):
            if acc[2] is None or exponent > acc[2]:
                acc[2] = exponent
            acc[3] = max(acc[3], -exponent)
    by = (default_total or {}).get("by")
    defaults = {str(k): Decimal(str(v)) for k, v in (default_total or {}).get("values", {}).items()}
    rows = []
    part = df[df[role] == total]
    fallbacks = part[fallback] if fallback else [None] * len(part)
    empty = [ZERO, 0, None, 0]
    for index, key, t, b, f in zip(part.index, _keys(part, group_by), part[total_value],
                                   part[by] if by else [None] * len(part), fallbacks):
        stated = t if not _missing(t) else (f if not _missing(f) else defaults.get(str(b)))
        acc = sums.get(key, empty)
        items_slack = half_unit_at(acc[2]) if acc[2] is not None else ZERO
        slack = max(items_slack, half_unit(stated)) if stated is not None else ZERO
        rows.append((index, acc[0], stated, slack, acc[1], acc[3], _missing(t)))
    return pd.DataFrame(rows, columns=["index", "sum", "stated", "slack", "n", "places", "defaulted"]).set_index("index")


def group_sum(df: pd.DataFrame, op: str = "==", require_items: bool = True, **spec) -> pd.Series:
    """True on every row except total rows whose group's sum breaks `sum op stated`."""
    totals = group_totals(df, **spec)
    # NOTE: columns zipped and failures set at once: iterrows and one setitem per total row
    # were most of a 1,000-report validation (a Series built per row)
    failing = [index for index, total, stated, slack, n in zip(totals.index, totals["sum"], totals["stated"],
                                                                totals["slack"], totals["n"])
               if stated is not None and not (require_items and n == 0) and not _holds(total, op, stated, slack)]
    out = pd.Series(True, index=df.index, dtype=bool)
    if failing:
        out[failing] = False
    return out


def _keys(df: pd.DataFrame, columns: list[str]) -> Iterable[tuple]:
    return zip(*(df[c] for c in columns)) if columns else ((),) * len(df)


def topics_in(text: str, lexicon: dict[str, dict]) -> set[str]:
    """The entries of `lexicon` one of whose words occurs in `text`."""
    by_first, starts = _word_index(lexicon)
    found: set[str] = set()
    if starts is None:
        return found
    for m in starts.finditer(text):
        at = m.start()
        for word, names in by_first[text[at]]:
            if text.startswith(word, at):
                found |= names
    return found


_WORD_INDEXES: dict[int, tuple[dict, tuple]] = {}


def _word_index(lexicon: dict[str, dict]) -> tuple[dict[str, list[tuple[str, frozenset]]], "re.Pattern | None"]:
    """Words by first character, and a pattern matching any first character, built once per lexicon.

    NOTE: the same answer as asking `word in text` of every word, found by
    looking only where some word can start: a batch's texts times a lexicon's
    words (7.8 million `in` tests for 1,000 reports) was its slowest check.
    """
    kept = _WORD_INDEXES.get(id(lexicon))
    if kept is not None and kept[0] is lexicon:
        return kept[1]
    words: dict[str, set[str]] = {}
    for name, entry in lexicon.items():
        for word in entry.get("words", []):
            if word:
                words.setdefault(word, set()).add(name)
    by_first: dict[str, list[tuple[str, frozenset]]] = {}
    for word, names in words.items():
        by_first.setdefault(word[0], []).append((word, frozenset(names)))
    starts = re.compile("[" + "".join(re.escape(c) for c in by_first) + "]") if by_first else None
    _WORD_INDEXES[id(lexicon)] = (lexicon, (by_first, starts))
    return by_first, starts


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


def unit_scaled(a: Decimal, b: Decimal, factor: Decimal = Decimal(10000)) -> bool:
    """Whether a is b×factor or b/factor at the printed precision: 元 written for 万元 or the reverse."""
    if a == 0 or b == 0:
        return False
    ha, hb = half_unit(a), half_unit(b)
    for big, hbig, small, hsmall in ((a, ha, b, hb), (b, hb, a, ha)):
        if abs(big - small * factor) <= hbig + hsmall * factor:
            return True
    return False


def not_unit_scaled(df: pd.DataFrame, left: str, right: str, factor: int = 10000) -> pd.Series:
    out = [_missing(a) or _missing(b) or not unit_scaled(a, b, Decimal(factor)) for a, b in zip(df[left], df[right])]
    return pd.Series(out, index=df.index, dtype=bool)


def compare_unit_aware(df: pd.DataFrame, left: str, op: str, right: str, tolerance: str = "printed") -> pd.Series:
    """`compare`, but a pair that differs by exactly a factor of 10,000 passes: a unit rule reports it."""
    plain = compare(df, left, op, right, tolerance)
    scaled = ~not_unit_scaled(df, left, right)
    return plain | scaled


def rate_score_value(scheme: dict, rate: Decimal, weight: Decimal) -> Decimal:
    """The score a rate earns under one scheme: linear (min(r,100%)×w) or banded ({min rate: share of w})."""
    if scheme["type"] == "linear":
        return min(rate, Decimal(100)) / 100 * weight
    for band in sorted(scheme["bands"], key=lambda b: -b["min"]):
        if rate >= Decimal(str(band["min"])):
            return Decimal(str(band["share"])) * weight
    return ZERO


def rate_score_fits(score: Decimal, rates: list[tuple[Decimal, Decimal]], weight: Decimal, schemes: list[dict]) -> bool:
    """Whether a stated score is what some scheme gives for some rate in one of the rate intervals.

    NOTE: a linear score may be rounded or truncated to its printed places:
    8.44 and 8.45 both stand for 8.4468, and 9 for 9.71; truncation only
    ever lowers a score, so the slack below is one unit and above half a unit.
    Band scores are exact values (7, 5, 0) and get half a unit either way.
    """
    h = half_unit(score)
    for scheme in schemes:
        for low, high in rates:
            if scheme["type"] == "linear":
                lo, hi = rate_score_value(scheme, low, weight), rate_score_value(scheme, high, weight)
                if lo - 2 * h <= score <= hi + h:
                    return True
            else:
                values = {rate_score_value(scheme, r, weight) for r in (low, high)}
                if any(abs(score - v) <= h for v in values):
                    return True
    return False


def rate_intervals(stated: Any, num: Any, den: Any) -> list[tuple[Decimal, Decimal]]:
    """The rate as stated (± its rounding) and as computed from the amounts (over their rounding)."""
    out = []
    if not _missing(stated):
        h = half_unit(stated)
        out.append((stated - h, stated + h))
    if not _missing(num) and not _missing(den):
        bounds = ratio_bounds(num, den, 100)
        if bounds:
            out.append(bounds)
    return out


def rate_score(df: pd.DataFrame, rate: str, numerator: str, denominator: str, weight: str, score: str,
               schemes: list[dict]) -> pd.Series:
    out = []
    for r, n, d, w, s in zip(df[rate], df[numerator], df[denominator], df[weight], df[score]):
        if _missing(s) or _missing(w):
            out.append(True)
            continue
        rates = rate_intervals(r, n, d)
        out.append(not rates or rate_score_fits(s, rates, w, schemes))
    return pd.Series(out, index=df.index, dtype=bool)


def band_of(label: str, bands: dict[str, list]) -> tuple[str, list] | None:
    """The band whose label the text contains; longest label first, so 未达成 is not read as 达成."""
    for name in sorted(bands, key=len, reverse=True):
        if name in label:
            return name, bands[name]
    return None


def in_band(value: Decimal, low: Decimal, high: Decimal, top: bool) -> bool:
    """value ± its rounding meets [low, high) — or [low, high] for the top band."""
    h = half_unit(value)
    return value + h >= low and (value - h <= high if top else value - h < high)


def band(df: pd.DataFrame, value: str, label: str, bands: dict[str, list], scale: str | None = None) -> pd.Series:
    """True where `value` (divided by `scale` when given) lies in the band its `label` names."""
    top = max((b[1] for b in bands.values()), default=0)
    out = []
    for v, text, w in zip(df[value], df[label], df[scale] if scale else [None] * len(df)):
        if _missing(v) or _missing(text) or (scale and (_missing(w) or w == 0)):
            out.append(True)
            continue
        found = band_of(str(text), bands)
        if found is None:
            out.append(True)
            continue
        low, high = (Decimal(str(x)) for x in found[1])
        if scale and v > w:
            out.append(True)  # above the weight altogether: SCORE_LE_WEIGHT's finding, not a band's
            continue
        if scale:
            hw = half_unit(v)
            share_low, share_high = (v - hw) / w, (v + hw) / w
            ok = share_high >= low and (share_low <= high if high == Decimal(str(top)) else share_low < high)
        else:
            ok = in_band(v, low, high, found[1][1] == top)
        out.append(ok)
    return pd.Series(out, index=df.index, dtype=bool)


def explained(text: Any, words: list[str], boilerplate: list[str]) -> bool:
    """Whether a text gives a reason: filled, not boilerplate (无, 暂无, —), and with a cause word if any are asked."""
    if _missing(text):
        return False
    t = "".join(str(text).split())
    if not t or t in boilerplate:
        return False
    return not words or any(w in t for w in words)


def explain(df: pd.DataFrame, left: str, op: str, right: str | None, text: str, factor: float = 1,
            words: list[str] | None = None, boilerplate: list[str] | None = None, value: Any = None) -> pd.Series:
    """True unless `left op right×factor` (or `left op value`) holds and `text` gives no reason."""
    f = Decimal(str(factor))
    rights = df[right] if right else [Decimal(str(value))] * len(df)
    out = []
    for a, b, t in zip(df[left], rights, df[text]):
        if _missing(a) or _missing(b):
            out.append(True)
            continue
        if f != 1 and b == 0:
            out.append(True)  # NOTE: "1.2 times a target of 0" means nothing: zero accidents met by zero
            continue
        needs = _holds(a, op, b * f, ZERO)
        out.append(not needs or explained(t, words or [], boilerplate or []))
    return pd.Series(out, index=df.index, dtype=bool)


def known_names(df: pd.DataFrame, group_by: list[str], role: str, name: str, known: str) -> dict[tuple, list[str]]:
    names: dict[tuple, list[str]] = {}
    for key, r, n in zip(_keys(df, group_by), df[role], df[name]):
        if r == known and not _missing(n) and n not in names.setdefault(key, []):
            names[key].append(n)
    return names


def known_name(df: pd.DataFrame, group_by: list[str], role: str, name: str, known: str) -> pd.Series:
    """True unless a mention's name is none of the names its group knows (the tables' 项目名称)."""
    names = known_names(df, group_by, role, name, known)
    out = []
    for key, r, n in zip(_keys(df, group_by), df[role], df[name]):
        out.append(r == known or _missing(n) or not names.get(key) or n in names[key])
    return pd.Series(out, index=df.index, dtype=bool)


def closest(name: str, candidates: list[str]) -> tuple[str | None, float]:
    """The candidate sharing most characters in order with `name` (difflib ratio), and that ratio."""
    from difflib import SequenceMatcher

    best, score = None, 0.0
    for c in candidates:
        r = SequenceMatcher(None, name, c).ratio()
        if r > score:
            best, score = c, r
    return best, score


def achievement_expected(direction: str, target: Decimal, actual: Decimal, weight: Decimal
                         ) -> tuple[Decimal, Decimal] | None:
    """The score range a quantitative result earns (S-POSITIVE, S-REVERSE), or None when not judged.

    A ≥ (or bare) target met earns the weight, a shortfall B/A of it; a ≤
    target kept earns the weight. The range spans the rounding of A and B.
    """
    if target <= 0 or actual < 0:
        return None
    if direction in ("", ">="):
        bounds = ratio_bounds(actual, target, 1)
        if bounds is None:
            return None
        low, high = (min(b, Decimal(1)) * weight for b in bounds)
        return low, high
    return None


def achievement(df: pd.DataFrame, direction: str, target: str, actual: str, weight: str, score: str) -> pd.Series:
    """True unless a score is above what the result earns.

    NOTE: a score below B/A × w is not reported: authors may deduct for
    quality as well as quantity, and the deviation-reason rule asks them why.
    A ≤ target exceeded yet scored in full is reported (S-REVERSE).
    """
    out = []
    for op, a, b, w, s in zip(df[direction], df[target], df[actual], df[weight], df[score]):
        if any(_missing(v) for v in (op, a, b, w, s)) or s > w:
            out.append(True)  # a score above its weight is SCORE_LE_WEIGHT's finding
            continue
        h = half_unit(s)
        if op == "<=":
            out.append(not (b - half_unit(b) > a + half_unit(a) and s >= w))
            continue
        expected = achievement_expected(op, a, b, w)
        if expected is None:
            out.append(True)
            continue
        out.append(s - h <= expected[1] + h)
    return pd.Series(out, index=df.index, dtype=bool)
