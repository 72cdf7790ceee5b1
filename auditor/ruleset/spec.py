"""What a rule file may say: shared keys plus the keys of its rule type.

The set of rule types is closed. Each is a pydantic model with unknown keys
forbidden, so a typo in a rule file is an error at `file:line`, never a rule
that silently checks nothing. How a type becomes Great Expectations
expectations lives in `auditor.engine`; this module only says *what* is
checked (the split pandera makes between check specs and backends).
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor.issue import KINDS, SEVERITIES

CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,40}$")
ENTITIES = ("documents", "projects", "funding", "indicators", "scores", "narratives", "texts")


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
    code: str
    kind: str
    severity: Literal["error", "warning", "info"]
    entity: str | list[str]
    title: Text
    message: Text
    rationale: Text
    expected: str = ""
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


Op = Literal["<=", ">=", "==", "<", ">"]


class CompareRule(RuleBase):
    """`left op right` between two figures of the same row, at the precision they were printed."""

    type: Literal["compare"]
    left: str
    op: Op
    right: str
    tolerance: Literal["exact", "printed"] = "printed"

    def columns(self) -> list[str]:
        return [self.left, self.right, *self.where]


class RatioRule(RuleBase):
    """A stated ratio (执行率) against numerator / denominator × scale, rounding-aware (domain §6)."""

    type: Literal["ratio"]
    stated: str
    numerator: str
    denominator: str
    scale: int = 100

    def columns(self) -> list[str]:
        return [self.stated, self.numerator, self.denominator, *self.where]


class GroupSumRule(RuleBase):
    """The sum of item rows in a group against the group's stated total row."""

    type: Literal["group_sum"]
    group_by: list[str] = Field(min_length=1)
    role: str = "role"
    items: list[str] = Field(min_length=1)  # role values that are summed
    total: str  # role value of the row stating the total
    value: str  # column summed over the items
    total_value: str  # column of the total row compared with the sum
    op: Literal["==", "<="] = "=="
    default_total: dict[str, Any] = {}  # {"by": column, "values": {key: number}} when no total is stated
    require_items: bool = True

    @model_validator(mode="after")
    def _defaults(self):
        if self.default_total and set(self.default_total) != {"by", "values"}:
            raise ValueError("default_total takes exactly two keys: 'by' (a column) and 'values' (a mapping)")
        return self

    def columns(self) -> list[str]:
        return [*self.group_by, self.role, self.value, self.total_value]


class TopicRule(RuleBase):
    """A text must speak of its project's topic, from a lexicon of topics and their words."""

    type: Literal["topic"]
    name: str = "project"
    text: str = "text"
    lexicon: str
    strip_name: bool = True  # a text restating the project's name says nothing of its topic

    def columns(self) -> list[str]:
        return [self.name, self.text, *self.where]


Rule = Annotated[Union[CompareRule, RatioRule, GroupSumRule, TopicRule], Field(discriminator="type")]
RULE_TYPES = ("compare", "ratio", "group_sum", "topic")
