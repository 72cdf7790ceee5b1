"""The one finding type every reporter renders (see shared issue-contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor.document import Locator

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
        return self.messages.get(lang) or self.message

    def expected_in(self, lang: str) -> str | None:
        return self.expected_by_lang.get(lang, self.expected)

    def sort_key(self) -> tuple:
        return (self.doc, self.location.sort_key(), self.rule, self.project or "", self.found or "")

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


def at_or_above(severity: str, threshold: str) -> bool:
    """Whether an issue of `severity` trips a gate set at `threshold` ('never' trips on nothing)."""
    if threshold == "never":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
