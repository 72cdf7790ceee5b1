"""The issue workbook as Excel users get it: reopened with openpyxl, as Excel would read it."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from auditor.render import renderer
from auditor.render.rows import COLUMNS, display_width, headings
from auditor.render.xlsx import SEVERITY_STYLE, render

from .conftest import BROKEN, FIN, HR


def book(result, lang="zh"):
    return openpyxl.load_workbook(io.BytesIO(render(result, lang)))


def test_sheets_header_filter_and_frozen_header(result):
    wb = book(result)
    assert wb.sheetnames == ["问题清单", "汇总", "部门", "核对范围"]
    ws = wb["问题清单"]
    assert [c.value for c in ws[1]] == headings("zh")
    assert ws.auto_filter.ref == f"A1:L{len(result.issues) + 1}"
    assert ws.freeze_panes == "A2"
    assert ws.max_row == len(result.issues) + 1


def test_rows_carry_department_location_and_values_as_printed(result):
    ws = book(result)["问题清单"]
    rows = [dict(zip(COLUMNS, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    first = rows[0]
    assert first["department"] == "人社局"  # from the folder
    assert rows[3]["department"] == "财政局"  # as recognised
    assert first["location"] == "T1"
    assert first["location_json"] == '{"table":1,"row":"年度资金总额","column":"得分"}'
    assert first["severity"] == "错误" and first["kind"] == "得分超过分值"
    assert (first["expected"], first["found"]) == ("<= 10", "85")
    assert rows[4]["found"] == "100%"  # a string as printed, not 1.0
    formula = ws.cell(row=5, column=COLUMNS.index("evidence") + 1)
    assert formula.data_type == "s" and formula.value.startswith("=HYPERLINK")  # never run as a formula


def test_severity_cells_are_filled_in_their_colour(result):
    ws = book(result)["问题清单"]
    col = COLUMNS.index("severity") + 1
    seen = {}
    for r, issue in enumerate(result.issues, start=2):
        seen[issue.severity] = ws.cell(row=r, column=col).fill.fgColor.rgb
    assert seen == {s: "FF" + fill.lstrip("#").upper() for s, (fill, _) in SEVERITY_STYLE.items()}


def test_column_widths_count_chinese_as_two(result):
    ws = book(result)["问题清单"]
    project = ws.column_dimensions["C"].width
    assert project >= display_width("城乡居民基本养老保险") == 20
    assert ws.column_dimensions["F"].width < project  # rule codes are short ASCII


def test_summary_counts_by_document_and_kind_and_chart(result):
    wb = book(result)
    ws = wb["汇总"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[2][0] == "共 4 个文件，8 个问题：错误 5，警告 2，提示 1"
    by_doc = {row[0]: row[3:7] for row in values[6:11] if row[0]}
    assert by_doc[HR] == [2, 1, 0, 3]
    assert by_doc[FIN] == [2, 0, 1, 3]
    assert by_doc[BROKEN] == [1, 0, 0, 1]
    assert by_doc["合计"] == [5, 2, 1, 8]
    by_kind = {row[9]: row[10:14] for row in values[6:12] if row[9]}
    assert by_kind["execution_rate_mismatch"] == [2, 1, 0, 3]
    assert values[6][9] == "execution_rate_mismatch"  # most frequent first
    assert len(ws._charts) == 1
    names = zipfile.ZipFile(io.BytesIO(render(result))).namelist()
    assert "xl/charts/chart1.xml" in names


def test_departments_are_ranked_by_errors_then_warnings(result):
    ws = book(result)["部门"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[1][:7] == ["名次", "部门", "文件数", "错误", "警告", "提示", "合计"]
    assert values[2][:7] == [1, "财政局", 3, 3, 1, 1, 5]
    assert values[3][:7] == [2, "人社局", 1, 2, 1, 0, 3]
    top = next(n for n, row in enumerate(values) if row[0] == "问题最多的项目")
    assert values[top + 2][1:7] == ["人社局", "城乡居民基本养老保险", 2, 1, 0, 3]  # same total and errors:
    assert values[top + 3][1:7] == ["财政局", "老字号", 2, 0, 1, 3]  # warnings decide


def test_english_headings():
    from .conftest import made_result

    wb = book(made_result(), "en")
    assert wb.sheetnames == ["Issues", "Summary", "Departments", "Coverage"]
    assert wb["Issues"]["A1"].value == "document" and wb["Issues"]["D2"].value == "score above weight"


def test_empty_result_still_makes_a_workbook():
    from auditor.result import AuditResult

    wb = openpyxl.load_workbook(io.BytesIO(render(AuditResult([], [], "0", "r"))))
    assert wb["问题清单"].max_row == 1


def test_ranking_breaks_ties_on_errors_by_warnings():
    from auditor.document import Locator
    from auditor.render.stats import by_department
    from auditor.result import AuditResult

    from .conftest import issue

    issues = [
        issue("a/x.txt", "R", "typo", "error", Locator(line=1)),
        issue("b/x.txt", "R", "typo", "error", Locator(line=1)),
        issue("b/x.txt", "R", "typo", "warning", Locator(line=2)),
        issue("c/x.txt", "R", "typo", "info", Locator(line=1)),
    ] + [issue("d/x.txt", "R", "typo", "warning", Locator(line=n)) for n in range(5)]
    ranked = by_department(AuditResult([], issues, "0", "r"))
    assert [d.name for d in ranked] == ["b", "a", "d", "c"]


def test_registered_as_a_format(result):
    assert renderer("xlsx")(result, lang="zh")[:2] == b"PK"


def test_a_workbook_carries_no_clock_time_so_one_audit_gives_one_file(result, monkeypatch):
    import datetime

    import xlsxwriter.core

    class Clock(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, datetime.datetime)

    class Later(metaclass=Clock):
        """xlsxwriter's `datetime`, with a clock five years on."""

        @staticmethod
        def now(tz=None):
            return datetime.datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    first = render(result)
    monkeypatch.setattr(xlsxwriter.core, "datetime", Later)  # the clock xlsxwriter would read
    assert render(result) == first
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2031" not in core and "2020-01-01T00:00:00Z" in core
