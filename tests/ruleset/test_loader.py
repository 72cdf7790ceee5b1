"""A malformed rule file is reported as `file:line: what is wrong, and how to fix it`."""

import shutil
from pathlib import Path

import pytest

from auditor.ruleset.loader import RuleSetError, builtin_dir, load_ruleset

GOOD = (builtin_dir() / "scores" / "SCORE_LE_WEIGHT.yaml").read_text(encoding="utf-8")


def write_rule(tmp_path: Path, text: str, name: str = "MY_RULE") -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_for(tmp_path: Path, text: str, name: str = "MY_RULE") -> list[str]:
    write_rule(tmp_path, text, name)
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path])
    return [str(e) for e in info.value.errors]


def mine(text: str) -> str:
    return text.replace("code: SCORE_LE_WEIGHT", "code: MY_RULE")


def test_a_valid_extra_rule_is_added(tmp_path):
    write_rule(tmp_path, mine(GOOD))
    assert "MY_RULE" in [r.code for r in load_ruleset([tmp_path]).rules]


@pytest.mark.parametrize(
    "change,line,words",
    [
        (lambda t: t.replace("tolerance: exact", "tolerence: exact"), 9, "unknown key 'tolerence'"),
        (lambda t: t.replace("severity: error\n", ""), 1, "missing key 'severity'"),
        (lambda t: t.replace("severity: error", "severity: fatal"), 3, "severity"),
        (lambda t: t.replace("kind: score_exceeds_weight", "kind: score_too_high"), 2, "unknown kind"),
        (lambda t: t.replace("type: compare", "type: magic"), 1, "rule type"),
        (lambda t: t.replace("entity: [funding, indicators]", "entity: [funding, budgets]"), 5, "unknown entity"),
        (lambda t: t.replace('op: "<="', "op: [<=\n"), 9, "while parsing a flow sequence at line 7"),
        (lambda t: t + "\nseverity: warning\n", 34, "given twice"),
        (lambda t: t.replace("tolerance: exact", "tolerance: &t exact\nat2: *t"), 9, "aliases"),
    ],
)
def test_bad_rule_files_name_file_and_line(tmp_path, change, line, words):
    errors = errors_for(tmp_path, change(mine(GOOD)))
    assert len(errors) == 1
    assert errors[0].startswith(f"{tmp_path / 'mine' / 'MY_RULE.yaml'}:{line}: "), errors[0]
    assert words in errors[0]


def test_code_must_match_file_name(tmp_path):
    errors = errors_for(tmp_path, mine(GOOD), name="OTHER_NAME")
    assert "rename the file to MY_RULE.yaml" in errors[0]


def test_duplicate_code_across_directories(tmp_path):
    errors = errors_for(tmp_path, GOOD, name="SCORE_LE_WEIGHT")
    assert "already defined" in errors[0]


def test_unknown_profile_setting(tmp_path):
    text = (builtin_dir() / "funding" / "FUNDING_SCORE.yaml").read_text(encoding="utf-8")
    text = text.replace("FUNDING_SCORE", "MY_RULE").replace("${profile.funding_score}", "${profile.scoring}")
    errors = errors_for(tmp_path, text)
    assert ":12: unknown profile setting 'scoring'" in errors[0]


def test_every_error_is_reported_at_once(tmp_path):
    write_rule(tmp_path, mine(GOOD).replace("severity: error", "severity: fatal"), "MY_RULE")
    write_rule(tmp_path, "code: [", "BROKEN")
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path])
    assert len(info.value.errors) == 2


def test_unknown_profile_lists_the_known_ones():
    with pytest.raises(RuleSetError, match="choose one of: .*national"):
        load_ruleset(profile="atlantis")


