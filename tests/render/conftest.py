"""A hand-made AuditResult with what makes renderers go wrong: markup and formulas in evidence,
Chinese paths, several departments, an unreadable file, every severity and locator form.

Built by hand (not by running the rules) so the renderer tests pin exact counts and stay
independent of rule changes; tests that need the real pipeline say so.
"""

from __future__ import annotations

import pytest

from auditor.document import Locator
from auditor.issue import Issue
from auditor.result import AuditResult, DocumentResult

HR = "reports/人社局/2023年度自评.docx"
FIN = "reports/财政局/自评表.xlsx"
FIN2 = "reports/财政局/second.txt"
BROKEN = "reports/财政局/broken.pdf"
SCRIPT = "<script>alert('x')</script> 讲的是医疗保险 & <b>粗</b>"


def issue(doc, rule, kind, severity, loc, project=None, expected=None, found=None, evidence=None, zh="", en=""):
    zh = zh or f"{rule} 的问题"
    return Issue(
        doc=doc,
        rule=rule,
        kind=kind,
        severity=severity,
        message=zh,
        messages={"zh": zh, "en": en or f"{rule} issue"},
        location=loc,
        project=project,
        expected=expected,
        found=found,
        evidence=evidence,
    )


def made_issues() -> list[Issue]:
    return [
        issue(
            HR,
            "SCORE_LE_WEIGHT",
            "score_exceeds_weight",
            "error",
            Locator(table=1, row="年度资金总额", column="得分"),
            "城乡居民基本养老保险",
            "<= 10",
            "85",
            "年度资金总额： 900 900 760.2160 10 75.00% 85",
            zh="得分 85 超过分值 10",
            en="score 85 exceeds its weight 10",
        ),
        issue(
            HR,
            "FUNDING_RATE",
            "execution_rate_mismatch",
            "error",
            Locator(table=1, row="年度资金总额", column="执行率"),
            "城乡居民基本养老保险",
            "84.47%",
            "75.00%",
            "年度资金总额： 900 900 760.2160 10 75.00% 85",
        ),
        issue(
            HR,
            "PROJECT_TOPIC",
            "project_topic_mismatch",
            "warning",
            Locator(paragraph=3, column="自评综述"),
            "城乡居民基本养老保险",
            "养老保险",
            "医疗保险",
            SCRIPT,
        ),
        issue(
            FIN,
            "TOTAL_SCORE_SUM",
            "total_mismatch",
            "error",
            Locator(sheet="自评表", cell="G30"),
            "老字号",
            "90",
            "100",
            '=HYPERLINK("x","总分") 100 100',
        ),
        issue(
            FIN,
            "FUNDING_RATE",
            "execution_rate_mismatch",
            "error",
            Locator(sheet="自评表", cell="G8"),
            "老字号",
            "97.31%",
            "100%",
            "年度资金总额 680 680 661.7252 10 100% 10",
        ),
        issue(
            FIN,
            "TYPO",
            "typo",
            "info",
            Locator(sheet="自评表", cell="D12"),
            "老字号",
            "合规率",
            "合规律",
            "经费支出合规律",
        ),
        issue(
            FIN2,
            "NARRATIVE_RATE",
            "execution_rate_mismatch",
            "warning",
            Locator(line=9),
            None,
            "-5",
            "+3.5%",
            "完成预算的+3.5%",
        ),
        issue(
            BROKEN,
            "READ_FILE",
            "unreadable_input",
            "error",
            Locator(line=1),
            None,
            None,
            "encrypted",
            "the file is encrypted",
        ),
    ]


def made_result() -> AuditResult:
    documents = [
        DocumentResult(doc=HR, format="docx", projects=["城乡居民基本养老保险"]),
        DocumentResult(doc=FIN, format="xlsx", projects=["老字号"], department="财政局"),
        DocumentResult(doc=FIN2, format="txt"),
        DocumentResult(doc=BROKEN, format="pdf", status="unreadable", reason="the file is encrypted"),
    ]
    return AuditResult(documents=documents, issues=made_issues(), version="0.1.0", rules_version="national-test")


@pytest.fixture()
def result() -> AuditResult:
    return made_result()


# Coverage (issue contract `coverage`), by hand: a document read partly, one with nothing checkable and no
# issue (it must not read as clean), one read in full with no issue, and an unreadable one (coverage None).
PARTLY = "reports/人社局/2023年度自评.docx"
BLANK = "reports/教育局/空白.docx"
FULL = "reports/财政局/自评表.xlsx"
MARKUP_PROJECT = "就业补助<b>资金</b> & 培训"


def full_block(table: int, project: str, form: str = "central") -> dict:
    return {
        "table": table,
        "project": project,
        "form": form,
        "header": "full",
        "funding": "full",
        "goals": "full",
        "indicators": "full",
        "total": "full",
    }


def covered_result() -> AuditResult:
    partly = {
        "tables": 2,
        "tables_full": 1,
        "indicators": 18,
        "claims": 3,
        "forms": ["central", "sichuan"],
        "blocks": [
            full_block(1, "城乡居民基本养老保险"),
            {
                "table": 2,
                "project": MARKUP_PROJECT,
                "form": "sichuan",
                "header": "full",
                "funding": "partial",
                "goals": "full",
                "indicators": "partial",
                "total": "none",
            },
        ],
    }
    blank = {"tables": 0, "tables_full": 0, "indicators": 0, "claims": 0, "forms": [], "blocks": []}
    full = {
        "tables": 1,
        "tables_full": 1,
        "indicators": 9,
        "claims": 0,
        "forms": ["central"],
        "blocks": [full_block(1, "老字号")],
    }
    documents = [
        DocumentResult(doc=PARTLY, format="docx", projects=["城乡居民基本养老保险", MARKUP_PROJECT], coverage=partly),
        DocumentResult(doc=BLANK, format="docx", coverage=blank),
        DocumentResult(doc=FULL, format="xlsx", projects=["老字号"], department="财政局", coverage=full),
        DocumentResult(doc=BROKEN, format="pdf", status="unreadable", reason="the file is encrypted"),
    ]
    issues = [
        issue(
            PARTLY,
            "SCORE_LE_WEIGHT",
            "score_exceeds_weight",
            "error",
            Locator(table=1, row="年度资金总额", column="得分"),
            "城乡居民基本养老保险",
            "<= 10",
            "85",
            "年度资金总额： 900 900 760.2160 10 75.00% 85",
            zh="得分 85 超过分值 10",
            en="score 85 exceeds its weight 10",
        ),
        issue(
            BROKEN,
            "READ_FILE",
            "unreadable_input",
            "error",
            Locator(line=1),
            None,
            None,
            "encrypted",
            "the file is encrypted",
        ),
    ]
    return AuditResult(documents=documents, issues=issues, version="0.1.0", rules_version="national-test")
