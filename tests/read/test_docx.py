"""Word reader: the sample report comes back as its text form; merges and hidden-text constructs."""

from __future__ import annotations

import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.document import Paragraph, Table
from auditor.read import docx

from . import make_fixtures as mf
from .compare import first_difference, normalise, shape


def read_body(tmp_path, body: str):
    return docx.read(mf.docx_with_body(tmp_path / "t.docx", body), "t.docx")


def cell(text: str, props: str = "") -> str:
    paras = "".join(f"<w:p>{mf.run(line)}</w:p>" for line in text.split("\n")) if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def table(*rows: str) -> str:
    return "<w:tbl><w:tblPr/>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"


def test_sample_reads_as_its_text_form(built, blocks):
    doc = docx.read(built("docx"), "report.docx")
    assert doc.path == "report.docx" and doc.format == "docx"
    expected, got = normalise(blocks), normalise(shape(doc))
    assert got == expected, first_difference(expected, got)


def test_sample_keeps_cell_text_exactly(built, blocks):
    """Not only after normalising: merged continuation cells are '' and vertical headers keep their lines."""
    doc = docx.read(built("docx"), "report.docx")
    tables = [b for b in shape(doc) if isinstance(b, list)]
    assert tables == [b for b in blocks if isinstance(b, list)]
    first = next(doc.tables())
    assert first.rows[12][1].text == "产\n出\n指\n标\n(50分)"
    assert [c.text for c in first.rows[13][:2]] == ["", ""]


def test_decorated_sample_reads_the_same(built, blocks):
    """Insertions, content controls, fields and Symbol characters are read; deletions and hidden text are not."""
    doc = docx.read(built("docx-decorated"), "report.docx")
    expected, got = normalise(blocks), normalise(shape(doc))
    assert got == expected, first_difference(expected, got)


def test_body_order_and_locators(built):
    doc = docx.read(built("docx"), "report.docx")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds[:10] == ["Paragraph"] * 8 + ["Table", "Paragraph"]
    assert [t.index for t in doc.tables()] == [1, 2]
    numbers = [p.loc.paragraph for p in doc.paragraphs()]
    assert numbers == sorted(numbers) and numbers[0] == 1
    second = list(doc.tables())[1]
    c = second.rows[5][4]
    assert (c.loc.table, c.loc.row, c.loc.column, c.text) == (2, 6, 5, "760.2160")


def test_grid_span_gives_one_cell_and_vmerge_an_empty_one(tmp_path):
    doc = read_body(
        tmp_path,
        table(
            cell("项目资金\n（万元）", '<w:vMerge w:val="restart"/>') + cell("年初预算数", '<w:gridSpan w:val="2"/>'),
            cell("", "<w:vMerge/>") + cell("680") + cell("661.7252"),
        ),
    )
    (t,) = doc.blocks
    assert [[c.text for c in row] for row in t.rows] == [["项目资金\n（万元）", "年初预算数"], ["", "680", "661.7252"]]


def test_vmerge_continuation_is_empty_even_if_it_holds_text(tmp_path):
    doc = read_body(tmp_path, table(cell("一级", '<w:vMerge w:val="restart"/>'), cell("stale", "<w:vMerge/>")))
    assert [[c.text for c in row] for row in doc.blocks[0].rows] == [["一级"], [""]]


def test_tracked_changes(tmp_path):
    rev = 'w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"'
    doc = read_body(
        tmp_path,
        f"<w:p>{mf.run('执行率')}<w:ins {rev}>{mf.run('100%')}</w:ins>"
        f"<w:del {rev}><w:r><w:delText>75%</w:delText></w:r></w:del></w:p>"
        f"<w:p><w:moveTo {rev}>{mf.run('移入')}</w:moveTo>"
        f"<w:moveFrom {rev}>{mf.run('移出')}</w:moveFrom></w:p>",
    )
    assert [p.text for p in doc.blocks] == ["执行率100%", "移入"]


