"""The synthetic report generator: clean reports are consistent, defects are exactly what they say.

An independent oracle (`problems`) recomputes every rule of domain-rules.md from the model with
Decimal arithmetic and names the kinds it finds. A clean report must have none; an injected
report must show the injected kind and nothing outside its `also` list. A tiny parser of the
text form checks the layout against the real sample, row by row.
"""

from __future__ import annotations

import json
import random
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.synth import (
    KINDS,
    generate,
    generate_reports,
    inject,
    injectable_kinds,
    make_report,
    render_text,
    write_corpus,
)
from auditor.synth.forms import CODES, FORMS, kinds_for, kinds_of
from auditor.synth.injectors import PROSE_KINDS
from auditor.synth.model import HUNDRED, Report, grade_for, q2
from auditor.synth.prose import TYPO_WORDS, prose_paragraphs
from auditor.synth.vocab import (
    DEVIATION_REASONS,
    GENERIC,
    LOW_RATE_CAUSE,
    MEASURES,
    PROBLEMS,
    TOPICS,
    TYPOS,
)

SAMPLE = Path(__file__).resolve().parents[2] / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"
MEASURED = ("ge", "ge%", "eq%", "le", "le%", "zero", "cost", "sat")
PLACEHOLDERS = ("", "无", "暂无", "—", "-")


# ---- an independent oracle over the model -----------------------------------------------------


def half(d: Decimal) -> Decimal:
    return Decimal(5).scaleb(d.as_tuple().exponent - 1)


def shown(d: Decimal) -> Decimal:
    """A score as printed: 97.50 prints as 97.5."""
    return Decimal(format(d.normalize(), "f"))


def differs(stated: Decimal, parts: list[Decimal]) -> bool:
    """A sum that misses its stated total by more than half a unit of the least precise figure."""
    slack = max([half(p) for p in parts] + [half(stated)])
    return abs(stated - sum(parts, Decimal(0))) > slack


def printed_rate(rate: Decimal, r: Report) -> Decimal:
    """A rate in percent at the precision the table prints it: a ratio form's 1 is 100 ± 50."""
    if not FORMS[r.form].ratio:
        return rate
    ratio = "1" if rate == 100 else str(rate.scaleb(-2))  # 97.31 → 0.9731, 60 → 0.60
    return Decimal(ratio).scaleb(2)


def rate_fits(stated: Decimal, executed: Decimal, budget: Decimal) -> bool:
    lo = (executed - half(executed)) / (budget + half(budget)) * 100
    hi = (executed + half(executed)) / (budget - half(budget)) * 100
    return stated + half(stated) >= lo and stated - half(stated) <= hi and stated <= 100


def unit_slip(a: Decimal, b: Decimal) -> bool:
    return bool(a and b) and Decimal(5000) <= max(a, b) / min(a, b) <= Decimal(20000)


def num(text: str) -> Decimal | None:
    m = re.search(r"\d+(?:\.\d+)?", text)
    return Decimal(m.group(0)) if m else None


def problems(r: Report) -> set[str]:
    """The kinds of inconsistency in a report, recomputed from scratch."""
    found: set[str] = set()
    for p in r.projects:
        found |= _table_problems(p, r)
        found |= _prose_problems(p, r)
    if r.count != len(r.projects) or differs(r.funds, [p.total.budget for p in r.projects]):
        found.add("count_mismatch")
    if r.listed != [p.name for p in r.projects]:
        found.add("project_name_mismatch")
    if r.attachment is not None:
        found |= _attachment_problems(r)
    if r.prose is not None:
        found |= _prose_section_problems(r)
    return found


