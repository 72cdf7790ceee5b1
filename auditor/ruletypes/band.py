"""band: a value lies in the band its label names (grades; qualitative results as a share of the weight)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pandas as pd
from pydantic import field_validator

from auditor.numbers import half_unit
from auditor.ruletypes.base import RuleBase, RuleType, columns
from auditor.ruletypes.figures import missing, verdicts
from auditor.ruletypes.words import plain


def check_bands(bands: dict) -> dict:
    """Named [low, high] bands (grades, qualitative labels), shared by rules and profiles."""
    for name, pair in bands.items():
        if len(pair) != 2 or pair[0] > pair[1]:
            raise ValueError(f"band '{name}' must be [low, high] with low <= high")
    return bands


class BandRule(RuleBase):
    """A value lies in the band its label names: a grade (优 ≥ 90) or a qualitative actual (达成 → ≥ 0.8w)."""

    type: Literal["band"]
    value: str
    label: str
    bands: dict[str, list[float]]
    scale: str | None = None  # divide the value by this column (a weight) before banding

    @field_validator("bands")
    @classmethod
    def _bands(cls, v):
        return check_bands(v)

    def columns(self) -> list[str]:
        return [self.value, self.label, *([self.scale] if self.scale else []), *self.where]


def band_of(label: str, bands: dict[str, list]) -> tuple[str, list] | None:
    """The band whose label the text contains; longest label first, so 未达成 is not read as 达成."""
    for name in sorted(bands, key=len, reverse=True):
        if name in label:
            return name, bands[name]
    return None


def in_band(value: Decimal, low: Decimal, high: Decimal, top: bool) -> bool:
    """value ± its rounding meets [low, high) — or [low, high] for the top band."""
    h = half_unit(value)
    return value + h >= low and (value - h <= high if top else value - h < high)


def band(df: pd.DataFrame, value: str, label: str, bands: dict[str, list], scale: str | None = None) -> pd.Series:
    """True where `value` (divided by `scale` when given) lies in the band its `label` names."""
    top = max((b[1] for b in bands.values()), default=0)
    out = []
    for v, text, w in zip(df[value], df[label], df[scale] if scale else [None] * len(df)):
        if missing(v) or missing(text) or (scale and (missing(w) or w == 0)):
            out.append(True)
            continue
        found = band_of(str(text), bands)
        if found is None:
            out.append(True)
            continue
        low, high = (Decimal(str(x)) for x in found[1])
        if scale and v > w:
            out.append(True)  # above the weight altogether: SCORE_LE_WEIGHT's finding, not a band's
            continue
        if scale:
            hw = half_unit(v)
            share_low, share_high = (v - hw) / w, (v + hw) / w
            ok = share_high >= low and (share_low <= high if high == Decimal(str(top)) else share_low < high)
        else:
            ok = in_band(v, low, high, found[1][1] == top)
        out.append(ok)
    return verdicts(out, df)


def check(df: pd.DataFrame, rule: BandRule, lexicons: dict) -> pd.Series:
    return band(df, rule.value, rule.label, rule.bands, rule.scale)


def describe(rule: BandRule, frame, index, row: dict, lexicons: dict, cache: dict) -> dict[str, str]:
    """The band the value falls in, and the range the stated label allows."""
    value, label = row[rule.value], str(row[rule.label])
    scale = row[rule.scale] if rule.scale else None
    share = value / scale if scale else value
    fitting = [name for name, (low, high) in rule.bands.items() if Decimal(str(low)) <= share <= Decimal(str(high))]
    stated = band_of(label, rule.bands)
    low, high = stated[1] if stated else ("—", "—")
    if scale:
        low, high = (plain(Decimal(str(x)) * scale) for x in (low, high))
    return {"band": "、".join(fitting) or "—", "allowed": f"{low}–{high}", "label": stated[0] if stated else label}


TYPE = RuleType(
    spec=BandRule,
    check=check,
    describe=describe,
    computes=("band", "allowed", "label"),
    reads=lambda rule: columns(rule.value, rule.label, rule.scale),
)
