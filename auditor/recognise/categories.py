"""Which 一级 category an indicator row is in, and whether it is filed under another.

The 一级 cell says it, or its scrambled letters; where it says nothing, the 二级 name does
(forms.md "Categories"). The words are the form's own (`categories`, `level2_categories`).
"""

from __future__ import annotations

from auditor.recognise import headers as H
from auditor.recognise.cells import CAP_SUFFIX
from auditor.recognise.records import IndicatorRow, ProjectTable, clean
from auditor.ruleset.forms import Form


def is_level1_name(text: str, form: Form) -> bool:
    """Whether a cell is a 一级 label: a category's own name (产出指标, 满意度指标(10分)), a stated cap, scrambled letters."""
    bare = CAP_SUFFIX.sub("", text)
    if bare.endswith("指标"):
        bare = bare[:-2]
    if bare in form.categories and bare != "成本":  # NOTE: 成本指标 is a 二级 of 产出 in most forms
        return True
    return bool(H.stated_cap(text) and not has_level2_word(text, form)) or bool(H.category_of_scrambled(text))


def has_level2_word(text: str, form: Form) -> bool:
    return any(w in text for w in form.level2_categories)


def own_category(form: Form, level1: str) -> str | None:
    l1 = clean(level1)
    return next((c for w, c in form.categories.items() if w in l1), None) or H.category_of_scrambled(l1)


def misfiled_under_merge(rows: list[tuple[IndicatorRow, bool, str | None]], result: ProjectTable) -> None:
    """A row under a merged 一级 whose 二级 names another category, with rows of the merged one after it.

    A blank 一级 cell is either a merge (the row belongs to the 一级 above) or
    a 一级 left out (the row starts its own category). The rows after it
    tell: where the block returns to the 一级 above before the next printed
    一级 (经济效益 among 产出's 数量/时效/成本 rows), the row was filed there and
    is misplaced; where it does not (社会效益 after the last 产出 row, then
    满意度), it starts its own category.
    """
    for i, (row, printed, carried) in enumerate(rows):
        if printed or carried is None or row.category in (None, carried):
            continue
        for later, later_printed, _ in rows[i + 1 :]:
            if later_printed:
                break
            if later.category == carried:
                result.misplaced.append((row, row.category))
                row.category = carried  # NOTE: summed where the table files it; the misfiling is its own finding
                break


def categorise(form: Form, level1: str, level2: str, printed: bool) -> tuple[str | None, str | None]:
    """The row's 一级 category and, where its 二级 says another, that one (a misfiled indicator).

    Read from the 一级 text by the form's words, or its letters when OCR
    scrambled them (出标产指); from the 二级 name when the 一级 says nothing
    (blank, merged away, '(50分)'). A 一级 carried down from a merged cell
    above is not the row's own: where its 二级 names another category, the
    row starts that category.
    """
    l1, l2 = clean(level1), clean(level2)
    own = next((c for w, c in form.categories.items() if w in l1), None) or H.category_of_scrambled(l1)
    implied = next((c for w, c in form.level2_categories.items() if w in l2), None)
    if own is None:
        return implied, None
    if implied is None or implied == own or (own == "成本" and implied == "产出"):
        return own, None
    if not printed:
        return implied, None
    return own, implied
