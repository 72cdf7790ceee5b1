"""Labelled defects: one injector per issue-contract `kind` that a document can carry.

An injector changes one stated figure or text of a consistent report and returns a `Defect`
that says what a checker should find there. Each is designed to break exactly one rule: what
it changes on purpose is re-derived downstream (a changed 执行率 moves its 得分, 总分 and the
prose with it), and where a second rule cannot be kept intact, that rule's kind is listed in
`Defect.also` so a recall test can tell collateral findings from false alarms.

This module is the registry. The injectors live in one module per family of defects
(`funding`, `prose`, `table`, `words`, and `prose_claims` for the report's prose section),
marked with `defect.injects(kind)`; the helpers they share are in `helpers`. The kinds are the
issue contract's (`auditor.issue.KINDS`): an injector for a kind the contract does not know is
refused when it registers.

A kind may have several injectors, kept in the order they register: a defect in a table and the
same defect in the prose section (a rate beside its amounts in a table row, or in a sentence).
`inject` draws one of those the report can carry (a prose injector needs a prose section) and
tries the others if it cannot place its defect. The draw, and everything a prose injector draws,
comes from a generator derived from `rng` without drawing from it (`prose.side_rng`): a report
without a prose section gets exactly the defect it got when each kind had one injector.
"""

from __future__ import annotations

import copy as _copy
import random
from collections.abc import Callable

import auditor.issue as issue
from auditor.synth.forms import kinds_for
from auditor.synth.injectors import funding, prose, prose_claims, table, words
from auditor.synth.injectors.defect import Defect, Injector
from auditor.synth.model import Report
from auditor.synth.prose import side_rng

__all__ = ["INJECTORS", "KINDS", "PROSE_KINDS", "Defect", "Injector", "inject", "injectable_kinds", "register"]

#: kind -> its injectors, in the order they registered (the table's first, then the prose section's)
INJECTORS: dict[str, tuple[Injector, ...]] = {}
VARIANTS = ("table", "prose")


def register(kind: str) -> Callable[[Injector], Injector]:
    """Register `fn` as an injector of contract kind `kind` (a decorator); a kind may have several."""
    if kind not in issue.KINDS:
        raise ValueError(f"{kind!r} is not a kind of the issue contract (auditor.issue.KINDS)")

    def wrap(fn: Injector) -> Injector:
        if fn not in INJECTORS.get(kind, ()):
            INJECTORS[kind] = (*INJECTORS.get(kind, ()), fn)
        return fn

    return wrap


def variant_of(fn: Injector) -> str:
    """ "prose" for an injector of the prose section, "table" for every other (tables, 自评综述, opening …)."""
    return "prose" if getattr(fn, "prose", False) else "table"


def _register_families() -> None:
    for family in (funding, prose, table, words, prose_claims):
        for fn in vars(family).values():
            if callable(fn) and getattr(fn, "__module__", None) == family.__name__ and hasattr(fn, "injects"):
                register(fn.injects)(fn)


def inject(
    report: Report,
    kind: str,
    rng: random.Random,
    *,
    copy: bool = True,
    taken: set[str] | None = None,
    variant: str | None = None,
) -> tuple[Report, Defect | None]:
    """Inject one defect of `kind` into `report` (a deep copy unless copy=False).

    `taken` names projects that already carry a defect; the injector avoids them and returns
    None when it cannot (several defects in one report never touch the same project).
    `variant` ("table" or "prose") keeps to the injectors of that part; by default any the
    report can carry, one drawn, then the others in turn.
    """
    if kind not in INJECTORS:
        raise ValueError(f"no injector for kind {kind!r}; injectable: {', '.join(injectable_kinds())}")
    if variant is not None and variant not in VARIANTS:
        raise ValueError(f"no variant {variant!r}; variants: {', '.join(VARIANTS)}")
    target = _copy.deepcopy(report) if copy else report
    able = [
        fn
        for fn in INJECTORS[kind]
        if (variant is None or variant_of(fn) == variant) and (target.prose is not None or variant_of(fn) != "prose")
    ]
    if len(able) > 1 and kind not in kinds_for(target.form, target.look):
        able = [fn for fn in able if variant_of(fn) == "prose"]  # NOTE: the table of this form cannot show it
    if not able:
        return target, None
    side = side_rng(rng, "defect") if target.prose is not None else None
    if len(able) > 1:
        first = int(side.random() * len(able))
        able = able[first:] + able[:first]
    for fn in able:
        defect = fn(target, side if variant_of(fn) == "prose" else rng, taken or set())
        if defect is not None:
            return target, defect
    return target, None


def injectable_kinds(variant: str | None = None) -> tuple[str, ...]:
    """The kinds with an injector (of `variant`, "table" or "prose", if given), in the issue contract's order."""
    return tuple(
        k
        for k in issue.KINDS
        if k in INJECTORS and (variant is None or any(variant_of(fn) == variant for fn in INJECTORS[k]))
    )


_register_families()

#: Kinds a generated document can carry: the contract's kinds that have an injector
#: (unreadable_input and extraction_incomplete belong to broken files, not to reports).
KINDS = injectable_kinds()
#: Kinds the prose section can carry (some of them also in the tables).
PROSE_KINDS = injectable_kinds("prose")
