"""How rule types put figures and texts into the words of a finding."""

from __future__ import annotations

FIELD_NAMES = {
    "goal": "年度总体目标",
    "goal_actual": "实际完成情况",
    "indicator": "三级指标",
    "narrative": "自评综述",
    "name": "项目名称",
}
FIELD_NAMES_EN = {
    "goal": "annual goal",
    "goal_actual": "goal achieved",
    "indicator": "indicator",
    "narrative": "self-evaluation summary",
    "name": "project name",
}


def joined(names: list[str], lang: str = "zh") -> str:
    """Names as a person lists them: 产出、效益 in Chinese, "产出, 效益" in English; — for none."""
    return ("、" if lang == "zh" else ", ").join(names) or "—"


def excerpt(text: str, words: list[str], limit: int = 80) -> str:
    """The sentence of `text` that holds the first of `words`; a longer one cut to `limit - 1`
    characters around the word, with … where it was cut (at most `limit + 1` in all)."""
    hits = [text.find(w) for w in words if w in text]
    if not hits:
        return text[:limit]
    at = min(hits)
    start = max(text.rfind(p, 0, at) for p in "。；！？：") + 1
    ends = [i for i in (text.find(p, at) for p in "。；！？") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    raw = text[start:end]
    sentence = raw.strip()
    if len(sentence) <= limit:
        return sentence
    # NOTE: a long sentence is cut around the word, not from its start: cut from the start, a word
    # late in a 200-character sentence was not in the excerpt that quotes it
    offset = at - start - (len(raw) - len(raw.lstrip()))
    begin = max(0, min(offset - limit // 3, len(sentence) - (limit - 1)))
    head, tail = ("…" if begin else ""), ("…" if begin + limit - 1 < len(sentence) else "")
    return head + sentence[begin : begin + limit - 1] + tail


def plain(value) -> str:
    """A Decimal without trailing zeros (90.00 → 90); — for none."""
    if value is None:
        return "—"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def trimmed(text: str) -> str:
    """A figure printed to fixed places, without trailing zeros (8.40 → 8.4, 9.00 → 9)."""
    return text.rstrip("0").rstrip(".") if "." in text else text
