"""Every rule type is one module of auditor.ruletypes; what the engine makes of it follows from its record."""

import subprocess
import sys

import pytest

from auditor.engine import describe
from auditor.engine.validate import validate
from auditor.ruleset.loader import RuleSet, load_ruleset
from auditor.ruletypes import TYPES, type_of
from auditor.ruletypes.base import RuleBase
from auditor.tabulate import frame_from_rows

RULESET = load_ruleset()
OURS = [t for t in TYPES.values() if t.builtin is None]


@pytest.mark.parametrize("rule_type", OURS, ids=[t.name for t in OURS])
def test_a_types_expectation_has_its_specs_own_keys_and_defaults(rule_type):
    from auditor.engine.expectations import expectation_class

    cls = expectation_class(rule_type)
    spec = rule_type.spec.model_fields
    assert cls.map_metric == f"auditor.{rule_type.metric}" and cls.success_keys == (
        "column_list",
        *rule_type.keys,
        "mostly",
    )
    for key in rule_type.keys:
        assert key in cls.__fields__ and key not in RuleBase.model_fields
        assert cls.__fields__[key].required == spec[key].is_required(), key
        if not spec[key].is_required():
            assert cls.__fields__[key].default == spec[key].default, key
    assert expectation_class(rule_type) is cls  # made once: GX registers it by name


def test_describe_gives_only_the_names_its_type_says_it_computes(monkeypatch):
    """The loader refuses a placeholder nothing fills; a type's `computes` must cover what its describe gives."""
    given: dict[str, set] = {}
    original = describe.extras

    def recording(rule, *args):
        values = original(rule, *args)
        given.setdefault(rule.code, set()).update(values)
        return values

    monkeypatch.setattr(describe, "extras", recording)
    for rule in RULESET.rules:
        one = RuleSet(rules=[rule], profile=RULESET.profile, lexicons=RULESET.lexicons, profiles=RULESET.profiles)
        for case in rule.cases.fail:
            entity = case.entity or rule.entities[0]
            validate({entity: frame_from_rows(entity, case.rows)}, one)
    assert set(given) == {r.code for r in RULESET.rules}  # every rule's fail cases were described
    for code, names in given.items():
        rule = RULESET.get(code)
        computes = type_of(rule).computes
        declared = set(computes(rule) if callable(computes) else computes)
        assert names <= declared, (code, names - declared)


def test_the_rule_types_import_neither_great_expectations_nor_the_engine():
    code = (
        "import sys\nimport auditor.ruletypes, auditor.ruleset.spec\n"
        "heavy = ('great_expectations', 'auditor.engine', 'pyspark')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert out.stdout.strip() == "[]", (out.stdout, out.stderr)
