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


#: Charsets a page may declare that can hold Chinese; their bytes decode strictly or not at all.
_LEGACY = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def decode_declared(data: bytes, declared: str | None, display: str) -> tuple[str, str]:
    """Text of a web page and the encoding it was read in: BOM, then UTF-8, then the declared charset, then GBK.

    NOTE: the declared charset is not trusted first. Portals re-encode pages
    and keep the old <meta>: a page that decodes as strict UTF-8 is UTF-8
    whatever it says (legacy Chinese bytes almost never form valid UTF-8), and
    a single-byte declaration (iso-8859-1, windows-1252: every byte decodes)
    is tried only after GB18030 failed, or a GBK page would come out as mojibake.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    name = _codec(declared)
    order = ["utf-8"]
    if name and name not in order and not _single_byte(name):
        order.append(name)
    order.append("gb18030")
    if name and _single_byte(name):
        order.append(name)
    for encoding in dict.fromkeys(order):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    said = f"declared {declared}, " if declared else ""
    raise UnreadableInput(f"{display}: the page's text is not in its {said}UTF-8 or GBK/GB18030 encoding")


def _codec(declared: str | None) -> str | None:
    import codecs

    if not declared:
        return None
    label = declared.strip().strip("\"'").lower()
    if label in _LEGACY:
        return _LEGACY[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None  # NOTE: an unknown label is ignored, as a browser ignores it


def _single_byte(name: str) -> bool:
    return name in ("latin-1", "iso8859-1", "cp1252", "ascii") or name.startswith(("iso8859", "cp125", "mac-"))
