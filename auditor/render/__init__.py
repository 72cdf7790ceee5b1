"""Reporters: pure functions from an `AuditResult` to text or bytes, one module per format."""
from __future__ import annotations

import importlib
from collections.abc import Callable

FORMATS = ("text", "json", "xlsx", "html", "csv", "sarif")
#: Formats whose renderer returns bytes; the CLI never prints them to a terminal.
BINARY = frozenset({"xlsx"})
#: Formats programs read from stdout: nothing else (no progress bar) may be written around them.
MACHINE = frozenset({"json", "sarif"})


def renderer(name: str) -> Callable:
    """`render(result, lang, color=False) -> str | bytes` of a format."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name}; use one of {', '.join(FORMATS)}")
    return importlib.import_module(f"auditor.render.{name}").render
