"""Word (.docx): a small lxml walker over word/document.xml, in body order.

Why not python-docx: it drops text inside tracked insertions and content
controls, hides gridSpan/vMerge behind a grid abstraction, and is slower
(design.md measured the walker at ~12 ms for a 2-table report). The walker
gives tables the shape Word's copy-as-text gives: one Cell per w:tc, a vMerge
continuation as an empty Cell, a cell's paragraphs joined by "\\n".

Locators: `paragraph` is the 1-based number of a body-level w:p in body order
(empty paragraphs and those inside body-level content controls are counted,
paragraphs in tables are not); `table` is the 1-based number of a body-level
w:tbl; `row`/`column` are 1-based positions in `Table.rows` and in the row.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import etree

from auditor.document import Cell, Document, Locator, Paragraph, Table
from auditor.read import safety
from auditor.read.errors import UnreadableInput

_WORD_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)  # transitional, strict
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read(path: Path, display: str) -> Document:
    """The Document of a .docx file (also .docm/.dotx: same main part)."""
    with safety.open_zip(path, display) as zf:
        name = _main_part(zf, display)
        root = safety.parse_xml(safety.read_part(zf, name, display), name, display)
    return walk(root, display)


def _main_part(zf, display: str) -> str:
    """The officeDocument part named by _rels/.rels (word/document.xml in practice)."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = safety.parse_xml(safety.read_part(zf, "_rels/.rels", display), "_rels/.rels", display)
        for rel in rels.iter(f"{_REL_NS}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise UnreadableInput(f"{display}: not a Word document (no word/document.xml part)")


def walk(root: etree._Element, display: str) -> Document:
    """Blocks of a parsed document.xml root (public so converters and tests can reuse it)."""
    ns = etree.QName(root).namespace
    if ns not in _WORD_NAMESPACES:
        raise UnreadableInput(f"{display}: not a Word document (root element {root.tag})")
    body = root.find(f"{{{ns}}}body")
    doc = Document(path=display, format="docx")
    if body is not None:
        _Walker(ns, doc).blocks(body)
    return doc


class _Walker:
    """One pass over w:body, appending blocks to `doc` and counting paragraphs and tables."""

    def __init__(self, ns: str, doc: Document) -> None:
        w = f"{{{ns}}}"
        self.doc, self.paragraphs, self.tables = doc, 0, 0
        self.P, self.TBL, self.TR, self.TC, self.R = w + "p", w + "tbl", w + "tr", w + "tc", w + "r"
        self.T, self.TAB, self.PTAB, self.BR, self.CR = w + "t", w + "tab", w + "ptab", w + "br", w + "cr"
        self.NBH, self.SYM, self.VAL, self.TYPE = w + "noBreakHyphen", w + "sym", w + "val", w + "type"
        self.CHAR, self.FONT = w + "char", w + "font"
        self.TCPR, self.TRPR, self.RPR = w + "tcPr", w + "trPr", w + "rPr"
        self.VMERGE, self.HMERGE, self.CELLDEL, self.DEL, self.VANISH = (
            w + "vMerge",
            w + "hMerge",
            w + "cellDel",
            w + "del",
            w + "vanish",
        )
        # NOTE: deleted text, field codes, drawings (floating text boxes), footnote marks, ruby
        # (phonetic) text and property elements carry no reading text; everything else is descended
        # into, which is how ins, moveTo, sdt/sdtContent, customXml, smartTag, hyperlink and
        # fldSimple are kept.
        self.SKIP = {
            w + n
            for n in (
                "del",
                "moveFrom",
                "delText",
                "delInstrText",
                "instrText",
                "drawing",
                "pict",
                "object",
                "footnoteReference",
                "endnoteReference",
                "commentReference",
                "pPr",
                "rPr",
                "tcPr",
                "trPr",
                "tblPr",
                "tblGrid",
                "tblPrEx",
                "sectPr",
                "sdtPr",
                "sdtEndPr",
                "altChunk",
                "fldData",
                "rt",
            )
        }
        self.ALT = _MC + "AlternateContent"

    def blocks(self, parent: etree._Element) -> None:
        for el in parent:
            tag = el.tag
            if tag == self.P:
                self.paragraphs += 1
                text = self.text(el).strip()
                if text:  # NOTE: empty paragraphs are counted in locators but not emitted
                    self.doc.blocks.append(Paragraph(text=text, loc=Locator(paragraph=self.paragraphs)))
            elif tag == self.TBL:
                self.tables += 1
                self.doc.blocks.append(self.table(el, self.tables))
            elif tag == self.ALT:
                self.blocks(self._choice(el))
            elif tag not in self.SKIP and isinstance(tag, str):
                self.blocks(el)

    def table(self, tbl: etree._Element, index: int) -> Table:
        rows: list[list[Cell]] = []
        for tr in self._children(tbl, self.TR):
            if self._flag(tr, self.TRPR, self.DEL):
                continue  # a row deleted with tracked changes on
            cells = []
            for tc in self._children(tr, self.TC):
                props = _properties(tc, self.TCPR)  # NOTE: read once per cell, not once per question
                if self._on(props.get(self.CELLDEL)) or self._merge_of(props.get(self.HMERGE)) == "continue":
                    continue  # NOTE: legacy hMerge continuation is one cell with its start, like gridSpan
                text = "" if self._merge_of(props.get(self.VMERGE)) == "continue" else "\n".join(self._cell_lines(tc))
                cells.append(Cell(text=text, loc=Locator(table=index, row=len(rows) + 1, column=len(cells) + 1)))
            if cells:
                rows.append(cells)
        return Table(rows=rows, loc=Locator(table=index), index=index)

    def _cell_lines(self, parent: etree._Element) -> list[str]:
        """A cell's paragraphs; a nested table's cells are flattened into lines of the outer cell."""
        lines: list[str] = []
        for el in parent:
            if el.tag == self.P:
                lines.append(self.text(el))
            elif el.tag == self.ALT:
                lines.extend(self._cell_lines(self._choice(el)))
            elif el.tag not in self.SKIP and isinstance(el.tag, str):
                lines.extend(self._cell_lines(el))  # tbl/tr/tc of a nested table, sdt, customXml
        return lines

    def text(self, el: etree._Element) -> str:
        out: list[str] = []
        self._collect(el, out)
        return "".join(out)

    def _collect(self, el: etree._Element, out: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == self.T or tag == _MATH_T:
                out.append(child.text or "")
            elif tag == self.R:
                if not self._flag(child, self.RPR, self.VANISH):  # NOTE: hidden text is not what a reader sees
                    self._collect(child, out)
            elif tag == self.TAB or tag == self.PTAB:
                out.append("\t")
            elif tag == self.BR:
                if child.get(self.TYPE) in (None, "textWrapping"):  # page and column breaks are layout
                    out.append("\n")
            elif tag == self.CR:
                out.append("\n")
            elif tag == self.NBH:
                out.append("-")
            elif tag == self.SYM:
                out.append(_symbol(child.get(self.CHAR), child.get(self.FONT)))
            elif tag == self.ALT:
                self._collect(self._choice(child), out)
            elif tag not in self.SKIP and isinstance(tag, str):
                self._collect(child, out)

    def _children(self, parent: etree._Element, want: str):
        """Children with tag `want`, looking through sdt/customXml wrappers (repeating sections)."""
        for el in parent:
            if el.tag == want:
                yield el
            elif el.tag not in self.SKIP and isinstance(el.tag, str) and el.tag not in (self.TC, self.TR, self.P):
                yield from self._children(el, want)

    def _flag(self, el: etree._Element, props: str, name: str) -> bool:
        pr = _child(el, props)
        return self._on(_child(pr, name) if pr is not None else None)

    def _on(self, flag: etree._Element | None) -> bool:
        return flag is not None and flag.get(self.VAL) not in ("0", "false", "off")

    def _merge_of(self, merge: etree._Element | None) -> str | None:
        if merge is None:
            return None
        return merge.get(self.VAL) or "continue"  # an absent w:val means continue

    def _choice(self, alt: etree._Element) -> etree._Element:
        """The first mc:Choice of mc:AlternateContent (the Fallback repeats it for old readers)."""
        for child in alt:
            if child.tag == _MC + "Choice":
                return child
        return alt.find(_MC + "Fallback") if alt.find(_MC + "Fallback") is not None else alt


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with `tag`, as `el.find(tag)` gives it.

    NOTE: lxml's find goes through its Python path parser: 6 µs a call, and
    every row, cell and run asked it twice (properties, then the flag): half
    of a .docx's read time. Walking the few children is several times faster,
    and a cell's properties are read once for all its questions (`_properties`).
    """
    for child in el:
        if child.tag == tag:
            return child
    return None


def _properties(el: etree._Element, tag: str) -> dict[str, etree._Element]:
    """The children of `el`'s properties element `tag` (tcPr, ...) by tag; the first of each, as find gives."""
    pr = _child(el, tag)
    out: dict[str, etree._Element] = {}
    if pr is not None:
        for child in pr:
            out.setdefault(child.tag, child)
    return out


# NOTE: ≥ and ≤ are often typed with Insert Symbol in the Symbol font, which stores
# a private-use code (F0B3) instead of the character; the common ones are mapped.
_SYMBOL_FONT = {
    0xB3: "≥",
    0xA3: "≤",
    0xB1: "±",
    0xB4: "×",
    0xB8: "÷",
    0xB9: "≠",
    0xBB: "≈",
    0xB0: "°",
    0xD6: "√",
    0xAE: "→",
    0xAC: "←",
    0xB7: "•",
    0x2D: "−",
    0x3C: "<",
    0x3E: ">",
    0x25: "%",
}


def _symbol(code: str | None, font: str | None) -> str:
    """The character of a w:sym; a dingbat font's private-use code gives no text."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    low = value - 0xF000 if 0xF000 <= value <= 0xF0FF else value
    if (font or "").lower() == "symbol":
        return _SYMBOL_FONT.get(low, chr(low) if 0x20 <= low < 0x7F else "")
    return "" if 0xF000 <= value <= 0xF0FF else chr(value)
