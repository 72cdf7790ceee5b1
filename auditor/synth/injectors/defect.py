"""What an injector returns: the `Defect` it made, the label a recall test checks a finding against."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from auditor.synth.model import Report


@dataclass
class Defect:
    """What was injected and what a checker should report.

    `project` is the name in the project's own table (None for the opening's count); `found`
    is what a checker would quote: the stated value as printed, or for a 一级 cap the rows'
    sum; `expected` is what consistency requires (None where no single value is right);
    `also` lists kinds a faithful checker may report as well; `where` is the part of the
    document: table, narrative, opening, attachment or prose (the prose section)."""

    kind: str
    project: str | None
    description: str
    found: str
    expected: str | None = None
    also: list[str] = field(default_factory=list)
    where: str = "table"

    def as_dict(self) -> dict:
        return asdict(self)


Injector = Callable[[Report, random.Random, set], "Defect | None"]


def injects(kind: str, prose: bool = False) -> Callable[[Injector], Injector]:
    """Mark a function of a family module as an injector of `kind`; the package's __init__ registers it.
    `prose`: it changes the report's prose section (auditor.synth.prose), so it needs one.

    NOTE: a mark, not a registration, so that the family modules need nothing from the
    package's __init__ and the registry imports them without an import circle.
    """

    def mark(fn: Injector) -> Injector:
        fn.injects = kind
        fn.prose = prose
        return fn

    return mark
