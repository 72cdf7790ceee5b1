"""What chose the rules of a server is named in what it answers, as `auditor check` names it in its reports."""

from __future__ import annotations

import httpx
import pytest

from auditor.config import Config
from auditor.serve import Settings, create_app

from .server import running


@pytest.fixture(scope="module")
def narrowed(tmp_path_factory):
    """A server whose settings leave the score rules out, as an `ignore = scores` in ./auditor.cfg would."""
    config = Config(ignore=["scores"], files=["auditor.cfg"], origins={"ignore": "auditor.cfg"})
    settings = Settings(workers=0, warm=False, tmp_root=tmp_path_factory.mktemp("s"))
    with running(create_app(config, config.ruleset(), settings)) as base:
        yield base


def test_the_json_and_the_reports_name_the_config_and_the_rules_it_left_out(narrowed, sample_path):
    files = [("files", ("report.txt", sample_path.read_bytes()))]
    contract = httpx.post(narrowed + "/api/check", files=files, timeout=120).json()["auditor"]
    assert contract["config"] == ["auditor.cfg"] and contract["rules_run"] < contract["rules_total"]
    assert {d["rule"] for d in contract["deselected"]} >= {"SCORE_LE_WEIGHT"}
    assert {d["from"] for d in contract["deselected"]} == {"auditor.cfg"}
    review = httpx.post(narrowed + "/api/review", files=files, timeout=120).json()
    page = httpx.get(narrowed + review["downloads"]["html"], timeout=120).text
    assert "配置文件 auditor.cfg" in page and "ignore = scores（auditor.cfg）" in page and "SCORE_LE_WEIGHT" in page


def test_a_plain_server_answers_the_plain_contract(base_url, sample_path):
    """Nothing left out: the JSON stays byte for byte what a plain `auditor check --format json` prints."""
    files = [("files", ("report.txt", sample_path.read_bytes()))]
    block = httpx.post(base_url + "/api/check", files=files, timeout=120).json()["auditor"]
    assert set(block) == {"version", "rules"}
