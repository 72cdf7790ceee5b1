"""What a rule file may say: shared keys plus the keys of its rule type.

The set of rule types is closed: each is one module of `auditor.ruletypes`,
whose pydantic model forbids unknown keys, so a typo in a rule file is an error
at `file:line`, never a rule that silently checks nothing. This module is the
loader's view of them: `Rule`, the union of every registered type's model
discriminated by `type:`, and `RULE_TYPES`, their names. How a type becomes
Great Expectations expectations lives in `auditor.engine`; this says only
*what* is checked (the split pandera makes between check specs and backends).
"""

from __future__ import annotations

from auditor.ruletypes import TYPES, rule_union
from auditor.ruletypes.band import check_bands
from auditor.ruletypes.base import CODE, ENTITIES, Case, Cases, Op, RuleBase, Strict, Text
from auditor.ruletypes.rate_score import check_schemes
from auditor.ruletypes.require import LIST_SEPARATOR

__all__ = [
    "CODE",
    "ENTITIES",
    "LIST_SEPARATOR",
    "Case",
    "Cases",
    "Op",
    "RuleBase",
    "Strict",
    "Text",
    "check_bands",
    "check_schemes",
]


def __getattr__(name: str):
    """`Rule` and `RULE_TYPES` from the registry, and each type's model by its class name (`CompareRule`)."""
    if name == "Rule":
        return rule_union()
    if name == "RULE_TYPES":
        return tuple(TYPES)
    for rule_type in TYPES.values():
        if rule_type.spec.__name__ == name:
            return rule_type.spec
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
