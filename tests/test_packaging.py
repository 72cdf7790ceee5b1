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
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                 if "engine" not in p.relative_to(PACKAGE).parts[:1] and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_help_and_rules_do_not_import_great_expectations():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom auditor.cli import main\n"
            "for args in (['--help'], ['rules'], ['rules', 'show', 'FUNDING_RATE']):\n"
            "    assert CliRunner().invoke(main, args).exit_code == 0\n"
            "print('great_expectations' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
