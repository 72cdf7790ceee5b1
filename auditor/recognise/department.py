"""The department a report belongs to, as the report itself names it, and where it says so.

A bureau ranks departments by their issues, so the name must be the report's
own: the 主管部门 of its 自评表 (the most frequent one when tables differ), a
部门 / 单位名称 field of a header, a "单位名称：…" line of the prose, or the title
of a 部门决算 ("烈山区人社局2023年度部门决算"). Only when the report names no
department does the caller fall back on the folder the file was found in.
"""

from __future__ import annotations

import re
from collections import Counter

from auditor.recognise.records import DocumentRecords, clean

#: Header fields that name the department, in the order they are trusted.
FIELDS = ("主管部门", "部门名称", "部门", "单位名称", "预算单位")
#: "单位名称：XX局" in prose; the value ends at punctuation or the end of the line.
_LINE = re.compile(r"(主管部门|部门名称|单位名称|预算单位)\s*[:：]\s*([^\s，。；;,:：（(]{2,40})")
#: "XX局2023年度部门决算" / "XX局部门决算": the department before the year or the word 部门决算.
_TITLE = re.compile(r"^(?:关于)?(?P<name>[^\s，。；“”\"]{2,40}?)(?:(?:19|20)\d\d\s*年度?)?\s*部门(?:整体)?决算")
#: Values that are a form's blanks or placeholders, not a name.
_BLANK = {"", "—", "-", "/", "无", "主管部门", "单位名称", "部门名称", "××", "XX"}


def department_of(records: DocumentRecords) -> tuple[str | None, str | None]:
    """(name, source): the department the report names and the field it came from; (None, None) if none."""
    for key in FIELDS:
        named = Counter(
            value
            for table in records.tables
            if key in table.header
            for value in [clean(table.header[key].text)]
            if value not in _BLANK
        )
        if named:
            return min(named.items(), key=lambda kv: (-kv[1], kv[0]))[0], key
    for paragraph in records.paragraphs:
        found = _LINE.search(paragraph.text)
        if found and found.group(2) not in _BLANK:
            return found.group(2), found.group(1)
    title = clean(records.title or "")
    found = _TITLE.match(title)
    if found and found.group("name") not in _BLANK and not _pronoun_or_year(found.group("name")):
        return found.group("name"), "部门决算"
    return None, None


def _pronoun_or_year(name: str) -> bool:
    """A title that says 我局/本部门 or starts with its year names no department."""
    return name.startswith(("我", "本")) or name[0].isdigit()
