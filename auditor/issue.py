"""The one finding type every reporter renders (see shared issue-contract)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from auditor.document import Locator
from auditor.i18n import reader_reason

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}

#: The stable vocabulary of the issue contract. Rules may be renamed; kinds may not.
KINDS = (
    "score_exceeds_weight",
    "category_weight_cap",
    "category_score_cap",
    "total_mismatch",
    "execution_rate_mismatch",
    "funding_sum_mismatch",
    "funding_score_formula",
    "section_sum_mismatch",
    "narrative_table_mismatch",
    "count_mismatch",
    "project_topic_mismatch",
    "project_name_mismatch",
    "year_mismatch",
    "grade_mismatch",
    "vague_actual_value",
    "missing_deviation_reason",
    "empty_indicator_scored",
    "unit_mismatch",
    "typo",
    "score_inconsistent_with_actual",
    "missing_category",
    "missing_value",
    "unfilled_template",
    "category_misplacement",
    "execution_exceeds_budget",
    "claim_contradiction",
    "copied_content",
    "unreadable_input",
    "extraction_incomplete",
)


@dataclass
class Issue:
    doc: str
    rule: str
    kind: str
    severity: str
    message: str
    location: Locator
    project: str | None = None
    expected: str | None = None
    found: str | None = None
    evidence: str | None = None
    #: The message in every language, so one result renders in zh or en without re-running.
    messages: dict[str, str] = field(default_factory=dict)
    #: `expected` where a rule words it per language ({"en": "..."}); the default is `expected` itself.
    expected_by_lang: dict[str, str] = field(default_factory=dict)

    def message_in(self, lang: str) -> str:
        text = self.messages.get(lang) or self.message
        if self.rule == "READ_FILE" and lang == "zh":
            # NOTE: the readers give their reasons in English; they are put in Chinese where shown
            head, sep, reason = text.partition("：")
            return head + sep + reader_reason(reason, lang) if sep else text
        return text

    def expected_in(self, lang: str) -> str | None:
        return self.expected_by_lang.get(lang, self.expected)

    def sort_key(self) -> tuple:
        """Reading order: by document, then page, sheet, line, paragraph, table, cell, row, column.

        NOTE: numbers inside locators compare as numbers (row 4 before row 17, B3 before
        B13, 表2 before 表10), and a cell reference by its row before its column, as a
        sheet is read; the rule, project and found value only break ties.
        """
        loc = self.location
        return (
            self.doc,
            _natural(loc.page),
            _natural(loc.sheet),
            _natural(loc.line),
            _natural(loc.paragraph),
            _natural(loc.table),
            _cell(loc.cell),
            _natural(loc.row),
            _natural(loc.column),
            self.rule,
            self.project or "",
            self.found or "",
        )

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON object of the issue contract, keys in the contract's order."""
        return {
            "doc": self.doc,
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "project": self.project,
            "message": self.message_in(lang),
            "expected": self.expected_in(lang),
            "found": self.found,
            "location": self.location.as_dict(),
            "evidence": self.evidence,
        }


_CHUNKS = re.compile(r"(\d+)")
_CELL = re.compile(r"^\$?([A-Za-z]+)\$?(\d+)$")


def _natural(value: int | str | None) -> tuple:
    """A value's sort key with its digits as numbers: None first, then numbers, then text chunk by chunk."""
    if value is None:
        return ()
    if isinstance(value, int):
        return ((0, value, ""),)
    return tuple(
        (0, int(part), "") if part.isascii() and part.isdigit() else (1, 0, part)
        for part in _CHUNKS.split(value)
        if part
    )


def _cell(ref: str | None) -> tuple:
    """An Excel reference (G12) by row, then column (A < Z < AA); anything else by its natural key."""
    if not ref:
        return ()
    found = _CELL.match(ref)
    if not found:
        return (1, _natural(ref))
    column = 0
    for letter in found.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return (0, (int(found.group(2)), column))


def at_or_above(severity: str, threshold: str) -> bool:
    """Whether an issue of `severity` trips a gate set at `threshold` ('never' trips on nothing)."""
    if threshold == "never":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
