"""Settings from `[auditor]` sections, so a team sets its profile and rules once.

Looked up, later ones winning: `setup.cfg` then `auditor.cfg` in the working
directory, then `auditor.cfg` beside the documents (in the directory given, or
the first file's directory). Command-line options win over all of them.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.ruleset.loader import RuleSet

KEYS = ("profile", "rules", "select", "ignore", "severity", "fail-on", "lang", "format", "engine", "spark-master")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    """Settings of one run; the CLI fills it from options, setup.cfg and auditor.cfg."""

    profile: str = "national"
    rule_dirs: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)

    def ruleset(self) -> RuleSet:
        # NOTE: imported here: the CLI reads settings before every command, and loading rules needs
        # pydantic and yaml, which `auditor --help` must not pay for
        from auditor.ruleset.loader import load_ruleset

        return load_ruleset(self.rule_dirs, self.profile, self.select, self.ignore, self.severity)


def _split(value: str) -> list[str]:
    return [v.strip() for part in value.splitlines() for v in part.split(",") if v.strip()]


def config_files(paths: list[str], cwd: Path | None = None) -> list[Path]:
    cwd = cwd or Path.cwd()
    files = [cwd / "setup.cfg", cwd / "auditor.cfg"]
    if paths:
        first = Path(paths[0])
        near = (first if first.is_dir() else first.parent) / "auditor.cfg"
        if near.resolve() != (cwd / "auditor.cfg").resolve():
            files.append(near)
    return [f for f in files if f.is_file()]


def load_settings(paths: list[str], cwd: Path | None = None) -> dict:
    """The merged `[auditor]` settings, with rule directories made absolute against their file."""
    settings: dict = {}
    for file in config_files(paths, cwd):
        parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
        try:
            parser.read(file, encoding="utf-8")
        except configparser.Error as exc:
            raise ConfigError(f"{file}: {exc}") from None
        if not parser.has_section("auditor"):
            continue
        for key, value in parser.items("auditor"):
            if key not in KEYS:
                raise ConfigError(f"{file}: [auditor] has unknown setting '{key}'; known: {', '.join(KEYS)}")
            if key == "rules":
                settings["rules"] = [str((file.parent / d).resolve()) for d in _split(value)]
            elif key in ("select", "ignore"):
                settings[key] = _split(value)
            elif key == "severity":
                pairs = {}
                for item in _split(value):
                    code, _, level = item.partition("=")
                    if level.strip() not in ("error", "warning", "info"):
                        raise ConfigError(f"{file}: severity '{item}' must be CODE=error|warning|info")
                    pairs[code.strip()] = level.strip()
                settings["severity"] = pairs
            else:
                settings[key] = value.strip()
    return settings
