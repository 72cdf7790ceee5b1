"""What each document's `coverage` says, in words: the line every report shows under a document.

"未发现问题" must mean the document was read and checked. So every report says,
per document, how many self-evaluation tables were recognised and read in full,
how many indicator rows and prose figures were checked, which tables were not
read in full (and which of their blocks), and says so plainly when nothing
checkable was found at all. The text, HTML, workbook and the review page of
`auditor serve` all take their words from here, so they cannot disagree.

`coverage` is None for an unreadable file (and for a result made before the
pipeline measured coverage); a key it lacks is left out of the line rather than
shown as 0, except that a document whose coverage names no table and no claim
counts as having nothing checkable: the safe reading, never a false "clean".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.i18n import TEXT, t
from auditor.result import AuditResult, DocumentResult

#: The blocks of a self-evaluation table, in the order a table reads them.
BLOCKS = ("header", "funding", "goals", "indicators", "total")
_META = ("table", "project", "form")


def _count(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return max(value, 0)
    try:
        return max(int(str(value).strip()), 0)
    except (TypeError, ValueError):
        return None


@dataclass
class Table:
    """One recognised table: its number, project, form, and each block's state ('full', 'partial', 'none')."""

    number: int | None
    project: str | None
    form: str | None
    blocks: dict[str, str]

    @property
    def complete(self) -> bool:
        return bool(self.blocks) and all(state == "full" for state in self.blocks.values())

    def unread(self) -> list[tuple[str, str]]:
        """(block, state) of the blocks not read in full, in reading order, blocks we do not know last."""
        order = {b: n for n, b in enumerate(BLOCKS)}
        out = [(b, s) for b, s in self.blocks.items() if s != "full"]
        return sorted(out, key=lambda bs: (order.get(bs[0], len(BLOCKS)), bs[0]))


@dataclass
class Coverage:
    """A document's coverage with its gaps filled in as far as they can be (None: not stated)."""

    tables: int
    tables_full: int | None
    indicators: int | None
    claims: int | None
    forms: list[str] = field(default_factory=list)
    table_list: list[Table] = field(default_factory=list)

    @property
    def nothing_checkable(self) -> bool:
        return self.tables == 0 and not self.claims

    @property
    def incomplete(self) -> list[Table]:
        return [tb for tb in self.table_list if tb.blocks and not tb.complete]


def of(document: DocumentResult) -> Coverage | None:
    """The document's coverage, or None when it has none (unreadable, or not measured)."""
    raw = document.coverage
    if raw is None or document.status != "ok":
        return None
    if not isinstance(raw, dict):
        raw = {}
    tables = []
    for n, block in enumerate(raw.get("blocks") or [], start=1):
        if not isinstance(block, dict):
            continue
        states = {k: v for k, v in block.items() if k not in _META and isinstance(v, str)}
        number = _count(block.get("table"))
        project = str(block["project"]) if block.get("project") else None
        tables.append(Table(number if number is not None else n, project, block.get("form") or None, states))
    count = _count(raw.get("tables"))
    full = _count(raw.get("tables_full"))
    if count is None:
        count = len(tables)
    if full is None and tables and len(tables) == count and all(tb.blocks for tb in tables):
        full = sum(tb.complete for tb in tables)
    forms = raw.get("forms")
    if not isinstance(forms, list):
        forms = sorted({tb.form for tb in tables if tb.form})
    return Coverage(
        tables=count,
        tables_full=full,
        indicators=_count(raw.get("indicators")),
        claims=_count(raw.get("claims")),
        forms=[str(f) for f in forms],
        table_list=tables,
    )


def nothing_checkable(document: DocumentResult) -> bool:
    """A readable document whose coverage says no table and no prose figure was found to check."""
    cov = of(document)
    return cov is not None and cov.nothing_checkable


def _n(lang: str, key: str, n: int) -> str:
    """A counted phrase, singular where the language has one (`key.one`)."""
    if n == 1 and f"{key}.one" in TEXT.get(lang, {}):
        return t(lang, f"{key}.one", n=n)
    return t(lang, key, n=n)


