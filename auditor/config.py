"""Settings from `[auditor]` sections, so a team sets its profile and rules once.

Looked up, the later winning: `setup.cfg` then `auditor.cfg` in the working
directory; or only the file given with `--config FILE`; or none with
`--isolated`. Command-line options win over all of them.

NOTE: never a file inside the audited folders. A folder handed in for review
would otherwise carry its own `ignore = scores` or `fail-on = never` and pass
the gate unseen; the settings are the reviewer's, not the reviewed's. And
whatever settings were applied, every report names them (`Config.provenance`).

    [auditor]
    profile = national
    rules = ./our-rules          # extra rule directories, one per line or comma separated
    select = SCORE_LE_WEIGHT, narrative
    ignore = PROJECT_TOPIC
    severity = PROJECT_TOPIC=info
    fail-on = error
    lang = zh
    engine = spark               # pandas (default) or spark; see README, "Spark"
    spark-master = spark://head:7077

`Config` holds the settings of one run that choose the rules; `auditor.audit`
takes it, and the CLI fills it from these files and its options.
"""

from __future__ import annotations

import configparser
import dataclasses
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.ruleset.loader import RuleSet

KEYS = ("profile", "rules", "select", "ignore", "severity", "fail-on", "lang", "format", "engine", "spark-master")
#: Where a setting given on the command line comes from, in `Config.origins` and the reports.
COMMAND_LINE = "command line"


class ConfigError(Exception):
    """A configuration file is wrong; `key` and `values` let the CLI say it in the user's language."""

    def __init__(self, message: str, key: str = "config.error", **values) -> None:
        super().__init__(message)
        self.key, self.values = key, values


class Settings(dict):
    """The merged settings, plus the files they came from and which file set each key."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []  # the files whose [auditor] section was applied, in order
        self.origin: dict[str, str] = {}  # key -> the file that set it (the last one wins)


@dataclass
class Config:
    """Settings of one run; the CLI fills it from options, setup.cfg and auditor.cfg."""

    profile: str = "national"
    rule_dirs: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    #: The configuration files applied, and where `profile`, `select`, `ignore`, `severity` came from.
    files: list[str] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    #: Filled by `ruleset()`: how many rules there are, and each one left out with what left it out.
    total: int = 0
    deselected: list[dict] = field(default_factory=list)

    def ruleset(self) -> RuleSet:
        """The rules of this run; its `version` hashes the selection too, so two gates never share a hash."""
        # NOTE: imported here: the CLI reads settings before every command, and loading rules needs
        # pydantic and yaml, which `auditor --help` must not pay for
        from auditor.ruleset.loader import load_ruleset

        full = load_ruleset(self.rule_dirs, self.profile, (), (), self.severity)
        chosen, self.deselected = [], []
        for rule in full.rules:
            why = self._left_out_by(rule)
            if why is None:
                chosen.append(rule)
            else:
                self.deselected.append({"rule": rule.code, **why})
        self.total = len(full.rules)
        version = full.version
        if self.deselected or self.severity:
            digest = hashlib.sha256(full.version.encode())
            for rule in chosen:
                digest.update(f"|{rule.code}={rule.severity}".encode())
            version = f"{full.profile.name}-{digest.hexdigest()[:12]}"
        return dataclasses.replace(full, rules=chosen, version=version)

    def _left_out_by(self, rule) -> dict | None:
        """None when the rule runs; else the option that leaves it out, its pattern and where it was set."""
        if self.select and not any(_matches(p, rule) for p in self.select):
            return {"by": "select", "pattern": ", ".join(self.select), "from": self.origins.get("select", COMMAND_LINE)}
        for pattern in self.ignore:
            if _matches(pattern, rule):
                return {"by": "ignore", "pattern": pattern, "from": self.origins.get("ignore", COMMAND_LINE)}
        return None

    def provenance(self, ruleset: RuleSet) -> dict:
        """What chose the rules of this run, for every report: files, profile, rules run and left out."""
        return {
            "config": list(self.files),
            "profile": ruleset.profile.name,
            "profile_from": self.origins.get("profile", "default"),
            "rules_run": len(ruleset.rules),
            "rules_total": self.total or len(ruleset.rules),
            "deselected": list(self.deselected),
            "severity": [
                {"rule": code, "severity": level, "from": self.origins.get("severity", COMMAND_LINE)}
                for code, level in sorted(self.severity.items())
            ],
        }


def _matches(pattern: str, rule) -> bool:
    """A --select/--ignore pattern names a rule by code, group (folder), kind, or a code prefix ending in *."""
    return pattern in (rule.code, rule.group, rule.kind) or (
        pattern.endswith("*") and rule.code.startswith(pattern[:-1])
    )


def _split(value: str) -> list[str]:
    return [v.strip() for part in value.splitlines() for v in part.split(",") if v.strip()]


def config_files(explicit: str | Path | None = None, isolated: bool = False, cwd: Path | None = None) -> list[Path]:
    """The files to read: none when isolated, the explicit one, else setup.cfg and auditor.cfg of `cwd`."""
    if isolated:
        return []
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file", "config.missing", path=str(path))
        return [path]
    cwd = cwd or Path.cwd()
    return [f for f in (cwd / "setup.cfg", cwd / "auditor.cfg") if f.is_file()]


def shown(path: Path, cwd: Path | None = None) -> str:
    """A file as reports name it: relative to the working directory when inside it, else absolute."""
    cwd = (cwd or Path.cwd()).resolve()
    full = path.resolve()
    try:
        return str(full.relative_to(cwd))
    except ValueError:
        return str(full)


def load_settings(explicit: str | Path | None = None, isolated: bool = False, cwd: Path | None = None) -> Settings:
    """The merged `[auditor]` settings, with rule directories made absolute against their file."""
    settings = Settings()
    for file in config_files(explicit, isolated, cwd):
        # NOTE: no interpolation (a value may hold a %: a rule code, a Windows path), and a [DEFAULT]
        # section of another tool's stays its own section instead of lending its keys to [auditor]
        parser = configparser.ConfigParser(
            inline_comment_prefixes=("#", ";"), interpolation=None, default_section="auditor: no defaults"
        )
        try:
            parser.read(file, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: {exc}", "config.unreadable", path=str(file), reason=str(exc)) from None
        if not parser.has_section("auditor"):
            if explicit is not None:
                raise ConfigError(f"{file}: no [auditor] section", "config.no_section", path=str(file))
            continue
        name = shown(file, cwd)
        settings.files.append(name)
        for key, value in parser.items("auditor"):
            _apply(settings, file, key, value)
            settings.origin[key] = name
    return settings


def _apply(settings: Settings, file: Path, key: str, value: str) -> None:
    if key not in KEYS:
        raise ConfigError(
            f"{file}: [auditor] has unknown setting '{key}'; known: {', '.join(KEYS)}",
            "config.unknown",
            path=str(file),
            setting=key,
            known=", ".join(KEYS),
        )
    if key == "rules":
        settings["rules"] = [str((file.parent / d).resolve()) for d in _split(value)]
    elif key in ("select", "ignore"):
        settings[key] = _split(value)
    elif key == "severity":
        pairs = {}
        for item in _split(value):
            code, _, level = item.partition("=")
            if level.strip() not in ("error", "warning", "info"):
                raise ConfigError(
                    f"{file}: severity '{item}' must be CODE=error|warning|info",
                    "config.severity",
                    path=str(file),
                    item=item,
                )
            pairs[code.strip()] = level.strip()
        settings["severity"] = pairs
    else:
        settings[key] = value.strip()


def environ_lang() -> str | None:
    """'en' when the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE) asks for English, else None."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else None
    return None
