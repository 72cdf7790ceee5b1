"""An attached 绩效评价报告: its title, the year it speaks of, and its scored sections.

Evaluation reports are written as prose with scored headings:
"（一）项目决策情况(分值20分，自评得分19.84分)" for a section, "1、项目立项（10分）"
for a subsection (its points, which add up to the section's score), and
"总体得分为99.84分" for the whole. The year is the first one its opening
paragraph states ("2022年度，烈山区城乡居保工作…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.document import Paragraph
from auditor.recognise.records import Field, clean
from auditor.recognise.sentences import sentence_at

_NUM = r"(\d+(?:\.\d+)?)"
TITLE = re.compile(r"^(?:(?P<year>\d{4})年度?)?(?P<name>.{2,40}?)(?:项目)?(?:支出)?(?:绩效)?评价报告$")
SECTION = re.compile(
    r"^[（(][一二三四五六七八九十]+[)）]\s*(?P<name>[^（(]{2,30}?)\s*[（(]\s*分值\s*"
    + _NUM
    + r"\s*分\s*[，,、；;]\s*(?:自评)?得分\s*"
    + _NUM
    + r"\s*分\s*[)）]"
)
#: The same heading with its points in brackets and the score later in its paragraph:
#: "（一）项目决策（20分）。项目立项规范……，自评得分19.84分。" NOTE: the last 得分 before the next
#: heading is the section's: those before it are its parts' ("其中立项依据得分5分，…，自评得分19分").
SECTION_SCORED_LATER = re.compile(
    r"^[（(][一二三四五六七八九十]+[)）]\s*(?P<name>[^（(，。]{2,30}?)\s*[（(]\s*(?:分值|满分)?\s*"
    + _NUM
    + r"\s*分\s*[)）][^（(]{0,200}(?:自评)?得分(?:为|是)?\s*"
    + _NUM
    + r"\s*分"
)
SUBSECTION = re.compile(
    r"^(?P<no>\d{1,2})\s*[、.．]\s*(?P<name>[^（(]{2,30}?)\s*[（(]\s*" + _NUM + r"\s*分\s*[)）]\s*$"
)
OVERALL = re.compile(r"(?:总体|综合|总)(?:评价)?得分(?:为|是)?\s*" + _NUM + r"\s*分")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
FUNDS = re.compile(
    r"预算\s*(?P<budget>\d+(?:\.\d+)?)\s*万元[，,]\s*(?:全年)?(?:共)?(?:实际)?执行(?:预算)?(?:资金)?\s*"
    r"(?P<executed>\d+(?:\.\d+)?)\s*万元(?:[，,]\s*执行率(?:为)?\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％])?"
)
GRADE = re.compile(r"(?:评价)?等级(?:为|是)?[“\"]?([优良中差])")


@dataclass(slots=True)
class ScoredPart:
    role: str  # overall | section | subsection
    name: str
    section: str  # the section a subsection belongs to (its own name for a section)
    weight: Field | None
    score: Field | None
    evidence: str
    grade: str | None = None


@dataclass(slots=True)
class EvaluationReport:
    name: str
    title: Field
    year: Field | None = None
    parts: list[ScoredPart] = field(default_factory=list)
    claims: dict = field(default_factory=dict)  # budget / executed / rate: (Field, sentence)
    #: The document's own conclusion or scored sections, not an attached report with a title of its own.
    implicit: bool = False


def overall_claim(paragraph: Paragraph, name: str, grade_within: int | None = 40) -> ScoredPart | None:
    """A whole score stated in prose, with the grade after it: "经自评，项目综合得分为95分，评价等级为优".

    `grade_within`: how far after the score a grade is its own (None: anywhere after it, as an
    attached report's overall paragraph states them).
    """
    text = paragraph.text
    m = OVERALL.search(text)
    if m is None:
        return None
    grade = GRADE.search(text, m.end(), len(text) if grade_within is None else m.end() + grade_within)
    return ScoredPart(
        "overall",
        name,
        "",
        None,
        Field(m.group(1), paragraph.loc.with_labels(name, "总体得分")),
        _sentence(text, m.start()),
        grade.group(1) if grade else None,
    )


def scored_section(paragraph: Paragraph) -> bool:
    """Whether a paragraph is a scored section heading ("（一）项目决策（分值20分，自评得分19.84分）")."""
    text = clean(paragraph.text)
    return bool(SECTION.match(text) or SECTION_SCORED_LATER.match(text))


def report_title(paragraphs: list[Paragraph], i: int) -> tuple[str, Field] | None:
    """A title ending in 评价报告, joined with a short line above it ('…项目支出' / '绩效评价报告')."""
    text = clean(paragraphs[i].text)
    if not text.endswith("评价报告") or len(text) > 40 or "《" in text:
        return None
    if i > 0 and len(text) <= 8 and len(clean(paragraphs[i - 1].text)) <= 30:
        text = clean(paragraphs[i - 1].text) + text
        loc = paragraphs[i - 1].loc
    else:
        loc = paragraphs[i].loc
    m = TITLE.match(text)
    if not m:
        return None
    return m.group("name"), Field(text, loc)


def read_report(paragraphs: list[Paragraph], start: int, report: EvaluationReport) -> int:
    """Read the report's parts from paragraph `start` on; returns where the report ends."""
    section = ""
    i = start
    while i < len(paragraphs):
        p = paragraphs[i]
        text = clean(p.text)
        if i > start and report_title(paragraphs, i):
            break
        if report.year is None and i <= start + 2:
            m = YEAR.search(text)
            if m:
                report.year = Field(m.group(1), p.loc.with_labels(column="年度"))
        funds = FUNDS.search(p.text) if not report.claims else None
        if funds:
            sentence = _sentence(p.text, funds.start())
            labels = {"budget": "全年预算数", "executed": "执行数", "rate": "执行率"}
            for key, label in labels.items():
                if funds.group(key):
                    text_value = funds.group(key) + ("%" if key == "rate" else "")
                    report.claims[key] = (Field(text_value, p.loc.with_labels(column=label)), sentence)
        m = SECTION.match(text) or SECTION_SCORED_LATER.match(text)
        if m:
            section = m.group("name")
            report.parts.append(
                ScoredPart(
                    "section",
                    section,
                    section,
                    Field(m.group(2), p.loc.with_labels(section, "分值")),
                    Field(m.group(3), p.loc.with_labels(section, "自评得分")),
                    p.text,
                )
            )
        elif (m := SUBSECTION.match(text)) and section:
            name = m.group("name")
            report.parts.append(
                ScoredPart(
                    "subsection", name, section, None, Field(m.group(3), p.loc.with_labels(name, "得分")), p.text
                )
            )
        elif not any(part.role == "overall" for part in report.parts) and (
            overall := overall_claim(p, report.name, grade_within=None)
        ):
            report.parts.append(overall)
        i += 1
    return i


def _sentence(text: str, at: int) -> str:
    # NOTE: only 。 and ； end a sentence of an attached report (not ！ or ？), as this reader has
    # always quoted it: the evidence of its findings stays what users have seen.
    return sentence_at(text, at, ends="。；")
