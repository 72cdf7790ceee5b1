"""`auditor check --format xlsx|html|csv|sarif` and the progress bar, as users run them."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.progress import progress, wanted

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def audited(monkeypatch, sample_result):
    """`check` renders the sample's real result without auditing it again (the audit has its own tests)."""
    calls = []

    def audit(paths, config=None, ruleset=None, progress=None, jobs=None):
        calls.append(progress)
        return copy.copy(sample_result)  # NOTE: the CLI fills the result's settings; the session's result is shared

    monkeypatch.setattr("auditor.pipeline.audit", audit)
    return calls


def test_every_format_from_the_command_line(tmp_path, audited, sample_result):
    issues = sample_result.issues
    book = tmp_path / "issues.xlsx"
    assert run("check", SAMPLE, "--format", "xlsx", "-o", str(book)).exit_code == 1
    ws = openpyxl.load_workbook(book)["问题清单"]
    assert ws.max_row == len(issues) + 1 and ws["A2"].value == SAMPLE
    piped = run("check", SAMPLE, "--format", "xlsx")  # stdout is not a terminal: the bytes go out
    assert piped.stdout_bytes[:2] == b"PK"
    csv_out = run("check", SAMPLE, "--format", "csv", "--lang", "en")
    assert csv_out.stdout_bytes.startswith(b"\xef\xbb\xbfdocument,department,project,kind")
    assert len(list(csv.reader(io.StringIO(csv_out.stdout_bytes.decode("utf-8-sig"))))) == len(issues) + 1
    html = tmp_path / "r.html"
    assert run("check", SAMPLE, "--format", "html", "-o", str(html)).exit_code == 1
    assert html.read_text(encoding="utf-8").count('<tr class="') == len(issues)
    sarif = json.loads(run("check", SAMPLE, "--format", "sarif").output)
    assert len(sarif["runs"][0]["results"]) == len(issues)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, audited):
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", str(tmp_path), "--format", "html", "-o", str(tmp_path / "r.html"))
    assert audited == [None]
    assert "读取" not in result.stderr and "检查中" not in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_counts_files_and_announces_the_check():
    stream = _Terminal()
    with progress(3, "zh", True, stream) as step:
        for name in ("a.txt", "b.txt", "c.txt"):
            step(name)
    out = stream.getvalue()
    assert "读取" in out and "2/3" in out and "b.txt" in out and "3/3" in out and "检查中" in out
    with progress(3, "zh", False, stream) as step:
        assert step is None


def test_progress_only_for_people_and_many_files():
    terminal = _Terminal()
    assert wanted("text", 2, terminal) and wanted("html", 2, terminal) and wanted("xlsx", 5, terminal)
    assert not wanted("json", 5, terminal) and not wanted("sarif", 5, terminal)
    assert not wanted("text", 1, terminal)
    assert not wanted("text", 5, io.StringIO())


def test_binary_format_is_not_written_to_a_terminal(tmp_path):
    """xlsx on a terminal would print garbage: refused before any work, pointing at --output."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "auditor", "check", SAMPLE, "--format", "xlsx", "--lang", "en"],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=60,
            text=True,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2 and "-o FILE" in proc.stderr


def test_unknown_format_in_a_config_file_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "auditor.cfg").write_text("[auditor]\nformat = yaml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", SAMPLE])
    assert result.exit_code == 2 and "yaml" in result.output


def test_annotate_and_every_format_are_documented_in_the_readme():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "auditor annotate" in readme and "## Reports" in readme
    for option in re.findall(r"(--[a-z-]+)", run("annotate", "--help").output):
        assert option == "--help" or option in readme, option
    from auditor.render import FORMATS

    assert "--format " + "\\|".join(FORMATS) in readme
    for fmt in FORMATS:
        assert f"| `{fmt}` |" in readme, fmt
