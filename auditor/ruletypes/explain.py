"""explain: where `left op right × factor` holds, a text gives a reason (not 无/暂无/—; a cause word if listed)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import pandas as pd
from pydantic import model_validator

from auditor.ruletypes.base import Op, RuleBase, RuleType, columns
from auditor.ruletypes.figures import ZERO, holds, missing, verdicts


class ExplainRule(RuleBase):
    """Where `left op right×factor` holds, `text` must give a reason (not 无/暂无/—; a cause word if listed)."""

    type: Literal["explain"]
    left: str
    op: Op
    right: str | None = None
    value: float | None = None
    factor: float = 1
    text: str
    words: list[str] = []
    boilerplate: list[str] = ["无", "暂无", "—", "-", "/", "无偏差", "不适用", "达成预期指标"]

    @model_validator(mode="after")
    def _one_right(self):
        if (self.right is None) == (self.value is None):
            raise ValueError("give exactly one of 'right' (a column) and 'value' (a number)")
        return self

    def columns(self) -> list[str]:
        return [c for c in (self.left, self.right, self.text) if c] + list(self.where)


def explained(text: Any, words: list[str], boilerplate: list[str]) -> bool:
    """Whether a text gives a reason: filled, not boilerplate (无, 暂无, —), and with a cause word if any are asked."""
    if missing(text):
        return False
    t = "".join(str(text).split())
    if not t or t in boilerplate:
        return False
    return not words or any(w in t for w in words)


def explain(
    df: pd.DataFrame,
    left: str,
    op: str,
    right: str | None,
    text: str,
    factor: float = 1,
    words: list[str] | None = None,
    boilerplate: list[str] | None = None,
    value: Any = None,
) -> pd.Series:
    """True unless `left op right×factor` (or `left op value`) holds and `text` gives no reason."""
    f = Decimal(str(factor))
    rights = df[right] if right else [Decimal(str(value))] * len(df)
    out = []
    for a, b, t in zip(df[left], rights, df[text]):
        if missing(a) or missing(b):
            out.append(True)
            continue
        if f != 1 and b == 0:
            out.append(True)  # NOTE: "1.2 times a target of 0" means nothing: zero accidents met by zero
            continue
        needs = holds(a, op, b * f, ZERO)
        out.append(not needs or explained(t, words or [], boilerplate or []))
    return verdicts(out, df)


def check(df: pd.DataFrame, rule: ExplainRule, lexicons: dict) -> pd.Series:
    return explain(df, rule.left, rule.op, rule.right, rule.text, rule.factor, rule.words, rule.boilerplate, rule.value)


TYPE = RuleType(spec=ExplainRule, check=check, reads=lambda rule: columns(rule.left, rule.right, rule.text))
