"""Broken rule files: `file:line: message` on stderr and exit 2, never a Python traceback.

A finance bureau keeps its own rules directory (`--rules DIR`) and edits it by
hand, often in Notepad or WPS; whatever is wrong with a file must come back as
the file, the line and what to do, from `auditor check` and `auditor rules`
alike. Each case runs in-process (fast, one per case); one child process then
runs both commands on a directory holding every case, as a user would.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

from .corpus import SAMPLE
from .tally import tried

BUILTIN = Path(__file__).resolve().parents[2] / "rules"
BASE = (BUILTIN / "scores" / "SCORE_LE_WEIGHT.yaml").read_text(encoding="utf-8")


def rule(code: str, text: str = BASE) -> str:
    """A valid rule file under another code (the built-in one, renamed)."""
    return text.replace("SCORE_LE_WEIGHT", code)


def alias_bomb(code: str) -> str:
    """Billion laughs with YAML anchors: nine levels of nine aliases, 387 million 'lol's if expanded."""
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"{b}: &{b} [" + ", ".join([f"*{a}"] * 9) + "]" for a, b in zip("abcdefgh", "bcdefghi")]
    return rule(code) + "\n".join(levels) + "\n"


#: name, relative path, how to write it; each gives at least one `path:line: message`
CASES: list[tuple[str, str, Callable[[Path], object]]] = [
    (
        "yaml syntax",
        "g/BAD_SYNTAX.yaml",
        lambda p: p.write_text(rule("BAD_SYNTAX") + "title: [unclosed\n", encoding="utf-8"),
    ),
    ("unknown key", "g/BAD_KEY.yaml", lambda p: p.write_text(rule("BAD_KEY") + "bogus: 1\n", encoding="utf-8")),
    (
        "wrong type",
        "g/BAD_TYPE.yaml",
        lambda p: p.write_text(rule("BAD_TYPE").replace("severity: error", "severity: [error]"), encoding="utf-8"),
    ),
    ("duplicate code", "other/SCORE_LE_WEIGHT.yaml", lambda p: p.write_text(BASE, encoding="utf-8")),
    (
        "unknown rule type",
        "g/BAD_RULE_TYPE.yaml",
        lambda p: p.write_text(rule("BAD_RULE_TYPE").replace("type: compare", "type: magic"), encoding="utf-8"),
    ),
    ("alias bomb", "g/BAD_ALIASES.yaml", lambda p: p.write_text(alias_bomb("BAD_ALIASES"), encoding="utf-8")),
    ("not UTF-8", "g/BAD_ENCODING.yaml", lambda p: p.write_bytes(rule("BAD_ENCODING").encode("gbk"))),
    ("empty file", "g/BAD_EMPTY.yaml", lambda p: p.write_bytes(b"")),
    ("top-level list", "g/BAD_LIST.yaml", lambda p: p.write_text("- code: BAD_LIST\n- kind: typo\n", encoding="utf-8")),
    (
        "unconstructable value",
        "g/BAD_DATE.yaml",
        lambda p: p.write_text(rule("BAD_DATE").replace('found: "{score}"', "found: 2023-02-30"), encoding="utf-8"),
    ),
    (
        "control character",
        "g/BAD_CHAR.yaml",
        lambda p: p.write_text(rule("BAD_CHAR") + "note: \x07\n", encoding="utf-8"),
    ),
    (
        "misspelled column",
        "g/BAD_COLUMN.yaml",
        lambda p: p.write_text(rule("BAD_COLUMN").replace("left: score", "left: scroe"), encoding="utf-8"),
    ),
    (
        "misspelled placeholder",
        "g/BAD_PLACEHOLDER.yaml",
        lambda p: p.write_text(
            rule("BAD_PLACEHOLDER").replace('found: "{score}"', 'found: "{socre}"'), encoding="utf-8"
        ),
    ),
    (
        "lexicon related not a list",
        "lexicons/typos.yaml",
        lambda p: p.write_text(
            "name: typos\nentries:\n  合规率:\n    words: [合规律]\n    related: 合规\n", encoding="utf-8"
        ),
    ),
    (
        "profile not chosen",
        "profiles/broken.yaml",
        lambda p: p.write_text("name: broken\ncategory_caps: [1\n", encoding="utf-8"),
    ),
]


def _write(root: Path, where: str, make: Callable[[Path], object]) -> Path:
    path = root / where
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    return path


def _located(path: Path, stderr: str) -> bool:
    return re.search(rf"(^|\s){re.escape(str(path))}:\d+: \S", stderr, re.M) is not None


@pytest.mark.parametrize("command", [["check", str(SAMPLE)], ["rules"]], ids=["check", "rules"])
@pytest.mark.parametrize("name, where, make", CASES, ids=[c[0] for c in CASES])
def test_broken_rule_file_is_named_with_its_line(tmp_path, command, name, where, make):
    path = _write(tmp_path, where, make)
    tried("broken rule files (in-process CLI)")
    result = CliRunner().invoke(main, [*command, "--rules", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert _located(path, result.stderr), result.stderr


def test_a_directory_named_like_a_rule_file_is_reported(tmp_path):
    (tmp_path / "g" / "NOT_A_FILE.yaml").mkdir(parents=True)
    for lang, said in (("zh", "无法读取（"), ("en", "cannot be read")):
        result = CliRunner().invoke(main, ["rules", "--rules", str(tmp_path), "--lang", lang])
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit), repr(result.exception)
        assert f"{tmp_path / 'g' / 'NOT_A_FILE.yaml'}: {said}" in result.stderr


@pytest.mark.parametrize("command", [["check", str(SAMPLE)], ["rules"]], ids=["check", "rules"])
def test_every_broken_file_at_once_from_the_installed_command(tmp_path, command):
    """All cases in one directory, `python -m auditor` in a child process: every file named, no traceback."""
    paths = [_write(tmp_path, where, make) for _, where, make in CASES]
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", *command, "--rules", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    tried("broken rule files (child process, all at once)", len(paths))
    assert proc.returncode == 2, proc.stdout[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout == ""
    for path in paths:
        assert _located(path, proc.stderr), f"{path} not reported:\n{proc.stderr}"
