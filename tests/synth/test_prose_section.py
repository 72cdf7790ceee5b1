"""The prose section of generated reports: read as meant, clean when clean, each defect found as labelled.

auditor.synth.prose writes, in some reports, sentences of the shapes auditor reads in prose
(auditor/recognise/claims.py, claim_sets.py; rules/prose/). These tests run the real reader
and the real rules on them: a clean section must give no finding at all, and each prose
injector's defect must be found, of its kind, quoting the figure the label names.
"""

from __future__ import annotations

import random
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from auditor.document import Locator
from auditor.pipeline import audit
from auditor.read import read_document
from auditor.recognise import recognise
from auditor.recognise.claims import read_passage
from auditor.synth import generate_reports, inject, make_report, render_text
from auditor.synth.forms import CODES, PROSE_ONLY
from auditor.synth.injectors import INJECTORS, PROSE_KINDS, injectable_kinds, variant_of
from auditor.synth.prose import prose_paragraphs
from auditor.synth.vocab import TOPICS

VERDICTS = ("error", "warning")


def _audit(reports: list[tuple[str, object]]) -> dict[str, list]:
    """The issues of each generated report, by file name."""
    with tempfile.TemporaryDirectory(prefix="auditor-prose-") as tmp:
        for name, report in reports:
            (Path(tmp) / name).write_text(render_text(report), encoding="utf-8")
        by_doc: dict[str, list] = {name: [] for name, _ in reports}
        for issue in audit([tmp]).issues:
            by_doc[Path(issue.doc).name].append(issue)
    return by_doc


