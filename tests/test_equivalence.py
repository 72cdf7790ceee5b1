"""One report, every format: the .docx, .xlsx, .pdf and web page forms of the sample, and its text pasted
from a browser or Excel, give the issues its text (Word's copy) gives.

The files are generated here from the text form, with merged cells as published
(tests/read/make_fixtures.py; the web page with a portal's frame around it, also
in GBK and as a saved .mht archive). Locations differ by format (line,
table/row/column, sheet/cell, page); what a finding says may not.
"""

import pytest
from read.fixtures_html import build_html, build_mht
from read.make_fixtures import build_docx, build_pdf, build_xlsx, sample_blocks

from auditor.pipeline import audit


def findings(result):
    return sorted((i.rule, i.kind, i.project or "", i.expected or "", i.found or "") for i in result.issues)


@pytest.fixture(scope="module")
def text_findings(ruleset, sample_path):
    return findings(audit([str(sample_path)], ruleset=ruleset))


def build_gbk_page(path):
    return build_html(path, encoding="gbk")


def pasted(shape):
    """The sample's text as pasted from a browser or Excel (a row a line, cells split by TAB, a merged cell's
    places left blank) or from a page's text view (a cell a line closed by `|`, a row's end a run of `|`)."""

    def build(path):
        out = []
        for block in sample_blocks():
            if isinstance(block, str):
                out.append(block)
                continue
            width = max(len(row) for row in block)
            for row in block:
                cells = [c.replace("\n", "") for c in row]
                if shape == "tsv":
                    out.append("\t".join(cells + [""] * (width - len(cells))))
                else:
                    out.extend(f"{c} |" if c.strip() else "|" for c in cells)
                    out.append("|" * (width + 3 - len(cells)))
            out.append("")
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        return path

    return build


FORMS = [
    (build_docx, "docx", "docx"),
    (build_xlsx, "xlsx", "xlsx"),
    (build_pdf, "pdf", "pdf"),
    (build_html, "html", "html"),
    (build_gbk_page, "htm", "html"),
    (build_mht, "mht", "mht"),
    (pasted("tsv"), "txt", "txt"),
    (pasted("cells"), "txt", "txt"),
]


@pytest.mark.parametrize(
    "build,suffix,fmt", FORMS, ids=["docx", "xlsx", "pdf", "html", "gbk-page", "mht", "pasted-tsv", "pasted-cells"]
)
def test_every_format_gives_the_same_issues(tmp_path, ruleset, text_findings, build, suffix, fmt):
    path = build(tmp_path / f"sample.{suffix}")
    result = audit([str(path)], ruleset=ruleset)
    assert result.documents[0].status == "ok" and result.documents[0].format == fmt
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
    page = audit([str(build_html(tmp_path / "s.html"))], ruleset=ruleset)
    score = next(i for i in page.issues if i.rule == "SCORE_LE_WEIGHT")
    assert {"table", "row", "column"} <= set(score.location.as_dict())
