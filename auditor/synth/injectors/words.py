"""Injectors for defects in a project's words: its subject, its name, its year, its spelling."""

from __future__ import annotations

import random
import re

from auditor.synth.indicators import fill
from auditor.synth.injectors.defect import Defect, injects
from auditor.synth.injectors.helpers import free_projects, pick, restate_after
from auditor.synth.model import Project, Report
from auditor.synth.vocab import MEASURES, TOPICS, TYPOS, Topic

_PART = {
    "table": "自评表",
    "goal": "年度总体目标",
    "attachment": "评价报告",
    "narrative": "自评综述",
    "opening": "开篇",
}


def _topic(p: Project) -> Topic:
    return next(t for t in TOPICS if t.key == p.topic)


@injects("project_topic_mismatch")
def project_topic_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A project's goal, summary sentence or own 数量 indicator taken from another subject's
    template (the sample's 老字号 whose goal is 城乡医疗救助), figures kept the project's own."""
    p = pick(rng, free_projects(r, taken))
    if p is None:
        return None
    mine = _topic(p)
    families = {_topic(q).family for q in r.projects}
    others = [t for t in TOPICS if t.family not in families]
    where = rng.choice(("goal", "narrative", "indicator"))
    if where == "goal":
        other = rng.choice(others)
        goal = other.goal.format(year=p.year, budget=p.total.budget)
        p.goal = text = goal if p.total.initial == p.total.budget else re.sub(r"^[^，]*万元，", "", goal)
        part = "预期目标"
    elif where == "narrative":
        other = rng.choice(others)
        p.narrative.achievement = text = other.achievement
        part = "自评综述"
    else:  # only a foreign indicator that names its subject is evidence of the wrong template
        other, spec = rng.choice(
            [(t, s) for t in others for s in t.specs if s.level2 == "数量指标" and any(k in s.name for k in t.keywords)]
        )
        row = next(i for i in p.scored() if i.topical and i.level2 == "数量指标")
        new = fill(rng, spec, p, False)
        row.name, row.target, row.actual, row.kind = new.name, new.target, new.actual, new.kind
        text = new.name
        if row.score < row.weight:
            row.score, row.reason = row.weight, ""
            restate_after(r, p)
        part = "三级指标"
    word = next(k for k in other.keywords if k in text)
    return Defect(
        "project_topic_mismatch",
        p.name,
        f"“{p.name}”的{part}讲的是{other.name}",
        word,
        mine.keywords[0],
        where="narrative" if where == "narrative" else "table",
    )


@injects("project_name_mismatch")
def project_name_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """One mention of a project uses a near-identical other name (城乡居民养老保险 for
    城乡居民基本养老保险): in its 自评综述, in the opening list, or in its attached report."""
    options = ["narrative", "opening"] + (["attachment"] if r.attachment and r.attachment.project not in taken else [])
    where = rng.choice(options)
    p = r.project(r.attachment.project) if where == "attachment" else pick(rng, free_projects(r, taken))
    if p is None:
        return None
    variant = _topic(p).variant
    if where == "narrative":
        p.narrative.name = variant
    elif where == "opening":
        r.listed[r.listed.index(p.name)] = variant
    else:
        r.attachment.name = variant
    return Defect(
        "project_name_mismatch",
        p.name,
        f"{_PART[where]}中称“{variant}”，自评表项目名称为“{p.name}”",
        variant,
        p.name,
        where=where,
    )


@injects("year_mismatch")
def year_mismatch(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """Last year's text left in: the table's （YYYY年度）, the goal's "YYYY年", or the whole
    attached report (as in the sample, a 2022 evaluation inside the 2023 report)."""
    options = ["table", "goal"] + (["attachment"] if r.attachment and r.attachment.project not in taken else [])
    where = rng.choice(options)
    p = r.project(r.attachment.project) if where == "attachment" else pick(rng, free_projects(r, taken))
    if p is None:
        return None
    old = r.year - 1
    if where == "goal" and f"{r.year}年" in p.goal:
        p.goal = p.goal.replace(f"{r.year}年", f"{old}年", 1)
    elif where == "attachment":
        r.attachment.year = old
    else:
        where, p.year = "table", old
    return Defect(
        "year_mismatch",
        p.name,
        f"{_PART[where]}写{old}年，报告为{r.year}年度",
        str(old),
        str(r.year),
        where="attachment" if where == "attachment" else "table",
    )


@injects("typo")
def typo(r: Report, rng: random.Random, taken: set) -> Defect | None:
    """A known misspelling (合规律 for 合规率) in one indicator name or one sentence."""
    spots = []
    for p in free_projects(r, taken):
        holders = [(row, "name") for row in p.indicators] + [(p, "goal"), (p, "goal_actual")]
        holders += [(p.narrative, a) for a in ("achievement", "problem", "measure")]
        spots += [(p, h, a, right) for h, a in holders for right in TYPOS if right in getattr(h, a)]
    if not spots:
        p = pick(rng, free_projects(r, taken))
        if p is None:
            return None
        p.narrative.measure = MEASURES[-1]  # a clean sentence with 拨付 in it, then misspelt
        spots = [(p, p.narrative, "measure", "拨付")]
    p, holder, attr, right = rng.choice(spots)
    setattr(holder, attr, getattr(holder, attr).replace(right, TYPOS[right], 1))
    where = "narrative" if holder is p.narrative else "table"
    return Defect("typo", p.name, f"“{TYPOS[right]}”应为“{right}”", TYPOS[right], right, where=where)
