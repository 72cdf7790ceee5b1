"""What every rule type shares: the keys every rule file has, and the record a rule type registers.

A rule type is one module of this package holding its spec (a pydantic model
of its keys), its check (which rows of a pandas frame hold), what it puts into
the message of a failing row, and whether it works on groups of rows. This
package says *what* is checked and computes it on pandas; how a type runs in
Great Expectations is derived from its record in `auditor.engine` (the split
pandera makes between check specs and backends). Nothing here imports Great
Expectations or `auditor.engine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.entities import ENTITIES as ENTITY_COLUMNS
from auditor.issue import KINDS

CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,40}$")
ENTITIES = tuple(ENTITY_COLUMNS)

Op = Literal["<=", ">=", "==", "!=", "<", ">"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in Chinese and English; Chinese is what users read by default."""

    zh: str
    en: str


class Case(Strict):
    """An example the rule must get right: the rows of one entity and the findings expected."""

    name: str
    entity: str | None = None
    rows: list[dict[str, Any]]
    expect: list[dict[str, str]] = []


class Cases(Strict):
    pass_: list[Case] = Field(alias="pass", min_length=1)
    fail: list[Case] = Field(min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RuleBase(Strict):
    """The shared keys of every rule file; a rule type's spec adds `type: Literal[...]` and its own keys."""

    code: str
    kind: str
    severity: Literal["error", "warning", "info"]
    entity: str | list[str]
    title: Text
    message: Text
    rationale: Text
    expected: str | Text = ""  # a template; a {zh, en} pair where the words differ by language
    found: str = ""
    at: str | None = None  # the field whose cell the finding points at
    where: dict[str, Any] = {}
    cases: Cases
    group: str = ""  # filled from the folder the file stands in

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE.match(v):
            raise ValueError("a rule code is UPPER_SNAKE_CASE, 3 to 41 characters, e.g. SCORE_LE_WEIGHT")
        return v

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(f"unknown kind '{v}'; use one of: {', '.join(KINDS)}")
        return v

    @field_validator("entity")
    @classmethod
    def _entity(cls, v):
        for name in [v] if isinstance(v, str) else v:
            if name not in ENTITIES:
                raise ValueError(f"unknown entity '{name}'; use one of: {', '.join(ENTITIES)}")
        return v

    @property
    def entities(self) -> list[str]:
        return [self.entity] if isinstance(self.entity, str) else list(self.entity)

    def columns(self) -> list[str]:
        """The figure or text columns the rule reads (used to check case rows and frames)."""
        return list(self.where)


def no_values(rule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """A type whose messages need nothing but the row's own values."""
    return {}


@dataclass(frozen=True)
class RuleType:
    """One rule type as auditor knows it; every list of types (the loader's, the engine's) is made of these.

    - `spec`: the pydantic model of a rule file of this type; its `type: Literal["name"]` names the type,
      and its own keys (those RuleBase lacks) are the parameters `check` reads and GX carries.
    - `check(rows, rule, lexicons)`: True for each row of `rows` that holds. `rule` is the spec, or in GX
      one rebuilt from the expectation's parameters (`model_construct`: the keys are there, the shared
      ones may not be). A type reading a lexicon names it in a key `lexicon` (a field or a property).
    - `reads(rule)`: the columns `check` reads, in order (GX's `column_list`).
    - `describe(rule, frame, index, row, lexicons, cache)`: the values the type adds for the message
      templates of one failing row (`{computed}`, `{sum}`, ...); `cache` lives for one rule and frame,
      and holds under "failing" the index of every failing row to describe.
      An `evidence` value replaces the row's evidence.
    - `computes`: the names `describe` gives values to (a tuple, or a function of the rule giving one),
      so the loader can tell a placeholder nothing fills; None for a type that does not say.
    - `group_wise`: `check` and `describe` need every row of the failing row's document (Spark
      fetches them).
    - `skip_missing`: a row missing any column of `reads` holds without being checked.
    - `expectation`: the name of its GX expectation (`expect_auditor_<name>`), the type's name by default.
    - `builtin(rule, lexicons) -> (name, kwargs)`: one of GX's own expectations to use instead of ours.
    """

    spec: type[RuleBase]
    check: Callable[[Any, Any, dict], Any]
    reads: Callable[[Any], list[str]]
    describe: Callable[..., dict[str, str]] = no_values
    computes: tuple[str, ...] | Callable[[Any], tuple[str, ...]] | None = ()
    group_wise: bool = False
    skip_missing: bool = False
    expectation: str = ""
    builtin: Callable[[Any, dict], tuple[str, dict[str, Any]]] | None = None

    @property
    def name(self) -> str:
        return self.spec.model_fields["type"].annotation.__args__[0]

    @property
    def keys(self) -> tuple[str, ...]:
        """The type's own keys, in the order the spec declares them."""
        return tuple(k for k in self.spec.model_fields if k != "type" and k not in RuleBase.model_fields)

    @property
    def metric(self) -> str:
        return self.expectation or self.name

    def params(self, rule) -> dict[str, Any]:
        """The values of the type's own keys in `rule`: what its expectation carries."""
        return {k: getattr(rule, k) for k in self.keys}


def columns(*names) -> list[str]:
    """Column names without blanks or repeats, in order."""
    return list(dict.fromkeys(n for n in names if n))
