"""CSV for Excel users and SARIF for code-scanning tools."""

from __future__ import annotations

import csv
import io
import json

from auditor.render.csv import render as render_csv
from auditor.render.rows import COLUMNS, headings
from auditor.render.sarif import as_dict, uri
from auditor.render.sarif import render as render_sarif

from .conftest import HR, made_result


def test_csv_has_a_bom_and_one_row_per_issue(result):
    data = render_csv(result, "zh").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == headings("zh") and len(rows) == 1 + len(result.issues)
    first = dict(zip(COLUMNS, rows[1]))
    assert first["document"] == HR and first["department"] == "人社局" and first["found"] == "85"
    assert first["location_json"] == '{"table":1,"row":"年度资金总额","column":"得分"}'
    assert data.count(b"\r\n") == len(rows)


def test_csv_defuses_formulas_but_keeps_signed_numbers(result):
    rows = list(csv.reader(io.StringIO(render_csv(result, "zh").lstrip("\ufeff"))))
    evidence = COLUMNS.index("evidence")
    assert rows[4][evidence].startswith("'=HYPERLINK")
    signed = dict(zip(COLUMNS, rows[7]))
    assert (signed["expected"], signed["found"]) == ("-5", "+3.5%")


def test_csv_english_headings(result):
    assert render_csv(result, "en").splitlines()[0] == "\ufeff" + ",".join(headings("en"))


def test_sarif_structure_levels_and_locations(result):
    log = json.loads(render_sarif(result, "en"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auditor" and driver["version"] == "0.1.0"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(dict.fromkeys(i.rule for i in result.issues))
    assert {r["id"]: r["properties"]["kind"] for r in rules}["TYPO"] == "typo"
    results = run["results"]
    assert len(results) == len(result.issues)
    assert [r["level"] for r in results] == [
        {"error": "error", "warning": "warning", "info": "note"}[i.severity] for i in result.issues
    ]
    for r, issue in zip(results, result.issues):
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"] == issue.rule
        assert r["message"]["text"] == issue.message_in("en")
        physical = r["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == uri(issue.doc)
        assert ("region" in physical) == (issue.location.line is not None)
        assert r["properties"]["location"] == issue.location.as_dict()
    assert results[6]["locations"][0]["physicalLocation"]["region"] == {"startLine": 9}
    assert all(set(r) >= {"ruleId", "level", "message", "locations"} for r in results)
    assert len({r["partialFingerprints"]["auditorIssue/v1"] for r in results}) == len(results)


def test_sarif_uri_is_a_valid_reference():
    assert uri("data_samples/report-2023.txt") == "data_samples/report-2023.txt"
    assert uri("reports\\人社局\\a b.docx") == "reports/%E4%BA%BA%E7%A4%BE%E5%B1%80/a%20b.docx"


def test_sarif_of_nothing_is_still_a_valid_run():
    from auditor.result import AuditResult

    log = as_dict(AuditResult([], [], "0", "r"))
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_artifacts_list_every_document():
    log = as_dict(made_result())
    assert [a["properties"]["status"] for a in log["runs"][0]["artifacts"]] == ["ok", "ok", "ok", "unreadable"]
