"""Hostile and broken files: each reader refuses with UnreadableInput naming the problem, never crashes."""

from __future__ import annotations

import os
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.read import docx, pdf, safety, xlsx
from auditor.read.errors import UnreadableInput

from . import make_fixtures as mf

ENCRYPTED = {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x00" * 5000}


def word_part(document: bytes) -> dict[str, bytes]:
    return {"[Content_Types].xml": b"<Types/>", "word/document.xml": document}


@pytest.mark.parametrize(
    "name, make, kind",
    [
        ("a.docx", lambda p: mf.docx_with_body(p, "<w:p/>"), "docx"),
        ("a.xlsx", lambda p: mf.build_xlsx(p, ["段落"]), "xlsx"),
        ("a.zip", lambda p: mf.build_zip(p, {"readme.txt": b"hi"}), "zip"),
        ("a.doc", lambda p: mf.build_ole(p, {"WordDocument": b"\xec\xa5", "1Table": b""}), "doc"),
        ("a.wps", lambda p: mf.build_ole(p, {"WordDocument": b"\xec\xa5"}), "wps"),
        ("a.xls", lambda p: mf.build_ole(p, {"Workbook": b"\x09\x08"}), "xls"),
        ("a.bin", lambda p: mf.build_ole(p, {"Contents": b""}), "ole"),
        ("locked.docx", lambda p: mf.build_ole(p, ENCRYPTED), "docx"),
        ("locked.xlsx", lambda p: mf.build_ole(p, ENCRYPTED), "xlsx"),
        ("a.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "pdf"),
        ("a.txt", lambda p: p.write_text("\t项目名称\n\t老字号\n", encoding="utf-8"), "text"),
        ("gbk.txt", lambda p: p.write_bytes("项目支出绩效自评表".encode("gbk")), "text"),
        ("a.doc", lambda p: p.write_bytes(b"{\\rtf1\\ansi hello}"), "rtf"),
        ("a.doc", lambda p: p.write_bytes(b"<html><body>x</body></html>"), "html"),
        ("a.docx", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))), "binary"),
        ("empty.docx", lambda p: p.write_bytes(b""), "empty"),
    ],
)
def test_sniff_trusts_bytes_not_names(tmp_path, name, make, kind):
    path = tmp_path / name
    make(path)
    assert safety.sniff(path) == kind


def test_zip_bomb_by_ratio(tmp_path):
    path = mf.build_zip(tmp_path / "bomb.docx", word_part(b"<a/>" + b" " * (4 * 1024 * 1024)))
    with pytest.raises(UnreadableInput, match=r"bomb.docx: .*zip bomb.*word/document.xml.*:1"):
        docx.read(path, "bomb.docx")


def test_zip_bomb_by_entry_count(tmp_path):
    entries = {f"word/media/{i}.xml": b"" for i in range(safety.MAX_ENTRIES + 1)}
    path = mf.build_zip(tmp_path / "many.xlsx", {**entries, "xl/workbook.xml": b"<w/>"}, zipfile.ZIP_STORED)
    with pytest.raises(UnreadableInput, match=r"many.xlsx: .*zip bomb.*5002 parts \(limit 5000\)"):
        xlsx.read(path, "many.xlsx")


def test_zip_bomb_by_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_TOTAL_UNCOMPRESSED", 1000)
    path = mf.build_zip(tmp_path / "big.docx", word_part(b"<a>" + os.urandom(2000).hex().encode() + b"</a>"))
    with pytest.raises(UnreadableInput, match="zip bomb.*uncompressed"):
        docx.read(path, "big.docx")


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10) for i in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    b"<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    b"<w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    "document",
    [
        LAUGHS,
        EXTERNAL,
        EXTERNAL.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16"),
    ],
)
def test_docx_with_doctype_or_entities_is_refused(tmp_path, document):
    path = mf.build_zip(tmp_path / "evil.docx", word_part(document))
    with pytest.raises(UnreadableInput, match="evil.docx: refused: XML part word/document.xml declares a DOCTYPE"):
        docx.read(path, "evil.docx")


