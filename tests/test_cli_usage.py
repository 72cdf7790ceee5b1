"""click's own usage errors speak the user's language: Chinese by default, English under --lang en or LANG."""

import io
import subprocess
import sys
import threading
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from auditor.cli import _click_speaks, main

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


def plain_click_error(*args: str) -> str:
    """The usage error of a click command that is not auditor's, run in this process."""

    @click.command()
    @click.argument("name")
    @click.option("--count", type=int)
    def hello(name, count):
        click.echo(name)

    result = CliRunner().invoke(hello, list(args), prog_name="hello")
    assert result.exit_code == 2, result.output
    return result.stderr


def test_click_is_left_in_english_after_a_command_ran():
    """Chinese is given to auditor's run only: click used by other code in the process stays English."""
    usage_error("chek")
    assert "No such option" in str(click.NoSuchOption("--x"))
    err = plain_click_error("--count", "many")
    assert "Error: Missing argument 'NAME'." in err or "'many' is not a valid integer." in err, err
    assert "Try 'hello --help' for help." in err and "Usage: hello" in err, err
    assert not any("\u4e00" <= c <= "\u9fff" for c in err), err


def failure(args: list[str]) -> str:
    """What a caller embedding auditor (standalone_mode=False) shows of the usage error it gets back."""
    with pytest.raises(click.UsageError) as caught:
        main(args, prog_name="auditor", standalone_mode=False)
    shown = io.StringIO()
    caught.value.show(shown)
    return shown.getvalue()


def test_concurrent_runs_in_two_languages_each_keep_their_own():
    """Two threads running auditor at once, one in English and one in Chinese, never get the other's words."""
    rounds = 50
    start = threading.Barrier(2)
    seen: dict[str, list[str]] = {"en": [], "zh": []}

    def run(lang: str, args: list[str]) -> None:
        for _ in range(rounds):
            start.wait(timeout=60)
            seen[lang].append(failure(args))

    threads = [
        threading.Thread(target=run, args=("en", ["chek", "--lang", "en"])),
        threading.Thread(target=run, args=("zh", ["chek", "--nosuch"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(seen["en"]) == len(seen["zh"]) == rounds
    for shown in seen["en"]:
        assert "Error: No such command 'chek'. Did you mean 'check'?" in shown, shown
        assert not any("\u4e00" <= c <= "\u9fff" for c in shown), shown
    for shown in seen["zh"]:
        assert "错误：没有命令 'chek'。 是不是 'check'？" in shown and "用法：" in shown, shown
        assert "Error" not in shown and "Try " not in shown, shown


def test_an_english_run_inside_a_chinese_one_speaks_english():
    """A run nested in another (a host program calling auditor from a command) speaks its own language."""
    with _click_speaks("zh"):
        assert "No such command 'chek'" in usage_error("chek", "--lang", "en")
        assert "错误：没有命令 'chek'" in usage_error("chek")
        assert "没有选项" in str(click.NoSuchOption("--x"))
    assert "No such option" in str(click.NoSuchOption("--x"))


def test_an_embedding_caller_is_shown_the_error_in_the_runs_language():
    assert failure(["chek"]).endswith("错误：没有命令 'chek'。 是不是 'check'？\n")
    assert failure(["chek", "--lang", "en"]).endswith("Error: No such command 'chek'. Did you mean 'check'?\n")


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
