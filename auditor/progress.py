"""A progress bar on stderr for `auditor check` over many files, for the person waiting at a terminal.

NOTE: click.progressbar rather than rich: click is already a dependency and its
bar is all this needs (a count, the file being read); rich would add a package
and its import time to every run for one line of output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

import click

from auditor.i18n import t


def wanted(fmt: str, files: int, stream: IO | None = None) -> bool:
    """Show progress only to a person: stderr is a terminal, several files, a format not read by programs."""
    from auditor.render import MACHINE

    stream = stream or sys.stderr
    return files > 1 and fmt not in MACHINE and stream.isatty()


@contextmanager
def progress(files: int, lang: str, enabled: bool, stream: IO | None = None) -> Iterator[Callable[[str], None] | None]:
    """Yield the `progress` callback `audit()` takes (None when disabled); the bar closes on exit."""
    if not enabled:
        yield None
        return
    seen = 0

    def show(item: str | None) -> str:
        return item or ""

    with click.progressbar(
        length=files,
        label=t(lang, "progress.reading"),
        file=stream or sys.stderr,
        item_show_func=show,
        show_pos=True,
        width=24,
    ) as bar:

        def step(name: str) -> None:
            nonlocal seen
            seen += 1
            # NOTE: audit() validates the whole batch right after reading the last file, so the
            # last step announces the checking that the bar would otherwise sit through silently.
            bar.update(1, t(lang, "progress.validating") if seen >= files else _tail(name))

        yield step


def _tail(name: str, width: int = 40) -> str:
    return name if len(name) <= width else "…" + name[-(width - 1) :]
