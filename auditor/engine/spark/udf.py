"""Our expectations' arithmetic on Spark: the rule type's own check, in a pandas UDF.

GX's Spark engine asks a multicolumn metric for a boolean Column. `on_spark`
returns one computed by a pandas UDF that rebuilds, from each Arrow batch,
the pandas frame the pandas engine would have passed (Decimals, Locators,
None for NULL) and calls the very check the pandas partial calls (a rule
type's `check`, from its module of `auditor.ruletypes`, with the rule and
its lexicon). So the arithmetic exists once, and both engines agree by
construction.

Group-wise checks (`RuleType.group_wise`: sums over a document's rows, names known in a document)
need all rows of a document in one batch. The rows of one document are
written by one read task and never shuffled, so they share a partition;
tables.py keeps every partition under half of `session.BATCH_ROWS`, the
Arrow batch size the session sets, so a partition is one batch
(tests/engine/test_spark.py checks that every rule's `group_by` holds `doc`
and that a batch is a whole partition, with and without a row filter).

This module is pickled by reference into the executors: it must not import
Great Expectations (seconds per Python worker) nor pyspark at the top; nor
may the rule types, whose checks and specs travel by reference too.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from auditor.engine.spark.columns import KIND, decode


def on_spark(data, check: Callable[..., pd.Series], *args: Any, **kwargs: Any):
    """A boolean Column: `check(frame, *args, **kwargs)` over `data`'s columns, True where a row holds."""
    from pyspark.sql import functions as F
    from pyspark.sql.functions import pandas_udf

    columns = list(data.columns)
    kinds = [field.metadata.get(KIND, "str") for field in data.schema.fields]

    def holds(*series: pd.Series) -> pd.Series:
        frame = batch_frame(columns, kinds, series)
        verdict = check(frame, *args, **kwargs)
        return pd.Series(verdict.to_numpy(dtype=bool))

    return pandas_udf(holds, "boolean")(*[F.col(c) for c in columns])


def batch_frame(columns: list[str], kinds: list[str], series) -> pd.DataFrame:
    """The pandas engine's frame for one Arrow batch: Python objects, None for NULL (never NaN)."""
    data = {c: [decode(k, v) for v in s.tolist()] for c, k, s in zip(columns, kinds, series)}
    return pd.DataFrame(data, columns=columns, dtype=object)
