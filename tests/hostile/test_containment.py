"""A bug met on one odd file or in one rule costs that file or that rule, never the batch.

The broken-file corpus finds the bugs we could think of; these tests inject
the ones we could not (a recogniser or a rule's description crashing) and pin
the fixes for the ones the corpus and the fuzzers found.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import auditor.digest
import auditor.engine.validate
from auditor.numbers import fmt
from auditor.pipeline import audit
from auditor.read import safety
from auditor.recognise import recognise

from .corpus import SAMPLE


def _sample_issues(result, name: str) -> list[tuple]:
    return [(i.rule, i.location, i.found) for i in result.issues if Path(i.doc).name == name]


def test_a_recogniser_crash_costs_one_file(tmp_path, monkeypatch, ruleset, sample_result):
    odd = tmp_path / "odd.txt"
    odd.write_text("奇怪的文件\n", encoding="utf-8")

    def fragile(doc, forms=None):
        if doc.path.endswith("odd.txt"):
            raise ValueError("a recogniser bug")
        return recognise(doc, forms)

    monkeypatch.setattr(auditor.digest, "recognise", fragile)
    result = audit([str(odd), str(SAMPLE)], ruleset=ruleset, jobs=1)
    status = {Path(d.doc).name: (d.status, d.reason) for d in result.documents}
    assert status["odd.txt"][0] == "unreadable"
    assert "could not recognise" in status["odd.txt"][1] and "a recogniser bug" in status["odd.txt"][1]
    assert _sample_issues(result, SAMPLE.name) == _sample_issues(sample_result, SAMPLE.name)


def test_a_crash_while_describing_one_rule_costs_that_rule(monkeypatch, ruleset, sample_result):
    describe = auditor.engine.validate.make_issues

    def fragile(rule, *args):
        if rule.code == "SCORE_LE_WEIGHT":
            raise ArithmeticError("a describe bug")
        return describe(rule, *args)

    monkeypatch.setattr(auditor.engine.validate, "make_issues", fragile)
    result = audit([str(SAMPLE)], ruleset=ruleset, jobs=1)
    crashed = [i for i in result.issues if i.rule == "SCORE_LE_WEIGHT"]
    assert crashed and all("a describe bug" in i.message for i in crashed)
    others = [(i.rule, i.location) for i in sample_result.issues if i.rule != "SCORE_LE_WEIGHT"]
    assert [(i.rule, i.location) for i in result.issues if i.rule != "SCORE_LE_WEIGHT"] == others


def test_fmt_takes_figures_longer_than_the_decimal_context():
    """quantize() raised InvalidOperation past 28 digits, which ended a whole batch while describing issues."""
    assert fmt(Decimal("9" * 40), 2) == "9" * 40 + ".00"
    assert fmt(Decimal("2.345"), 2) == "2.35" and fmt(Decimal("12.5"), 0) == "13"


def test_long_utf8_text_cut_inside_a_character_is_still_text(tmp_path):
    """The sniffer reads 64 KB; a cut inside a 3-byte character made two reports in three 'binary'."""
    for shift in range(3):
        path = tmp_path / f"long{shift}.txt"
        path.write_bytes(b"a" * shift + "预算绩效".encode() * (safety.SNIFF_BYTES // 12 + 10))
        assert safety.sniff(path) == "text", shift
    gbk = tmp_path / "long.gbk.txt"
    gbk.write_bytes(b"a" + "预算绩效".encode("gbk") * (safety.SNIFF_BYTES // 8 + 10))
    assert safety.sniff(gbk) == "text"
