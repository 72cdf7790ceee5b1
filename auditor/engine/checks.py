"""Rates read in percent, as every rule reads them: the frames' preparation before validation.

A rate printed without % (`0.98`, `1`) may be a ratio or a percentage; the
document's own amounts say which (forms.md F4). The arithmetic of each rule
type lives in its module of `auditor.ruletypes`, which Great Expectations
calls through `auditor.engine.expectations`; figures are exact Decimals whose
exponent is the printed precision (domain-rules §6).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from auditor.entities import RATE_NAMES, RATES  # noqa: F401 - RATE_NAMES is read from here too; declared beside the columns
from auditor.numbers import fmt, half_unit, parse, places
from auditor.ruletypes.figures import keys as _keys
from auditor.ruletypes.figures import missing as _missing
from auditor.ruletypes.figures import ratio_bounds

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


def read_rate(
    rate: Any, text: Any, executed: Any, budget: Any, style: str | None = None
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


def rates_in_percent(
    df: pd.DataFrame, rate: str, executed: str, budget: str, table: tuple[str, ...] = ()
) -> list[Decimal | None]:
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
            frame[f"{rate}_percent_text"] = pd.Series(
                [percent_text(v) for v in values], index=frame.index, dtype=object
            )
        out[entity] = frame
    return out
