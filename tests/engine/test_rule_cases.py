"""Every rule ships with example cases; each one runs through the real GX engine here.

A pass case must give no issue; a fail case must give exactly the issues it
lists (matched on found/expected). A meta-test makes every rule have at least
one of each, in the style of sqlfluff's rule fixtures.
"""
import pytest

from auditor.engine.validate import validate
from auditor.ruleset.loader import RuleSet, load_ruleset
from auditor.tabulate import frame_from_rows

RULESET = load_ruleset()
CASES = [(rule, verdict, case) for rule in RULESET.rules
         for verdict, cases in (("pass", rule.cases.pass_), ("fail", rule.cases.fail)) for case in cases]


def run_case(rule, case):
    ruleset = RuleSet(rules=[rule], profile=RULESET.profile, lexicons=RULESET.lexicons)
    entity = case.entity or rule.entities[0]
    return validate({entity: frame_from_rows(entity, case.rows)}, ruleset)


def test_every_rule_has_pass_and_fail_cases():
    for rule in RULESET.rules:
        assert rule.cases.pass_ and rule.cases.fail, rule.code
        assert all(c.expect for c in rule.cases.fail), f"{rule.code}: a fail case must list its issues"


@pytest.mark.parametrize("rule,verdict,case", CASES, ids=[f"{r.code}-{v}-{c.name}" for r, v, c in CASES])
def test_case(rule, verdict, case):
    issues = run_case(rule, case)
    if verdict == "pass":
        assert issues == [], [i.message for i in issues]
        return
    assert len(issues) == len(case.expect), [i.message for i in issues]
    got = sorted(({k: getattr(i, k) for k in case.expect[0]} for i in issues), key=str)
    assert got == sorted(case.expect, key=str)
    for issue in issues:
        assert issue.rule == rule.code and issue.kind == rule.kind
        assert issue.message and issue.messages["en"] and "—" not in issue.message
