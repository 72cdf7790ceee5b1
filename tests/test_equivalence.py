"""One report, every format: the .docx, .xlsx and .pdf forms of the sample give the issues its text gives.

The binary files are generated here from the text form, with merged cells as
published (tests/read/make_fixtures.py). Locations differ by format (line,
table/row/column, sheet/cell, page); what a finding says may not.
"""

import pytest
from read.make_fixtures import build_docx, build_pdf, build_xlsx

from auditor.pipeline import audit


def findings(result):
    return sorted((i.rule, i.kind, i.project or "", i.expected or "", i.found or "") for i in result.issues)


@pytest.fixture(scope="module")
def text_findings(ruleset, sample_path):
    return findings(audit([str(sample_path)], ruleset=ruleset))


@pytest.mark.parametrize("build,suffix", [(build_docx, "docx"), (build_xlsx, "xlsx"), (build_pdf, "pdf")])
def test_every_format_gives_the_same_issues(tmp_path, ruleset, text_findings, build, suffix):
    path = build(tmp_path / f"sample.{suffix}")
    result = audit([str(path)], ruleset=ruleset)
    assert result.documents[0].status == "ok" and result.documents[0].format == suffix
    assert findings(result) == text_findings
    assert all(i.location.as_dict() for i in result.issues)


def test_native_locators(tmp_path, ruleset):
    docx = audit([str(build_docx(tmp_path / "s.docx"))], ruleset=ruleset)
    score = next(i for i in docx.issues if i.rule == "SCORE_LE_WEIGHT")
    assert {"table", "row", "column"} <= set(score.location.as_dict())
    xlsx = audit([str(build_xlsx(tmp_path / "s.xlsx"))], ruleset=ruleset)
    score = next(i for i in xlsx.issues if i.rule == "SCORE_LE_WEIGHT")
    assert score.location.sheet and score.location.cell
    pdf = audit([str(build_pdf(tmp_path / "s.pdf"))], ruleset=ruleset)
    assert all(i.location.page for i in pdf.issues if i.rule == "SCORE_LE_WEIGHT")
