"""PDF reader: text layer, ruled tables, tables stitched across pages, wraps judged by geometry."""

from __future__ import annotations

import pytest

from auditor.read import pdf
from auditor.read.errors import UnreadableInput
from auditor.read.pdf_layout import Line, PageTable, join, paragraphs, stitches

from .compare import first_difference, normalise, shape


@pytest.fixture(scope="module")
def sample_doc(built):
    return pdf.read(built("pdf"), "report.pdf")


def test_sample_reads_as_its_text_form_up_to_whitespace(sample_doc, blocks):
    assert sample_doc.format == "pdf" and sample_doc.path == "report.pdf"
    expected, got = normalise(blocks, squeeze=True), normalise(shape(sample_doc), squeeze=True)
    assert got == expected, first_difference(expected, got)


def test_tables_broken_across_pages_are_stitched(sample_doc):
    first, second = list(sample_doc.tables())
    assert (len(first.rows), len(second.rows)) == (22, 22)  # each is split over two pages in the fixture
    pages = [row[0].loc.page for row in first.rows]
    assert pages[0] == 1 and pages[-1] == 2 and pages == sorted(pages)
    assert [c.loc.row for c in (first.rows[0][0], first.rows[-1][0])] == [1, 22]
    continued = first.rows[pages.index(2)]  # the page-2 part starts inside a vertical merge
    assert continued[0].text == "" and continued[1].text.startswith("效")


def test_vertical_headers_keep_lines_and_width_wraps_are_joined(sample_doc):
    first = next(sample_doc.tables())
    assert first.rows[12][1].text == "产\n出\n指\n标\n(50分)"
    assert first.rows[16][2].text == "经济效益\n指标"
    assert first.rows[16][3].text == "保障机构正常运转"  # wrapped by the column width in the PDF
    assert next(p for p in sample_doc.paragraphs() if p.text.startswith("根据预算")).text.endswith("资金使用效益。")


def test_paragraph_locators_give_the_page(sample_doc):
    pages = [p.loc.page for p in sample_doc.paragraphs()]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] > 3


def test_encrypted_pdf_is_refused(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("user-secret", "owner-secret"))
    c.drawString(72, 720, "secret")
    c.save()
    with pytest.raises(UnreadableInput, match="encrypted"):
        pdf.read(path, "locked.pdf")


def test_owner_password_only_pdf_is_read(tmp_path):
    """Permissions-only protection (no password to open) is common on government sites and readable."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "perm.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("", "owner-secret", canModify=0))
    c.drawString(72, 720, "Total 100")
    c.save()
    assert shape(pdf.read(path, "perm.pdf")) == ["Total 100"]


def test_not_a_pdf_damaged_pdf_and_scan(tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_text("关于2023年度预算绩效情况说明", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="not a PDF.*text"):
        pdf.read(fake, "fake.pdf")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + b"\x00garbage" * 50)
    with pytest.raises(UnreadableInput, match="damaged.pdf: .*(damaged|no text)"):
        pdf.read(damaged, "damaged.pdf")
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    for _ in range(2):  # two pages of image only, as a scanner writes them
        c.rect(72, 72, 400, 600, fill=1)
        c.showPage()
    c.save()
    with pytest.raises(UnreadableInput, match="scan.pdf: a scanned PDF: none of its 2 pages has a text layer"):
        pdf.read(scan, "scan.pdf")


def line(text: str, x0: float, top: float, size: float = 10.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + size * len(text), top=top, bottom=top + size, size=size, first_width=size)


def test_join_keeps_meant_breaks_and_joins_wraps():
    assert join([line("产", 0, 0), line("出", 0, 12)], right=50) == "产\n出"
    assert join([line("保障机构正", 0, 0), line("常运转", 0, 12)], right=50) == "保障机构正常运转"
    latin = [Line("Total", 0, 48, 0, 10, 10, 40), Line("budget", 0, 50, 12, 22, 10, 50)]
    assert join(latin, right=60) == "Total budget"


def test_paragraphs_start_at_indents_short_lines_and_gaps():
    items = [
        (1, line("一二三四五六七八", 20, 0)),
        (1, line("九十一二三四五六七八", 0, 16)),
        (1, line("九十", 0, 32)),
        (1, line("新段落开始了甲乙", 20, 48)),
        (2, line("丙丁戊己庚辛壬癸子丑", 0, 0)),
        (2, line("隔开的一段", 0, 60)),
    ]
    got = paragraphs(items, left=0, right=100)  # lines: 10 characters of 10 points fill the width
    assert got == [
        (1, "一二三四五六七八九十一二三四五六七八九十"),
        (1, "新段落开始了甲乙丙丁戊己庚辛壬癸子丑"),
        (2, "隔开的一段"),
    ]


def part(page: int, rows: list[list[str]], edges: list[float]) -> PageTable:
    return PageTable(page=page, top=60, rows=rows, edges=edges, row_pages=[page] * len(rows))


def test_stitching_rules():
    grid = [0.0, 50.0, 100.0, 150.0]
    prev = part(1, [["一级", "二级", "三级"], ["a", "b", "c"]], grid)
    assert stitches(prev, part(2, [["", "d", "e"]], grid))
    assert stitches(prev, part(2, [["", "d e"]], [0.0, 50.0, 150.0]))  # a merge hides an inner edge
    assert not stitches(prev, part(3, [["", "d", "e"]], grid))  # not the next page
    assert not stitches(prev, part(2, [["", "d", "e"]], [0.0, 60.0, 100.0, 150.0]))  # another grid
    assert not stitches(prev, part(2, [["项目支出绩效自评表"]], [0.0, 150.0]))  # a new table's title row
