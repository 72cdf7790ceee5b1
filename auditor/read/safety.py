"""Guards between hostile bytes and the parsers: real type, zip caps, safe XML, child processes.

Reports arrive from many offices by mail and download; a file's name can lie
and a file can be built to hurt (zip bombs, entity expansion, parsers that
never return). Everything here runs *before* a parser sees the bytes; a parser
that must still be distrusted runs in a child process (isolate.py).
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from auditor.read.errors import UnreadableInput
from auditor.read.isolate import DEFAULT_TIMEOUT, MEMORY_LIMIT, run_isolated  # noqa: F401 - one place for every guard
from auditor.read.ole import ole_kind

MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # the .docx/.xlsx file itself
MAX_ENTRIES = 5_000  # parts in one archive
MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024  # all parts together, as declared
MAX_RATIO = 200  # uncompressed / compressed, per part
RATIO_FLOOR = 1024 * 1024  # NOTE: tiny parts of repeated XML legitimately reach high ratios
SNIFF_BYTES = 64 * 1024

_PDF, _OLE, _ZIP = b"%PDF", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", (b"PK\x03\x04", b"PK\x05\x06")
# NOTE: zipfile raises all of these on damaged archives (RuntimeError: an encrypted entry)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError)
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)


def sniff(path: Path) -> str:
    """The real type of a file from its bytes, whatever its name says.

    One of: docx, xlsx, zip (another zip), doc, xls, wps, ole (an OLE container
    of unknown kind), pdf, rtf, html, mht (a saved web page archive), text, binary, empty. An encrypted Office
    file (an OLE container holding EncryptedPackage) comes back as the type
    its extension names (docx or xlsx), so that reader can say it is encrypted.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be opened ({exc.strerror or exc})") from exc
    if not head:
        return "empty"
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return _ole_type(path)
    if _PDF + b"-" in head[:1024]:
        return "pdf"  # NOTE: PDF readers accept junk before %PDF- within the first KB, as Acrobat does
    return _text_kind(head)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except _ZIP_ERRORS:
        return "zip"  # a damaged archive: the reader its extension names will say what is wrong
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    return "zip"


def _ole_type(path: Path) -> str:
    kind = ole_kind(path)
    suffix = path.suffix.lower()
    if kind == "encrypted":
        return "xlsx" if suffix in (".xlsx", ".xlsm", ".xls") else "docx"
    if kind == "doc":
        return "wps" if suffix == ".wps" else "doc"
    if kind == "xls":
        return "xls"
    if suffix in (".doc", ".wps", ".xls"):
        return suffix[1:]  # NOTE: an OLE file we cannot classify: trust the extension among OLE types
    return "ole"


def _text_kind(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a BOM: NUL bytes are expected; Word saves web pages so too
        return "html" if _page_head(head[:2048].decode("utf-16", "ignore").encode("utf-8", "ignore")) else "text"
    if b"\x00" in head:
        return "binary"
    if _mime_head(stripped):
        return "mht"
    if _page_head(stripped):
        return "html"
    # NOTE: a head cut at SNIFF_BYTES may end inside a multibyte character; an incremental
    # decoder keeps such a tail pending instead of calling the whole file binary.
    final = len(head) < SNIFF_BYTES
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=final)
            return "text"
        except UnicodeDecodeError:
            continue
    return "binary"


_PAGE_TAGS = (b"<head", b"<body", b"<meta", b"<table")


def _page_head(stripped: bytes) -> bool:
    """An HTML page: a doctype or <html> near the start, or markup that opens with page tags (a saved fragment)."""
    start = stripped[:1024].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:512]:
        return True
    return start.startswith(b"<") and any(tag in start for tag in _PAGE_TAGS)


_MIME_FIELD = re.compile(
    rb"^(?:mime-version|content-type|from|subject|date|content-location|x-[\w-]+)\s*:", re.I | re.M
)


