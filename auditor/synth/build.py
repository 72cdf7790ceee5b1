"""make_report: a fully consistent synthetic report, drawn from a seeded `random.Random`.

Consistent means every rule of domain-rules.md holds: national weights (10/50/30/10), scores
within weights, sums and 总分 exact, 执行率 = 执行数/预算数 to 0.01%, 执行率得分 linear, deviation
reasons wherever a score falls short or the rate is below 90%, measured actuals for numeric
targets (and below 1.2× target, so no over-achievement needs explaining), prose that restates
the table, one year, one name per project, one topic per project, right spelling.
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_DOWN, Decimal

from auditor.synth import fast as F
from auditor.synth import vocab as V
from auditor.synth.forms import FormSpec, draw_form, draw_look, form_of
from auditor.synth.indicators import deduct, fill, weights
from auditor.synth.model import (
    CAPS,
    FUNDING_LABELS,
    Attachment,
    FundingRow,
    Indicator,
    Narrative,
    Project,
    Report,
    Section,
    Subsection,
    restate_attachment,
    restate_funding,
    restate_narrative,
    restate_report,
    restate_total,
)
from auditor.synth.prose import add_prose, side_rng

#: The share of reports with a prose section (auditor.synth.prose) when make_report is not told.
PROSE_SHARE = 0.4

_SECTIONS = (
    ("项目决策情况", 20, (("项目立项", 10), ("资金落实情况", 10))),
    ("项目过程情况", 35, (("项目管理", 25), ("财务管理", 10))),
    ("项目产出情况", 25, (("产出数量", 10), ("产出质量", 10), ("产出时效", 5))),
    ("项目效益情况", 20, (("社会效益", 10), ("服务对象满意度", 10))),
)


def make_report(rng: random.Random, **options) -> Report:
    """A consistent report. Options: `projects` (int or (lo, hi), default (1, 6); at most one
    project per topic, so at most len(vocab.TOPICS)), `year`, `attachment` (probability of an
    attached 绩效评价报告, default 0.5), `template_rows` (probability that unused 二级 rows are
    printed empty, as Word templates do, default 0.5), `form` (the published form of every
    table, auditor.synth.forms: a code, default 'central'; 'mixed' for an equal share of each;
    or {code: share} — the form is then drawn from the report's own seed), `look` (printing
    choices to force over the drawn ones, forms.draw_look: {"eq": "═"}), `prose` (probability of a
    prose section on one project, auditor.synth.prose, default PROSE_SHARE).

    A clean report is consistent under its form's profile: its 一级 caps (drawn from the
    form's splits), its 执行率 weight (20 on the 20 + 80 form) and its rate precision."""
    code = draw_form(rng, options.get("form"))
    form = form_of(code)
    look = draw_look(rng, code) if code != "central" else {}
    look.update(options.get("look") or {})
    year = options.get("year") or F.between(rng, 2019, 2024)
    count = options.get("projects", (1, 6))
    n = count if isinstance(count, int) else F.between(rng, *count)
    if not 1 <= n <= len(V.TOPICS):
        raise ValueError(f"a report has 1 to {len(V.TOPICS)} projects, not {n}")
    district = F.pick(rng, V.DISTRICTS)
    topics = _pick_topics(rng, n)
    depts = {t.dept for t in topics}
    report = Report(
        department=district + (depts.pop() if len(depts) == 1 else "财政局"),
        year=year,
        projects=[],
        district=district,
        rate_style=F.pick(rng, ("int", "2dp")),
        form=code,
        look=look,
    )
    template = rng.random() < options.get("template_rows", 0.5)
    for topic in topics:
        report.projects.append(_project(rng, topic, district, year, template, report.rate_style, form, look))
    restate_report(report)
    if rng.random() < options.get("attachment", 0.5):
        add_attachment(report, F.pick(rng, report.projects).name, rng)
    side = side_rng(rng, "prose")  # NOTE: not a draw from rng: the report so far is what it was before prose
    if side.random() < options.get("prose", PROSE_SHARE):
        add_prose(report, side)
    return report


