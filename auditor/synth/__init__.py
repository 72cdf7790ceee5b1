"""Synthetic 绩效自评 reports with labelled defects, for recall tests and benchmarks.

`make_report` draws a fully consistent report from a seeded `random.Random`; `render_text`
writes it as text copied from Word; `inject` adds one labelled defect of an issue-contract
kind; `generate` / `write_corpus` produce deterministic corpora with a labels.jsonl. Every report is
printed in one published form (`auditor.synth.forms`: central, central_split, sichuan, linkage,
twenty_eighty, indicator_only; option `form`, 'mixed' for a seeded share of each), consistent
under that form's own caps, and carries only defects its form can show. Some reports (option
`prose`, default 40%) also carry a prose section on one project (`auditor.synth.prose`): its
budget, spending and rate in a sentence, the sources of its budget, its payment, its task and
result, in the shapes auditor reads in prose; its defects (a wrong rate, sources that do not add
up, 元 for 万元, a contradiction, spending above the budget, a doubled word) are labelled with
`where="prose"`.
"""

from auditor.synth.build import make_report
from auditor.synth.corpus import generate, generate_reports, write_corpus
from auditor.synth.injectors import KINDS, Defect, inject, injectable_kinds
from auditor.synth.model import Report
from auditor.synth.text import render_text

__all__ = [
    "KINDS",
    "Defect",
    "Report",
    "generate",
    "generate_reports",
    "inject",
    "injectable_kinds",
    "make_report",
    "render_text",
    "write_corpus",
]
