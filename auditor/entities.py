"""The entities rules run on: one DataFrame each, and the columns every such frame has.

Kept apart from `tabulate` (which needs pandas) so that rule validation and
`auditor rules` stay light.
"""
from __future__ import annotations

#: The entities and their columns, so an empty batch still has well-formed frames.
ENTITIES: dict[str, list[str]] = {
    "documents": ["doc", "format", "title", "year", "year_text", "year_loc", "evidence", "loc"],
    "projects": ["doc", "project", "table", "year", "year_text", "year_loc", "department", "unit",
                 "goal", "goal_actual", "categories", "output_kinds", "form", "evidence", "loc"],
    "funding": ["doc", "project", "table", "kind", "label", "initial", "budget", "executed", "weight",
                "rate", "score", "unit", "notes", "evidence", "loc"],
    "indicators": ["doc", "project", "table", "category", "level1", "level2", "level3", "kind", "group", "target",
                   "target_op", "actual", "units_agree", "target_met", "weight", "score", "implied_weight", "reason", "misfiled", "weights_printed", "notes", "project_budget",
                   "project_executed", "evidence", "loc"],
    "scores": ["doc", "project", "table", "role", "category", "weight", "score", "grade", "form_profile", "evidence",
               "loc"],
    "narratives": ["doc", "project", "table", "score", "budget", "executed", "rate", "grade", "table_score",
                   "table_budget", "table_executed", "table_rate", "evidence", "loc"],
    "texts": ["doc", "project", "table", "field", "text", "evidence", "loc"],
    "names": ["doc", "project", "role", "source", "name", "evidence", "loc"],
    "counts": ["doc", "claim", "statement", "role", "value", "unit", "evidence", "loc"],
    "sections": ["doc", "report", "role", "section", "name", "weight", "score", "grade", "evidence", "loc"],
    "years": ["doc", "project", "part", "part_zh", "part_en", "year", "doc_year", "evidence", "loc"],
}
