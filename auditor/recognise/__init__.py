"""Turn a `Document` into domain records by their header words, never by position."""
from __future__ import annotations

import re

from auditor.document import Document, Paragraph
from auditor.recognise.mentions import Mention, mentions_in, statements_in
from auditor.recognise.narrative import recognise_narrative
from auditor.recognise.records import DocumentRecords, Field, clean
from auditor.recognise.report import EvaluationReport, read_report, report_title
from auditor.recognise.selfeval import is_self_evaluation, recognise_table

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")


_FLAT_WORDS = ("年初预算数", "全年预算数", "一级指标", "三级指标", "年度指标值")


def recognise(doc: Document) -> DocumentRecords:
    records = DocumentRecords(doc=doc.path, format=doc.format)
    paragraphs: list[Paragraph] = []
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph) and _flattened_table(doc.blocks, i):
            records.problems.append((block.loc, "flattened_table"))
        if not isinstance(block, Paragraph):
            if is_self_evaluation(block):
                records.tables.append(recognise_table(block))
            continue
        paragraphs.append(block)
        if records.title is None and clean(block.text):
            records.title = block.text
            m = _TITLE_YEAR.search(block.text)
            if m:
                records.year = Field(m.group(1), block.loc.with_labels(column="年度"))
        narrative = recognise_narrative(block)
        if narrative:
            narrative.next_table = len(records.tables) + 1
            records.narratives.append(narrative)
            continue
        records.paragraphs.append(block)
    _prose(paragraphs, records)
    return records


def _flattened_table(blocks: list, i: int) -> bool:
    """A 自评表 that reached us as plain paragraphs: its title with no table after it, or one long line.

    Text copied from a web page often loses the tabs between cells; what is
    left cannot be split into cells reliably, so it is reported, not guessed at.
    """
    text = clean(blocks[i].text)
    if "项目支出绩效自评表" not in text:
        return False
    if sum(w in text for w in _FLAT_WORDS) >= 3:
        return True  # the whole table flattened into one paragraph
    if len(text) > 20:
        return False  # a sentence that names the form ("…详见附件：项目支出绩效自评表")
    following = blocks[i + 1:i + 40]
    if following and not isinstance(following[0], Paragraph):
        return False
    later = "".join(clean(b.text) for b in following if isinstance(b, Paragraph))
    return sum(w in later for w in _FLAT_WORDS) >= 3


def _prose(paragraphs: list[Paragraph], records: DocumentRecords) -> None:
    """Statements, name mentions and attached evaluation reports, in reading order."""
    i = 0
    while i < len(paragraphs):
        title = report_title(paragraphs, i)
        if title:
            name, field = title
            report = EvaluationReport(name=name, title=field)
            records.reports.append(report)
            records.mentions.append(Mention(name, "evaluation_report", field, field.text))
            i = read_report(paragraphs, i + 1, report)
            continue
        records.mentions.extend(mentions_in(paragraphs[i]))
        records.statements.extend(statements_in(paragraphs[i]))
        i += 1