def add_attachment(report: Report, name: str, rng: random.Random) -> None:
    """Attach a 绩效评价报告 for project `name`; sections sum to its 总分 (G-SECTIONS)."""
    sections = []
    for title, weight, subs in _SECTIONS:
        keep = title in ("项目决策情况", "项目过程情况") or rng.random() < 0.5
        sections.append(
            Section(
                title,
                Decimal(weight),
                Decimal(weight),
                [Subsection(t, Decimal(w), Decimal(w)) for t, w in subs] if keep else [],
            )
        )
    report.attachment = Attachment(project=name, name=name, year=report.year, sections=sections)
    restate_attachment(report)


def _pick_topics(rng: random.Random, n: int) -> list[V.Topic]:
    """A department's own topics first, then others: a district report mixes when it must."""
    first = F.pick(rng, V.TOPICS)
    same = [t for t in V.TOPICS if t.dept == first.dept and t is not first]
    rest = [t for t in V.TOPICS if t.dept != first.dept]
    return ([first] + F.shuffled(rng, same) + F.shuffled(rng, rest))[:n]


_UNIT = {k: Decimal(1).scaleb(-k) for k in range(5)}


def amount(rng: random.Random, lo: float, hi: float, places: int) -> Decimal:
    """A 万元 amount between lo and hi, log-uniform, printed with `places` decimals."""
    units = int(lo * (hi / lo) ** rng.random() * 10**places)  # a whole number of the last digit
    return Decimal(max(units, 10**places)).scaleb(-places)


def _funding(rng: random.Random, adjust: bool = True) -> list[FundingRow]:
    """Sub-rows with their own budgets and spending; the total row is derived."""
    rows = [FundingRow(label) for label in FUNDING_LABELS]
    places = F.pick(rng, (0, 0, 0, 1, 2, 2, 4, 4))
    size = F.pick(rng, ((5, 100), (50, 1000), (200, 5000), (1000, 20000)))
    low = rng.random() < 0.15  # a project that spends clearly less than its budget
    for row, chance in zip(rows[1:], (1.0, 0.25, 0.15)):
        if rng.random() >= chance:
            continue
        row.budget = amount(rng, max(1, size[0] * chance), size[1] * chance, places)
        if rng.random() < 0.3 and not low:
            row.executed = row.budget
        else:  # a ratio in thousandths: 600–890 for a low spender, else 900–999
            ratio = Decimal(F.between(rng, 600, 890) if low else F.between(rng, 900, 999)).scaleb(-3)
            xp = F.pick(rng, (places, 2, 4, 4))
            row.executed = (row.budget * ratio).quantize(_UNIT[xp], rounding=ROUND_DOWN)
        row.initial = row.budget
        # adjusted during the year (FUND-ANNUAL); never on a form that prints no 年初预算数
        if row.label == "本年财政拨款" and rng.random() < 0.15 and adjust:
            row.initial = (row.budget * Decimal(F.between(rng, 70, 120)).scaleb(-2)).quantize(row.budget)
    return rows


def _project(
    rng: random.Random, topic: V.Topic, district: str, year: int, template: bool, style: str, form: FormSpec, look: dict
) -> Project:
    dept = district + topic.dept
    funding = _funding(rng, adjust=form.initial)
    p = Project(
        name=topic.name,
        topic=topic.key,
        department=dept,
        unit=dept if rng.random() < 0.4 else district + topic.unit,
        year=year,
        funding=funding,
        goal="",
        goal_actual=topic.goal_actual,
        indicators=[],
        narrative=Narrative(topic.name),
        name_pad="\u3000" if rng.random() < 0.1 else "",
        sub_dash=F.pick(rng, ("—", "\u00a0")),
        fund_weight=form.fund_weight,
        rate_places=0 if look.get("ratio_places") == 2 else 2,
    )
    split = form.splits[0] if len(form.splits) == 1 else F.pick(rng, form.splits)
    p.caps = {level1: Decimal(cap) for level1, cap in zip(CAPS, split)}
    restate_funding(p)
    goal = topic.goal.format(year=year, budget=p.total.budget)
    p.goal = goal if p.total.initial == p.total.budget else re.sub(r"^[^，]*万元，", "", goal)
    p.indicators = _indicators(rng, topic, p, template)
    restate_total(p)
    n = p.narrative
    n.achievement, n.measure = topic.achievement, F.pick(rng, V.MEASURES)
    n.problem = V.LOW_RATE_CAUSE if p.total.rate < 90 else F.pick(rng, V.PROBLEMS)
    restate_narrative(p, style)
    return p


