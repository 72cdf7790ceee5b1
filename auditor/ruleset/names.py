"""The names a rule file uses, checked against the data it reads.

A rule naming a column its entity lacks (`left: scroe`), or a template
placeholder nothing fills (`{wieght}`), used to load and print "—" at run
time. Here each is an error at `file:line`, with the nearest right name and
where to look them all up (`auditor rules columns ENTITY`).

A placeholder may be a column of the entity (a figure as printed, a text as
is: `auditor.engine.describe.row_values`), a rate's reading (`{rate_read}`),
or a value the rule's type computes for its message (its `computes`).
"""

from __future__ import annotations

import string
from difflib import get_close_matches
from functools import cache
from pathlib import Path
from typing import Any

from auditor.entities import columns_of
from auditor.ruleset.foreign import format_problem
from auditor.ruleset.said import Said, said
from auditor.ruleset.yamlfile import RuleFileError, line_of

#: Keys of every rule file that never name a column.
_NOT_COLUMNS = (
    "code",
    "kind",
    "severity",
    "type",
    "entity",
    "title",
    "message",
    "rationale",
    "expected",
    "found",
    "cases",
    "group",
)
TEMPLATES = (("message", "zh"), ("message", "en"), ("expected",), ("expected", "zh"), ("expected", "en"), ("found",))


def computed(rule) -> tuple[str, ...] | None:
    """The template values the rule's type computes for a failing row (its `computes`); None for a type
    that does not say, whose rules' placeholders are then left unchecked rather than refused."""
    from auditor.ruletypes import type_of

    names = type_of(rule).computes
    if names is None:
        return None
    return tuple(names(rule) if callable(names) else names)


@cache
def placeholders(entity: str) -> frozenset[str]:
    """The names a template may use for a row of `entity`: each column but locators and printed texts
    (a figure `{x}` is its text as printed), and each rate's reading (`{rate_read}`, `{rate_read_en}`)."""
    from auditor.entities import RATE_NAMES

    columns = columns_of(entity)
    out = {name for name, c in columns.items() if c.kind != "locator" and not name.endswith("_text")}
    out |= {name[:-5] for name in columns if name.endswith("_text")}
    for rate in RATE_NAMES:
        if f"{rate}_text" in columns:
            out |= {f"{rate}_read", f"{rate}_read_en"}
    return frozenset(out)


def read_columns(rule) -> list[str]:
    """Every column the rule names: those its keys read, `where:` filters on and `at:` points at."""
    from auditor.ruletypes import type_of

    return list(
        dict.fromkeys([*rule.columns(), *type_of(rule).reads(rule), *rule.where, *([rule.at] if rule.at else [])])
    )


def name_errors(rule, path: Path, data: dict, lines: dict[tuple, int]) -> list[RuleFileError]:
    """Each unknown column and placeholder of a loaded rule, at the line that writes it."""
    errors = [_unknown_column(rule, path, name, _where_named(data, name), lines) for name in read_columns(rule)]
    errors += _case_errors(rule, path, data, lines)
    errors += _template_errors(rule, path, data, lines)
    return [e for e in errors if e is not None]


def _hint(name: str, known, entity: str, braces: bool = False) -> Said:
    close = get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    mean = said("names.mean_braces" if braces else "names.mean", name=close[0]) if close else ""
    return said("names.hint", mean=mean, entity=entity)


def _unknown_column(rule, path: Path, name: str, at: tuple, lines: dict) -> RuleFileError | None:
    lacking = [e for e in rule.entities if name not in columns_of(e)]
    if not lacking:
        return None
    entity = lacking[0]
    of = said("names.of_entity" if len(lacking) == 1 else "names.of_entities", entities=tuple(lacking))
    hint = _hint(name, columns_of(entity), entity)
    return RuleFileError(path, line_of(lines, at), said("names.unknown_column", name=name, of=of, hint=hint))


def _where_named(data: Any, name: str, at: tuple = ()) -> tuple:
    """The path of the first key or value of `data` (outside the shared keys) that is `name`."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not at and key in _NOT_COLUMNS:
                continue
            if key == name and at[:1] == ("where",):
                return at + (key,)
            found = _where_named(value, name, at + (key,))
            if found:
                return found
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found = _where_named(value, name, at + (i,))
            if found:
                return found
    elif data == name:
        return at
    return ("type",) if not at else ()


def _case_errors(rule, path: Path, data: dict, lines: dict) -> list[RuleFileError]:
    """A case's entity must be one the rule runs on, and its rows' keys columns of it."""
    errors = []
    for verdict, cases in (("pass", rule.cases.pass_), ("fail", rule.cases.fail)):
        for i, case in enumerate(cases):
            at = ("cases", verdict, i)
            entity = case.entity or rule.entities[0]
            if entity not in rule.entities:
                wrong = said("names.case_entity", case=case.name, entity=entity, known=tuple(rule.entities))
                errors.append(RuleFileError(path, line_of(lines, at + ("entity",)), wrong))
                continue
            columns = columns_of(entity)
            for j, row in enumerate(case.rows):
                for key in row:
                    if key not in columns:
                        hint = _hint(key, columns, entity)
                        wrong = said("names.case_column", key=key, entity=entity, case=case.name, hint=hint)
                        errors.append(RuleFileError(path, line_of(lines, at + ("rows", j, key)), wrong))
    return errors


def _template_errors(rule, path: Path, data: dict, lines: dict) -> list[RuleFileError]:
    names = computed(rule)
    extra = set(names or ())
    errors = []
    for at in TEMPLATES:
        template = _get(data, at)
        if not isinstance(template, str):
            continue
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            wrong = said("names.brace", at=".".join(at), error=format_problem(str(exc)))
            errors.append(RuleFileError(path, line_of(lines, at), wrong))
            continue
        if names is None:
            continue
        for field in dict.fromkeys(f.split(".")[0].split("[")[0] for f in fields):
            lacking = [e for e in rule.entities if field not in placeholders(e) | extra]
            if not lacking:
                continue
            errors.append(
                RuleFileError(path, line_of(lines, at), _placeholder_problem(rule, field, at, lacking[0], extra))
            )
    return errors


def _placeholder_problem(rule, field: str, at: tuple, entity: str, extra: set[str]) -> Said:
    where = said("names.ph_where", field=field, at=".".join(at))
    column = columns_of(entity).get(field)
    if not field:
        return said("names.ph_empty", where=where)
    if column is not None and column.kind == "locator":
        return said("names.ph_locator", where=where, field=field)
    if column is not None:
        return said("names.ph_text", where=where, column=column.of or field[:-5])
    what = (
        said("names.ph_computes", type=rule.type, names=tuple(sorted(extra)))
        if extra
        else said("names.ph_computes_none", type=rule.type)
    )
    hint = _hint(field, placeholders(entity) | extra, entity, braces=True)
    return said("names.ph_unknown", where=where, entity=entity, what=what, hint=hint)


def _get(data: Any, at: tuple) -> Any:
    for key in at:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data
