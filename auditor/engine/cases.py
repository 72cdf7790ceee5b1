"""Run every rule's example cases through the real engine: what `auditor rules test` does.

Each case's rows become one entity's frame and are validated with a rule set
holding only its rule; `auditor.ruleset.cases.judge` says whether the issues
are what the case says. Great Expectations is imported only when a case runs.
"""

from __future__ import annotations

from auditor.ruleset.cases import CaseResult, cases_of, judge, one_rule
from auditor.ruleset.loader import RuleSet


def case_issues(rule, case, alone: RuleSet) -> list:
    """The issues the rule gives on the case's rows (one entity's frame)."""
    from auditor.engine.validate import validate
    from auditor.tabulate import frame_from_rows

    entity = case.entity or rule.entities[0]
    return validate({entity: frame_from_rows(entity, case.rows)}, alone)


def run_rule_cases(rule, ruleset: RuleSet) -> list[CaseResult]:
    """Every case of one rule, judged."""
    alone = one_rule(rule, ruleset)
    out = []
    for verdict, index, case in cases_of(rule):
        try:
            problem, details = judge(rule, verdict, case, case_issues(rule, case, alone))
        except Exception as exc:  # noqa: BLE001 - one case that cannot run is that case's failure
            problem, details = "crash", {"error": f"{type(exc).__name__}: {exc}"}
        out.append(CaseResult(rule.code, verdict, case.name, index, problem, details))
    return out


def run_cases(ruleset: RuleSet) -> list[CaseResult]:
    """Every case of every rule of the rule set, in rule order."""
    return [result for rule in ruleset.rules for result in run_rule_cases(rule, ruleset)]
