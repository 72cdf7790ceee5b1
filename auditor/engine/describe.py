"""Turn a failing row into the words of an Issue: expected, found, message.

GX tells which rows failed; the figures a person needs to act (the rate we
computed, the sum the rows really make) are recomputed here for those rows
only, with the same functions the checks use.
"""
from __future__ import annotations

import string
from typing import Any

import pandas as pd

from auditor.engine import checks
from auditor.issue import Issue
from auditor.numbers import fmt
from auditor.ruleset.spec import (
    AchievementRule, BandRule, GroupSumRule, KnownNameRule, RateScoreRule, RatioRule, RequireRule, TopicRule,
)

FIELD_NAMES = {"goal": "年度总体目标", "goal_actual": "实际完成情况", "indicator": "三级指标",
               "narrative": "自评综述", "name": "项目名称"}
FIELD_NAMES_EN = {"goal": "annual goal", "goal_actual": "goal achieved", "indicator": "indicator",
                  "narrative": "self-evaluation summary", "name": "project name"}


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def row_values(row: dict) -> _Values:
    """Template values of a row: each figure as printed, each text as is."""
    out = _Values()
    for column, value in row.items():
        if column.endswith(("_loc",)) or value is None:
            continue
        if column.endswith("_text"):
            out[column[:-5]] = value
        elif column not in out:
            out[column] = str(value)
    for rate in checks.RATE_NAMES:
        out.update(rate_as_read(rate, row))
    return out


def rate_as_read(rate: str, row: dict) -> dict[str, str]:
    """`{<rate>_read}` (and `_en`): the rate as printed, with its reading in percent where that differs.

    75.00% (or 97 under 执行率(%)) stays as printed; a ratio printed 0.98 reads "0.98（即 98%）" in
    Chinese and "0.98 (98%)" in English, so a message never sets a bare 0.98
    against a threshold of 90%.
    """
    printed, percent = row.get(f"{rate}_text"), row.get(f"{rate}_percent_text")
    if printed is None:
        return {}
    if percent is None or row.get(f"{rate}_percent") == row.get(rate):  # read as printed: 75.00%, or 97 under (%)
        return {f"{rate}_read": str(printed), f"{rate}_read_en": str(printed)}
    return {f"{rate}_read": f"{printed}（即 {percent}）", f"{rate}_read_en": f"{printed} ({percent})"}


