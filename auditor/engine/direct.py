"""The same checks as the GX suites, run straight on pandas: the benchmark's lower bound.

Every rule type's check lives in its module of `auditor.ruletypes`; GX adds
suite bookkeeping, metric resolution and result objects around it. Running the
checks directly, with `where:` applied by pandas, shows what that bookkeeping
costs. Nothing here is used to audit: issues always come from the GX suites.
"""

from __future__ import annotations

import pandas as pd

from auditor.engine.profiles import checkable
from auditor.ruletypes import type_of, where


def run_rule(rule, frame: pd.DataFrame, lexicons: dict) -> pd.Series:
    """True per row where the rule holds (rows outside `where:` are left out)."""
    df = frame[where.mask(frame, rule.where)] if rule.where else frame
    return type_of(rule).check(df, rule, lexicons)


def run_direct(frames: dict[str, pd.DataFrame], ruleset) -> int:
    """Run every rule on the tabulated frames; returns the number of failing rows (to compare with GX's issues)."""
    failing = 0
    frames = checkable(frames, ruleset.profile, ruleset.profiles)  # as `validate` prepares them
    for rule in ruleset.rules:
        for entity in rule.entities:
            frame = frames.get(entity)
            if frame is not None and not frame.empty:
                failing += int((~run_rule(rule, frame, ruleset.lexicons)).sum())
    return failing
