"""What a rule's `where:` means, said once for every engine.

`column: value` is equality, `column: [a, b]` membership, `column: null` an
empty cell and `column: "not null"` a filled one; the clauses hold together.
The GX compiler turns the clauses into a row condition and the direct pandas
runner into a mask: both read them from here, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Iterator

import pandas as pd

#: The tests a clause can make of its column.
TESTS = ("is_null", "is_not_null", "is_in", "equals")


def clauses(where: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(column, test, value) for each clause of a `where:`, the test one of `TESTS`."""
    for column, value in where.items():
        if value is None:
            yield column, "is_null", None
        elif value == "not null":
            yield column, "is_not_null", None
        elif isinstance(value, list):
            yield column, "is_in", list(value)
        else:
            yield column, "equals", value


def mask(frame: pd.DataFrame, where: dict[str, Any]) -> pd.Series:
    """True for each row of `frame` the `where:` keeps."""
    keep = pd.Series(True, index=frame.index)
    for column, test, value in clauses(where):
        cells = frame[column]
        if test == "is_null":
            keep &= cells.isna()
        elif test == "is_not_null":
            keep &= cells.notna()
        elif test == "is_in":
            keep &= cells.isin(value)
        else:
            keep &= cells == value
    return keep
