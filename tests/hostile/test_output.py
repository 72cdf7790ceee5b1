"""`--output` is written beside its target and renamed: no temp file is left behind, whatever happens.

A pre-publication gate runs in a shared folder that people open in Excel; a
half-written report or a stray `.issues.json.xxxx.tmp` there is a support call.
Success, a failing write (disk full), an interrupt in the middle and an output
path that cannot exist all leave the folder holding only what it should, and a
failed write never damages the report an earlier run left there.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor import cli
from auditor.cli import main

from .corpus import SAMPLE


def _check(out: Path, *extra: str):
    return CliRunner().invoke(main, ["check", str(SAMPLE), "--format", "json", "-o", str(out), *extra])


@pytest.fixture()
def quick_audit(monkeypatch, sample_result):
    """The sample's result without validating again: these tests are about writing, not auditing."""
    import copy

    import auditor.pipeline

    # NOTE: a copy: the CLI fills the result's `settings`, and the session's sample result is shared
    monkeypatch.setattr(auditor.pipeline, "audit", lambda *args, **kwargs: copy.copy(sample_result))


def _fail_replace(monkeypatch, exc: BaseException) -> None:
    def replace(src, dst):
        raise exc

    monkeypatch.setattr(cli.os, "replace", replace)


def test_success_leaves_only_the_report(tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "issues.json"
    result = _check(out)
    assert result.exit_code == 1, result.output
    assert [p.name for p in out.parent.iterdir()] == ["issues.json"]
    assert out.read_text(encoding="utf-8").startswith("{")


def test_failed_write_leaves_no_temp_file_and_says_why(tmp_path, monkeypatch, quick_audit):
    out = tmp_path / "issues.json"
    _fail_replace(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    result = _check(out)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), repr(result.exception)
    assert str(out) in result.stderr and "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_failed_forced_write_keeps_the_earlier_report(tmp_path, monkeypatch, quick_audit):
    out = tmp_path / "issues.json"
    out.write_text("earlier report", encoding="utf-8")
    _fail_replace(monkeypatch, OSError(errno.EIO, "Input/output error"))
    result = _check(out, "--force")
    assert result.exit_code == 2, result.output
    assert out.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["issues.json"]


def test_interrupt_while_writing_leaves_no_temp_file(tmp_path, monkeypatch, quick_audit):
    out = tmp_path / "issues.json"
    _fail_replace(monkeypatch, KeyboardInterrupt())
    result = _check(out)
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_output_under_a_file_is_a_usage_error(tmp_path, quick_audit):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _check(blocker / "issues.json")
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), repr(result.exception)
    assert str(blocker / "issues.json") in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("关于2023年度预算绩效情况说明")
    document.add_paragraph("项目全年预算数为900万元，完成预算的75%。")
    document.save(path)
    return path


@pytest.fixture()
def umask():
    """Set the process umask for one test, and put the old one back."""
    import os

    old = os.umask(0o022)
    os.umask(old)
    yield lambda mask: os.umask(mask)
    os.umask(old)


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_report_has_the_permissions_the_umask_gives(tmp_path, quick_audit, umask, mask, mode):
    umask(mask)
    for fmt, name in (("json", "issues.json"), ("xlsx", "issues.xlsx")):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["check", str(SAMPLE), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 1, result.output
        assert out.stat().st_mode & 0o777 == mode, (fmt, oct(out.stat().st_mode))


def test_force_keeps_the_mode_of_the_report_it_replaces(tmp_path, quick_audit, umask):
    umask(0o077)
    out = tmp_path / "issues.json"
    out.write_text("earlier", encoding="utf-8")
    out.chmod(0o644)
    assert _check(out, "--force").exit_code == 1
    assert out.stat().st_mode & 0o777 == 0o644 and out.read_text(encoding="utf-8").startswith("{")


def test_output_in_a_missing_folder_is_an_error_and_creates_nothing(tmp_path, quick_audit):
    out = tmp_path / "no" / "such" / "dir" / "x.json"
    result = _check(out)
    assert result.exit_code == 2
    assert "不存在" in result.stderr and str(out) in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_annotate_writes_only_docx_files(tmp_path):
    report = _docx(tmp_path / "report.docx")
    for name in ("x.txt", "x.doc", "x"):
        result = CliRunner().invoke(main, ["annotate", str(report), "-o", str(tmp_path / name)])
        assert result.exit_code == 2 and ".docx" in result.stderr, (name, result.output)
        assert not (tmp_path / name).exists()


@pytest.mark.parametrize("bad", ["../../escaped.txt", "/etc/evil.txt", "word/../../up.txt", "C:evil.txt"])
def test_annotate_refuses_a_report_with_parts_named_outside_it(tmp_path, bad):
    import zipfile

    from auditor.annotate import annotate_docx
    from auditor.read.errors import UnreadableInput

    good = _docx(tmp_path / "good.docx")
    report = tmp_path / "report.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(report, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(zipfile.ZipInfo(bad), b"not part of a report")
    before = report.read_bytes()
    result = CliRunner().invoke(main, ["annotate", str(report), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2, result.output
    assert "无法读取" in result.stderr and "名称不安全" in result.stderr and bad in result.stderr
    assert not (tmp_path / "out.docx").exists() and report.read_bytes() == before
    with pytest.raises(UnreadableInput, match="unsafe names"):
        annotate_docx(report, tmp_path / "lib.docx", [])


def test_check_reports_a_report_with_parts_named_outside_it_as_unreadable(tmp_path):
    """The reader refuses such a file as annotate does, and the rest of the batch is audited."""
    import zipfile

    from auditor.config import Config
    from auditor.pipeline import audit

    good = _docx(tmp_path / "good.docx")
    report = tmp_path / "report.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(report, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(zipfile.ZipInfo("../../escaped.txt"), b"not part of a report")
    result = audit([str(report), str(good)], Config())
    status = {Path(d.doc).name: d.status for d in result.documents}
    assert status == {"report.docx": "unreadable", "good.docx": "ok"}
    (refusal,) = [i for i in result.issues if i.kind == "unreadable_input"]
    assert "unsafe names" in refusal.message_in("en") and "名称不安全" in refusal.message_in("zh")
