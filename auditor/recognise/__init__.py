"""Turn a `Document` into domain records by their header words, never by position."""

from __future__ import annotations

import re

from auditor.document import Document, Paragraph
from auditor.recognise.citations import citations_in
from auditor.recognise.claim_sets import claim_sets
from auditor.recognise.claims import read_passage
from auditor.recognise.mentions import Mention, first_statement, mentions_in, statements_in, undertaken_in
from auditor.recognise.narrative import recognise_narrative
from auditor.recognise.outline import outline, parts
from auditor.recognise.records import DocumentRecords, Field, clean
from auditor.recognise.report import EvaluationReport, overall_claim, read_report, report_title, scored_section
from auditor.recognise.selfeval import header_words, is_self_evaluation, recognise_table
from auditor.ruleset.forms import Form, builtin_forms, forms_for

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")


_FLAT_WORDS = ("年初预算数", "全年预算数", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "执行率")


_SELF_EVALUATION = re.compile(r"自评|绩效评价|绩效目标|项目支出绩效")
_CAP_NOTE = re.compile(r"(产出|效益|满意度|成本|预算资金执行率|预算执行率|执行率)(?:指标)?\s*(\d+(?:\.\d+)?)\s*分")
_NOTE_CATEGORY = {"预算资金执行率": "执行率", "预算执行率": "执行率"}


def recognise(doc: Document, forms: tuple[Form, ...] | None = None) -> DocumentRecords:
    """Records of one document; each 自评表 read as the first declared form (`forms`) it matches."""
    forms = builtin_forms() if forms is None else forms
    records = DocumentRecords(doc=doc.path, format=doc.format)
    paragraphs: list[Paragraph] = []
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph) and _flattened_table(doc.blocks, i):
            records.problems.append((block.loc, "flattened_table"))
        if isinstance(block, Paragraph) and not records.mentions_self_evaluation:
            records.mentions_self_evaluation = bool(_SELF_EVALUATION.search(clean(block.text)))
        if not isinstance(block, Paragraph):
            _table(doc.blocks, i, forms, records)
            continue
        paragraphs.append(block)
        if records.title is None and clean(block.text):
            records.title = block.text
            m = _TITLE_YEAR.search(block.text)
            if m:
                records.year = Field(m.group(1), block.loc.with_labels(column="年度"))
        narrative = recognise_narrative(block)
        if narrative:
            narrative.next_table = len(records.tables) + 1
            records.narratives.append(narrative)
            continue
        records.paragraphs.append(block)
    _prose(paragraphs, records)
    _claims(paragraphs, records)
    records.headings = outline(paragraphs)
    part_of = {id(p): part for p, part in zip(paragraphs, parts(paragraphs))}
    records.paragraph_parts = [part_of[id(p)] for p in records.paragraphs]
    return records


def _claims(paragraphs: list[Paragraph], records: DocumentRecords) -> None:
    """The figures every sentence states (paragraphs, and the prose cells of the tables), grouped for checking."""
    elsewhere = {_base(n.loc) for n in records.narratives}
    elsewhere |= {_base(f.loc) for r in records.reports for f, _sentence in r.claims.values()}
    passages = [read_passage(text, loc) for text, loc in _statements(paragraphs)]
    for passage in passages:
        passage.restated = _base(passage.loc) in elsewhere
    for table in records.tables:
        cells = [actual for _goal, actual in table.goals] + list(table.remarks)
        passages += [read_passage(f.text, f.loc) for f in cells if not f.blank]
    records.prose_claims = sum(p.claims for p in passages)
    text = "\n".join(p.text for p in passages)
    year = records.year.text if records.year else None
    records.claim_sets = claim_sets(passages, text, year, len(records.tables) + len(records.unknown_tables))


_KEY_VALUE = re.compile(r"^[^：:，。]{2,20}[：:]\s*\S[^。]{0,40}$")


def _statements(paragraphs: list[Paragraph]) -> list[tuple[str, object]]:
    """Each paragraph's text and place; a run of "label：value" lines read as one statement.

    NOTE: "全年预算数：100万元" / "全年执行数：95万元" / "执行率：90%", a line each, state one
    sentence's figures: joined with commas, the rate is read beside its amounts.
    """
    out: list[tuple[str, object]] = []
    run: list[Paragraph] = []
    for p in [*paragraphs, None]:
        if p is not None and _KEY_VALUE.match(clean(p.text)):
            run.append(p)
            continue
        if len(run) >= 2:
            out.append(("，".join(clean(q.text) for q in run) + "。", run[0].loc))
        else:
            out.extend((q.text, q.loc) for q in run)
        run = []
        if p is not None:
            out.append((p.text, p.loc))
    return out


