"""The README's generated tables: a block between `<!-- NAME:start … -->` and `<!-- NAME:end -->` markers.

Tables of the rules, the forms and the entity columns are made from their files and written between
their markers, so the README cannot drift from what auditor ships; tests read them back with `block`.
"""

from __future__ import annotations

from pathlib import Path


def block(text: str, name: str) -> str:
    """What stands between the markers of `name`, stripped."""
    return text.split(f"<!-- {name}:start", 1)[1].split("-->", 1)[1].split(f"<!-- {name}:end -->")[0].strip()


def write_block(path: str | Path, name: str, table: str) -> None:
    """Rewrite the block of `name` in the file at `path` with `table`, keeping the start marker's note."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(f"<!-- {name}:start", 1)
    marker, rest = rest.split("-->", 1)
    _, tail = rest.split(f"<!-- {name}:end -->", 1)
    path.write_text(f"{head}<!-- {name}:start{marker}-->\n{table}\n<!-- {name}:end -->{tail}", encoding="utf-8")
