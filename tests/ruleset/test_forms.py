"""Form declarations (rules/forms/) load like rules: a wrong one is `file:line: what, and how to fix it`."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.read.text import parse_text
from auditor.recognise import recognise
from auditor.render.readme import block
from auditor.ruleset.forms import load_forms
from auditor.ruleset.loader import RuleSetError, builtin_dir, load_ruleset

BUILTIN = {p.stem for p in (builtin_dir() / "forms").glob("*.yaml")}

MINE = """\
# A county's own form: the central one with 考核分 for 分值.
code: county
title: {zh: 某县格式, en: A county's form}
extends: central
priority: 60
match:
  all: [一级指标, 考核分]
indicators:
  header: {all: [一级]}
  columns:
    level1: [一级指标]
    level2: [二级指标]
    level3: [三级指标]
    target: [年度指标值]
    actual: [实际完成值]
    weight: [考核分]
    score: [得分]
"""


def write_form(tmp_path: Path, text: str, name: str = "county") -> Path:
    folder = tmp_path / "forms"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_for(tmp_path: Path, text: str, name: str = "county") -> list[str]:
    write_form(tmp_path, text, name)
    with pytest.raises(RuleSetError) as info:
        load_ruleset([tmp_path])
    return [str(e) for e in info.value.errors]


def test_every_builtin_form_loads_and_the_most_specific_comes_first():
    forms = load_forms([builtin_dir()])
    assert {f.code for f in forms} == BUILTIN
    assert forms[-1].code == "central"  # the fallback of every project table: lowest priority
    assert [f.priority for f in forms] == sorted((f.priority for f in forms), reverse=True)


def test_a_child_form_inherits_what_it_does_not_restate():
    forms = {f.code: f for f in load_forms([builtin_dir()])}
    split, central = forms["central_split"], forms["central"]
    assert split.funding == central.funding and split.rows == central.rows
    assert split.indicators.splits and not central.indicators.splits
    assert split.match != central.match  # match is always a form's own


def test_a_users_form_is_a_yaml_file_and_reads_its_own_columns(tmp_path):
    write_form(tmp_path, MINE)
    ruleset = load_ruleset([tmp_path])
    assert ruleset.forms[0].code == "county"
    text = "".join(
        "\t" + c + "\n" for c in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "考核分", "得分")
    )
    text += "\n" + "".join("\t" + c + "\n" for c in ("产出指标", "数量指标", "培训人数", "100", "120", "50", "50"))
    text += "\n\t总分\n\t50\n\t50\n"
    table = recognise(parse_text(text, "c.txt"), ruleset.forms).tables[0]
    assert table.form == "county"
    assert [i.values["weight"].text for i in table.indicators] == ["50"]


@pytest.mark.parametrize(
    "change,line,words",
    [
        (lambda t: t.replace("priority: 60", "priority: high"), 5, "priority"),
        (lambda t: t.replace("    weight: [考核分]", "    wieght: [考核分]"), 16, "unknown indicator column 'wieght'"),
        (lambda t: t.replace("extends: central", "extends: centre"), 4, "extends 'centre', which is no form"),
        (lambda t: t.replace("match:\n", "matches:\n"), 6, "matches"),
        (
            lambda t: t.replace("title: {zh: 某县格式, en: A county's form}", "title: {zh: 某县格式}"),
            3,
            "both languages",
        ),
        (lambda t: t.replace("code: county", "code: town"), 2, "differs from the file name"),
        (lambda t: t + "profile: nowhere\n", 18, "profile 'nowhere' is no profile"),
    ],
)
def test_a_wrong_form_names_its_file_and_line(tmp_path, change, line, words):
    errors = errors_for(tmp_path, change(MINE))
    assert len(errors) == 1, errors
    where, _, what = errors[0].partition(": ")
    assert where.endswith(f"county.yaml:{line}"), errors[0]
    assert words in what, errors[0]


def test_an_extends_circle_is_refused(tmp_path):
    write_form(tmp_path, MINE.replace("extends: central", "extends: town"))
    write_form(
        tmp_path, MINE.replace("code: county", "code: town").replace("extends: central", "extends: county"), "town"
    )
    errors = errors_for(tmp_path, MINE.replace("extends: central", "extends: town"))
    assert any("circle" in e for e in errors)


def test_auditor_rules_forms_lists_and_explains_the_forms():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules", "forms"])
    assert listing.exit_code == 0
    for code in BUILTIN:
        assert code in listing.output
    detail = runner.invoke(main, ["rules", "--lang", "en", "forms", "central_split"])
    assert detail.exit_code == 0 and "split targets: nature + target + unit" in detail.output
    assert "central_split.yaml" in detail.output
    unknown = runner.invoke(main, ["rules", "forms", "nosuch"])
    assert unknown.exit_code == 2 and "nosuch" in unknown.output


def test_the_readme_lists_every_builtin_form():
    from auditor.render.forms import form_markdown
    from auditor.ruleset.forms import builtin_forms

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = block(readme, "forms")
    assert table == form_markdown(builtin_forms()), (
        "run: python -c \"from auditor.render.forms import update_readme; update_readme('README.md')\""
    )
