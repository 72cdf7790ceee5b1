"""Web pages and saved page archives: the report's blocks as its Word copy gives them, the portal's frame left out."""

from __future__ import annotations

import pytest

from auditor.document import Paragraph, Table
from auditor.read import SUFFIXES, expand, read_document
from auditor.read.errors import UnreadableInput
from auditor.read.html import parse_page
from auditor.read.safety import sniff

from .compare import first_difference, normalise, shape
from .fixtures_html import build_html, build_mht, page_html


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


@pytest.mark.parametrize(
    "name,build,fmt",
    [
        ("portal.html", build_html, "html"),
        ("plain.htm", lambda p: build_html(p, chrome=False), "html"),
        ("gbk.shtml", lambda p: build_html(p, encoding="gbk"), "html"),
        ("saved.mht", build_mht, "mht"),
        ("saved-as-word.doc", build_html, "html"),  # a web page under a .doc name, as portals serve them
    ],
)
def test_a_page_reads_as_the_reports_text_form(tmp_path, blocks, name, build, fmt):
    path = build(tmp_path / name)
    doc = read_document(path, name)
    assert doc.format == fmt
    expected, got = normalise(blocks), normalise(shape(doc))
    assert got == expected, first_difference(expected, got)


def test_locators_are_words(tmp_path):
    doc = read_document(build_html(tmp_path / "p.html"), "p.html")
    tables = list(doc.tables())
    assert [t.index for t in tables] == [1, 2] and tables[1].loc.table == 2
    cell = tables[0].rows[3][2]
    assert (cell.loc.table, cell.loc.row, cell.loc.column) == (1, 4, 3)
    assert [p.loc.paragraph for p in doc.paragraphs()][:3] == [1, 2, 3]


def test_rowspan_places_are_empty_cells_and_a_colspan_is_one_cell():
    page = """<table>
    <tr><td rowspan="3">产出指标</td><td colspan="2">数量指标</td><td>10</td></tr>
    <tr><td>a</td><td rowspan="0">b</td><td>c</td></tr>
    <tr><td>d</td><td>e</td></tr>
    <tr><td colspan="99999">总分</td></tr></table>"""
    (table,) = parse_page(page).tables()
    assert grid(table) == [["产出指标", "数量指标", "10"], ["", "a", "b", "c"], ["", "d", "", "e"], ["总分"]]


def test_layout_tables_are_walked_and_data_tables_read():
    page = """<html><body><table width="100%"><tr><td><p>标题段落</p>
    <table border="1"><tr><th>项目名称</th><td>老字号<br>（续）</td></tr><tr><td>x</td><td>y</td></tr></table>
    <p>正文 <b>第一</b>
    句，续行</p></td></tr></table></body></html>"""
    doc = parse_page(page)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert grid(doc.blocks[1]) == [["项目名称", "老字号\n（续）"], ["x", "y"]]
    assert doc.blocks[2].text == "正文 第一句，续行"  # no space where a source line broke between Chinese


def test_the_portals_frame_is_left_out():
    page = page_html([[["项目名称", "老字号"], ["x", "y"]]])
    doc = parse_page(page)
    texts = [b.text if isinstance(b, Paragraph) else grid(b) for b in doc.blocks]
    assert texts == [[["项目名称", "老字号"], ["x", "y"]]]


@pytest.mark.parametrize(
    "declared,encoding",
    [("gb2312", "utf-8"), ("utf-8", "gbk"), ("iso-8859-1", "gbk"), ("big5", "gb18030"), ("", "gbk")],
)
def test_a_wrong_or_missing_charset_still_reads(tmp_path, declared, encoding):
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if declared else ""
    path = tmp_path / "p.html"
    path.write_bytes(f"<html><head>{meta}</head><body><p>全年执行数661.7252万元</p></body></html>".encode(encoding))
    assert [p.text for p in read_document(path, "p.html").paragraphs()] == ["全年执行数661.7252万元"]


