"""The JSON of the issue contract: stable keys, stable order, UTF-8 Chinese left readable."""

from __future__ import annotations

import json

from auditor.render.provenance import machine
from auditor.result import AuditResult


def as_dict(result: AuditResult, lang: str = "zh") -> dict:
    return {
        "auditor": {"version": result.version, "rules": result.rules_version, **machine(result.settings)},
        "documents": [d.as_dict() for d in result.documents],
        "issues": [i.as_dict(lang) for i in result.issues],
        "summary": result.summary(),
    }


def render(result: AuditResult, lang: str = "zh", color: bool = False) -> str:
    return json.dumps(as_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