def _table_problems(p, r: Report) -> set[str]:
    found, t, rows = set(), p.total, p.scored()
    for row in rows:
        if shown(row.score) - half(shown(row.score)) > row.weight + half(shown(row.weight)):
            found.add("score_exceeds_weight")
        if row.score < row.weight and row.reason.strip() in PLACEHOLDERS:
            found.add("missing_deviation_reason")
        if row.kind in MEASURED and num(row.actual) is None:
            found.add("vague_actual_value")
        if row.kind == "cost" and num(row.actual) is not None and unit_slip(num(row.actual), t.executed):
            found.add("unit_mismatch")
    for row in p.indicators:
        if row.weight is None and (row.score is not None or row.actual or row.target):
            found.add("empty_indicator_scored")
    if t.score > t.weight:
        found.add("score_exceeds_weight")
    if tuple(p.caps.values()) not in FORMS[r.form].splits:  # a cap the form's profile does not give
        found.add("category_weight_cap")
    for level1, cap in p.caps.items():
        mine = [i for i in rows if i.level1 == level1]
        if differs(cap, [shown(i.weight) for i in mine]):
            found.add("category_weight_cap")
        if sum((i.score for i in mine), Decimal(0)) > cap + max(half(shown(i.score)) for i in mine):
            found.add("category_score_cap")
    scores = [shown(t.score)] + [shown(i.score) for i in rows if i.score is not None]
    if differs(shown(p.total_score), scores) or differs(p.total_weight, [t.weight] + [i.weight for i in rows]):
        found.add("total_mismatch")
    for row in p.funding:
        if row.budget is not None and not rate_fits(printed_rate(row.rate, r), row.executed, row.budget):
            found.add("execution_rate_mismatch")
    for attr in ("initial", "budget", "executed"):
        parts = [getattr(x, attr) for x in p.funding[1:] if getattr(x, attr) is not None]
        if differs(getattr(t, attr), parts):
            found.add("funding_sum_mismatch")
    rate, w = printed_rate(t.rate, r), FORMS[r.form].fund_weight
    lo, hi = min(rate - half(rate), HUNDRED) / 100 * w, min(rate + half(rate), HUNDRED) / 100 * w
    s = shown(t.score)
    band = w * (1 if t.rate >= 100 else Decimal("0.7") if t.rate >= 80 else Decimal("0.5") if t.rate >= 60 else 0)
    if (s + half(s) < lo or s - half(s) > hi) and s != band:
        found.add("funding_score_formula")
    if p.year != r.year or any(int(y) != r.year for y in re.findall(r"(\d{4})年", p.goal)):
        found.add("year_mismatch")
    return found


def _prose_problems(p, r: Report) -> set[str]:
    found, n, t = set(), p.narrative, p.total
    if n.name != p.name:
        found.add("project_name_mismatch")
    for stated, true in ((n.budget, t.budget), (n.executed, t.executed)):
        if Decimal(stated) != true:
            found.add("unit_mismatch" if unit_slip(Decimal(stated), true) else "narrative_table_mismatch")
    if differs(Decimal(n.score), [shown(p.total_score)]) or Decimal(n.rate.rstrip("%")) != t.rate:
        found.add("narrative_table_mismatch")
    budget, executed = Decimal(n.budget), Decimal(n.executed)  # the summary's own sentence of spending
    adjusted = any(q.narrative.initial for q in r.projects)
    if executed - half(executed) > budget + half(budget) and not adjusted:
        found.add("execution_exceeds_budget")
    score = Decimal(n.score)
    if n.grade not in {grade_for(score - half(score)), grade_for(score + half(score) - Decimal("0.001"))}:
        found.add("grade_mismatch")
    if t.rate < 90 and not ("由于" in n.problem and "偏低" in n.problem):  # a stated cause (FUND-LOW-EXPLAIN)
        found.add("missing_deviation_reason")
    mine = next(x for x in TOPICS if x.key == p.topic)
    texts = [p.goal, p.goal_actual, n.achievement] + [i.name for i in p.indicators]
    foreign = {w for x in TOPICS if x is not mine for w in x.keywords}
    if any(w in text for text in texts for w in foreign):
        found.add("project_topic_mismatch")
    every = texts + [n.problem, n.measure] + [i.reason for i in p.indicators]
    if any(bad in text for text in every for bad in TYPOS.values()):
        found.add("typo")
    return found


def _attachment_problems(r: Report) -> set[str]:
    found, a = set(), r.attachment
    p = r.project(a.project)
    if a.name != p.name:
        found.add("project_name_mismatch")
    if a.year != r.year:
        found.add("year_mismatch")
    for s in a.sections:
        if s.score > s.weight or (s.subsections and differs(shown(s.score), [shown(x.score) for x in s.subsections])):
            found.add("section_sum_mismatch")
    if differs(shown(a.total), [shown(s.score) for s in a.sections]):
        found.add("section_sum_mismatch")
    if a.total != p.total_score or Decimal(a.rate.rstrip("%")) != p.total.rate:
        found.add("narrative_table_mismatch")
    for stated, true in ((a.budget, p.total.budget), (a.executed, p.total.executed)):
        if Decimal(stated) != true:
            found.add("unit_mismatch" if unit_slip(Decimal(stated), true) else "narrative_table_mismatch")
    if a.grade not in {
        grade_for(a.total - half(shown(a.total))),
        grade_for(a.total + half(shown(a.total)) - Decimal("0.001")),
    }:
        found.add("grade_mismatch")
    return found


