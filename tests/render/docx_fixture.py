"""A small Word report built with python-docx, and a reader of where each comment of a .docx is anchored.

The report has what anchoring must get right: an empty paragraph (counted by the
reader), a sentence spread over three runs, a table whose 总分 row is widened by
gridSpan (so its cells stand in other positions than the headings above them)
and two cells holding the same figure.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SENTENCE = "项目全年预算数为900万元，完成预算的75%。"


def build(path: Path, reviewer_comment: bool = False) -> Path:
    d = docx.Document()
    d.add_paragraph("关于2023年度预算绩效情况说明")  # paragraph 1
    d.add_paragraph("")  # paragraph 2 (empty)
    p = d.add_paragraph()  # paragraph 3
    p.add_run("城乡居民基本养老保险项目自评得分为100分。")
    p.add_run("项目全年预算数为900万元，").bold = True
    p.add_run("完成预算的75%。其他内容。")
    funding = d.add_table(rows=3, cols=5)  # table 1
    for r, values in enumerate(
        [
            ["项目资金", "全年预算数", "全年执行数", "执行率（B/A)", "得分"],
            ["年度资金总额：", "900", "760.2160", "75.00%", "85"],
            ["\u00a0其中：本年财政拨款", "900", "760.2160", "75.00%", "85"],
        ]
    ):
        for c, text in enumerate(values):
            funding.cell(r, c).text = text
    d.add_paragraph("绩效指标")  # paragraph 4
    scores = d.add_table(rows=3, cols=4)  # table 2
    for r, values in enumerate([["一级\n指标", "三级指标", "分值", "得分"], ["产出指标", "运转保障率", "20", "20"]]):
        for c, text in enumerate(values):
            scores.cell(r, c).text = text
    total = scores.cell(2, 0).merge(scores.cell(2, 1))
    total.text = "总分"
    scores.cell(2, 2).text = "100"
    scores.cell(2, 3).text = "100"
    d.add_paragraph("附件：项目支出绩效自评表")  # paragraph 5
    if reviewer_comment:
        d.add_comment(d.paragraphs[0].runs, text="请核对标题", author="审核人")
    d.save(path)
    return path


def anchors(path: Path) -> dict[str, dict]:
    """comment id -> where its range starts: {"table", "row", "cell"} (1-based, by w:tc) or
    {"paragraph", "text"} with the text between the range's start and end."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    body = root.find(W + "body")
    paragraphs = [p for p in body if p.tag == W + "p"]
    tables = [t for t in body if t.tag == W + "tbl"]
    out = {}
    for start in root.iter(W + "commentRangeStart"):
        cid = start.get(W + "id")
        tc = next(start.iterancestors(W + "tc"), None)
        if tc is not None:
            tr = tc.getparent()
            tbl = tr.getparent()
            out[cid] = {
                "table": tables.index(tbl) + 1,
                "row": tbl.findall(W + "tr").index(tr) + 1,
                "cell": tr.findall(W + "tc").index(tc) + 1,
                "text": _text(tc),
            }
            continue
        p = next(start.iterancestors(W + "p"))
        text, inside = [], False
        for el in p.iter():
            if el is start:
                inside = True
            elif el.tag == W + "commentRangeEnd" and el.get(W + "id") == cid:
                break
            elif inside and el.tag == W + "t":
                text.append(el.text or "")
        out[cid] = {"paragraph": paragraphs.index(p) + 1, "text": "".join(text)}
    return out


def comments(path: Path) -> dict[str, str]:
    """comment id -> its text, paragraphs joined by newlines."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/comments.xml"))
    return {c.get(W + "id"): "\n".join(_text(p) for p in c.iter(W + "p")) for c in root.iter(W + "comment")}


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))
