"""The words a synthetic report is made of: projects, their indicators, the set phrases.

Every project topic keeps its name, goals, indicators and narrative on one subject, so a
generated clean report passes G-TOPIC, and the topic-mismatch injector has a clearly foreign
text to borrow. Topic keywords are disjoint between topics and absent from the generic phrases
(tests/synth checks both), which is what makes "foreign words in a project's text" a reliable
label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: 一级 → its 二级 in the order the national form lists them.
LEVEL2: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
LEVEL1_OF: dict[str, str] = {l2: l1 for l1, l2s in LEVEL2.items() for l2 in l2s}
#: 二级 → its position on the form (rows are printed in this order).
ORDER: dict[str, int] = {l2: k for k, l2 in enumerate(LEVEL1_OF)}

QUAL_ACTUALS = ("达成预期指标", "已达成", "达到预期")


@dataclass(frozen=True, eq=False)
class Spec:
    """One 三级 indicator a topic may use, and how its target and actual are drawn.

    NOTE: eq=False makes specs compare by identity: the generator asks "is this one of the
    topic's own specs" thousands of times a second, and field-wise equality was its hot spot.

    kind: `ge` (≥ n unit), `ge%` (≥ p%), `eq%` (100%), `le` (≤ n unit), `le%` (≤ p%),
    `zero` (0 unit, an incident count), `qual` (a phrase), `cost` (项目总成本 ≤ 全年预算数 万元).
    """

    level2: str
    name: str
    kind: str
    lo: float = 0
    hi: float = 0
    unit: str = ""
    level1: str = field(init=False)
    answers: tuple[str, ...] = field(init=False)  # what a qualitative row says when it met its target

    def __post_init__(self) -> None:
        object.__setattr__(self, "level1", LEVEL1_OF[self.level2])
        object.__setattr__(self, "answers", QUAL_ACTUALS + (self.unit,))


def _specs(text: str) -> tuple[Spec, ...]:
    """Parse the compact `二级|三级|kind|lo|hi|unit` lines below (a qual row keeps its phrase in unit)."""
    out = []
    for line in text.strip().splitlines():
        level2, name, kind, *rest = line.strip().split("|")
        lo, hi, unit = ["0", "0", rest[0]] if kind == "qual" else (rest + ["0", "0", ""])[:3]
        out.append(Spec(level2 + "指标", name, kind, float(lo or 0), float(hi or 0), unit))
    return tuple(out)


@dataclass(frozen=True)
class Topic:
    """A kind of project: its name, the name's near-identical variant, its subject words and texts.

    `family` groups topics a reader would call the same subject (two farm subsidies); the topic
    injector only borrows from another family. Goals read "{year}年安排…资金{budget}万元，<topic clause>"; the
    first clause is dropped when the budget was adjusted during the year.
    """

    key: str
    family: str
    name: str
    variant: str
    dept: str
    unit: str
    keywords: tuple[str, ...]
    goal: str
    goal_actual: str
    achievement: str
    overview: str
    specs: tuple[Spec, ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "pension",
        "pension",
        "城乡居民基本养老保险",
        "城乡居民养老保险",
        "人社局",
        "社会保险事业管理中心",
        ("养老保险", "养老金", "参保缴费"),
        "{year}年安排城乡居民基本养老保险区级配套资金{budget}万元，按时足额发放养老金，稳步扩大参保缴费覆盖面。",
        "全年按时足额发放养老金，参保缴费工作有序推进，基础养老金补助全部落实到位。",
        "通过项目实施，城乡居民基本养老保险待遇按时足额发放，参保缴费覆盖面稳步扩大",
        "城乡居民基本养老保险是实现城乡居民老有所养的惠民政策，对保障参保居民基本生活起着重要作用。",
        _specs("""数量|养老金发放人数|ge|20000|60000|人
                    数量|参保缴费人数|ge|30000|90000|人
                    质量|养老金按时足额发放率|eq%
                    时效|养老金按月发放及时率|eq%
                    社会效益|参保居民养老金待遇水平|qual|稳步提高
                    可持续影响|养老保险制度持续健康运行|qual|长期"""),
    ),
    Topic(
        "medaid",
        "medical",
        "城乡医疗救助",
        "城乡医疗救助资金",
        "医保局",
        "医疗保障事务中心",
        ("医疗救助", "救助对象"),
        "{year}年安排城乡医疗救助区级配套资金{budget}万元，落实救助对象参保资助和住院救助政策。",
        "救助对象参保资助和住院救助政策全部落实，医疗救助资金及时足额发放。",
        "通过项目实施，救助对象的医疗救助待遇及时兑现，困难群众就诊负担有效减轻",
        "城乡医疗救助是托底保障困难群众基本医疗需求的兜底政策，对防止因病致贫返贫具有重要作用。",
        _specs("""数量|医疗救助人次|ge|2000|12000|人次
                    数量|资助救助对象参保人数|ge|3000|15000|人
                    质量|救助对象识别准确率|ge%|95|99
                    时效|医疗救助资金结算及时率|eq%
                    社会效益|救助对象就诊负担|qual|有效减轻"""),
    ),
    Topic(
        "brand",
        "brand",
        "老字号",
        "老字号传承发展",
        "商务局",
        "商务综合执法大队",
        ("老字号", "品牌"),
        "{year}年安排老字号扶持资金{budget}万元，支持老字号企业传承技艺、提升品牌。",
        "支持老字号企业完成技艺传承和品牌推介，老字号门店经营状况明显好转。",
        "通过项目实施，老字号企业传承技艺、提升品牌，老字号门店经营状况明显好转",
        "老字号承载着传统技艺和商业文化，扶持老字号企业传承创新是擦亮城市名片的重要举措。",
        _specs("""数量|扶持老字号企业数量|ge|5|30|家
                    数量|开展老字号品牌推介活动|ge|3|12|场
                    质量|老字号扶持项目验收合格率|eq%
                    经济效益|老字号企业营业收入增长率|ge%|3|8
                    社会效益|老字号品牌知名度|qual|明显提升"""),
    ),
    Topic(
        "jobs",
        "jobs",
        "就业补助资金",
        "就业专项资金",
        "人社局",
        "就业服务中心",
        ("就业", "职业技能培训", "创业"),
        "{year}年安排就业补助资金{budget}万元，开展职业技能培训，扶持创业带动就业。",
        "职业技能培训和创业扶持政策落实到位，城镇新增就业目标全面完成。",
        "通过项目实施，职业技能培训和创业扶持政策落地见效，重点群体就业保持稳定",
        "就业补助资金用于职业技能培训、创业扶持和公益性岗位补贴，是稳就业保民生的重要资金。",
        _specs("""数量|职业技能培训人数|ge|500|3000|人
                    数量|城镇新增就业人数|ge|1000|6000|人
                    数量|扶持创业人数|ge|100|600|人
                    质量|职业技能培训合格率|ge%|85|95
                    社会效益|城镇登记失业率|le%|3|4.5"""),
    ),
    Topic(
        "roads",
        "roads",
        "农村道路建设",
        "农村公路建设",
        "交通运输局",
        "农村公路管理所",
        ("道路", "通行"),
        "{year}年安排农村道路建设资金{budget}万元，新建改建农村道路，改善群众通行条件。",
        "农村道路新建改建任务按期完工并通过验收，沿线群众通行条件明显改善。",
        "通过项目实施，农村道路通达水平明显提升，沿线群众通行更加便捷",
        "农村道路是乡村振兴的基础设施，完善农村道路网络对方便群众通行具有重要作用。",
        _specs("""数量|新建改建农村道路里程|ge|10|80|公里
                    数量|危桥改造数量|ge|2|10|座
                    质量|道路工程验收合格率|eq%
                    时效|道路工程按期完工率|ge%|90|98
                    成本|每公里道路建设成本|le|60|150|万元
                    社会效益|群众通行条件|qual|明显改善"""),
    ),
    Topic(
        "pubhealth",
        "health",
        "基本公共卫生服务",
        "国家基本公共卫生服务",
        "卫健委",
        "疾病预防控制中心",
        ("公共卫生", "健康管理", "健康档案"),
        "{year}年安排基本公共卫生服务补助资金{budget}万元，为辖区居民免费提供健康档案和健康管理服务。",
        "居民健康档案建档和重点人群健康管理任务全部完成，公共卫生服务水平稳步提升。",
        "通过项目实施，辖区居民健康档案和重点人群健康管理服务全面落实，公共卫生服务均等化水平稳步提升",
        "基本公共卫生服务面向全体居民免费提供，是促进公共卫生服务均等化的基础性制度安排。",
        _specs("""数量|老年人健康管理人数|ge|5000|20000|人
                    质量|居民电子健康档案建档率|ge%|85|92
                    质量|高血压患者健康管理规范率|ge%|60|70
                    社会效益|居民健康素养水平|qual|稳步提高"""),
    ),
    Topic(
        "farmland",
        "farm",
        "耕地地力保护补贴",
        "耕地保护补贴",
        "农业农村局",
        "农业技术推广中心",
        ("耕地地力", "种粮农户"),
        "{year}年安排耕地地力保护补贴资金{budget}万元，补贴资金直接兑付到种粮农户。",
        "耕地地力保护补贴全部兑付到种粮农户，补贴面积核实准确。",
        "通过项目实施，耕地地力保护补贴足额兑付到种粮农户，种粮积极性得到保护",
        "耕地地力保护补贴直接兑付到种粮农户，引导农民保护耕地地力、稳定粮食生产。",
        _specs("""数量|补贴面积|ge|50000|200000|亩
                    数量|补贴种粮农户数|ge|5000|30000|户
                    质量|补贴面积核实准确率|eq%
                    时效|补贴资金兑付及时率|eq%
                    可持续影响|耕地地力水平|qual|稳步提升"""),
    ),
    Topic(
        "nutrition",
        "school",
        "义务教育学生营养改善计划",
        "农村学生营养改善计划",
        "教育局",
        "学生资助管理中心",
        ("营养", "学生", "膳食"),
        "{year}年安排学生营养改善计划资金{budget}万元，为农村义务教育学生提供营养膳食补助。",
        "营养膳食补助按标准落实到每名受助学生，学校食堂供餐安全有序。",
        "通过项目实施，农村义务教育学生营养膳食补助全面落实，学生营养健康状况持续改善",
        "学生营养改善计划为农村义务教育阶段学生提供营养膳食补助，是改善学生营养状况的民生工程。",
        _specs("""数量|受益学生人数|ge|3000|15000|人
                    数量|供餐学校数量|ge|10|60|所
                    质量|食品安全事故发生次数|zero|0|0|起
                    时效|膳食补助资金拨付及时率|eq%
                    社会效益|学生营养健康状况|qual|持续改善"""),
    ),
    Topic(
        "disabled",
        "disabled",
        "残疾人两项补贴",
        "困难和重度残疾人补贴",
        "民政局",
        "残疾人联合会",
        ("残疾人", "护理补贴"),
        "{year}年安排残疾人两项补贴资金{budget}万元，按月足额发放困难残疾人生活补贴和重度残疾人护理补贴。",
        "困难残疾人生活补贴和重度残疾人护理补贴按月足额发放到位。",
        "通过项目实施，困难残疾人生活补贴和重度残疾人护理补贴按月足额发放，残疾人基本生活得到保障",
        "残疾人两项补贴是保障困难残疾人基本生活和重度残疾人长期照护需求的重要制度。",
        _specs("""数量|困难残疾人生活补贴人数|ge|800|4000|人
                    数量|重度残疾人护理补贴人数|ge|1000|5000|人
                    质量|补贴对象认定准确率|eq%
                    时效|护理补贴按月发放及时率|eq%
                    社会效益|残疾人基本生活保障水平|qual|有效提升"""),
    ),
    Topic(
        "water",
        "water",
        "农村饮水安全",
        "农村饮水安全巩固提升",
        "水利局",
        "农村供水管理站",
        ("饮水", "供水", "水质"),
        "{year}年安排农村饮水安全资金{budget}万元，改造农村供水管网，提升水质保障水平。",
        "农村供水管网改造任务全面完成，水质检测达标，群众饮水更加安全。",
        "通过项目实施，农村供水保障能力明显增强，群众饮水安全得到有效保障",
        "农村饮水安全事关群众身体健康，巩固提升农村供水保障水平是重要的民生任务。",
        _specs("""数量|改造农村供水管网长度|ge|20|120|公里
                    数量|饮水安全受益人口|ge|5000|40000|人
                    质量|供水水质达标率|ge%|92|97
                    社会效益|农村自来水普及率|ge%|90|96
                    可持续影响|供水工程长效运行|qual|长期"""),
    ),
    Topic(
        "dibao",
        "relief",
        "城乡最低生活保障",
        "城乡低保资金",
        "民政局",
        "社会救助服务中心",
        ("低保", "最低生活保障"),
        "{year}年安排城乡最低生活保障资金{budget}万元，保障低保对象基本生活。",
        "低保金按月足额发放，低保对象动态管理规范有序。",
        "通过项目实施，低保金按月足额发放，低保对象基本生活得到有效保障",
        "城乡最低生活保障是兜住困难群众基本生活底线的社会救助制度。",
        _specs("""数量|保障低保对象人数|ge|2000|12000|人
                    质量|低保金发放准确率|eq%
                    时效|低保金按月发放及时率|eq%
                    社会效益|低保对象基本生活|qual|有效保障"""),
    ),
    Topic(
        "air",
        "environment",
        "大气污染防治",
        "大气污染防治专项",
        "生态环境局",
        "环境监测站",
        ("大气", "空气质量", "污染防治"),
        "{year}年安排大气污染防治资金{budget}万元，开展扬尘和工业废气治理，改善空气质量。",
        "扬尘和工业废气治理任务全部完成，空气质量优良天数比例稳步提高。",
        "通过项目实施，大气污染防治措施全面落实，空气质量持续改善",
        "大气污染防治事关群众健康，持续改善空气质量是生态文明建设的重要任务。",
        _specs("""数量|完成工业废气治理项目|ge|5|30|个
                    质量|空气质量优良天数比例|ge%|75|85
                    质量|空气质量监测设备运行率|ge%|95|98
                    生态效益|PM2.5年均浓度|le|30|45|微克/立方米"""),
    ),
    Topic(
        "library",
        "culture",
        "农家书屋",
        "农家书屋建设",
        "文旅局",
        "图书馆",
        ("书屋", "阅读", "图书"),
        "{year}年安排农家书屋资金{budget}万元，补充更新书屋图书，开展全民阅读活动。",
        "农家书屋图书补充更新到位，全民阅读活动按计划开展。",
        "通过项目实施，农家书屋图书补充更新到位，群众阅读条件明显改善",
        "农家书屋是农村公共阅读服务的重要阵地，对满足群众阅读需求具有重要作用。",
        _specs("""数量|补充更新图书数量|ge|5000|30000|册
                    数量|开展阅读推广活动|ge|10|60|场
                    质量|书屋开放率|eq%
                    社会效益|群众阅读条件|qual|明显改善"""),
    ),
    Topic(
        "ecommerce",
        "trade",
        "电子商务进农村",
        "电子商务进农村综合示范",
        "商务局",
        "电子商务服务中心",
        ("电子商务", "电商", "快递"),
        "{year}年安排电子商务进农村资金{budget}万元，建设村级电商服务站点，完善农村快递物流体系。",
        "村级电商服务站点建设完成，农村快递物流配送体系基本建立。",
        "通过项目实施，农村电商服务站点覆盖面扩大，农产品网络销售渠道更加畅通",
        "电子商务进农村打通农产品上行和工业品下行通道，是促进农民增收的重要举措。",
        _specs("""数量|建设村级电商服务站点|ge|20|100|个
                    数量|开展电商培训人次|ge|300|2000|人次
                    质量|电商服务站点验收合格率|eq%
                    经济效益|农产品网络销售额增长率|ge%|5|12"""),
    ),
)

#: Indicators any project may use; they name no topic.
GENERIC: tuple[Spec, ...] = _specs("""
    社会效益|政策知晓率|ge%|85|95
    可持续影响|长效管理机制|qual|逐步健全
    质量|经费支出合规率|eq%
    质量|资金使用合规率|eq%
    时效|资金拨付及时率|eq%
    时效|项目完成及时率|eq%
    成本|项目总成本|cost
    可持续影响|项目持续发挥作用|qual|长期
