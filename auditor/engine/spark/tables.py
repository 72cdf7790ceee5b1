"""The driver's side of the entity tables: read the files in the executors, then one DataFrame per entity.

Reading writes one wide table (see read.py), cached, from which each entity
table is a filter, a projection and a coalesce, cached in turn: GX asks each
table several small questions per expectation, and a plan over a narrow cached
table answers them faster than one over the wide one. All of it is narrow: no
row moves between partitions, so a document's rows stay together in the
partition of the task that read it. Rows come back to the driver only to
describe failures.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field

import pandas as pd

from auditor.engine.spark.columns import KIND, ROW, decode, entity_columns, kind_of, kinds

FILES_PER_TASK = 64  # files one read task reads: small enough to spread, large enough to pay its start
SMALL = 20_000  # rows an entity table needs per partition before a second one pays its tasks


@dataclass
class Tables:
    """A batch read in Spark: the cached wide table, what each file gave, and the shape of each entity."""

    wide: object
    outcomes: list[tuple[int, object, list]]  # (ordinal, DocumentResult, reading issues), in input order
    counts: dict[str, int] = field(default_factory=dict)  # entity → rows
    largest: dict[str, int] = field(default_factory=dict)  # entity → rows of its largest read partition
    partitions: int = 1  # read partitions (one per read task)
    parallelism: int = 2
    _cached: dict = field(default_factory=dict)

    def entity(self, name: str):
        """The Spark DataFrame of one entity: its columns, each with its kind in the metadata, and `_row`."""
        from pyspark.sql import functions as F

        selected = [F.col(c).alias(c, metadata={KIND: kind_of(name, c)}) for c in entity_columns(name)]
        if name not in self._cached:
            table = self.wide.filter(F.col("_entity") == name).select(*selected, F.col(ROW))
            self._cached[name] = self._layout(name, table).cache()
        return self._cached[name]

    def _layout(self, name: str, table):
        """Few partitions (each GX metric is a job with a task per partition), none above BATCH_ROWS / 2.

        NOTE: coalesce only joins whole read partitions, so a document's rows
        stay together; it joins ceil(P / n) of them at most, hence the bound.
        A read partition too large to join (never seen: 64 files) is spread
        by document instead, which moves rows but keeps documents whole.
        """
        from auditor.engine.spark.session import BATCH_ROWS

        limit, parts = BATCH_ROWS // 2, self.partitions
        biggest = self.largest.get(name, 0)
        if biggest > limit:
            return table.repartition(max(self.parallelism, -(-self.counts[name] // (limit // 4))), "doc")
        n = max(1, min(parts, self.parallelism, -(-self.counts[name] // SMALL)))
        while n < parts and -(-parts // n) * biggest > limit:
            n += 1
        return table.coalesce(n) if n < parts else table

    def release(self) -> None:
        for table in self._cached.values():
            table.unpersist()
        self.wide.unpersist()


def read_tables(spark, items, ruleset, files_per_task: int = FILES_PER_TASK) -> Tables:
    """Read, recognise and tabulate `items` ((path, name) pairs) in the executors; cache the result."""
    from pyspark.sql import functions as F

    from auditor.engine.spark.read import read_partition

    rows = [(n, os.fsencode(os.path.abspath(path)), name) for n, (path, name) in enumerate(items)]
    slices = max(spark.sparkContext.defaultParallelism, -(-len(rows) // files_per_task)) if rows else 1
    files = spark.createDataFrame(
        spark.sparkContext.parallelize(rows, slices), "ordinal long, path binary, name string"
    )
    # NOTE: the user's forms too (a --rules directory's forms/), so the executors read tables as the pandas
    # engine does; like the profiles, they travel to the executors with the function
    profile, profiles, forms = ruleset.profile, ruleset.profiles, ruleset.forms or None

    def read(batches):
        return read_partition(batches, profile, profiles, forms=forms)

    wide = files.mapInArrow(read, wide_schema()).cache()
    docs = wide.filter(F.col("_entity") == "_doc").select(ROW, "_payload").collect()
    outcomes = sorted((r[0], *pickle.loads(r[1])) for r in docs)
    counts, largest = {}, {}
    for r in wide.groupBy("_entity", F.spark_partition_id().alias("part")).count().collect():
        if r["_entity"] != "_doc":
            counts[r["_entity"]] = counts.get(r["_entity"], 0) + r["count"]
            largest[r["_entity"]] = max(largest.get(r["_entity"], 0), r["count"])
    return Tables(
        wide=wide,
        outcomes=outcomes,
        counts=counts,
        largest=largest,
        partitions=slices,
        parallelism=spark.sparkContext.defaultParallelism,
    )


def wide_schema():
    from pyspark.sql.types import BinaryType, BooleanType, LongType, StringType, StructField, StructType

    types = {"int": LongType(), "bool": BooleanType()}
    fields = [StructField("_entity", StringType()), StructField(ROW, LongType()), StructField("_payload", BinaryType())]
    fields += [StructField(c, types.get(k, StringType())) for c, k in kinds().items()]
    return StructType(fields)


def to_pandas(entity: str, rows: list) -> pd.DataFrame:
    """Collected rows of an entity as the pandas engine's frame holds them, indexed by `_row`."""
    columns = entity_columns(entity)
    kind = {c: kind_of(entity, c) for c in columns}
    data = {c: [decode(kind[c], r[c]) for r in rows] for c in columns}
    index = pd.Index([r[ROW] for r in rows])
    return pd.DataFrame(data, columns=columns, index=index, dtype=object).sort_index()
