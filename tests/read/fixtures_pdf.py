"""The sample report as a PDF: reportlab, the built-in STSong-Light CID font, tables with grid lines.

The first table is broken across two pages on purpose (before its 效益指标
group, so the vertically merged 年度绩效指标完成情况 column continues on the next
page), which is what a PDF reader must stitch back into one table.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .text_form import lay_out, rowspans, sample_blocks

FONT = "STSong-Light"


def build_pdf(
    path: Path, blocks: list | None = None, split_first_table: bool = True, page_furniture: bool = True
) -> Path:
    """The report as an A4 PDF; paragraphs with a two-character first-line indent, as Chinese reports are set.

    With `page_furniture`, every page has a running header and a "- n -" page number, as published
    reports do; neither is part of the text form, so a reader must drop them.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK", firstLineIndent=21)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, wordWrap="CJK")
    blocks = sample_blocks() if blocks is None else blocks
    frame = A4[0] - 40 * mm
    story, first = [], True
    for block in blocks:
        if isinstance(block, str):
            story.append(Paragraph(escape(block), body))
            continue
        width, laid = lay_out(block)
        parts = [laid]
        if split_first_table and first:
            at = next((i for i, row in enumerate(laid) if len(row) > 1 and row[1].text.startswith("效")), None)
            parts = [laid[:at], laid[at:]] if at else [laid]
        for k, part in enumerate(parts):
            if k:
                story.append(PageBreak())
            story.append(_table(part, width, frame, cell, Table, TableStyle, Paragraph, colors))
        first = False

    def furniture(canvas, doc) -> None:
        if page_furniture:
            canvas.setFont(FONT, 9)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, "烈山区人力资源和社会保障局2023年度部门决算")
            canvas.drawCentredString(A4[0] / 2, 10 * mm, f"- {doc.page} -")

    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="sample",
    ).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def _table(laid, width, frame, style, Table, TableStyle, Paragraph, colors):
    data = [["" for _ in range(width)] for _ in laid]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    heights = rowspans(laid)
    for i, row in enumerate(laid):
        for c in row:
            if c.vmerge == "continue" and (i, c.col) not in heights:
                continue
            if c.text.strip():
                data[i][c.col] = Paragraph("<br/>".join(escape(line) for line in c.text.split("\n")), style)
            height = heights.get((i, c.col), 1)
            if c.span > 1 or height > 1:
                commands.append(("SPAN", (c.col, i), (c.col + c.span - 1, i + height - 1)))
    return Table(data, colWidths=[frame / width] * width, style=TableStyle(commands))
