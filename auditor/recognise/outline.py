"""The outline of a report written as prose: its headings, and how much text stands under each.

"一、" headings and "（一）" headings are the outline every 自评报告 template has; a
heading followed straight by the next heading of its level or a higher one has
nothing under it: a section of the template left unfilled
("（四）上年度绩效评价整改情况" and then "二、绩效自评工作开展情况").

NOTE: numbering alone does not say where a section ends (outline numbers are
often broken), so a heading is only ever compared with the next heading: a
heading is a short paragraph that is nothing but an outline number and a title,
and the last heading of a document is left alone (a capture may end there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.document import Paragraph
from auditor.recognise.records import Field, clean

_LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")),
)
#: A heading is a title, not a sentence: short, with no end mark and nothing after a colon.
_MAX_HEADING = 40
_SENTENCE = re.compile(r"[。；！？]|[：:]\s*\S")


@dataclass(slots=True)
class Heading:
    field: Field  # the heading as printed, where it stands
    level: int  # 1 for 一、, 2 for （一）
    body: str = ""  # the start of the text under it, before the next heading of its level or a higher one


def level_of(text: str) -> int | None:
    t = clean(text)
    if not t or len(t) > _MAX_HEADING or _SENTENCE.search(t):
        return None
    return next((level for level, pattern in _LEVELS if pattern.match(t)), None)


def outline(paragraphs: list[Paragraph]) -> list[Heading]:
    """Every heading but the last of its document, with the length of the text under it."""
    levels = [level_of(p.text) for p in paragraphs]
    out: list[Heading] = []
    open_: list[Heading] = []  # headings whose section is still being read, outermost first
    for p, level in zip(paragraphs, levels):
        if level is None:
            for h in open_:
                if len(h.body) < 40:
                    h.body += clean(p.text)[:40]
            continue
        while open_ and open_[-1].level >= level:
            out.append(open_.pop())
        for h in open_:
            if len(h.body) < 40:
                h.body += clean(p.text)[:40]  # a sub-heading is text of its parent's section
        open_.append(Heading(Field(p.text.strip(), p.loc.with_labels(column="标题")), level))
    # NOTE: the headings still open at the end have no next heading: nothing says their section ended
    return sorted(out, key=lambda h: h.field.loc.sort_key())