def _mime_head(stripped: bytes) -> bool:
    """A saved web page archive (.mht/.mhtml, RFC 2557): MIME headers first, a multipart/related body."""
    start = stripped[:4096].lower()
    return bool(_MIME_FIELD.match(stripped[:200])) and b"multipart/related" in start and b"mime-version" in start


def open_zip(path: Path, display: str) -> zipfile.ZipFile:
    """An open ZipFile whose declared sizes passed the caps; the caller closes it."""
    with open(path, "rb") as f:
        head = f.read(8)
    if not head:
        raise UnreadableInput(f"{display}: the file is empty")
    if head.startswith(_OLE):
        if ole_kind(path) == "encrypted":
            raise UnreadableInput(
                f"{display}: the file is encrypted (password-protected); save an unprotected copy and audit that"
            )
        raise UnreadableInput(f"{display}: an old binary Office file (OLE), not an Office Open XML file")
    if not head.startswith(_ZIP):
        raise UnreadableInput(
            f"{display}: not an Office Open XML file (no zip signature; the file is really {sniff(path)})"
        )
    size = path.stat().st_size
    if size > MAX_ARCHIVE_BYTES:
        raise UnreadableInput(
            f"{display}: the file is {size // 2**20} MB, over the {MAX_ARCHIVE_BYTES // 2**20} MB "
            "limit for Office files"
        )
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise UnreadableInput(f"{display}: the file is damaged (not a valid zip archive: {exc})") from exc
    try:
        check_zip(zf, display)
    except UnreadableInput:
        zf.close()
        raise
    return zf


def unsafe_names(zf: zipfile.ZipFile) -> list[str]:
    """Entry names no Office file holds: absolute, with a drive, climbing out with `..`, or with a NUL.

    NOTE: `auditor annotate` repeats every entry of the report in its commented copy, so a
    report holding `../../x` would hand that entry to whoever unzips the copy; Word never
    writes such names, so every reader refuses them.
    """
    bad = []
    for name in zf.namelist():
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts or "\0" in name:
            bad.append(name)
    return bad


