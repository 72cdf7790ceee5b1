"""Figures that the prose states about a project.

A 自评综述 paragraph restates the table in words: "老字号项目绩效自评得分为100分。
项目全年预算数为680万元，执行数为661.7252万元，完成预算的100%。" Each stated
figure becomes a `Claim` that keeps its sentence, so a finding can quote it.
"""

from __future__ import annotations

import re

from auditor.document import Paragraph
from auditor.recognise.records import Claim, Field, Narrative
from auditor.recognise.sentences import sentence_at

_SUMMARY = re.compile(r"^(?P<name>.{2,60}?)(?:项目)?(?:绩效)?自评综述[:：]")
_NUM = r"(?P<v>\d+(?:\.\d+)?)"
CLAIM_PATTERNS = {
    "score": re.compile(r"(?:自评)?得分(?:为|是)?\s*" + _NUM + r"\s*分"),
    "budget": re.compile(r"(?:全年)?预算(?:数|资金)?(?:为|是)?\s*" + _NUM + r"\s*万元"),
    "executed": re.compile(r"(?:实际)?执行(?:数|资金)?(?:为|是)?\s*" + _NUM + r"\s*万元"),
    "rate": re.compile(r"(?:完成预算的|执行率(?:为|是|达)?)\s*" + _NUM + r"\s*[%％]"),
    "grade": re.compile(r"(?:评价等级|自评等级|等级)(?:为|是)?[“\"]?(?P<v>[优良中差])"),
}

CLAIM_LABELS = {
    "score": "得分",
    "budget": "全年预算数",
    "executed": "执行数",
    "rate": "完成预算比例",
    "grade": "评价等级",
}


def recognise_narrative(paragraph: Paragraph) -> Narrative | None:
    m = _SUMMARY.match(paragraph.text)
    if not m:
        return None
    name = m.group("name").strip('“”" ')
    narrative = Narrative(project=name, text=paragraph.text, loc=paragraph.loc)
    for claim_name, pattern in CLAIM_PATTERNS.items():
        found = pattern.search(paragraph.text, m.end())
        if found:
            text = found.group("v") + ("%" if claim_name == "rate" else "")
            loc = paragraph.loc.with_labels(column=CLAIM_LABELS[claim_name])
            sentence = sentence_at(paragraph.text, found.start())
            narrative.claims[claim_name] = Claim(claim_name, Field(text, loc), sentence)
    return narrative
