"""Published forms as data: one YAML declaration per form, under `rules/forms/`.

Provinces, transfer programmes and years each print their own 自评表 (see the
README, "Forms"). Reading a table by guessing its layout gave most of the
false alarms on real reports, so the recogniser reads a table only as one of
these declared forms: which words tell the form, the words of its columns and
rows, how a two-row header combines its split columns, which rows are totals
or footers, and which profile of caps judges it. A new regional form is a new
file here plus fixtures, no code.

A declaration may `extends:` another: mappings merge key by key, lists and
values replace, so a regional form states only what differs from its parent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from auditor.ruleset.foreign import SaidError, pydantic_reason, regex_reason
from auditor.ruleset.said import said
from auditor.ruleset.yamlfile import RuleFileError, line_of, load

FUNDING_KEYS = ("initial", "budget", "received", "executed", "rate", "weight", "score", "reason")
FUNDING_ROW_KINDS = ("total", "current", "carryover", "other", "central", "local")
INDICATOR_KEYS = (
    "level1",
    "level2",
    "level3",
    "target",
    "actual",
    "weight",
    "score",
    "item_score",
    "reason",
    "nature",
    "unit",
    "direction",
)
BLOCKS = ("header", "funding", "management", "goals", "indicators", "total")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    """A test on a text: it holds every word of `all`, one of `any` (if given), none of `none`."""

    all: list[str] = []
    any: list[str] = []
    none: list[str] = []

    @field_validator("all", "any", "none")
    @classmethod
    def _folded(cls, v):
        return [unicodedata.normalize("NFKC", w) for w in v]

    def test(self, text: str) -> bool:
        return _words_test(tuple(self.all), tuple(self.any), tuple(self.none))(text)


@lru_cache(maxsize=256)
def _words_test(all_: tuple[str, ...], any_: tuple[str, ...], none: tuple[str, ...]):
    """`Words.test` as compiled patterns, made once per set of words (it runs on every row of every table)."""
    one_of = re.compile("|".join(map(re.escape, any_))) if any_ else None
    excluded = re.compile("|".join(map(re.escape, none))) if none else None

    def test(text: str) -> bool:
        return (
            all(w in text for w in all_)
            and (one_of is None or one_of.search(text) is not None)
            and (excluded is None or excluded.search(text) is None)
        )

    return test


def _ordered(value: dict, keys: tuple[str, ...], what: str) -> dict:
    """`value` when each key is one of `keys` with a list of header words; `what` names them (form.what.*)."""
    unknown = [k for k in value if k not in keys]
    if unknown:
        raise SaidError(said("form.unknown_key", what=said(f"form.what.{what}"), key=unknown[0], known=keys))
    for key, words in value.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise SaidError(said("form.words_list", what=said(f"form.what.{what}"), key=key))
    return value


class Split(_Strict):
    """A target printed over several columns: 指标性质 | 指标值 | 度量单位 (F2, F3), or 指标方向 | 指标值.

    The operator cell (read through `operators`), the value and the unit are
    joined into the one column `into`: `≧` `500` `人次` → `≧500人次`. Dropping
    the operator would check a ≤ cost ceiling as a floor, so it is never defaulted.
    """

    into: Literal["target"] = "target"
    operator: Literal["nature", "direction"] | None = "nature"
    unit: Literal["unit"] | None = "unit"


class Funding(_Strict):
    header: Words
    columns: dict[str, list[str]]
    rows: dict[str, list[str]]
    #: How an execution rate printed without % is meant: percent, ratio, or either (decided by the figures).
    rate: Literal["percent", "ratio", "either"] = "either"
    #: `pairs`: each row holds label | value pairs under column groups (河北: 预算数 | 24 | 到位数 | 24 | …);
    #: `columns`: one value per header column (the central form).
    layout: Literal["columns", "pairs"] = "columns"

    @field_validator("columns")
    @classmethod
    def _columns(cls, v):
        return _ordered(v, FUNDING_KEYS, "funding_column")

    @field_validator("rows")
    @classmethod
    def _rows(cls, v):
        return _ordered(v, FUNDING_ROW_KINDS, "funding_row")


class Indicators(_Strict):
    header: Words
    columns: dict[str, list[str]]
    splits: list[Split] = []
    #: Columns the indicator header must have for a table to be of this form; a table that lacks one is
    #: tried against the next form, and reported with its header words when none fits.
    required: list[str] = ["target", "actual"]
    #: 一级 labels of a row inside the indicator block that is the funding's scored line (河北's 预算执行率 row):
    #: its weight and score belong to the funding total, not to an indicator.
    funding_line: list[str] = []
    #: Words of a 指标方向 (or 指标性质) cell and the operator each stands for.
    operators: dict[str, str] = {}

    @field_validator("columns")
    @classmethod
    def _columns(cls, v):
        v = _ordered(v, INDICATOR_KEYS, "indicator_column")
        if "level1" not in v and "level2" not in v:
            raise SaidError(said("form.level_column"))
        return v

    @field_validator("operators")
    @classmethod
    def _operators(cls, v):
        bad = [w for w, op in v.items() if op not in ("≥", "≤", "=", ">", "<", "")]
        if bad:
            raise SaidError(said("form.operator", word=bad[0]))
        return v


class Rows(_Strict):
    """Rows that are not indicators, by the words of their first cells."""

    totals: list[str] = ["总分", "合计", "总计"]
    footers: list[str] = []
    children: list[str] = ["其中"]
    marks: list[str] = ["★", "☆"]
    placeholders: list[str] = []

    @field_validator("placeholders")
    @classmethod
    def _patterns(cls, v):
        for pattern in v:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise SaidError(said("form.regex", pattern=pattern, error=regex_reason(exc))) from None
        return v


class Form(_Strict):
    code: str
    title: dict[str, str]
    description: str = ""
    source: str = ""
    extends: str | None = None
    #: Higher first when several forms match a table; a more specific form sets a higher number.
    priority: int = 0
    kind: Literal["project", "department", "transfer"] = "project"
    match: Words
    #: The cap profile (rules/profiles) that judges the form; null: the profile the user chose.
    profile: str | None = None
    #: Whether the form carries weights and scores; indicator-only forms do not.
    scored: bool = True
    #: Whether the form has a 总分/合计 row; its absence is a gap only where it has one.
    has_total: bool = True
    #: Header cells whose right neighbour is the table's name (项目名称; 部门（单位）名称 for a department).
    name_labels: list[str] = ["项目名称"]
    #: Words of a 一级 label and its category, tried in order ("满意度" before "效益": 满意度指标 is no 效益).
    categories: dict[str, str] = {"满意度": "满意度", "产出": "产出", "效益": "效益", "成本": "成本"}
    #: Words of a 二级 name and the 一级 it belongs to: where the 一级 says nothing, and to find misfiled rows.
    level2_categories: dict[str, str] = {
        "满意": "满意度",
        "数量": "产出",
        "质量": "产出",
        "时效": "产出",
        "成本": "产出",
        "经济效益": "效益",
        "社会效益": "效益",
        "生态效益": "效益",
        "环境效益": "效益",
        "可持续": "效益",
    }
    funding: Funding | None = None
    #: The header of a 资金管理情况 block (转移支付): read as a block of its own, never as indicators.
    management: Words | None = None
    #: The header row of the 年度总体目标 block.
    goals: Words = Words(any=["预期目标", "年初设定目标", "总体目标完成情况", "年度目标完成情况"])
    indicators: Indicators | None = None
    rows: Rows = Rows()
    #: Patterns of a note that states the caps for itself ("一级指标分值统一设置为：产出指标50分…").
    cap_notes: list[str] = []

    @field_validator("title")
    @classmethod
    def _title(cls, v):
        if "zh" not in v or "en" not in v:
            raise SaidError(said("form.title"))
        return v

    def blocks(self) -> tuple[str, ...]:
        """The blocks a table of this form has, so coverage never asks for one it does not print."""
        out = ["header"]
        if self.funding:
            out.append("funding")
        if self.management:
            out.append("management")
        out.append("goals")
        if self.indicators:
            out.append("indicators")
        if self.has_total and self.scored:
            out.append("total")
        return tuple(out)


def _merge(base: dict, own: dict) -> dict:
    """The parent's declaration with the child's keys over it, one level deep.

    NOTE: `funding`, `indicators` and `rows` merge key by key, but a key inside
    them (columns, header, a row list) is replaced whole: column order decides
    which key a header word goes to, so a child's columns must never be
    interleaved with its parent's. `match` is always the child's own.
    """
    out = dict(base)
    for key, value in own.items():
        if key in ("funding", "indicators", "rows") and isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def load_forms(dirs: list[Path] | tuple[Path, ...]) -> list[Form]:
    """Every form of `dirs`' forms/ folders, resolved and checked, highest priority first.

    Raises RuleFileError (`file:line: …`) on the first wrong file; a form of a
    later directory replaces one of the same code, as a user's rules do.
    """
    raw: dict[str, tuple[Path, dict, dict]] = {}
    for directory in dirs:
        for path in sorted((Path(directory) / "forms").glob("*.yaml")):
            data, lines = load(path)
            if not isinstance(data, dict):
                raise RuleFileError(path, 1, said("form.not_mapping"))
            if data.get("code") != path.stem:
                wrong = said("form.code_vs_file", code=data.get("code"), stem=path.stem)
                raise RuleFileError(path, line_of(lines, ("code",)) or 1, wrong)
            raw[path.stem] = (path, data, lines)
    forms = [_resolve(code, raw, ()) for code in raw]
    return sorted(forms, key=lambda f: (-f.priority, f.code))


def _resolve(code: str, raw: dict, seen: tuple[str, ...]) -> Form:
    path, data, lines = raw[code]
    parent = data.get("extends")
    merged = dict(data)
    if parent:
        if parent not in raw:
            unknown = said("form.extends_unknown", parent=parent, known=tuple(sorted(raw)))
            raise RuleFileError(path, line_of(lines, ("extends",)), unknown)
        if parent in seen or parent == code:
            raise RuleFileError(path, line_of(lines, ("extends",)), said("form.extends_circle", parent=parent))
        base = _resolve(parent, raw, seen + (code,)).model_dump(
            exclude={"code", "title", "description", "source", "extends", "priority"}
        )
        merged = _merge(base, {k: v for k, v in data.items()})
    try:
        return Form.model_validate(merged)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        why = pydantic_reason(err)
        hint = said("form.remove_hint") if err["type"] == "extra_forbidden" else ""
        at = tuple(err["loc"])
        key = dict(why.values).get("key") if why.key == "form.unknown_key" else None
        if key and at + (key,) in lines:  # NOTE: point at the wrong key itself, not at its mapping
            at = at + (key,)
        raise RuleFileError(
            path, line_of(lines, at) or 1, said("form.field", where=where, why=why, hint=hint)
        ) from None


@lru_cache(maxsize=8)
def forms_of(dirs: tuple[Path, ...]) -> tuple[Form, ...]:
    return tuple(load_forms(list(dirs)))


def builtin_forms() -> tuple[Form, ...]:
    return forms_of((builtin_dir(),))


def builtin_dir() -> Path:
    """The shipped rules: inside the installed package, or `rules/` of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def table_words(rows: list[list[str]]) -> str:
    """The short cells of a table joined, without layout whitespace and with full-width forms folded (NFKC):
    what a form's `match` is tested on (prose cells left out)."""
    # NOTE: cells cleaned through a cache, folded once as a whole
    return unicodedata.normalize("NFKC", "|".join(t for row in rows for t in map(_clean, row) if t and len(t) <= 24))


@lru_cache(maxsize=1 << 14)
def _clean(text: str | None) -> str:
    return "".join(text.split()) if text else ""


def forms_for(rows: list[list[str]], forms: tuple[Form, ...]) -> list[Form]:
    """The declared forms whose words a table holds, by priority: the recogniser takes the first it fits."""
    words = table_words(rows)
    return [f for f in forms if f.match.test(words)]


def form_for(rows: list[list[str]], forms: tuple[Form, ...]) -> Form | None:
    """The first declared form, by priority, whose words a table holds."""
    found = forms_for(rows, forms)
    return found[0] if found else None
