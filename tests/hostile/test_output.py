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
    import auditor.pipeline

    monkeypatch.setattr(auditor.pipeline, "audit", lambda *args, **kwargs: sample_result)


def _fail_replace(monkeypatch, exc: BaseException) -> None:
    def replace(src, dst):
        raise exc

    monkeypatch.setattr(cli.os, "replace", replace)


def test_success_leaves_only_the_report(tmp_path):
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
