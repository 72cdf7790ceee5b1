"""What runs inside the Spark executors: read, recognise and tabulate a slice of the files.

`read_partition` is the function of one `mapInArrow`: it gets (ordinal, path,
name) rows and yields Arrow batches of one wide table that holds every
entity's rows (`_entity` says which) and one `_doc` row per file carrying
its DocumentResult and reading issues. The readers, recognisers and
`tabulate` are the installed package's own: the executors run exactly what
the pandas engine runs, a chunk of files at a time.

Nothing here imports Great Expectations or pyspark: an executor's Python
worker needs only pyarrow and auditor.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Iterable, Iterator

from auditor.engine.spark.columns import ROW, UnknownColumn, encode_column, entity_columns, kinds, row_key

CHUNK = 32  # files tabulated together: one Arrow batch per entity and chunk


def read_partition(batches: Iterable, profile, profiles, chunk: int = CHUNK, forms: tuple | None = None) -> Iterator:
    """Arrow batches of the wide table for the files of one partition, in input order."""
    import pyarrow as pa

    schema = wide_arrow_schema()
    for batch in batches:
        items = list(
            zip(batch.column("ordinal").to_pylist(), batch.column("path").to_pylist(), batch.column("name").to_pylist())
        )
        for start in range(0, len(items), chunk):
            yield from _chunk(items[start : start + chunk], profile, profiles, schema, pa, forms)


def _chunk(items: list, profile, profiles, schema, pa, forms: tuple | None = None) -> Iterator:
    """A few files as the pandas engine takes them (digest_one, frames, checkable), then as Arrow batches."""
    from auditor.digest import digest_one
    from auditor.engine.profiles import checkable
    from auditor.tabulate import add_rows, empty_rows, frames

    ordinals, payloads = [], []
    rows = empty_rows()
    for ordinal, path, name in items:
        digest = digest_one((Path(os.fsdecode(path)), name), forms)
        ordinals.append(ordinal)
        payloads.append(pickle.dumps(digest.outcome()))
        if digest.rows is not None:
            add_rows(rows, digest.rows)
    yield _batch(schema, pa, "_doc", ordinals, {}, payloads)
    tables = checkable(frames(rows), profile, profiles)
    for entity, frame in tables.items():
        if not frame.empty:
            yield _entity_batch(schema, pa, entity, frame, items[0][0])


def _entity_batch(schema, pa, entity: str, frame, first: int):
    known = set(entity_columns(entity))
    unknown = [c for c in frame.columns if c not in known]
    if unknown:
        raise UnknownColumn(f"tabulate gave {entity} the columns {unknown}: declare them in auditor/entities.py")
    if len(frame) >= 1 << 24:
        raise UnknownColumn(f"{len(frame)} {entity} rows in one chunk: lower CHUNK")
    kind = kinds()
    values = {c: encode_column(kind[c], frame[c].tolist()) for c in frame.columns}
    rows = [row_key(first, i) for i in range(len(frame))]
    return _batch(schema, pa, entity, rows, values)


def _batch(schema, pa, entity: str, rows: list[int], values: dict, payloads: list | None = None):
    n = len(rows)
    arrays = []
    for field in schema:
        if field.name == "_entity":
            arrays.append(pa.array([entity] * n, pa.string()))
        elif field.name == ROW:
            arrays.append(pa.array(rows, pa.int64()))
        elif field.name == "_payload":
            arrays.append(pa.array(payloads, pa.binary()) if payloads is not None else pa.nulls(n, pa.binary()))
        elif field.name in values:
            arrays.append(pa.array(values[field.name], field.type))
        else:
            arrays.append(pa.nulls(n, field.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


_ARROW = {"int": "int64", "bool": "bool_"}


def wide_arrow_schema():
    """The one table every chunk writes: `_entity`, `_row`, `_payload`, then every entity's columns."""
    import pyarrow as pa

    fields = [pa.field("_entity", pa.string()), pa.field(ROW, pa.int64()), pa.field("_payload", pa.binary())]
    fields += [pa.field(c, getattr(pa, _ARROW.get(k, "string"))()) for c, k in kinds().items()]
    return pa.schema(fields)
