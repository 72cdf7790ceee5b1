"""Recall and false alarms per kind and per form, on generated reports whose defects are known.

Each report carries at most one injected defect. A defect is found when an
issue of its kind is reported in its document (for the project it was
injected into, or at document level). Any other error or warning is a false
alarm, unless the defect lists its kind in `also` (a score raised above its
weight also breaks the 总分 it counts toward); info findings are kept apart
(`notes`), as hints rather than verdicts. Generated reports are complete, so
any `extraction_incomplete` is listed on its own too (`incomplete`).

With `forms` ('mixed' or {code: share}) each report's form is drawn from its
seed, among the forms that can show the kind injected into it (forms.kinds_for),
and every figure is also kept per form.

Defects placed in a report's prose section (auditor.synth.prose; `Defect.where` "prose")
are also counted on their own, per kind and per form, and printed as rows of their own
(`prose: <kind>`) below the kinds, which count them with the rest. A report drawn for a
kind it turned out unable to show (spending above the budget where its words explain
it) is left out, not counted as clean.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from auditor.synth.corpus import generate_reports
from auditor.synth.defects import injectable_kinds
from auditor.synth.forms import FORMS, shares
from auditor.synth.text import render_text

VERDICTS = ("error", "warning")


@dataclass
class Measure:
    injected: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    false_alarms: Counter = field(default_factory=Counter)  # by the kind wrongly reported
    misses: dict = field(default_factory=lambda: defaultdict(list))  # kind -> [(file, defect)]
    alarms: list = field(default_factory=list)  # (file, issue): errors and warnings not injected
    notes: list = field(default_factory=list)  # (file, issue): info findings not injected
    incomplete: list = field(default_factory=list)  # (file, issue): extraction_incomplete on a complete report
    clean_reports: int = 0
    form_of: dict = field(default_factory=dict)  # file -> form code
    injected_by: Counter = field(default_factory=Counter)  # (form, kind)
    found_by: Counter = field(default_factory=Counter)  # (form, kind)
    clean_by: Counter = field(default_factory=Counter)  # form -> clean reports
    clean_alarms_by: Counter = field(default_factory=Counter)  # form -> false alarms on its clean reports
    alarms_by: Counter = field(default_factory=Counter)  # form -> false alarms on any of its reports
    prose_injected: Counter = field(default_factory=Counter)  # kind -> defects placed in the prose section
    prose_found: Counter = field(default_factory=Counter)
    prose_injected_by: Counter = field(default_factory=Counter)  # (form, kind)
    prose_found_by: Counter = field(default_factory=Counter)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.injected[kind] if self.injected[kind] else 1.0

    def prose_recall(self, kind: str | None = None) -> float:
        """Recall of the defects placed in the prose section: of one kind, or of all of them."""
        injected = self.prose_injected[kind] if kind else sum(self.prose_injected.values())
        found = self.prose_found[kind] if kind else sum(self.prose_found.values())
        return found / injected if injected else 1.0

    def overall(self) -> float:
        total = sum(self.injected.values())
        return sum(self.found.values()) / total if total else 1.0

    def forms(self) -> list[str]:
        seen = set(self.form_of.values())
        return [f for f in FORMS if f in seen]

    def table(self) -> str:
        """Recall per kind (rows) and per form (columns) as found/injected, false alarms per form."""
        forms = self.forms()
        width = max([len(k) for k in self.injected] + [len("prose: " + k) for k in self.prose_injected] + [15])
        lines = [f"{'kind':<{width}}  {'all':>9}  " + "  ".join(f"{f:>14}" for f in forms)]
        for kind in sorted(self.injected):
            cells = []
            for f in forms:
                n = self.injected_by[(f, kind)]
                cells.append(f"{self.found_by[(f, kind)]}/{n}" if n else "-")
            lines.append(
                f"{kind:<{width}}  {self.found[kind]:>4}/{self.injected[kind]:<4}  "
                + "  ".join(f"{c:>14}" for c in cells)
            )
        for kind in sorted(self.prose_injected):
            cells = []
            for f in forms:
                n = self.prose_injected_by[(f, kind)]
                cells.append(f"{self.prose_found_by[(f, kind)]}/{n}" if n else "-")
            lines.append(
                f"{'prose: ' + kind:<{width}}  {self.prose_found[kind]:>4}/{self.prose_injected[kind]:<4}  "
                + "  ".join(f"{c:>14}" for c in cells)
            )
        found_f = [sum(v for (f, _), v in self.found_by.items() if f == form) for form in forms]
        inj_f = [sum(v for (f, _), v in self.injected_by.items() if f == form) for form in forms]
        lines.append(
            f"{'recall':<{width}}  {self.overall():>9.1%}  "
            + "  ".join(f"{(a / b if b else 1):>14.1%}" for a, b in zip(found_f, inj_f))
        )
        lines.append(
            f"{'clean reports':<{width}}  {self.clean_reports:>9}  "
            + "  ".join(f"{self.clean_by[f]:>14}" for f in forms)
        )
        lines.append(
            f"{'alarms on clean':<{width}}  {sum(self.clean_alarms_by.values()):>9}  "
            + "  ".join(f"{self.clean_alarms_by[f]:>14}" for f in forms)
        )
        lines.append(
            f"{'alarms, all':<{width}}  {len(self.alarms):>9}  " + "  ".join(f"{self.alarms_by[f]:>14}" for f in forms)
        )
        return "\n".join(lines)


def _kind_forms(kind: str, option) -> dict[str, float] | str | None:
    """The forms of a corpus that can carry `kind`, with their shares (None: the fixed form)."""
    weights = shares(option)
    if weights is None:
        return option
    able = {code: w for code, w in weights.items() if kind in FORMS[code].kinds}
    return able or None


def measure(
    per_kind: int,
    clean: int,
    seed: int,
    ruleset=None,
    kinds: list[str] | None = None,
    jobs: int | None = None,
    forms=None,
    variant: str | None = None,
    prose: float | None = None,
) -> Measure:
    """`per_kind` reports with one defect of each kind, `clean` without; `forms` as make_report's
    `form` option (None: the central form only); `variant` "prose" or "table" to place every defect
    there (injectors.inject; with "prose", the kinds the prose section can carry); `prose` the share
    of reports with a prose section (make_report's option; None: its default)."""
    from auditor.pipeline import audit

    kinds = list(kinds or injectable_kinds(variant))
    options = {} if prose is None else {"prose": prose}
    out = Measure()
    with tempfile.TemporaryDirectory(prefix="auditor-recall-") as tmp:
        labels: dict[str, list] = {}

        def write(prefix: str, stream) -> None:
            for name, report, defects in stream:
                if prefix != "clean" and not defects:
                    continue  # NOTE: drawn for a kind this report cannot show: not a clean report
                name = f"{prefix}-{report.form}-{name}"
                (Path(tmp) / name).write_text(render_text(report), encoding="utf-8")
                labels[name] = defects
                out.form_of[name] = report.form

        for n, kind in enumerate(kinds):
            option = _kind_forms(kind, forms)
            if option is None and forms is not None:
                continue  # no form of the corpus can show this kind
            stream = generate_reports(
                per_kind, seed + n, defect_rate=1.0, kinds=[kind], form=option, variant=variant, **options
            )
            write(kind, stream)
        write("clean", generate_reports(clean, seed + 1000, defect_rate=0.0, form=forms, **options))
        result = audit([tmp], ruleset=ruleset, jobs=jobs)
        by_doc = defaultdict(list)
        for issue in result.issues:
            by_doc[Path(issue.doc).name].append(issue)
    for name, defects in labels.items():
        issues = by_doc.get(name, [])
        form = out.form_of[name]
        if not defects:
            out.clean_reports += 1
            out.clean_by[form] += 1
        allowed = set()
        for d in defects:
            out.injected[d.kind] += 1
            out.injected_by[(form, d.kind)] += 1
            allowed |= {d.kind, *d.also}
            hit = any(i.kind == d.kind and (i.project in (None, d.project) or d.project is None) for i in issues)
            if d.where == "prose":
                out.prose_injected[d.kind] += 1
                out.prose_injected_by[(form, d.kind)] += 1
                out.prose_found[d.kind] += hit
                out.prose_found_by[(form, d.kind)] += hit
            if hit:
                out.found[d.kind] += 1
                out.found_by[(form, d.kind)] += 1
            else:
                out.misses[d.kind].append((name, d))
        for issue in issues:
            if issue.kind == "extraction_incomplete":
                out.incomplete.append((name, issue))
            if issue.kind in allowed:
                continue
            if issue.severity not in VERDICTS:
                out.notes.append((name, issue))
                continue
            out.false_alarms[issue.kind] += 1
            out.alarms.append((name, issue))
            out.alarms_by[form] += 1
            if not defects:
                out.clean_alarms_by[form] += 1
    return out
