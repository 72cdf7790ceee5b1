"""Run the compiled suites on GX's Spark engine and describe the failures as the pandas engine does.

The suites are the pandas engine's own (`engine.validate.build_suites`); only
the data source differs: GX's Spark source, given each entity's DataFrame.
GX reports failing rows by the `_row` key (Spark has no row index) and their
`doc`. The driver then collects the rows it needs to put into words (the
failing rows, plus every row of the documents where a group-wise rule
failed, since its message states the group's sum) and describes them with
`describe.make_issues`, in the pandas engine's order, so the issue list is the
same list.
"""

from __future__ import annotations

import pandas as pd

from auditor.engine.describe import make_issues
from auditor.engine.spark.columns import ROW
from auditor.engine.spark.tables import Tables, to_pandas
from auditor.issue import Issue
from auditor.ruletypes import type_of


def group_wise(rule) -> bool:
    """Whether the rule's message needs the rows of the failing row's group (its document), not only the row."""
    return type_of(rule).group_wise


def result_format() -> dict:
    from auditor.engine.validate import RESULT_FORMAT

    # NOTE: GX collects the failing rows' domain columns with their keys, which costs little (failing
    # rows are few); asking it not to (exclude_unexpected_values) costs a Spark job per expectation more
    return {**RESULT_FORMAT, "unexpected_index_column_names": [ROW, "doc"]}


_SOURCES: dict[str, object] = {}


def _source(entity: str):
    """A GX Spark data source of one entity, with its own execution engine (see `validate`)."""
    if entity not in _SOURCES:
        from auditor.engine.validate import gx_context

        context, _ = gx_context()
        # NOTE: persist=False: the entity tables are projections of a table already cached
        source = context.data_sources.add_spark(f"auditor_spark_{entity}", persist=False)
        asset = source.add_dataframe_asset(entity)
        asset.add_batch_definition_whole_dataframe("all")
        _SOURCES[entity] = source
    return _SOURCES[entity]


def validate(tables: Tables, ruleset, suites=None) -> list[Issue]:
    """Issues of every rule over every entity table of the batch, as `engine.validate.validate` gives them.

    NOTE: the suites run side by side, one thread each. On Spark every GX
    metric is a job (four or five per expectation), and a job's cost is mostly
    waiting: in local[2] about 0.4 s for a few rows, so 45 expectations took
    over a minute one after another. Each entity has its own data source, so
    no two threads share an execution engine; issues are described afterwards,
    in the suites' order.
    """
    from concurrent.futures import ThreadPoolExecutor

    from auditor.engine.validate import suites_for

    if suites is None:
        suites = suites_for(ruleset)
    todo = [(entity, suite, rules) for entity, (suite, rules) in suites.items() if tables.counts.get(entity)]
    sources = {entity: _source(entity) for entity, _, _ in todo}

    def run(job):
        entity, suite, _ = job
        frame = tables.entity(entity)
        return frame, _validate_suite(sources[entity], frame, suite)

    with ThreadPoolExecutor(max_workers=max(1, len(todo))) as pool:
        done = list(pool.map(run, todo))
    issues: list[Issue] = []
    for (entity, _, rules), (frame, result) in zip(todo, done):
        issues.extend(_describe(tables, entity, frame, result, rules, ruleset.lexicons))
    return issues


def _validate_suite(source, frame, suite):
    from great_expectations.validator.v1_validator import Validator

    definition = source.assets[0].get_batch_definition("all")
    return Validator(
        batch_definition=definition, batch_parameters={"dataframe": frame}, result_format=result_format()
    ).validate_expectation_suite(suite)


def _describe(tables: Tables, entity: str, frame, result, rules: dict, lexicons: dict) -> list[Issue]:
    """The issues of one suite's results, in GX's result order, each rule's rows in frame order."""
    from auditor.engine.validate import crashed, exception_message

    failed = []  # (rule, failing (row, doc) keys, crash message)
    for item in result.results:
        rule = rules[item.expectation_config.meta["rule"]]
        failure = exception_message(item.exception_info)
        failed.append((rule, [] if failure else _unexpected(item.result), failure))
    rows = {r for _, keys, _ in failed for r, _ in keys}
    docs = {d for rule, keys, _ in failed if group_wise(rule) for _, d in keys}
    needed = _collect(tables, entity, frame, rows, docs) if rows else None
    issues: list[Issue] = []
    for rule, keys, failure in failed:
        if failure:
            issues.extend(crashed(rule, _docs(frame), failure))
            continue
        try:
            issues.extend(make_issues(rule, needed, [r for r, _ in keys], lexicons))
        except Exception as exc:  # noqa: BLE001 - as in the pandas engine: one rule's crash is a finding
            issues.extend(crashed(rule, _docs(frame), f"{type(exc).__name__}: {exc}"))
    return issues


def _unexpected(result: dict) -> list[tuple[int, str]]:
    """(row key, doc) of the failing rows, in frame order: GX on Spark returns them in any order."""
    return sorted((row[ROW], row["doc"]) for row in result.get("unexpected_index_list") or [])


def _collect(tables: Tables, entity: str, frame, rows: set[int], docs: set[str]) -> pd.DataFrame:
    """The failing rows and every row of `docs`, fetched from the executors as the pandas engine's frame."""
    from pyspark.sql import functions as F

    spark = frame.sparkSession
    keys = spark.createDataFrame([(r,) for r in sorted(rows)], f"{ROW} long")
    wanted = frame.join(F.broadcast(keys), ROW, "left_semi")
    if docs:
        names = spark.createDataFrame([(d,) for d in sorted(docs)], "doc string")
        wanted = wanted.unionByName(frame.join(F.broadcast(names), "doc", "left_semi"))
    fetched = {r[ROW]: r for r in wanted.collect()}
    return to_pandas(entity, list(fetched.values()))


def _docs(frame) -> pd.DataFrame:
    """The documents of an entity table, for reporting a rule that could not run against each of them."""
    return pd.DataFrame({"doc": [r["doc"] for r in frame.select("doc").distinct().collect()]})
