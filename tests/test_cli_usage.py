"""click's own usage errors speak the user's language: Chinese by default, English under --lang en or LANG."""

import gettext
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from auditor.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt")
LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def no_locale(monkeypatch):
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)


def usage_error(*args: str) -> str:
    """The error a usage mistake prints: exit code 2, on stderr, nothing on stdout."""
    result = CliRunner().invoke(main, list(args), prog_name="auditor")
    assert result.exit_code == 2, result.output
    assert result.stdout == "", result.stdout
    return result.stderr


@pytest.mark.parametrize(
    "args,zh",
    [
        (["check", "--nosuch", SAMPLE], "错误：没有选项 '--nosuch'。"),
        (["check", "--fail-o", "error", SAMPLE], "没有选项 '--fail-o'。 是不是 '--fail-on'？"),
        (["chek", SAMPLE], "错误：没有命令 'chek'。 是不是 'check'？"),
        (["check"], "错误：缺少参数 'PATHS...'"),
        (["annotate", "-o", "x.docx"], "错误：缺少参数 'REPORT'"),
        (["check", SAMPLE, "--format"], "错误：选项 '--format' 后面需要一个值。"),
        (["check", SAMPLE, "--format", "yaml"], "'--format' 的值无效：'yaml' 不是可选值之一：'text', 'json'"),
        (["check", SAMPLE, "--jobs", "many"], "'--jobs' / '-j' 的值无效：'many' 不是有效的整数。"),
        (["check", SAMPLE, "--jobs", "0"], "'--jobs' / '-j' 的值无效：0 不在范围 x>=1 内。"),
        (["serve", "--timeout", "soon"], "'--timeout' 的值无效：'soon' 不是有效的数字。"),
        (["annotate", "/no/such/report.docx", "-o", "x.docx"], "'REPORT' 的值无效：'/no/such/report.docx' 不存在。"),
        (["check", SAMPLE, "--rules", SAMPLE], "是文件，这里要的是文件夹。"),
        (["check", SAMPLE, "--force=yes"], "错误：选项 '--force' 不接受值。"),
        (["rules", "show", "A", "B"], "错误：多余的参数（B）"),
    ],
)
def test_usage_errors_are_chinese_by_default(args, zh):
    err = usage_error(*args)
    assert zh in err, err
    assert "Error" not in err and "Try " not in err and "Usage" not in err, err


def test_a_usage_error_shows_the_usage_and_where_help_is_in_chinese():
    lines = usage_error("check", "--nosuch", SAMPLE).splitlines()
    assert lines[0] == "用法：auditor check [OPTIONS] PATHS..."
    assert lines[1] == "用 'auditor check --help' 查看帮助。"


@pytest.mark.parametrize(
    "args,en",
    [
        (["check", "--nosuch", SAMPLE], "Error: No such option '--nosuch'."),
        (["check", "--fail-o", "error", SAMPLE], "Did you mean '--fail-on'?"),
        (["chek", SAMPLE], "No such command 'chek'. Did you mean 'check'?"),
        (["check"], "Error: Missing argument 'PATHS...'."),
        (["check", SAMPLE, "--format"], "Option '--format' requires an argument."),
        (["check", SAMPLE, "--format", "yaml"], "'yaml' is not one of 'text', 'json'"),
        (["check", SAMPLE, "--jobs", "many"], "'many' is not a valid integer range."),
        (["annotate", "/no/such/report.docx", "-o", "x.docx"], "File '/no/such/report.docx' does not exist."),
    ],
)
def test_usage_errors_are_english_under_lang_en(args, en):
    err = usage_error(args[0], "--lang", "en", *args[1:])
    assert en in err, err
    command = "auditor" if args[0] == "chek" else f"auditor {args[0]}"
    assert f"Try '{command} --help' for help." in err or "requires an argument" in err
    assert not any("\u4e00" <= c <= "\u9fff" for c in err), err


def test_an_english_locale_gives_english_usage_errors(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    err = usage_error("chek")
    assert "Error: No such command 'chek'. Did you mean 'check'?" in err
    assert "--lang zh" not in err
    assert "错误：没有命令" in usage_error("chek", "--lang", "zh")


def test_click_is_left_in_english_after_a_command_ran():
    """Chinese is installed for the run only: click used by other code in the process stays as it was."""
    usage_error("chek")
    assert click.exceptions._ is gettext.gettext and click.core.ngettext is gettext.ngettext
    assert "No such option" in str(click.NoSuchOption("--x"))


def test_help_shows_clicks_default_and_range_words_in_chinese():
    out = CliRunner().invoke(main, ["serve", "--help"], prog_name="auditor").output
    assert "[默认：127.0.0.1]" in out and "[default" not in out


def test_the_installed_command_exits_two_with_the_error_on_stderr(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "--nosuch", SAMPLE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert "错误：没有选项 '--nosuch'。" in proc.stderr


def test_a_config_file_that_does_not_exist_is_said_in_either_language():
    assert usage_error("check", SAMPLE, "--config", "/no/such/auditor.cfg") == "配置文件 /no/such/auditor.cfg 不存在\n"
    assert usage_error("check", "--lang", "en", SAMPLE, "--config", "/no/such/auditor.cfg") == (
        "configuration file /no/such/auditor.cfg: no such file\n"
    )
