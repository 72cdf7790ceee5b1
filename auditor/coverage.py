"""What was read of a document, and the issues that say what was not.

"未发现问题" must mean the document was read and checked. So every document
gets its `coverage` (issue contract: tables recognised and read in full,
indicator rows, prose claims, the form of each table and how far each block
was read), and every gap is an `extraction_incomplete` warning naming the
table and the block: a table that fits no declared form (with the header
words seen), a block cut off or not found, a document that speaks of a
self-evaluation but yields nothing checkable, a file with no self-evaluation
content at all. These are findings of reading, not of rules, so they are made
here and not in YAML: no rule could run on what was not read.
"""

from __future__ import annotations

from auditor.document import Locator
from auditor.issue import Issue
from auditor.recognise.records import DocumentRecords, ProjectTable, clean

_BLOCKS = {
    "header": ("表头（项目名称）", "the header (project name)"),
    "funding": ("资金部分", "the funding block"),
    "goals": ("年度总体目标", "the annual goals"),
    "indicators": ("绩效指标", "the indicator block"),
    "total": ("总分行", "the 总分 row"),
}
_WHY = {
    "none": ("未能识别", "could not be found"),
    "partial": ("只读到一部分（表格在此之前结束或被截断）", "was read only in part (the table ends or is cut off)"),
}
_FLAT = {
    "zh": "项目支出绩效自评表以纯文本出现（单元格之间没有分隔符），无法按单元格核对；请从 Word 原件复制或直接提交 .docx",
    "en": "a self-evaluation table appears as plain text (no separators between cells) and cannot be checked cell by "
    "cell; copy it from the Word original or submit the .docx",
}
_NOTHING = {
    "zh": "文中提到绩效自评，但未读到可核对的自评表、自评综述或评价报告数字；本文件未经核对",
    "en": "the text speaks of a performance self-evaluation, but no table, summary or report figure could be "
    "read: this file was not checked",
}
_NO_CONTENT = {
    "zh": "文件中没有项目支出绩效自评内容（自评表、自评综述或绩效评价报告），未作核对",
    "en": "the file holds no performance self-evaluation content (table, summary or evaluation report): "
    "nothing was checked",
}


def coverage(records: DocumentRecords) -> dict:
    """The contract's `coverage` of one document."""
    blocks = [{"table": t.table, "project": _name(t), "form": t.form, **t.blocks} for t in records.tables]
    full = sum(1 for t in records.tables if t.blocks and all(v == "full" for v in t.blocks.values()))
    claims = sum(len(n.claims) for n in records.narratives) + len(records.statements)
    claims += sum(len(r.claims) + len(r.parts) for r in records.reports)
    claims += records.claim_sets.figures() if records.claim_sets else 0
    claims += len(records.citations)
    return {
        "tables": len(records.tables) + len(records.unknown_tables),
        "tables_full": full,
        "indicators": sum(len(t.indicators) for t in records.tables),
        "claims": claims,
        "forms": sorted({t.form for t in records.tables if t.form}),
        "blocks": blocks,
    }


def checked_nothing(records: DocumentRecords) -> bool:
    prose = records.claim_sets.checks if records.claim_sets else 0
    return not (
        records.tables or records.narratives or records.reports or records.statements or prose or records.citations
    )


def incomplete_issues(records: DocumentRecords) -> list[Issue]:
    """One `extraction_incomplete` warning per gap in the reading of a document."""
    doc = records.doc
    out = [_issue(doc, loc, _FLAT, "表格") for loc, part in records.problems if part == "flattened_table"]
    for loc, words, flat in records.unknown_tables:
        seen = "、".join(words) or "—"
        if flat:
            text = {
                "zh": f"表{loc.table or ''}以纯文本出现（每行一个单元格，标签与数值分开或数字连在一起），无法按单元格核对；"
                f"表中所见表头：{seen}；请从 Word 原件复制或直接提交 .docx",
                "en": f"table {loc.table or ''} appears as plain text (a cell a line, labels and values apart or "
                f"figures run together) and cannot be checked cell by cell; header words seen: {seen}; copy it "
                "from the Word original or submit the .docx",
            }
            out.append(_issue(doc, loc, text, "表格", found=seen))
            continue
        text = {
            "zh": f"表{loc.table or ''}像是绩效自评表，但不符合任何已声明的表式，未作核对；表中所见表头：{seen}"
            "（可在 rules/forms/ 中声明该表式）",
            "en": f"table {loc.table or ''} looks like a self-evaluation table but matches no declared form and "
            f"was not checked; header words seen: {seen} (declare the form in rules/forms/)",
        }
        out.append(_issue(doc, loc, text, "已声明的表式", found=seen))
    for table in records.tables:
        out.extend(_block_issues(doc, table))
    start = Locator(line=1) if records.format == "txt" else Locator(paragraph=1)
    if checked_nothing(records) and not records.unknown_tables and not out:
        text = _NOTHING if records.mentions_self_evaluation else _NO_CONTENT
        out.append(_issue(doc, start, text, "可核对的自评内容"))
    elif not records.tables and not records.unknown_tables and not out and records.mentions_self_evaluation:
        # NOTE: a narrative report: its stated figures were checked, but "no issue" must not read as a checked table
        n = coverage(records)["claims"]
        text = {
            "zh": f"文中未见项目支出绩效自评表：只核对了文字中的 {n} 处数字陈述，表格部分未作核对",
            "en": f"no self-evaluation table was found: only {n} figures stated in the text were checked",
        }
        out.append(_issue(doc, start, text, "自评表", severity="info"))
    return out


def _block_issues(doc: str, table: ProjectTable) -> list[Issue]:
    out = []
    name = _name(table)
    for block, state in table.blocks.items():
        if state == "full" or block == "goals":
            continue
        zh, en = _BLOCKS[block]
        why_zh, why_en = _WHY[state]
        text = {
            "zh": f"表{table.table}「{name}」的{zh}{why_zh}，依赖它的核对未进行",
            "en": f"in table {table.table} ({name}) {en} {why_en}; the checks that depend on it were not run",
        }
        out.append(_issue(doc, table.loc, text, zh, project=name))
    return out


def _issue(
    doc: str,
    loc: Locator,
    text: dict,
    expected: str,
    project: str | None = None,
    found: str | None = None,
    severity: str = "warning",
) -> Issue:
    return Issue(
        doc=doc,
        rule="READ_TABLE",
        kind="extraction_incomplete",
        severity=severity,
        message=text["zh"],
        messages=dict(text),
        location=loc,
        project=project,
        expected=expected,
        found=found,
    )


def _name(table: ProjectTable) -> str:
    return clean(table.name.text) if table.name else f"#{table.table}"
