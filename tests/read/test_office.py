"""Old Word/WPS files through LibreOffice: clear refusal when it is missing, same blocks when it is there."""

from __future__ import annotations

import shutil
import struct
import subprocess

import pytest

from auditor.read import office, read_document
from auditor.read.errors import UnreadableInput

from . import make_fixtures as mf
from .compare import first_difference, normalise, shape

SOFFICE = office.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def word_binary(path, encrypted: bool = False):
    fib = bytearray(4096)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 0xC1, 0, 0x0804, 0, 0x0100 if encrypted else 0)
    return mf.build_ole(path, {"WordDocument": bytes(fib), "1Table": b"\x00" * 64})


@pytest.mark.parametrize("name", ["report.doc", "report.wps"])
def test_missing_libreoffice_is_explained(tmp_path, monkeypatch, name):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    path = word_binary(tmp_path / name)
    with pytest.raises(UnreadableInput) as caught:
        office.read(path, f"in/{name}")
    message = str(caught.value)
    assert message.startswith(f"in/{name}: ") and "LibreOffice" in message
    assert "apt-get install libreoffice-writer-nogui" in message


def test_encrypted_word_binary_is_refused_before_conversion(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: pytest.fail("must not look for LibreOffice"))
    with pytest.raises(UnreadableInput, match="locked.doc: the file is encrypted"):
        office.read(word_binary(tmp_path / "locked.doc", encrypted=True), "locked.doc")


def test_a_file_that_is_not_old_word_is_refused(tmp_path, built):
    path = tmp_path / "renamed.doc"
    shutil.copyfile(built("docx"), path)
    with pytest.raises(UnreadableInput, match="renamed.doc: not an old Word/WPS file .*docx"):
        office.read(path, "renamed.doc")


@pytest.fixture(scope="module")
def sample_doc(built, tmp_path_factory):
    """The sample .docx saved as .doc by LibreOffice itself (about 2 s)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("doc")
    source = shutil.copyfile(built("docx"), out / "sample.docx")
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=out,
    )
    return out / "sample.doc"


@needs_soffice
def test_doc_reads_as_its_text_form(sample_doc, blocks, tmp_path):
    wps = shutil.copyfile(sample_doc, tmp_path / "样本 报告.wps")  # a name with spaces and Chinese
    for path, fmt in ((sample_doc, "doc"), (wps, "wps")):
        doc = office.read(path, str(path))
        assert (doc.format, doc.path) == (fmt, str(path))
        expected, got = normalise(blocks), normalise(shape(doc))
        assert got == expected, first_difference(expected, got)


@needs_soffice
def test_conversion_gives_up_after_the_timeout(sample_doc, tmp_path):
    with pytest.raises(UnreadableInput, match="x.doc: LibreOffice gave up converting after 0.01 s"):
        office.convert(SOFFICE, sample_doc, tmp_path, "x.doc", timeout=0.01)


@pytest.fixture(scope="module")
def sample_rtf(built, tmp_path_factory):
    """The sample .docx saved as RTF by LibreOffice, under a .doc name as government sites serve it."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("rtf")
    source = shutil.copyfile(built("docx"), out / "sample.docx")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "rtf"]
        + ["--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=out,
    )
    return shutil.copyfile(out / "sample.rtf", out / "sample-rtf.doc")


@needs_soffice
def test_rtf_under_a_doc_name_reads_as_its_text_form(sample_rtf, blocks):
    doc = read_document(sample_rtf, "sample-rtf.doc")
    assert doc.format == "doc"
    expected, got = normalise(blocks), normalise(shape(doc))
    assert got == expected, first_difference(expected, got)
