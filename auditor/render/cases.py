"""How `auditor rules test` reports the rules' example cases: one line per failing case, then a summary."""

from __future__ import annotations

from auditor.i18n import t


def _issue(values: dict) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in values.items()) + "}"


def problem_text(result, lang: str) -> str:
    details = dict(result.details)
    if "messages" in details:
        details["messages"] = " | ".join(details["messages"]) or "—"
    for key in ("want", "got"):
        if isinstance(details.get(key), list):
            details[key] = "[" + ", ".join(_issue(v) for v in details[key]) + "]"
    return t(lang, f"cases.{result.problem}", **details)


def case_report(ruleset, results: list, lang: str) -> str:
    """The failing cases, each at its `file:line`, and how many cases of how many rules passed."""
    from auditor.ruleset.cases import case_line

    failing = [r for r in results if not r.ok]
    lines = [
        t(
            lang,
            "cases.line",
            where=case_line(ruleset, r),
            code=r.code,
            verdict=t(lang, f"cases.{r.verdict}"),
            name=r.name,
            problem=problem_text(r, lang),
        )
        for r in failing
    ]
    lines.append(
        t(
            lang,
            "cases.summary",
            cases=len(results),
            rules=len({r.code for r in results}),
            passed=len(results) - len(failing),
            failed=len(failing),
        )
    )
    return "\n".join(lines)