def _tables_part(lang: str, tables: int, full: int | None) -> str:
    part = _n(lang, "coverage.tables", tables)
    if full is not None and tables:
        part += t(lang, "coverage.full", n=full)
    return part


def line(document: DocumentResult, lang: str = "zh") -> str | None:
    """`已核对 2 张自评表（1 张完整）、18 个指标、3 处文字陈述`, `未找到可核对的自评内容`, or None (no coverage)."""
    cov = of(document)
    if cov is None:
        return None
    if cov.nothing_checkable:
        return t(lang, "coverage.nothing")
    parts = [_tables_part(lang, cov.tables, cov.tables_full)]
    if cov.indicators is not None:
        parts.append(_n(lang, "coverage.indicators", cov.indicators))
    if cov.claims is not None:
        parts.append(_n(lang, "coverage.claims", cov.claims))
    return t(lang, "coverage.checked", parts=t(lang, "coverage.sep").join(parts))


def block_words(lang: str, block: str, state: str) -> str:
    """`资金部分未读全` / `未读到总分行`: one block not read in full."""
    state = "none" if state == "none" else "partial"
    key = f"coverage.block.{block}.{state}"
    if key in TEXT["zh"]:
        return t(lang, key)
    return t(lang, f"coverage.block.{state}", block=block)


def table_name(lang: str, table: Table) -> str:
    number = table.number if table.number is not None else "?"
    if table.project:
        return t(lang, "coverage.table_named", n=number, project=table.project)
    return t(lang, "coverage.table", n=number)


def incomplete(document: DocumentResult, lang: str = "zh") -> list[str]:
    """One line per table not read in full: `表2「…」：资金部分未读全、绩效指标未读全、未读到总分行`."""
    cov = of(document)
    if cov is None:
        return []
    sep = t(lang, "coverage.sep")
    return [
        t(
            lang,
            "coverage.incomplete",
            table=table_name(lang, tb),
            blocks=sep.join(block_words(lang, b, s) for b, s in tb.unread()),
        )
        for tb in cov.incomplete
    ]


@dataclass
class Totals:
    documents: int = 0  # documents with coverage
    tables: int = 0
    tables_full: int = 0
    indicators: int = 0
    claims: int = 0
    nothing: int = 0  # documents with nothing checkable


def totals(result: AuditResult) -> Totals:
    out = Totals()
    for document in result.documents:
        cov = of(document)
        if cov is None:
            continue
        out.documents += 1
        out.tables += cov.tables
        out.tables_full += cov.tables_full or 0
        out.indicators += cov.indicators or 0
        out.claims += cov.claims or 0
        out.nothing += cov.nothing_checkable
    return out


def summary_suffix(result: AuditResult, lang: str = "zh") -> str:
    """What the summary line adds: `；共核对 3 张自评表（2 张完整）、30 个指标`, and the documents with nothing
    checkable; empty when no document has coverage."""
    tot = totals(result)
    if not tot.documents:
        return ""
    parts = [_tables_part(lang, tot.tables, tot.tables_full), _n(lang, "coverage.indicators", tot.indicators)]
    return t(lang, "coverage.total", parts=t(lang, "coverage.sep").join(parts)) + summary_nothing(lang, tot.nothing)


def summary_nothing(lang: str, n: int) -> str:
    """`；1 个文件未找到可核对的自评内容`, or empty when n is 0."""
    return _n(lang, "coverage.total_nothing", n) if n else ""


def forms_text(document: DocumentResult, lang: str = "zh") -> str:
    """The form codes the document's tables were read as (`auditor forms` names them)."""
    cov = of(document)
    return t(lang, "coverage.sep").join(cov.forms) if cov else ""


def described(result: AuditResult, lang: str = "zh") -> dict:
    """The coverage in words, per document in the result's order, and the summary line's addition.

    For the review page of `auditor serve`, which shows what the text report says without a second copy of
    these rules in JavaScript.
    """
    return {
        "documents": [
            {"line": line(d, lang), "incomplete": incomplete(d, lang), "nothing": nothing_checkable(d)}
            for d in result.documents
        ],
        "summary": summary_suffix(result, lang),
    }