def _ratio_fits(stated: Decimal, num: Decimal, num_half: Decimal, den: Decimal) -> bool:
    """A percentage that some rounding of its printed numerator and denominator gives."""
    lo = (num - num_half) / (den + half(den)) * 100
    hi = (num + num_half) / (den - half(den)) * 100
    return stated + half(stated) >= lo and stated - half(stated) <= hi


def _two_statements_differ(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) > half(a) + half(b)


def _prose_section_problems(r: Report) -> set[str]:
    """The kinds of inconsistency in the prose section, recomputed from its figures and the table's."""
    found, s = set(), r.prose
    p = r.project(s.project)
    t = p.total
    budget, spent = s.budget.wan, s.spent.wan
    if s.budget.unit != "万元" or s.spent.unit != "万元":
        found.add("unit_mismatch")
    if s.states_rate and not rate_fits(Decimal(s.rate), spent, budget):
        found.add("execution_rate_mismatch")
    if s.states_rate and len(r.projects) == 1:  # the rate of a one-table report's prose is held against the table
        table_rate = printed_rate(t.rate, r)
        if _two_statements_differ(Decimal(s.rate), table_rate) or budget != t.budget or spent != t.executed:
            found.add("narrative_table_mismatch")
    explained = any(q.narrative.initial for q in r.projects) or any(  # 年中调整为… in a 自评综述
        w in "".join(prose_paragraphs(r)) for w in ("调整", "追加", "结转", "超支")
    )
    if spent - half(spent) > budget + half(budget) and not explained:
        found.add("execution_exceeds_budget")
    levels: dict[str, list[Decimal]] = {}
    for f in s.funds:
        whole, parts = f.whole.wan, [x.amount.wan for x in f.parts]
        total = sum(parts, Decimal(0))
        if unit_slip(whole, total):
            found.add("unit_mismatch")
            whole = total
        elif abs(whole - total) > sum((half(x) for x in parts), half(whole)):
            found.add("funding_sum_mismatch")
        for x in f.parts:
            if x.share and not _ratio_fits(Decimal(x.share), x.amount.wan, half(x.amount.wan), whole):
                found.add("claim_contradiction")
            if x.source != "其他":
                levels.setdefault(x.source, []).append(x.amount.wan)
    if s.restated:
        levels.setdefault(s.restated[0], []).append(s.restated[1].wan)
    if any(_two_statements_differ(min(v), max(v)) for v in levels.values()):
        found.add("claim_contradiction")
    if s.all_paid is not None and (
        spent < s.all_paid.wan or (s.paid is not None and _two_statements_differ(s.all_paid.wan, s.paid.wan))
    ):
        found.add("claim_contradiction")
    c = s.counts
    if c is not None:
        done, task = Decimal(c.done), Decimal(c.task)
        if c.excess and not _ratio_fits(Decimal(c.excess), done - task, half(done) + half(task), task):
            found.add("claim_contradiction")
        if c.share and not _ratio_fits(Decimal(c.share), done, half(done), task):
            found.add("claim_contradiction")
    # 全全年 after a mark: one character of a word twice (项目目前 is two words meeting)
    doubled_first = "[，。：；](?:" + "|".join(w[0] + w for w in TYPO_WORDS) + ")"
    if any(re.search(r"([\u4e00-\u9fff]{2,4})\1|，，|" + doubled_first, text) for text in prose_paragraphs(r)):
        found.add("typo")
    return found


# ---- clean reports --------------------------------------------------------------------------


