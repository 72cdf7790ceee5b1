"""A malformed rule file is `file:line: what is wrong, and how to fix it`: in Chinese by default, English on request."""

import ast
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.ruleset.foreign import validator_reason
from auditor.ruleset.loader import RuleSetError, builtin_dir, load_ruleset
from auditor.ruleset.said import Said
from auditor.ruleset.wording import WORDS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt")
GOOD = (builtin_dir() / "scores" / "SCORE_LE_WEIGHT.yaml").read_text(encoding="utf-8")
MINE = GOOD.replace("code: SCORE_LE_WEIGHT", "code: MY_RULE")


def untranslated(said: Said) -> list[str]:
    """The texts of a message shown as another program wrote them (in English), at any depth."""
    out = [dict(said.values)["text"]] if said.key == "verbatim" else []
    for _, value in said.values:
        if isinstance(value, Said):
            out += untranslated(value)
    return out


def rule_errors(tmp_path: Path, text: str | bytes, name: str = "MY_RULE") -> list:
    path = tmp_path / "mine" / f"{name}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path])
    return info.value.errors


@pytest.mark.parametrize(
    "text,line,zh,en",
    [
        (
            MINE.replace("code: MY_RULE", "code: my-rule"),
            1,
            "'code' 的值有误：规则代码由大写字母、数字和下划线组成（UPPER_SNAKE_CASE），以字母开头，共 3 到 41 个字符",
            "bad value for 'code': a rule code is UPPER_SNAKE_CASE, 3 to 41 characters, e.g. SCORE_LE_WEIGHT",
        ),
        (
            MINE.replace("tolerance:", "tolerence:"),
            9,
            "未知的键 'tolerence'；请删除它或检查拼写",
            "unknown key 'tolerence'",
        ),
        (MINE.replace("severity: error\n", ""), 1, "缺少键 'severity'；请补上", "missing key 'severity'; add it"),
        (
            MINE.replace("severity: error", "severity: fatal"),
            3,
            "'severity' 的值有误：应为以下之一：'error'、'warning'、'info'",
            "bad value for 'severity': Input should be 'error', 'warning' or 'info'",
        ),
        (
            MINE.replace("kind: score_exceeds_weight", "kind: too_high"),
            2,
            "'kind' 的值有误：未知的问题类型 'too_high'；可用：",
            "unknown kind",
        ),
        (MINE.replace("type: compare", "type: magic"), 1, "规则类型未知或缺失；请把 type: 设为以下之一：", "rule type"),
        (
            MINE.replace("[funding, indicators]", "[funding, budgets]"),
            5,
            "'entity' 的值有误：未知的检查对象 'budgets'；可用：",
            "unknown entity",
        ),
        (
            MINE.replace('op: "<="', "op: [<=\n"),
            9,
            "YAML 语法错误：缺少 ',' 或 ']'（方括号 [ ] 列表始于第 7 行）；请检查缩进、冒号、括号和引号",
            "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 7)",
        ),
        (MINE + "\nseverity: warning\n", 34, "键 'severity' 出现了两次；只保留一个", "given twice"),
        (
            MINE.replace("left: score", "left: scroe"),
            6,
            "检查对象 funding、indicators 没有列 'scroe'；是不是 'score'？各列见 `auditor rules columns funding`",
            "unknown column 'scroe' of entities funding, indicators; did you mean 'score'?",
        ),
        (
            MINE.replace("{score} 超过", "{scor} 超过"),
            13,
            "未知的占位符 message.zh 中的 '{scor}'：既不是检查对象 funding 的列",
            "unknown placeholder '{scor}' in message.zh",
        ),
        (
            MINE.split("cases:")[0] + "cases:\n  pass: []\n  fail: []\n",
            21,
            "'cases.pass' 的值有误：至少要有 1 项，实有 0 项",
            "List should have at least 1 item",
        ),
        (MINE.split("cases:")[0], 1, "缺少键 'cases'；请补上", "missing key 'cases'"),
        (
            MINE.replace("right: weight", "right: weight\nvalue: 3"),
            1,
            "规则有误：'right'（一列）和 'value'（一个数）必须给出一个，且只能给出一个",
            "give exactly one of 'right' (a column) and 'value' (a number)",
        ),
        (
            MINE.replace("title: {zh: 得分不得超过分值, en: A score may not exceed its weight}", "title: 得分"),
            11,
            "'title' 的值有误：应写作 {zh: 中文, en: English}",
            "write {zh: …, en: …}",
        ),
        (MINE.encode("gbk"), 11, "字节 0xb5 不是 UTF-8 编码（文件是否存成了 GBK？）；请另存为 UTF-8", "is not UTF-8"),
        (
            MINE.replace("tolerance: exact", "tolerance: 2023-02-30"),
            9,
            "无法读取值 '2023-02-30'（这个月没有这一天）",
            "day is",
        ),
    ],
)
def test_a_bad_rule_file_is_said_in_chinese_and_in_english(tmp_path, text, line, zh, en):
    errors = rule_errors(tmp_path, text)
    assert len(errors) == 1, [str(e) for e in errors]
    where = f"{tmp_path / 'mine' / 'MY_RULE.yaml'}:{line}: "
    assert errors[0].text("zh").startswith(where + zh), errors[0].text("zh")
    assert errors[0].text("en").startswith(where) and en in errors[0].text("en"), errors[0].text("en")
    assert str(errors[0]) == errors[0].text("en")
    assert "Value error" not in errors[0].text("en") + errors[0].text("zh")
    assert not untranslated(errors[0].said), untranslated(errors[0].said)


