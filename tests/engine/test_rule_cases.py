"""Every rule ships with example cases; each one runs through the real GX engine here.

A pass case must give no issue; a fail case must give exactly the issues it
lists (matched on found/expected). A meta-test makes every rule have at least
one of each, in the style of sqlfluff's rule fixtures. The runner is the
library's (`auditor.engine.cases`), the one `auditor rules test` uses.
"""

import pytest

from auditor.engine.cases import case_issues
from auditor.ruleset.cases import cases_of, judge, one_rule
from auditor.ruleset.loader import load_ruleset

RULESET = load_ruleset()
CASES = [(rule, verdict, case) for rule in RULESET.rules for verdict, _, case in cases_of(rule)]


def test_every_rule_has_pass_and_fail_cases():
    for rule in RULESET.rules:
        assert rule.cases.pass_ and rule.cases.fail, rule.code
        assert all(c.expect for c in rule.cases.fail), f"{rule.code}: a fail case must list its issues"


@pytest.mark.parametrize("rule,verdict,case", CASES, ids=[f"{r.code}-{v}-{c.name}" for r, v, c in CASES])
def test_case(rule, verdict, case):
    issues = case_issues(rule, case, one_rule(rule, RULESET))
    problem, details = judge(rule, verdict, case, issues)
    assert problem is None, (problem, details)


def test_a_case_expecting_the_wrong_value_is_reported():
    rule = RULESET.get("SCORE_LE_WEIGHT")
    case = rule.cases.fail[0]
    wrong = case.model_copy(update={"expect": [{**case.expect[0], "expected": "<= 11"}]})
    problem, details = judge(rule, "fail", wrong, case_issues(rule, wrong, one_rule(rule, RULESET)))
    assert problem == "mismatch" and details["got"][0]["expected"] == "<= 10", details
