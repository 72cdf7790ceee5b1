"""The command line as users drive it: exit codes, formats, languages, rule listing."""

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.render.readme import block

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt")


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def test_check_text_groups_by_document_and_project_and_ends_with_summary():
    result = run("check", SAMPLE)
    assert result.exit_code == 1
    out = result.output
    assert out.index("老字号") < out.index("城乡居民基本养老保险")
    assert "L231" in out and "得分 85 超过分值 10" in out and "应为 <= 10" in out
    assert "已核对 2 张自评表（2 张完整）、18 个指标" in out  # what was read, so no one mistakes a gap for a pass
    assert re.search(
        r"共 1 个文件，35 个问题：错误 17，警告 15，提示 3；共核对 2 张自评表（2 张完整）、18 个指标\n$", out
    )


def test_check_json_follows_the_issue_contract():
    data = json.loads(run("check", SAMPLE, "--format", "json").output)
    assert set(data) == {"auditor", "documents", "issues", "summary"}
    document = data["documents"][0]
    coverage = document.pop("coverage")
    assert document == {"doc": SAMPLE, "status": "ok", "format": "txt", "projects": ["老字号", "城乡居民基本养老保险"]}
    assert {k: coverage[k] for k in ("tables", "tables_full", "indicators", "forms")} == {
        "tables": 2,
        "tables_full": 2,
        "indicators": 18,
        "forms": ["central"],
    }
    assert [b["project"] for b in coverage["blocks"]] == ["老字号", "城乡居民基本养老保险"]
    keys = ["doc", "rule", "kind", "severity", "project", "message", "expected", "found", "location", "evidence"]
    for issue in data["issues"]:
        assert list(issue) == keys
        assert issue["location"]
    assert data["summary"] == {"documents": 1, "issues": 35, "by_severity": {"error": 17, "warning": 15, "info": 3}}


def test_lang_en_switches_messages_and_headings():
    out = run("check", SAMPLE, "--lang", "en").output
    assert "score 85 exceeds its weight 10" in out and "1 documents, 35 issues" in out
    data = json.loads(run("check", SAMPLE, "--format", "json", "--lang", "en").output)
    assert all(not re.search(r"[超应称]", i["message"][:3]) for i in data["issues"])