def _claim_sets(report, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(render_text(report), encoding="utf-8")
    return recognise(read_document(path, path.name)).claim_sets


def test_every_statement_of_a_section_is_read_as_the_shape_it_is(tmp_path):
    """The rate with its two amounts, each statement of sources as parts and whole, each 占比, the
    excess and the share of the task, the spending against the budget: for every topic's words."""
    topics = set()
    for seed in range(70):
        r = make_report(random.Random(seed), prose=1.0, projects=1, form=CODES[seed % len(CODES)])
        s = r.prose
        topics.add(r.projects[0].topic)
        sets = _claim_sets(r, tmp_path)
        kinds = Counter((x.relation, x.name) for x in sets.ratios)
        rates = [x for x in sets.ratios if x.relation == "rate"]
        assert len(rates) == 1 and rates[0].of_whole, (seed, prose_paragraphs(r))
        assert rates[0].stated.field.text == f"{s.rate}%"
        assert (rates[0].numerator.field.text, rates[0].denominator.field.text) == (s.spent.text, s.budget.text)
        assert len(sets.parts) == len(s.funds), (seed, prose_paragraphs(r))
        for statement, f in zip(sets.parts, s.funds):
            assert statement.whole.field.text == f.whole.text
            assert [(src, x.field.text) for src, x in statement.parts] == [
                (x.source if x.source != "其他" else "其他资金", x.amount.text) for x in f.parts
            ]
        assert kinds[("share", "占比")] == sum(1 for f in s.funds for x in f.parts if x.share)
        c = s.counts
        assert kinds[("excess", "超任务")] == (1 if c and c.excess else 0), (seed, prose_paragraphs(r))
        assert kinds[("share", "完成比例")] == (1 if c and c.share else 0), (seed, prose_paragraphs(r))
        assert sets.spending and sets.pairs == [] and sets.unit_slips == []
        for k, paragraph in enumerate(prose_paragraphs(r)):  # every amount printed is read, all paid as all paid
            amounts = read_passage(paragraph, Locator()).amounts
            assert [a.field.text for a in amounts] == re.findall(r"\d+(?:\.\d+)?(?:万元|元)", paragraph), paragraph
            paid = [s.all_paid.text] if s.all_paid and k == 0 else []  # the first paragraph states the payment
            assert [a.field.text for a in amounts if a.whole_paid] == paid, paragraph
    assert len(topics) >= 10


def test_a_section_says_all_was_paid_only_when_all_was_spent():
    for seed in range(300):
        r = make_report(random.Random(seed), prose=1.0)
        t = r.project(r.prose.project).total
        if r.prose.all_paid is not None:
            assert t.executed == t.budget and r.prose.all_paid.wan == t.budget
        if r.prose.paid is not None:
            assert r.prose.paid.wan == t.executed


def test_some_reports_have_a_section_and_it_changes_nothing_else():
    """A report drawn with a section is, but for its section, the report drawn without one: its
    tables, figures and every other paragraph (a report of one project may also leave out the
    department's evaluation as a whole); so are the defects of a corpus without sections."""
    with_section = 0
    for seed in range(200):
        plain = make_report(random.Random(seed), prose=0.0, form="mixed")
        full = make_report(random.Random(seed), prose=1.0, form="mixed")
        drawn = make_report(random.Random(seed), form="mixed")
        with_section += drawn.prose is not None
        assert plain.prose is None and full.prose is not None
        if not full.whole_department:  # a project's own self-evaluation, which leaves the department out
            assert len(full.projects) == 1
            plain.whole_department = False
        text = render_text(full)
        for paragraph in prose_paragraphs(full):
            text = text.replace(paragraph + "\n", "", 1)
        assert text == render_text(plain), seed
    assert 40 <= with_section <= 120  # some share of reports, not all

    def corpus(kinds):
        return [
            (name, render_text(r), [d.as_dict() for d in ds])
            for name, r, ds in generate_reports(120, 4, defect_rate=1.0, kinds=kinds, form="mixed", prose=0.0)
        ]

    # the kinds only a section shows take no draw from a report that has none
    assert corpus(None) == corpus([k for k in injectable_kinds() if k not in PROSE_ONLY])


def test_kinds_with_a_table_and_a_prose_injector_draw_both():
    both = [k for k, fns in INJECTORS.items() if {variant_of(fn) for fn in fns} == {"table", "prose"}]
    assert set(both) == {"execution_rate_mismatch", "funding_sum_mismatch", "unit_mismatch", "typo"}
    assert set(PROSE_KINDS) == set(both) | PROSE_ONLY
    for kind in both:
        places = Counter(
            d.where == "prose"
            for _, _, ds in generate_reports(40, 12, defect_rate=1.0, kinds=[kind], form="mixed", prose=1.0)
            for d in ds
        )
        assert places[True] >= 8 and places[False] >= 8, (kind, places)
    with pytest.raises(ValueError, match="variant"):
        inject(make_report(random.Random(1), prose=1.0), "typo", random.Random(1), variant="footnote")


def test_a_report_without_a_section_gets_its_table_defect_only():
    for seed in range(40):
        rng = random.Random(seed)
        r = make_report(rng, prose=0.0)
        assert inject(r, "claim_contradiction", rng)[1] is None
        _, d = inject(r, "typo", rng)
        assert d.where != "prose"


def test_clean_reports_with_a_section_give_no_finding():
    """Any finding on a clean section (of any form, one table or several) is a false alarm."""
    reports = [
        (name, r) for name, r, _ in generate_reports(90, 41, defect_rate=0.0, form="mixed", prose=1.0, projects=(1, 4))
    ]
    assert sum(len(r.projects) == 1 for _, r in reports) >= 10
    by_doc = _audit(reports)
    found = [
        f"{name}: {i.rule} {i.severity} {i.found} | {i.message}" for name, issues in by_doc.items() for i in issues
    ]
    assert found == []


@pytest.fixture(scope="module")
def injected():
    """Twelve reports drawn per prose kind (fewer carry spending above the budget: not where their
    words explain it), every defect in the prose section, forms mixed, audited together."""
    reports, labels = [], {}
    for n, kind in enumerate(PROSE_KINDS):
        for name, r, ds in generate_reports(12, 500 + n, defect_rate=1.0, kinds=[kind], form="mixed", variant="prose"):
            if ds:
                reports.append((f"{kind}-{name}", r))
                labels[f"{kind}-{name}"] = (r, ds[0])
    return labels, _audit(reports)


@pytest.mark.parametrize("kind", PROSE_KINDS)
def test_each_prose_defect_is_found_quoting_its_figure(injected, kind):
    labels, by_doc = injected
    mine = {name: label for name, label in labels.items() if label[1].kind == kind}
    assert len(mine) >= 6, kind
    for name, (r, d) in mine.items():
        assert d.where == "prose" and d.found in "".join(prose_paragraphs(r)), (name, d)
        issues = by_doc[name]
        hits = [i for i in issues if i.kind == d.kind and i.found == d.found]
        assert hits, (name, d, [(i.rule, i.kind, i.found) for i in issues])
        assert all(i.project in (None, d.project) for i in hits)
        allowed = {d.kind, *d.also}
        others = [(i.rule, i.kind, i.found) for i in issues if i.kind not in allowed and i.severity in VERDICTS]
        assert others == [], (name, d)


def test_every_topic_can_carry_a_section():
    names = {make_report(random.Random(s), prose=1.0, projects=1).projects[0].name for s in range(200)}
    assert names == {t.name for t in TOPICS}


def test_two_statements_of_one_amount_are_contradicted_only_in_a_text_of_one_project():
    """A level's funds stated a third time, or all paid against less paid, where the reader compares
    two statements of one quantity: a report of one project that says nothing of several projects or
    of the department as a whole. Elsewhere the contradiction is a share its figures do not give."""
    reports, ways = [], Counter()
    for seed in range(400):
        rng = random.Random(seed)
        r = make_report(rng, prose=1.0, projects=(1, 2))
        broken, d = inject(r, "claim_contradiction", rng, variant="prose")
        text = render_text(broken)
        way = "level" if "下达资金" in d.description else "paid" if "全部拨付" in d.description else "share"
        if way != "share":
            assert len(broken.projects) == 1 and "部门整体" not in text, seed
        ways[way] += 1
        if ways[way] <= 8:
            reports.append((f"{way}-{seed}.txt", broken, d))
    assert min(ways.values()) >= 8, ways
    by_doc = _audit([(name, r) for name, r, _ in reports])
    for name, _r, d in reports:
        found = [(i.rule, i.found) for i in by_doc[name] if i.severity in VERDICTS]
        rule = "PROSE_SHARE" if name.startswith("share") else "CLAIM_CONTRADICTION"
        assert found == [(rule, d.found)], (name, d)
