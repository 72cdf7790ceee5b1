"""The Great Expectations data source auditor validates through: pandas, with row filters kept.

GX applies an expectation's row condition anew for every metric it computes
(three to four per expectation), each time through `DataFrame.query`, which
resolves every column of the frame first: 6 ms a time, a third of a warm
single-report validation. Within one validation the frame never changes, so
the engine keeps each condition's rows for the frame it is validating.

The engine is given to GX the way GX lets a data source choose its engine
(`execution_engine_override`); the source registers itself as the data
source type `auditor_pandas`.
"""

from __future__ import annotations

import weakref
from typing import ClassVar, Literal

from great_expectations.datasource.fluent.pandas_datasource import PandasDatasource
from great_expectations.execution_engine import PandasExecutionEngine


class RowKeepingPandasEngine(PandasExecutionEngine):
    """GX's pandas engine, with the rows of each row condition computed once per frame."""

    def _apply_row_condition_filter(self, data, row_condition, domain_kwargs):
        owner = self.__dict__.get("_auditor_rows_of")
        if owner is None or owner() is not data:
            # NOTE: a weak reference: the kept rows belong to one frame and go when it goes
            self.__dict__["_auditor_rows_of"] = weakref.ref(data)
            self.__dict__["_auditor_rows"] = {}
        kept = self.__dict__["_auditor_rows"]
        key = repr(row_condition)
        if key not in kept:
            kept[key] = super()._apply_row_condition_filter(data, row_condition, domain_kwargs)
        return kept[key]


class AuditorPandasDatasource(PandasDatasource):
    """GX's pandas data source on the row-keeping engine."""

    type: Literal["auditor_pandas"] = "auditor_pandas"  # type: ignore[assignment]
    execution_engine_override: ClassVar = RowKeepingPandasEngine
