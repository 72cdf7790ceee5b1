"""What an indicator measures, as far as a rule needs it: an amount printed in % above all."""

from __future__ import annotations

import pytest

from auditor.tabulate import indicator_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("新型经营主体实现产值(%)", "amount_percent"),
        ("带动农户增加收入（％）", "amount_percent"),
        ("产值增长率(%)", None),  # a rate is a percentage by right
        ("销售收入占比(%)", None),
        ("农户收入增长(%)", None),
        ("实现产值(万元)", None),
        ("销售收入同比(%)", None),
        ("营业收入完成计划(%)", None),
        ("村集体经济收入较上年（%）", None),
        ("年度产值完成(%)", None),
        ("项目总成本", "total_cost"),
        ("群众满意度(%)", "satisfaction"),
    ],
)
def test_an_amount_printed_in_percent_is_told_from_a_rate(name, kind):
    assert indicator_kind(name) == kind
