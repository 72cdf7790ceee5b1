"""A bureau batch full of broken files: each is reported by name, and the rest of the batch is still audited.

The whole corpus (tests/hostile/corpus.py) goes into one directory with the
real sample report, and one `audit()` runs over it in a child process with
two workers, as `auditor check DIR --jobs 2` would. The child has a timeout,
so a file that hangs a parser fails the test instead of blocking CI; the time
each file took is measured and printed, not asserted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from . import corpus
from .tally import note, tried

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "golden" / "lieshan-hrss-2023-self-evaluation.json"
BATCH_TIMEOUT = 600  # seconds; a hang guard for CI, not a performance target
SAMPLE_COPIES = ("text-as.docx", "utf16le.txt", "utf16be.txt", "utf16.txt", "gbk.txt", "gb18030.txt", "utf8-bom.txt")
#: the sample as a web page: the same findings, located by table/row/column and paragraph instead of line
SAMPLE_PAGES = ("portal.html", "huge-image.mht", "wrong-charset.htm")


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict:
    """The corpus and the sample, audited once: {"seconds", "files": {doc: s}, "result": issue contract}."""
    root = tmp_path_factory.mktemp("batch")
    folder = root / "reports"
    corpus.build_all(folder)
    shutil.copy(corpus.SAMPLE, folder / corpus.SAMPLE.name)
    out = root / "result.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(
        [sys.executable, "-m", "hostile.runner", str(out), "2", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=BATCH_TIMEOUT,
    )
    assert proc.returncode == 0 and out.is_file(), proc.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    tried("broken files (one batch)", len(corpus.CASES))
    slowest = sorted(data["files"].items(), key=lambda kv: -kv[1])[:5]
    note(
        f"broken-file batch: {len(data['files'])} files in {data['seconds']:.1f} s (2 workers); slowest: "
        + ", ".join(f"{Path(doc).name} {s:.1f} s" for doc, s in slowest)
    )
    data["folder"] = folder
    return data


def _document(batch: dict, name: str) -> dict:
    return next(d for d in batch["result"]["documents"] if Path(d["doc"]).name == name)


def _issues(batch: dict, name: str) -> list[dict]:
    return [i for i in batch["result"]["issues"] if Path(i["doc"]).name == name]


def _golden_keys() -> list[tuple]:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return [(i["rule"], json.dumps(i["location"], sort_keys=True), i["found"]) for i in golden["issues"]]


def _keys(issues: list[dict]) -> list[tuple]:
    return [(i["rule"], json.dumps(i["location"], sort_keys=True), i["found"]) for i in issues]


def test_every_file_of_the_batch_is_accounted_for(batch):
    names = sorted(Path(d["doc"]).name for d in batch["result"]["documents"])
    assert names == sorted([c.name for c in corpus.CASES] + [corpus.SAMPLE.name])
    assert set(batch["files"]) == {d["doc"] for d in batch["result"]["documents"]}


def test_the_sample_in_the_batch_keeps_its_reviewed_issues(batch):
    """The sample's issues in the batch are its golden list (tests/golden/), one for one, in order."""
    assert _keys(_issues(batch, corpus.SAMPLE.name)) == _golden_keys()


@pytest.mark.parametrize("case", [c for c in corpus.CASES if c.expect == "unreadable"], ids=lambda c: c.name)
def test_unreadable_file_is_reported_by_name(batch, case):
    doc = _document(batch, case.name)
    assert doc["status"] == "unreadable"
    assert Path(doc["reason"].split(": ", 1)[0]).name == case.name, doc["reason"]
    assert re.search(case.why, doc["reason"]), doc["reason"]
    issues = _issues(batch, case.name)
    assert [i["kind"] for i in issues] == ["unreadable_input"]
    assert case.name in issues[0]["message"]


@pytest.mark.parametrize("case", [c for c in corpus.CASES if c.expect == "incomplete"], ids=lambda c: c.name)
def test_partly_read_file_is_reported_incomplete(batch, case):
    doc = _document(batch, case.name)
    assert doc["status"] == "ok"
    assert case.projects is None or tuple(doc["projects"]) == case.projects
    kinds = {i["kind"] for i in _issues(batch, case.name)}
    assert "extraction_incomplete" in kinds and "unreadable_input" not in kinds


@pytest.mark.parametrize("case", [c for c in corpus.CASES if c.expect == "ok"], ids=lambda c: c.name)
def test_odd_but_honest_file_is_audited(batch, case):
    doc = _document(batch, case.name)
    assert doc["status"] == "ok", doc.get("reason")
    issues = _issues(batch, case.name)
    assert "unreadable_input" not in {i["kind"] for i in issues}
    assert case.projects is None or tuple(doc["projects"]) == case.projects
    if case.name in SAMPLE_COPIES:  # the sample in another encoding or under another name: the same findings
        assert _keys(issues) == _golden_keys()
    if case.name in SAMPLE_PAGES:
        assert sorted(_findings(issues)) == sorted(_findings(_issues(batch, corpus.SAMPLE.name)))


def _findings(issues: list[dict]) -> list[tuple]:
    return [(i["rule"], i["project"] or "", i["expected"] or "", i["found"] or "") for i in issues]


@pytest.mark.parametrize("case", [c for c in corpus.CASES if c.expect == "any"], ids=lambda c: c.name)
def test_file_whose_outcome_depends_on_the_machine_is_still_reported(batch, case):
    doc = _document(batch, case.name)
    assert doc["status"] == "ok" or re.search(case.why, doc["reason"]), doc.get("reason")
