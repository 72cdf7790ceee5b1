"""Turn a `Document` into domain records by their header words, never by position."""
from __future__ import annotations

import re

from auditor.document import Document
from auditor.recognise.narrative import recognise_narrative
from auditor.recognise.records import DocumentRecords, Field, clean
from auditor.recognise.selfeval import is_self_evaluation, recognise_table

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")


def recognise(doc: Document) -> DocumentRecords:
    records = DocumentRecords(doc=doc.path, format=doc.format)
    for block in doc.blocks:
        if hasattr(block, "rows"):
            if is_self_evaluation(block):
                records.tables.append(recognise_table(block))
            continue
        if records.title is None and clean(block.text):
            records.title = block.text
            m = _TITLE_YEAR.search(block.text)
            if m:
                records.year = Field(m.group(1), block.loc)
        narrative = recognise_narrative(block)
        if narrative:
            narrative.next_table = len(records.tables) + 1
            records.narratives.append(narrative)
    return records