""")
SATISFACTION: tuple[str, ...] = ("服务对象满意度", "受益群众满意度", "群众满意度调查")

DISTRICTS = ("烈山区", "杜集区", "相山区", "濉溪县", "埇桥区", "谯城区", "颍泉区", "蒙城县", "凤台县", "潘集区")
PARTIAL = "部分达成"
DEVIATION_REASONS = (
    "受项目实施进度影响，部分任务未在年内完成；下一步将加强统筹调度，确保按期完成。",
    "部分对象信息核实滞后，影响了完成进度；下一步将加强数据比对，提高工作效率。",
    "年度目标设置偏高，实际完成略低于预期；下一步将科学合理设置绩效目标。",
    "前期准备工作不够充分，部分工作推进较慢；下一步将提前谋划，加快实施进度。",
)
LOW_RATE_CAUSE = "由于项目实施进度滞后，部分资金未能在年内拨付完毕，导致预算执行率偏低"
PROBLEMS = (
    "绩效评价结果未与下年度预算安排挂钩",
    "绩效管理的广度和深度不足",
    "绩效目标设置不够细化，部分指标量化程度不高",
    "资金支付进度前慢后快，均衡性有待提高",
)
MEASURES = (
    "加强绩效监控结果应用，对项目绩效监控结果进行审核分析，确保预算资金安排合理有效",
    "不断扩大绩效管理的应用范围，对发现的问题和风险及时进行研判",
    "进一步细化量化绩效指标，提高绩效目标编制质量",
    "加快项目实施和资金拨付进度，提高资金使用效益",
)

#: Known misspellings of standard terms: correct → misspelt (the pinyin IME slips of real reports).
TYPOS: dict[str, str] = {
    "合规率": "合规律",
    "及时率": "及时律",
    "合格率": "合格律",
    "准确率": "准确律",
    "达标率": "达标律",
    "知晓率": "知晓律",
    "执行率": "执行律",
    "拨付": "拔付",
}