def _base(loc):
    """A paragraph's place without the labels a recogniser gave one of its figures."""
    return loc._replace(row=None, column=None)


def _table(blocks: list, i: int, forms: tuple[Form, ...], records: DocumentRecords) -> None:
    """A table: read as its declared form, reported with the words seen when it looks like a 自评表 but fits none."""
    block = blocks[i]
    texts = [[c.text for c in row] for row in block.rows]
    looks = is_self_evaluation(block)
    for form in forms_for(texts, forms):
        if form.kind == "project" and not looks:
            return
        table = recognise_table(block, form)
        if table.misfit:
            continue  # NOTE: its indicator header lacks what the form requires: try the next form
        table.stated_caps = _stated_caps(blocks, i, form)
        records.tables.append(table)
        return
    if looks:
        # NOTE: a table of one cell a row is text the reader could not split into cells (auditor.read.text_tables)
        flat = all(len(row) <= 1 for row in block.rows)
        records.unknown_tables.append((block.loc, header_words(block), flat))


def _stated_caps(blocks: list, i: int, form: Form) -> dict[str, Field]:
    """Caps a note under the table (or in its last rows) states for itself: '一级指标分值统一设置为：产出指标50分、…'."""
    if not form.cap_notes:
        return {}
    candidates = [(c.text, c.loc) for row in blocks[i].rows[-4:] for c in row]
    candidates += [(b.text, b.loc) for b in blocks[i + 1 : i + 4] if isinstance(b, Paragraph)]
    for text, loc in candidates:
        t = clean(text)
        if any(re.search(p, t) for p in form.cap_notes):
            caps = {}
            for m in _CAP_NOTE.finditer(t):
                category = _NOTE_CATEGORY.get(m.group(1), m.group(1))
                caps.setdefault(category, Field(m.group(2), loc.with_labels("注", m.group(0))))
            return caps
    return {}


def _flattened_table(blocks: list, i: int) -> bool:
    """A 自评表 that reached us as plain paragraphs: its title with no table after it, or one long line.

    Text copied from a web page often loses the tabs between cells; what is
    left cannot be split into cells reliably, so it is reported, not guessed at.
    """
    text = clean(blocks[i].text)
    if "绩效自评表" not in text and "绩效目标自评表" not in text:
        return False
    if sum(w in text for w in _FLAT_WORDS) >= 3:
        return True  # the whole table flattened into one paragraph
    if len(text) > 20:
        return False  # a sentence that names the form ("…详见附件：项目支出绩效自评表")
    following = blocks[i + 1 : i + 40]
    if following and not isinstance(following[0], Paragraph):
        return False
    later = "".join(clean(b.text) for b in following if isinstance(b, Paragraph))
    return sum(w in later for w in _FLAT_WORDS) >= 3


def _prose(paragraphs: list[Paragraph], records: DocumentRecords) -> None:
    """Statements, name mentions and attached evaluation reports, in reading order."""
    i = start = 0  # `start`: where the last report read ended
    while i < len(paragraphs):
        title = report_title(paragraphs, i)
        if title:
            name, field = title
            report = EvaluationReport(name=name, title=field)
            records.reports.append(report)
            records.mentions.append(Mention(name, "evaluation_report", field, field.text))
            i = start = read_report(paragraphs, i + 1, report)
            continue
        if scored_section(paragraphs[i]) and records.title:
            # NOTE: a self-evaluation written as prose scores itself in sections without the title of an
            # attached report: read as one, named after the document (and not a name mention of its own)
            name = clean(records.title)
            report = EvaluationReport(name=name, title=Field(records.title, paragraphs[i].loc), implicit=True)
            # NOTE: a conclusion read alone just before is read again as this report's overall part
            records.reports = [r for r in records.reports if not (r.implicit and len(r.parts) == 1)]
            records.reports.append(report)
            # NOTE: its conclusion ("综合得分为95分") often comes just before the sections
            i = read_report(paragraphs, max(start, i - 3), report)
            start = i
            continue
        overall = overall_claim(paragraphs[i], clean(records.title or "")) if records.title else None
        if overall is not None and not any(r.parts for r in records.reports):
            # NOTE: a conclusion with no sections after it: its score and grade are checked alone (and
            # against the table where there is one); sections that follow start their own report
            records.reports.append(
                EvaluationReport(
                    name=overall.name, title=Field(records.title, paragraphs[i].loc), parts=[overall], implicit=True
                )
            )
        records.mentions.extend(mentions_in(paragraphs[i]))
        records.mentions.extend(undertaken_in(paragraphs[i]))
        records.citations.extend(citations_in(paragraphs[i]))
        records.statements.extend(statements_in(paragraphs[i]))
        i += 1
    first_statement(records.mentions)