def check_zip(zf: zipfile.ZipFile, display: str) -> None:
    """Refuse a zip bomb by entry count, total declared size or per-part compression ratio, and unsafe names."""
    infos = zf.infolist()
    bad = unsafe_names(zf)
    if bad:
        shown = ", ".join(repr(n) for n in bad[:3]) + (" …" if len(bad) > 3 else "")
        raise UnreadableInput(
            f"{display}: refused: the file holds parts with unsafe names ({shown}), which Word never writes"
        )
    if len(infos) > MAX_ENTRIES:
        raise UnreadableInput(f"{display}: refused as a possible zip bomb: {len(infos)} parts (limit {MAX_ENTRIES})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnreadableInput(
            f"{display}: refused as a possible zip bomb: {total // 2**20} MB uncompressed "
            f"(limit {MAX_TOTAL_UNCOMPRESSED // 2**20} MB)"
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableInput(
                f"{display}: refused as a possible zip bomb: part {info.filename} expands "
                f"{info.file_size // max(info.compress_size, 1)}:1 (limit {MAX_RATIO}:1)"
            )


def read_part(zf: zipfile.ZipFile, name: str, display: str) -> bytes:
    """A part's bytes, never more than its declared size (a lying header cannot inflate past it)."""
    try:
        info = zf.getinfo(name)
        with zf.open(info) as f:
            data = f.read(info.file_size + 1)
    except KeyError as exc:
        raise UnreadableInput(f"{display}: the file is damaged (part {name} is missing)") from exc
    except _ZIP_ERRORS as exc:
        raise UnreadableInput(f"{display}: the file is damaged (part {name}: {exc})") from exc
    if len(data) > info.file_size:
        raise UnreadableInput(f"{display}: refused as a possible zip bomb: part {name} is larger than declared")
    return data


_MARKERS = [m.encode(e) for m in ("<!DOCTYPE", "<!ENTITY") for e in ("ascii", "utf-16-le", "utf-16-be")]


def refuse_doctype(data: bytes, name: str, display: str) -> None:
    """Refuse a part that declares a DOCTYPE (entity expansion, external entities)."""
    if any(marker in data for marker in _MARKERS):
        raise UnreadableInput(
            f"{display}: refused: XML part {name} declares a DOCTYPE/ENTITY, "
            "which Office files never need (possible entity-expansion attack)"
        )


def parse_xml(data: bytes, name: str, display: str) -> etree._Element:
    """Parse an XML part without DTDs, entities or network; a DOCTYPE is refused."""
    refuse_doctype(data, name, display)
    try:
        root = etree.fromstring(data, parser=_XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableInput(f"{display}: the file is damaged (XML part {name}: {exc})") from exc
    if root.getroottree().docinfo.doctype:
        raise UnreadableInput(f"{display}: refused: XML part {name} declares a DOCTYPE")
    return root


def check_xml_parts(zf: zipfile.ZipFile, display: str) -> None:
    """Scan every XML part for DOCTYPE and count merged cells before a third-party parser (openpyxl) reads it.

    Parts are streamed in 1 MB chunks so a large sheet is never held twice in memory.
    """
    merged = MergeCounter(display)
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        tail, total = b"", 0
        merged.start(info.filename)
        try:
            with zf.open(info) as f:
                while chunk := f.read(1 << 20):
                    total += len(chunk)
                    if total > info.file_size:
                        raise UnreadableInput(
                            f"{display}: refused as a possible zip bomb: part {info.filename} is larger than declared"
                        )
                    refuse_doctype(tail + chunk, info.filename, display)
                    tail = chunk[-32:]
                    merged.feed(chunk)
        except _ZIP_ERRORS as exc:
            raise UnreadableInput(f"{display}: the file is damaged (part {info.filename}: {exc})") from exc


MAX_MERGED_CELLS = 2_000_000  # cells covered by merged ranges in one workbook
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?")


class MergeCounter:
    """Adds up the cells that <mergeCell ref="A1:C3"/> elements cover, and refuses past MAX_MERGED_CELLS.

    NOTE: openpyxl creates one object for every cell of a merged range while
    loading, so a few-KB workbook merging A1:XFD1048576 (17 billion cells)
    exhausts memory before any other check can run. The parts are parsed
    incrementally by lxml (encodings, namespaces and attribute order as any
    XML parser sees them) with rows dropped as they end, so memory stays flat.
    A part that is not well-formed is left to openpyxl to refuse.
    """

    def __init__(self, display: str) -> None:
        self.display, self.cells, self.parser, self.name = display, 0, None, ""

    def start(self, name: str) -> None:
        self.name = name
        self.parser = etree.XMLPullParser(
            events=("end",),
            tag=("{*}row", "{*}mergeCell"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )

    def feed(self, chunk: bytes) -> None:
        if self.parser is None:
            return
        try:
            self.parser.feed(chunk)
            for _, el in self.parser.read_events():
                if etree.QName(el).localname == "mergeCell":
                    self.cells += _area(el.get("ref", ""))
                el.clear()
                while el.getprevious() is not None:
                    del el.getparent()[0]
        except etree.XMLSyntaxError:
            self.parser = None
        if self.cells > MAX_MERGED_CELLS:
            raise UnreadableInput(
                f"{self.display}: refused: merged ranges in {self.name} cover {self.cells} cells "
                f"(limit {MAX_MERGED_CELLS}); not a report"
            )


def _area(ref: str) -> int:
    """Cells in a range reference such as A1:XFD1048576 (0 for a reference it cannot read)."""
    m = _REF.fullmatch(ref.strip())
    if not m:
        return 0
    c0, r0, c1, r1 = m.group(1), int(m.group(2)), m.group(3) or m.group(1), int(m.group(4) or m.group(2))
    return (abs(r1 - r0) + 1) * (abs(_column(c1) - _column(c0)) + 1)


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n
