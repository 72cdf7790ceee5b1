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

from auditor.entities import ENTITIES as ENTITY_COLUMNS
from auditor.issue import KINDS

CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,40}$")
ENTITIES = tuple(ENTITY_COLUMNS)


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


Op = Literal["<=", ">=", "==", "!=", "<", ">"]


class CompareRule(RuleBase):
    """`left op right` between two figures of a row (or `left op value`), at their printed precision."""

    type: Literal["compare"]
    left: str
    op: Op
    right: str | None = None
    value: float | None = None
    tolerance: Literal["exact", "printed"] = "printed"
    unit_aware: bool = False  # a pair 10,000 apart is a unit error, left to a unit_scale rule

    @model_validator(mode="after")
    def _one_right(self):
        if (self.right is None) == (self.value is None):
            raise ValueError("give exactly one of 'right' (a column) and 'value' (a number)")
        return self

    def columns(self) -> list[str]:
        return [c for c in (self.left, self.right) if c] + list(self.where)


class UnitScaleRule(RuleBase):
    """Two figures that should agree differ by a factor of 10,000: 元 written where 万元 is meant."""

    type: Literal["unit_scale"]
    left: str
    right: str
    factor: int = 10000

    def columns(self) -> list[str]:
        return [self.left, self.right, *self.where]


def check_schemes(schemes: list) -> list:
    """Funding-score schemes, shared by the rule and the profile that supplies them.

    NOTE: a profile's schemes are checked when the profile loads, so a bad one
    is reported at the profile's line, not at the rule that reads it.
    """
    for scheme in schemes:
        if isinstance(scheme, dict) and scheme.get("type") == "linear" and set(scheme) <= {"type", "name"}:
            continue
        if isinstance(scheme, dict) and scheme.get("type") == "banded" and isinstance(scheme.get("bands"), list) \
                and all(isinstance(b, dict) and set(b) == {"min", "share"} for b in scheme["bands"]):
            continue
        raise ValueError("a scheme is {type: linear} or {type: banded, bands: [{min: 80, share: 0.7}, ...]}")
    return schemes


def check_bands(bands: dict) -> dict:
    """Named [low, high] bands (grades, qualitative labels), shared by rules and profiles."""
    for name, pair in bands.items():
        if len(pair) != 2 or pair[0] > pair[1]:
            raise ValueError(f"band '{name}' must be [low, high] with low <= high")
    return bands


class RateScoreRule(RuleBase):
    """A score earned by a rate under the profile's schemes (linear min(r,100%)×w, or bands)."""

    type: Literal["rate_score"]
    rate: str
    numerator: str
    denominator: str
    weight: str
    score: str
    schemes: list[dict[str, Any]] = Field(min_length=1)

    @field_validator("schemes")
    @classmethod
    def _schemes(cls, v):
        return check_schemes(v)

    def columns(self) -> list[str]:
        return [self.rate, self.numerator, self.denominator, self.weight, self.score, *self.where]


class BandRule(RuleBase):
    """A value lies in the band its label names: a grade (优 ≥ 90) or a qualitative actual (达成 → ≥ 0.8w)."""

    type: Literal["band"]
    value: str
    label: str
    bands: dict[str, list[float]]
    scale: str | None = None  # divide the value by this column (a weight) before banding

    @field_validator("bands")
    @classmethod
    def _bands(cls, v):
        return check_bands(v)

    def columns(self) -> list[str]:
        return [self.value, self.label, *([self.scale] if self.scale else []), *self.where]


#: How a list-valued column (a table's 一级 categories, its 二级 output kinds) separates its items.
LIST_SEPARATOR = "|"


