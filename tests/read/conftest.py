"""Sample report fixtures built once per session (no binary file is committed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from . import make_fixtures as mf


@pytest.fixture(scope="session")
def blocks() -> list:
    return mf.sample_blocks()


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Callable[[str], Path]:
    """Lazily built sample files by kind: docx, docx-decorated, xlsx, pdf."""
    root = tmp_path_factory.mktemp("samples")
    builders = {
        "docx": lambda p: mf.build_docx(p),
        "docx-decorated": lambda p: mf.build_docx(p, decorate=True),
        "xlsx": mf.build_xlsx,
        "pdf": mf.build_pdf,
    }
    cache: dict = {}

    def get(kind: str):
        if kind not in cache:
            suffix = kind.split("-")[0]
            cache[kind] = builders[kind](root / f"sample-{kind}.{suffix}")
        return cache[kind]

    return get
