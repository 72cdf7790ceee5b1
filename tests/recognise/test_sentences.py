"""The one sentence splitter of recognition: what a finding quotes as its evidence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor.recognise.sentences import ENDS, finder, sentence_at, split

TRICKY = (
    "项目全年预算数为3.5万元，执行数为3.5万元。群众反映“服务很好。”满意度达98%；"
    "1.项目立项规范；2.资金到位及时！（一）项目决策情况？尚未完成的原因：资金下达较晚"
)


def test_split_keeps_each_end_mark_and_the_rest():
    assert [s for _, s in split(TRICKY)] == [
        "项目全年预算数为3.5万元，执行数为3.5万元。",  # a decimal point ends nothing
        "群众反映“服务很好。",  # a 。 inside quotes ends the sentence there ...
        "”满意度达98%；",  # ... and the closing quote opens the next
        "1.项目立项规范；",  # an item number is no end
        "2.资金到位及时！",
        "（一）项目决策情况？",
        "尚未完成的原因：资金下达较晚",  # no end mark: the rest is a sentence
    ]


def test_split_gives_where_each_sentence_starts():
    for start, sentence in split(TRICKY):
        assert TRICKY[start : start + len(sentence)] == sentence
    assert split("") == [] and split("。") == [(0, "。")] and split("无标点") == [(0, "无标点")]


def test_a_position_is_in_the_sentence_its_end_mark_closes():
    at = TRICKY.index("3.5")
    assert sentence_at(TRICKY, at) == "项目全年预算数为3.5万元，执行数为3.5万元。"
    assert sentence_at(TRICKY, TRICKY.index("。")) == "项目全年预算数为3.5万元，执行数为3.5万元。"
    assert sentence_at(TRICKY, TRICKY.index("。") + 1) == "群众反映“服务很好。"
    assert sentence_at(TRICKY, TRICKY.index("资金下达")) == "尚未完成的原因：资金下达较晚"


def test_ends_and_opens_can_be_chosen():
    # an attached evaluation report's sentences end only at 。 and ；
    assert (
        sentence_at(TRICKY, TRICKY.index("2.资金"), ends="。；")
        == "2.资金到位及时！（一）项目决策情况？尚未完成的原因：资金下达较晚"
    )
    # a colon may open a sentence without ending the one before
    assert sentence_at(TRICKY, TRICKY.index("资金下达"), opens="：") == "资金下达较晚"
    assert sentence_at("  前言。 正文 ", 6) == "正文"  # stripped


def _reference(text: str, at: int, ends: str, opens: str) -> str:
    """Walk out from `at`, one character at a time."""
    start = at
    while start > 0 and text[start - 1] not in ends + opens:
        start -= 1
    end = at
    while end < len(text) and text[end] not in ends:
        end += 1
    return text[start : end + 1].strip()


TEXT = st.text(alphabet="。；！？：.“”1一 项目万元\n", max_size=40)


@given(TEXT, st.data(), st.sampled_from([(ENDS, ""), ("。；", ""), (ENDS, "：")]))
def test_the_finder_agrees_with_a_walk_out_from_the_position(text, data, marks):
    if not text:
        return
    around = finder(text, *marks)
    for at in range(len(text)):
        assert around(at) == _reference(text, at, *marks) == sentence_at(text, at, *marks)


@given(TEXT)
def test_split_covers_the_text_and_each_piece_is_the_sentence_of_its_start(text):
    pieces = split(text)
    assert "".join(s for _, s in pieces) == text
    around = finder(text)
    for start, sentence in pieces:
        assert around(start) == sentence.strip()
        assert all(ch not in ENDS for ch in sentence[:-1])
