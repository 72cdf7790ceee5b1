"""Recall and false alarms per kind, on generated reports whose defects are known.

Each report carries at most one injected defect. A defect is found when an
issue of its kind is reported in its document (for the project it was
injected into, or at document level). Any other issue is a false alarm,
unless the defect lists its kind in `also` (a score raised above its weight
also breaks the 总分 it counts toward).
"""
from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from auditor.synth.corpus import generate
from auditor.synth.defects import injectable_kinds


@dataclass
class Measure:
    injected: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    false_alarms: Counter = field(default_factory=Counter)  # by the kind wrongly reported
    misses: dict = field(default_factory=lambda: defaultdict(list))  # kind -> [(file, defect)]
    alarms: list = field(default_factory=list)  # (file, issue)
    clean_reports: int = 0

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.injected[kind] if self.injected[kind] else 1.0


def measure(per_kind: int, clean: int, seed: int, ruleset=None, kinds: list[str] | None = None,
            jobs: int | None = None) -> Measure:
    from auditor.pipeline import audit

    kinds = list(kinds or injectable_kinds())
    out = Measure()
    with tempfile.TemporaryDirectory(prefix="auditor-recall-") as tmp:
        labels: dict[str, list] = {}
        for n, kind in enumerate(kinds):
            for name, text, defects in generate(per_kind, seed + n, defect_rate=1.0, kinds=[kind]):
                name = f"{kind}-{name}"
                (Path(tmp) / name).write_text(text, encoding="utf-8")
                labels[name] = defects
        for name, text, defects in generate(clean, seed + 1000, defect_rate=0.0):
            name = f"clean-{name}"
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            labels[name] = []
        result = audit([tmp], ruleset=ruleset, jobs=jobs)
        by_doc = defaultdict(list)
        for issue in result.issues:
            by_doc[Path(issue.doc).name].append(issue)
    for name, defects in labels.items():
        issues = by_doc.get(name, [])
        if not defects:
            out.clean_reports += 1
        allowed = set()
        for d in defects:
            out.injected[d.kind] += 1
            allowed |= {d.kind, *d.also}
            hit = any(i.kind == d.kind and (i.project in (None, d.project) or d.project is None) for i in issues)
            if hit:
                out.found[d.kind] += 1
            else:
                out.misses[d.kind].append((name, d))
        for issue in issues:
            if issue.kind not in allowed:
                out.false_alarms[issue.kind] += 1
                out.alarms.append((name, issue))
    return out
