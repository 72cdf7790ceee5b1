"""topic: a text speaks of its project's topic, from a lexicon of topics and their words."""

from __future__ import annotations

import re
from typing import Any, Literal

import pandas as pd

from auditor.ruletypes.base import RuleBase, RuleType
from auditor.ruletypes.figures import missing, verdicts
from auditor.ruletypes.words import FIELD_NAMES, FIELD_NAMES_EN, excerpt


class TopicRule(RuleBase):
    """A text must speak of its project's topic, from a lexicon of topics and their words."""

    type: Literal["topic"]
    name: str = "project"
    text: str = "text"
    lexicon: str
    strip_name: bool = True  # a text restating the project's name says nothing of its topic

    def columns(self) -> list[str]:
        return [self.name, self.text, *self.where]


def topics_in(text: str, lexicon: dict[str, dict]) -> set[str]:
    """The entries of `lexicon` one of whose words occurs in `text`."""
    by_first, starts = _word_index(lexicon)
    found: set[str] = set()
    if starts is None:
        return found
    for m in starts.finditer(text):
        at = m.start()
        for word, names in by_first[text[at]]:
            if text.startswith(word, at):
                found |= names
    return found


_WORD_INDEXES: dict[int, tuple[dict, tuple]] = {}


def _word_index(lexicon: dict[str, dict]) -> tuple[dict[str, list[tuple[str, frozenset]]], "re.Pattern | None"]:
    """Words by first character, and a pattern matching any first character, built once per lexicon.

    NOTE: the same answer as asking `word in text` of every word, found by
    looking only where some word can start: a batch's texts times a lexicon's
    words (7.8 million `in` tests for 1,000 reports) was its slowest check.
    """
    kept = _WORD_INDEXES.get(id(lexicon))
    if kept is not None and kept[0] is lexicon:
        return kept[1]
    words: dict[str, set[str]] = {}
    for name, entry in lexicon.items():
        for word in entry.get("words", []):
            if word:
                words.setdefault(word, set()).add(name)
    by_first: dict[str, list[tuple[str, frozenset]]] = {}
    for word, names in words.items():
        by_first.setdefault(word[0], []).append((word, frozenset(names)))
    starts = re.compile("[" + "".join(re.escape(c) for c in by_first) + "]") if by_first else None
    _WORD_INDEXES[id(lexicon)] = (lexicon, (by_first, starts))
    return by_first, starts


def topic_verdict(
    project: Any, body: Any, lexicon: dict[str, dict], strip_name: bool = True
) -> tuple[bool, set[str], set[str]]:
    """(agrees, name topics, text topics) of one text.

    A text disagrees when it names topics and none of them is the project's
    own or one its topics list as related; a name with no known topic, or a
    text with none, is not judged.
    """
    if missing(project) or missing(body):
        return True, set(), set()
    own = topics_in(project, lexicon)
    if strip_name:
        body = body.replace(project, "")
    found = topics_in(body, lexicon)
    allowed = set(own)
    for name in own:
        allowed.update(lexicon[name].get("related", []))
    return (not own or not found or bool(found & allowed)), own, found


def topic(df: pd.DataFrame, name: str, text: str, lexicon: dict[str, dict], strip_name: bool = True) -> pd.Series:
    return verdicts((topic_verdict(p, b, lexicon, strip_name)[0] for p, b in zip(df[name], df[text])), df)


def check(df: pd.DataFrame, rule: TopicRule, lexicons: dict) -> pd.Series:
    return topic(df, rule.name, rule.text, lexicons[rule.lexicon], rule.strip_name)


def describe(rule: TopicRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """The topics of the name and of the text, the field's name, and the sentence naming another topic."""
    _, own, found = topic_verdict(row[rule.name], row[rule.text], lexicons[rule.lexicon], rule.strip_name)
    f = str(row.get("field", ""))
    words = [w for name in sorted(found) for w in lexicons[rule.lexicon][name]["words"]]
    sentence = excerpt(str(row[rule.text]), words)
    return {
        "name_topics": "、".join(sorted(own)),
        "text_topics": "、".join(sorted(found)),
        "field_zh": FIELD_NAMES.get(f, f),
        "field_en": FIELD_NAMES_EN.get(f, f),
        "excerpt": sentence,
        "evidence": sentence,
    }


TYPE = RuleType(
    spec=TopicRule,
    check=check,
    describe=describe,
    reads=lambda rule: [rule.name, rule.text],
    computes=("name_topics", "text_topics", "field_zh", "field_en", "excerpt", "evidence"),
    skip_missing=True,
)
