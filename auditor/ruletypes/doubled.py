"""doubled_character: one character written twice where a word holds it once (优待金金发放, 匹配农农村).

A regular expression cannot tell these from reduplication (人人, 村村通, 层层落实) or
from two words that meet on one character (资金金额, 务农农民, 本村村民): both
are the same two characters in a row. A word segmenter can: it splits 资金金额
into 资金/金额 and 层层落实 into one word, and leaves the stray character of
优待金/金/发放 standing alone beside the word it repeats. `jieba` is the
segmenter Chinese text processing reaches for; its dictionary (loaded once, on
the first text that holds a doubled character) is what knows the words.

Precision first: a lone character is reported only when the word it repeats
has two or more characters, the word on its other side has too (每/村/村民 is
每村 + 村民, 当月/月/报 is 当月 + 月报: there the lone character pairs with its
other neighbour), and it is not a word that stands alone in any sentence
(目的/的/实现, 一/年/年底 are grammar, not slips), an institution's suffix (财政所/所长) or a
given name after its label (填报人：王菲菲).
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from functools import lru_cache
from typing import Literal

import pandas as pd

from auditor.ruletypes.base import RuleBase, RuleType
from auditor.ruletypes.figures import verdicts
from auditor.ruletypes.words import excerpt

#: A Chinese character written twice in a row: the only texts the segmenter is asked about.
DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")
#: Characters that are words of their own beside any other word: particles, conjunctions, measure
#: words and units. A lone one of these next to a word ending in it is grammar (目的的实现).
STANDALONE = frozenset(
    "的了地得之着过等和与及或并是在有为对于以而也都就还又再很更最不没个年月日时次人元户项家名位台套处条座本份批期号届"
)
#: Suffixes of an institution's name: a lone one beside the same character is the institution and its
#: post or body (财政所/所长, 教育局/局领导, 常务会/会议, 站站长), which the dictionary does not hold.
INSTITUTION = frozenset("局所站院会处科股室厅委社部办队组校厂场馆")
#: A person's name after its label (填报人：王菲菲): given names are doubled by right.
_NAMED = re.compile(r"(?:人|姓名|签字|签名)\s*[:：]\s*\S{0,2}$")
#: Characters of context segmented on each side of a doubled pair: enough for the words around it.
WINDOW = 12


class DoubledCharacterRule(RuleBase):
    """A text must not hold a character written twice where the word it belongs to holds it once."""

    type: Literal["doubled_character"]
    column: str = "text"

    def columns(self) -> list[str]:
        return [self.column, *self.where]


@lru_cache(maxsize=1)
def _tokenizer():
    """jieba's segmenter, its dictionary loaded once (about 0.6 s from its cache), its log silenced.

    NOTE: jieba keeps its dictionary's cache as one file in the system's temporary folder, shared
    by every user of the machine and read with `marshal`: another user's file there is unreadable
    (a rebuild and a logged traceback on every run) or may have been planted. The cache is kept in
    this user's own cache folder instead, or in a private temporary one where that cannot be made.
    """
    import jieba

    jieba.setLogLevel(logging.CRITICAL)  # a cache it could not write is not the user's concern
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = _cache_dir()
    tokenizer.initialize()
    return tokenizer


def _cache_dir() -> str:
    """This user's cache folder for auditor (0700), e.g. ~/.cache/auditor."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "auditor")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        if os.access(path, os.W_OK):
            return path
    except OSError:
        pass
    return tempfile.mkdtemp(prefix="auditor-jieba-")


def _words(text: str) -> list[tuple[int, str]]:
    """(start, word) of each word of `text`, by dictionary only (HMM off: no new words guessed)."""
    out, at = [], 0
    for word in _tokenizer().cut(text, HMM=False):
        out.append((at, word))
        at += len(word)
    return out


def _pairs(word: str) -> bool:
    """Whether a lone character may form a word with this neighbour: a lone Chinese character can
    (每/村 is 每村), punctuation, figures and longer words cannot."""
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff"


def doubled_in(text) -> tuple[str, str] | None:
    """(as written, as meant) of the first stray doubled character of `text`: ("优待金金", "优待金")."""
    if not isinstance(text, str):
        return None
    for m in DOUBLED.finditer(text):
        if m.group(1) in INSTITUTION or _NAMED.search(text, max(0, m.start() - WINDOW), m.start()):
            continue
        start = max(0, m.start() - WINDOW)
        words = _words(text[start : m.end() + WINDOW])
        first, second = m.start() - start, m.start() - start + 1
        for n, (at, word) in enumerate(words):
            if len(word) != 1 or word in STANDALONE or at not in (first, second):
                continue
            before = words[n - 1][1] if n > 0 else ""
            after = words[n + 1][1] if n + 1 < len(words) else ""
            if at == second and len(before) >= 2 and before.endswith(word) and not _pairs(after):
                return before + word, before  # 优待金/金/发放
            if at == first and len(after) >= 2 and after.startswith(word) and not _pairs(before):
                return word + after, after  # 匹配/农/农村
    return None


def check(df: pd.DataFrame, rule: DoubledCharacterRule, lexicons: dict) -> pd.Series:
    return verdicts((doubled_in(t) is None for t in df[rule.column]), df)


def describe(rule: DoubledCharacterRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """The doubled writing, the word meant, and the sentence that holds it."""
    found = doubled_in(row[rule.column])
    if found is None:
        return {}
    written, meant = found
    return {"written": written, "meant": meant, "excerpt": excerpt(str(row[rule.column]), [written])}


TYPE = RuleType(
    spec=DoubledCharacterRule,
    check=check,
    describe=describe,
    computes=("written", "meant", "excerpt"),
    # NOTE: GX runs our types as multicolumn expectations, which take two columns or more: `doc` is
    # read beside the text (and is never empty), the check looks at the text alone
    reads=lambda rule: ["doc", rule.column],
    skip_missing=True,
)
