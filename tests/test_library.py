"""The library the README promises: `auditor.audit(paths, config)` returns an `AuditResult` and never prints."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"
README = (ROOT / "README.md").read_text(encoding="utf-8")
PROMISE = "`auditor.audit(paths, config)` returns an `AuditResult` and never prints"
#: the README's Python examples (```python blocks), each run as written from the repository's root
EXAMPLES = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_the_readme_promises_the_library_call_tested_here():
    assert PROMISE in README.replace("\n  ", " ")


def test_audit_paths_config_as_the_readme_writes_it(capfd):
    import auditor

    paths, config = [str(SAMPLE.parent)], auditor.Config()
    result = auditor.audit(paths, config)
    assert isinstance(result, auditor.AuditResult)
    assert [d.doc for d in result.documents] == [str(SAMPLE)] and result.documents[0].status == "ok"
    assert result.issues and result.summary()["issues"] == len(result.issues)
    assert capfd.readouterr() == ("", "")  # never prints, not even a progress bar or a library's warning


def test_the_package_exports_are_the_pipelines_own():
    import auditor
    import auditor.config
    import auditor.pipeline
    import auditor.result

    assert auditor.audit is auditor.pipeline.audit
    assert auditor.Config is auditor.config.Config is auditor.pipeline.Config
    assert auditor.AuditResult is auditor.result.AuditResult
    assert {"audit", "Config", "AuditResult"} <= set(dir(auditor)) and set(auditor.__all__) <= set(dir(auditor))
    with pytest.raises(AttributeError):
        auditor.no_such_name  # noqa: B018


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"example-{n}" for n in range(1, len(EXAMPLES) + 1)])
def test_the_readmes_python_examples_run_as_written(example, monkeypatch):
    monkeypatch.chdir(ROOT)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(example, "README.md", "exec"), {"__name__": "readme_example"})  # noqa: S102


def test_import_auditor_then_audit_in_a_fresh_process():
    """The lazy exports work from a cold start, as a user's script meets them."""
    code = (
        "import auditor; r = auditor.audit([sys.argv[1]], auditor.Config()); print(type(r).__name__, len(r.documents))"
    )
    done = subprocess.run(
        [sys.executable, "-c", "import sys; " + code, str(SAMPLE)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=os.fspath(ROOT),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "AuditResult 1\n" and done.stderr == ""
