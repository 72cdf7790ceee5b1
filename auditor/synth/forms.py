"""The published forms a generated 自评表 is printed in, as rules/forms declares them.

Each form fixes what the table can state (a 分值 column or not, scores at all, a 总分 row),
the 执行率 weight and the 一级 caps of its profile, and so which defects a reader of that
form can see: no weight defect on a table that prints no weights, caps from the form's own
profile (四川 has no national 产出 50 / 效益 30; the 20 + 80 form weighs 执行率 20).
`draw_look` picks one report's printing choices (operator glyphs, 指标方向 for 指标性质, a
grade in the 总分 row, ...), so every variant a form is published in is generated.

    central         F1, the central form of 财预〔2020〕10号, as the sample
    central_split   F2, 年度指标值 split over 指标性质 | 指标值 | 度量单位 on a second header row
    sichuan         F3, 权重, 调整后预算数 / 预算执行数, 指标性质 and 度量单位 columns, 合计 and footers
    linkage         F5, 分值 before 年度指标值, 全年实际值, the cap note under the table
    twenty_eighty   F4, 执行率 20 scored 20 × rate (printed as a ratio), no 分值 column
    indicator_only  F7, no 分值 / 得分 and no 总分
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from auditor.issue import KINDS
from auditor.synth import fast as F
from auditor.synth.prose import explained

#: The contract's kinds no injector makes: checked on real reports, not generated ones.
NOT_GENERATED = frozenset(
    (
        "score_inconsistent_with_actual",
        "missing_category",
        "missing_value",
        "unfilled_template",
        "category_misplacement",
        "copied_content",
        "unreadable_input",
        "extraction_incomplete",
    )
)
#: Every kind a generated report may carry: the issue contract's, less those (tests/synth checks it is
#: exactly what the injectors register).
ALL_KINDS = frozenset(KINDS) - NOT_GENERATED
#: Kinds only a prose section (auditor.synth.prose) can show: a report without one never carries them.
PROSE_ONLY = frozenset(("execution_exceeds_budget", "claim_contradiction"))


@dataclass(frozen=True)
class FormSpec:
    """What a form prints and which profile judges it.

    `splits` are the (产出, 效益, 满意度) caps a table of the form may state; `fund_weight`
    the 执行率 weight; `weights` whether each indicator's 分值 is printed; `scored`
    whether scores are printed at all (and so a 总分 and the 自评综述's score and grade);
    `ratio` whether rates are printed as ratios (0.9731, 1); `initial` whether it has a
    年初预算数 column; `kinds` the defects it can carry.
    """

    code: str
    splits: tuple[tuple[int, int, int], ...] = ((50, 30, 10),)
    fund_weight: Decimal = Decimal(10)
    weights: bool = True
    scored: bool = True
    ratio: bool = False
    initial: bool = True  # a 年初预算数 column (so a budget adjusted during the year can show)
    kinds: frozenset = ALL_KINDS


FORMS: dict[str, FormSpec] = {
    f.code: f
    for f in (
        FormSpec("central"),
        FormSpec("central_split"),
        # NOTE: 执行率 10 + 指标 90 split as the table states; (50, 30, 10) too, as many 四川 tables print it
        FormSpec("sichuan", splits=((50, 30, 10), (60, 20, 10), (55, 25, 10), (45, 35, 10), (40, 40, 10), (60, 25, 5))),
        FormSpec("linkage", initial=False),
        # NOTE: no 分值 column: a row's weight shows nowhere, so neither a score above it, nor a weight sum,
        # nor a score short of it (the reason it asks for) can be seen; category scores and 总分 can
        FormSpec(
            "twenty_eighty",
            splits=((40, 30, 10), (50, 20, 10), (40, 20, 20), (45, 25, 10), (50, 25, 5)),
            fund_weight=Decimal(20),
            weights=False,
            ratio=True,
            initial=False,
            kinds=ALL_KINDS - {"category_weight_cap", "missing_deviation_reason"},
        ),
        # NOTE: no weights and no scores: every structural score defect is impossible; the prose states no
        # score or grade (grade_mismatch only in an attached report)
        FormSpec(
            "indicator_only",
            weights=False,
            scored=False,
            initial=False,
            kinds=ALL_KINDS
            - {
                "score_exceeds_weight",
                "category_weight_cap",
                "category_score_cap",
                "total_mismatch",
                "funding_score_formula",
                "missing_deviation_reason",
            },
        ),
    )
}
CODES = tuple(FORMS)


def form_of(code: str) -> FormSpec:
    if code not in FORMS:
        raise ValueError(f"no generated form {code!r}; forms: {', '.join(CODES)}")
    return FORMS[code]


def shares(option) -> dict[str, float] | None:
    """The `form` option as shares to draw from: None for one fixed form (no draw, so a corpus of
    the central form is the same as before forms existed), else {code: share}."""
    if option is None or isinstance(option, str) and option != "mixed":
        form_of(option or "central")
        return None
    if option == "mixed":
        return {code: 1.0 for code in CODES}
    out = {code: float(w) for code, w in dict(option).items() if w}
    for code in out:
        form_of(code)
    if not out:
        raise ValueError("a mixed corpus needs at least one form with a positive share")
    return out


def draw_form(rng: random.Random, option) -> str:
    """The form of one report: fixed, or drawn by the shares of a mixed corpus (seeded)."""
    weights = shares(option)
    if weights is None:
        return option or "central"
    x, acc = rng.random() * sum(weights.values()), 0.0
    for code, w in weights.items():
        acc += w
        if x < acc:
            return code
    return code


_GE = ("≥", "≧", ">=")
_LE = ("≤", "≦", "<=")
_EQ = ("=", "═")


def draw_look(rng: random.Random, code: str) -> dict:
    """One report's printing choices within its form (a department fills one template throughout)."""
    look: dict = {}
    if code in ("central_split", "sichuan"):
        look["ge"], look["le"], look["eq"] = F.pick(rng, _GE), F.pick(rng, _LE), F.pick(rng, _EQ)
        look["bare_actual"] = rng.random() < 0.4  # 512 under 度量单位 人次, not 512人次
    if code == "central_split":
        look["direction"] = rng.random() < 0.3  # 内蒙古: 指标方向 正向/反向 for 指标性质
        look["grade_in_total"] = rng.random() < 0.3  # 总分 | 100 | 95 | 优
    if code == "sichuan":
        look["total_label"] = F.pick(rng, ("合计", "年度资金总额"))
        look["caps_in_labels"] = rng.random() < 0.5  # 产出指标(60分), or only 绩效指标（90分） over them all
    if code == "linkage":
        look["note_in_table"] = rng.random() < 0.3  # the cap note as the table's last row, not a paragraph
        look["own_goal_words"] = rng.random() < 0.5  # 年初设定目标 | 年度总体目标完成情况综述
        # an older template's caps left in the labels (产出指标(70分)): the note is the cap to check against
        look["label_caps"] = (70, 20, 10) if rng.random() < 0.2 else None
    if code == "twenty_eighty":
        look["ratio_places"] = F.pick(rng, (4, 4, 2))  # 0.9731, or 0.97 for 97%
        look["total_weight"] = rng.random() < 0.5  # 总分 | 100 | 93.5, or 总分 | 93.5
        look["total_only"] = rng.random() < 0.4  # only 年度财政资金总额, no source rows
        look["units_in_names"] = rng.random() < 0.5  # 读者满意度(%) | 90 | 93
    if code == "indicator_only":
        look["total_last"] = rng.random() < 0.5  # 合计 under the source rows
    return look


def kinds_for(code: str, look: dict) -> frozenset:
    """The defect kinds a report of this form, printed this way, can show a reader (with a prose
    section: `kinds_of` says which one report can)."""
    kinds = form_of(code).kinds
    if code == "sichuan" and not look.get("caps_in_labels"):
        kinds = kinds - {"category_weight_cap", "category_score_cap"}  # no 一级 cap is stated anywhere
    if code == "twenty_eighty" and look.get("total_only"):
        kinds = kinds - {"funding_sum_mismatch"}  # no source rows to add up
    return kinds


def kinds_of(report, prose_kinds: frozenset = frozenset()) -> frozenset:
    """The defect kinds one report can show: its form's, less those only a prose section shows when it
    has none; with a section, also the kinds its injectors put there (`prose_kinds`, whatever the form),
    less spending above the budget where the report's words explain such spending (an adjusted budget)."""
    kinds = kinds_for(report.form, report.look)
    if report.prose is None:
        return kinds - PROSE_ONLY
    kinds = kinds | frozenset(prose_kinds)
    if explained(report):
        return kinds - {"execution_exceeds_budget"}
    return kinds
