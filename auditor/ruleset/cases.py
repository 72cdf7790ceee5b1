"""The example cases every rule carries, and how a case's outcome is judged (`auditor rules test`).

The running, which needs the engine, is `auditor.engine.cases`.

A pass case must give no issue; a fail case must give exactly the issues it
lists (matched on the keys its first expected issue gives: found, expected,
...), each from the rule, with a message in both languages that shows no "—"
(a placeholder with no value). A case that cannot run is a failure too, never
an exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from auditor.ruleset.loader import RuleSet
from auditor.ruleset.yamlfile import RuleFileError, line_of, load

VERDICTS = ("pass", "fail")


@dataclass(frozen=True)
class CaseResult:
    """One case's outcome; `problem` is None when the case holds, else what went wrong, with `details`."""

    code: str
    verdict: str  # pass | fail: what the case says the rule must do
    name: str
    index: int  # its place among the rule's cases of that verdict
    problem: str | None = None  # unexpected | count | mismatch | message | crash
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem is None


def cases_of(rule) -> Iterator[tuple[str, int, Any]]:
    """(verdict, index, case) of every case of a rule, pass cases first."""
    for verdict, cases in zip(VERDICTS, (rule.cases.pass_, rule.cases.fail)):
        for index, case in enumerate(cases):
            yield verdict, index, case


def one_rule(rule, ruleset: RuleSet) -> RuleSet:
    """A rule set holding only `rule`, with the profile and lexicons of `ruleset`: what its cases run against."""
    return RuleSet(rules=[rule], profile=ruleset.profile, lexicons=ruleset.lexicons)


def judge(rule, verdict: str, case, issues: list) -> tuple[str | None, dict[str, Any]]:
    """(problem, details) of a case's issues, or (None, {}) when they are what the case says."""
    messages = [i.message for i in issues]
    if verdict == "pass":
        return ("unexpected", {"n": len(issues), "messages": messages}) if issues else (None, {})
    if len(issues) != len(case.expect):
        return "count", {"want": len(case.expect), "got": len(issues), "messages": messages}
    keys = list(case.expect[0])
    got = sorted(({k: _text(getattr(i, k, None)) for k in keys} for i in issues), key=str)
    want = sorted(({k: _text(e.get(k)) for k in keys} for e in case.expect), key=str)
    if got != want:
        return "mismatch", {"want": want, "got": got}
    for issue in issues:
        if (
            issue.rule != rule.code
            or issue.kind != rule.kind
            or not issue.message
            or not issue.messages.get("en")
            or "—" in issue.message
        ):
            return "message", {"message": issue.message}
    return None, {}


def _text(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else str(value)


def case_line(ruleset: RuleSet, result: CaseResult) -> str:
    """`file:line` of a case in its rule file (the file alone when it cannot be read again)."""
    path = ruleset.sources.get(result.code)
    if path is None:
        return result.code
    try:
        _, lines = load(path)
    except RuleFileError:
        return str(path)
    line = line_of(lines, ("cases", result.verdict, result.index))
    return f"{path}:{line}" if line else str(path)
