"""The issue list as CSV, one row per issue, with the workbook's columns, for Excel and for scripts.

UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the
file as GBK and shows mojibake. Rows end in CRLF (RFC 4180, and what Excel writes).
"""

from __future__ import annotations

import csv
import io
import re

from auditor.render.rows import headings, issue_rows
from auditor.result import AuditResult

_NUMBER = re.compile(r"[+-]?\d[\d,]*(\.\d+)?%?")


def render(result: AuditResult, lang: str = "zh", color: bool = False) -> str:
    """The CSV text, starting with U+FEFF (written as the UTF-8 BOM); `color` is ignored."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings(lang))
    writer.writerows([_defuse(v) for v in row] for row in issue_rows(result, lang))
    return buffer.getvalue()


def _defuse(value: str) -> str:
    """Keep Excel from running a cell as a formula (CSV injection): prefix an apostrophe.

    NOTE: a figure such as "-5" or "+3.5%" is left alone: Excel reads it as the
    number it is, and the apostrophe would change what a script reads.
    """
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
