"""How many hostile inputs the tests tried, by target, and how long the slow ones took.

Printed at the end of the run (see conftest.py). NOTE: hypothesis decides how
many examples it runs (it replays stored failures first and may stop early),
so inputs are counted where each is used, not taken from `max_examples`.
"""

from __future__ import annotations

from collections import Counter

TRIED: Counter[str] = Counter()
NOTES: list[str] = []


def tried(target: str, n: int = 1) -> None:
    TRIED[target] += n


def note(line: str) -> None:
    NOTES.append(line)
