"""Rule specs → Great Expectations expectations, the same way for every rule type.

`compile_rule` is what `auditor rules compile CODE` prints, and what the
validator adds to each entity's suite. Every expectation carries the rule
code in `meta`, because GX returns results in another order than the suite.
Where GX has the expectation already (null, not null, regex: a type's
`builtin`), it is used; the arithmetic of the domain goes through our own,
made from the type's spec (`engine.expectations`): its columns (`reads`), its
own keys and the rule's `where:` as a row condition.
"""

from __future__ import annotations

from typing import Any

from auditor.ruletypes import RuleType, type_of
from auditor.ruletypes.require import lexicon_words  # noqa: F401 - where callers found it
from auditor.ruletypes.where import clauses


def _condition(where: dict[str, Any]):
    """A rule's `where:` (its meaning in `auditor.ruletypes.where`) as a GX row condition.

    NOTE: Column objects, since GX deprecated the pandas string parser.
    """
    from great_expectations.expectations.row_conditions import Column

    condition = None
    for column, test, value in clauses(where):
        if test == "is_null":
            part = Column(column).is_null()
        elif test == "is_not_null":
            part = Column(column).is_not_null()
        elif test == "is_in":
            part = Column(column).is_in(value)
        else:
            part = Column(column) == value
        condition = part if condition is None else condition & part
    return condition


def compile_rule(rule, lexicons: dict[str, dict]) -> list[tuple[str, Any]]:
    """(entity, expectation) pairs for one rule: one per entity the rule runs on."""
    from auditor.engine.spark.session import before_pyspark

    before_pyspark()  # NOTE: GX imports pyspark, which ended a `python -c` compiling rules before validating
    from auditor.engine import expectations as X

    common: dict[str, Any] = {"meta": {"rule": rule.code}}
    if rule.where:
        common["row_condition"] = _condition(rule.where)
    rule_type = type_of(rule)
    lexicon = getattr(rule, "lexicon", None)
    if lexicon:
        X.LEXICONS[lexicon] = lexicons[lexicon]
    return [(entity, _expectation(X, rule_type, rule, lexicons, common)) for entity in rule.entities]


def _expectation(X, rule_type: RuleType, rule, lexicons: dict[str, dict], common: dict[str, Any]):
    """GX's own expectation where the type names one, else the type's expectation made from its spec."""
    if rule_type.builtin is not None:
        import great_expectations as gx

        name, kwargs = rule_type.builtin(rule, lexicons)
        return getattr(gx.expectations, name)(**kwargs, **common)
    return X.expectation_class(rule_type)(
        column_list=rule_type.reads(rule),
        **rule_type.params(rule),
        ignore_row_if="any_value_is_missing" if rule_type.skip_missing else "never",
        **common,
    )
