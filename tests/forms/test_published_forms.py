"""Each published form (shared forms.md F1–F8), in every format, gives the records its fixture states.

A fixture is a table as Word's copy-as-text gives it (fixtures/<name>.txt: a TAB before every cell, a
blank line per row, the title paragraph before the table and any note under it) and what must come out
of it (fixtures/<name>.yaml: the form it is read as, how far each block is read, the project, the
funding rows by kind, every indicator row in order and nothing else, the total row, and the issue
kinds a full audit reports). The .docx, .xlsx, .pdf and web page (.html, with a portal's frame around
the table) forms are built from the text form at test time with the sample's builders
(tests/read/make_fixtures.py, tests/read/fixtures_html.py), so one spec holds for every format.

YAML conventions: values are the printed cell texts with layout whitespace removed; a key is absent
where the form has no such cell; a blank or dash-only cell (—, ——, -) gives no value, so it is left
out on both sides; `op` is the canonical operator of the target (>=, <=, =) or null; `not_reported`
lists consistent-but-odd printed figures that no arithmetic finding may quote as wrong. A split target
(指标性质/指标方向 + 指标值 + 度量单位) is one text: the operator as printed (a direction word as its
symbol, 正向 → ≥, 反向 → ≤; 定性 dropped), then the value, then the unit. Keys beyond the central form's:
funding kinds `central` / `local` (转移支付: 中央财政资金 / 地方资金) and value `received` (河北 到位数);
indicator value `item_score` (河北 单项指标得分, while weight/score are 权重占比/折算得分); total `grade`;
block `management` (转移支付 资金管理情况). Each YAML's comment says what quirk its table reproduces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from auditor.read import read_document
from auditor.recognise import recognise
from auditor.recognise.records import clean
from auditor.synth.layout import parse_text_form

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.yaml"))
FORMATS = ("txt", "docx", "xlsx", "pdf", "html")
AUDITED_FORMATS = ("txt", "docx", "html")
ASPECTS = ("form", "blocks", "project", "funding", "indicators", "total")
#: value keys an indicator row is compared on; one the fixture leaves out must not be read either
VALUE_KEYS = ("target", "actual", "weight", "score", "item_score")
_NO_VALUE = re.compile(r"^[—–\-－]*$")


def expected_of(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))


def build(name: str, fmt: str, directory: Path) -> Path:
    """The fixture in one format: the text itself, or a file built from its blocks as the sample's are."""
    source = FIXTURES / f"{name}.txt"
    if fmt == "txt":
        return source
    if fmt == "pdf":
        pytest.importorskip("reportlab")
        pytest.importorskip("pdfplumber")
    from read.make_fixtures import build_docx, build_pdf, build_xlsx

    blocks = parse_text_form(source.read_text(encoding="utf-8"))
    path = directory / f"{name}.{fmt}"
    if not path.exists():
        if fmt == "docx":
            build_docx(path, blocks)
        elif fmt == "html":
            from read.fixtures_html import build_html

            build_html(path, blocks)
        elif fmt == "xlsx":
            text_cells_stay_text(build_xlsx(path, blocks))
        else:  # no running header or forced page break: those are the PDF reader's own tests
            build_pdf(path, blocks, split_first_table=False, page_furniture=False)
    return path


def text_cells_stay_text(path: Path) -> Path:
    """A cell printed "=0人" is text typed with a leading apostrophe in Excel, not a formula.

    NOTE: openpyxl stores any string that starts with "=" as a formula, which has no cached value and
    reads back empty; a published workbook holds such a target as text (quotePrefix), so it is made so.
    """
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                    cell.quotePrefix = True
    workbook.save(path)
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("forms")
    return lambda name, fmt: build(name, fmt, directory)


_RECORDS: dict = {}


def table_of(built, name: str, fmt: str):
    """The fixture's one 自评表 as recognised, read once per format for every aspect."""
    key = (name, fmt)
    if key not in _RECORDS:
        path = built(name, fmt)
        _RECORDS[key] = recognise(read_document(path, path.name))
    records = _RECORDS[key]
    assert records.tables, f"{name}.{fmt}: no table was recognised as a 自评表"
    project = expected_of(name)["project"]
    named = [t for t in records.tables if t.name is not None and clean(t.name.text) == clean(project)]
    return (named or records.tables)[0]


def _text(field) -> str:
    return clean(field.text) if field is not None else ""


def _values(values: dict, keys=None) -> dict[str, str]:
    """Printed values by key, blank and dash-only cells left out."""
    out = {}
    for key, field in values.items():
        if keys is not None and key not in keys:
            continue
        text = _text(field)
        if text and not _NO_VALUE.match(text):
            out[key] = text
    return out


def _expected_values(values: dict | None) -> dict[str, str]:
    out = {}
    for key, text in (values or {}).items():
        text = clean(str(text))
        if text and not _NO_VALUE.match(text):
            out[key] = text
    return out


def actual_funding(table) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in table.funding:
        values = _values(row.values)
        if values:
            out.setdefault(row.kind, []).append(values)
    return out


def actual_indicator(row, expected_keys) -> dict:
    keys = set(VALUE_KEYS) | set(expected_keys)
    out = {"category": row.category, "level2": _text(row.level2), "level3": _text(row.level3)}
    target = row.values.get("target")
    figure = target.figure if target is not None and not target.blank else None
    out["op"] = figure.op if figure is not None else None
    out.update(_values(row.values, keys))
    return out


