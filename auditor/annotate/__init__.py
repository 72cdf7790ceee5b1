"""`auditor annotate`: a copy of a Word report with a comment at every offending cell or sentence.

The author fixes a report in Word, not in an issue list: each comment sits on
the cell or sentence it concerns and says what is wrong, what was expected and
what was found. Works on the docx zip with lxml (comments.xml, its relationship
and content type, range markers in document.xml), so Word, WPS and LibreOffice
all show the comments. The source file is only read; the copy is written beside
its destination and renamed into place, so no reader ever sees half a file.

`anchor` finds the cell or sentence a locator names, `marks` puts the comment's
range there, `comment` words it, `parts` reads and writes the zip's parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from auditor.annotate import anchor
from auditor.annotate.comment import comment
from auditor.annotate.marks import mark
from auditor.annotate.parts import Parts, write_atomically
from auditor.issue import Issue
from auditor.read import safety

__all__ = ["Annotated", "annotate_docx", "check_names"]


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
            comments.append(comment(body.w, cid, issue, lang, author, placed))
        parts.set_xml(parts.main, root)
        parts.set_xml(parts.comments, comments)
        parts.link_comments(body.w)
        write_atomically(dst, zf, parts)
    return Annotated(comments=len(issues), unplaced=unplaced)


def check_names(src: Path, display: str) -> None:
    """Raise UnreadableInput when the report's zip holds an entry the copy must not repeat (`../x`, `/x`)."""
    with safety.open_zip(Path(src), display) as zf:
        safety.check_zip(zf, display)


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