def test_deleted_row_and_cell_are_left_out(tmp_path):
    rev = 'w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"'
    doc = read_body(
        tmp_path,
        "<w:tbl>"
        f"<w:tr>{cell('a')}{cell('b', f'<w:cellDel {rev}/>')}</w:tr>"
        f"<w:tr><w:trPr><w:del {rev}/></w:trPr>{cell('gone')}</w:tr>"
        f"<w:tr><w:trPr><w:ins {rev}/></w:trPr>{cell('new')}</w:tr></w:tbl>",
    )
    assert [[c.text for c in row] for row in doc.blocks[0].rows] == [["a"], ["new"]]


def test_content_controls_at_run_block_row_and_cell_level(tmp_path):
    def sdt(content: str) -> str:
        return f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'

    doc = read_body(
        tmp_path,
        sdt(f"<w:p>{mf.run('块级')}</w:p>")
        + f"<w:p>{mf.run('项目名称：')}{sdt(mf.run('老字号'))}</w:p>"
        + f"<w:tbl>{sdt('<w:tr>' + cell('行级') + sdt(cell('格级')) + '</w:tr>')}</w:tbl>",
    )
    assert shape(doc) == ["块级", "项目名称：老字号", [["行级", "格级"]]]
    assert [b.loc.paragraph for b in doc.blocks if isinstance(b, Paragraph)] == [1, 2]


def test_fields_give_their_result_not_their_code(tmp_path):
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 680 * 1 </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + mf.run("680")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple = f'<w:fldSimple w:instr=" PAGE ">{mf.run("3")}</w:fldSimple>'
    doc = read_body(
        tmp_path, f"<w:p>{mf.run('全年预算数')}{complex_field}{mf.run('万元，第')}{simple}{mf.run('页')}</w:p>"
    )
    assert shape(doc) == ["全年预算数680万元，第3页"]


def test_hidden_text_symbols_breaks_and_alternate_content(tmp_path):
    doc = read_body(
        tmp_path,
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>50</w:t><w:tab/><w:t>个</w:t>'
        '<w:br/><w:t>次行</w:t><w:br w:type="page"/></w:r>'
        '<mc:AlternateContent><mc:Choice Requires="w14">' + mf.run("新") + "</mc:Choice>"
        "<mc:Fallback>" + mf.run("旧") + "</mc:Fallback></mc:AlternateContent></w:p>",
    )
    assert shape(doc) == ["≥50\t个\n次行新"]


def test_empty_paragraphs_are_counted_not_emitted(tmp_path):
    doc = read_body(tmp_path, f"<w:p/><w:p>{mf.run('  ')}</w:p><w:p>{mf.run('正文')}</w:p>")
    assert [(p.text, p.loc.paragraph) for p in doc.blocks] == [("正文", 3)]


def test_nested_table_text_is_flattened_into_its_cell(tmp_path):
    inner = table(cell("内1") + cell("内2"))
    doc = read_body(tmp_path, table(f"<w:tc><w:p>{mf.run('外')}</w:p>{inner}<w:p/></w:tc>" + cell("右")))
    (t,) = doc.blocks
    assert isinstance(t, Table) and [[c.text for c in row] for row in t.rows] == [["外\n内1\n内2\n", "右"]]


def test_strict_ooxml_namespace(tmp_path):
    path = mf.docx_with_body(tmp_path / "s.docx", f"<w:p>{mf.run('严格')}</w:p>")
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        mf.W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    mf.build_zip(path, parts)
    assert shape(docx.read(path, "s.docx")) == ["严格"]


_texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda t: t.strip() == t and t
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_texts, min_size=1, max_size=4), min_size=1, max_size=4))
def test_any_cell_text_round_trips(tmp_path_factory, rows):
    path = mf.docx_with_body(
        tmp_path_factory.mktemp("h") / "h.docx", table(*("".join(cell(t) for t in row) for row in rows))
    )
    assert shape(docx.read(path, "h.docx")) == [rows]
