"""The validator: one suite per entity for the whole batch, crashes contained, profiles detected per table."""

from decimal import Decimal

from auditor.engine.profiles import assign_caps
from auditor.engine.validate import validate
from auditor.ruleset.loader import RuleSet, load_ruleset
from auditor.tabulate import frame_from_rows

RULESET = load_ruleset()


def test_a_rule_that_fails_to_run_becomes_an_issue_and_the_others_still_run():
    broken = RULESET.get("SCORE_LE_WEIGHT").model_copy(update={"left": "no_such_column", "code": "BROKEN_RULE"})
    good = RULESET.get("TOTAL_WEIGHT_100")
    ruleset = RuleSet(rules=[broken, good], profile=RULESET.profile, lexicons=RULESET.lexicons)
    frames = {
        "funding": frame_from_rows("funding", [{"doc": "a.txt", "score": "85", "weight": "10"}]),
        "scores": frame_from_rows("scores", [{"doc": "a.txt", "role": "total", "weight": "90"}]),
    }
    issues = validate(frames, ruleset)
    crashed = [i for i in issues if i.rule == "BROKEN_RULE"]
    assert len(crashed) == 1 and crashed[0].doc == "a.txt" and "BROKEN_RULE" in crashed[0].message
    assert [i.rule for i in issues if i.rule != "BROKEN_RULE"] == ["TOTAL_WEIGHT_100"]


def test_each_entity_is_validated_once_for_all_documents(monkeypatch):
    from great_expectations.validator.v1_validator import Validator

    calls = []
    original = Validator.validate_expectation_suite
    monkeypatch.setattr(
        Validator, "validate_expectation_suite", lambda self, *a, **k: calls.append(1) or original(self, *a, **k)
    )
    rows = [{"doc": f"{n}.txt", "score": "85", "weight": "10"} for n in range(50)]
    issues = validate(
        {"funding": frame_from_rows("funding", rows)},
        RuleSet(rules=[RULESET.get("SCORE_LE_WEIGHT")], profile=RULESET.profile),
    )
    assert len(calls) == 1 and len(issues) == 50
    assert sorted({i.doc for i in issues}) == sorted(f"{n}.txt" for n in range(50))


def scores(caps: dict[str, str]):
    rows = [{"doc": "a.txt", "table": 1, "role": "category", "category": c, "weight": w} for c, w in caps.items()]
    return assign_caps(frame_from_rows("scores", rows), RULESET.profile, RULESET.profiles)


def test_profile_detected_from_the_caps_a_table_states():
    hubei = scores({"产出": "40", "效益": "30", "执行率": None})
    assert set(hubei["profile"]) == {"hubei"}
    assert hubei.loc[hubei["category"] == "执行率", "default_cap"].item() == Decimal(20)
    cost = scores({"成本": "20", "产出": "40", "效益": None})
    assert set(cost["profile"]) == {"cost_category"}
    assert cost.loc[cost["category"] == "效益", "default_cap"].item() == Decimal(20)


def test_no_stated_caps_keep_the_chosen_profile():
    assert set(scores({"产出": None})["profile"]) == {"national"}


def test_caps_no_profile_has_are_judged_as_stated_and_never_against_one_profile():
    unmatched = scores({"产出": "45", "效益": None})
    assert set(unmatched["profile"]) == {"unmatched"}  # CAP_PROFILE warns of it
    assert list(unmatched["default_cap"]) == [None, None]  # no profile's cap fills the 效益 it does not state


def test_a_form_that_names_its_profile_is_judged_by_it_alone():
    rows = [
        {"doc": "a.txt", "table": 1, "role": "category", "category": c, "weight": w, "form_profile": "sichuan"}
        for c, w in (("产出", "40"), ("效益", "40"), ("执行率", None))
    ]
    caps = assign_caps(frame_from_rows("scores", rows), RULESET.profile, RULESET.profiles)
    assert set(caps["profile"]) == {"sichuan"}  # 产出 40 agrees with hubei, but this is a 四川 table
    assert caps.loc[caps["category"] == "执行率", "default_cap"].item() == Decimal(10)