def extras(rule, frame: pd.DataFrame, index: Any, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """Values a rule type computes for its message: {computed}, {sum}, {total}, {topics}.

    `cache` holds what is computed once per rule and frame (the group sums),
    so describing many failing rows stays linear in the frame.
    """
    if isinstance(rule, RatioRule):
        stated, num, den = row[rule.stated], row[rule.numerator], row[rule.denominator]
        text = row.get(f"{rule.stated}_text") or ""
        suffix = "%" if str(text).endswith(("%", "％")) else ""
        return {"computed": checks.ratio_value(stated, num, den, rule.scale) + suffix}
    if isinstance(rule, GroupSumRule):
        if "totals" not in cache:
            cache["totals"] = checks.group_totals(frame, rule.group_by, rule.role, rule.items, rule.total,
                                                  rule.value, rule.total_value, rule.default_total or None,
                                                  rule.fallback)
        totals = cache["totals"]
        t = totals.loc[index]
        stated = t["stated"]
        return {"sum": fmt(t["sum"], int(t["places"])), "total": _plain(stated)}
    if isinstance(rule, TopicRule):
        _, own, found = checks.topic_verdict(row[rule.name], row[rule.text], lexicons[rule.lexicon], rule.strip_name)
        f = str(row.get("field", ""))
        words = [w for topic in sorted(found) for w in lexicons[rule.lexicon][topic]["words"]]
        excerpt = _excerpt(str(row[rule.text]), words)
        return {"name_topics": "、".join(sorted(own)), "text_topics": "、".join(sorted(found)),
                "field_zh": FIELD_NAMES.get(f, f), "field_en": FIELD_NAMES_EN.get(f, f),
                "excerpt": excerpt, "evidence": excerpt}
    if isinstance(rule, AchievementRule):
        a, b, w = row[rule.target], row[rule.actual], row[rule.weight]
        if row[rule.direction] == "<=":
            return {"earned": "< " + _plain(w), "earned_en": "< " + _plain(w)}
        central = min(b / a, checks.Decimal(1)) * w if a else None
        value = fmt(central, 2) if central is not None else "—"
        value = value.rstrip("0").rstrip(".") if "." in value else value
        return {"earned": value, "earned_en": value}
    if isinstance(rule, RateScoreRule):
        return _rate_score(rule, row)
    if isinstance(rule, BandRule):
        return _band(rule, row)
    if isinstance(rule, KnownNameRule):
        if "names" not in cache:
            cache["names"] = checks.known_names(frame, rule.group_by, rule.role, rule.name, rule.known)
        known = cache["names"].get(tuple(row[c] for c in rule.group_by), [])
        best, ratio = checks.closest(str(row[rule.name]), known)
        # NOTE: a name sharing less than half its characters with every table's is another project:
        # then the expected value is the list of the tables' names, not a guess.
        closest = best if best and ratio >= 0.5 else "、".join(known)
        return {"closest": closest, "known": "、".join(known), "similarity": f"{ratio:.2f}"}
    if isinstance(rule, RequireRule) and rule.must_include:
        return _included(rule, row[rule.column])
    if isinstance(rule, RequireRule) and rule.must_not_contain:
        lexicon = lexicons[rule.must_not_contain]
        text = str(row[rule.column])
        for right, entry in lexicon.items():
            for wrong in sorted(entry["words"], key=len, reverse=True):
                if wrong in text:
                    return {"wrong": wrong, "right": right, "excerpt": _excerpt(text, [wrong])}
    return {}


def joined(names: list[str], lang: str = "zh") -> str:
    """Names as a person lists them: 产出、效益 in Chinese, "产出, 效益" in English; — for none."""
    return ("、" if lang == "zh" else ", ").join(names) or "—"


def _included(rule: RequireRule, value) -> dict[str, str]:
    """What a list-valued cell holds, what it lacks of `must_include`, and what is required, joined."""
    present, missing = rule.listed(value), rule.missing(value)
    out = {rule.column: joined(present)}
    for name, names in (("present", present), ("missing", missing), ("required", rule.must_include)):
        out[name], out[f"{name}_en"] = joined(names), joined(names, "en")
    return out


def _rate_score(rule: RateScoreRule, row: dict) -> dict[str, str]:
    """The score each scheme gives for the computed (else stated) rate, as people would print it."""
    rate, num, den, weight = row[rule.rate], row[rule.numerator], row[rule.denominator], row[rule.weight]
    if num is not None and den is not None and den != 0:
        basis = num / den * 100
    else:
        basis = rate
    scores = []
    for scheme in rule.schemes:
        value = checks.rate_score_value(scheme, basis, weight)
        scores.append(fmt(value, 2).rstrip("0").rstrip(".") if "." in fmt(value, 2) else fmt(value, 2))
    scores = list(dict.fromkeys(scores))
    return {"computed": " / ".join(scores), "computed_zh": " 或 ".join(scores), "computed_en": " or ".join(scores),
            "rate_used": fmt(basis, 2) + "%"}


def _band(rule: BandRule, row: dict) -> dict[str, str]:
    """The band the value falls in, and the range the stated label allows."""
    value, label = row[rule.value], str(row[rule.label])
    scale = row[rule.scale] if rule.scale else None
    share = value / scale if scale else value
    fitting = [name for name, (low, high) in rule.bands.items()
               if checks.Decimal(str(low)) <= share <= checks.Decimal(str(high))]
    stated = checks.band_of(label, rule.bands)
    low, high = stated[1] if stated else ("—", "—")
    if scale:
        low, high = (_plain(checks.Decimal(str(x)) * scale) for x in (low, high))
    return {"band": "、".join(fitting) or "—", "allowed": f"{low}–{high}", "label": stated[0] if stated else label}


def _excerpt(text: str, words: list[str], limit: int = 80) -> str:
    """The sentence of `text` that holds the first of `words`, cut to `limit` characters around it."""
    hits = [text.find(w) for w in words if w in text]
    if not hits:
        return text[:limit]
    at = min(hits)
    start = max(text.rfind(p, 0, at) for p in "。；！？：") + 1
    ends = [i for i in (text.find(p, at) for p in "。；！？") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = text[start:end].strip()
    return sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"


def _plain(value) -> str:
    if value is None:
        return "—"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def render(template: str, values: dict) -> str:
    return string.Formatter().vformat(template, (), values)


def make_issues(rule, frame: pd.DataFrame, indices: list, lexicons: dict) -> list[Issue]:
    """The Issues of one rule's failing rows of one frame.

    NOTE: rows are taken out of the frame once, as dicts: a `frame.loc[i]`
    per issue costs a millisecond on a wide object frame, which dominated
    validation of large batches.
    """
    if not indices:
        return []
    cache: dict = {}
    rows = frame.loc[indices].to_dict("records")
    return [make_issue(rule, frame, index, row, lexicons, cache) for index, row in zip(indices, rows)]


def make_issue(rule, frame: pd.DataFrame, index: Any, row: dict, lexicons: dict, cache: dict) -> Issue:
    values = row_values(row)
    values.update(extras(rule, frame, index, row, lexicons, cache))
    at = rule.at
    loc = row.get(f"{at}_loc") if at else None
    loc = loc if loc is not None else row.get("loc")
    evidence = values.get("evidence") if "evidence" in values and isinstance(rule, TopicRule) else None
    evidence = evidence or (row.get(f"{at}_sentence") if at else None)
    messages = {lang: render(getattr(rule.message, lang), values) for lang in ("zh", "en")}
    expected = {lang: render(rule.expected if isinstance(rule.expected, str) else getattr(rule.expected, lang), values)
                for lang in ("zh", "en")} if rule.expected else {}
    from auditor.document import Locator

    return Issue(
        doc=row["doc"], rule=rule.code, kind=rule.kind, severity=rule.severity,
        message=messages["zh"], messages=messages,
        location=loc if loc is not None else Locator(),
        project=row.get("project"),
        expected=expected.get("zh"), expected_by_lang={"en": expected["en"]} if expected else {},
        found=render(rule.found, values) if rule.found else None,
        evidence=evidence or row.get("evidence"),
    )