def test_select_and_ignore_by_code_group_and_kind():
    codes = lambda **kw: {r.code for r in load_ruleset(**kw).rules}  # noqa: E731
    assert codes(select=["SCORE_LE_WEIGHT"]) == {"SCORE_LE_WEIGHT"}
    narrative = codes(select=["narrative"])
    assert {"NARRATIVE_SCORE", "NARRATIVE_BUDGET", "NARRATIVE_EXECUTED", "NARRATIVE_RATE"} <= narrative
    assert all(load_ruleset().get(c).group == "narrative" for c in narrative)
    assert codes(select=["NARRATIVE_*"]) == {c for c in codes() if c.startswith("NARRATIVE_")}
    assert "PROJECT_TOPIC" not in codes(ignore=["project_topic_mismatch"])
    assert load_ruleset(severity={"PROJECT_TOPIC": "info"}).get("PROJECT_TOPIC").severity == "info"


def test_user_lexicon_extends_the_builtin_one(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "topics.yaml").write_text(
        "name: topics\nentries:\n  养老保险:\n    words: [城乡居保]\n  文化:\n    words: [非遗]\n", encoding="utf-8"
    )
    lexicon = load_ruleset([tmp_path]).lexicons["topics"]
    assert "城乡居保" in lexicon["养老保险"]["words"] and "养老金" in lexicon["养老保险"]["words"]
    assert lexicon["文化"]["words"] == ["非遗"]


def test_builtin_rules_are_a_copyable_directory(tmp_path):
    """A user can start their own rules directory from a copy of a built-in group."""
    shutil.copytree(builtin_dir() / "scores", tmp_path / "scores")
    with pytest.raises(RuleSetError, match="already defined"):
        load_ruleset([tmp_path])


def _profile(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(f"name: {name}\n{text}", encoding="utf-8")
    return path


def _profile_errors(tmp_path: Path, profile: str) -> list[str]:
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path], profile=profile)
    return [str(e) for e in info.value.errors]


def test_a_bad_funding_scheme_is_reported_at_the_profile(tmp_path):
    """The author of a profile must be sent to their own file, not to the built-in rule that reads it."""
    path = _profile(tmp_path, "mine", "funding_weight: 10\nfunding_score:\n  - {type: stepped}\n")
    errors = _profile_errors(tmp_path, "mine")
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}:3: "), errors[0]
    assert "{type: linear}" in errors[0]


def test_a_profile_value_a_rule_cannot_use_names_the_profile_and_the_rule(tmp_path):
    """A value the profile itself accepts, but a rule's own type refuses, points at the profile setting."""
    path = _profile(tmp_path, "mine", "low_execution_threshold: 90\n")
    rule = (builtin_dir() / "funding" / "FUNDING_LOW_EXPLAIN.yaml").read_text(encoding="utf-8")
    write_rule(
        tmp_path,
        rule.replace("code: FUNDING_LOW_EXPLAIN", "code: MY_RULE").replace(
            "${profile.low_execution_threshold}\n", "${profile.grades}\n", 1
        ),
    )
    errors = _profile_errors(tmp_path, "mine")
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}:"), errors[0]
    assert "grades: unusable by rule MY_RULE" in errors[0]


@pytest.mark.parametrize(
    "kind",
    [
        "missing_category",
        "score_inconsistent_with_actual",
        "execution_exceeds_budget",
        "claim_contradiction",
        "missing_value",
        "unfilled_template",
        "category_misplacement",
        "copied_content",
    ],
)
def test_a_rule_may_declare_each_kind_the_contract_added(tmp_path, kind):
    write_rule(tmp_path, mine(GOOD).replace("kind: score_exceeds_weight", f"kind: {kind}"))
    assert load_ruleset([tmp_path]).get("MY_RULE").kind == kind


def test_every_kind_has_a_label_in_both_languages():
    from auditor.i18n import TEXT
    from auditor.issue import KINDS

    assert len(set(KINDS)) == len(KINDS)
    for kind in KINDS:
        assert TEXT["zh"].get(f"kind.{kind}") and TEXT["en"].get(f"kind.{kind}"), kind


@pytest.mark.parametrize(
    "names,words",
    [
        ("[]", "give exactly one of"),
        ("[产出, '']", "none empty"),
        ("[产出|效益]", "none empty or holding '|'"),
    ],
)
def test_must_include_lists_names(tmp_path, names, words):
    text = (builtin_dir() / "scores" / "REQUIRED_CATEGORIES.yaml").read_text(encoding="utf-8")
    text = text.replace("code: REQUIRED_CATEGORIES", "code: MY_RULE").replace(
        "must_include: [产出, 效益]", f"must_include: {names}"
    )
    errors = errors_for(tmp_path, text)
    assert len(errors) == 1 and words in errors[0], errors


