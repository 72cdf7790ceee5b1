"""The arithmetic under the rules: intervals of printed precision (domain-rules §6), and rates read in percent."""

from decimal import Decimal as D

import pandas as pd

from auditor.engine import checks
from auditor.ruletypes.compare import compare
from auditor.ruletypes.group_sum import group_sum
from auditor.ruletypes.ratio import ratio, ratio_value
from auditor.ruletypes.topic import topic, topics_in


def frame(**columns):
    return pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})


def test_ratio_accepts_what_rounding_of_the_inputs_reproduces():
    # domain-rules §6: 3.65万 / 3.22万 lies anywhere between 113.02% and 113.69%
    df = frame(
        s=[D("113.33"), D("113.02"), D("113.69"), D("113.80"), D("112.90")], n=[D("3.65")] * 5, d=[D("3.22")] * 5
    )
    assert ratio(df, "s", "n", "d").tolist() == [True, True, True, False, False]


def test_ratio_of_a_zero_budget_is_left_alone():
    df = frame(s=[D("0")], n=[D("0")], d=[D("0")])
    assert ratio(df, "s", "n", "d").tolist() == [True]


def test_ratio_value_prints_at_stated_precision_and_at_least_two_places():
    assert ratio_value(D("75.00"), D("760.2160"), D("900")) == "84.47"
    assert ratio_value(D("100"), D("661.7252"), D("680")) == "97.31"
    assert ratio_value(D("97.123"), D("661.7252"), D("680")) == "97.313"


def rate(value, text=None, executed=None, budget=None, style=None):
    d = lambda v: None if v is None else D(v)  # noqa: E731
    return checks.rate_in_percent(D(value), text if text is not None else value, d(executed), d(budget), style)


def test_a_rate_printed_as_a_ratio_is_read_in_percent_at_its_printed_precision():
    # forms.md F4: 1 for 1.56 / 1.56, 0.98, and 0.1 for 94 / 650 = 0.1446 printed to one place
    assert rate("1", executed="1.56", budget="1.56") == 100
    assert rate("0.98", executed="98", budget="100") == 98
    tenth = rate("0.1", executed="94", budget="650")
    assert tenth == 10 and checks.half_unit(tenth) == 5  # 0.05 to 0.15: 5% to 15%
    assert checks.percent_text(tenth) == "10%" and checks.percent_text(rate("1", "1", "2", "2")) == "100%"


def test_a_rate_without_a_sign_is_a_percentage_where_the_amounts_say_so():
    assert rate("100", executed="1.56", budget="1.56") == 100  # 100 under a header 执行率(%)
    assert rate("97", executed="661.7252", budget="680") == 97
    assert rate("75.00", "75.00%", "661.7252", "680") == D("75.00")  # a % sign decides, whatever the amounts


def test_a_rate_neither_reading_gives_takes_the_nearer_one():
    assert rate("0.8", executed="94", budget="100") == 80
    assert rate("80", executed="94", budget="100") == 80


def test_a_bare_rate_with_no_amounts_is_ambiguous_unless_only_a_percentage_makes_sense():
    assert rate("1") is None and rate("0.98") is None and rate("1.5") is None
    assert rate("97") == 97 and rate("2.5") == D("2.5")
    assert rate("1", style="ratio") == 100 and rate("1", style="percent") == 1


def test_rates_in_percent_lends_a_tables_own_way_of_printing_rates_to_its_bare_rows():
    df = frame(
        doc=["a", "a", "b"],
        table=[1, 1, 1],
        rate=[D("1"), D("0.98"), D("1")],
        rate_text=["1", "0.98", "1"],
        executed=[None, D("98"), None],
        budget=[None, D("100"), None],
    )
    assert checks.rates_in_percent(df, "rate", "executed", "budget", ("doc", "table")) == [100, 98, None]


def test_with_rates_adds_each_rate_in_percent_and_leaves_the_input_alone():
    funding = frame(doc=["a"], table=[1], rate=[D("0.1")], rate_text=["0.1"], executed=[D("94")], budget=[D("650")])
    out = checks.with_rates({"funding": funding})["funding"]
    assert out["rate_percent"].tolist() == [10] and out["rate_percent_text"].tolist() == ["10%"]
    assert "rate_percent" not in funding.columns


def test_compare_printed_and_exact():
    df = frame(a=[D("100"), D("100"), D("100.4")], b=[D("100.00"), D("97.5"), D("100")])
    assert compare(df, "a", "==", "b").tolist() == [True, False, True]
    assert compare(df, "a", "<=", "b", "exact").tolist() == [True, False, False]


def test_compare_skips_rows_missing_a_side():
    df = frame(a=[None], b=[D("1")])
    assert compare(df, "a", "<=", "b").tolist() == [True]


def test_group_sum_uses_the_least_precise_figure_not_an_accumulated_slack():
    # twenty integer weights must not make a ±10 tolerance: 90 against 100 is a mismatch
    roles = ["indicator"] * 9 + ["total"]
    df = frame(doc=["a"] * 10, role=roles, w=[D("10")] * 9 + [D("100")])
    out = group_sum(df, group_by=["doc"], role="role", items=["indicator"], total="total", value="w", total_value="w")
    assert out.tolist() == [True] * 9 + [False]


def test_group_sum_default_total_from_profile():
    df = frame(doc=["a", "a"], role=["category", "indicator"], c=["产出", "产出"], w=[None, D("45")])
    out = group_sum(
        df,
        group_by=["doc", "c"],
        role="role",
        items=["indicator"],
        total="category",
        value="w",
        total_value="w",
        default_total={"by": "c", "values": {"产出": 50}},
    )
    assert out.tolist() == [False, True]


def test_topic_ignores_the_project_name_restated_and_allows_related_topics():
    lexicon = {
        "养老保险": {"words": ["养老"]},
        "医疗保险": {"words": ["医疗保险"], "related": ["医疗救助"]},
        "医疗救助": {"words": ["医疗救助"], "related": ["医疗保险"]},
    }
    df = frame(
        p=["城乡居民养老保险", "城乡居民养老保险", "医疗救助", "城乡居民养老保险"],
        t=["城乡居民养老保险项目：保障医疗保险配套", "发放养老金", "资助参加医疗保险", "城乡居民养老保险"],
    )
    assert topic(df, "p", "t", lexicon).tolist() == [False, True, True, True]


def test_topics_are_every_entry_with_a_word_in_the_text_overlaps_included():
    """The word index must answer exactly as `word in text` for every word, however words overlap."""
    import random

    lexicon = {
        "养老保险": {"words": ["养老保险", "养老"]},
        "社会保险": {"words": ["保险", "社保"]},
        "医疗保险": {"words": ["医疗保险", "医保"]},
        "医疗救助": {"words": ["医疗救助", "医疗"]},
    }
    pieces = ["养老", "保险", "医疗", "救助", "社保", "医", "保", "的", "老"]
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        naive = {name for name, entry in lexicon.items() if any(w in text for w in entry["words"])}
        assert topics_in(text, lexicon) == naive, text
    assert topics_in("城乡居民医疗保险", lexicon) == {"医疗保险", "社会保险", "医疗救助"}
