"""Which part of a prose report's outline a paragraph stands in: the results, or not."""

from __future__ import annotations

from auditor.document import Locator, Paragraph
from auditor.recognise.outline import parts


def _parts(lines: list[str]) -> list[str | None]:
    return parts([Paragraph(text, Locator(line=n + 1)) for n, text in enumerate(lines)])


def test_paragraphs_under_a_results_heading_are_results_and_targets_are_not():
    lines = [
        "关于2023年度某项转移支付资金绩效的自评报告",
        "一、绩效目标分解下达情况",
        "质量指标：不合格比例≤0%。",
        "二、绩效目标完成情况分析",
        "（三）绩效指标完成情况分析。",
        "采购装备不合格比例为0%。",
        "三、偏离绩效目标的原因和下一步改进措施",
        "无。",
    ]
    assert _parts(lines) == [None, None, None, None, "results", "results", None, None]


def test_a_results_heading_inside_a_targets_section_is_not_trusted():
    lines = ["一、绩效目标设定情况", "（一）指标完成情况", "合格率≥95%。"]
    assert _parts(lines) == [None, None, None]