def _internal(p, r: Report) -> None:
    """What the oracle's kinds do not cover but a consistent report still needs (S-POSITIVE,
    S-OVERACHIEVE, S-COST, W-REQUIRED, the form's weights, 4–12 indicators)."""
    form = FORMS[r.form]
    rows = p.scored()
    assert 4 <= len(rows) <= 12
    assert {i.level2 for i in rows} >= {"数量指标", "质量指标"}
    assert p.total_weight == 100 and p.total.weight == form.fund_weight
    assert tuple(p.caps.values()) in form.splits and sum(p.caps.values()) + form.fund_weight == 100
    for level1, cap in p.caps.items():
        assert sum(i.weight for i in rows if i.level1 == level1) == cap
    for i in rows:
        a, b = num(i.target), num(i.actual)
        if i.kind in ("ge", "ge%", "eq%", "sat") and b is not None:
            if i.score == i.weight:
                assert a <= b < Decimal("1.2") * a, (i.name, i.target, i.actual)
            else:
                assert b < a and i.score == q2(i.weight * b / a) and i.reason in DEVIATION_REASONS
        if i.kind in ("le", "le%"):
            assert b <= a and i.score == i.weight
        if i.kind == "qual" and i.score < i.weight:
            assert i.actual == "部分达成" and Decimal("0.6") * i.weight <= i.score < Decimal("0.8") * i.weight
        if i.kind == "cost":
            assert i.target == f"≤{p.total.budget}万元" and i.actual == f"{p.total.executed}万元"
    t = p.total
    places = Decimal(1) if r.look.get("ratio_places") == 2 else Decimal("0.01")
    assert t.executed <= t.budget and t.rate == (t.executed / t.budget * 100).quantize(places, "ROUND_HALF_UP")
    assert t.score == q2(min(t.rate, HUNDRED) / 100 * form.fund_weight)
    if not form.initial:
        assert all(row.initial == row.budget for row in p.funding)  # no column to show an adjustment in


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(CODES))
def test_clean_reports_are_consistent(seed, form):
    r = make_report(random.Random(seed), form=form)
    assert r.form == form
    assert problems(r) == set()
    for p in r.projects:
        _internal(p, r)


def test_clean_reports_vary():
    reports = [make_report(random.Random(s)) for s in range(300)]
    counts = {len(r.projects) for r in reports}
    assert counts == {1, 2, 3, 4, 5, 6}
    grades = {p.narrative.grade for r in reports for p in r.projects}
    assert {"优", "良", "中"} <= grades
    amounts = {str(p.total.executed) for r in reports for p in r.projects}
    assert {len(a.partition(".")[2]) for a in amounts} >= {0, 1, 2, 4}
    assert any(r.attachment for r in reports) and not all(r.attachment for r in reports)
    assert len({p.topic for r in reports for p in r.projects}) >= 12


def test_vocabulary_keeps_topics_apart():
    def every_text(t):
        return [t.goal, t.goal_actual, t.achievement, t.overview] + [s.name for s in t.specs]

    generic = [s.name for s in GENERIC] + list(PROBLEMS + MEASURES + DEVIATION_REASONS) + [LOW_RATE_CAUSE]
    for t in TOPICS:
        assert any(k in t.goal and k in t.achievement for k in t.keywords) or (
            any(k in t.goal for k in t.keywords) and any(k in t.achievement for k in t.keywords)
        ), t.key
        others = [k for o in TOPICS if o is not t for k in o.keywords]
        assert not [k for text in every_text(t) for k in others if k in text], t.key
        assert t.variant != t.name and t.variant not in t.name
        assert not [text for o in TOPICS for text in every_text(o) if t.variant in text], t.key
    keywords = [k for t in TOPICS for k in t.keywords]
    assert not [k for text in generic for k in keywords if k in text]
    texts = [x for t in TOPICS for x in every_text(t)] + generic
    assert not [bad for bad in TYPOS.values() for text in texts if bad in text]
    assert "拨付" in MEASURES[-1]  # the typo injector's fallback sentence


# ---- the text form --------------------------------------------------------------------------


def parse_tables(text: str) -> list[list[list[str]]]:
    """Tables as rows of cells: a TAB line starts a cell, a line right after a cell continues it,
    a blank line ends a row, any other line is a paragraph and ends the table."""
    tables, rows, row, prev_cell = [], [], [], False
    for line in text.split("\n"):
        if line.startswith("\t"):
            row.append(line[1:])
            prev_cell = True
        elif line == "":
            if row:
                rows.append(row)
                row = []
            prev_cell = False
        elif prev_cell:
            row[-1] += "\n" + line
        else:
            if row:
                rows.append(row)
                row = []
            if rows:
                tables.append(rows)
                rows = []
    if row:
        rows.append(row)
    if rows:
        tables.append(rows)
    return tables