def test_a_duplicate_code_and_a_missing_directory_are_said_in_chinese(tmp_path):
    errors = rule_errors(tmp_path, GOOD, "SCORE_LE_WEIGHT")
    assert "规则代码 SCORE_LE_WEIGHT 已在" in errors[0].text("zh") and "请给这条规则换一个代码" in errors[0].text("zh")
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path / "nowhere"])
    assert info.value.lines("zh") == [f"{tmp_path / 'nowhere'}: 找不到规则目录；请检查路径"]
    with pytest.raises(RuleSetError) as info:
        load_ruleset(profile="atlantis")
    assert info.value.lines("zh")[0].startswith("方案 'atlantis': 没有这个方案；可选：")
    assert info.value.lines("en")[0].startswith("profile 'atlantis': no such profile; choose one of:")


def test_profiles_lexicons_and_forms_are_said_in_chinese(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "mine.yaml").write_text("name: mine\nfunding_score:\n  - {type: stepped}\n", "utf-8")
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path], profile="mine")
    assert info.value.lines("zh")[0].endswith(
        "mine.yaml:2: funding_score：计分方案应写作 {type: linear}，或 "
        "{type: banded, bands: [{min: 80, share: 0.7}, ...]}"
    )
    (tmp_path / "profiles" / "mine.yaml").unlink()
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "topics.yaml").write_text("name: topics\nentries:\n  养老:\n    words: []\n", "utf-8")
    (tmp_path / "forms").mkdir()
    form = (builtin_dir() / "forms" / "central.yaml").read_text(encoding="utf-8")
    (tmp_path / "forms" / "central.yaml").write_text(form + "colour: red\n", "utf-8")
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path])
    said = info.value.lines("zh")
    assert any(line.endswith("topics.yaml:3: 词条 '养老' 需要非空的列表 'words:'") for line in said), said
    assert any(
        "central.yaml:" in line and "colour：不允许有这个键；请删除它（各键见 README 的 Forms 一节）" in line
        for line in said
    ), said
    assert not any(untranslated(e.said) for e in info.value.errors)


def test_every_message_has_both_languages_with_the_same_placeholders():
    assert WORDS["zh"].keys() == WORDS["en"].keys()
    for key, zh in WORDS["zh"].items():
        fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
        assert fields(zh) == fields(WORDS["en"][key]) or key == "both", key


def test_every_message_the_loader_says_is_in_the_wording():
    for path in (ROOT / "auditor" / "ruleset").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "said" and node.args:
                key = node.args[0]
                if isinstance(key, ast.Constant):
                    assert key.value in WORDS["zh"], f"{path.name}: {key.value}"


def test_every_rule_type_validator_message_has_a_chinese_text():
    """A ValueError a rule type's validator raises reaches users; each wording needs its Chinese in foreign.py."""
    found = 0
    for path in (ROOT / "auditor" / "ruletypes").glob("*.py"):
        if path.name == "__init__.py":  # NOTE: registering a type twice is a programmer's error, not a rule file's
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            if getattr(node.exc.func, "id", None) != "ValueError" or not node.exc.args:
                continue
            arg = node.exc.args[0]
            parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
            sample = "".join(p.value if isinstance(p, ast.Constant) else "'x'" for p in parts)
            assert validator_reason(sample).key == "both", f"{path.name}: {sample}"
            found += 1
    assert found >= 10


def test_check_with_a_bad_rule_file_exits_two_and_says_why_on_stderr(tmp_path, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "x" / "X.yaml"
    path.parent.mkdir()
    path.write_text(GOOD.replace("code: SCORE_LE_WEIGHT", "code: X"), encoding="utf-8")
    zh = CliRunner().invoke(main, ["check", SAMPLE, "--rules", str(tmp_path)])
    assert zh.exit_code == 2 and zh.stdout == ""
    assert zh.stderr.startswith(f"规则文件有误：\n  {path}:1: 'code' 的值有误：规则代码由大写字母"), zh.stderr
    en = CliRunner().invoke(main, ["check", SAMPLE, "--rules", str(tmp_path), "--lang", "en"])
    assert en.exit_code == 2 and en.stdout == ""
    assert en.stderr == (
        f"rule files are wrong:\n  {path}:1: bad value for 'code': a rule code is UPPER_SNAKE_CASE, "
        "3 to 41 characters, e.g. SCORE_LE_WEIGHT\n"
    )
    listing = CliRunner().invoke(main, ["rules", "--rules", str(tmp_path)])
    assert listing.exit_code == 2 and "规则文件有误" in listing.stderr


def test_a_rule_file_error_survives_a_trip_between_processes(tmp_path):
    """A worker process that loads rules sends its errors back pickled: both languages must arrive."""
    import pickle

    errors = rule_errors(tmp_path, MINE.replace("severity: error\n", ""))
    back = pickle.loads(pickle.dumps(RuleSetError(errors)))
    assert back.lines("zh") == [e.text("zh") for e in errors] and back.lines("en") == [str(e) for e in errors]
    assert back.errors[0].line == errors[0].line and back.errors[0].path == errors[0].path
