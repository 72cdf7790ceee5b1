"""Find, read and check rule files, profiles and lexicons.

Layout of a rules directory (the built-in `rules/` and any the user adds):

    rules/<group>/<CODE>.yaml     one rule per file, the file's stem its code
    rules/profiles/<name>.yaml    parameters that differ by province or year
    rules/lexicons/<name>.yaml    word lists users extend (topics, typos, ...)
    rules/forms/<code>.yaml       published forms the recogniser reads tables as

Every problem found in any file is collected, so a user fixing rule files
sees them all at once, each as `file:line: what is wrong, and how to fix it`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from auditor.ruleset.foreign import pydantic_reason
from auditor.ruleset.forms import Form, builtin_dir, load_forms
from auditor.ruleset.names import name_errors
from auditor.ruleset.profile import Profile, load_lexicon, load_profile, merge_lexicon
from auditor.ruleset.said import Said, said
from auditor.ruleset.spec import Rule
from auditor.ruleset.yamlfile import RuleFileError, line_of, load

_RULE = TypeAdapter(Rule)
_REF = re.compile(r"\$\{profile\.([a-z_]+)\}")
RESERVED = ("profiles", "lexicons", "forms")


class RuleSetError(Exception):
    """One or more rule files are wrong; `errors` holds each located problem."""

    def __init__(self, errors: list[RuleFileError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __reduce__(self):
        return type(self), (self.errors,)

    def lines(self, lang: str = "en") -> list[str]:
        """Each error as `file:line: what is wrong, and how to fix it`, in `lang` (zh or en)."""
        return [e.text(lang) for e in self.errors]


@dataclass
class RuleSet:
    rules: list[Any]
    profile: Profile
    lexicons: dict[str, dict] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)  # every known profile, for detection
    forms: tuple[Form, ...] = ()  # the declared forms tables are read as, highest priority first
    dirs: list[Path] = field(default_factory=list)  # the rules directories, built-in first
    sources: dict[str, Path] = field(default_factory=dict)
    version: str = ""

    def get(self, code: str):
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)


def load_ruleset(
    extra_dirs: list[Path] | tuple = (),
    profile: str = "national",
    select: list[str] | tuple = (),
    ignore: list[str] | tuple = (),
    severity: dict[str, str] | None = None,
) -> RuleSet:
    dirs = [builtin_dir(), *[Path(d) for d in extra_dirs]]
    errors: list[RuleFileError] = []
    digest = hashlib.sha256()
    chosen, chosen_path = _find_profile(dirs, profile, errors)
    if chosen is None:
        raise RuleSetError(errors)  # every rule that reads the profile would fail too: say the one cause
    lexicons: dict[str, dict] = {}
    for directory in dirs:
        for path in sorted((directory / "lexicons").glob("*.yaml")):
            try:
                merge_lexicon(lexicons, load_lexicon(path))
                digest.update(path.read_bytes())
            except RuleFileError as exc:
                errors.append(exc)
    rules, sources = [], {}
    for directory in dirs:
        if not directory.is_dir():
            errors.append(RuleFileError(directory, None, said("rules_dir_missing")))
            continue
        for path in sorted(directory.glob("*/*.yaml")):
            if path.parent.name in RESERVED:
                continue
            try:
                rule = _load_rule(path, chosen, lexicons, chosen_path)
            except RuleFileError as exc:
                errors.append(exc)
                continue
            except RuleSetError as exc:  # names the rule's data lacks: each at its own line
                errors.extend(exc.errors)
                continue
            digest.update(path.name.encode() + path.read_bytes())
            if rule.code in sources:
                errors.append(
                    RuleFileError(path, 1, said("rule.code_twice", code=rule.code, other=str(sources[rule.code])))
                )
                continue
            sources[rule.code] = path
            rules.append(rule)
    profiles = _all_profiles(dirs, errors)  # NOTE: before raising, so a bad profile not chosen is reported too
    forms = _forms(dirs, profiles, errors, digest)
    if errors:
        raise RuleSetError(errors)
    rules = [r for r in rules if _selected(r, select, ignore)]
    if severity:
        rules = [r.model_copy(update={"severity": severity[r.code]}) if r.code in severity else r for r in rules]
    profile_obj = chosen or Profile(name=profile)
    return RuleSet(
        rules=rules,
        profile=profile_obj,
        lexicons=lexicons,
        sources=sources,
        profiles=profiles,
        forms=forms,
        dirs=dirs,
        version=f"{profile_obj.name}-{digest.hexdigest()[:12]}",
    )


def form_source(ruleset: RuleSet, code: str) -> str | None:
    """The file a form was declared in: the last rules directory that declares it."""
    for directory in reversed(ruleset.dirs):
        path = directory / "forms" / f"{code}.yaml"
        if path.is_file():
            return str(path)
    return None


def _forms(dirs: list[Path], profiles: dict[str, Profile], errors: list[RuleFileError], digest) -> tuple[Form, ...]:
    """The declared forms of every directory; a form naming an unknown profile is an error at its line."""
    try:
        forms = load_forms(dirs)
    except RuleFileError as exc:
        errors.append(exc)
        return ()
    for directory in dirs:
        for path in sorted((directory / "forms").glob("*.yaml")):
            digest.update(path.name.encode() + path.read_bytes())
    for form in forms:
        if form.profile and form.profile not in profiles:
            path = next(p for d in reversed(dirs) for p in [d / "forms" / f"{form.code}.yaml"] if p.is_file())
            _, lines = load(path)
            known = tuple(sorted(profiles))
            errors.append(
                RuleFileError(
                    path,
                    line_of(lines, ("profile",)) or 1,
                    said("form.profile_unknown", profile=form.profile, known=known),
                )
            )
    return tuple(forms)


def _all_profiles(dirs: list[Path], errors: list[RuleFileError]) -> dict[str, Profile]:
    found: dict[str, Profile] = {}
    for directory in dirs:
        for path in sorted((directory / "profiles").glob("*.yaml")):
            if any(e.path == str(path) for e in errors):
                continue  # the chosen profile, already reported by _find_profile
            try:
                found[path.stem] = load_profile(path)
            except RuleFileError as exc:
                errors.append(exc)
    return found


def _find_profile(dirs: list[Path], name: str, errors: list) -> tuple[Profile | None, Path | None]:
    """The named profile (the last directory's wins) and the file it came from."""
    found, found_path = None, None
    for directory in dirs:
        path = directory / "profiles" / f"{name}.yaml"
        if path.is_file():
            try:
                found, found_path = load_profile(path), path
            except RuleFileError as exc:
                errors.append(exc)
    if found is None and not errors:
        known = sorted({p.stem for d in dirs for p in (d / "profiles").glob("*.yaml")})
        errors.append(RuleFileError(said("profile.where", name=name), None, said("profile.none", known=tuple(known))))
    return found, found_path


def _selected(rule, select, ignore) -> bool:
    def hit(patterns):
        return any(
            p == rule.code or p == rule.group or p == rule.kind or (p.endswith("*") and rule.code.startswith(p[:-1]))
            for p in patterns
        )

    return (not select or hit(select)) and not hit(ignore)


def _load_rule(path: Path, profile: Profile | None, lexicons: dict, profile_path: Path | None = None):
    data, lines = load(path)
    if not isinstance(data, dict):
        raise RuleFileError(path, 1, said("rule.not_mapping"))
    substituted: dict[tuple, str] = {}
    data = _substitute(data, (), profile, path, lines, substituted)
    data.setdefault("group", path.parent.name)
    try:
        rule = _RULE.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = _loc(first["loc"])
        setting = next((name for where, name in substituted.items() if at[: len(where)] == where), None)
        if setting and profile_path is not None:
            # NOTE: the value came from the profile: the fix belongs there, so that is the place named
            _, profile_lines = load(profile_path)
            used = said(
                "profile.unusable",
                setting=setting,
                rule=path.stem,
                where=f"{path}:{line_of(lines, at)}",
                why=_explain(first),
            )
            raise RuleFileError(profile_path, line_of(profile_lines, (setting,)), used) from None
        raise RuleFileError(path, line_of(lines, at), _explain(first)) from None
    if rule.code != path.stem:
        raise RuleFileError(path, line_of(lines, ("code",)), said("rule.code_vs_file", code=rule.code))
    lexicon = getattr(rule, "lexicon", None)
    if lexicon and lexicon not in lexicons:
        known = tuple(sorted(lexicons)) or said("none")
        raise RuleFileError(path, line_of(lines, ("lexicon",)), said("rule.lexicon", lexicon=lexicon, known=known))
    unknown = name_errors(rule, path, data, lines)
    if unknown:
        raise RuleSetError(unknown)
    return rule


def _loc(loc: tuple) -> tuple:
    """Pydantic's error path without the union tag it inserts ('compare', 'group_sum', ...)."""
    from auditor.ruleset.spec import RULE_TYPES

    return tuple(p for i, p in enumerate(loc) if not (i == 0 and p in RULE_TYPES))


def _explain(error: dict) -> Said:
    """What pydantic refused in a rule file, as a key of the file: unknown, missing, or a bad value and why."""
    where = ".".join(str(p) for p in _loc(error["loc"]))
    kind = error["type"]
    if kind == "extra_forbidden":
        return said("rule.unknown_key", key=where)
    if kind == "missing":
        return said("rule.missing_key", key=where)
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        from auditor.ruleset.spec import RULE_TYPES

        return said("rule.type", types=tuple(RULE_TYPES))
    if not where:
        return said("rule.bad_rule", why=pydantic_reason(error))
    return said("rule.bad_value", key=where, why=pydantic_reason(error))


def _text(value: Any) -> str:
    """A profile value inside a message: 90 rather than 90.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _substitute(
    value: Any, at: tuple, profile: Profile | None, path: Path, lines: dict, substituted: dict[tuple, str]
) -> Any:
    """Replace `${profile.x}` references; `substituted` records where a whole value came from the profile."""
    if isinstance(value, dict):
        return {k: _substitute(v, at + (k,), profile, path, lines, substituted) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, at + (i,), profile, path, lines, substituted) for i, v in enumerate(value)]
    if isinstance(value, str) and "${" in value:

        def lookup(name: str):
            if profile is None or not hasattr(profile, name):
                known = tuple(Profile.model_fields)
                raise RuleFileError(path, line_of(lines, at), said("rule.profile_setting", name=name, known=known))
            return getattr(profile, name)

        whole = _REF.fullmatch(value)
        if whole:
            substituted[at] = whole.group(1)
            return lookup(whole.group(1))
        return _REF.sub(lambda m: _text(lookup(m.group(1))), value)
    return value
