"""Reporters: pure functions from an `AuditResult` to text or bytes, one module per format."""
from __future__ import annotations

import importlib
from typing import Callable

FORMATS = ("text", "json")


def renderer(name: str) -> Callable:
    """`render(result, lang, color=False) -> str | bytes` of a format."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name}; use one of {', '.join(FORMATS)}")
    return importlib.import_module(f"auditor.render.{name}").render
