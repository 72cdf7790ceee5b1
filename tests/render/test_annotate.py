"""`auditor annotate`: a commented copy of a Word report, each comment on the cell or sentence it concerns."""

from __future__ import annotations

import hashlib
import importlib.util
import zipfile

import docx
import pytest
from click.testing import CliRunner

from auditor.annotate import annotate_docx
from auditor.cli import main
from auditor.document import Locator

from . import docx_fixture
from .conftest import issue
from .docx_fixture import SENTENCE

HAS_DOCX_READER = importlib.util.find_spec("auditor.read.docx") is not None


def issues() -> list:
    doc = "report.docx"
    return [
        issue(
            doc,
            "NARRATIVE_RATE",
            "execution_rate_mismatch",
            "error",
            Locator(paragraph=3, column="完成预算比例"),
            "养老",
            "84.47%",
            "75%",
            SENTENCE,
            zh="自评综述称完成预算的 75%",
        ),
        issue(
            doc,
            "FUNDING_RATE",
            "execution_rate_mismatch",
            "error",
            Locator(table=1, row=2, column=4),
            "养老",
            "84.47%",
            "75.00%",
            "年度资金总额： 900 900 760.2160 75.00% 85",
        ),
        issue(
            doc,
            "SCORE_LE_WEIGHT",
            "score_exceeds_weight",
            "error",
            Locator(table=1, row="其中：本年财政拨款", column="得分"),
            "养老",
            "<= 10",
            "85",
            "其中：本年财政拨款 ...",
        ),
        issue(
            doc,
            "TOTAL_WEIGHT_SUM",
            "total_mismatch",
            "error",
            Locator(table=2, row="总分", column="分值"),
            "养老",
            "90",
            "100",
            "总分 100 100",
        ),
        issue(
            doc,
            "TOTAL_SCORE_SUM",
            "total_mismatch",
            "error",
            Locator(table=2, row="总分", column="得分"),
            "养老",
            "90",
            "100",
            "总分 100 100",
        ),
        issue(
            doc,
            "PROJECT_TOPIC",
            "project_topic_mismatch",
            "warning",
            Locator(table=2, row="运转保障率", column="三级指标"),
            "养老",
            "养老保险",
            "医疗保险",
            "运转保障率",
        ),
        issue(doc, "READ_TABLE", "extraction_incomplete", "warning", Locator(table=1), "养老", "绩效指标"),
        issue(doc, "YEAR_MATCH", "year_mismatch", "warning", Locator(paragraph=5), None, "2023", "2022", "不在此段"),
        issue(doc, "X_LINE", "typo", "info", Locator(line=40), None, "合规率", "合规律"),
        issue(doc, "X_GONE", "typo", "info", Locator(table=9, row=1, column=1), None, "a", "b"),
    ]


@pytest.fixture()
def report(tmp_path):
    return docx_fixture.build(tmp_path / "report.docx")


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_one_comment_per_issue_anchored_where_it_belongs(report, tmp_path):
    out = tmp_path / "out" / "annotated.docx"
    done = annotate_docx(report, out, issues(), "zh")
    assert (done.comments, done.unplaced) == (10, 2)
    texts = docx_fixture.comments(out)
    assert list(texts) == [str(n) for n in range(10)]
    where = docx_fixture.anchors(out)
    assert where["0"] == {"paragraph": 3, "text": SENTENCE}  # the sentence, across 2 runs
    assert where["1"] == {"table": 1, "row": 2, "cell": 4, "text": "75.00%"}  # numbers as the reader gives
    assert where["2"] == {"table": 1, "row": 3, "cell": 5, "text": "85"}  # labels, settled by the value
    assert where["3"] == {"table": 2, "row": 3, "cell": 2, "text": "100"}  # same value twice: the heading
    assert where["4"] == {"table": 2, "row": 3, "cell": 3, "text": "100"}  # decides, across a gridSpan
    assert where["5"] == {"table": 2, "row": 2, "cell": 2, "text": "运转保障率"}
    assert where["6"] == {"table": 1, "row": 1, "cell": 1, "text": "项目资金"}  # the table as a whole
    assert where["7"] == {"paragraph": 5, "text": "附件：项目支出绩效自评表"}  # the whole paragraph
    assert where["8"]["paragraph"] == where["9"]["paragraph"] == 1  # no anchor: the first paragraph
    assert texts["0"].splitlines() == [
        "[错误] 执行率计算不符 · NARRATIVE_RATE",
        "自评综述称完成预算的 75%",
        "应为 84.47%；实为 75%",
    ]
    assert "位置：L40" in texts["8"] and "line=40" in texts["8"]
    assert "T9 R1 C1" in texts["9"]
    assert "位置" not in texts["1"]


