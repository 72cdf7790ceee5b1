"""The names a rule may use: the columns of its entities, and the values its type computes."""

from auditor.entities import columns_of
from auditor.ruleset.loader import load_ruleset
from auditor.ruleset.names import computed, placeholders, read_columns

RULESET = load_ruleset()


def test_a_figure_is_its_text_and_a_locator_is_no_placeholder():
    names = placeholders("funding")
    assert {"budget", "rate_percent", "rate_read", "rate_read_en", "notes"} <= names
    assert not names & {"budget_text", "budget_loc", "loc", "rate_percent_text"}
    assert "rate_read" not in placeholders("indicators")


def test_every_builtin_rule_reads_only_columns_of_its_entities():
    for rule in RULESET.rules:
        for entity in rule.entities:
            assert set(read_columns(rule)) <= set(columns_of(entity)), (rule.code, entity)


def test_every_builtin_rule_type_says_what_it_computes():
    """A type that does not say (None) would leave its rules' placeholders unchecked."""
    assert all(computed(rule) is not None for rule in RULESET.rules)
