"""The department is read from the report (主管部门, 部门名称/单位名称, a 部门决算 title); the folder only when it names none."""

from pathlib import Path

from auditor.digest import digest_one
from auditor.document import Locator
from auditor.recognise.department import department_of
from auditor.recognise.records import DocumentRecords, Field, ProjectTable
from auditor.render.rows import department_with_source, departments

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"


def _table(n: int, **header: str) -> ProjectTable:
    loc = Locator(table=n)
    return ProjectTable(name=None, table=n, loc=loc, header={k: Field(v, loc) for k, v in header.items()})


def _paragraph(text: str):
    from auditor.document import Paragraph

    return Paragraph(text, Locator(paragraph=1))


def test_the_sample_names_its_department_in_its_tables():
    digest = digest_one((SAMPLE, "data_samples/lieshan-hrss-2023-self-evaluation.txt"))
    assert (digest.department, digest.department_source) == ("烈山区人社局", "主管部门")
    document, _ = digest.outcome()
    assert document.department == "烈山区人社局"
    assert department_with_source(document, "zh") == "烈山区人社局（主管部门）"


def test_the_most_frequent_department_in_charge_wins():
    records = DocumentRecords(doc="a.txt", format="txt")
    records.tables = [_table(1, 主管部门="甲局"), _table(2, 主管部门="乙局"), _table(3, 主管部门="乙局")]
    assert department_of(records) == ("乙局", "主管部门")
    records.tables = [_table(1, 主管部门="　"), _table(2, 单位名称="丙中心")]
    assert department_of(records) == ("丙中心", "单位名称")


def test_prose_and_title_name_it_when_no_table_does():
    records = DocumentRecords(doc="a.txt", format="txt", title="关于2023年度预算绩效情况说明")
    records.paragraphs = [_paragraph("一、基本情况"), _paragraph("单位名称：某某县教育局。")]
    assert department_of(records) == ("某某县教育局", "单位名称")
    records = DocumentRecords(doc="a.txt", format="txt", title="某某县财政局2023年度部门决算")
    assert department_of(records) == ("某某县财政局", "部门决算")
    for title in ("2023年度部门决算", "我局2023年度部门决算", "关于2023年度预算绩效情况说明"):
        assert department_of(DocumentRecords(doc="a.txt", format="txt", title=title)) == (None, None), title


def test_the_folder_is_the_fallback_and_says_so():
    from auditor.result import AuditResult, DocumentResult

    unnamed = DocumentResult(doc="reports/城建局/a.txt", format="txt")
    named = DocumentResult(
        doc="data_samples/b.txt", format="txt", department="烈山区人社局", department_source="主管部门"
    )
    result = AuditResult(documents=[unnamed, named], issues=[], version="0", rules_version="x")
    assert departments(result) == {"reports/城建局/a.txt": "城建局", "data_samples/b.txt": "烈山区人社局"}
    assert department_with_source(unnamed, "zh") == "城建局（文件夹名）"
    assert department_with_source(unnamed, "en") == "城建局 (folder name)"