# A rule type made of one file, as a new type in auditor/ruletypes/ is: its spec, check, message values.
TOY_TYPE = '''
"""multiple_of: a figure is a whole multiple of `step` (a toy rule type)."""
from typing import Literal

from auditor.ruletypes import register
from auditor.ruletypes.base import RuleBase, RuleType
from auditor.ruletypes.figures import missing, verdicts


class MultipleOfRule(RuleBase):
    type: Literal["multiple_of"]
    value: str
    step: int = 5


def check(df, rule, lexicons):
    return verdicts((missing(v) or v % rule.step == 0 for v in df[rule.value]), df)


def describe(rule, frame, index, row, lexicons, cache):
    return {"nearest": str(round(row[rule.value] / rule.step) * rule.step)}


TYPE = register(RuleType(spec=MultipleOfRule, check=check, describe=describe, computes=("nearest",),
                         skip_missing=True, reads=lambda rule: [rule.value, "doc"]))
'''

TOY_RULE = """code: WEIGHT_STEP
kind: score_exceeds_weight
severity: warning
type: multiple_of
entity: indicators
value: weight
at: weight
title: {zh: 分值为5的倍数, en: A weight is a multiple of 5}
message: {zh: "分值 {weight} 不是5的倍数", en: "weight {weight} is no multiple of 5"}
expected: "{nearest}"
found: "{weight}"
rationale: {zh: 示例, en: an example}
cases:
  pass:
    - name: ten
      rows: [{doc: a.txt, weight: "10"}]
  fail:
    - name: twelve
      rows: [{doc: a.txt, weight: "12"}]
      expect: [{found: "12", expected: "10"}]
"""

TOY_RUN = """
import json, sys
sys.path.insert(0, sys.argv[1])
import toy_type  # noqa: F401 - registers multiple_of, before any rule is loaded

from auditor.engine.compile import compile_rule
from auditor.engine.direct import run_rule
from auditor.engine.spark.validate import group_wise
from auditor.engine.validate import validate
from auditor.ruleset import spec
from auditor.ruleset.loader import RuleSet, RuleSetError, load_ruleset
from auditor.tabulate import frame_from_rows

ruleset = load_ruleset([sys.argv[2]])
rule = ruleset.get("WEIGHT_STEP")
[(entity, expectation)] = compile_rule(rule, ruleset.lexicons)
rows = [{"doc": "a.txt", "weight": "10"}, {"doc": "b.txt", "weight": "12"}, {"doc": "c.txt", "weight": None}]
frame = frame_from_rows("indicators", rows)
issues = validate({"indicators": frame}, RuleSet(rules=[rule], profile=ruleset.profile, lexicons=ruleset.lexicons))
try:
    load_ruleset([sys.argv[3]])
    bad = None
except RuleSetError as exc:
    bad = [str(e) for e in exc.errors]
print(json.dumps({
    "types": list(spec.RULE_TYPES), "model": type(rule).__name__, "entity": entity,
    "expectation": expectation.configuration.to_json_dict(), "group_wise": group_wise(rule),
    "direct": run_rule(rule, frame, {}).tolist(),
    "issues": [[i.doc, i.message, i.messages["en"], i.expected, i.found] for i in issues], "bad": bad,
}, ensure_ascii=False))
"""


