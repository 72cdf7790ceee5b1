"""Read any supported file into a `Document`, choosing the reader by the file's bytes.

A file's name can lie (a .txt that is a Word file, a .docx that is a PDF);
its first bytes do not. Readers of binary formats are imported only when a
file of that format turns up, so reading text never pays for lxml or pdfplumber.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from auditor.document import Document
from auditor.read.errors import UnreadableInput

SUFFIXES = (
    ".txt",
    ".text",
    ".docx",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".pdf",
    ".doc",
    ".wps",
    ".html",
    ".htm",
    ".shtml",
    ".mht",
    ".mhtml",
)
_READERS = {
    "text": "text",
    "docx": "docx",
    "xlsx": "xlsx",
    "xls": "xlsx",
    "pdf": "pdf",
    "doc": "office",
    "rtf": "office",
    "html": "html",  # NOTE: many ".doc" files on government sites are web pages (or RTF): read as what they are
    "mht": "mht",
    "wps": "office",
}
_OOXML_SUFFIXES = {".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}


def sniff(path: Path) -> str:
    """The real format of a file: docx, xlsx, xls, pdf, doc, wps, rtf, html, mht, text or binary."""
    try:
        from auditor.read.safety import sniff as sniff_bytes
    except ImportError:  # the binary readers are optional; text needs none of them
        head = path.read_bytes()[:8]
        return "pdf" if head.startswith(b"%PDF") else "text"
    return sniff_bytes(path)


def read_document(path: Path, display: str | None = None) -> Document:
    """The Document of one file; raises UnreadableInput with a reason a person can act on."""
    display = display or str(path)
    if not path.is_file():
        raise UnreadableInput(f"{display}: no such file")
    if path.stat().st_size == 0:
        raise UnreadableInput(f"{display}: the file is empty")
    kind = sniff(path)
    if kind == "zip":  # NOTE: a damaged .docx/.xlsx sniffs as a bare zip; its own reader says what is wrong
        kind = _OOXML_SUFFIXES.get(path.suffix.lower(), kind)
    module = _READERS.get(kind)
    if module is None:
        raise UnreadableInput(
            f"{display}: not a report format auditor reads ({kind}); supported: {', '.join(SUFFIXES)}"
        )
    reader = importlib.import_module(f"auditor.read.{module}")
    try:
        doc = reader.read(path, display)
    except UnreadableInput:
        raise
    except Exception as exc:  # NOTE: a reader bug must cost one file, never the batch
        raise UnreadableInput(f"{display}: could not be read ({type(exc).__name__}: {exc})") from exc
    if kind in ("doc", "wps", "xls"):
        doc.format = kind
    return doc


def expand(paths: list[str]) -> list[tuple[Path, str]]:
    """Files to audit from the paths a user gave: directories are searched for report files, in name order."""
    out: list[tuple[Path, str]] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(("~$", ".")):
                    out.append((f, display_name(str(f))))
        else:
            out.append((p, display_name(given)))
    return out


def display_name(path: str) -> str:
    """A path as text every report can hold: each name that is not UTF-8 read as GBK, else with \\x escapes.

    NOTE: archives zipped on Chinese Windows unpack on Linux with GBK bytes in
    their names; Python carries such bytes as lone surrogates, which no UTF-8
    output (and not pandas, hashing the doc column) can encode. The file is
    still read from its real path; only the name shown is decoded.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    parts = []
    for raw in os.fsencode(path).split(b"/"):
        for encoding, errors in (("utf-8", "strict"), ("gb18030", "strict"), ("utf-8", "backslashreplace")):
            try:
                parts.append(raw.decode(encoding, errors))
                break
            except UnicodeDecodeError:
                continue
    return "/".join(parts)
