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


#: A heading over the report's results: what was done, against the targets set out earlier.
_RESULTS = re.compile(r"完成情况|完成结果|实施效果|指标完成|绩效分析")
#: A heading over the targets themselves ("一、绩效目标分解下达情况"): bounds are what it states; or
#: over what is still to do ("（二）存在的问题及下一步工作"): bounds there are aims.
_TARGETS = re.compile(r"目标(?:的)?(?:分解|下达|设定|设置|申报)|问题|下一步|改进|整改|措施|建议|计划|偏离")


def parts(paragraphs: list[Paragraph]) -> list[str | None]:
    """For each paragraph, `results` when the headings it stands under are about results, else None.

    NOTE: a heading itself belongs to its parent's part; a results heading inside a targets
    section ("一、绩效目标设定 … （二）指标完成情况") is not trusted: the part is results only
    when no open heading speaks of setting targets or of what is still to do (问题, 下一步, 偏离).
    """
    out: list[str | None] = []
    open_: list[tuple[int, str]] = []  # (level, title) of the headings whose section is being read
    for p in paragraphs:
        level = level_of(p.text)
        if level is not None:
            while open_ and open_[-1][0] >= level:
                open_.pop()
        titles = [t for _, t in open_]
        results = any(_RESULTS.search(t) for t in titles) and not any(_TARGETS.search(t) for t in titles)
        out.append("results" if results else None)
        if level is not None:
            open_.append((level, clean(p.text)))
    return out