_POOLS: dict[str, tuple[list[V.Spec], ...]] = {}
_LEVEL2S = tuple(V.LEVEL1_OF)
_SAT = tuple(V.Spec("服务对象满意度指标", name, "sat") for name in V.SATISFACTION)


def _pools(topic: V.Topic) -> tuple[list[V.Spec], ...]:
    """The topic's 数量 specs, the 质量 specs it may use, and its 产出 and 效益 pools (own and
    generic), computed once per topic."""
    if topic.key not in _POOLS:
        both = topic.specs + V.GENERIC
        _POOLS[topic.key] = (
            [s for s in topic.specs if s.level2 == "数量指标"],
            [s for s in both if s.level2 == "质量指标"],
            [s for s in both if s.level1 == "产出指标"],
            [s for s in both if s.level1 == "效益指标"],
        )
    return _POOLS[topic.key]


def _indicators(rng: random.Random, topic: V.Topic, p: Project, template: bool) -> list[Indicator]:
    """4–12 scored rows over 产出/效益/满意度, weighted to the project's caps, in form order;
    with `template`, the unused 二级 appear as empty rows in their places."""
    total = F.between(rng, 4, 12)
    n_sat = 2 if total == 12 or (total >= 8 and rng.random() < 0.4) else 1
    quantity, quality, pool_out, pool_eff = _pools(topic)
    n_eff = min(len(pool_eff), F.between(rng, max(1, total - n_sat - 6), min(4, total - n_sat - 2)))
    n_out = min(6, total - n_sat - n_eff)
    own = topic.specs
    groups = (
        _choose_output(rng, own, quantity, quality, pool_out, n_out),
        F.sample(rng, pool_eff, n_eff),
        F.sample(rng, _SAT, n_sat),
    )
    rows = []
    for (_level1, cap), specs in zip(p.caps.items(), groups):
        specs.sort(key=_order)
        for spec, w in zip(specs, weights(rng, cap, len(specs))):
            row = fill(rng, spec, p, spec in own)
            row.weight = row.score = w
            rows.append(row)
    _deductions(rng, rows)
    return _with_template(rows) if template else rows


def _order(spec: V.Spec) -> int:
    return V.ORDER[spec.level2]


def _with_template(rows: list[Indicator]) -> list[Indicator]:
    """Rows in form order with an empty row for every 二级 that has none (rows are in order)."""
    out, nxt = [], 0
    for row in rows:
        at = V.ORDER[row.level2]
        out += [Indicator(V.LEVEL1_OF[l2], l2) for l2 in _LEVEL2S[nxt:at]]
        out.append(row)
        nxt = max(nxt, at + 1)
    return out + [Indicator(V.LEVEL1_OF[l2], l2) for l2 in _LEVEL2S[nxt:]]


def _choose_output(
    rng: random.Random,
    own: tuple[V.Spec, ...],
    quantity: list[V.Spec],
    quality: list[V.Spec],
    pool: list[V.Spec],
    n: int,
) -> list[V.Spec]:
    """At least one 数量 and one 质量 row (W-REQUIRED); never two near-identical generic rows
    (经费支出合规率 beside 资金使用合规率)."""
    first, second = F.pick(rng, quantity), F.pick(rng, quality)
    chosen = [first, second]
    rest = [s for s in pool if s is not first and s is not second]
    while len(chosen) < n and rest:
        spec = rest.pop(int(rng.random() * len(rest)))
        if spec in own or all(spec.name[-3:] != c.name[-3:] for c in chosen):
            chosen.append(spec)
    return chosen


def _deductions(rng: random.Random, rows: list[Indicator]) -> None:
    """Most projects lose a few points somewhere; a weak one (one in ten) loses more."""
    weak = rng.random() < 0.1
    k = F.between(rng, 3, 4) if weak else F.pick(rng, (0, 0, 0, 0, 1, 1, 1, 2, 2, 2))
    candidates = [i for i in rows if i.kind in ("ge", "ge%", "eq%", "qual", "sat")]
    for row in F.sample(rng, candidates, min(k, len(candidates))):
        deduct(rng, row, weak)
