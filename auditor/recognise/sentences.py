"""Sentences of a paragraph, for the evidence a finding quotes.

A sentence runs to and includes its end mark (。；！？ by default); what follows the
last mark is a sentence too. Nothing else ends one: not a decimal point (3.5万元),
not a closing quote (a 。 inside “…。” ends the sentence there, and the ” opens the
next), not an item number (1. or （一）).

NOTE: the marks are found once per paragraph and positions are bisected: walking
the sentences from the start for every match was quadratic in a paragraph of many
lists of names (68 KB: 15 s).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

#: What ends a sentence unless a recogniser says otherwise.
ENDS = "。；！？"


@lru_cache(maxsize=None)
def _marks(chars: str) -> re.Pattern:
    return re.compile(f"[{re.escape(chars)}]")


def _after_marks(text: str, chars: str) -> list[int]:
    """The position just after every mark of `chars` in `text`, in order."""
    return [m.end() for m in _marks(chars).finditer(text)]


def split(text: str, ends: str = ENDS) -> list[tuple[int, str]]:
    """(start, sentence) for every sentence of `text` in order, each with its end mark, not stripped."""
    out, start = [], 0
    for end in _after_marks(text, ends):
        out.append((start, text[start:end]))
        start = end
    if start < len(text):
        out.append((start, text[start:]))
    return out


def finder(text: str, ends: str = ENDS, opens: str = "", limit: int | None = None) -> Callable[[int], str]:
    """A function from a position of `text` to the stripped sentence holding it (its end mark kept).

    `opens` are marks that start a sentence without ending the one before (a colon, for a
    quote that should begin after 原因：). With `limit`, a longer sentence is cut to that many
    characters around the position (a text with no end marks is not one quotable sentence,
    and quoting it whole for each of its figures would be quadratic).
    """
    stops = _after_marks(text, ends)
    starts = _after_marks(text, ends + opens) if opens else stops

    def around(at: int) -> str:
        i, j = bisect.bisect_right(starts, at), bisect.bisect_right(stops, at)
        start, stop = starts[i - 1] if i else 0, stops[j] if j < len(stops) else len(text)
        if limit is not None and stop - start > limit:
            start, stop = max(start, at - limit // 2), min(stop, at + limit // 2)
        return text[start:stop].strip()

    return around


def numberer(text: str, ends: str = ENDS) -> Callable[[int], int]:
    """A function from a position of `text` to the number of the sentence holding it (from 0).

    NOTE: what groups claims by sentence: comparing numbers, not sentences, keeps it linear.
    """
    stops = _after_marks(text, ends)
    return lambda at: bisect.bisect_right(stops, at)


def sentence_at(text: str, at: int, ends: str = ENDS, opens: str = "") -> str:
    """The stripped sentence of `text` holding position `at` (see `finder`)."""
    return finder(text, ends, opens)(at)
