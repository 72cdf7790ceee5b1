"""PDF with pdfplumber: the text layer, tables from ruling lines, text outside tables as paragraphs.

Parsing runs in a child process (`safety.run_isolated`) with a time and memory
limit: pdfminer is pure Python and a crafted PDF can make it loop or balloon.
Tables come from pdfplumber's lines strategy (the 自评表 is always ruled); merged
cells are told apart by geometry, since pdfplumber gives None for both kinds:
a hole covered by a cell from a row above, in that cell's first column, is a
vertical-merge continuation (an empty Cell, as in Word's copy-as-text); a hole
covered from the same row is a horizontal merge and is dropped. A table that
breaks across pages is stitched back (see `pdf_layout.stitches`), after page
numbers and running headers/footers are dropped (they would sit between the parts).
"""

from __future__ import annotations

from pathlib import Path

from auditor.document import Document
from auditor.read import safety
from auditor.read.errors import UnreadableInput
from auditor.read.pdf_layout import PageTable, assemble, cell_text, lines_of

PDF_TIMEOUT = 60.0  # seconds for the whole file
PDF_MEMORY = safety.MEMORY_LIMIT
MAX_PAGES = 2_000
MARGIN_BAND = 0.06  # top and bottom share of a page where headers, footers and page numbers sit


def read(path: Path, display: str) -> Document:
    """The Document of a PDF, parsed in a child process that is killed after PDF_TIMEOUT seconds."""
    kind = safety.sniff(path)
    if kind != "pdf":
        raise UnreadableInput(f"{display}: not a PDF (the file is really {kind})")
    return safety.run_isolated(
        extract, str(path), display, timeout=PDF_TIMEOUT, memory_limit=PDF_MEMORY, display=display
    )


def extract(path: str, display: str) -> Document:
    """The parsing itself, in-process: call it directly only on trusted files (tests, benchmarks)."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        raise _reason(exc.args[0] if exc.args else exc, display) from None
    except Exception as exc:  # noqa: BLE001 - damaged files raise anything from pdfminer
        raise _reason(exc, display) from None
    try:
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise UnreadableInput(f"{display}: {len(pdf.pages)} pages, over the {MAX_PAGES}-page limit")
            pages = [_page_items(page, n) for n, page in enumerate(pdf.pages, start=1)]
    except UnreadableInput:
        raise
    except Exception as exc:  # noqa: BLE001
        raise _reason(exc, display) from None
    if not pages:
        raise UnreadableInput(f"{display}: the PDF is damaged (it has no pages)")
    if not any(pages):
        n = len(pages)
        raise UnreadableInput(
            f"{display}: a scanned PDF: none of its {n} page{'s' if n != 1 else ''} has a text layer, so nothing "
            "in it could be read or checked; run OCR on it first (or audit the report's .docx)"
        )
    return assemble(pages, display)


def _reason(exc: BaseException, display: str) -> UnreadableInput:
    from pdfminer.pdfdocument import PDFEncryptionError

    if isinstance(exc, PDFEncryptionError) or "encrypt" in str(exc).lower() or "password" in str(exc).lower():
        return UnreadableInput(
            f"{display}: the PDF is encrypted (it needs a password to open); save an unprotected copy and audit that"
        )
    return UnreadableInput(f"{display}: the PDF is damaged ({type(exc).__name__}: {exc})")


def _page_items(page, number: int) -> list[tuple[str, float, object]]:
    """A page's tables and text lines outside them, ordered top to bottom."""
    chars = sorted(page.chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
    index = ([(c["top"] + c["bottom"]) / 2 for c in chars], chars)
    tables = page.find_tables()
    items: list[tuple[str, float, object]] = [("table", t.bbox[1], _page_table(t, index, number)) for t in tables]
    boxes = [t.bbox for t in tables]
    outside = [c for c in chars if not any(_inside(c, box) for box in boxes)]
    for line in lines_of(outside):
        if line.text.strip():
            line.margin = line.bottom < MARGIN_BAND * page.height or line.top > (1 - MARGIN_BAND) * page.height
            items.append(("line", line.top, line))
    return sorted(items, key=lambda item: item[1])


def _inside(ch: dict, box: tuple) -> bool:
    x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _page_table(table, index: tuple, page: int) -> PageTable:
    cells = table.cells
    xs = sorted({c[0] for c in cells})
    rows = []
    for row in table.rows:
        top = min(c[1] for c in row.cells if c is not None)
        texts = []
        for x, bbox in zip(xs, row.cells):
            if bbox is not None:
                texts.append(cell_text(index, bbox))
                continue
            cover = next((c for c in cells if c[0] - 0.5 <= x < c[2] - 0.5 and c[1] - 0.5 <= top < c[3] - 0.5), None)
            if cover is not None and cover[1] < top - 0.5 and abs(cover[0] - x) <= 0.5:
                texts.append("")  # under the top of a vertical merge, in its first column
        rows.append(texts)
    edges = sorted({round(v, 1) for c in cells for v in (c[0], c[2])})
    return PageTable(page=page, top=table.bbox[1], rows=rows, edges=edges, row_pages=[page] * len(rows))
