"""Figures as printed: the text a person reads plus an exact decimal.

A `Figure` never becomes a float. Its Decimal keeps the printed exponent
(`Decimal('75.00')` knows it was printed to two places), which is what the
rounding-aware comparisons of domain-rules §6 need: every printed figure
stands for the interval of half a unit of its last digit around it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache

# NOTE: operators are matched longest first so that '>=' is not read as '>'.
_OPERATORS = [
    (">=", ">="),
    ("≥", ">="),
    ("≧", ">="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("大于等于", ">="),
    ("<=", "<="),
    ("≤", "<="),
    ("≦", "<="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("小于等于", "<="),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
    ("═", "="),
    ("‹=", "<="),
    ("›=", ">="),
]
_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
_UNIT_PERCENT = ("%", "百分比")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number read from a cell or a sentence.

    `value` is the number as printed (75.00 for '75.00%'); `percent` says it was
    a percentage; `op` keeps a leading comparison (≥, ≤) of a target; `unit`
    is whatever stood after the number (万元, 个, 分).
    """

    text: str
    value: Decimal
    percent: bool = False
    op: str | None = None
    unit: str = ""

    @property
    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit: the rounding slack of this figure."""
        return half_unit(self.value)


def half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN / Infinity never reach here from parse()
        return Decimal(0)
    return half_unit_at(exponent)


@lru_cache(maxsize=256)
def half_unit_at(exponent: int) -> Decimal:
    """NOTE: one Decimal per exponent: a batch asks for half a unit millions of times, of a dozen exponents."""
    return Decimal(5).scaleb(exponent - 1)


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII (NFKC), no-break and ideographic spaces to plain ones."""
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ").strip()


@lru_cache(maxsize=1 << 16)
def parse(text: str | None) -> Figure | None:
    """Read a cell such as '661.7252', '75.00%', '≤3000000', '≥50个', '100百分比'.

    Returns None when the cell holds no number, or words around a number
    (a sentence is not a figure: '达成预期指标', '2023年城乡医疗救助...').
    """
    if text is None:
        return None
    s = normalise(text).replace(" ", "")
    if not s:
        return None
    op = None
    for token, canonical in _OPERATORS:
        if s.startswith(token):
            op, s = canonical, s[len(token) :]
            break
    m = _NUMBER.match(s)
    if not m:
        return None
    rest = s[m.end() :]
    percent = rest.startswith(_UNIT_PERCENT)
    unit = rest
    if percent:
        unit = "%"
    elif len(rest) > 8 or re.search(r"[\d，,。；;：:、（）()]", rest):
        return None  # words after the number: a sentence, not a figure with its unit
    try:
        value = Decimal(m.group(0).replace(",", ""))
    except InvalidOperation:
        return None
    return Figure(text=text.strip(), value=value, percent=percent, op=op, unit=unit)


def parse_value(text: str | None) -> Decimal | None:
    """The Decimal of a cell that is a plain figure, else None."""
    fig = parse(text)
    return fig.value if fig else None


def fmt(value: Decimal, places: int) -> str:
    """A decimal printed with exactly `places` decimals, rounding half up as people do."""
    q = Decimal(1).scaleb(-places) if places > 0 else Decimal(1)
    # NOTE: quantize raises InvalidOperation when the result has more digits than the
    # context's 28 (a 40-digit figure to 2 places); the context grows with the figure.
    digits = (value.adjusted() + 1 if value.is_finite() and value else 1) + max(places, 0) + 2
    context = Context(prec=max(28, digits), rounding=ROUND_HALF_UP)
    return str(value.quantize(q, context=context))


def places(value: Decimal) -> int:
    """How many decimals a figure was printed with."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_int(text: str) -> int | None:
    """'三' → 3, '十二' → 12, '二十' → 20, '一百零五' → 105, '12' → 12; None when it is not a count."""
    text = normalise(text)
    # NOTE: isdecimal, not isdigit: int() refuses digits such as ❶ and ፩ that isdigit accepts.
    # A count longer than 18 digits is no count of projects (and int() refuses past 4,300 digits).
    if text.isdecimal():
        return int(text) if len(text) <= 18 else None
    if not text or any(c not in _DIGITS and c not in _UNITS for c in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)