def test_the_parser_reads_the_sample_as_two_tables():
    tables = parse_tables(SAMPLE.read_text(encoding="utf-8"))
    assert len(tables) == 2
    assert [len(row) for row in tables[0]] == [1, 1, 2, 4, 8, 8, 8, 8, 8, 3, 3, 9] + [9] * 9 + [6]
    assert tables[0][12][1] == "产\n出\n指\n标\n(50分)"


def test_generated_tables_have_the_samples_layout():
    sample = [len(row) for row in parse_tables(SAMPLE.read_text(encoding="utf-8"))[0]]
    for seed in range(60):
        r = make_report(random.Random(seed))
        tables = parse_tables(render_text(r))
        assert len(tables) == len(r.projects)
        for table, p in zip(tables, r.projects):
            widths = [len(row) for row in table]
            assert widths[:13] == sample[:13]  # title, year, header pairs, funding, goals, first indicator
            assert widths[13:-1] == [9] * (len(p.indicators) - 1) and widths[-1] == 6
            assert [c.split("\n")[0] for c in table[11]] == [
                "年度绩效指标完成情况",
                "一级",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施",
            ]


def test_text_round_trips_the_key_structure():
    for seed in range(40):
        r = make_report(random.Random(seed), attachment=1.0)
        text = render_text(r)
        tables = parse_tables(text)
        for table, p in zip(tables, r.projects):
            assert table[1][0] == f"（{r.year}年度）"
            assert table[2][1].strip("\u3000") == p.name
            total_row = table[5]
            assert total_row[0] == "" and total_row[1] == "年度资金总额："
            t = p.total
            assert total_row[2:6] == [str(t.initial), str(t.budget), str(t.executed), "10"]
            assert [c.strip() for c in table[-1]] == ["总分", "", "", "100", format(p.total_score.normalize(), "f"), ""]
            firsts = [row[1] for row in table[12:-1]]
            assert firsts[0].startswith("产\n出\n指\n标\n(50分)")
            assert sum(1 for c in firsts if c) == 3  # one label per 一级, the rest continue the merge
            # the 自评综述 stands right before its table and restates it
            at = text.index(f"{p.name}项目绩效自评综述：")
            paragraph = text[at : text.index("\n", at)]
            assert f"得分为{format(p.total_score.normalize(), 'f')}分" in paragraph
            assert f"全年预算数为{p.total.budget}万元，执行数为{p.total.executed}万元" in paragraph
            assert text[text.index("\n", at) + 1 :].startswith("\t项目支出绩效自评表\u00a0\n")
        opening = text.split("\n")[3]
        assert f"共{len(r.projects)}个项目，涉及资金{sum(p.total.budget for p in r.projects)}万元" in opening
        a = r.attachment
        assert re.search(
            rf"（一）项目决策情况\(分值20分，自评得分{re.escape(format(a.sections[0].score.normalize(), 'f'))}分\)",
            text,
        )


# ---- defects --------------------------------------------------------------------------------


def test_every_document_kind_has_an_injector():
    assert set(injectable_kinds()) == set(KINDS)
    assert "unreadable_input" not in KINDS and "extraction_incomplete" not in KINDS


def test_the_injected_kinds_are_the_contracts_in_its_order():
    from auditor.issue import KINDS as CONTRACT
    from auditor.synth.forms import ALL_KINDS

    assert KINDS == tuple(k for k in CONTRACT if k in KINDS)
    assert ALL_KINDS == set(KINDS)  # what a form can show is what can be injected
    from auditor.synth.injectors import register

    with pytest.raises(ValueError, match="not a kind of the issue contract"):
        register("no_such_kind")


def test_the_injectors_package_imports_no_module_that_imports_it_back():
    import ast

    root = Path(__file__).resolve().parents[2] / "auditor" / "synth" / "injectors"
    for path in root.glob("*.py"):
        if path.name == "__init__.py":
            continue
        imported = {
            n.module
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.ImportFrom) and n.module
        }
        assert not {"auditor.synth.injectors", "auditor.synth.defects", "auditor.synth"} & imported, path.name


