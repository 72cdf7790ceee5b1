"""How `auditor rules columns` and the README describe the entities rules read, from auditor.entities."""

from __future__ import annotations

from auditor.entities import DECLARED, columns_of, entity
from auditor.i18n import t


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join(f"{cell:<{w}}" for cell, w in zip(row, widths)) + "  " + row[-1] for row in rows]


def entity_table(lang: str) -> str:
    """Every entity: its name, how many columns rules may read in it, and what one row is."""
    rows = [(e.name, t(lang, "columns.count", n=len(columns_of(e.name))), e.meaning(lang)) for e in DECLARED]
    return "\n".join(_aligned(rows) + ["", t(lang, "columns.entities", n=len(rows))])


def column_table(name: str, lang: str) -> str:
    """One entity's columns: name, kind and meaning, those validation adds marked. KeyError: no such entity."""
    if name not in {e.name for e in DECLARED}:
        raise KeyError(t(lang, "columns.unknown", name=name, entities=", ".join(e.name for e in DECLARED)))
    rows = [
        (c.name, c.kind, c.meaning(lang) + (" " + t(lang, "columns.added") if c.added else ""))
        for c in columns_of(name).values()
    ]
    return "\n".join(
        [f"{name}: {entity(name).meaning(lang)}", ""] + _aligned(rows) + ["", t(lang, "columns.figure_note")]
    )


def columns_markdown() -> str:
    """The README's tables of every entity's columns (a figure's `_text` and `_loc` left implied)."""
    out = []
    for e in DECLARED:
        out += [
            "<details>",
            f"<summary><code>{e.name}</code>: {e.zh} / {e.en}</summary>",
            "",
            "| column | kind | meaning |",
            "|---|---|---|",
        ]
        for c in columns_of(e.name).values():
            if c.of and c.kind in ("text", "locator") and columns_of(e.name)[c.of].kind == "figure":
                continue
            added = " *(added by validation)*" if c.added else ""
            meaning = f"{c.zh} / {c.en}".replace("|", "\\|")  # NOTE: a | inside a cell would end it
            out.append(f"| `{c.name}` | {c.kind} | {meaning}{added} |")
        out += ["", "</details>", ""]
    return "\n".join(out).strip()


def update_readme(path) -> None:
    """Rewrite the column tables between the README's columns markers (run after declaring a column)."""
    from auditor.render.readme import write_block

    write_block(path, "columns", columns_markdown())
