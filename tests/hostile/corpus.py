"""Broken and hostile report files, built at test time (no binary file is committed).

Each `Case` names a file, how to build it and what an audit must make of it:
`unreadable` (an `unreadable_input` issue naming the file, its reason matching
`why`), `incomplete` (read, with an `extraction_incomplete` issue) or `ok` (a
normal audit: the good encodings and permission-only PDFs). The cases are what
reaches a pre-publication gate from authors and a bureau batch from years of
archives: damaged downloads, password-protected copies, files built to hurt a
parser, and honest files of unusual size or encoding.
"""

from __future__ import annotations

import functools
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from read.fixtures_html import build_html, build_mht, page_html
from read.make_fixtures import build_docx, build_ole, build_xlsx, build_zip, docx_with_body, run

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ENCRYPTED = {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x00" * 5000}


@dataclass(frozen=True)
class Case:
    name: str  # the file name in the batch (its suffix is what the user sees)
    build: Callable[[Path], object]
    expect: str  # unreadable | incomplete | ok | any (depends on the tools installed)
    why: str = ""  # a regex the unreadable reason must match
    projects: tuple[str, ...] | None = None  # the projects an ok or incomplete file must give, when known


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _document_xml(body: bytes, prolog: bytes = b'<?xml version="1.0"?>') -> bytes:
    return prolog + b'<w:document xmlns:w="' + W.encode() + b'"><w:body>' + body + b"</w:body></w:document>"


def _word(path: Path, document: bytes, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    return build_zip(path, {"[Content_Types].xml": b"<Types/>", "word/document.xml": document}, compression)


def truncated(make: Callable[[Path], Path]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        data = make(path).read_bytes()
        path.write_bytes(data[: len(data) // 2])

    return build


def corrupted(make: Callable[[Path], Path]) -> Callable[[Path], None]:
    """Every 97th byte of the second half overwritten: the central directory survives, the parts do not."""

    def build(path: Path) -> None:
        raw = bytearray(make(path).read_bytes())
        for i in range(len(raw) // 2, len(raw) - 200, 97):
            raw[i] ^= 0x5A
        path.write_bytes(bytes(raw))

    return build


def ratio_bomb(path: Path) -> None:
    """One 64 MB part of zeros, about 64 KB compressed: refused from its declared sizes, never inflated."""
    body = b"<w:p>" + b"\0" * (64 * 2**20) + b"</w:p>"
    _word(path, _document_xml(body))


def entry_bomb(path: Path) -> None:
    entries = {f"xl/worksheets/_{i}.xml": b"" for i in range(5_001)}
    build_zip(path, {"xl/workbook.xml": b"<workbook/>", **entries}, zipfile.ZIP_STORED)


LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>"
)


def laughs_docx(path: Path) -> None:
    _word(path, _document_xml(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", b'<?xml version="1.0"?>' + LAUGHS))


def external_entity_docx(path: Path) -> None:
    dtd = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    _word(path, _document_xml(b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", dtd))


def laughs_xlsx(path: Path) -> None:
    build_xlsx(path, ["段落"])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0"?>'
        + LAUGHS.replace(b"lolz", b"sst")
        + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&lol9;</t></si></sst>"
    )
    build_zip(path, parts)


def encrypted_pdf(path: Path, user: str = "user-secret") -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption(user, "owner-secret", canModify=0))
    c.drawString(72, 720, "Total 100")
    c.save()


def word97_encrypted(path: Path) -> None:
    """A .doc whose FIB says fEncrypted (bit 0x0100 of the flags at offset 10)."""
    fib = bytearray(4096)
    fib[0:2], fib[10:12] = b"\xec\xa5", (0x0100).to_bytes(2, "little")
    build_ole(path, {"WordDocument": bytes(fib), "1Table": b""})


def random_bytes(path: Path, size: int = 64 * 1024, seed: int = 7) -> None:
    path.write_bytes(random.Random(seed).randbytes(size))


def elf_as(path: Path) -> None:
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)


def headers_only(path: Path) -> None:
    """A 自评表 with its header rows and nothing under them."""
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "空表项目"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [
            "年度绩效指标完成情况",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
    ]
    text = "\n\n".join("\n".join("\t" + c for c in row) for row in rows)
    path.write_text("空表说明\n" + text + "\n", encoding="utf-8")


def indicator_rows(n: int, fill: Callable[[int], str] = lambda i: f"指标{i}") -> list[list[str]]:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    return [header] + [["产出指标", "数量指标", fill(i), "100%", "100%", "1", "1", ""] for i in range(n)]


def big_table_txt(path: Path, n: int = 20_000) -> None:
    """A 自评表 with 20,000 indicator rows and a 总分 row, as Word's copy-as-text writes it."""
    rows = [["项目名称", "巨表项目"], ["项目资金", "全年预算数", "全年执行数", "执行率"]] + indicator_rows(n)
    rows.append(["总分", "", "", "", "", str(n), str(n), ""])
    path.write_text("巨表说明\n" + "\n\n".join("\n".join("\t" + c for c in r) for r in rows) + "\n", encoding="utf-8")


def big_list_xlsx(path: Path, n: int = 20_000) -> None:
    """A 20,000-row list (an attachment of beneficiaries, say): no 自评表 in it, so nothing to check."""
    import openpyxl

    wb = openpyxl.Workbook()  # NOTE: not write_only: its inline strings read back three times slower
    ws = wb.active
    ws.title = "附表"
    ws.append(["序号", "姓名", "金额（元）"])
    for i in range(1, n + 1):
        ws.append([i, f"受益人{i}", 1200 + i % 300])
    wb.save(path)


@functools.lru_cache(maxsize=4)
def _random_cjk(size: int, seed: int = 11) -> str:
    """Text that does not compress far (a repeated character would be refused as a zip bomb, rightly)."""
    return "".join(map(chr, random.Random(seed).choices(range(0x4E00, 0x9FA5), k=size)))


def huge_cell_txt(path: Path) -> None:
    cell = _random_cjk(5 * 2**20 // 3)  # about 5 MB of UTF-8
    text = sample_text().replace("\t经费支出合规律\n", "\t" + cell + "\n", 1)
    path.write_text(text, encoding="utf-8")


def huge_cell_docx(path: Path) -> None:
    cell = _random_cjk(5 * 2**20 // 3)
    tc = lambda text: f"<w:tc><w:p>{run(text)}</w:p></w:tc>"  # noqa: E731
    docx_with_body(path, f"<w:p>{run('巨格说明')}</w:p><w:tbl><w:tr>{tc('项目名称')}{tc(cell)}</w:tr></w:tbl>")


def huge_paragraph_txt(path: Path) -> None:
    path.write_text("共" + "1" * 5000 + "个项目，" + _random_cjk(2**20, seed=3) + "。\n", encoding="utf-8")


def huge_numbers_txt(path: Path) -> None:
    """The sample with 40-digit figures: more digits than Decimal's default 28-digit context rounds to."""
    big = "9" * 40
    text = sample_text().replace("\t661.7252\n", f"\t{big}.7252\n").replace("\t100\n", f"\t{big}\n")
    path.write_text(text.replace("执行数为661.7252万元", f"执行数为{big}万元"), encoding="utf-8")


def encoded(encoding: str) -> Callable[[Path], None]:
    """The sample in another encoding; UTF-16 with its byte-order mark, as Notepad writes it."""

    def build(path: Path) -> None:
        bom = "\ufeff" if encoding in ("utf-16-le", "utf-16-be") else ""
        text = sample_text()
        if encoding == "gbk":
            text = text.replace("\u00a0", "\u3000")  # NOTE: GBK has no no-break space; offices type U+3000
        path.write_bytes((bom + text).encode(encoding))

    return build


def deep_nesting_docx(path: Path) -> None:
    """Content controls nested 5,000 deep: lxml's depth limit, not Python's recursion limit, must stop it."""
    docx_with_body(path, "<w:sdt><w:sdtContent>" * 5000 + f"<w:p>{run('深')}</w:p>" + "</w:sdtContent></w:sdt>" * 5000)


def huge_merge_xlsx(path: Path, ref: str = "A1:XFD1048576") -> None:
    """A few-KB workbook whose one merged range covers the whole sheet.

    NOTE: patched into the sheet XML: openpyxl's own merge_cells would create
    the range's edge cells (millions of objects) while *writing* it.
    """
    build_xlsx(path, [[["一级指标", "三级指标"], ["产出", "数量"]]])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode()
    if b"<mergeCells" in sheet:
        start, end = sheet.index(b"<mergeCells"), sheet.index(b"</mergeCells>") + len(b"</mergeCells>")
        sheet = sheet[:start] + merge + sheet[end:]
    else:
        sheet = sheet.replace(b"</sheetData>", b"</sheetData>" + merge)
    parts["xl/worksheets/sheet1.xml"] = sheet
    build_zip(path, parts)


def pdf_garbage(path: Path) -> None:
    path.write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >>\nendobj\n" + b"trailer << /Root 1 0 R /Size 2 >>\n%%EOF\n"
    )


def damaged_doc(path: Path) -> None:
    """An OLE container with a Word stream of garbage (FIB flags clear, so not taken for encrypted)."""
    build_ole(
        path, {"WordDocument": b"\xec\xa5" + b"\x00" * 10 + random.Random(5).randbytes(4000), "1Table": b"\x00" * 10}
    )


def malformed_html(path: Path) -> None:
    """The sample's page with its closing tags dropped, stray ones added and a tag cut off at the end."""
    page = page_html().replace("</td>", "").replace("</p>", "</td></span>").replace("</tr>", "")
    path.write_text(page[: len(page) - 40] + "<table><tr><td colspan=", encoding="utf-8")


def deep_html(path: Path) -> None:
    """100,000 nested tags: libxml2 stops at 256 levels, and the page is refused rather than read in part."""
    path.write_text("<html><body><p>深</p>" + "<div><span>" * 50_000 + "</span></div>" * 50_000, encoding="utf-8")


def huge_html(path: Path) -> None:
    """A 200 MB page (sparse: its real start, then a hole): refused from its size, never read."""
    with open(path, "wb") as f:
        f.write(page_html().encode("utf-8") + b" " * 70_000)  # past the bytes a type is sniffed from
        f.seek(200 * 2**20)
        f.write(b"</body></html>")


def huge_image_mht(path: Path) -> None:
    """A saved page with a 60 MB base64 image part, which is never decoded."""
    build_mht(path, image_bytes=45 * 2**20)


def huge_html_part_mht(path: Path) -> None:
    """A saved page whose HTML part itself is 54 MB of base64: over the page limit, refused undecoded."""
    head = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
    part = b"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    path.write_bytes(head + part + b"PHA+5b6XPC9wPg==\r\n" * (3 * 2**20) + b"--B--\r\n")


def wrong_charset_html(path: Path) -> None:
    """The sample's page in GBK declaring UTF-8 (a portal re-encoded it and kept the old <meta>)."""
    page = page_html(charset="utf-8").replace("\u00a0", "\u3000")
    path.write_bytes(page.encode("gbk"))


CASES: list[Case] = [
    Case("truncated.docx", truncated(build_docx), "unreadable", "damaged"),
    Case("truncated.xlsx", truncated(build_xlsx), "unreadable", "damaged"),
    Case("corrupted.docx", corrupted(build_docx), "unreadable", "damaged"),
    Case("corrupted.xlsx", corrupted(build_xlsx), "unreadable", "damaged"),
    Case("bomb-ratio.docx", ratio_bomb, "unreadable", "zip bomb.*expands"),
    Case("bomb-entries.xlsx", entry_bomb, "unreadable", "zip bomb.*parts"),
    Case("laughs.docx", laughs_docx, "unreadable", "DOCTYPE"),
    Case("laughs.xlsx", laughs_xlsx, "unreadable", "DOCTYPE"),
    Case("external-entity.docx", external_entity_docx, "unreadable", "DOCTYPE"),
    Case("encrypted.docx", lambda p: build_ole(p, ENCRYPTED), "unreadable", "encrypted"),
    Case("encrypted.xlsx", lambda p: build_ole(p, ENCRYPTED), "unreadable", "encrypted"),
    Case("encrypted-as.doc", lambda p: build_ole(p, ENCRYPTED), "unreadable", "encrypted"),
    Case("encrypted97.doc", word97_encrypted, "unreadable", "encrypted"),
    Case("encrypted.pdf", encrypted_pdf, "unreadable", "encrypted"),
    Case("permissions-only.pdf", lambda p: encrypted_pdf(p, user=""), "ok"),
    Case("empty.txt", lambda p: p.write_bytes(b""), "unreadable", "empty"),
    Case("empty.docx", lambda p: p.write_bytes(b""), "unreadable", "empty"),
    Case("empty.xlsx", lambda p: p.write_bytes(b""), "unreadable", "empty"),
    Case("empty.pdf", lambda p: p.write_bytes(b""), "unreadable", "empty"),
    Case("random.txt", random_bytes, "unreadable", "binary|neither UTF-8"),
    Case("random.docx", random_bytes, "unreadable", "not an Office|not a report format"),
    Case("elf.docx", elf_as, "unreadable", "binary|not a report format"),
    Case("elf.txt", elf_as, "unreadable", "binary"),
    Case("text-as.docx", lambda p: p.write_text(sample_text(), encoding="utf-8"), "ok"),
    Case("garbage.pdf", pdf_garbage, "unreadable", "damaged|no text layer"),
    Case("damaged.doc", damaged_doc, "any", "LibreOffice"),  # NOTE: LibreOffice may read garbage as an empty file
    Case("utf16le.txt", encoded("utf-16-le"), "ok"),
    Case("utf16be.txt", encoded("utf-16-be"), "ok"),
    Case("utf16.txt", encoded("utf-16"), "ok"),
    Case("gbk.txt", encoded("gbk"), "ok"),
    Case("gb18030.txt", encoded("gb18030"), "ok"),
    Case("utf8-bom.txt", encoded("utf-8-sig"), "ok"),
    Case("huge-cell.txt", huge_cell_txt, "ok"),
    Case("huge-cell.docx", huge_cell_docx, "ok"),
    Case("huge-paragraph.txt", huge_paragraph_txt, "ok"),
    Case("huge-numbers.txt", huge_numbers_txt, "ok"),
    Case("big-table.txt", big_table_txt, "ok", projects=("巨表项目",)),
    Case("big-list.xlsx", big_list_xlsx, "ok"),
    Case("headers-only.txt", headers_only, "incomplete", projects=("空表项目",)),
    Case("deep-nesting.docx", deep_nesting_docx, "unreadable", "damaged"),
    Case("huge-merge.xlsx", huge_merge_xlsx, "unreadable", "merged ranges|not a report"),
    Case("portal.html", build_html, "ok"),
    Case("malformed.html", malformed_html, "ok"),
    Case("deep-nesting.html", deep_html, "unreadable", "nest deeper than 256"),
    Case("huge.html", huge_html, "unreadable", "200 MB, over the 30 MB limit"),
    Case("huge-image.mht", huge_image_mht, "ok"),
    Case("huge-html-part.mht", huge_html_part_mht, "unreadable", "HTML is \\d+ MB, over the 30 MB limit"),
    Case("wrong-charset.htm", wrong_charset_html, "ok"),
]


def build_all(directory: Path, cases: list[Case] = CASES) -> dict[str, Path]:
    """Every case written into `directory`; name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for case in cases:
        path = directory / case.name
        case.build(path)
        out[case.name] = path
    return out
