"""Excel (.xlsx with openpyxl, .xls with xlrd): each visible sheet as blocks of rows, values as displayed.

A sheet is cut into blocks at empty rows: a block whose every row holds one
non-blank cell is narrative (one Paragraph per row), any other block is a
Table, so a sheet that stacks several 自评表 gives one table each. Merged
ranges are resolved the way Word's copy-as-text shows them: the top-left cell
keeps the text, cells covered by a horizontal merge are dropped from the row
(like gridSpan), cells covered by a vertical merge stay as empty cells (like a
vMerge continuation). Locators carry `sheet` and `cell` ("自评表!G12") plus the
table/row/column positions every reader gives.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from auditor.document import Cell, Document, Locator, Paragraph, Table
from auditor.read import safety
from auditor.read.errors import UnreadableInput
from auditor.read.numfmt import format_value

MAX_CELLS = 2_000_000  # non-empty cells in one workbook; more is not a report


@dataclass
class Sheet:
    """A sheet reduced to what the blocks need: displayed text by (row, col), 1-based; merged ranges."""

    name: str
    text: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col


def read(path: Path, display: str) -> Document:
    """An .xlsx/.xlsm (zip) or .xls (OLE) workbook; the real type is taken from the bytes."""
    kind = safety.sniff(path)
    if kind == "xls":
        return to_document(_xls_sheets(path, display), display, "xls")
    return to_document(_xlsx_sheets(path, display), display, "xlsx")


def _xlsx_sheets(path: Path, display: str) -> list[Sheet]:
    import openpyxl

    with safety.open_zip(path, display) as zf:
        if "xl/workbook.xml" not in zf.namelist():
            raise UnreadableInput(f"{display}: not an Excel workbook (no xl/workbook.xml part)")
        safety.check_xml_parts(zf, display)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops (data validation, ...)
            # NOTE: normal mode, not read_only: read-only mode loses merged cells. data_only gives the
            # values Excel cached for formulas; a formula never calculated (no cached value) reads empty.
            wb = openpyxl.load_workbook(path, data_only=True, keep_links=False, rich_text=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged files
        raise UnreadableInput(f"{display}: the workbook is damaged ({type(exc).__name__}: {exc})") from exc
    sheets, count = [], 0
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue  # NOTE: hidden sheets hold lookup lists, not what a reviewer reads
        sheet = Sheet(ws.title, merges=[(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges])
        for (r, c), cell in ws._cells.items():  # NOTE: private, but iter_rows would create every empty cell
            if cell.value is not None:
                sheet.text[(r, c)] = format_value(cell.value, cell.number_format)
        count += len(sheet.text)
        if count > MAX_CELLS:
            raise UnreadableInput(f"{display}: more than {MAX_CELLS} filled cells; not a report")
        sheets.append(sheet)
    wb.close()
    return sheets


def _xls_sheets(path: Path, display: str) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises XLRDError, struct.error, AssertionError, ...
        if "encrypt" in str(exc).lower():
            raise UnreadableInput(
                f"{display}: the file is encrypted (password-protected); save an unprotected copy and audit that"
            ) from exc
        raise UnreadableInput(f"{display}: the workbook is damaged ({type(exc).__name__}: {exc})") from exc
    try:
        sheets = []
        for index in range(book.nsheets):
            sh = book.sheet_by_index(index)
            if sh.visibility:
                continue
            sheet = Sheet(sh.name, merges=[(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sh.merged_cells])
            for r in range(sh.nrows):
                for c in range(sh.row_len(r)):
                    text = _xls_text(book, sh.cell(r, c))
                    if text is not None:
                        sheet.text[(r + 1, c + 1)] = text
            sheets.append(sheet)
        return sheets
    finally:
        book.release_resources()


def _xls_text(book, cell) -> str | None:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
    value = cell.value
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            pass
    return format_value(value, fmt.format_str if fmt else None)


def to_document(sheets: list[Sheet], display: str, fmt: str) -> Document:
    """Blocks of every sheet, in sheet order; tables numbered across the workbook."""
    doc = Document(path=display, format=fmt)
    tables = 0  # NOTE: counted here: recounting the document's tables at each block was quadratic
    for sheet in sheets:
        try:
            blocks = _row_blocks(sheet)
        except UnreadableInput as exc:
            raise UnreadableInput(f"{display}: {exc}") from None
        for rows in blocks:
            tables += _emit(doc, sheet, rows, tables + 1)
    return doc


def _row_blocks(sheet: Sheet) -> list[list[list[tuple[str, int, int]]]]:
    """Runs of non-empty rows, each row a list of (text, row, col) after resolving merges."""
    if not sheet.text:
        return []
    top, bottom = min(r for r, _ in sheet.text), max(r for r, _ in sheet.text)
    left, right = min(c for _, c in sheet.text), max(c for _, c in sheet.text)
    for r0, c0, r1, c1 in sheet.merges:  # a filled merged cell reaches as far as its range
        if sheet.text.get((r0, c0), "").strip():
            bottom, right = max(bottom, r1), max(right, c1)
    covered = _covered(sheet, top, bottom, left, right)
    filled: dict[int, list[int]] = {}
    for (r, c), text in sheet.text.items():
        if text.strip():
            filled.setdefault(r, []).append(c)
    for (r, c), (r0, c0) in covered.items():
        if r0 != r and c == c0:
            filled.setdefault(r, []).append(c)  # a row inside a vertical merge belongs to its block
    blocks: list[list[int]] = []
    for r in sorted(filled):
        if blocks and r == blocks[-1][-1] + 1:
            blocks[-1].append(r)
        else:
            blocks.append([r])
    return [_resolve(sheet, block, covered, filled) for block in blocks]


def _covered(sheet: Sheet, top: int, bottom: int, left: int, right: int) -> dict[tuple[int, int], tuple[int, int]]:
    """Covered cell -> the top-left cell of its merged range, clipped to the used range."""
    clipped = [
        (max(r0, top), max(c0, left), min(r1, bottom), min(c1, right), r0, c0) for r0, c0, r1, c1 in sheet.merges
    ]
    if sum(max(0, b - t + 1) * max(0, rt - lt + 1) for t, lt, b, rt, _, _ in clipped) > MAX_CELLS:
        raise UnreadableInput(f"sheet {sheet.name}: merged ranges cover more than {MAX_CELLS} cells; not a report")
    covered = {}
    for t, lt, b, rt, r0, c0 in clipped:
        for r in range(t, b + 1):
            for c in range(lt, rt + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = (r0, c0)
    return covered


def _resolve(sheet: Sheet, block: list[int], covered: dict, filled: dict[int, list[int]]) -> list:
    left = min(min(filled[r]) for r in block)
    right = max(max(filled[r]) for r in block)
    if len(block) * (right - left + 1) > MAX_CELLS:
        raise UnreadableInput(
            f"sheet {sheet.name}: a block of {len(block)} rows x {right - left + 1} columns; not a report"
        )
    out = []
    for r in block:
        row = []
        for c in range(left, right + 1):
            anchor = covered.get((r, c))
            if anchor is None:
                row.append((sheet.text.get((r, c), ""), r, c))
            elif anchor[0] != r and anchor[1] == c:
                row.append(("", r, c))  # below the top of a vertical merge: an empty continuation cell
            # else: covered by a horizontal merge, dropped as Word's gridSpan gives one cell
        out.append(row)
    return out


def _emit(doc: Document, sheet: Sheet, rows: list[list[tuple[str, int, int]]], index: int) -> int:
    """Append a block as paragraphs or as table number `index`; how many tables it added (0 or 1)."""
    if all(sum(1 for text, _, _ in row if text.strip()) == 1 for row in rows):
        for row in rows:
            text, r, c = next(cell for cell in row if cell[0].strip())
            doc.blocks.append(Paragraph(text=text.strip(), loc=Locator(sheet=sheet.name, cell=_ref(r, c))))
        return 0
    cells = [
        [
            Cell(text=text, loc=Locator(sheet=sheet.name, cell=_ref(r, c), table=index, row=i, column=j))
            for j, (text, r, c) in enumerate(row, start=1)
        ]
        for i, row in enumerate(rows, start=1)
    ]
    top_left = rows[0][0]
    doc.blocks.append(
        Table(rows=cells, loc=Locator(sheet=sheet.name, cell=_ref(top_left[1], top_left[2]), table=index), index=index)
    )
    return 1


def _ref(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"