def test_hubei_table_is_not_held_to_national_caps(sample_path, tmp_path):
    """A Hubei-style table states 产出指标(40分) and weighs the execution rate 20: no category alarm."""
    from auditor.pipeline import audit

    text = sample_path.read_text(encoding="utf-8")
    table = text[text.index("\t项目支出绩效自评表", text.index("城乡居民基本养老保险项目绩效自评综述")) :]
    rows = table.split("\n")
    assert rows[0].startswith("\t项目支出绩效自评表")
    edits = [
        ("(50分)", "(40分)"),
        ("增加数量\n\t100%\n\t100%\n\t15\n\t15\n", "增加数量\n\t100%\n\t100%\n\t5\n\t5\n"),
        ("\t900\n\t900\n\t760.2160\n\t10\n", "\t900\n\t900\n\t760.2160\n\t20\n"),
    ]
    hubei = table
    for old, new in edits:
        assert old in hubei, old
        hubei = hubei.replace(old, new, 1)
    path = tmp_path / "hubei.txt"
    path.write_text(hubei, encoding="utf-8")
    result = audit([str(path)], ruleset=RULESET)
    caps = [i for i in result.issues if i.kind == "category_weight_cap"]
    assert caps == [], [i.message for i in caps]


def test_an_expectations_kept_configuration_follows_its_fields_and_copies():
    """The configuration is built once for speed; a field set later (GX sets `id`) or a copy must not see a stale one."""
    import copy

    from auditor.engine import expectations as X

    expectation = X.ExpectAuditorCompare(
        column_list=["score", "weight"], left="score", op="<=", right="weight", meta={"rule": "R"}
    )
    first = expectation.configuration
    assert expectation.configuration is first
    expectation.id = "id-1"
    assert expectation.configuration.id == "id-1"
    twin = copy.copy(expectation)  # GX's copy clears the id
    assert twin.id is None and twin.configuration.id is None
    assert expectation.configuration.id == "id-1"


def test_row_conditions_select_the_same_rows_for_every_frame():
    """Rows kept per row condition belong to one frame: the next batch, with other rows, gets its own."""
    ruleset = RuleSet(rules=[RULESET.get("FUNDING_WEIGHT_CELLS")], profile=RULESET.profile)

    def docs(rows):
        return sorted(i.doc for i in validate({"funding": frame_from_rows("funding", rows)}, ruleset))

    assert docs(
        [{"doc": "a.txt", "kind": "current", "weight": "10"}, {"doc": "b.txt", "kind": "total", "weight": "10"}]
    ) == ["a.txt"]
    assert docs(
        [
            {"doc": "c.txt", "kind": "total", "weight": "10"},
            {"doc": "d.txt", "kind": "other", "weight": "10"},
            {"doc": "e.txt", "kind": "carryover", "weight": None},
        ]
    ) == ["d.txt"]


def test_the_gx_context_is_made_once_per_process():
    """A server validates request after request; a new GX context and data source each time cost seconds."""
    from auditor.engine.validate import gx_context

    assert gx_context() is gx_context()


def test_a_failing_groups_sum_is_its_own_among_many_groups():
    """Each failing 总分 row is described by its own table's sum, whatever other tables the batch holds."""
    tables = {("0.txt", 1): ("100", ["60", "40"]), ("1.txt", 1): ("100", ["60", "30.5"])}
    tables.update({("2.txt", 1): ("90", ["50", "40"]), ("2.txt", 2): ("80", ["70", "20"])})
    rows = []
    for (doc, table), (stated, items) in tables.items():
        rows.append({"doc": doc, "table": table, "role": "total", "weight": stated})
        rows += [{"doc": doc, "table": table, "role": "indicator", "weight": w} for w in items]
    issues = validate(
        {"scores": frame_from_rows("scores", rows)},
        RuleSet(rules=[RULESET.get("TOTAL_WEIGHT_SUM")], profile=RULESET.profile, lexicons=RULESET.lexicons),
    )
    assert sorted((i.doc, i.found, i.expected) for i in issues) == [("1.txt", "100", "90.5"), ("2.txt", "80", "90")]


def test_every_word_of_a_lexicon_is_found_and_nothing_else():
    """A lexicon rule compiles to one pattern of all its words: each misspelling is still a finding of its own."""
    from auditor.ruletypes.require import lexicon_words

    words = lexicon_words(RULESET.lexicons["typos"])
    texts = [f"本年度{w}达到目标" for w in words] + ["本年度合规率达到目标", f"{words[0]}与{words[-1]}"]
    rows = [{"doc": "a.txt", "field": "paragraph", "text": t} for t in texts]
    issues = validate(
        {"texts": frame_from_rows("texts", rows)},
        RuleSet(rules=[RULESET.get("TYPO")], profile=RULESET.profile, lexicons=RULESET.lexicons),
    )
    found = {i.location.line: i.found for i in issues}
    assert sorted(found) == [n for n in range(1, len(texts) + 1) if n != len(words) + 1]
    assert [found[n] for n in range(1, len(words) + 1)] == words