@pytest.mark.parametrize("kind", KINDS)
def test_injector_breaks_exactly_its_rule(kind):
    """On every form that can show the kind (forms.kinds_of: with a prose section, its kinds too),
    120 seeds on the central form."""
    for seed in range(240):
        rng = random.Random(seed)
        clean = make_report(rng, form="central" if seed < 120 else CODES[seed % len(CODES)])
        if kind not in kinds_of(clean, PROSE_KINDS):
            continue
        broken, defect = inject(clean, kind, rng)
        assert defect is not None, seed
        assert defect.kind == kind and problems(clean) == set()
        found = problems(broken)
        assert kind in found, (seed, defect)
        assert found <= {kind, *defect.also}, (seed, defect, found)
        assert defect.project is None or defect.project in [p.name for p in broken.projects]
        assert defect.found and defect.description
        assert render_text(broken) != render_text(clean)
        assert json.loads(json.dumps(defect.as_dict(), ensure_ascii=False))["kind"] == kind


@pytest.mark.parametrize("form", CODES)
def test_defect_figures_are_in_the_text(form):
    """What a checker will quote (`found`) is printed in the document (a cap's sum is computed),
    in each form's own print (a ratio form's 执行率 as 0.9731)."""
    computed = ("empty_indicator_scored", "category_weight_cap", "category_score_cap")
    for seed in range(200 if form == "central" else 60):
        for name, text, defects in generate(1, seed, defect_rate=1.0, form=form):
            for d in defects:
                if d.kind not in computed:
                    assert d.found in text, (d, name)


def test_rate_defects_are_beyond_rounding():
    """A stated rate that rounding of the printed amounts reproduces is not a defect (§6)."""
    for seed in range(300):
        rng = random.Random(seed)
        r, d = inject(make_report(rng), "execution_rate_mismatch", rng)
        p = r.project(d.project)
        if d.where == "prose":  # the rate beside its amounts in the prose section
            s = r.prose
            assert not rate_fits(Decimal(s.rate), s.spent.wan, s.budget.wan)
            assert rate_fits(p.total.rate, p.total.executed, p.total.budget)
        else:
            assert not rate_fits(p.total.rate, p.total.executed, p.total.budget)


def test_several_defects_go_to_distinct_projects():
    for name, report, defects in generate_reports(100, 3, defect_rate=1.0, defects_per_report=3, projects=(4, 6)):
        projects = [d.project for d in defects if d.project]
        assert len(projects) == len(set(projects)), name
        assert len(defects) >= 2
        found = problems(report)
        assert {d.kind for d in defects} <= found <= {k for d in defects for k in (d.kind, *d.also)}, name


# ---- corpora ----------------------------------------------------------------------------------


def test_generation_is_deterministic_per_seed():
    first = [(n, t, [d.as_dict() for d in ds]) for n, t, ds in generate(25, 11)]
    again = [(n, t, [d.as_dict() for d in ds]) for n, t, ds in generate(25, 11)]
    other = [t for _, t, _ in generate(25, 12)]
    assert first == again
    assert first[10:] == [(n, t, [d.as_dict() for d in ds]) for n, t, ds in generate(15, 11, start=10)]
    assert [t for _, t, _ in first] != other
    assert 5 <= sum(1 for *_, ds in first if ds) <= 20


def test_generate_restricts_kinds():
    kinds = {d.kind for *_, ds in generate(60, 2, defect_rate=1.0, kinds=["typo", "year_mismatch"]) for d in ds}
    assert kinds == {"typo", "year_mismatch"}
    with pytest.raises(ValueError):
        list(generate(1, 0, kinds=["unreadable_input"]))


def test_write_corpus(tmp_path):
    labels = write_corpus(tmp_path, 12, 5, defect_rate=1.0, encoding="gb18030")
    lines = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 12 and all(len(x["defects"]) == 1 for x in lines)
    first = tmp_path / lines[0]["file"]
    assert first.read_text(encoding="gb18030").startswith("关于")
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(x["file"] for x in lines)


def test_generation_speed(capsys):
    """Measured, not asserted (shared CI machines vary): the benchmark wants ≥ 2,000 reports/s."""
    n = 1000
    start = time.perf_counter()
    for _ in generate(n, 1):
        pass
    rate = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in generate(n, 1, form="mixed"):
        pass
    mixed = n / (time.perf_counter() - start)
    with capsys.disabled():
        print(f"\nsynth: {rate:.0f} reports/s (text, defect_rate 0.5), {mixed:.0f} reports/s in mixed forms")


# ---- the published forms ----------------------------------------------------------------------


