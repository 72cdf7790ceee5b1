"""Run every entity's suite once over the whole batch and collect Issues.

Design notes measured on GX 1.24: validating per document is ruinous (1,000
small documents took minutes one by one and under a second as one frame), so
every entity is one concatenated frame validated once; results are asked for
as row positions only and locators are joined here, not by GX.
"""

from __future__ import annotations

import logging
import os
import warnings
from functools import lru_cache, partial

import pandas as pd

from auditor.document import Locator
from auditor.engine.compile import compile_rule
from auditor.engine.describe import make_issues
from auditor.engine.profiles import checkable
from auditor.engine.shares import outcomes
from auditor.engine.spark.session import before_pyspark
from auditor.issue import Issue

RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "partial_unexpected_count": 0,
    "include_unexpected_rows": False,
    "return_unexpected_index_query": False,
}


@lru_cache(maxsize=1)
def gx_context():
    """One ephemeral GX context per process: no files written, no progress bars, no analytics."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    # NOTE: pandas warns of any group in a regex GX passes to str.contains; a rule's group is there for
    # a back-reference (TYPO_REPEAT: a word written twice), never to extract, so the warning says nothing
    warnings.filterwarnings(
        "ignore", message="This pattern is interpreted as a regular expression, and has match groups"
    )
    before_pyspark()
    import great_expectations as gx

    from auditor.engine.source import AuditorPandasDatasource  # noqa: F401 - registers add_auditor_pandas

    # NOTE: tqdm starts a monitor thread with its first bar (GX makes one per validation, shown or not),
    # and the thread outlives it: a process that forks later (the next batch's readers, a shared
    # validation) would fork with it running. Without a monitor there is no thread.
    try:
        import tqdm

        tqdm.tqdm.monitor_interval = 0
    except ImportError:  # a GX without tqdm: no bars, no monitor
        pass
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    return context, context.data_sources.add_auditor_pandas("auditor")


def prepare(ruleset) -> None:
    """Import GX, make its context and compile the suites now, so that `validate` starts at once.

    Run in a thread while worker processes read a batch. A failure here is
    left for `validate` to meet again and report in the caller's thread.
    """
    try:
        suites_for(ruleset)
    except Exception:  # noqa: BLE001, S110 - validate() repeats this work and reports the error
        pass


def suites_for(ruleset) -> dict[str, tuple[object, dict]]:
    """The rule set's compiled suites, built on first use and kept on the rule set.

    NOTE: kept there so a server, or a caller auditing batch after batch, compiles
    once; GX builds suites only once a context exists, so this makes one first.
    """
    suites = getattr(ruleset, "_gx_suites", None)
    if suites is None:
        _, source = gx_context()
        suites = ruleset._gx_suites = build_suites(ruleset)
        # NOTE: each entity's data asset made here too: GX writes its whole configuration out as YAML
        # for every asset added (14 entities: 0.15 s), which otherwise every validating process repeated
        for entity in suites:
            _asset(source, entity)
    return suites


def build_suites(ruleset) -> dict[str, tuple[object, dict]]:
    """entity → (ExpectationSuite, {rule code: rule}) for every entity some rule runs on."""
    import great_expectations as gx

    suites: dict[str, tuple[object, dict]] = {}
    for rule in ruleset.rules:
        for entity, expectation in compile_rule(rule, ruleset.lexicons):
            if entity not in suites:
                suites[entity] = (gx.ExpectationSuite(name=entity), {})
            suite, codes = suites[entity]
            suite.add_expectation(expectation)
            codes[rule.code] = rule
    return suites


def validate(frames: dict[str, pd.DataFrame], ruleset, suites=None, processes: int = 1) -> list[Issue]:
    """Issues of every rule over every entity frame (each frame holds all documents of the batch).

    With `processes` above 1 the suites are shared out between this process
    and forked copies of it (`auditor.engine.shares`); the issues are the same.
    """
    _, source = gx_context()
    if suites is None:
        suites = suites_for(ruleset)
    work = []
    for entity, (suite, rules) in suites.items():
        frame = frames.get(entity)
        if frame is not None and not frame.empty:
            work.append((entity, frame, suite, rules))
    found = outcomes(work, partial(_issues_of, source, ruleset), processes)
    return [issue for entity, *_ in work for issue in found[entity]]


def _issues_of(source, ruleset, entity: str, frame: pd.DataFrame, suite, rules: dict) -> list[Issue]:
    """The issues of one entity's suite: its frame as the rules read it, validated by GX, each failure described.

    NOTE: checkable and described where the suite runs, so both are shared out with the suites
    (1,000 reports: 0.15 s and 0.1 s in one process); `checkable` works entity by entity.
    """
    frame = checkable({entity: frame}, ruleset.profile, ruleset.profiles)[entity]
    issues: list[Issue] = []
    for code, failure, indices in _outcomes(source, entity, frame, suite, rules):
        rule = rules[code]
        if failure:
            issues.extend(crashed(rule, frame, failure))
            continue
        try:
            issues.extend(make_issues(rule, frame, indices, ruleset.lexicons))
        except Exception as exc:  # noqa: BLE001 - describing one rule's rows must not end the batch
            issues.extend(crashed(rule, frame, f"{type(exc).__name__}: {exc}"))
    return issues


def _outcomes(source, entity: str, frame: pd.DataFrame, suite, rules: dict) -> list[tuple[str, str | None, list]]:
    """What GX says of each expectation of one suite over one frame, in the order GX gives them: its rule's
    code, the error it met (None) and the failing rows' index."""
    result = _validate_suite(source, entity, frame[_read_columns(suite, rules, frame)], suite)
    out = []
    for item in result.results:
        failure = exception_message(item.exception_info)
        indices = [] if failure else item.result.get("unexpected_index_list") or []
        out.append((item.expectation_config.meta["rule"], failure, indices))
    return out


