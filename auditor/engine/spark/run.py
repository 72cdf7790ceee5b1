"""The Spark engine: the same result as the pandas engine, for batches one machine cannot hold.

The three stages are timed (`timings`) because their costs differ in kind:
starting Spark is a fixed cost (about 15 s), reading grows with the files
and spreads over the executors, validation grows with the rows.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from auditor.result import AuditResult, assemble


class SparkEngine:
    """Files read in the executors (`auditor.digest`, as the pandas engine reads them), suites run on GX's Spark engine.

    `master` is a Spark master URL (default local[jobs or cores]); `timings`,
    when given, gets the seconds of each stage.
    """

    name = "spark"

    def __init__(self, master: str | None = None, timings: dict | None = None) -> None:
        self.master = master
        self.timings = timings if timings is not None else {}

    def audit_files(
        self,
        items: list[tuple[Path, str]],
        ruleset,
        progress: Callable[[str], None] | None = None,
        jobs: int | None = None,
    ) -> AuditResult:
        """Raises `session.SparkUnavailable` when pyspark, pyarrow or Java is missing."""
        from auditor.engine.spark.session import get_session
        from auditor.engine.spark.tables import read_tables
        from auditor.engine.spark.validate import validate

        timings = self.timings
        start = time.perf_counter()
        spark = get_session(self.master, jobs)
        timings["session"] = time.perf_counter() - start
        start = time.perf_counter()
        tables = read_tables(spark, items, ruleset)
        timings["read"] = time.perf_counter() - start
        start = time.perf_counter()
        try:
            outcomes = [(document, found) for _, document, found in tables.outcomes]
            for document, _ in outcomes:
                if progress:
                    progress(document.doc)
            issues = validate(tables, ruleset) if any(d.status == "ok" for d, _ in outcomes) else []
        finally:
            tables.release()
        timings["validate"] = time.perf_counter() - start
        return assemble(outcomes, issues, ruleset.version)


def audit_files(
    items: list[tuple[Path, str]],
    config=None,
    ruleset=None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    master: str | None = None,
    timings: dict | None = None,
) -> AuditResult:
    """`SparkEngine(master, timings).audit_files` with the rules of `config` (default settings) unless `ruleset` is given."""
    from auditor.config import Config

    ruleset = ruleset or (config or Config()).ruleset()
    return SparkEngine(master, timings).audit_files(items, ruleset, progress, jobs)
