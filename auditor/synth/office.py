"""A report in text form as a Word (.docx, raw XML) or an Excel (.xlsx, openpyxl) file.

The .docx is written as raw WordprocessingML rather than with python-docx so
that the merges are exactly as published (gridSpan, vMerge restart/continue)
and so that `decorate=True` can wrap pieces of the same visible text in the
constructs a reader must see through: tracked insertions, content controls,
complex and simple fields, Symbol-font characters, plus deleted and hidden text
and a deleted table row that must not show.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from auditor.synth.layout import excel_value, lay_out, rowspans

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_SECT = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1200" w:bottom="1440" '
    'w:left="1200" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
)
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_REV = 'w:author="审核人" w:date="2024-03-01T00:00:00Z"'


def docx_with_body(path: Path, body_xml: str) -> Path:
    """A minimal valid .docx whose w:body holds `body_xml` (prefix w: is bound; a sectPr is appended)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body_xml}{_SECT}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)
    return path


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def build_docx(path: Path, blocks: list, decorate: bool = False) -> Path:
    """The report as a .docx: paragraphs and tables in order, merges as published.

    With `decorate`, the visible text is unchanged but spread over tracked
    insertions, content controls, fields and Symbol characters, with deleted
    and hidden text and a deleted row added that a reader must leave out.
    """
    parts, first = [], True
    for block in blocks:
        if isinstance(block, str):
            para = _paragraph(block, decorate, extra=_NOISE if decorate and first else "")
            if decorate and block.startswith("（"):
                para = f'<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>{para}</w:sdtContent></w:sdt>'
            parts.append(para)
            first = False
        else:
            parts.append(_table(block, decorate))
            parts.append("<w:p/>")  # Word keeps a paragraph after every table
    return docx_with_body(path, "".join(parts))


_NOISE = (
    f'<w:del w:id="90" {_REV}><w:r><w:delText>（草稿，删除）</w:delText></w:r></w:del>'
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批注</w:t></w:r>"
)
_DECORATIONS = ("1580", "661.7252", "老字号　", "≤", "2023")


def _paragraph(text: str, decorate: bool, extra: str = "") -> str:
    return f"<w:p>{_runs(text, decorate)}{extra}</w:p>"


def _runs(text: str, decorate: bool) -> str:
    if not decorate:
        return run(text) if text else ""
    hits = [(text.find(k), i, k) for i, k in enumerate(_DECORATIONS) if k in text]
    if not hits:
        return run(text) if text else ""
    at, _, key = min(hits)
    return _runs(text[:at], True) + _decorated(key) + _runs(text[at + len(key) :], True)


def _decorated(key: str) -> str:
    if key == "1580":  # a complex field: code in instrText, result in ordinary runs
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 1580 '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(key)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
    if key == "661.7252":
        return f'<w:ins w:id="91" {_REV}>{run(key)}</w:ins>'
    if key == "老字号　":
        return (
            f'<w:sdt><w:sdtPr><w:alias w:val="项目名称"/><w:text/></w:sdtPr>'
            f"<w:sdtContent>{run(key)}</w:sdtContent></w:sdt>"
        )
    if key == "≤":
        return '<w:r><w:sym w:font="Symbol" w:char="F0A3"/></w:r>'
    return f'<w:fldSimple w:instr=" DOCPROPERTY 年度 ">{run(key)}</w:fldSimple>'


def _table(rows: list[list[str]], decorate: bool) -> str:
    width, laid = lay_out(rows)
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr>',
        "<w:tblGrid>" + '<w:gridCol w:w="1050"/>' * width + "</w:tblGrid>",
    ]
    for i, row in enumerate(laid):
        out.append("<w:tr>" + "".join(_cell(c, decorate) for c in row) + "</w:tr>")
        if decorate and i == 1:  # a row deleted with tracked changes: must not be read
            out.append(
                f'<w:tr><w:trPr><w:del w:id="92" {_REV}/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="{width}"/>'
                f'</w:tcPr><w:p><w:del w:id="93" {_REV}><w:r><w:delText>已删除的行</w:delText></w:r></w:del>'
                "</w:p></w:tc></w:tr>"
            )
    return "".join(out) + "</w:tbl>"


def _cell(c, decorate: bool) -> str:
    props = f'<w:tcW w:w="{1050 * c.span}" w:type="dxa"/>'
    if c.span > 1:
        props += f'<w:gridSpan w:val="{c.span}"/>'
    if c.vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif c.vmerge == "continue":
        return f"<w:tc><w:tcPr>{props}<w:vMerge/></w:tcPr><w:p/></w:tc>"
    paras = "".join(_paragraph(line, decorate) for line in c.text.split("\n"))
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def build_xlsx(path: Path, blocks: list, sheet: str = "自评报告") -> Path:
    """The report on one sheet: each paragraph a row merged across the table width, each table
    on its grid with merged ranges and number formats (0.00%, 0.0000), a blank row around tables."""
    import openpyxl
    from openpyxl.styles import Alignment

    width = max((lay_out(b)[0] for b in blocks if not isinstance(b, str)), default=1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    r, previous = 1, None
    for block in blocks:
        if isinstance(block, str):
            r += previous == "table"
            ws.cell(r, 1, block)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            r, previous = r + 1, "paragraph"
            continue
        r += previous is not None
        _, laid = lay_out(block)
        heights = rowspans(laid)
        for i, row in enumerate(laid):
            for c in row:
                if c.vmerge == "continue":
                    continue
                if c.text:
                    value, fmt = excel_value(c.text)
                    cell = ws.cell(r + i, c.col + 1, value)
                    cell.number_format = fmt
                    cell.alignment = Alignment(wrap_text=True, vertical="center")
                height = heights.get((i, c.col), 1)
                if c.span > 1 or height > 1:
                    ws.merge_cells(
                        start_row=r + i, start_column=c.col + 1, end_row=r + i + height - 1, end_column=c.col + c.span
                    )
        r, previous = r + len(laid), "table"
    wb.save(path)
    return path
