"""Labelled defects: one injector per issue-contract `kind` that a document can carry.

An injector changes one stated figure or text of a consistent report and returns a `Defect`
that says what a checker should find there. Each is designed to break exactly one rule: what
it changes on purpose is re-derived downstream (a changed 执行率 moves its 得分, 总分 and the
prose with it), and where a second rule cannot be kept intact, that rule's kind is listed in
`Defect.also` so a recall test can tell collateral findings from false alarms.

This module is the registry. The injectors live in one module per family of defects
(`funding`, `prose`, `table`, `words`), marked with `defect.injects(kind)`; the helpers they
share are in `helpers`. The kinds are the issue contract's (`auditor.issue.KINDS`): an injector
for a kind the contract does not know is refused when it registers.
"""

from __future__ import annotations

import copy as _copy
import random
from collections.abc import Callable

import auditor.issue as issue
from auditor.synth.injectors import funding, prose, table, words
from auditor.synth.injectors.defect import Defect, Injector
from auditor.synth.model import Report

__all__ = ["INJECTORS", "KINDS", "Defect", "Injector", "inject", "injectable_kinds", "register"]

INJECTORS: dict[str, Injector] = {}


def register(kind: str) -> Callable[[Injector], Injector]:
    """Register `fn` as the injector of contract kind `kind` (a decorator)."""
    if kind not in issue.KINDS:
        raise ValueError(f"{kind!r} is not a kind of the issue contract (auditor.issue.KINDS)")

    def wrap(fn: Injector) -> Injector:
        INJECTORS[kind] = fn
        return fn

    return wrap


def _register_families() -> None:
    for family in (funding, prose, table, words):
        for fn in vars(family).values():
            if callable(fn) and getattr(fn, "__module__", None) == family.__name__ and hasattr(fn, "injects"):
                register(fn.injects)(fn)


def inject(
    report: Report, kind: str, rng: random.Random, *, copy: bool = True, taken: set[str] | None = None
) -> tuple[Report, Defect | None]:
    """Inject one defect of `kind` into `report` (a deep copy unless copy=False).

    `taken` names projects that already carry a defect; the injector avoids them and returns
    None when it cannot (several defects in one report never touch the same project).
    """
    if kind not in INJECTORS:
        raise ValueError(f"no injector for kind {kind!r}; injectable: {', '.join(injectable_kinds())}")
    target = _copy.deepcopy(report) if copy else report
    return target, INJECTORS[kind](target, rng, taken or set())


def injectable_kinds() -> tuple[str, ...]:
    """The kinds with an injector, in the issue contract's order."""
    return tuple(k for k in issue.KINDS if k in INJECTORS)


_register_families()

#: Kinds a generated document can carry: the contract's kinds that have an injector
#: (unreadable_input and extraction_incomplete belong to broken files, not to reports).
KINDS = injectable_kinds()