def test_the_copy_is_a_valid_package_that_word_libraries_open(report, tmp_path):
    out = annotate_docx(report, tmp_path / "a.docx", issues(), "en") and tmp_path / "a.docx"
    reopened = docx.Document(out)
    assert len(list(reopened.comments)) == 10
    assert next(iter(reopened.comments)).author == "auditor"
    names = zipfile.ZipFile(out).namelist()
    assert names[: len(zipfile.ZipFile(report).namelist())] == zipfile.ZipFile(report).namelist()
    assert "expected 84.47%; found 75%" in docx_fixture.comments(out)["0"].replace("；", "; ")


def test_visible_text_is_unchanged(report, tmp_path):
    out = tmp_path / "a.docx"
    annotate_docx(report, out, issues(), "zh")
    assert _blocks(out) == _blocks(report)


def test_existing_reviewer_comments_are_kept(tmp_path):
    src = docx_fixture.build(tmp_path / "reviewed.docx", reviewer_comment=True)
    out = tmp_path / "a.docx"
    annotate_docx(src, out, issues()[:2], "zh")
    texts = docx_fixture.comments(out)
    assert texts["0"] == "请核对标题" and len(texts) == 3
    assert len(list(docx.Document(out).comments)) == 3


def test_the_original_is_never_touched(report, tmp_path):
    before = sha(report)
    annotate_docx(report, tmp_path / "a.docx", issues(), "zh")
    assert sha(report) == before
    with pytest.raises(ValueError):
        annotate_docx(report, report, issues(), "zh")
    assert sha(report) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_cli_refuses_to_overwrite_without_force(report, tmp_path):
    out = tmp_path / "a.docx"
    out.write_bytes(b"keep me")
    result = CliRunner().invoke(main, ["annotate", str(report), "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_bytes() == b"keep me"
    same = CliRunner().invoke(main, ["annotate", str(report), "-o", str(report), "--force"])
    assert same.exit_code == 2 and report.read_bytes()[:2] == b"PK"


def test_cli_refuses_what_is_not_docx(tmp_path):
    text = tmp_path / "r.txt"
    text.write_text("项目支出绩效自评表", encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(text), "-o", str(tmp_path / "o.docx"), "--lang", "en"])
    assert result.exit_code == 2 and "not a Word (.docx) file" in result.output


@pytest.mark.skipif(not HAS_DOCX_READER, reason="auditor/read/docx.py (the Word reader) is not in this tree yet")
def test_end_to_end_sample_report_as_docx(tmp_path):
    """The sample report as .docx: every issue `check` finds becomes a comment at its cell or sentence."""
    make = pytest.importorskip("read.make_fixtures", reason="tests/read/make_fixtures.py builds the sample .docx")
    from auditor.pipeline import audit
    from auditor.read.docx import read

    src = make.build_docx(tmp_path / "sample.docx")
    before = sha(src)
    out = tmp_path / "sample-annotated.docx"
    out.write_bytes(b"old")
    result = CliRunner().invoke(
        main, ["annotate", str(src), "-o", str(out), "--force", "--lang", "en"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert sha(src) == before
    both = audit([str(src), str(out)])
    found = [i for i in both.issues if i.doc == str(src)]
    where, texts = docx_fixture.anchors(out), docx_fixture.comments(out)
    assert len(texts) == len(found) > 0
    paragraphs = {b.loc.paragraph: b.text for b in read(src, "x").paragraphs()}
    for n, item in enumerate(found):
        anchor, loc = where[str(n)], item.location
        assert "location:" not in texts[str(n)], (item, anchor)  # every one placed where it belongs
        assert item.message_in("en") in texts[str(n)]
        if loc.table is not None:
            assert anchor["table"] == loc.table
            if isinstance(loc.row, int) and isinstance(loc.column, int):
                assert (anchor["row"], anchor["cell"]) == (loc.row, loc.column)  # the reader's numbers
            else:
                assert item.found in anchor["text"] or anchor["text"] in (item.evidence or "")
        else:
            assert anchor["paragraph"] == loc.paragraph
            text = paragraphs[loc.paragraph]
            # the sentence when the evidence stands in the paragraph, else the found words, else all of it
            assert anchor["text"] == next((x for x in (item.evidence, item.found) if x and x in text), text)
    again = [i.as_dict() for i in both.issues if i.doc == str(out)]
    assert [dict(i, doc=None) for i in again] == [dict(i.as_dict(), doc=None) for i in found]  # nothing changed


def _blocks(path):
    """The report's text as the reader sees it (or, without the reader, every paragraph's and cell's text)."""
    if HAS_DOCX_READER:
        from auditor.read.docx import read

        doc = read(path, "x")
        return [
            (b.loc, getattr(b, "text", None), [[c.text for c in r] for r in getattr(b, "rows", [])]) for b in doc.blocks
        ]
    from lxml import etree

    from auditor.annotate.anchor import Body

    body = Body(etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")))
    return [body.text(p) for p in body.paragraphs] + [
        [c.text for row in body.rows(t) for c in row] for t in body.tables
    ]
