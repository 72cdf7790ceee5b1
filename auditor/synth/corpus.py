"""generate / write_corpus: deterministic streams of rendered reports with their labels.

Report i of seed s is drawn from `random.Random(f"{s}:{i}")`, so any one report can be
rebuilt alone, and a corpus is the same on every machine and Python run (string seeds are
hashed with SHA-512, not with the per-process str hash).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from auditor.synth import fast as F
from auditor.synth.build import make_report
from auditor.synth.defects import Defect, inject, injectable_kinds
from auditor.synth.forms import PROSE_ONLY, kinds_for, kinds_of
from auditor.synth.injectors import PROSE_KINDS
from auditor.synth.model import Report
from auditor.synth.prose import add_prose, side_rng
from auditor.synth.text import render_text


def generate_reports(
    n: int,
    seed: int,
    defect_rate: float = 0.5,
    kinds: list[str] | None = None,
    defects_per_report: int = 1,
    start: int = 0,
    variant: str | None = None,
    **options,
) -> Iterator[tuple[str, Report, list[Defect]]]:
    """(file name, report model, defects): the model stream behind `generate`, for other renderers.

    Reports start..start+n-1 of the seed: a benchmark can split one corpus across processes.
    A report's defects are drawn from the kinds it can show (forms.kinds_of): no weight defect
    on a table without weights, no prose defect without a prose section; a report that can show
    none of `kinds` gets none, unless a prose section would let it show one: then it gets a section.
    `variant` ("table" or "prose") keeps to the injectors of that part (injectors.inject).
    """
    pool = list(kinds) if kinds else list(injectable_kinds())
    unknown = set(pool) - set(injectable_kinds())
    if unknown:
        raise ValueError(f"no injector for kind(s): {', '.join(sorted(unknown))}")
    for i in range(start, start + n):
        rng = random.Random(f"{seed}:{i}")
        report = make_report(rng, **options)
        defects: list[Defect] = []
        if rng.random() < defect_rate:
            taken: set[str] = set()
            for kind in _draw_kinds(report, rng, pool, defects_per_report, variant):
                _, defect = inject(report, kind, rng, copy=False, taken=taken, variant=variant)
                if defect is not None:
                    defects.append(defect)
                    taken.add(defect.project if defect.project else "<count>")
        yield f"synth-{seed}-{i:05d}.txt", report, defects


def _draw_kinds(report: Report, rng: random.Random, pool: list[str], k: int, variant: str | None) -> list[str]:
    """The kinds of one report's defects: `k` distinct kinds of `pool` it can show, uniformly.

    NOTE: drawn in two steps so that the kinds every report could show before prose sections
    existed are drawn from `rng` exactly as they were: first among those, then each replaced,
    from a generator derived from `rng` (prose.side_rng), by a kind only its prose section shows
    (one of PROSE_ONLY, or one its form's tables cannot show) with the chance that kind would
    have had in one draw over all of them.
    """
    shown = kinds_of(report, PROSE_KINDS)
    side = None
    if report.prose is None and (variant == "prose" or (set(pool) & set(PROSE_KINDS) and not set(pool) & shown)):
        side = side_rng(rng, "kinds")
        add_prose(report, side)
        shown = kinds_of(report, PROSE_KINDS)
    if variant == "prose":
        shown &= set(PROSE_KINDS)
    # NOTE: what the report could show before prose sections existed: its form's, but the section's own
    before = kinds_for(report.form, report.look) - PROSE_ONLY
    old = [x for x in pool if x in shown and x in before]
    extra = [x for x in pool if x in shown and x not in before]
    if extra and side is None:
        side = side_rng(rng, "kinds")
    chosen = rng.sample(old, min(k, len(old))) if old else []
    for j in range(len(chosen)):
        if extra and side.random() < len(extra) / (len(old) + len(extra)):
            chosen[j] = extra.pop(int(side.random() * len(extra)))
    if len(chosen) < k and extra:
        chosen += F.sample(side, extra, k - len(chosen))
    return chosen


def generate(
    n: int, seed: int, defect_rate: float = 0.5, kinds: list[str] | None = None, **options
) -> Iterator[tuple[str, str, list[Defect]]]:
    """(file name, text, defects) for n reports; a report is defective with probability
    `defect_rate`, with one defect (or `defects_per_report`, on distinct projects) drawn
    uniformly from `kinds` (default: every injectable kind) that the report's form can show.
    Options: `defects_per_report`, `start`, `variant` ("table" or "prose": where every defect goes),
    and make_report's (`projects`, `year`, `attachment`, `template_rows`, `form`: a form code,
    'mixed' or {code: share}, `prose`: the share of reports with a prose section)."""
    for name, report, defects in generate_reports(n, seed, defect_rate, kinds, **options):
        yield name, render_text(report), defects


def write_corpus(directory: str | Path, n: int, seed: int, *, encoding: str = "utf-8", **kwargs) -> Path:
    """Write n reports as *.txt (utf-8, or gb18030 as many Chinese offices save) and a
    labels.jsonl with one line per file: {"file": name, "form": code, "defects": [...]}. Returns the
    labels path. `form` (in kwargs) as for make_report: a code, 'mixed' or {code: share}."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    labels = out / "labels.jsonl"
    defect_rate = kwargs.pop("defect_rate", 0.5)
    kinds = kwargs.pop("kinds", None)
    with labels.open("w", encoding="utf-8") as fh:
        for name, report, defects in generate_reports(n, seed, defect_rate, kinds, **kwargs):
            (out / name).write_text(render_text(report), encoding=encoding)
            fh.write(
                json.dumps(
                    {"file": name, "form": report.form, "defects": [d.as_dict() for d in defects]}, ensure_ascii=False
                )
                + "\n"
            )
    return labels
