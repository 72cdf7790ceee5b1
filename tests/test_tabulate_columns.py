"""Rows travel from the workers as columns (`packed`); the frames they make are the row dicts' own."""

import pickle
from decimal import Decimal

import pandas as pd

from auditor.digest import read_one
from auditor.document import Locator
from auditor.tabulate import _frame, add_rows, document_rows, empty_rows, frames, packed


def as_rows_would(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    return {name: _frame(name, entity_rows) for name, entity_rows in rows.items()}


def through_columns(*documents: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    batch = empty_rows()
    for rows in documents:
        add_rows(batch, pickle.loads(pickle.dumps(packed(rows))))
    return frames(batch)


def assert_same(expected: pd.DataFrame, got: pd.DataFrame) -> None:
    assert list(got.columns) == list(expected.columns)
    assert got.dtypes.equals(expected.dtypes) and got.index.equals(expected.index)
    for column in expected.columns:
        for e, g in zip(expected[column].tolist(), got[column].tolist()):
            assert type(g) is type(e) and repr(g) == repr(e), (column, e, g)


def test_a_reports_frames_are_the_same_as_columns(sample_path):
    _, _, records, _ = read_one((sample_path, "sample.txt"))
    rows = document_rows(records)
    got = through_columns(rows)
    for name, expected in as_rows_would(rows).items():
        assert_same(expected, got[name])
    assert isinstance(got["indicators"]["loc"].iloc[0], Locator)


def test_documents_with_other_keys_missing_values_and_odd_locations_meet_in_one_frame():
    here, there = Locator(line=3), Locator(paragraph=2, table=1, row=4, column="得分")
    first = {"funding": [{"doc": "a", "kind": "total", "budget": Decimal("1.50"), "loc": here}]}
    second = {
        "funding": [
            {"doc": "b", "budget_loc": there, "kind": float("nan"), "loc": None},
            {"doc": "b", "label": "其中", "loc": ("not", "a", "locator")},
        ]
    }
    got = through_columns(first, second)["funding"]
    assert_same(_frame("funding", first["funding"] + second["funding"]), got)
    assert got["kind"].tolist() == ["total", None, None]
    assert got["loc"].tolist()[2] == ("not", "a", "locator") and type(got["loc"].tolist()[2]) is tuple
    assert type(got["budget_loc"].tolist()[1]) is Locator


def test_an_entity_no_document_fills_has_every_declared_column():
    got = through_columns({"funding": []})
    assert_same(_frame("scores", []), got["scores"])