def test_a_rule_type_in_one_file_is_loaded_compiled_run_and_described(tmp_path):
    """The toy type's one file is all it takes: the loader, compile step, GX, the direct runner, describe, Spark."""
    import json
    import subprocess
    import sys

    (tmp_path / "toy_type.py").write_text(TOY_TYPE, encoding="utf-8")
    (tmp_path / "run_toy.py").write_text(TOY_RUN, encoding="utf-8")
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir(), bad.mkdir()
    write_rule(good, TOY_RULE, "WEIGHT_STEP")
    write_rule(bad, TOY_RULE.replace("value: weight", "value: weight\nstepp: 5"), "WEIGHT_STEP")
    # NOTE: a child process, because a type registers before the loader builds its union of types
    done = subprocess.run(
        [sys.executable, str(tmp_path / "run_toy.py"), str(tmp_path), str(good), str(bad)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert "multiple_of" in out["types"] and out["model"] == "MultipleOfRule" and out["entity"] == "indicators"
    assert out["expectation"]["type"] == "expect_auditor_multiple_of"
    assert out["expectation"]["kwargs"] == {
        "column_list": ["weight", "doc"],
        "value": "weight",
        "ignore_row_if": "any_value_is_missing",
    }  # step 5 is the default
    assert out["group_wise"] is False and out["direct"] == [True, False, True]
    assert out["issues"] == [["b.txt", "分值 12 不是5的倍数", "weight 12 is no multiple of 5", "10", "12"]]
    assert len(out["bad"]) == 1 and "bad/mine/WEIGHT_STEP.yaml:7: unknown key 'stepp'" in out["bad"][0]


def test_a_rule_type_registered_after_rules_are_loaded_is_refused():
    """The loader's union of types is built once: a late type would be unseen, so it is an error."""
    from typing import Literal

    from auditor.ruletypes import TYPES, register
    from auditor.ruletypes.base import RuleBase, RuleType

    class LateRule(RuleBase):
        type: Literal["late"]

    load_ruleset()
    with pytest.raises(RuntimeError, match="before loading rules"):
        register(RuleType(spec=LateRule, check=lambda df, rule, lexicons: None, reads=lambda rule: []))
    assert "late" not in TYPES


@pytest.mark.parametrize(
    "change,line,words",
    [
        (
            lambda t: t.replace("left: score", "left: scroe"),
            6,
            (
                "unknown column 'scroe' of entities funding, indicators; did you mean 'score'? "
                "see `auditor rules columns funding`"
            ),
        ),
        (
            lambda t: t.replace("en: score {score} exceeds its weight {weight}", "en: score {score} exceeds {wieght}"),
            14,
            (
                "unknown placeholder '{wieght}' in message.en: neither a column of entity funding nor a value compare "
                "computes (it computes none); did you mean '{weight}'?"
            ),
        ),
        (lambda t: t.replace("at: score", "at: scroe"), 10, "unknown column 'scroe'"),
        (lambda t: t.replace('found: "{score}"', 'found: "{score_text}"'), 16, "write '{score}'"),
        (lambda t: t.replace('expected: "<= {weight}"', 'expected: "<= {weight_loc}"'), 15, "where a value stands"),
        (lambda t: t.replace('found: "{score}"', 'found: "{score"'), 16, "write a literal brace as {{ or }}"),
        (
            lambda t: t.replace(
                'rows: [{doc: a.txt, project: P, score: "85"', 'rows: [{doc: a.txt, project: P, scroe: "85"'
            ),
            28,
            "unknown column 'scroe' of entity funding in case 'an execution rate typed as the score'",
        ),
    ],
)
def test_names_the_data_lacks_are_errors_at_their_line(tmp_path, change, line, words):
    """A misspelled column or placeholder would load and print "—" at run time: it is one error at its line."""
    text = change(mine(GOOD))
    assert text != mine(GOOD)
    errors = errors_for(tmp_path, text)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / 'mine' / 'MY_RULE.yaml'}:{line}: "), errors[0]
    assert words in errors[0], errors[0]


def test_a_placeholder_its_type_computes_or_a_rate_reading_is_accepted(tmp_path):
    text = (builtin_dir() / "funding" / "FUNDING_RATE.yaml").read_text(encoding="utf-8")
    text = text.replace("code: FUNDING_RATE", "code: MY_RULE").replace('found: "{rate}"', 'found: "{rate_read}"')
    write_rule(tmp_path, text)
    assert load_ruleset([tmp_path]).get("MY_RULE").found == "{rate_read}"
    errors = errors_for(tmp_path, text.replace('found: "{rate_read}"', 'found: "{sum}"'))
    assert len(errors) == 1 and "a value ratio computes (computed)" in errors[0], errors