def expected_indicator(spec: dict) -> dict:
    out = {
        "category": spec["category"],
        "level2": clean(spec["level2"]),
        "level3": clean(spec["level3"]),
        "op": spec.get("op"),
    }
    out.update(_expected_values({k: v for k, v in spec.items() if k not in ("category", "level2", "level3", "op")}))
    return out


CASES = [
    pytest.param(name, fmt, aspect, id=f"{name}-{fmt}-{aspect}")
    for name in NAMES
    for fmt in FORMATS
    for aspect in ASPECTS
]


@pytest.mark.parametrize("name,fmt,aspect", CASES)
def test_form_is_read_as_its_fixture_says(built, name, fmt, aspect):
    expected = expected_of(name)
    table = table_of(built, name, fmt)
    if aspect == "form":
        assert table.form == expected["form"]
    elif aspect == "blocks":
        assert table.blocks == expected["blocks"]
    elif aspect == "project":
        assert _text(table.name) == clean(expected["project"])
    elif aspect == "funding":
        want = {kind: [_expected_values(values)] for kind, values in (expected.get("funding") or {}).items()}
        assert actual_funding(table) == want
    elif aspect == "indicators":
        specs = expected["indicators"]
        value_keys = {k for s in specs for k in s} - {"category", "level2", "level3", "op"}
        got = [actual_indicator(row, value_keys) for row in table.indicators]
        assert got == [expected_indicator(s) for s in specs]
    elif aspect == "total":
        got = None if table.total is None else _values(table.total.values)
        want = None if expected["total"] is None else _expected_values(expected["total"])
        assert got == want


_AUDITS: dict = {}


def _audit(path: str, ruleset):
    """One audit per built file, shared by the tests that look at its issues."""
    from auditor.pipeline import audit

    if path not in _AUDITS:
        _AUDITS[path] = audit([path], ruleset=ruleset, jobs=1)
    return _AUDITS[path]


def reported(built, ruleset, name: str, fmt: str) -> list:
    result = _audit(str(built(name, fmt)), ruleset)
    assert all(d.status == "ok" for d in result.documents), [d.reason for d in result.documents]
    return [i for i in result.issues if i.severity in ("error", "warning")]


AUDITS = [pytest.param(name, fmt, id=f"{name}-{fmt}") for name in NAMES for fmt in AUDITED_FORMATS]


@pytest.mark.parametrize("name,fmt", AUDITS)
def test_a_full_audit_reports_the_planted_defects_and_nothing_else(built, ruleset, name, fmt):
    issues = reported(built, ruleset, name, fmt)
    found = sorted({i.kind for i in issues})
    detail = [f"{i.kind} {i.rule} {i.project}: {i.message}" for i in issues]
    assert found == sorted(set(expected_of(name)["issues"])), detail


#: findings that call their `found` figure wrong (a low-execution warning may quote a right rate)
ARITHMETIC = {
    "score_exceeds_weight",
    "category_weight_cap",
    "category_score_cap",
    "total_mismatch",
    "execution_rate_mismatch",
    "funding_sum_mismatch",
    "funding_score_formula",
    "unit_mismatch",
    "grade_mismatch",
    "section_sum_mismatch",
    "narrative_table_mismatch",
    "count_mismatch",
}


@pytest.mark.parametrize("name,fmt", AUDITS)
def test_consistent_odd_figures_are_not_reported(built, ruleset, name, fmt):
    odd = {clean(str(x)) for x in expected_of(name).get("not_reported") or []}
    quoted = [
        f"{i.kind} {i.rule}: found {i.found} ({i.message})"
        for i in reported(built, ruleset, name, fmt)
        if i.kind in ARITHMETIC and clean(i.found or "") in odd
    ]
    assert quoted == []


UNKNOWN_HEADER = ["一级指标", "二级指标", "三级指标", "全年计划", "1-6月进展", "偏离度", "纠偏措施"]


def unknown_form_text() -> str:
    """A 绩效运行监控表: 一级/二级/三级 indicators, but value columns no declared form has."""
    rows = [
        UNKNOWN_HEADER,
        ["产出指标", "数量指标", "新建村级文化活动室", "20个", "9个", "55%", "加快施工进度"],
        ["", "质量指标", "活动室验收合格率", "100%", "100%", "0", ""],
        ["效益指标", "社会效益指标", "村民文化活动参与人次", "5000人次", "2300人次", "54%", "下半年集中开展活动"],
    ]
    lines = ["柏川县文化馆2023年度项目绩效运行监控表"]
    for row in rows:
        lines.extend("\t" + cell for cell in row)
        lines.append("")
    return "\n".join(lines) + "\n"


def test_a_table_of_no_known_form_is_reported_with_the_header_words_seen(tmp_path, ruleset):
    from auditor.pipeline import audit

    path = tmp_path / "monitoring.txt"
    path.write_text(unknown_form_text(), encoding="utf-8")
    result = audit([str(path)], ruleset=ruleset)
    incomplete = [i.message for i in result.issues if i.kind == "extraction_incomplete" and i.severity == "warning"]
    naming = [m for m in incomplete if all(word in m for word in UNKNOWN_HEADER)]
    assert naming, incomplete or [f"{i.kind}: {i.message}" for i in result.issues]
