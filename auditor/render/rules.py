"""How `auditor rules` and `auditor rules show` describe the rule set to a person."""

from __future__ import annotations

import yaml

from auditor.i18n import t


def rule_table(ruleset, lang: str) -> str:
    rows = [(r.code, r.kind, r.severity, getattr(r.title, lang)) for r in ruleset.rules]
    widths = [max([len(row[i]) for row in rows] + [4]) for i in range(3)]
    lines = [
        f"{code:<{widths[0]}}  {kind:<{widths[1]}}  {sev:<{widths[2]}}  {title}" for code, kind, sev, title in rows
    ]
    lines.append("")
    lines.append(t(lang, "rules.count", n=len(rows), profile=ruleset.profile.name, version=ruleset.version))
    return "\n".join(lines)


#: The codes the readers report under (not rules of rules/): code -> (kind, severity).
READER_CODES = {"READ_FILE": ("unreadable_input", "error"), "READ_TABLE": ("extraction_incomplete", "warning")}


def reader_detail(code: str, lang: str) -> str:
    """What a reader's own code (READ_FILE, READ_TABLE) means; KeyError for any other code."""
    kind, severity = READER_CODES[code]
    return "\n".join(
        [
            f"{code}: {t(lang, f'reader.{code}.title')}",
            "",
            f"{t(lang, 'rule.kind')}: {kind}",
            f"{t(lang, 'rule.severity')}: {severity}",
            f"{t(lang, 'rule.file')}: {t(lang, 'reader.source')}",
            "",
            t(lang, f"reader.{code}.what"),
            "",
            f"{t(lang, 'rule.rationale')}:",
            f"  {t(lang, 'reader.rationale')}",
        ]
    )


def rule_detail(ruleset, code: str, lang: str) -> str:
    if code in READER_CODES and not any(r.code == code for r in ruleset.rules):
        return reader_detail(code, lang)
    rule = ruleset.get(code)
    lines = [
        f"{rule.code}: {getattr(rule.title, lang)}",
        "",
        f"{t(lang, 'rule.kind')}: {rule.kind}",
        f"{t(lang, 'rule.severity')}: {rule.severity}",
        f"{t(lang, 'rule.type')}: {rule.type}",
        f"{t(lang, 'rule.entity')}: {', '.join(rule.entities)}",
        f"{t(lang, 'rule.file')}: {ruleset.sources.get(rule.code)}",
        "",
        f"{t(lang, 'rule.rationale')}:",
        f"  {getattr(rule.rationale, lang)}",
    ]
    for title, cases in ((t(lang, "rule.pass"), rule.cases.pass_), (t(lang, "rule.fail"), rule.cases.fail)):
        lines += ["", f"{title}:"]
        for case in cases:
            lines.append(f"  - {case.name}")
            for row in case.rows:
                lines.append(
                    "      " + yaml.safe_dump(row, allow_unicode=True, default_flow_style=True, width=200).strip()
                )
            for expect in case.expect:
                lines.append("      → " + ", ".join(f"{k}: {v}" for k, v in expect.items()))
    return "\n".join(lines)


def rule_markdown(ruleset) -> str:
    """The README's table of built-in rules, made from the rule files so the two cannot drift apart."""
    lines = ["| code | group | kind | severity | title |", "|---|---|---|---|---|"]
    for rule in sorted(ruleset.rules, key=lambda r: (r.group, r.code)):
        lines.append(
            f"| `{rule.code}` | {rule.group} | {rule.kind} | {rule.severity} | {rule.title.zh} / {rule.title.en} |"
        )
    return "\n".join(lines)


def update_readme(path, ruleset=None) -> None:
    """Rewrite the rule table between the README's rules markers (run after adding or renaming a rule)."""
    from auditor.render.readme import write_block
    from auditor.ruleset.loader import load_ruleset

    write_block(path, "rules", rule_markdown(ruleset or load_ruleset()))
