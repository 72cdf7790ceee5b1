"""Text a host rewrote: traditional characters with pinyin inserted, turned back into the simplified original.

Sites that mirror government pages (WeChat reposts, "m." mirrors) render them
in traditional characters and insert the pinyin of some characters after them:
`預(yù)算數(shù)` for 预算数. Read as they are, none of their header words match, so
the table is not recognised at all. A text whose Chinese is mostly traditional
is converted with OpenCC (t2s, the reference converter), and the inserted
pinyin (a parenthesised syllable with a tone mark right after a character) is
removed. Line breaks are kept, so every locator still points at its line.
Simplified text is left exactly as it is: t2s would rewrite some characters
that are valid simplified words too (乾隆), and a report must never be altered
where it did not need to be.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)"
)
#: Share of Chinese characters t2s changes above which a text is taken as written in traditional characters.
TRADITIONAL_SHARE = 0.05
_SAMPLE = 1_500  # characters looked at to decide: a mirror is traditional from its first line


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters without inserted pinyin, if it is a traditional rendering; else as is."""
    sample = text[:_SAMPLE]
    cjk = len(_CJK.findall(sample))
    if cjk < 20:
        return text
    converted = _converter().convert(sample)
    # NOTE: simplified text usually comes back as it was: counting what t2s changed character by character
    # was half of reading a report's script
    changed = 0 if converted == sample else sum(1 for a, b in zip(sample, converted) if a != b)
    if changed < TRADITIONAL_SHARE * cjk:
        return text
    return _PINYIN.sub("", _converter().convert(text))
