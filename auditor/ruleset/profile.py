"""Profiles (parameters that differ by province and year) and lexicons (word lists).

A profile keeps numbers out of code: the category caps, the funding weight,
the low-execution threshold. Rules refer to them as `${profile.category_caps}`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from auditor.ruleset.foreign import pydantic_reason
from auditor.ruleset.said import said
from auditor.ruleset.spec import check_bands, check_schemes
from auditor.ruleset.yamlfile import RuleFileError, line_of, load


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    title: dict[str, str] = {}
    description: str = ""
    category_caps: dict[str, float] = {"执行率": 10, "产出": 50, "效益": 30, "满意度": 10}
    funding_weight: float = 10
    funding_score: list[dict[str, Any]] = Field(default=[{"type": "linear"}], min_length=1)
    low_execution_threshold: float = 90
    overachieve_factor: float = 1.2
    grades: dict[str, list[float]] = {"优": [90, 100], "良": [80, 90], "中": [60, 80], "差": [0, 60]}
    qualitative_bands: dict[str, list[float]] = {"达成": [0.8, 1], "部分达成": [0.6, 0.8], "未达成": [0, 0.6]}
    #: Whether a table's stated caps may select this profile. A profile made for one form (四川, 20+80),
    #: which leaves most categories open, would fit any stated caps: it judges only the forms that name it.
    detect: bool = True

    # NOTE: the values rules read are checked here, so a bad one names the profile's line
    @field_validator("funding_score")
    @classmethod
    def _schemes(cls, v):
        return check_schemes(v)

    @field_validator("grades", "qualitative_bands")
    @classmethod
    def _bands(cls, v):
        return check_bands(v)


def load_profile(path: Path) -> Profile:
    data, lines = load(path)
    if not isinstance(data, dict):
        raise RuleFileError(path, 1, said("profile.not_mapping"))
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        why = pydantic_reason(err)
        if err["type"] == "extra_forbidden":
            why = said("profile.unknown_setting", why=why, known=tuple(Profile.model_fields))
        raise RuleFileError(path, line_of(lines, tuple(err["loc"])), said("at", where=where, why=why)) from None
    if profile.name != path.stem:
        raise RuleFileError(path, line_of(lines, ("name",)), said("profile.name_vs_file", name=profile.name))
    return profile


def load_lexicon(path: Path) -> dict:
    """A lexicon file: `name:` and a mapping of entries, each with `words:` (and optional `related:`)."""
    data, lines = load(path)
    if not isinstance(data, dict) or "name" not in data or "entries" not in data:
        raise RuleFileError(path, 1, said("lexicon.shape"))
    if data["name"] != path.stem:
        raise RuleFileError(path, line_of(lines, ("name",)), said("lexicon.name_vs_file"))
    extra = set(data) - {"name", "title", "description", "entries"}
    if extra:
        key = sorted(extra)[0]
        raise RuleFileError(path, line_of(lines, (key,)), said("lexicon.unknown_key", key=key))
    entries = data["entries"]
    if not isinstance(entries, dict):
        raise RuleFileError(path, line_of(lines, ("entries",)), said("lexicon.entries"))
    for key, entry in entries.items():
        at = ("entries", key)
        if not isinstance(entry, dict) or not isinstance(entry.get("words"), list) or not entry["words"]:
            raise RuleFileError(path, line_of(lines, at), said("lexicon.words", key=key))
        if set(entry) - {"words", "related", "note"}:
            raise RuleFileError(path, line_of(lines, at), said("lexicon.entry_keys", key=key))
        related = entry.get("related", [])
        if not isinstance(related, list):
            raise RuleFileError(path, line_of(lines, at + ("related",)), said("lexicon.related", key=key))
        if not all(isinstance(w, str) and w for w in entry["words"] + related):
            raise RuleFileError(path, line_of(lines, at), said("lexicon.word_text", key=key))
    return data


def merge_lexicon(lexicons: dict[str, dict], data: dict) -> None:
    """A user's lexicon of the same name extends the built-in one: words and relations are added."""
    into = lexicons.setdefault(data["name"], {})
    for key, entry in data["entries"].items():
        target = into.setdefault(key, {"words": [], "related": []})
        target["words"] = list(dict.fromkeys(target["words"] + entry["words"]))
        target["related"] = list(dict.fromkeys(target.get("related", []) + entry.get("related", [])))