def _table_rows(form: str, seed: int, **options) -> tuple[Report, list[list[list[str]]]]:
    r = make_report(random.Random(seed), form=form, **options)
    return r, parse_tables(render_text(r))


def _header_index(table: list[list[str]], word: str) -> int:
    return next(k for k, row in enumerate(table) if any(c.replace("\n", "").startswith(word) for c in row))


def test_split_form_prints_the_indicator_header_on_two_rows():
    """F2: 年度指标值 once on the first row over 指标性质 (or 指标方向) | 指标值 | 度量单位 on the second,
    whose other cells are empty (merged over both rows); every row splits its target in three."""
    directions = set()
    for seed in range(40):
        r, tables = _table_rows("central_split", seed)
        for table, p in zip(tables, r.projects):
            at = _header_index(table, "一级")
            top, sub = table[at], table[at + 1]
            assert len(top) == 9 and len(sub) == 11
            assert top[4] == "年度指标值" and sub[4] in ("指标性质", "指标方向") and sub[5:7] == ["指标值", "度量单位"]
            assert [c for k, c in enumerate(sub) if k not in (4, 5, 6)] == [""] * 8
            directions.add(sub[4])
            rows = table[at + 2 : -1]
            assert [len(row) for row in rows] == [11] * len(p.indicators)
            for row, ind in zip(rows, p.indicators):
                if ind.name:
                    op, value, unit = row[4:7]
                    assert value.strip() and (op in ("定性",) or op.strip())
                    assert op != "定性" or not re.match(r"\d", value)
            assert table[-1][0] == "总分"
    assert directions == {"指标性质", "指标方向"}


def test_sichuan_form_has_its_columns_total_and_footers():
    for seed in range(20):
        r, tables = _table_rows("sichuan", seed)
        for table, p in zip(tables, r.projects):
            funding = table[_header_index(table, "预算执行情况")]
            assert funding[2:] == ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]
            header = table[_header_index(table, "绩效指标完成情况")]
            assert header[4:10] == ["指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分"]
            firsts = [row[0] for row in table]
            end = firsts.index("合计")
            assert firsts[end + 1 :] == ["评价结论", "存在问题", "改进措施", "项目负责人"]
            assert table[end][-3:-1] == ["100", format(p.total_score.normalize(), "f")]
            assert sum(p.caps.values()) == 90 and p.total.weight == 10


def test_linkage_form_states_its_caps_in_a_note():
    in_table = 0
    for seed in range(30):
        r = make_report(random.Random(seed), form="linkage")
        text = render_text(r)
        tables = parse_tables(text)
        for table, _project in zip(tables, r.projects):
            header = table[_header_index(table, "绩效指标")]
            assert header[4:] == ["分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"]
            note = "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分"
            assert note in text
            in_table += any(note in c for row in table for c in row)
    assert in_table  # some print it as the table's last row, the others under the table


def test_twenty_eighty_form_prints_ratios_and_no_weights():
    ratios = set()
    for seed in range(30):
        r, tables = _table_rows("twenty_eighty", seed)
        for table, p in zip(tables, r.projects):
            funding = table[_header_index(table, "预算执行情况")]
            assert funding[1:] == ["预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"]
            total = table[_header_index(table, "年度财政资金总额")]
            assert "%" not in total[3] and Decimal(total[3]) <= 1
            ratios.add(len(total[3].partition(".")[2]))
            header = table[_header_index(table, "年度绩效目标")]
            assert header[4:] == ["年初目标值(A)", "实际完成值(B)", "得分"] and "分值" not in "".join(header)
            labels = [row[1] for row in table[_header_index(table, "年度绩效目标") + 1 :] if len(row) == 7 and row[1]]
            assert labels == [
                f"{l1}({format(p.caps[l1].normalize(), 'f')}分)" for l1 in dict.fromkeys(i.level1 for i in p.indicators)
            ]
            assert p.total.weight == 20 and sum(p.caps.values()) == 80
    assert ratios >= {0, 2, 4}  # 1, 0.97 and 0.9731


def test_indicator_only_form_prints_no_weights_scores_or_total():
    for seed in range(30):
        r = make_report(random.Random(seed), form="indicator_only")
        text = render_text(r)
        for table in parse_tables(text):
            words = "".join(c for row in table for c in row if len(c) <= 24)
            assert "分值" not in words and "得分" not in words and "权重" not in words and "总分" not in words
            header = table[_header_index(table, "年度绩效目标完成情况")]
            assert header[1:] == ["一级指标", "二级指标", "指标名称", "目标值", "实际完成值"]
        assert "自评得分为" not in text.split("（3）部门评价结果")[0]  # the prose states no score either


