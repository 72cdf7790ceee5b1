from decimal import Decimal

import pytest

from auditor.numbers import fmt, half_unit, parse


@pytest.mark.parametrize(
    "text,value,percent,op",
    [
        ("661.7252", "661.7252", False, None),
        ("75.00%", "75.00", True, None),
        ("75.00％", "75.00", True, None),
        ("１００%", "100", True, None),
        ("≤3000000", "3000000", False, "<="),
        ("≥95%", "95", True, ">="),
        (">=50个", "50", False, ">="),
        ("不低于90%", "90", True, ">="),
        ("100百分比", "100", True, None),
        ("1,580", "1580", False, None),
    ],
)
def test_parse_keeps_printed_precision(text, value, percent, op):
    fig = parse(text)
    assert fig is not None
    assert str(fig.value) == value  # Decimal keeps trailing zeros: 75.00 stays 75.00
    assert fig.percent is percent and fig.op == op


@pytest.mark.parametrize(
    "text", ["达成预期指标", "较高", "", None, "\u00a0", "2023年城乡医疗救助区级配套资金680万元", "≤核定单位数量"]
)
def test_words_are_not_figures(text):
    assert parse(text) is None


def test_half_unit_is_half_of_the_last_printed_digit():
    assert half_unit(Decimal("75.00")) == Decimal("0.005")
    assert half_unit(Decimal("680")) == Decimal("0.5")
    assert half_unit(Decimal("661.7252")) == Decimal("0.00005")


def test_fmt_rounds_half_up_like_people():
    assert fmt(Decimal("84.465"), 2) == "84.47"
    assert fmt(Decimal("97.3106"), 2) == "97.31"
    assert fmt(Decimal("90"), 0) == "90"
