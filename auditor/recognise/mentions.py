"""What the prose says about the set of projects: their names and how many, how much.

"组织对“老字号”、“城乡居民基本养老保险”这2个项目开展了部门绩效评价，共涉及资金1580万元"
names two projects, counts them and totals their funds; "《2023年度城乡医疗救助项目绩效评价报告》"
names an evaluated project in a report title. Each becomes a record the rules
compare with the tables actually present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.document import Paragraph
from auditor.numbers import chinese_int
from auditor.recognise import sentences
from auditor.recognise.records import Field

# NOTE: the lookbehinds start a count only where its digits start: without them every digit of a
# long run of digits began a new attempt that ran to the run's end, quadratic (40 KB of digits: 29 s).
_COUNT = re.compile(r"(?P<n>(?<!\d)\d+|(?<![一二两三四五六七八九十])[一二两三四五六七八九十]+)\s*个(?:项目|专项)")
_FUNDS = re.compile(
    r"(?:涉及|合计|共计|总计)?(?:项目)?资金(?:总额|合计)?(?:为|共)?\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<u>万元|元)"
)
# NOTE: at most MAX_LISTED names: each start inside a long run of quoted names scans on to the run's end,
# so an unbounded run made a paragraph of 8,000 quoted names take 17 s (quadratic), a bounded one is linear.
MAX_LISTED = 100
_QUOTED_LIST = re.compile(
    r"((?:[“\"][^”\"]{2,40}[”\"]\s*[、，,和及与]?\s*){1,%d})(?:这|等)?\s*(?:\d+|[一二两三四五六七八九十]+)"
    r"\s*个项目" % MAX_LISTED
)
_QUOTED = re.compile(r"[“\"]([^”\"]{2,40})[”\"]")
#: "我局承担临城县2021年度……道路建设项目实施任务": the text says which project it reports on. Stated
#: again further on, it must name the same project the same way.
# NOTE: not 项目承担单位 / 承担主体 / 承担责任: who carries a project, not which project is carried
_UNDERTAKEN = re.compile(
    r"承担(?!单位|主体|责任|部门|任务)(?:的|了)?(?P<name>[^，。,；;：:、“”\"《》()（）\s]{6,50}?项目)"
)
_REPORT_TITLE = re.compile(
    r"《(?:(?P<year>\d{4})年度?)?(?P<name>[^》]{2,40}?)(?:项目)?(?:支出)?绩效(?:自评|评价)报告》"
)


@dataclass(slots=True)
class Mention:
    """A project name as some part of the document writes it."""

    name: str
    source: str  # list | report_title | evaluation_report | narrative | stated | restated
    field: Field
    evidence: str
    year: str | None = None


@dataclass(slots=True)
class Statement:
    """A stated count of projects or total of funds."""

    claim: str  # count | funds
    field: Field
    unit: str
    evidence: str


def mentions_in(paragraph: Paragraph) -> list[Mention]:
    out = []
    if "个项目" in paragraph.text:  # a list of names always ends in its count
        around = sentences.finder(paragraph.text)
        for m in _QUOTED_LIST.finditer(paragraph.text):
            sentence = around(m.start())
            for name in _QUOTED.findall(m.group(1)):
                out.append(
                    Mention(name.strip(), "list", Field(name, paragraph.loc.with_labels(column="项目名称")), sentence)
                )
    for m in _REPORT_TITLE.finditer(paragraph.text):
        out.append(
            Mention(
                m.group("name"),
                "report_title",
                Field(m.group(0), paragraph.loc.with_labels(column="报告标题")),
                m.group(0),
                m.group("year"),
            )
        )
    return out


def undertaken_in(paragraph: Paragraph) -> list[Mention]:
    """The projects a sentence says the department undertakes ("我局承担……项目"), as `restated`."""
    if "承担" not in paragraph.text:
        return []
    around = sentences.finder(paragraph.text)
    return [
        Mention(
            m.group("name"),
            "restated",
            Field(m.group("name"), paragraph.loc.with_labels(column="项目名称")),
            around(m.start()),
        )
        for m in _UNDERTAKEN.finditer(paragraph.text)
    ]


def first_statement(mentions: list[Mention]) -> None:
    """The first project the text says it undertakes is `stated`: later statements are held against it."""
    first = next((m for m in mentions if m.source == "restated"), None)
    if first is not None:
        first.source = "stated"


def statements_in(paragraph: Paragraph) -> list[Statement]:
    out = []
    for _start, sentence in sentences.split(paragraph.text):
        count = _COUNT.search(sentence)
        funds = _FUNDS.search(sentence)
        if count and ("项目" in sentence):
            n = chinese_int(count.group("n"))
            if n is not None:
                out.append(
                    Statement("count", Field(str(n), paragraph.loc.with_labels(column="项目个数")), "个", sentence)
                )
        if funds and (count or "项目" in sentence):
            out.append(
                Statement(
                    "funds",
                    Field(funds.group("v"), paragraph.loc.with_labels(column="涉及资金")),
                    funds.group("u"),
                    sentence,
                )
            )
    return out
