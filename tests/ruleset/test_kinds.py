"""The README's table of kinds is the issue contract's vocabulary, and names the rules of each kind."""

from pathlib import Path

from auditor.issue import KINDS
from auditor.ruleset.loader import load_ruleset

README = Path(__file__).resolve().parents[2] / "README.md"


def kind_rows() -> dict[str, str]:
    """kind → the README's 'built-in rules' cell, in the table's order."""
    text = README.read_text(encoding="utf-8")
    table = text.split("| kind | what is inconsistent | built-in rules |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.strip().splitlines()[1:]:
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        rows[cells[0].strip("`")] = cells[2]
    return rows


def test_the_readme_lists_every_kind_in_the_contracts_order():
    assert list(kind_rows()) == list(KINDS)


def test_the_readme_names_each_rule_under_the_kind_it_declares():
    rows = kind_rows()
    for rule in load_ruleset().rules:
        assert rule.code in rows[rule.kind].replace(",", " ").split(), (rule.code, rule.kind)
    named = {code for cell in rows.values() for code in cell.replace(",", " ").split() if code.isupper()}
    assert named <= {r.code for r in load_ruleset().rules}
