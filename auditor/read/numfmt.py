"""Excel values as a person sees them: the cell's number format applied to its stored value.

A reviewer reads "75.00%" and "661.7252", not 0.75 and 661.7252000000001; the
audit keeps every figure as its printed text and precision (domain-rules §6),
so Excel cells must come out as displayed. Neither openpyxl nor xlrd renders
formats, hence this small renderer for the codes budget tables use: General,
0 / 0.00 / #,##0.00, percentages, literals ("元", \\元, [Red], [$¥-804]), up to
four sections, scientific notation and dates. Fractions fall back to General.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|[Ee][+-]|.', re.S)
_DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|'
    r"AM/PM|A/P|\.0+|.",
    re.I | re.S,
)
_PLACEHOLDER = set("0#?")
_DATE_CODES = re.compile(r"[ydhs]|m(?![^\[]*\])", re.I)
_EXCEL_EPOCH = datetime(1899, 12, 30)


def format_value(value: object, fmt: str | None) -> str:
    """The text Excel shows for `value` under number format `fmt` (column width aside)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, (datetime, date, time)):
        return format_date(value, fmt)
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        try:
            return format_number(value, fmt if fmt and fmt.strip() else "General")
        except (InvalidOperation, ValueError, OverflowError):
            return general(value)  # NOTE: a number beyond what the format can show (1e300, a date past 9999)
    return str(value)


def general(value: float | int | Decimal) -> str:
    """Excel's General format: integers plainly, other numbers to 15 significant digits."""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = f"{float(value):.15g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}E{'-' if exponent.startswith('-') else '+'}{abs(int(exponent)):02d}"
    return text


def _sections(fmt: str) -> list[str]:
    out, current = [], ""
    for token in _TOKEN.findall(fmt):
        if token == ";":
            out.append(current)
            current = ""
        else:
            current += token
    return out + [current]


def format_number(value: float | int | Decimal, fmt: str) -> str:
    sections = _sections(fmt)
    section, negative = sections[0], value < 0
    if value < 0 and len(sections) > 1:
        section, value, negative = sections[1], -value, False  # the section writes its own sign
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    tokens = [t for t in _TOKEN.findall(section) if not _is_modifier(t)]
    plain = "".join(t for t in tokens if len(t) == 1)
    if "general" in plain.lower():  # General, possibly with literals around it: General"分"
        return re.sub("general", general(value), "".join(_literal(t) for t in tokens), count=1, flags=re.I)
    if plain.strip() == "@" or "/" in plain and "?" in plain:
        return general(value)  # NOTE: fractions (# ?/?) are rare in budget tables: shown as General
    if _DATE_CODES.search(plain) and not _PLACEHOLDER & set(plain):
        return format_date(_EXCEL_EPOCH + timedelta(days=float(value)), section)
    places = [i for i, t in enumerate(tokens) if t in _PLACEHOLDER]
    if not places:
        return "".join(_literal(t) for t in tokens)
    first, last = places[0], places[-1]
    numeric = tokens[first : last + 1]
    scale = Decimal(100) ** sum(t == "%" for t in tokens)
    while last + 1 < len(tokens) and tokens[last + 1] == ",":  # trailing commas divide by 1,000
        scale /= 1000
        last += 1
    number = _render(abs(Decimal(repr(value) if isinstance(value, float) else value)) * scale, numeric)
    sign = "-" if negative and number.strip("0.,") else ""
    return (
        sign + "".join(_literal(t) for t in tokens[:first]) + number + "".join(_literal(t) for t in tokens[last + 1 :])
    )


def _render(value: Decimal, numeric: list[str]) -> str:
    """A non-negative number through the placeholders of one section (0 # ? , . E+)."""
    text = "".join(numeric)
    if re.search(r"[Ee][+-]", text):
        mantissa, exp_digits = re.split(r"[Ee][+-]", text, maxsplit=1)
        decimals = mantissa.split(".")[1] if "." in mantissa else ""
        shown = f"{value:.{len(decimals)}E}"
        m, e = shown.split("E")
        return f"{m}E{e[0]}{abs(int(e)):0{max(len(exp_digits), 1)}d}"
    int_part, _, dec_part = text.partition(".")
    max_dec = sum(c in _PLACEHOLDER for c in dec_part)
    min_dec = dec_part.count("0")
    rounded = value.quantize(Decimal(1).scaleb(-max_dec), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{rounded:f}".partition(".")
    frac = frac.rstrip("0").ljust(min_dec, "0") if max_dec > min_dec else frac
    if "," in int_part:
        whole = f"{int(whole):,}"
    min_int = int_part.count("0")
    if whole == "0" and min_int == 0:
        whole = ""
    whole = whole.rjust(min_int, "0")
    return whole + ("." + frac if frac or "." in text and min_dec else "")


def _is_modifier(token: str) -> bool:
    """Colours, conditions and locale tags: they change how a cell looks, not its text."""
    return token.startswith("[") and not token.startswith("[$") or token.startswith("*")


def _literal(token: str) -> str:
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("_"):
        return " "
    if token.startswith("[$"):
        return token[2:-1].split("-")[0]  # [$¥-804] shows ¥; [$-804] shows nothing
    return "" if token in (",", "@") else token


def format_date(value: datetime | date | time, fmt: str | None) -> str:
    """A date or time under a date format; General shows ISO (yyyy-mm-dd [hh:mm:ss])."""
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt or "")
    if not fmt or plain.strip().lower() in ("general", "@", "") or not _DATE_CODES.search(plain):
        if isinstance(value, datetime) and value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if fmt in ("mm-dd-yy", "m/d/yy"):
        fmt = "yyyy/m/d"  # NOTE: built-in format 14 shows in the system's short date style (zh-CN: 2023/12/31)
    if isinstance(value, time):
        value = datetime.combine(date(1899, 12, 31), value)
    elif not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    tokens = _DATE_TOKEN.findall(fmt)
    out = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in ("m", "mm") and _minute_context(tokens, i):
            out.append(f"{value.minute:02d}" if low == "mm" else str(value.minute))
        elif low in _DATE_PARTS:
            out.append(_DATE_PARTS[low](value))
        elif low in ("am/pm", "a/p"):
            out.append(("AM" if value.hour < 12 else "PM")[: len(low) // 2])
        else:
            out.append(_literal(token) if not token.startswith("[") else "")
    return "".join(out)


def _minute_context(tokens: list[str], i: int) -> bool:
    before = [t.lower() for t in tokens[:i] if t.strip() and t not in ":"]
    after = [t.lower() for t in tokens[i + 1 :] if t.strip() and t not in ":"]
    return bool(before and before[-1] in ("h", "hh")) or bool(after and after[0] in ("s", "ss"))


_DATE_PARTS = {
    "yyyy": lambda v: f"{v.year:04d}",
    "yy": lambda v: f"{v.year % 100:02d}",
    "mmmmm": lambda v: v.strftime("%B")[0],
    "mmmm": lambda v: v.strftime("%B"),
    "mmm": lambda v: v.strftime("%b"),
    "mm": lambda v: f"{v.month:02d}",
    "m": lambda v: str(v.month),
    "dddd": lambda v: v.strftime("%A"),
    "ddd": lambda v: v.strftime("%a"),
    "dd": lambda v: f"{v.day:02d}",
    "d": lambda v: str(v.day),
    "hh": lambda v: f"{v.hour:02d}",
    "h": lambda v: str(v.hour),
    "ss": lambda v: f"{v.second:02d}",
    "s": lambda v: str(v.second),
}
