"""The parts of a .docx zip that a commented copy reads, changes and adds, and the copy's atomic write.

A comment needs three parts besides document.xml: comments.xml (kept when the report
already carries reviewers' comments), its relationship from the main part, and its
content type. The main part is found through _rels/.rels, so a strict or renamed
document is commented in its own part.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from auditor.read import safety
from auditor.render.files import write_with

_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_REL_TYPES = {  # the comments relationship type in transitional and strict documents
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    "http://purl.oclc.org/ooxml/wordprocessingml/main": "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
}


class Parts:
    """The zip's parts as read, plus those changed or added; the main part found through _rels/.rels."""

    def __init__(self, zf: zipfile.ZipFile, display: str) -> None:
        self.zf, self.display, self.changed = zf, display, {}
        safety.check_zip(zf, display)
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
                return posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
        return None

    def comments_root(self, w: str) -> etree._Element:
        """The existing comments part (a report may already carry reviewers' comments) or a new one."""
        if self.comments in self.names:
            return self.xml(self.comments)
        return etree.Element(w + "comments", nsmap={"w": w.strip("{}")})

    def link_comments(self, w: str) -> None:
        """Add the relationship and the content type of the comments part when they are missing."""
        folder = posixpath.dirname(self.main)
        rels = (
            self.xml(self.rels)
            if self.rels in self.names or self.rels in self.changed
            else etree.Element(f"{{{_REL}}}Relationships", nsmap={None: _REL})
        )
        if not any(r.get("Type", "").endswith("/comments") for r in rels):
            ids = {r.get("Id") for r in rels}
            rid = next(f"rId{n}" for n in range(len(ids) + 1, len(ids) + 10_000) if f"rId{n}" not in ids)
            etree.SubElement(
                rels,
                f"{{{_REL}}}Relationship",
                Id=rid,
                Type=_REL_TYPES.get(
                    w.strip("{}"), _REL_TYPES["http://schemas.openxmlformats.org/wordprocessingml/2006/main"]
                ),
                Target=posixpath.relpath(self.comments, folder or "."),
            )
            self.set_xml(self.rels, rels)
        types = self.xml("[Content_Types].xml")
        part = "/" + self.comments
        if not any(o.get("PartName", "").lower() == part.lower() for o in types.iter(f"{{{_CT}}}Override")):
            etree.SubElement(types, f"{{{_CT}}}Override", PartName=part, ContentType=_COMMENTS_TYPE)
            self.set_xml("[Content_Types].xml", types)


def write_atomically(dst: Path, zf: zipfile.ZipFile, parts: Parts) -> None:
    """Copy every part (changed ones replaced, new ones last) to a temp file beside `dst`, then rename."""

    def write(tmp: str) -> None:
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

    dst.parent.mkdir(parents=True, exist_ok=True)  # NOTE: for the library; the CLI refuses a missing folder first
    write_with(dst, write)
