"""Which profile each 自评表 follows, from the caps its own 一级 labels state.

Provinces split the 100 points differently (national 10/50/30/10; with 成本 as
its own category 10/20/40/20/10; Hubei 20/40/40). A table that writes
"产出指标(40分)" says which split it follows; checking it against the national
caps would be a false alarm on every such table. So each table gets the
chosen profile unless its stated caps contradict it and agree with another,
and each category row gets `default_cap`: the cap of that table's profile,
used where the table states none.

`checkable` is where this happens, once per row and for both engines: the
pandas engine calls it over the batch's frames as it validates them, the
Spark engine's executors over each chunk of files they read.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from auditor.engine.checks import with_rates


def checkable(frames: dict[str, pd.DataFrame], chosen, profiles: dict) -> dict[str, pd.DataFrame]:
    """The entity frames as the rules read them: each table's caps (`assign_caps`) and every rate in percent too.

    NOTE: both are per table and per row, so a chunk of a batch gets the rows
    the whole batch would: the Spark engine prepares each chunk where it was read.
    """
    if "scores" in frames:
        frames = {**frames, "scores": assign_caps(frames["scores"], chosen, profiles)}
    return with_rates(frames)  # every rate also in percent, as the document's own figures read it


def assign_caps(scores: pd.DataFrame, chosen, profiles: dict) -> pd.DataFrame:
    """`scores` with `profile` and `default_cap` columns (a copy; the input frame is not changed)."""
    out = scores.copy()
    if out.empty:
        out["profile"], out["default_cap"] = [], []
        return out
    stated: dict[tuple, dict[str, Decimal]] = {}
    own: dict[tuple, object] = {}
    form_profiles = out["form_profile"] if "form_profile" in out else [None] * len(out)
    for doc, table, role, category, weight, form_profile in zip(
        out["doc"], out["table"], out["role"], out["category"], out["weight"], form_profiles
    ):
        if form_profile and form_profile in profiles:
            own[(doc, table)] = profiles[form_profile]
        if role == "category" and weight is not None and category:
            stated.setdefault((doc, table), {})[category] = weight
    # NOTE: a form that names its own profile is judged by it alone: a regional table whose stated caps
    # happen to agree with another province's profile (四川 产出 40 = 湖北 产出 40) is still a 四川 table
    chosen_for = {
        key: own[key] if key in own else _pick(caps, _candidates(chosen, profiles)) for key, caps in stated.items()
    }
    names, caps = [], []
    for doc, table, role, category in zip(out["doc"], out["table"], out["role"], out["category"]):
        profile = chosen_for.get((doc, table), own.get((doc, table), chosen))
        if profile is None:  # stated caps that no profile has: judged by what the table states, and warned of
            names.append(UNMATCHED)
            caps.append(None)
            continue
        names.append(profile.name)
        cap = profile.category_caps.get(category) if role == "category" and category else None
        caps.append(exact(cap) if cap is not None else None)
    out["profile"], out["default_cap"] = names, caps
    return out


#: The `profile` of a table whose stated caps contradict every known profile (rule CAP_PROFILE warns of it).
UNMATCHED = "unmatched"


def _candidates(first, profiles: dict) -> list:
    """The profile the user chose first, then every other that may be detected (`detect`), by name."""
    return [first] + [p for name, p in sorted(profiles.items()) if name != first.name and p.detect]


def exact(number: float) -> Decimal:
    """A profile's number as a Decimal printed as people write caps: 10, not 1E+1 or 10.0."""
    return Decimal(int(number)) if float(number).is_integer() else Decimal(str(number))


def _pick(caps: dict[str, Decimal], candidates: list):
    """The candidate that agrees with most stated caps and contradicts none; None when every one contradicts.

    A category a profile leaves open (Hubei's 效益 and 满意度 share 40 points)
    neither agrees nor contradicts. Ties go to the earlier candidate: the
    chosen profile first, then the others by name.
    """
    best, best_agree = candidates[0], -1
    for profile in candidates:
        agree, contradict = 0, False
        for category, value in caps.items():
            if category in profile.category_caps:
                if exact(profile.category_caps[category]) == value:
                    agree += 1
                else:
                    contradict = True
        if not contradict and agree > best_agree:
            best, best_agree = profile, agree
    return best if best_agree >= 0 else None
