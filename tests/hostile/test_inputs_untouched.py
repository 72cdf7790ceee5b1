"""Inputs are only read: same bytes, same mtime, no file added; and the same inputs print the same bytes.

A bureau audits years of archives in place, often on a share other offices
own; auditor must never write to, lock or touch a report. One batch of ten
reports in four formats is audited twice: in this process, files in name order
on one worker, with `open`/`os.open` patched to record any attempt to open an
input for writing (tests run as root, where 0o444 stops nothing); and as a user
would (`python -m auditor check ... --format json`), files in reverse order on
two workers (the pool starts at eight files) after the folder is made
read-only. Both must leave every input as it was and give the same JSON bytes.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from read.make_fixtures import build_docx, build_pdf, build_xlsx

from . import corpus
from .tally import tried

RUN_TIMEOUT = 300


def _snapshot(root: Path) -> dict[str, tuple]:
    """Every path under root: (sha256, size, mtime_ns) for files, 'dir' for directories."""
    out: dict[str, tuple] = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_dir():
            out[rel] = ("dir",)
        else:
            st = path.stat()
            out[rel] = (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns)
    return out


def _build(root: Path) -> list[str]:
    """Ten reports in four formats, a few of them broken; relative paths in name order."""
    shutil.copy(corpus.SAMPLE, root / "sample.txt")
    build_docx(root / "sample.docx")
    build_xlsx(root / "sample.xlsx")
    build_pdf(root / "sample.pdf")
    (root / "dept-b").mkdir()
    shutil.copy(corpus.SAMPLE, root / "dept-b" / "report.txt")
    for case in corpus.CASES:
        if case.name in ("gbk.txt", "encrypted.docx", "headers-only.txt", "empty.txt", "truncated.xlsx"):
            case.build(root / case.name)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _check(root: Path, files: list[str], jobs: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "auditor", "check", *files, "--format", "json", "--jobs", str(jobs)],
        cwd=root,
        capture_output=True,
        timeout=RUN_TIMEOUT,
    )


def _read_only(root: Path) -> None:
    for path in [*root.rglob("*"), root]:
        path.chmod(0o555 if path.is_dir() else 0o444)


class _WriteGuard:
    """Patched open / io.open / os.open that record reads of the inputs and any attempt to write one."""

    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC

    def __init__(self, inputs: list[Path]) -> None:
        self.inputs = {os.path.realpath(p) for p in inputs}
        self.reads: set[str] = set()
        self.writes: list[str] = []
        self.real_open, self.real_os_open = builtins.open, os.open

    def _input(self, file) -> str | None:
        if isinstance(file, int):
            return None
        real = os.path.realpath(os.fsdecode(file))
        return real if real in self.inputs else None

    def open(self, file, mode="r", *args, **kwargs):
        hit = self._input(file)
        if hit and any(c in mode for c in "wax+"):
            self.writes.append(f"open({hit!r}, {mode!r})")
        elif hit:
            self.reads.add(hit)
        return self.real_open(file, mode, *args, **kwargs)

    def os_open(self, path, flags, *args, **kwargs):
        hit = self._input(path)
        if hit and flags & self.WRITE_FLAGS:
            self.writes.append(f"os.open({hit!r}, {flags:#o})")
        elif hit:
            self.reads.add(hit)
        return self.real_os_open(path, flags, *args, **kwargs)


def _guarded_audit(root: Path, files: list[str], ruleset) -> tuple[bytes, _WriteGuard]:
    """audit() + the JSON renderer in this process, every open of an input watched; the JSON as the CLI prints it."""
    from auditor.pipeline import audit
    from auditor.render.json import render

    guard = _WriteGuard([root / f for f in files])
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        mp.setattr(builtins, "open", guard.open)
        mp.setattr(io, "open", guard.open)  # NOTE: pathlib and zipfile call io.open, not builtins.open
        mp.setattr(os, "open", guard.os_open)
        result = audit(files, ruleset=ruleset, jobs=1)
    return render(result).encode("utf-8"), guard


@pytest.fixture(scope="module")
def runs(tmp_path_factory, ruleset):
    """Snapshots before and after each run, the guard of the first run and the output of both."""
    root = tmp_path_factory.mktemp("untouched") / "reports"
    root.mkdir()
    files = _build(root)
    before = _snapshot(root)
    first, guard = _guarded_audit(root, files, ruleset)
    after_first = _snapshot(root)
    _read_only(root)
    second = _check(root, list(reversed(files)), jobs=2)
    after_second = _snapshot(root)
    tried("inputs checked unmodified (2 runs)", 2 * len(files))
    yield {
        "root": root,
        "files": files,
        "before": before,
        "after": [after_first, after_second],
        "first": first,
        "guard": guard,
        "second": second,
    }
    for path in [root, *root.rglob("*")]:
        path.chmod(stat.S_IRWXU)  # so pytest can clean up


def test_inputs_keep_their_bytes_mtime_and_folder(runs):
    for after in runs["after"]:
        assert after == runs["before"]


def test_no_input_is_ever_opened_for_writing(runs):
    guard, root = runs["guard"], runs["root"]
    assert guard.writes == []
    # the guard did see the inputs being read (a PDF is parsed in a child process, but sniffed here first)
    assert guard.reads == {os.path.realpath(root / f) for f in runs["files"] if (root / f).stat().st_size}


def test_read_only_folder_is_audited(runs):
    second = runs["second"]
    assert second.returncode == 1, second.stderr.decode()[-2000:]
    assert b"Traceback" not in second.stderr


def test_same_inputs_in_another_order_and_jobs_give_the_same_bytes(runs):
    assert runs["second"].stdout == runs["first"]


def test_documents_are_listed_in_path_order(runs):
    import json

    docs = [d["doc"] for d in json.loads(runs["first"])["documents"]]
    assert docs == sorted(runs["files"])
