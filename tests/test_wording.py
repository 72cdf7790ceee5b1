"""How findings quote the text, and the reading of a character written twice (TYPO_DOUBLED)."""

from __future__ import annotations

import pytest

from auditor.ruletypes.doubled import doubled_in
from auditor.ruletypes.words import excerpt

LONG = (
    "2023年，中央下达某市农村危房改造补助资金9.73万元，自治区匹配下拨某市农村危房改造补助资金1.8万元，"
    "按照《某自治区农村牧区危房改造补助资金管理办法》规定，某市财政匹配农农村危房改造补助资金0.7848万元。"
)


def test_an_excerpt_of_a_long_sentence_holds_the_word_it_quotes():
    quoted = excerpt(LONG, ["农农村"])
    assert "农农村" in quoted and quoted.startswith("…") and len(quoted) <= 81


def test_a_short_sentence_is_quoted_whole():
    assert excerpt("前一句。经费支出合规律达到100%。后一句。", ["合规律"]) == "经费支出合规律达到100%。"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (LONG, ("农农村", "农村")),
        ("完成义务兵家庭优待金金发放工作", ("优待金金", "优待金")),
        ("项目逐步步推进", ("逐步步", "逐步")),
        ("截至年底，全全年支出95万元", ("全全年", "全年")),  # punctuation does not pair with 全
    ],
)
def test_a_stray_character_is_found_with_the_word_meant(text, found):
    assert doubled_in(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "村村通公路，户户通电，人人参保",  # reduplication
        "核对资金金额，补助金金额准确",  # two words meeting on 金
        "务农农民和本村村民、全省省级单位",  # two words meeting on one character
        "达到项目目的的实现路径",  # a particle after a word ending in it
        "每村村民代表、当月月报、乡镇镇村",  # the lone character pairs with its other neighbour
        "一年年底前完成",  # a measure word
        "乡镇财政所所长、县教育局局领导班子、市财政局局机关党委",  # an institution and its post or body
        "经县政府常务会会议研究，站站长签字",
        "填报人：王菲菲",  # a given name
        "联系人: 李晶晶，电话",
        "",
    ],
)
def test_doubling_that_is_right_is_not_reported(text):
    assert doubled_in(text) is None


def test_a_text_without_a_doubled_character_is_not_segmented(monkeypatch):
    import auditor.ruletypes.doubled as doubled

    def no_segmenter():
        raise AssertionError("segmented a text with no doubled character")

    monkeypatch.setattr(doubled, "_tokenizer", no_segmenter)
    assert doubled_in("全年执行率95%，项目按期完成") is None
