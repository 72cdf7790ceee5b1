"""End to end on the bundled sample: the issue list reviewed by hand (tests/golden/README.md)."""

import json
from pathlib import Path

from auditor.pipeline import audit
from auditor.render.json import as_dict

GOLDEN = Path(__file__).parent / "golden"


def test_sample_matches_reviewed_issue_list(monkeypatch, ruleset):
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    for golden in sorted(GOLDEN.glob("*.json")):
        sample = f"data_samples/{golden.stem}.txt"
        got = as_dict(audit([sample], ruleset=ruleset))
        got.pop("auditor")
        expected = json.loads(golden.read_text(encoding="utf-8"))
        assert got["documents"] == expected["documents"]
        assert [(i["rule"], i["location"]) for i in got["issues"]] == [
            (i["rule"], i["location"]) for i in expected["issues"]
        ]
        assert got == expected


def test_sample_findings_named_by_users(sample_result):
    """The findings the people who asked for auditor named on this report, stated independently of the golden file."""
    found = {(i.kind, i.project, i.expected, i.found) for i in sample_result.issues}
    pension, brand = "城乡居民基本养老保险", "老字号"
    assert ("score_exceeds_weight", pension, "<= 10", "85") in found
    assert ("category_weight_cap", brand, "30", "20") in found
    assert ("total_mismatch", brand, "90", "100") in found
    assert ("narrative_table_mismatch", pension, "97.5", "100") in found
    assert ("execution_rate_mismatch", pension, "84.47%", "75.00%") in found
    assert ("execution_rate_mismatch", brand, "97.31%", "100%") in found
    topics = {i.project for i in sample_result.issues if i.kind == "project_topic_mismatch"}
    assert topics == {pension, brand}
