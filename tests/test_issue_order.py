"""Issues come in reading order: numbers inside locators compare as numbers, cells by row then column."""

from auditor.document import Locator
from auditor.issue import Issue


def _issue(doc="a.docx", rule="R", **where) -> Issue:
    return Issue(doc=doc, rule=rule, kind="typo", severity="error", message="m", location=Locator(**where))


def _order(*issues: Issue) -> list[str]:
    return [i.location.short() for i in sorted(issues, key=Issue.sort_key)]


def test_rows_and_columns_of_a_word_table_in_reading_order():
    got = _order(_issue(table=1, row=17), _issue(table=1, row=4), _issue(table=10, row=1), _issue(table=2, row=3))
    assert got == ["T1 R4", "T1 R17", "T2 R3", "T10 R1"]
    got = _order(_issue(table=1, row=4, column=12), _issue(table=1, row=4, column=3))
    assert got == ["T1 R4 C3", "T1 R4 C12"]


def test_excel_cells_by_row_then_column():
    cells = ["B13", "B3", "AA2", "C3", "A10"]
    got = _order(*(_issue(doc="a.xlsx", sheet="自评表", cell=c) for c in cells))
    assert got == ["自评表!AA2", "自评表!B3", "自评表!C3", "自评表!A10", "自评表!B13"]


def test_pages_lines_and_labels_compare_their_numbers():
    assert _order(_issue(page=10, line=1), _issue(page=2, line=30), _issue(page=2, line=4)) == [
        "p.2 L4",
        "p.2 L30",
        "p.10 L1",
    ]
    by_label = sorted([_issue(line=5, row="第12行"), _issue(line=5, row="第2行")], key=Issue.sort_key)
    assert [i.location.row for i in by_label] == ["第2行", "第12行"]


def test_documents_first_then_rule_breaks_ties():
    a, b = _issue(doc="b.txt", line=1), _issue(doc="a.txt", line=9)
    assert sorted([a, b], key=Issue.sort_key) == [b, a]
    x, y = _issue(line=3, rule="Z_RULE"), _issue(line=3, rule="A_RULE")
    assert sorted([x, y], key=Issue.sort_key) == [y, x]


def test_a_label_of_circled_or_superscript_digits_sorts_as_text():
    """① and ² are digits to str.isdigit but not numbers int() reads: they sort as text, never crash."""
    from auditor.document import Locator
    from auditor.issue import Issue

    def at(row):
        return Issue(
            doc="a.txt",
            rule="R",
            kind="typo",
            severity="warning",
            project=None,
            message="m",
            location=Locator(line=1, row=row),
        )

    rows = [i.location.row for i in sorted([at("②"), at("10"), at("①"), at("2")], key=lambda i: i.sort_key())]
    assert rows == ["2", "10", "①", "②"]
