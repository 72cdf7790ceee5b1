"""Packaging and architecture promises: every subpackage ships, GX stays inside auditor/engine and lazy."""

import configparser
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "auditor"


def test_setup_cfg_lists_every_subpackage():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"add to setup.cfg [options] packages: {sorted(found - listed)}"


def test_only_the_engine_imports_great_expectations():
    pattern = re.compile(r"^\s*(from|import)\s+great_expectations", re.M)
    offenders = [
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*.py")
        if "engine" not in p.relative_to(PACKAGE).parts[:1] and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_help_and_rules_do_not_import_great_expectations():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom auditor.cli import main\n"
        "for args in (['--help'], ['rules'], ['rules', 'show', 'FUNDING_RATE']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0\n"
        "print('great_expectations' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr


def test_the_library_works_from_python_c_quietly():
    """A one-line script (`python -c`) gets its issues, with no warning about the pandas version.

    With pyspark installed (the spark and test extras), importing GX imports
    pyspark, which warned about pandas 3 on every run and ended any process
    whose __main__ has no file (`python -c`, the server's spawned workers).
    """
    sample = str(ROOT / "data_samples")
    done = subprocess.run(
        [sys.executable, "-c", f"from auditor.pipeline import audit; print(len(audit([{sample!r}]).issues))"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "35", (done.stdout, done.stderr)
    assert "Warning" not in done.stderr, done.stderr
