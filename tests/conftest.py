from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def ruleset():
    from auditor.ruleset.loader import load_ruleset

    return load_ruleset()


@pytest.fixture(scope="session")
def sample_result(ruleset):
    from auditor.pipeline import audit

    return audit([str(SAMPLE)], ruleset=ruleset)


def clean_report_text() -> str:
    """The sample's pension project with every inconsistency mended by hand: a report with nothing to find."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    text = "关于2023年度预算绩效情况说明\n" + "\n".join(lines[200:390]) + "\n"
    for old, new in [
        ("得分为100分", "得分为98.45分"),
        ("完成预算的75%", "完成预算的84.47%"),
        ("基本医疗保险区级配套资金", "基本养老保险区级配套资金"),
        ("绩效管理的广度和深度不足", "由于部分补贴资金拨付滞后，执行率偏低"),
        ("\t75.00%\n", "\t84.47%\n"),
        ("\t85\n", "\t8.45\n"),
        ("\t97.5\n", "\t98.45\n"),
        (
            "其中：本年财政拨款\n\t900\n\t900\n\t760.2160\n\t10\n\t84.47%\n\t8.45\n",
            "其中：本年财政拨款\n\t900\n\t900\n\t760.2160\n\t \n\t \n\t \n",
        ),
        ("异地就医定点医疗机构增加数量", "参保缴费人数增加数量"),
        ("\t\u3000\n\t\u3000\n\t达成预期指标\n\t\u3000\n\t0\n", "\t\u3000\n" * 5),
        ("\t100%\n\t达成预期指标\n", "\t100%\n\t100%\n"),
        (
            "\t达成预期指标\n\n\t年度绩效指标完成情况",
            "\t按时足额拨付区级配套资金，参保居民待遇按月发放\n\n\t年度绩效指标完成情况",
        ),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture()
def clean_report(tmp_path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(clean_report_text(), encoding="utf-8")
    return path
