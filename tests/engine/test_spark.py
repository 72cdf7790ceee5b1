"""The Spark engine gives the pandas engine's issue list, byte for byte, and says clearly when it cannot run.

One local[2] session serves the whole module (starting Spark costs 5-15 s);
the inputs are few but cover every rule type: the sample as text and .docx,
one generated report per injectable kind of defect, a clean one, and two
files that cannot be read.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.engine.spark import session as S
from auditor.pipeline import audit
from auditor.render import renderer

MASTER = "local[2]"


@pytest.fixture(scope="session")
def spark():
    try:
        S.check_requirements()
    except S.SparkUnavailable as exc:
        pytest.skip(f"the Spark engine cannot run here: {exc}")
    session = S.get_session(MASTER)
    yield session
    S.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, sample_path):
    from read.make_fixtures import build_docx, sample_blocks

    from auditor.synth import generate
    from auditor.synth.defects import injectable_kinds

    folder = tmp_path_factory.mktemp("spark-corpus")
    shutil.copy(sample_path, folder / "sample.txt")
    build_docx(folder / "sample.docx", sample_blocks())  # Word's locators: paragraph, table, row, column
    for n, kind in enumerate(injectable_kinds()):
        for name, text, _ in generate(1, 300 + n, defect_rate=1.0, kinds=[kind]):
            (folder / f"{kind}-{name}").write_text(text, encoding="utf-8")
    for name, text, _ in generate(1, 299, defect_rate=0.0):
        (folder / f"clean-{name}").write_text(text, encoding="utf-8")
    for prose in sorted((Path(__file__).resolve().parent.parent / "prose").glob("*.txt")):
        shutil.copy(prose, folder / f"prose-{prose.name}")  # every prose entity, its bool and int columns too
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder


@pytest.mark.spark
def test_spark_gives_the_pandas_engines_json_byte_for_byte(spark, corpus, ruleset):
    pandas_result = audit([str(corpus)], ruleset=ruleset)
    timings: dict = {}
    from auditor.engine.spark.run import audit_files
    from auditor.read import expand

    spark_result = audit_files(expand([str(corpus)]), ruleset=ruleset, master=MASTER, timings=timings)
    for lang in ("zh", "en"):
        assert renderer("json")(spark_result, lang=lang) == renderer("json")(pandas_result, lang=lang)
    kinds = {i.kind for i in spark_result.issues}
    assert {"unreadable_input", "total_mismatch", "project_topic_mismatch", "count_mismatch"} <= kinds
    assert {"claim_contradiction", "execution_exceeds_budget", "execution_rate_mismatch"} <= kinds
    assert sum(d.status == "unreadable" for d in spark_result.documents) == 2
    assert set(timings) == {"session", "read", "validate"}


@pytest.mark.spark
def test_check_engine_spark_prints_what_the_pandas_engine_prints(spark, sample_path):
    args = ["check", str(sample_path), "--format", "json", "--select", "scores", "--select", "FUNDING_RATE"]
    on_pandas = CliRunner().invoke(main, args)
    on_spark = CliRunner().invoke(main, [*args, "--engine", "spark", "--spark-master", MASTER])
    assert on_spark.exit_code == on_pandas.exit_code == 1, on_spark.output
    assert on_spark.stdout == on_pandas.stdout
    assert {i["rule"] for i in json.loads(on_spark.stdout)["issues"]} >= {"SCORE_LE_WEIGHT", "FUNDING_RATE"}


@pytest.mark.spark
def test_a_documents_rows_reach_a_group_wise_check_in_one_batch(spark, corpus, ruleset):
    """What group-wise rules rely on (udf.py): each partition of an entity table is one Arrow batch."""
    from pyspark.sql import functions as F
    from pyspark.sql.functions import pandas_udf

    from auditor.engine.spark.tables import read_tables
    from auditor.read import expand

    @pandas_udf("long")
    def batch_rows(doc: pd.Series) -> pd.Series:
        return pd.Series([len(doc)] * len(doc))

    tables = read_tables(spark, expand([str(corpus)]), ruleset)
    try:
        for entity in ("scores", "funding", "counts", "names", "sections"):
            table = tables.entity(entity)
            for rows in (table, table.filter(F.col("role").isNotNull())):  # as GX's row conditions filter
                seen = rows.select(F.spark_partition_id().alias("part"), batch_rows("doc").alias("batch"))
                shape = (
                    seen.groupBy("part")
                    .agg(F.count("*").alias("rows"), F.min("batch").alias("low"), F.max("batch").alias("high"))
                    .collect()
                )
                assert all(r["rows"] == r["low"] == r["high"] for r in shape), (entity, shape)
    finally:
        tables.release()


def test_every_group_wise_rule_groups_within_a_document(ruleset):
    from auditor.engine.spark.validate import group_wise

    grouped = [r for r in ruleset.rules if group_wise(r)]
    assert grouped and all("doc" in r.group_by for r in grouped), [r.code for r in grouped]


def test_every_tabulated_value_crosses_into_spark_and_back_unchanged(sample_path):
    from decimal import Decimal

    from auditor.engine.checks import with_rates
    from auditor.engine.profiles import assign_caps
    from auditor.engine.spark.columns import decode, encode, entity_columns, kind_of
    from auditor.pipeline import read_one
    from auditor.ruleset.loader import load_ruleset
    from auditor.tabulate import tabulate

    frames = tabulate([read_one((sample_path, "s.txt"))[2]])
    ruleset = load_ruleset()
    frames["scores"] = assign_caps(frames["scores"], ruleset.profile, ruleset.profiles)
    frames = with_rates(frames)  # as the executors prepare each chunk: rates in percent beside the rates
    for entity, frame in frames.items():
        assert set(frame.columns) <= set(entity_columns(entity)), entity
        for column in frame.columns:
            kind = kind_of(entity, column)
            for value in frame[column]:
                back = decode(kind, encode(kind, value))
                assert back == value and type(back) is type(value), (entity, column, value)
                if isinstance(value, Decimal):
                    assert str(back) == str(value)  # 760.2160 keeps its printed places
    assert encode("decimal", float("nan")) is None and encode("int", float("nan")) is None


def _without_spark(monkeypatch, missing=(), java=17):
    monkeypatch.setattr(S, "_session", None)
    monkeypatch.setattr(S, "_importable", lambda name: name not in missing)
    monkeypatch.setattr(S, "java_version", lambda: java)


@pytest.mark.parametrize(
    "missing,java,words",
    [
        (("pyspark",), 17, ["pyspark", "pip install 'auditor[spark]'"]),
        (("pyarrow",), 17, ["pyarrow", "pip install 'auditor[spark]'"]),
        ((), None, ["Java 17", "JAVA_HOME"]),
        ((), 11, ["Java 17", "Java 11"]),
    ],
)
def test_missing_pyspark_or_java_is_one_clear_line_and_exit_2(monkeypatch, sample_path, missing, java, words):
    _without_spark(monkeypatch, missing, java)
    result = CliRunner().invoke(main, ["check", str(sample_path), "--engine", "spark", "--lang", "en"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert all(w in result.output for w in words), result.output
    zh = CliRunner().invoke(main, ["check", str(sample_path), "--engine", "spark"])
    assert zh.exit_code == 2 and "需要" in zh.output


def test_java_is_looked_for_where_spark_looks(monkeypatch, tmp_path):
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    assert S.java_version() is None
    (tmp_path / "bin").mkdir()
    java = tmp_path / "bin" / "java"
    java.write_text("#!/bin/sh\necho 'openjdk version \"1.8.0_412\"' >&2\n")
    java.chmod(0o755)
    assert S.java_version() == 8


def test_engine_options_are_checked(tmp_path, monkeypatch, sample_path):
    assert CliRunner().invoke(main, ["check", str(sample_path), "--spark-master", MASTER]).exit_code == 2
    (tmp_path / "auditor.cfg").write_text("[auditor]\nengine = dask\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(sample_path), "--lang", "en"])
    assert result.exit_code == 2 and "unknown engine dask" in result.output
