"""Cheap draws from a `random.Random`, for the generator's hot path.

NOTE: `Random.choice`, `sample` and `randint` go through Python-level `_randbelow` (and
`sample` through an ABC check); at thousands of reports a second they were a third of the
generator's time. These use one C-level `random()` call per draw; still deterministic per seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def between(rng: random.Random, lo: int, hi: int) -> int:
    """An integer in [lo, hi], both ends included."""
    return lo + int(rng.random() * (hi - lo + 1))


def sample(rng: random.Random, seq: Sequence[T], k: int) -> list[T]:
    """k distinct items of seq, in draw order."""
    pool = list(seq)
    return [pool.pop(int(rng.random() * len(pool))) for _ in range(min(k, len(pool)))]


def shuffled(rng: random.Random, seq: Sequence[T]) -> list[T]:
    return sample(rng, seq, len(seq))
