"""The attached 绩效评价报告, written as in the sample: numbered chapters, scored sections.

Every figure it states (总体得分, section and subsection scores, 预算/执行/执行率) restates the
project's table, so a clean report has no G-SECTIONS or G-NARRATIVE finding here.
"""

from __future__ import annotations

from auditor.synth.model import Attachment, Report, Section, plain
from auditor.synth.vocab import TOPICS

_PROCESS = {
    "项目立项": "成立了项目工作领导小组，年度目标任务细化分解到责任单位，层层压实责任，确保项目按计划推进。",
    "项目管理": "严格执行项目管理制度，定期召开专题会议研究项目进展情况，明确任务，突出重点，扎实推进各项工作。",
    "财务管理": "建立健全财务管理制度，专款专用，不存在截留、挤占、挪用项目资金的情况，会计核算规范。",
    "产出数量": "项目各项产出数量指标按计划完成。",
    "产出质量": "项目实施质量符合相关标准和要求。",
    "产出时效": "项目各项任务按时间节点推进。",
    "社会效益": "项目实施取得了良好的社会效益。",
    "服务对象满意度": "服务对象对项目实施情况总体满意。",
}


def _section_title(number: str, s: Section, full_width: bool) -> str:
    left, right = ("（", "）") if full_width else ("(", ")")
    return f"（{number}）{s.title}{left}分值{plain(s.weight)}分，自评得分{plain(s.score)}分{right}"


def render_attachment(a: Attachment, r: Report) -> list[str]:
    """The reference paragraph in the main text, then the report itself."""
    p = r.project(a.project)
    topic = next(t for t in TOPICS if t.key == p.topic)
    finance = r.district + "财政局"
    title = f"{a.year}年度{a.name}项目绩效评价报告"
    out = [
        f"《{title}》详见“附件：{title}”。",
        f"{a.name}项目支出",
        "",
        "绩效评价报告",
        f"{a.year}年度，{p.department}认真落实{a.name}项目各项工作，现就{a.name}项目作出绩效评价如下：",
        "",
        "一、项目基本情况",
        "",
        "（一）项目概况",
        "",
        topic.overview,
        "",
        "项目绩效目标",
        "",
        p.goal,
        "",
        "二、绩效评价工作开展情况",
        "",
        "（一）绩效评价目的、对象和范围",
        "按照项目产出指标、效益指标、满意度指标三方面指标加强绩效目标管理，进一步提高项目资金使用效益，促进项目实施质量。",
        "",
        "（二）绩效评价工作过程",
        "按照前期准备、单位自评、报告撰写三个阶段，科学运用比较法、因素分析法等评价方法，开展项目绩效评价工作。",
        "",
        "三、综合评价结论",
        "",
        (
            f"我局严格按照预决算编制部署及要求，认真完成年度预决算填报工作。从总体上看，我局“{a.name}”项目"
            f"绩效评价总体得分为{plain(a.total)}分，评价等级为{a.grade}。"
        ),
        "",
        "四、绩效评价指标分析",
        "",
    ]
    funds = f"{a.year}年{finance}批复{a.name}项目预算{a.budget}万元，全年共执行预算{a.executed}万元，执行率{a.rate}。"
    for number, section in zip("一二三四", a.sections):
        out += [_section_title(number, section, number != "一"), ""]
        for i, sub in enumerate(section.subsections, 1):
            text = funds if sub.title == "资金落实情况" else _PROCESS[sub.title]
            out += [f"{i}、{sub.title}（{plain(sub.score)}分）", "", text, ""]
        if section.title == "项目产出情况":
            out += [p.narrative.achievement + "。", ""]
        elif section.title == "项目效益情况" and not section.subsections:
            out += ["项目实施取得了良好的社会效益，服务对象对项目实施情况总体满意。", ""]
    return out + [
        "五、主要经验及做法",
        "",
        "业务科室与财务科室相互配合，按时编制项目预算，按时完成项目年度决算，为下一年的资金安排提供依据。",
        "",
        "六、存在的问题及原因分析",
        "",
        p.narrative.problem + "。",
        "七、有关建议",
        "",
        p.narrative.measure + "。",
        "八、其他需要说明的问题",
        "无。",
    ]
