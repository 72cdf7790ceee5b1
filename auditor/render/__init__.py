"""Reporters: pure functions from an `AuditResult` to text or bytes, one module per format.

`OUTPUTS` is the one list of output formats: the CLI's `--format` choice and its help,
the server's downloads and the names below are all read from it. A new format is a
module here with a `render` function and one line in `OUTPUTS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    """One output format: its name (the module that renders it), its file and how it travels."""

    name: str
    suffix: str  # the file extension a saved report takes
    media_type: str
    summary: str  # what it is for, in the CLI's --format help
    binary: bool = False  # render returns bytes: never printed to a terminal
    machine: bool = False  # read by programs from stdout: nothing else may be written around it
    download: bool = False  # offered by `auditor serve` after a review

    def renderer(self) -> Callable:
        """`render(result, lang, color=False) -> str | bytes`, imported on first use."""
        return importlib.import_module(f"auditor.render.{self.name}").render


OUTPUTS: tuple[Output, ...] = (
    Output("text", ".txt", "text/plain; charset=utf-8", "default, for people"),
    Output("json", ".json", "application/json", "the issue contract, for programs", machine=True),
    Output(
        "xlsx",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel workbook; binary, needs --output or a redirect",
        binary=True,
        download=True,
    ),
    Output("html", ".html", "text/html; charset=utf-8", "one offline page", download=True),
    Output("csv", ".csv", "text/csv; charset=utf-8", "UTF-8 with BOM for Excel"),
    Output("sarif", ".sarif", "application/sarif+json", "SARIF 2.1.0 for code-scanning tools", machine=True),
)
OUTPUT = {o.name: o for o in OUTPUTS}

FORMATS = tuple(OUTPUT)
#: Formats whose renderer returns bytes; the CLI never prints them to a terminal.
BINARY = frozenset(o.name for o in OUTPUTS if o.binary)
#: Formats programs read from stdout: nothing else (no progress bar) may be written around them.
MACHINE = frozenset(o.name for o in OUTPUTS if o.machine)
#: Formats the server offers as downloads of a review, in the order the page lists them.
DOWNLOADS = tuple(o for o in OUTPUTS if o.download)


def format_help() -> str:
    """The --format help: 'Output format: text (default, for people), json (...) ... or sarif (...).'"""
    parts = [f"{o.name} ({o.summary})" for o in OUTPUTS]
    return f"Output format: {', '.join(parts[:-1])} or {parts[-1]}."


def renderer(name: str) -> Callable:
    """`render(result, lang, color=False) -> str | bytes` of a format."""
    if name not in OUTPUT:
        raise ValueError(f"unknown format {name}; use one of {', '.join(FORMATS)}")
    return OUTPUT[name].renderer()
