"""`auditor annotate`: a copy of a Word report with a comment at every offending cell or sentence.

The author fixes a report in Word, not in an issue list: each comment sits on
the cell or sentence it concerns and says what is wrong, what was expected and
what was found. Works on the docx zip with lxml (comments.xml, its relationship
and content type, range markers in document.xml), so Word, WPS and LibreOffice
all show the comments. The source file is only read; the copy is written beside
its destination and renamed into place, so no reader ever sees half a file.
"""
from __future__ import annotations

import os
import posixpath
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from auditor import anchor
from auditor.i18n import t
from auditor.issue import Issue
from auditor.marks import mark
from auditor.read import safety
from auditor.render.rows import kind_label

_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_REL_TYPES = {  # the comments relationship type in transitional and strict documents
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main":
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    "http://purl.oclc.org/ooxml/wordprocessingml/main": "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Annotated:
    """What `annotate_docx` wrote: comments in all, and how many could not be placed where they belong."""

    comments: int
    unplaced: int


def annotate_docx(src: Path, dst: Path, issues: list[Issue], lang: str = "zh", author: str = "auditor") -> Annotated:
    """Write `dst`, a copy of the .docx `src` with one Word comment per issue; `src` is never written."""
    src, dst = Path(src), Path(dst)
    if dst.resolve() == src.resolve():
        raise ValueError(f"{dst}: the annotated copy must not replace the report itself")
    with safety.open_zip(src, str(src)) as zf:
        parts = Parts(zf, str(src))
        root = parts.xml(parts.main)
        body = anchor.Body(root)
        if body.body is None:
            raise ValueError(f"{src}: the document has no body to comment on")
        comments = parts.comments_root(body.w)
        next_id = _max_id(root, comments) + 1
        unplaced = 0
        for n, issue in enumerate(issues):
            where = anchor.find(body, issue.location, issue.found, issue.evidence)
            placed = where is not None
            if not placed:
                unplaced += 1
                where = anchor.Anchor(_first_paragraph(body), "paragraph")
            cid = str(next_id + n)
            mark(body, where, cid)
            comments.append(_comment(body.w, cid, issue, lang, author, placed))
        parts.set_xml(parts.main, root)
        parts.set_xml(parts.comments, comments)
        parts.link_comments(body.w)
        _write_atomically(dst, zf, parts)
    return Annotated(comments=len(issues), unplaced=unplaced)


class Parts:
    """The zip's parts as read, plus those changed or added; the main part found through _rels/.rels."""

    def __init__(self, zf: zipfile.ZipFile, display: str) -> None:
        self.zf, self.display, self.changed = zf, display, {}
        self.names = set(zf.namelist())
        self.main = "word/document.xml"
        if "_rels/.rels" in self.names:
            for rel in self.xml("_rels/.rels").iter(f"{{{_REL}}}Relationship"):
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if rel.get("Type", "").endswith("/officeDocument") and target in self.names:
                    self.main = target
        folder, name = posixpath.split(self.main)
        self.rels = posixpath.join(folder, "_rels", name + ".rels")
        self.comments = self._comments_target(folder) or posixpath.join(folder, "comments.xml")

    def read(self, name: str) -> bytes:
        return self.changed[name] if name in self.changed else safety.read_part(self.zf, name, self.display)

    def xml(self, name: str) -> etree._Element:
        return safety.parse_xml(self.read(name), name, self.display)

    def set_xml(self, name: str, root: etree._Element) -> None:
        self.changed[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _comments_target(self, folder: str) -> str | None:
        if self.rels not in self.names:
            return None
        for rel in self.xml(self.rels).iter(f"{{{_REL}}}Relationship"):
            if rel.get("Type", "").endswith("/comments") and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                return posixpath.normpath(target.lstrip("/") if target.startswith("/") else
                                          posixpath.join(folder, target))
        return None

    def comments_root(self, w: str) -> etree._Element:
        """The existing comments part (a report may already carry reviewers' comments) or a new one."""
        if self.comments in self.names:
            return self.xml(self.comments)
        return etree.Element(w + "comments", nsmap={"w": w.strip("{}")})

    def link_comments(self, w: str) -> None:
        """Add the relationship and the content type of the comments part when they are missing."""
        folder = posixpath.dirname(self.main)
        rels = self.xml(self.rels) if self.rels in self.names or self.rels in self.changed else \
            etree.Element(f"{{{_REL}}}Relationships", nsmap={None: _REL})
        if not any(r.get("Type", "").endswith("/comments") for r in rels):
            ids = {r.get("Id") for r in rels}
            rid = next(f"rId{n}" for n in range(len(ids) + 1, len(ids) + 10_000) if f"rId{n}" not in ids)
            etree.SubElement(rels, f"{{{_REL}}}Relationship", Id=rid, Type=_REL_TYPES.get(w.strip("{}"),
                             _REL_TYPES["http://schemas.openxmlformats.org/wordprocessingml/2006/main"]),
                             Target=posixpath.relpath(self.comments, folder or "."))
            self.set_xml(self.rels, rels)
        types = self.xml("[Content_Types].xml")
        part = "/" + self.comments
        if not any(o.get("PartName", "").lower() == part.lower() for o in types.iter(f"{{{_CT}}}Override")):
            etree.SubElement(types, f"{{{_CT}}}Override", PartName=part, ContentType=_COMMENTS_TYPE)
            self.set_xml("[Content_Types].xml", types)


def _write_atomically(dst: Path, zf: zipfile.ZipFile, parts: Parts) -> None:
    """Copy every part (changed ones replaced, new ones last) to a temp file beside `dst`, then rename."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            written = set()
            for info in zf.infolist():
                entry = zipfile.ZipInfo(info.filename, info.date_time)
                entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
                out.writestr(entry, parts.read(info.filename))
                written.add(info.filename)
            for name, data in parts.changed.items():
                if name not in written:
                    out.writestr(name, data)
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _max_id(*roots: etree._Element) -> int:
    """The largest w:id in use (comments, bookmarks, revisions), so new comment ids collide with none."""
    top = -1
    for root in roots:
        for el in root.iter():
            for key, value in el.attrib.items():
                if key.endswith("}id") and value.lstrip("-").isdigit():
                    top = max(top, int(value))
    return top


def _first_paragraph(body: anchor.Body) -> etree._Element:
    if body.paragraphs:
        return body.paragraphs[0]
    p = etree.Element(body.w + "p")
    body.body.insert(0, p)
    body.paragraphs.append(p)
    return p


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters copied from other programs)."""
    return "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


def _comment(w: str, cid: str, issue: Issue, lang: str, author: str, placed: bool) -> etree._Element:
    lines = [f"[{t(lang, 'severity.' + issue.severity)}] {kind_label(lang, issue.kind)} · {issue.rule}",
             issue.message_in(lang)]
    expected = issue.expected_in(lang)
    if expected is not None or issue.found is not None:
        lines.append(f"{t(lang, 'expected')} {expected or '—'}；{t(lang, 'found')} {issue.found or '—'}")
    if not placed:
        where = issue.location.short()
        detail = ", ".join(f"{k}={v}" for k, v in issue.location.as_dict().items())
        lines.append(t(lang, "annotate.unanchored", where=f"{where} ({detail})" if detail else where))
    # NOTE: no w:date, so annotating the same report twice gives the same bytes
    comment = etree.Element(w + "comment", {w + "id": cid, w + "author": author, w + "initials": "AU"})
    for n, line in enumerate(lines):
        p = etree.SubElement(comment, w + "p")
        if n == 0:
            etree.SubElement(etree.SubElement(p, w + "r"), w + "annotationRef")
        text = etree.SubElement(etree.SubElement(p, w + "r"), w + "t")
        text.text = _clean(line)
        text.set(_XML_SPACE, "preserve")
    return comment