def test_meta_charset_and_bom(tmp_path):
    path = tmp_path / "p.htm"
    path.write_bytes('<meta charset="gbk"><p>得分</p>'.encode("gbk"))
    assert [p.text for p in read_document(path, "p.htm").paragraphs()] == ["得分"]
    path.write_bytes("\ufeff<html><body><p>得分</p></body></html>".encode("utf-16"))
    assert sniff(path) == "html"
    assert [p.text for p in read_document(path, "p.htm").paragraphs()] == ["得分"]


def test_a_traditional_mirror_is_read_in_simplified_characters():
    page = (
        "<p>"
        + "項目支出績效自評表，預算數與執行數均按規定填報。" * 3
        + "</p><table><tr><td>預算數</td><td>1</td></tr></table>"
    )
    doc = parse_page(page)
    assert "预算数" in doc.blocks[0].text and grid(doc.blocks[1]) == [["预算数", "1"]]


def test_malformed_markup_is_repaired_as_a_browser_does():
    doc = parse_page("<body><p>甲<table><tr><td>项目名称<td>老字号</tr><tr><td>a</td></td><td>b</table><p>乙")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert grid(doc.blocks[1]) == [["项目名称", "老字号"], ["a", "b"]]


@pytest.mark.parametrize(
    "page,why",
    [
        ("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>", "nest deeper"),
        ('<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><html><body><p>&b;</p></body></html>', "ENTITY"),
        ("<html><body>   </body></html>", "no text"),
    ],
)
def test_hostile_pages_are_refused_with_a_reason(page, why):
    with pytest.raises(UnreadableInput, match=f"^p.html: .*{why}"):
        parse_page(page, "p.html")


def test_a_page_too_large_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as f:
        f.write(b"<html><body><p>x</p>" * 4000)
        f.seek(200 * 2**20)
        f.write(b"</body></html>")
    with pytest.raises(UnreadableInput, match="huge.html: the web page is 200 MB, over the 30 MB limit"):
        read_document(path, "huge.html")


def test_an_archives_images_are_never_decoded_and_its_html_part_is_capped(tmp_path, blocks):
    doc = read_document(build_mht(tmp_path / "big.mht", image_bytes=40 * 2**20), "big.mht")
    assert normalise(shape(doc)) == normalise(blocks)
    path = tmp_path / "bad.mht"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b"QUFB" * (11 * 2**20)
        + b"\r\n--B--\r\n"
    )
    with pytest.raises(UnreadableInput, match="bad.mht: the saved web page's HTML is 33 MB"):
        read_document(path, "bad.mht")


def test_directory_scans_and_sniffing_take_pages(tmp_path):
    for suffix in (".html", ".htm", ".shtml", ".mht", ".mhtml"):
        assert suffix in SUFFIXES
    build_html(tmp_path / "a.html")
    build_mht(tmp_path / "b.mhtml")
    (tmp_path / "c.css").write_text("p {}", encoding="utf-8")
    assert [p.name for p, _ in expand([str(tmp_path)])] == ["a.html", "b.mhtml"]
    assert sniff(tmp_path / "b.mhtml") == "mht"
    (tmp_path / "fragment.txt").write_text("<meta charset=utf-8><table><tr><td>a</td></tr></table>", encoding="utf-8")
    assert sniff(tmp_path / "fragment.txt") == "html"


def test_report_text_that_looks_like_the_frame_is_kept():
    """大中小 inside a sentence is not the font switch, and a title in a "top" block is the report's."""
    page = """<html><body><div class="detail_top"><h1>2023年度农村道路项目绩效自评报告</h1>
    <span>字体：【大 中 小】</span></div>
    <div class="content"><p>三、支持大中小企业融通发展</p></div></body></html>"""
    texts = [b.text for b in parse_page(page).blocks if isinstance(b, Paragraph)]
    assert texts == ["2023年度农村道路项目绩效自评报告", "三、支持大中小企业融通发展"]
