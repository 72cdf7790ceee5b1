"""The entity tables as Spark columns: which columns, of which type, and how values cross.

A pandas entity frame holds Python objects: exact Decimals whose exponent is
the printed precision, Locators, ints, bools and text. Spark has no such
types, so each column gets one `kind` and a lossless way across:

- `decimal` (every figure, and `default_cap`): the Decimal's own text. Spark's
  DecimalType has one scale per column and would turn 760.2160 into 760.216000;
  `Decimal(str(d))` gives back the same digits and the same exponent.
- `locator` (`loc`, `*_loc`): the Locator's fields as a JSON list.
- `int` (`table`), `bool` (`units_agree`), `str` (the rest): as they are.

A missing value is NULL whatever the kind, never NaN: Spark counts NaN as a
value, so GX's "ignore rows with a missing value" and `is null` conditions
let it through (8 of 15 rules disagreed with the pandas engine until NaN
became NULL on the way in).
Each field carries its kind in its Spark metadata, so a UDF handed any
selection of columns decodes them without knowing the entity.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from auditor.document import Locator
from auditor.entities import ENTITIES, columns_of

KIND = "auditor_kind"  # the key of a field's Spark metadata naming its kind
ROW = "_row"  # the row key: see `row_key`

#: The Spark kind of each kind of column in auditor.entities (a figure and a decimal cross alike).
_SPARK_KINDS = {
    "figure": "decimal",
    "decimal": "decimal",
    "locator": "locator",
    "int": "int",
    "bool": "bool",
    "text": "str",
}


class UnknownColumn(RuntimeError):
    """A tabulated column the Spark engine has no type for: a programming error, never the input's."""


def entity_columns(entity: str) -> list[str]:
    """The columns of one entity table as auditor.entities declares them: those `tabulate` gives, then
    those validation adds (`assign_caps`, `checks.with_rates`).

    NOTE: a chunk with a column not declared there stops the run with `UnknownColumn`
    (a test tabulates every kind of row).
    """
    return list(columns_of(entity))


def kind_of(entity: str, column: str) -> str:
    declared = columns_of(entity).get(column)
    if declared is None:
        return "locator" if column == "loc" or column.endswith("_loc") else "str"
    return _SPARK_KINDS[declared.kind]


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """column → kind over every entity; one name has one kind wherever it appears (checked)."""
    out: dict[str, str] = {}
    for entity in ENTITIES:
        for column in entity_columns(entity):
            kind = kind_of(entity, column)
            if out.setdefault(column, kind) != kind:
                raise UnknownColumn(f"column {column} is {out[column]} in one entity and {kind} in {entity}")
    return out


def row_key(ordinal: int, position: int) -> int:
    """`_row`: orders rows as the pandas engine's one frame does (documents in input order).

    NOTE: not the position in that frame, which would need a running count
    across every executor; the input ordinal of the chunk's first file in the
    high bits and the row's place in the chunk's frame in the low 24 bits sort
    the same way, which is all that issue order depends on.
    """
    return (ordinal << 24) | position


_LOCATOR = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # NOTE: one encoder, not one per call


def encode(kind: str, value: Any) -> Any:
    """A Python value as its Spark column stores it."""
    return encode_column(kind, [value])[0]


def encode_column(kind: str, values: list) -> list:
    """A column's values as Spark stores them; NaN becomes NULL here, on its way into Spark.

    NOTE: one comprehension per kind rather than a call per value: encoding
    was a third of the executors' time per report when done value by value.
    """
    if kind == "decimal":
        return [None if v is None or v != v else str(v) if type(v) is Decimal else _wrong(kind, v) for v in values]
    if kind == "locator":
        return [
            None if v is None or v != v else _LOCATOR(v) if isinstance(v, tuple) else _wrong(kind, v) for v in values
        ]
    if kind == "int":
        return [None if v is None or v != v else int(v) for v in values]
    if kind == "bool":
        return [None if v is None or v != v else bool(v) for v in values]
    return [None if v is None or v != v else v if type(v) is str else _wrong(kind, v) for v in values]


def _wrong(kind: str, value: Any):
    raise UnknownColumn(f"a {kind} column holds {type(value).__name__} {value!r}")


def decode(kind: str, value: Any) -> Any:
    """A Spark value (or its pandas form in a UDF) as the pandas engine holds it."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if kind == "decimal":
        return Decimal(value)
    if kind == "locator":
        return Locator(*json.loads(value))
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return value
