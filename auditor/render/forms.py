"""How `auditor rules forms` describes the declared forms (rules/forms/) to a person."""

from __future__ import annotations

_WORDS = {
    "zh": {
        "count": "共 {n} 种表式（按优先级排列，先符合者为准）",
        "match": "识别",
        "all": "须全有",
        "any": "须有其一",
        "none": "不得有",
        "profile": "分值方案",
        "chosen": "用户选定的方案",
        "kind": "类型",
        "scored": "计分",
        "yes": "是",
        "no": "否",
        "funding": "资金列",
        "funding_rows": "资金行",
        "indicators": "指标列",
        "splits": "合并列",
        "totals": "总分行",
        "footers": "脚注行",
        "placeholders": "模板占位",
        "notes": "注明上限",
        "file": "文件",
        "extends": "继承",
        "unknown": "没有表式 {code}；用 `auditor rules forms` 查看全部",
    },
    "en": {
        "count": "{n} forms (by priority: the first that fits a table is used)",
        "match": "matched by",
        "all": "all of",
        "any": "one of",
        "none": "none of",
        "profile": "cap profile",
        "chosen": "the profile chosen",
        "kind": "kind",
        "scored": "scored",
        "yes": "yes",
        "no": "no",
        "funding": "funding columns",
        "funding_rows": "funding rows",
        "indicators": "indicator columns",
        "splits": "split targets",
        "totals": "total rows",
        "footers": "footer rows",
        "placeholders": "placeholders",
        "notes": "cap notes",
        "file": "file",
        "extends": "extends",
        "unknown": "no form {code}; run `auditor rules forms` to list them",
    },
}


def form_table(forms, lang: str) -> str:
    w = _WORDS[lang]
    rows = [(f.code, str(f.priority), f.kind, f.profile or "—", f.title[lang]) for f in forms]
    widths = [max([len(r[i]) for r in rows] + [4]) for i in range(4)]
    lines = [f"{a:<{widths[0]}}  {b:>{widths[1]}}  {c:<{widths[2]}}  {d:<{widths[3]}}  {e}" for a, b, c, d, e in rows]
    return "\n".join(lines + ["", w["count"].format(n=len(rows))])


def form_detail(forms, code: str, lang: str, source: str | None = None) -> str:
    """Everything a form declares, as a person checks it against a printed table."""
    w = _WORDS[lang]
    form = next((f for f in forms if f.code == code), None)
    if form is None:
        raise KeyError(w["unknown"].format(code=code))
    lines = [f"{form.code}: {form.title[lang]}", "", form.description, ""]
    if form.extends:
        lines.append(f"{w['extends']}: {form.extends}")
    lines.append(
        f"{w['match']}: "
        + "; ".join(
            f"{w[k]} {'、'.join(getattr(form.match, k))}" for k in ("all", "any", "none") if getattr(form.match, k)
        )
    )
    lines.append(
        f"{w['kind']}: {form.kind}    {w['scored']}: {w['yes'] if form.scored else w['no']}    "
        f"{w['profile']}: {form.profile or w['chosen']}"
    )
    if form.funding:
        lines.append(f"{w['funding']}: " + "; ".join(f"{k}={'/'.join(v)}" for k, v in form.funding.columns.items()))
        lines.append(f"{w['funding_rows']}: " + "; ".join(f"{k}={'/'.join(v)}" for k, v in form.funding.rows.items()))
    if form.indicators:
        lines.append(
            f"{w['indicators']}: " + "; ".join(f"{k}={'/'.join(v)}" for k, v in form.indicators.columns.items())
        )
        if form.indicators.splits:
            lines.append(
                f"{w['splits']}: "
                + "; ".join(f"{s.operator or '—'} + {s.into} + {s.unit or '—'}" for s in form.indicators.splits)
            )
    lines.append(f"{w['totals']}: {'、'.join(form.rows.totals)}")
    if form.rows.footers:
        lines.append(f"{w['footers']}: {'、'.join(form.rows.footers)}")
    if form.rows.placeholders:
        lines.append(f"{w['placeholders']}: {'  '.join(form.rows.placeholders)}")
    if form.cap_notes:
        lines.append(f"{w['notes']}: {'  '.join(form.cap_notes)}")
    if source:
        lines += ["", f"{w['file']}: {source}"]
    return "\n".join(lines)


def form_markdown(forms) -> str:
    """The README's table of built-in forms, made from the form files so the two cannot drift apart."""
    lines = ["| code | priority | kind | cap profile | title |", "|---|---|---|---|---|"]
    for f in forms:
        lines.append(
            f"| `{f.code}` | {f.priority} | {f.kind} | {f.profile or '(chosen)'} | {f.title['zh']} / {f.title['en']} |"
        )
    return "\n".join(lines)


def update_readme(path, forms=None) -> None:
    """Rewrite the form table between the README's forms markers (run after adding a form)."""
    from auditor.render.readme import write_block
    from auditor.ruleset.forms import builtin_forms

    write_block(path, "forms", form_markdown(forms or builtin_forms()))
