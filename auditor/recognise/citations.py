"""The notices a report cites, with their document numbers: "《关于开展2023年度…绩效自评工作的通知》(乌财监〔2022〕247号)".

A report opens by citing the notice it answers. A notice on the self-evaluation of
a year cannot be numbered in an earlier year: the year in its number was left
from last year's report. Only notices whose title speaks of a year's 绩效自评 or
绩效评价 are kept: a notice that allocates next year's funds in advance
("关于提前下达2021年…预算的通知", 〔2020〕) is rightly numbered the year before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.document import Paragraph
from auditor.recognise.records import Field

# NOTE: bounded gaps and a title without 《 inside it, so that matching stays linear in the paragraph
_CITED = re.compile(
    r"《(?P<title>[^《》]{0,160}?(?P<subject>(?:19|20)\d{2})\s*年度[^《》]{0,80}?(?:绩效自评|绩效评价|自评)[^《》]{0,80}?)》"
    r"\s*[(（]?\s*(?P<number>[\u4e00-\u9fff]{1,12}\s*[〔\[【](?P<year>(?:19|20)\d{2})[〕\]】]\s*\d{1,5}\s*号)"
)


@dataclass(slots=True)
class Citation:
    title: str
    number: Field  # the document number as printed: 乌财监〔2022〕247号
    number_year: Field  # the year in it
    subject_year: Field  # the year whose self-evaluation the title speaks of
    evidence: str


def citations_in(paragraph: Paragraph) -> list[Citation]:
    out = []
    if "号" not in paragraph.text:
        return out
    for m in _CITED.finditer(paragraph.text):
        loc = paragraph.loc.with_labels(column="文号")
        out.append(
            Citation(
                m.group("title"),
                Field(m.group("number"), loc),
                Field(m.group("year"), loc),
                Field(m.group("subject"), paragraph.loc.with_labels(column="文件标题")),
                m.group(0),
            )
        )
    return out
