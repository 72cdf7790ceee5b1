"""Decoding text files the way Chinese government offices write them.

UTF-8 (with or without BOM) is tried first, then UTF-16 by its BOM, then
GB18030 (a superset of GBK and GB2312). A file that none of these decodes is
reported as unreadable rather than guessed at: a wrong guess would produce
garbage figures and false alarms.
"""

from __future__ import annotations

from auditor.read.errors import UnreadableInput


def decode(data: bytes, display: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnreadableInput(f"{display}: binary content, not a text report")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput(f"{display}: text is neither UTF-8 nor GBK/GB18030")
