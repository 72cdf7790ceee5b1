"""Every column a rule may read is declared once, in auditor.entities, and tabulate produces no other."""

from decimal import Decimal
from pathlib import Path

import pytest

from auditor.document import Locator
from auditor.entities import DECLARED, ENTITIES, KINDS, columns_of, figures, tabulated

ROOT = Path(__file__).resolve().parent
DOCUMENTS = (
    sorted((ROOT.parent / "data_samples").glob("*.txt"))
    + sorted((ROOT / "forms" / "fixtures").glob("*.txt"))
    + sorted((ROOT / "prose").glob("*.txt"))
)
TYPES = {"figure": Decimal, "decimal": Decimal, "text": str, "int": int, "bool": bool, "locator": Locator}


@pytest.fixture(scope="module")
def frames():
    """The frames of the sample report and every form fixture, before and after validation's additions."""
    from auditor.engine.checks import with_rates
    from auditor.engine.profiles import assign_caps
    from auditor.read import read_document
    from auditor.recognise import recognise
    from auditor.ruleset.loader import load_ruleset
    from auditor.tabulate import tabulate

    tables = tabulate([recognise(read_document(p, p.name)) for p in DOCUMENTS])
    ruleset = load_ruleset()
    prepared = with_rates({**tables, "scores": assign_caps(tables["scores"], ruleset.profile, ruleset.profiles)})
    return tables, prepared


def test_tabulate_produces_only_declared_columns(frames):
    tables, _ = frames
    assert len(DOCUMENTS) > 20
    for entity, frame in tables.items():
        assert not frame.empty, entity
        undeclared = [c for c in frame.columns if c not in tabulated(entity)]
        assert not undeclared, f"declare {entity} columns {undeclared} in auditor/entities.py"


def test_validation_adds_the_columns_declared_as_added(frames):
    tables, prepared = frames
    for entity in ENTITIES:
        added = [c for c in prepared[entity].columns if c not in tables[entity].columns]
        assert added == [c.name for c in columns_of(entity).values() if c.added], entity


def test_every_value_has_its_declared_kind(frames):
    _, prepared = frames
    for entity, frame in prepared.items():
        for column in frame.columns:
            kind = columns_of(entity)[column].kind
            wrong = {type(v).__name__ for v in frame[column] if v is not None and not isinstance(v, TYPES[kind])}
            assert not wrong, (entity, column, kind, wrong)


def test_a_figure_brings_its_text_and_locator():
    from auditor.tabulate import FIGURES

    for entity in ENTITIES:
        columns = columns_of(entity)
        for name in figures(entity):
            assert columns[f"{name}_text"].kind == "text" and columns[f"{name}_loc"].kind == "locator"
        assert FIGURES.get(entity, []) == figures(entity)


def test_every_column_has_a_kind_and_a_meaning_in_both_languages():
    for entity in DECLARED:
        assert entity.zh and entity.en
        for column in columns_of(entity.name).values():
            assert column.kind in KINDS and column.zh and column.en, (entity.name, column.name)


def test_an_empty_batch_has_every_tabulated_column():
    from auditor.tabulate import tabulate

    for entity, frame in tabulate([]).items():
        assert list(frame.columns) == tabulated(entity)
