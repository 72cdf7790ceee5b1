"""What chose the rules and the gate of a run, as every report states it.

A gate that a configuration file can narrow must say so where its verdict is
read: the configuration files applied, the profile, how many rules ran of how
many, each rule left out and what left it out (`--ignore scores` on the command
line, `ignore = scores` in ./auditor.cfg), severities changed, and --fail-on.
`AuditResult.settings` holds it (the CLI fills it); a result without it (the
library's own) says nothing here.
"""

from __future__ import annotations

from auditor.config import COMMAND_LINE
from auditor.i18n import t

_CODES_SHOWN = 8


def changes_anything(settings: dict) -> bool:
    """Whether a run's settings differ from a plain run's: a config file, rules left out, severities, a gate.

    NOTE: the JSON and SARIF carry the settings only then, so a plain `auditor check --format json`
    stays byte for byte what `auditor.audit()` and `auditor serve` give; the people's reports always
    show them.
    """
    return bool(
        settings.get("config")
        or settings.get("deselected")
        or settings.get("severity")
        or settings.get("fail_on", "error") != "error"
        or settings.get("profile_from", "default") != "default"
    )


def machine(settings: dict) -> dict:
    """The settings as the JSON `auditor` block and SARIF's properties carry them: all of them, or none."""
    return dict(settings) if changes_anything(settings) else {}


def cause(entry: dict, lang: str) -> str:
    """`--ignore scores` (command line) or `ignore = scores（auditor.cfg）`."""
    where = entry.get("from") or COMMAND_LINE
    if where == COMMAND_LINE:
        return f"--{entry['by']} {entry['pattern']}"
    return t(lang, "run.from_file", setting=f"{entry['by']} = {entry['pattern']}", file=where)


def left_out(settings: dict) -> list[tuple[dict, list[str]]]:
    """The deselected rules grouped by what left them out: (one entry of the group, its codes)."""
    groups: dict[tuple, list] = {}
    for entry in settings.get("deselected", []):
        key = (entry["by"], entry["pattern"], entry.get("from"))
        groups.setdefault(key, [entry, []])[1].append(entry["rule"])
    return [(entry, codes) for entry, codes in groups.values()]


def parts(settings: dict, lang: str) -> list[str]:
    """The pieces of the settings line, each a phrase: profile, rules run, config files, left out, gate."""
    if not settings:
        return []
    sep = t(lang, "coverage.sep")
    profile_from = settings.get("profile_from", "default")
    profile = settings.get("profile", "")
    if profile_from not in ("default", COMMAND_LINE):
        profile = t(lang, "run.from_file", setting=profile, file=profile_from)
    out = [
        t(lang, "run.profile", profile=profile),
        t(lang, "run.rules", run=settings.get("rules_run", 0), total=settings.get("rules_total", 0)),
        t(lang, "run.config", files=sep.join(settings["config"]))
        if settings.get("config")
        else t(lang, "run.no_config"),
    ]
    for entry, codes in left_out(settings):
        shown = sep.join(codes[:_CODES_SHOWN]) + (
            t(lang, "run.more", n=len(codes) - _CODES_SHOWN) if len(codes) > _CODES_SHOWN else ""
        )
        out.append(t(lang, "run.left_out", n=len(codes), cause=cause(entry, lang), codes=shown))
    for change in settings.get("severity", []):
        setting = f"{change['rule']}={change['severity']}"
        where = change.get("from") or COMMAND_LINE
        out.append(
            t(
                lang,
                "run.severity",
                change=setting if where == COMMAND_LINE else t(lang, "run.from_file", setting=setting, file=where),
            )
        )
    if "fail_on" in settings:
        where = settings.get("fail_on_from", "default")
        gate = f"--fail-on {settings['fail_on']}"
        if where not in ("default", COMMAND_LINE):
            gate = t(lang, "run.from_file", setting=f"fail-on = {settings['fail_on']}", file=where)
        out.append(t(lang, "run.fail_on", gate=gate))
    return out


def settings_line(settings: dict, lang: str) -> str:
    """One line for the text report and the workbook: `规则：方案 national；运行 58/58 条；未使用配置文件；…`."""
    pieces = parts(settings, lang)
    return t(lang, "run.line", parts=t(lang, "coverage.then").join(pieces)) if pieces else ""


def deselected_rows(settings: dict, lang: str) -> list[list[str]]:
    """One row per rule left out: code, what left it out (for the workbook and the HTML page)."""
    return [[entry["rule"], cause(entry, lang)] for entry in settings.get("deselected", [])]
