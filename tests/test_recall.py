"""Every kind is found when injected into a generated report, and clean reports give nothing.

The generator (auditor.synth) records each injected defect; a defect's own
collateral (a score raised above its weight also breaks 总分) is listed in its
`also` and is not a false alarm. Any other error or warning is one.

The central form alone must give every kind; a mixed corpus of every
published form the generator writes (auditor.synth.forms: F1 central, F2
central_split, F3 sichuan, F5 linkage, F4 twenty_eighty, F7 indicator_only),
each report's form drawn from its seed, must give ≥ 99% overall, no false
alarm and no extraction_incomplete (generated reports are complete). Recall
per kind and per form is printed, with every miss and alarm, so that a form
the recogniser misreads shows where.

Some generated reports carry a prose section (auditor.synth.prose), and its
defects are drawn with the tables' (a rate beside its amounts in a sentence as
well as in a table row). Their recall is printed in rows of their own
(`prose: <kind>`); a corpus whose every defect is in the prose section must
give every one of them and no false alarm.
"""

import random
import time
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from auditor.read import read_document
from auditor.recognise import recognise
from auditor.recognise.records import clean
from auditor.synth import make_report, render_text
from auditor.synth.defects import injectable_kinds
from auditor.synth.evaluate import measure
from auditor.synth.forms import CODES
from auditor.synth.injectors import PROSE_KINDS
from auditor.synth.tables import split_target


def test_every_injected_kind_is_found_and_clean_reports_give_nothing(ruleset):
    m = measure(per_kind=12, clean=120, seed=2026, ruleset=ruleset)
    assert set(m.injected) == set(injectable_kinds())
    missed = {k: [f"{name}: {d.description}" for name, d in m.misses[k]] for k in m.misses if m.misses[k]}
    assert missed == {}
    alarms = [f"{name}: {i.rule} {i.message}" for name, i in m.alarms]
    assert alarms == []
    assert m.clean_reports == 120


@pytest.fixture(scope="module")
def mixed(ruleset):
    """One recall run over a mixed corpus of every form: 24 reports per kind, 180 clean."""
    start = time.perf_counter()
    m = measure(per_kind=24, clean=180, seed=2026, ruleset=ruleset, forms="mixed")
    return m, time.perf_counter() - start


def _alarm_lines(m, alarms) -> list[str]:
    """Alarms grouped by form and rule, with a count and the first example."""
    groups = defaultdict(list)
    for name, issue in alarms:
        groups[(m.form_of[name], issue.rule, issue.kind, issue.severity)].append((name, issue))
    lines = []
    for (form, rule, kind, severity), items in sorted(groups.items()):
        name, issue = items[0]
        lines.append(
            f"{form}: {len(items)} × {rule} ({kind}, {severity}), e.g. {name} {issue.project}: "
            f"{issue.message} | {issue.evidence}"
        )
    return lines


def test_recall_on_every_form_is_printed_and_at_least_99_percent(mixed, capsys):
    m, seconds = mixed
    with capsys.disabled():
        print(f"\nrecall over every form ({len(m.form_of)} reports, {seconds:.1f} s):\n{m.table()}")
        for kind, misses in sorted(m.misses.items()):
            for name, d in misses:
                print(f"  missed {kind} on {m.form_of[name]}: {name}: {d.description}")
        for line in _alarm_lines(m, m.alarms):
            print(f"  false alarm on {line}")
        notes = Counter((m.form_of[name], i.rule) for name, i in m.notes)
        for (form, rule), n in sorted(notes.items()):
            print(f"  info on {form}: {n} × {rule}")
    assert set(m.forms()) == set(CODES)
    assert all(m.clean_by[f] for f in CODES)
    assert set(m.injected) == set(injectable_kinds())
    missed = [f"{m.form_of[name]} {name}: {d.description}" for k in sorted(m.misses) for name, d in m.misses[k]]
    assert m.overall() >= 0.99, missed


