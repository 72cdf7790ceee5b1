"""Saved web page archives (.mht, .mhtml; RFC 2557 MIME): the page's HTML part, read as a web page.

Browsers and Word ("single file web page") save a page with its images as one
MIME message. Only the HTML part is decoded: the file is split on its
boundary by byte search, each part's headers read on their own, and the
images (often megabytes of base64) are never decoded. The HTML part's charset
comes from its Content-Type, else its own <meta>.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path

from auditor.document import Document
from auditor.read.errors import UnreadableInput
from auditor.read.html import MAX_PAGE_BYTES, read_page

MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # the whole archive, images included
MAX_PARTS = 5_000
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))""", re.I)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def read(path: Path, display: str) -> Document:
    """The Document of an .mht/.mhtml archive's web page."""
    size = path.stat().st_size
    if size > MAX_ARCHIVE_BYTES:
        raise UnreadableInput(
            f"{display}: the saved web page is {size // 2**20} MB, over the {MAX_ARCHIVE_BYTES // 2**20} MB limit"
        )
    data = path.read_bytes()
    body, charset = html_part(data, display)
    return read_page(body, display, "mht", charset)


def html_part(data: bytes, display: str) -> tuple[bytes, str | None]:
    """The decoded bytes of the archive's first text/html part, and the charset its header declares."""
    top, rest = _split_headers(data)
    m = _BOUNDARY.search(top)
    if not m:
        message = BytesHeaderParser(policy=compat32).parsebytes(top)
        if message.get_content_type() == "text/html":  # a single-part archive: the page is the body
            return _decoded(rest, str(message.get("Content-Transfer-Encoding", "")), display), message.get_param(
                "charset"
            )
        raise UnreadableInput(f"{display}: a saved web page (MIME) without a part boundary; the file is damaged")
    marker = b"--" + (m.group(1) or m.group(2))
    pos, parts = rest.find(marker), 0
    while pos != -1:
        after = pos + len(marker)
        line_end = rest.find(b"\n", after)
        if rest[after : after + 2] == b"--" or line_end == -1:
            break  # the closing boundary
        parts += 1
        if parts > MAX_PARTS:
            raise UnreadableInput(f"{display}: refused: more than {MAX_PARTS} parts in the saved web page")
        nxt = rest.find(marker, line_end)
        headers, body = _split_headers(rest[line_end + 1 : nxt if nxt != -1 else len(rest)])
        message = BytesHeaderParser(policy=compat32).parsebytes(headers)
        if message.get_content_type() == "text/html":
            encoding = str(message.get("Content-Transfer-Encoding", ""))
            return _decoded(body, encoding, display), message.get_param("charset")
        pos = nxt
    raise UnreadableInput(f"{display}: the saved web page holds no HTML part")


def _split_headers(data: bytes) -> tuple[bytes, bytes]:
    m = _HEADER_END.search(data)
    return (data[: m.start()], data[m.end() :]) if m else (data, b"")


def _decoded(body: bytes, transfer: str, display: str) -> bytes:
    transfer = transfer.strip().lower()
    limit = MAX_PAGE_BYTES
    if transfer == "base64":
        if len(body) * 3 // 4 > limit:
            raise _too_large(display, len(body) * 3 // 4)
        try:
            return base64.b64decode(re.sub(rb"\s+", b"", body), validate=False)
        except (binascii.Error, ValueError) as exc:
            raise UnreadableInput(f"{display}: the saved web page's HTML part is damaged (base64: {exc})") from exc
    if len(body) > limit:
        raise _too_large(display, len(body))
    if transfer == "quoted-printable":
        return quopri.decodestring(body)
    return body


def _too_large(display: str, size: int) -> UnreadableInput:
    return UnreadableInput(
        f"{display}: the saved web page's HTML is {size // 2**20} MB, over the {MAX_PAGE_BYTES // 2**20} MB limit"
    )