def _read_columns(suite, rules: dict, frame: pd.DataFrame) -> list[str]:
    """The columns some expectation of the suite reads, in the frame's order.

    NOTE: GX fingerprints every frame it is given (hashing each value, and a
    locator hashes through its repr) and resolves every column for each row
    condition: the printed texts, locators and evidence that only describe a
    finding cost a third of a 1,000-report validation. Issues are described
    from the whole frame, whose index the narrow one keeps.
    """
    wanted = {"doc"}
    for expectation in suite.expectations:
        wanted.update(getattr(expectation, "column_list", None) or [])
        column = getattr(expectation, "column", None)
        if column:
            wanted.add(column)
        wanted.update(rules[expectation.meta["rule"]].where)
    return [c for c in frame.columns if c in wanted]


def _validate_suite(source, entity: str, frame: pd.DataFrame, suite):
    """GX's validation of one suite over one frame, as `Batch.validate` does it, minus one batch.

    NOTE: `get_batch(...).validate(suite)` builds the batch twice (and GX
    fingerprints the whole frame each time); the validator `Batch.validate`
    delegates to builds it once from the batch definition and parameters.
    """
    from great_expectations.validator.v1_validator import Validator

    definition = _asset(source, entity).get_batch_definition("all")
    return Validator(
        batch_definition=definition, batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT
    ).validate_expectation_suite(suite)


def _asset(source, entity: str):
    try:
        return source.get_asset(entity)
    except LookupError:
        asset = source.add_dataframe_asset(entity)
        asset.add_batch_definition_whole_dataframe("all")
        return asset


def exception_message(info: dict | None) -> str | None:
    """The message of an exception GX caught, at the top level or under a metric's id."""
    if not info:
        return None
    if info.get("raised_exception"):
        return info.get("exception_message") or "error"
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return value.get("exception_message") or "error"
    return None


def crashed(rule, frame: pd.DataFrame, message: str | None) -> list[Issue]:
    """A rule that fails to run is reported against each document it should have checked; the run goes on."""
    text = {"zh": f"规则 {rule.code} 未能运行：{message}", "en": f"rule {rule.code} could not run: {message}"}
    return [
        Issue(
            doc=doc,
            rule=rule.code,
            kind=rule.kind,
            severity="warning",
            message=text["zh"],
            messages=text,
            location=Locator(line=1),
            evidence=None,
        )
        for doc in sorted(frame["doc"].unique())
    ]