def test_prose_defects_of_every_form_are_all_found_and_printed(ruleset, capsys):
    """Every defect placed in a prose section (24 reports drawn per kind, every form), 60 clean reports
    that all have a section: each defect found, nothing else reported."""
    start = time.perf_counter()
    m = measure(per_kind=24, clean=60, seed=2031, ruleset=ruleset, forms="mixed", variant="prose", prose=1.0)
    seconds = time.perf_counter() - start
    with capsys.disabled():
        print(f"\nrecall of the prose section's defects ({len(m.form_of)} reports, {seconds:.1f} s):\n{m.table()}")
    assert set(m.prose_injected) == set(PROSE_KINDS) == set(m.injected)
    assert sum(m.prose_injected.values()) == sum(m.injected.values()) >= 6 * 20
    missed = [f"{m.form_of[name]} {name}: {d.description}" for k in sorted(m.misses) for name, d in m.misses[k]]
    assert missed == []
    assert _alarm_lines(m, m.alarms) == []
    assert m.clean_reports == 60


def test_clean_reports_of_every_form_give_no_error_or_warning(mixed):
    m, _ = mixed
    clean = [(name, i) for name, i in m.alarms if name.startswith("clean-")]
    assert _alarm_lines(m, clean) == []


def test_defective_reports_of_every_form_give_nothing_beside_their_defect(mixed):
    m, _ = mixed
    defective = [(name, i) for name, i in m.alarms if not name.startswith("clean-")]
    assert _alarm_lines(m, defective) == []


def test_generated_reports_of_every_form_are_read_completely(mixed):
    m, _ = mixed
    assert [f"{m.form_of[name]} {name}: {i.message}" for name, i in m.incomplete] == []


_OPS = {"ge": ">=", "ge%": ">=", "sat": ">=", "le": "<=", "le%": "<=", "cost": "<=", "eq%": "=", "zero": "="}
_LOOKS = [
    ("central_split", {"ge": "≥", "le": "≤", "eq": "=", "direction": False}),
    ("central_split", {"ge": "≧", "le": "≦", "eq": "═", "direction": False}),
    ("central_split", {"ge": ">=", "le": "<=", "eq": "=", "direction": False}),
    ("central_split", {"direction": True}),
    ("sichuan", {"ge": "≧", "le": "≦", "eq": "═"}),
    ("sichuan", {"ge": ">=", "le": "<=", "eq": "="}),
]


def _recognised(report, directory: Path):
    path = directory / "report.txt"
    path.write_text(render_text(report), encoding="utf-8")
    return recognise(read_document(path, path.name))


@pytest.mark.parametrize("form,look", _LOOKS, ids=[f"{f}-{'-'.join(str(v) for v in lk.values())}" for f, lk in _LOOKS])
def test_split_targets_are_read_with_their_operator_value_and_unit(form, look, tmp_path):
    """指标性质 (≥ ≧ >= ≤ ≦ <= = ═ 定性) or 指标方向 (正向 反向 等于) | 指标值 | 度量单位 make one target:
    the operator, the number and the unit each row states (F2, F3). Each way of printing the
    operators is forced over six reports, so none is left to the chance of the mixed corpus."""
    misread = []
    for seed in range(6):
        r = make_report(random.Random(seed), form=form, look=look)
        records = _recognised(r, tmp_path)
        for table, p in zip(records.tables, r.projects):
            read = {clean(i.level3.text): i for i in table.indicators if clean(i.level3.text)}
            for ind in p.scored():
                row = read.get(clean(ind.name))
                target = row.values.get("target") if row is not None else None
                got = target.figure if target is not None else None
                _, value, unit = split_target(ind.target)
                want = (
                    None
                    if ind.kind == "qual"
                    else (
                        "<=" if ind.kind == "zero" and r.look.get("direction") else _OPS[ind.kind],
                        Decimal(value),
                        unit,
                    )
                )
                have = (got.op, got.value, got.unit) if got is not None else None
                if have != want:
                    cells = row.evidence if row is not None else "(row not read)"
                    misread.append(
                        f"{form} {r.look}: row {cells!r} → target "
                        f"{clean(target.text) if target is not None else None!r} read as {have}, not {want}"
                    )
    assert misread == []