@pytest.mark.parametrize("fail_on,code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(fail_on, code):
    assert run("check", SAMPLE, "--fail-on", fail_on).exit_code == code


def test_fail_on_ignores_issues_below_the_gate(tmp_path):
    result = run("check", SAMPLE, "--select", "PROJECT_TOPIC", "--fail-on", "error")
    assert result.exit_code == 0 and "PROJECT_TOPIC" in result.output
    result = run("check", SAMPLE, "--select", "FUNDING_WEIGHT_CELLS", "--fail-on", "warning")
    assert result.exit_code == 0 and "FUNDING_WEIGHT_CELLS" in result.output


def test_clean_report_exits_zero(clean_report):
    result = run("check", str(clean_report))
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output and "0 个问题" in result.output


def test_output_file_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "report.json"
    assert run("check", SAMPLE, "--format", "json", "-o", str(out)).exit_code == 1
    first = out.read_bytes()
    again = run("check", SAMPLE, "--format", "json", "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.output
    assert run("check", SAMPLE, "--format", "json", "-o", str(out), "--force").exit_code == 1
    assert out.read_bytes() == first


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "a-broken.docx"
    bad.write_bytes(b"\x00\x01 not a zip")
    good = tmp_path / "b.txt"
    good.write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(run("check", str(tmp_path), "--format", "json").output)
    status = {Path(d["doc"]).name: d["status"] for d in data["documents"]}
    assert status == {"a-broken.docx": "unreadable", "b.txt": "ok"}
    assert any(i["kind"] == "unreadable_input" and i["doc"].endswith("a-broken.docx") for i in data["issues"])
    assert sum(1 for i in data["issues"] if i["doc"].endswith("b.txt")) == 35


def test_no_readable_input_exits_two(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"")
    assert run("check", str(bad)).exit_code == 2
    assert run("check", str(tmp_path / "missing-dir")).exit_code == 2


def test_usage_errors_exit_two():
    assert run("check", SAMPLE, "--format", "yaml").exit_code == 2
    assert run("check").exit_code == 2


def test_bad_rules_directory_exits_two_with_file_and_line(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "X_RULE.yaml").write_text("code: X_RULE\nkind: typo\nbogus: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", SAMPLE, "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'g' / 'X_RULE.yaml'}:" in result.output


def test_rules_lists_code_kind_severity_title():
    out = run("rules").output
    assert re.search(r"SCORE_LE_WEIGHT\s+score_exceeds_weight\s+error\s+得分不得超过分值", out)
    assert re.search(r"共 \d+ 条规则", out)


def test_rules_show_explains_with_rationale_and_cases():
    out = run("rules", "show", "FUNDING_RATE").output
    assert "财预〔2020〕10号" in out and "113.33%" in out and "84.47%" in out
    assert run("rules", "show", "NO_SUCH").exit_code == 2


def test_rules_compile_prints_the_gx_expectations():
    data = json.loads(run("rules", "compile", "TOTAL_SCORE_SUM").output)
    assert data[0]["entity"] == "scores"
    assert data[0]["expectation"]["type"] == "expect_auditor_group_sum"
    assert data[0]["expectation"]["meta"] == {"rule": "TOTAL_SCORE_SUM"}


def test_help_lists_every_command_and_the_readme_documents_them():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("check", "rules", "rules show", "rules compile"):
        assert f"auditor {command}" in readme
    help_text = run("check", "--help").output
    for option in re.findall(r"(--[a-z-]+)", help_text):
        if option != "--help":
            assert option in readme, f"{option} is not documented in README.md"


def test_config_in_setup_cfg_is_used(tmp_path, monkeypatch):
    (tmp_path / "setup.cfg").write_text("[auditor]\nignore = PROJECT_TOPIC\nlang = en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run("check", SAMPLE).output
    assert not re.search(r"^\s+L\d+\s+\S+ PROJECT_TOPIC", out, re.M) and "31 issues" in out
    assert "ignore = PROJECT_TOPIC (setup.cfg)" in out  # and the report says what left it out


def test_unknown_config_setting_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "auditor.cfg").write_text("[auditor]\nprofil = national\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", SAMPLE])
    assert result.exit_code == 2 and "profil" in result.output


def test_installed_command_works_from_any_directory(tmp_path):
    """The built-in rules ship inside the package: `auditor rules` works outside the checkout."""
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", "rules"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "SCORE_LE_WEIGHT" in proc.stdout


def test_config_inside_the_audited_folder_is_never_read(tmp_path, monkeypatch):
    """A department cannot hand in a folder that switches the gate off: its auditor.cfg is not read."""
    folder = tmp_path / "dept"
    folder.mkdir()
    (folder / "report.txt").write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("auditor.cfg", "setup.cfg"):
        (folder / name).write_text("[auditor]\nignore = scores, funding\nfail-on = never\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "dept", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert "SCORE_LE_WEIGHT" in {i["rule"] for i in data["issues"]}
    assert set(data["auditor"]) == {"version", "rules"}  # a plain run: nothing changed what ran
    assert run("check", "dept/report.txt").exit_code == 1


def test_every_output_names_the_config_and_the_rules_it_left_out(tmp_path, monkeypatch):
    (tmp_path / "auditor.cfg").write_text("[auditor]\nignore = scores\nfail-on = warning\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    full = json.loads(run("check", SAMPLE, "--format", "json", "--isolated").output)["auditor"]
    data = json.loads(run("check", SAMPLE, "--format", "json").output)["auditor"]
    assert data["config"] == ["auditor.cfg"] and data["profile"] == "national"
    assert set(full) == {"version", "rules"}  # a plain run's JSON is the library's, byte for byte
    assert data["rules_run"] + len(data["deselected"]) == data["rules_total"] > data["rules_run"]
    left = {d["rule"]: d for d in data["deselected"]}
    assert left["SCORE_LE_WEIGHT"] == {
        "rule": "SCORE_LE_WEIGHT",
        "by": "ignore",
        "pattern": "scores",
        "from": "auditor.cfg",
    }
    assert data["fail_on"] == "warning" and data["fail_on_from"] == "auditor.cfg"
    assert data["rules"] != full["rules"]  # the hash says which rules ran
    line = run("check", SAMPLE).output.splitlines()[-2]
    assert (
        "配置文件 auditor.cfg" in line and "ignore = scores（auditor.cfg） 排除 " in line and "SCORE_LE_WEIGHT" in line
    )
    assert "退出门槛 fail-on = warning（auditor.cfg）" in line
    assert "未使用配置文件" in run("check", SAMPLE, "--isolated").output.splitlines()[-2]
    assert "--ignore PROJECT_TOPIC" in run("check", SAMPLE, "--isolated", "--ignore", "PROJECT_TOPIC").output


def test_config_option_reads_one_file_and_isolated_none(tmp_path, monkeypatch):
    (tmp_path / "auditor.cfg").write_text("[auditor]\nselect = SCORE_LE_WEIGHT\n", encoding="utf-8")
    mine = tmp_path / "gate.cfg"
    mine.write_text("[auditor]\nselect = PROJECT_TOPIC\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules_of = lambda *a: {i["rule"] for i in json.loads(run("check", SAMPLE, "--format", "json", *a).output)["issues"]}  # noqa: E731
    assert rules_of() == {"SCORE_LE_WEIGHT"}
    assert rules_of("--config", str(mine)) == {"PROJECT_TOPIC"}
    assert len(rules_of("--isolated")) > 5
    missing = CliRunner().invoke(main, ["check", SAMPLE, "--config", str(tmp_path / "nope.cfg")])
    assert missing.exit_code == 2 and "nope.cfg" in missing.output
    both = CliRunner().invoke(main, ["check", SAMPLE, "--config", str(mine), "--isolated"])
    assert both.exit_code == 2


def test_rules_with_nothing_selected_says_so_and_exits_two():
    result = CliRunner().invoke(main, ["rules", "--select", "NO_SUCH_RULE"])
    assert result.exit_code == 2 and "没有选中任何规则" in result.stderr and "--select NO_SUCH_RULE" in result.stderr
    result = CliRunner().invoke(main, ["rules", "--select", "NO_SUCH_RULE", "--lang", "en"])
    assert result.exit_code == 2 and "no rule is selected" in result.stderr
    assert (
        CliRunner()
        .invoke(main, ["check", SAMPLE, "--ignore", "score_*", "--select", "TYPO", "--ignore", "TYPO"])
        .exit_code
        == 2
    )


def test_nothing_selected_by_a_config_file_names_the_file_not_an_option(tmp_path, monkeypatch):
    """The user typed no --select: the message must send them to the setting that emptied the selection."""
    (tmp_path / "auditor.cfg").write_text("[auditor]\nselect = NO_SUCH_RULE\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 2 and "select = NO_SUCH_RULE（auditor.cfg）" in result.stderr, result.stderr
    assert "--select NO_SUCH_RULE" not in result.stderr


def test_a_document_with_no_self_evaluation_content_trips_the_warning_gate(tmp_path):
    letter = tmp_path / "通知.txt"
    letter.write_text("关于召开年度工作会议的通知\n\n请各单位于下周一上午九点到三楼会议室开会。\n", encoding="utf-8")
    assert run("check", str(letter), "--fail-on", "info").exit_code == 1
    assert run("check", str(letter), "--fail-on", "warning").exit_code == 1
    result = run("check", str(letter))
    assert result.exit_code == 0 and "未找到可核对的自评内容" in result.output and "未发现问题" not in result.output


def test_reader_reasons_are_in_the_chosen_language(tmp_path):
    odd = tmp_path / "x.bin"
    odd.write_bytes(bytes(range(256)) * 8)
    zh = run("check", str(tmp_path / "missing.txt"), str(odd), "--format", "json")
    messages = [i["message"] for i in json.loads(zh.output)["issues"]]
    assert any("文件不存在" in m for m in messages), messages
    assert not any("no such file" in m or "not a report format" in m for m in messages), messages
    text = run("check", str(tmp_path / "missing.txt"), str(odd)).output
    assert "no such file" not in text and "文件不存在" in text
    en = json.loads(run("check", str(tmp_path / "missing.txt"), "--format", "json", "--lang", "en").output)
    assert "no such file" in en["issues"][0]["message"]


def test_help_is_chinese_by_default_and_english_on_request(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    zh = run("check", "--help").output
    assert "用法：" in zh and "审查报告文件或文件夹" in zh and "Audit report files" not in zh
    assert "显示此帮助并退出" in run("--help").output
    en = run("check", "--lang", "en", "--help").output
    assert "Audit report files" in en and "用法" not in en
    assert "Explain one rule" in run("rules", "show", "--lang", "en", "--help").output
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "Audit report files" in run("check", "--help").output


def test_rules_show_in_english_and_the_readers_own_codes():
    out = run("rules", "show", "SCORE_LE_WEIGHT", "--lang", "en").output
    assert out.startswith("SCORE_LE_WEIGHT: A score may not exceed its weight") and "rationale:" in out
    read = run("rules", "show", "READ_FILE")
    assert read.exit_code == 0 and "unreadable_input" in read.output and "文件无法读取" in read.output
    table = run("rules", "show", "read_table", "--lang", "en")
    assert table.exit_code == 0 and "extraction_incomplete" in table.output and "not read in full" in table.output


def test_rationales_cite_national_documents_not_missing_files():
    from auditor.ruleset.loader import load_ruleset

    for rule in load_ruleset().rules:
        for text in (rule.rationale.zh, rule.rationale.en):
            assert "domain-rules" not in text and "forms.md" not in text, rule.code
            assert not re.search(r"\b(FUND|S|W|G)-[A-Z]+", text), (rule.code, text)


def test_rules_compile_prints_no_pyspark_warning():
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", "rules", "compile", "SCORE_LE_WEIGHT"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr, proc.stderr


def test_profile_option_changes_the_caps(tmp_path):
    data = json.loads(run("check", SAMPLE, "--format", "json", "--profile", "hubei").output)
    assert data["auditor"]["rules"].startswith("hubei-")
    assert run("check", SAMPLE, "--profile", "atlantis").exit_code == 2


def test_readme_lists_every_rule_as_the_rule_files_say():
    from auditor.render.rules import rule_markdown
    from auditor.ruleset.loader import load_ruleset

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = block(readme, "rules")
    assert table == rule_markdown(load_ruleset()), (
        "run: python -c \"from auditor.render.rules import update_readme; update_readme('README.md')\""
    )


def test_rules_test_passes_on_the_builtin_rules():
    result = run("rules", "test")
    assert result.exit_code == 0, result.output
    assert re.search(r"^共 \d+ 个用例（\d+ 条规则）：通过 \d+，失败 0$", result.output, re.M), result.output


def test_rules_test_names_a_case_expecting_the_wrong_value(tmp_path):
    text = (ROOT / "rules" / "scores" / "SCORE_LE_WEIGHT.yaml").read_text(encoding="utf-8")
    (tmp_path / "mine").mkdir()
    path = tmp_path / "mine" / "MY_RULE.yaml"
    path.write_text(
        text.replace("SCORE_LE_WEIGHT", "MY_RULE").replace(
            'expected: "<= 10"}]\n    - name: a decimal', 'expected: "<= 11"}]\n    - name: a decimal'
        ),
        encoding="utf-8",
    )
    result = run("rules", "--select", "MY_RULE", "test", "--rules", str(tmp_path), "--lang", "en")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        f"{path}:27: MY_RULE fail case 'an execution rate typed as the score': "
        "expected [{found: 85, expected: <= 11}], got [{found: 85, expected: <= 10}]"
    ), lines
    assert lines[1:] == ["4 cases of 1 rules: 3 passed, 1 failed"]


def test_rules_test_stops_on_a_wrong_rule_file(tmp_path):
    (tmp_path / "mine").mkdir()
    text = (ROOT / "rules" / "scores" / "SCORE_LE_WEIGHT.yaml").read_text(encoding="utf-8")
    path = tmp_path / "mine" / "MY_RULE.yaml"
    path.write_text(text.replace("SCORE_LE_WEIGHT", "MY_RULE").replace("left: score", "left: scroe"), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "test", "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{path}:6: 检查对象 funding、indicators 没有列 'scroe'" in result.stderr


def test_rules_columns_lists_the_entities_and_one_entitys_columns():
    out = run("rules", "columns").output
    assert all(re.search(rf"^{e}\s", out, re.M) for e in ("documents", "funding", "indicators", "years")), out
    out = run("rules", "columns", "funding", "--lang", "en").output
    assert re.search(r"^budget\s+figure\s+the budget for the year", out, re.M), out
    assert re.search(r"^rate_percent\s+decimal\s+.*\(added by validation\)$", out, re.M), out
    assert re.search(r"^rate_percent\s+decimal\s+.*（校验时加入）$", run("rules", "columns", "funding").output, re.M)
    result = CliRunner().invoke(main, ["rules", "columns", "budgets"])
    assert result.exit_code == 2 and "funding" in result.stderr


def test_readme_lists_every_entitys_columns_as_declared():
    from auditor.render.columns import columns_markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = block(readme, "columns")
    assert table == columns_markdown(), (
        "run: python -c \"from auditor.render.columns import update_readme; update_readme('README.md')\""
    )
    for command in ("rules test", "rules columns"):
        assert f"auditor {command}" in readme


def test_readme_names_every_value_a_rule_type_computes():
    from auditor.entities import ENTITIES
    from auditor.ruleset.names import placeholders
    from auditor.ruletypes import TYPES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing rules")[1].split("\n## ")[0]
    columns = set().union(*(placeholders(e) for e in ENTITIES))
    for rule_type in TYPES.values():
        names = rule_type.computes or ()
        if callable(names):  # require: what it computes depends on the requirement
            names = [
                *names(SimpleNamespace(must_include=["x"], must_not_contain=None, must_not_match=None, column="x")),
                *names(SimpleNamespace(must_include=[], must_not_contain="typos", must_not_match=None, column="text")),
                *names(SimpleNamespace(must_include=[], must_not_contain=None, must_not_match="x", column="text")),
            ]
        for name in names:
            assert name in columns or f"{{{name}}}" in section, (rule_type.name, name)


def test_the_words_inside_a_readers_reason_are_chinese_too():
    from auditor.i18n import reader_reason

    damaged = reader_reason("a.docx: the file is damaged (not a valid zip archive: File is not a zip file)", "zh")
    assert damaged == "a.docx：文件已损坏（不是有效的 zip 压缩包：不是 zip 文件）"
    assert "（二进制内容）" in reader_reason("x.bin: not a report format auditor reads (binary); supported: .txt", "zh")
    assert reader_reason("x.bin: not a report format auditor reads (binary); supported: .txt", "en").endswith(
        "(binary); supported: .txt"
    )
