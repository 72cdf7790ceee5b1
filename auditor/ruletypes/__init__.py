"""The rule types: one module each, registered here, and every list of types derived from this registry.

A module of this package that defines `TYPE = RuleType(...)` (see `base`) is a
rule type; nothing else needs to change to add one. The loader's `Rule` union,
the engine's expectations and compile step, the description of failing rows,
the direct runner and Spark's group-wise rules all ask this registry.

A type defined elsewhere (a test, a plugin) calls `register` before any rule
is loaded: the loader builds its union of types once.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Any, Union

from pydantic import Field

from auditor.ruletypes.base import RuleBase, RuleType

#: Every rule type by its name (the value of `type:` in a rule file), in module-name order.
TYPES: dict[str, RuleType] = {}
_UNION: Any = None  # the union, once the loader has it: a type registered later would go unseen


def register(rule_type: RuleType) -> RuleType:
    """Add a rule type; its name must be new, and rules must not have been loaded yet."""
    name = rule_type.name
    if TYPES.get(name) is rule_type:
        return rule_type
    if name in TYPES:
        raise ValueError(f"rule type {name!r} is already registered (by {TYPES[name].spec.__module__})")
    if _UNION is not None:
        raise RuntimeError(
            f"rule type {name!r} registered after the loader built its union of types; register it before loading rules"
        )
    TYPES[name] = rule_type
    return rule_type


def rule_union():
    """The discriminated union of every registered spec, by `type:` (what the loader validates with)."""
    global _UNION
    if _UNION is None:
        specs = tuple(t.spec for t in TYPES.values())
        _UNION = Annotated[Union[specs], Field(discriminator="type")]  # noqa: UP007 - a union made at run time
    return _UNION


def type_of(rule) -> RuleType:
    """The registered type of a rule."""
    return TYPES[rule.type]


def _discover() -> None:
    for module in pkgutil.iter_modules(__path__):
        found = getattr(importlib.import_module(f"{__name__}.{module.name}"), "TYPE", None)
        if isinstance(found, RuleType):
            register(found)


_discover()

__all__ = ["RuleBase", "RuleType", "TYPES", "register", "rule_union", "type_of"]
