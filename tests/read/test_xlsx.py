"""Excel reader: values as displayed, merged ranges as Word shows them, narrative rows as paragraphs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.document import Paragraph, Table
from auditor.read import xlsx
from auditor.read.numfmt import format_value

from .compare import first_difference, normalise, shape


def test_sample_reads_as_its_text_form(built, blocks):
    doc = xlsx.read(built("xlsx"), "report.xlsx")
    assert doc.format == "xlsx"
    expected, got = normalise(blocks), normalise(shape(doc))
    assert got == expected, first_difference(expected, got)


def test_sample_numbers_read_as_displayed(built):
    second = list(xlsx.read(built("xlsx"), "report.xlsx").tables())[1]
    total = [c.text for c in second.rows[5]]
    assert total == ["", "年度资金总额：", "900", "900", "760.2160", "10", "75.00%", "85"]
    assert second.rows[-1][4].text == "97.5"


def test_locators_name_sheet_and_cell(built):
    doc = xlsx.read(built("xlsx"), "report.xlsx")
    first = next(doc.tables())
    c = first.rows[5][4]
    assert (c.loc.sheet, c.loc.cell, c.loc.table, c.loc.row, c.loc.column) == ("自评报告", "F15", 1, 6, 5)
    assert c.loc.short() == "自评报告!F15"
    assert next(doc.paragraphs()).loc.cell == "A1"


def workbook(tmp_path, fill) -> object:
    wb = openpyxl.Workbook()
    fill(wb)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    return xlsx.read(path, "t.xlsx")


def test_displayed_formats(tmp_path):
    def fill(wb):
        ws = wb.active
        for col, (value, fmt) in enumerate(
            [
                (0.75, "0.00%"),
                (661.7252, "0.0000"),
                (680.0, "General"),
                (1234567.5, "#,##0.00"),
                (12.5, '0.00"万元"'),
                (1, "0%"),
                (datetime(2023, 12, 31), 'yyyy"年"m"月"d"日"'),
                ("≥50个", "@"),
            ],
            1,
        ):
            ws.cell(1, col, value).number_format = fmt
            ws.cell(2, col, "x")

    doc = workbook(tmp_path, fill)
    assert [c.text for c in doc.blocks[0].rows[0]] == [
        "75.00%",
        "661.7252",
        "680",
        "1,234,567.50",
        "12.50万元",
        "100%",
        "2023年12月31日",
        "≥50个",
    ]


def test_merged_cells_horizontal_dropped_vertical_kept_empty(tmp_path):
    def fill(wb):
        ws = wb.active
        ws["A1"], ws["B1"], ws["D1"] = "项目资金", "全年预算数", "执行率"
        ws.merge_cells("A1:A3")  # vertical
        ws.merge_cells("B1:C1")  # horizontal
        ws["B2"], ws["C2"], ws["D2"] = "年度资金总额", 680, 1
        ws["D2"].number_format = "0%"
        ws["B3"], ws["C3"], ws["D3"] = "其中：本年", 680, 1
        ws["D3"].number_format = "0%"
        ws.merge_cells("B4:D5")  # two-dimensional, below the block's first column
        ws["A4"], ws["B4"] = "总分", "100"

    (table,) = workbook(tmp_path, fill).blocks
    assert [[c.text for c in row] for row in table.rows] == [
        ["项目资金", "全年预算数", "执行率"],
        ["", "年度资金总额", "680", "100%"],
        ["", "其中：本年", "680", "100%"],
        ["总分", "100"],
        ["", ""],
    ]


def test_blank_rows_split_blocks_and_single_cell_rows_are_paragraphs(tmp_path):
    def fill(wb):
        ws = wb.active
        ws["A1"] = "  老字号项目绩效自评综述：……  "
        ws.merge_cells("A1:C1")
        ws["B2"] = "第二段"
        ws["A4"], ws["B4"] = "项目名称", "老字号"
        ws["A5"] = "项目支出绩效自评表"
        ws["A7"], ws["C7"] = "总分", 100
        hidden = wb.create_sheet("下拉选项")
        hidden["A1"], hidden["B1"] = "是", "否"
        hidden.sheet_state = "hidden"
        other = wb.create_sheet("自评表2")
        other["B2"], other["C2"] = "分值", "得分"

    doc = workbook(tmp_path, fill)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "Table", "Table", "Table"]
    assert [b.text for b in doc.blocks[:2]] == ["老字号项目绩效自评综述：……", "第二段"]
    assert doc.blocks[1].loc.cell == "B2"
    assert shape(doc)[2:] == [
        [["项目名称", "老字号"], ["项目支出绩效自评表", ""]],
        [["总分", "", "100"]],
        [["分值", "得分"]],
    ]
    assert [(t.index, t.loc.sheet, t.loc.cell) for t in doc.tables()] == [
        (1, "Sheet", "A4"),
        (2, "Sheet", "A7"),
        (3, "自评表2", "B2"),
    ]


def test_formula_without_cached_value_reads_empty(tmp_path):
    """Known limit: the reader shows what Excel cached; a formula never calculated has nothing to show."""

    def fill(wb):
        ws = wb.active
        ws["A1"], ws["B1"], ws["C1"], ws["D1"] = 1, 2, "=A1+B1", "合计"  # openpyxl writes no cached value

    (table,) = workbook(tmp_path, fill).blocks
    assert [c.text for c in table.rows[0]] == ["1", "2", "", "合计"]


def test_xls_reads_like_xlsx(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    ws = book.add_sheet("自评表")
    percent, four = xlwt.easyxf(num_format_str="0.00%"), xlwt.easyxf(num_format_str="0.0000")
    ws.write_merge(0, 1, 0, 0, "项目资金")
    ws.write_merge(0, 0, 1, 2, "全年执行数")
    ws.write(1, 1, 760.216, four)
    ws.write(1, 2, 0.75, percent)
    ws.write(3, 0, "说明段落")
    path = tmp_path / "t.xls"
    book.save(str(path))
    doc = xlsx.read(path, "t.xls")
    assert doc.format == "xls"
    assert shape(doc) == [[["项目资金", "全年执行数"], ["", "760.2160", "75.00%"]], "说明段落"]
    assert isinstance(doc.blocks[0], Table) and isinstance(doc.blocks[1], Paragraph)
    assert doc.blocks[0].rows[1][2].loc.cell == "C2"


@pytest.mark.parametrize(
    "value, fmt, shown",
    [
        (0.75, "0.00%", "75.00%"),
        (760.216, "0.0000", "760.2160"),
        (680.0, None, "680"),
        (0.1 + 0.2, "General", "0.3"),
        (2.675, "0.00", "2.68"),
        (-1234.5, "#,##0.00;[Red](#,##0.00)", "(1,234.50)"),
        (0, '0.00;-0.00;"—"', "—"),
        (1234.5, "[$¥-804]#,##0.00", "¥1,234.50"),
        (0.5, "0.0#", "0.5"),
        (12345.678, "0.00E+00", "1.23E+04"),
        (1e-7, "General", "1E-07"),
        (100, 'General"分"', "100分"),
        (45291, "yyyy/m/d", "2023/12/31"),
        (datetime(2023, 1, 5, 13, 7, 9), "yyyy-mm-dd hh:mm:ss", "2023-01-05 13:07:09"),
        (True, None, "TRUE"),
    ],
)
def test_number_formats(value, fmt, shown):
    assert format_value(value, fmt) == shown


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False), st.integers(0, 4), st.booleans())
def test_fixed_and_percent_formats_round_half_up_at_their_places(value, places, percent):
    fmt = "0" + ("." + "0" * places if places else "") + ("%" if percent else "")
    shown = format_value(float(value), fmt)
    number = Decimal(shown.rstrip("%"))
    expected = (value * (100 if percent else 1)).quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    assert number == expected and len(shown.rstrip("%").partition(".")[2]) == places


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.floats(allow_nan=False), st.integers(-(10**20), 10**20)),
    st.sampled_from(
        [
            "General",
            "0.00",
            "#,##0.00;(#,##0.00)",
            "0.00%",
            "0.00E+00",
            "yyyy-mm-dd",
            "@",
            "0;-0;;@",
            '[$¥-804]#,##0.00"元"',
            "# ?/?",
            "h:mm:ss",
            "[Red]0.0",
        ]
    ),
)
def test_any_number_under_any_format_gives_text(value, fmt):
    assert isinstance(format_value(value, fmt), str)
