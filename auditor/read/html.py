"""Web pages (.html, .htm, .shtml): the report as a portal publishes it, read natively with lxml.html.

Self-evaluations are published on government portals (部门决算公开, 政府信息公开)
and people save or copy them from there. The page is parsed by libxml2's HTML
parser, which repairs malformed markup as browsers do; nothing is run or
fetched (scripts, styles, frames, images and links are ignored), entities
are never declared, and the tree may not nest past libxml2's own limit of 256
(`huge_tree` off). The walk over the tree (`html_walk`) gives the blocks a
Word copy of the same report gives, so both give the same issues.

The charset comes from a BOM, the page's <meta> (http-equiv Content-Type or
charset=), or detection (`encoding.decode_declared`: UTF-8, then GB18030,
which many portals serve as GB2312/GBK).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from auditor.document import Document
from auditor.read.encoding import decode_declared
from auditor.read.errors import UnreadableInput
from auditor.read.html_walk import walk_page

MAX_PAGE_BYTES = 30 * 1024 * 1024  # a saved page; a report's page is tens of KB, with inline images a few MB
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_ENTITY = re.compile(rb"<!ENTITY", re.I)
_ENTITY16 = [m.encode(e) for m in ("<!ENTITY", "<!entity") for e in ("utf-16-le", "utf-16-be")]


def read(path: Path, display: str) -> Document:
    """The Document of a saved web page."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise UnreadableInput(
            f"{display}: the web page is {size // 2**20} MB, over the {MAX_PAGE_BYTES // 2**20} MB limit "
            "for web pages (a report's page is well under 1 MB); save the report itself as .docx or .pdf"
        )
    return read_page(path.read_bytes(), display, "html")


def read_page(data: bytes, display: str, fmt: str, charset: str | None = None) -> Document:
    """A page's bytes as a Document; `charset` is what a container (an .mht part's header) declared."""
    declared = charset or sniff_charset(data)
    text, _ = decode_declared(data, declared, display)
    return parse_page(text, display, fmt)


def sniff_charset(data: bytes) -> str | None:
    """The charset a page's first <meta> declares (http-equiv Content-Type or <meta charset>), if any."""
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "ignore") if m else None


def parse_page(text: str, display: str = "<page>", fmt: str = "html") -> Document:
    """Parse decoded page text and walk it into blocks."""
    if _ENTITY.search(text[:65536].encode("utf-8", "ignore")):
        raise UnreadableInput(
            f"{display}: refused: the page declares entities (<!ENTITY>), which web pages never need "
            "(possible entity-expansion attack)"
        )
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UnreadableInput(f"{display}: the web page holds no text")
    parser = lxml_html.HTMLParser(
        encoding="utf-8",
        huge_tree=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
    )
    # NOTE: parsed from UTF-8 bytes with the encoding said: from str, lxml re-reads any <meta charset>
    # and a page already decoded from GBK would be decoded twice.
    data = text.encode("utf-8", "surrogatepass")
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableInput(f"{display}: the web page could not be parsed ({exc})") from exc
    _refuse_limits(parser, display)
    if root is None:
        raise UnreadableInput(f"{display}: the web page holds no text")
    doc = walk_page(root, display)
    if not doc.blocks:
        raise UnreadableInput(
            f"{display}: the web page holds no text besides the portal's frame (navigation, scripts, styles)"
        )
    doc.format = fmt
    return doc


def _refuse_limits(parser: lxml_html.HTMLParser, display: str) -> None:
    """A page libxml2 stopped reading (nested past its depth limit) is refused, never read in part."""
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in error.message:
            raise UnreadableInput(
                f"{display}: refused: the page's tags nest deeper than 256 levels (line {error.line}); "
                "no report page does, and the rest of it could not be read"
            )