class RequireRule(RuleBase):
    """Rows matching `where` must have `column` empty, filled, or free of a pattern or lexicon's words.

    `must_include` reads `column` as a list (items separated by `|`) and asks
    that each name occur in one of its items; messages then get `{present}`,
    `{missing}` and `{required}` joined by 、 (`{present_en}`, ... by commas).
    Compiles to Great Expectations' own column expectations.
    """

    type: Literal["require"]
    column: str
    must_be_empty: bool = False
    must_be_filled: bool = False
    must_not_match: str | None = None
    must_match: str | None = None
    must_not_contain: str | None = None  # a lexicon: its entries' words are misspellings of the entry
    must_include: list[str] = []

    @model_validator(mode="after")
    def _one_requirement(self):
        given = [self.must_be_empty, self.must_be_filled, bool(self.must_not_match), bool(self.must_match),
                 bool(self.must_not_contain), bool(self.must_include)]
        if sum(given) != 1:
            raise ValueError("give exactly one of must_be_empty, must_be_filled, must_match, must_not_match, "
                             "must_not_contain, must_include")
        if any(not name or LIST_SEPARATOR in name for name in self.must_include):
            raise ValueError(f"must_include lists names, none empty or holding '{LIST_SEPARATOR}'")
        for pattern in (self.must_not_match, self.must_match):
            if pattern is None:
                continue
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
        return self

    @property
    def lexicon(self) -> str | None:
        return self.must_not_contain

    @property
    def include_pattern(self) -> str:
        """`must_include` as one regex: every name somewhere in the value."""
        return "".join(f"(?=.*{re.escape(name)})" for name in self.must_include)

    def listed(self, value) -> list[str]:
        """The items of a list-valued cell, as printed."""
        return [item for item in str(value).split(LIST_SEPARATOR) if item] if value is not None else []

    def missing(self, value) -> list[str]:
        """The `must_include` names no item of the cell holds."""
        items = self.listed(value)
        return [name for name in self.must_include if not any(name in item for item in items)]

    def columns(self) -> list[str]:
        return [self.column, *self.where]


class ExplainRule(RuleBase):
    """Where `left op right×factor` holds, `text` must give a reason (not 无/暂无/—; a cause word if listed)."""

    type: Literal["explain"]
    left: str
    op: Op
    right: str | None = None
    value: float | None = None
    factor: float = 1
    text: str
    words: list[str] = []
    boilerplate: list[str] = ["无", "暂无", "—", "-", "/", "无偏差", "不适用", "达成预期指标"]

    @model_validator(mode="after")
    def _one_right(self):
        if (self.right is None) == (self.value is None):
            raise ValueError("give exactly one of 'right' (a column) and 'value' (a number)")
        return self

    def columns(self) -> list[str]:
        return [c for c in (self.left, self.right, self.text) if c] + list(self.where)


class AchievementRule(RuleBase):
    """A quantitative indicator's score follows from its result: B ≥ A earns w, else B/A × w; ≤ kept earns w."""

    type: Literal["achievement"]
    direction: str = "target_op"
    target: str = "target"
    actual: str = "actual"
    weight: str = "weight"
    score: str = "score"

    def columns(self) -> list[str]:
        return [self.direction, self.target, self.actual, self.weight, self.score, *self.where]


class KnownNameRule(RuleBase):
    """Every name a mention row gives is one of the names its group's `known` rows state."""

    type: Literal["known_name"]
    group_by: list[str] = Field(min_length=1)
    role: str = "role"
    name: str = "name"
    known: str = "table"

    def columns(self) -> list[str]:
        return [*self.group_by, self.role, self.name]


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
    fallback: str | None = None  # a column holding the total to use where `total_value` is empty
    require_items: bool = True

    @model_validator(mode="after")
    def _defaults(self):
        if self.default_total and set(self.default_total) != {"by", "values"}:
            raise ValueError("default_total takes exactly two keys: 'by' (a column) and 'values' (a mapping)")
        return self

    def columns(self) -> list[str]:
        return [*self.group_by, self.role, self.value, self.total_value, *([self.fallback] if self.fallback else [])]


class TopicRule(RuleBase):
    """A text must speak of its project's topic, from a lexicon of topics and their words."""

    type: Literal["topic"]
    name: str = "project"
    text: str = "text"
    lexicon: str
    strip_name: bool = True  # a text restating the project's name says nothing of its topic

    def columns(self) -> list[str]:
        return [self.name, self.text, *self.where]


Rule = Annotated[Union[CompareRule, RatioRule, GroupSumRule, TopicRule, UnitScaleRule, RateScoreRule, BandRule,
                       RequireRule, ExplainRule, KnownNameRule, AchievementRule], Field(discriminator="type")]
RULE_TYPES = ("compare", "ratio", "group_sum", "topic", "unit_scale", "rate_score", "band", "require", "explain",
              "known_name", "achievement")
