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
"""
from __future__ import annotations

import configparser
from pathlib import Path

KEYS = ("profile", "rules", "select", "ignore", "severity", "fail-on", "lang", "format", "engine", "spark-master")


class ConfigError(Exception):
    pass


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