def test_forms_limit_the_defects_they_can_show():
    """No weight defect on a table without weights; caps from the form's own profile."""
    assert (
        not {
            "score_exceeds_weight",
            "category_weight_cap",
            "category_score_cap",
            "total_mismatch",
            "missing_deviation_reason",
            "funding_score_formula",
        }
        & FORMS["indicator_only"].kinds
    )
    assert "category_weight_cap" not in FORMS["twenty_eighty"].kinds
    for kind in ("score_exceeds_weight", "category_weight_cap", "total_mismatch"):
        assert not [d for *_, ds in generate(20, 4, defect_rate=1.0, kinds=[kind], form="indicator_only") for d in ds]
    for name, report, defects in generate_reports(60, 9, defect_rate=1.0, form="mixed"):
        assert {d.kind for d in defects if d.where != "prose"} <= kinds_for(report.form, report.look), name
        assert {d.kind for d in defects} <= kinds_of(report, PROSE_KINDS), name
    # 20 + 80: a score above its weight can only be the 执行率 score above the header's 20
    for name, _report, defects in generate_reports(
        20, 6, defect_rate=1.0, kinds=["score_exceeds_weight"], form="twenty_eighty"
    ):
        assert [d.expected for d in defects] == ["<= 20"], name


def test_mixed_corpus_draws_every_form_by_its_share():
    forms = [report.form for _, report, _ in generate_reports(300, 8, form="mixed")]
    assert set(forms) == set(CODES) and min(forms.count(f) for f in CODES) >= 25
    again = [report.form for _, report, _ in generate_reports(300, 8, form="mixed")]
    assert forms == again
    few = [report.form for _, report, _ in generate_reports(200, 8, form={"sichuan": 3, "central": 1})]
    assert set(few) == {"sichuan", "central"} and few.count("sichuan") > 2 * few.count("central")
    with pytest.raises(ValueError):
        make_report(random.Random(1), form="hebei")


def test_write_corpus_labels_each_file_with_its_form(tmp_path):
    labels = write_corpus(tmp_path, 30, 3, defect_rate=1.0, form="mixed")
    lines = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert {x["form"] for x in lines} <= set(CODES) and len({x["form"] for x in lines}) >= 4


def _records(path: Path) -> list:
    """What the recogniser reads from a file, as comparable tuples (texts cleaned)."""
    from auditor.read import read_document
    from auditor.recognise import recognise
    from auditor.recognise.records import clean

    def values(v: dict) -> tuple:
        return tuple(sorted((k, clean(f.text)) for k, f in v.items()))

    out = []
    for t in recognise(read_document(path, path.name)).tables:
        out.append(
            ("table", t.form, tuple(sorted(t.blocks.items())), t.name and clean(t.name.text), values(t.stated_caps))
        )
        out += [("funding", f.kind, values(f.values)) for f in t.funding]
        out += [
            ("indicator", i.category, clean(i.level2.text), clean(i.level3.text), values(i.values))
            for i in t.indicators
        ]
        out.append(("total", t.total and values(t.total.values)))
    return out


@pytest.mark.parametrize("form", CODES)
def test_word_and_excel_builds_read_back_as_the_text_form(tmp_path, form):
    """The .docx and .xlsx built from a generated text form give the recogniser the same records,
    the two-row header of F2 included (its spanning cell and its cells merged over both rows)."""
    from auditor.synth.layout import parse_text_form
    from auditor.synth.office import build_docx, build_xlsx

    for seed in range(4):
        r = make_report(random.Random(seed), form=form, projects=(1, 3))
        text = render_text(r)
        txt = tmp_path / f"{seed}.txt"
        txt.write_text(text, encoding="utf-8")
        want = _records(txt)
        assert [x[1] for x in want if x[0] == "table"] == [form] * len(r.projects)
        blocks = parse_text_form(text)
        for build, suffix in ((build_docx, ".docx"), (build_xlsx, ".xlsx")):
            path = build(tmp_path / f"{seed}{suffix}", blocks)
            assert _records(path) == want, (form, seed, suffix, r.look)