def test_xlsx_part_with_doctype_is_refused_before_openpyxl(tmp_path):
    path = mf.build_xlsx(tmp_path / "evil.xlsx", ["段落"])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/sharedStrings.xml"] = EXTERNAL
    mf.build_zip(path, parts)
    with pytest.raises(UnreadableInput, match="DOCTYPE"):
        xlsx.read(path, "evil.xlsx")


def test_truncated_zip(tmp_path, built):
    data = built("docx").read_bytes()
    for name, reader in (("cut.docx", docx), ("cut.xlsx", xlsx)):
        path = tmp_path / name
        path.write_bytes(data[: len(data) // 2])
        with pytest.raises(UnreadableInput, match=f"{name}: .*damaged"):
            reader.read(path, name)


@pytest.mark.parametrize("name, reader", [("locked.docx", docx), ("locked.xlsx", xlsx)])
def test_encrypted_office_file(tmp_path, name, reader):
    path = mf.build_ole(tmp_path / name, ENCRYPTED)
    with pytest.raises(UnreadableInput, match=f"{name}: the file is encrypted"):
        reader.read(path, name)


@pytest.mark.parametrize(
    "name, reader, why",
    [
        ("empty.docx", docx, "empty"),
        ("empty.xlsx", xlsx, "empty"),
        ("empty.pdf", pdf, "empty"),
        ("x.docx", docx, "binary"),
        ("x.pdf", pdf, "binary"),
        ("x.xlsx", xlsx, "binary"),
    ],
)
def test_empty_and_binary_files(tmp_path, name, reader, why):
    path = tmp_path / name
    path.write_bytes(b"" if why == "empty" else b"\x00\x01\x02MZ\x90\x00" * 100)
    with pytest.raises(UnreadableInput, match=f"{name}: .*{why}"):
        reader.read(path, name)


def test_old_xls_named_xlsx_is_read_as_xls_and_damaged_one_refused(tmp_path):
    path = mf.build_ole(tmp_path / "old.xlsx", {"Workbook": b"\x09\x08\x10\x00"})
    with pytest.raises(UnreadableInput, match="old.xlsx: the workbook is damaged"):
        xlsx.read(path, "old.xlsx")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_corrupted_files_only_ever_raise_unreadable(tmp_path, built, data):
    kind = data.draw(st.sampled_from(["docx", "xlsx"]))
    raw = bytearray(built(kind).read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path / f"fuzz.{kind}"
    path.write_bytes(bytes(raw))
    reader = docx if kind == "docx" else xlsx
    try:
        reader.read(path, path.name)
    except UnreadableInput as exc:
        assert path.name in str(exc)


def test_parse_xml_refuses_doctype_and_parses_plain_xml():
    assert safety.parse_xml(b"<a><b>1</b></a>", "p.xml", "f").findtext("b") == "1"
    with pytest.raises(UnreadableInput, match="f: refused: XML part p.xml declares a DOCTYPE"):
        safety.parse_xml(b'<!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>', "p.xml", "f")
    with pytest.raises(UnreadableInput, match="f: the file is damaged"):
        safety.parse_xml(b"<a><b></a>", "p.xml", "f")


def test_run_isolated_returns_the_result_and_maps_failures():
    assert safety.run_isolated(len, "四个字符", display="f") == 4
    with pytest.raises(UnreadableInput, match=r"f: could not be read \(ValueError"):
        safety.run_isolated(int, "not a number", display="f")
    with pytest.raises(UnreadableInput, match="f: the reader crashed"):
        safety.run_isolated(os._exit, 3, display="f")


def test_run_isolated_gives_up_after_the_timeout():
    started = time.monotonic()
    with pytest.raises(UnreadableInput, match="f: gave up after 0.5 s"):
        safety.run_isolated(time.sleep, 30, timeout=0.5, display="f")
    assert time.monotonic() - started < 10


def test_run_isolated_limits_memory():
    with pytest.raises(UnreadableInput, match="f: .*memory"):
        safety.run_isolated(bytearray, 1024**3, memory_limit=512 * 1024**2, display="f")
