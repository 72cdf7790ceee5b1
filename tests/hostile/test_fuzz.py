"""Random and mutated inputs never crash auditor: they give records, issues, or a clear located error.

Four doors stand open to whatever an author uploads or a colleague commits:
the text reader (and `read_document` in front of every reader), the number
parser, the recognisers, and the rule loader. Each is fed inputs built from
the pieces real reports and rule files are made of (header words, figures,
tabs, blank lines, YAML punctuation and tags), so the random inputs reach past
the first `if`. Example counts are kept small enough for the file to run in
well under 40 s; `tally` counts the inputs actually tried.
"""

from __future__ import annotations

import re
import tempfile
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.document import Cell, Document, Locator, Paragraph, Table
from auditor.numbers import chinese_int, parse
from auditor.read import read_document
from auditor.read.errors import UnreadableInput
from auditor.read.text import parse_text
from auditor.recognise import recognise
from auditor.ruleset.loader import RuleSetError, builtin_dir, load_ruleset
from auditor.ruleset.yamlfile import RuleFileError, load
from auditor.tabulate import tabulate

from .tally import tried

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = [
    "项目名称",
    "主管部门",
    "实施单位",
    "一级指标",
    "二级指标",
    "三级指标",
    "一级",
    "三级",
    "年度指标值",
    "实际完成值",
    "分值",
    "权重",
    "得分",
    "偏差原因分析及改进措施",
    "年初预算数",
    "全年预算数（A）",
    "全年执行数（B）",
    "执行率（B/A)",
    "预算数",
    "执行数",
    "年度资金总额：",
    "其中：本年财政拨款",
    "上年结转资金",
    "其他资金",
    "合计",
    "总分",
    "预期目标",
    "实际完成情况",
    "产出指标(50分)",
    "效益指标（30分）",
    "满意度指标",
    "成本指标",
    "数量指标",
    "老字号项目绩效自评综述：",
    "自评得分为",
    "全年预算数为",
    "执行数为",
    "完成预算的",
    "等级为",
    "优",
    "万元",
    "分",
    "%",
    "≥",
    "≤",
    "个项目",
    "“老字号”",
    "、",
    "，",
    "。",
    "；",
    "《2023年度老字号项目绩效评价报告》",
    "项目支出",
    "绩效评价报告",
    "（一）项目决策情况(分值20分，自评得分19.84分)",
    "1、项目立项（10分）",
    "总体得分为",
    "2023年度",
    "共",
    "涉及资金",
    "达成预期指标",
    "无",
    "—",
]
SEPARATORS = ["\t", "\t", "\t", "\n", "\n", "\n\t", "\n\n", "\n\n\n", "\r\n", "\r", " ", "\u3000", "\u00a0"]
NUMBERS = st.from_regex(r"[-+≥≤]?\d{1,7}(,\d{3})?(\.\d{1,6})?[%％]?", fullmatch=True)
PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), NUMBERS, st.text(max_size=4))
REPORT_TEXT = st.lists(PIECE, max_size=250).map("".join)


def _check_records(doc: Document) -> None:
    """recognise and tabulate: the steps after reading that a whole batch shares."""
    records = recognise(doc)
    frames = tabulate([records])
    assert set(frames) and all(len(frame.columns) for frame in frames.values())


@FAST
@given(REPORT_TEXT)
def test_text_reader_and_recognisers_take_any_text(text):
    tried("text reader + recognisers (random tab/newline text)")
    doc = parse_text(text, "fuzz.txt")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for block in doc.blocks:
        cells = [c for row in block.rows for c in row] if isinstance(block, Table) else [block]
        assert all(1 <= c.loc.line <= lines for c in cells)
    assert [t.index for t in doc.tables()] == list(range(1, sum(1 for _ in doc.tables()) + 1))
    _check_records(doc)


CELL = st.one_of(st.sampled_from(WORDS + ["", " ", "\u3000", "\n"]), NUMBERS, st.text(max_size=6))


@FAST
@given(st.lists(st.lists(CELL, max_size=12), max_size=40), st.lists(REPORT_TEXT, max_size=4))
def test_recognisers_take_any_ragged_grid(grid, paragraphs):
    """Grids as Word, Excel and PDF readers give them: ragged rows, empty cells, labels anywhere."""
    tried("recognisers (random ragged grids)")
    rows = [
        [Cell(text, Locator(table=1, row=i, column=j)) for j, text in enumerate(row, 1)]
        for i, row in enumerate(grid, 1)
        if row
    ]
    blocks = [Paragraph(p, Locator(paragraph=n)) for n, p in enumerate(paragraphs, 1) if p.strip()]
    doc = Document(path="fuzz.docx", format="docx", blocks=blocks + [Table(rows, Locator(table=1), 1)] + blocks)
    _check_records(doc)


PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"{\\rtf1",
    b"<html>",
    "\t项目名称\n".encode(),
]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(PREFIXES), st.binary(max_size=3000), st.sampled_from([".txt", ".docx", ".xlsx", ".doc"]))
def test_read_document_on_random_bytes(prefix, body, suffix):
    """Any bytes under any report name: a Document, or UnreadableInput that names the file.

    NOTE: LibreOffice is hidden (RTF, HTML and OLE bytes would each cost a 2-4 s
    conversion); the converter itself is tested in tests/read/test_office.py.
    """
    tried("read_document (random bytes)")
    with tempfile.TemporaryDirectory() as tmp, mock.patch("auditor.read.office.find_soffice", return_value=None):
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(prefix + body)
        try:
            doc = read_document(path, path.name)
        except UnreadableInput as exc:
            assert str(exc).startswith(f"{path.name}: ")
            return
        _check_records(doc)


DIGITS = st.characters(categories=["Nd", "No", "Nl"])
NUMBER_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "%",
                "％",
                "≥",
                "≤",
                ">=",
                "不低于",
                ".",
                ",",
                "-",
                "+",
                "万元",
                "个",
                " ",
                "\u3000",
                "百分比",
                "十",
                "百",
                "千",
                "零",
                "两",
            ]
        ),
        DIGITS,
        st.text(max_size=2),
        st.from_regex(r"\d{1,30}", fullmatch=True),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(NUMBER_TEXT, st.text(max_size=20), st.integers(4000, 4400).map(lambda n: "7" * n)))
def test_number_parser_gives_a_figure_or_none(text):
    tried("numbers.parse / chinese_int")
    figure = parse(text)
    if figure is not None:
        assert isinstance(figure.value, Decimal) and figure.value.is_finite()
        assert figure.text == text.strip()
        assert figure.half_unit >= 0
    count = chinese_int(text)
    assert count is None or (isinstance(count, int) and count >= 0)


YAML_PIECES = [
    ":",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\n    ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!int ",
    "!!float ",
    "!!binary ",
    "!!timestamp ",
    "!!python/object:os.system ",
    "!foo ",
    "!!set ",
    "!!omap ",
    "<<: ",
    "? ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "~",
    "null",
    "2023-02-30",
    "code",
    "kind",
    "type",
    "severity",
    "cases",
    "pass",
    "fail",
    "rows",
    "entity",
    "\t",
    "\x00",
    "\ufeff",
    "2023-99-99 12:00:00",
    "0x",
    "1e999",
]
FILE_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=3)  # what a file can hold
YAML_TEXT = st.lists(st.one_of(st.sampled_from(YAML_PIECES), FILE_TEXT), max_size=60).map("".join)
LOCATED = r"^{path}:\d+: \S"


@settings(max_examples=400, deadline=None)
@given(YAML_TEXT)
def test_yaml_loader_gives_data_or_a_located_error(text):
    tried("ruleset.yamlfile.load (random YAML)")
    try:
        load(Path("fuzz.yaml"), text)
    except RuleFileError as exc:
        assert re.match(LOCATED.format(path="fuzz.yaml"), str(exc)), str(exc)


RULE_FILES = sorted(builtin_dir().glob("*/*.yaml"))


def _mutate(text: str, data: st.DataObject) -> str:
    """One to four edits of the kinds people make: lines lost, doubled, swapped, re-indented; stray text."""
    for _ in range(data.draw(st.integers(1, 4))):
        lines = text.split("\n")
        at = data.draw(st.integers(0, max(0, len(lines) - 1)))
        edit = data.draw(st.sampled_from(["drop", "double", "swap", "indent", "insert", "truncate", "char"]))
        if edit == "drop":
            del lines[at]
        elif edit == "double":
            lines.insert(at, lines[at])
        elif edit == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif edit == "indent":
            lines[at] = data.draw(st.sampled_from(["", " ", "  ", "\t", "      "])) + lines[at].lstrip()
        elif edit == "insert":
            col = data.draw(st.integers(0, len(lines[at])))
            piece = data.draw(st.one_of(st.sampled_from(YAML_PIECES), FILE_TEXT))
            lines[at] = lines[at][:col] + piece + lines[at][col:]
        elif edit == "char" and lines[at]:
            col = data.draw(st.integers(0, len(lines[at]) - 1))
            # NOTE: no lone surrogates: no file can hold them, so no user can write them
            lines[at] = lines[at][:col] + data.draw(st.characters(exclude_categories=("Cs",))) + lines[at][col + 1 :]
        text = "\n".join(lines)
        if edit == "truncate":
            text = text[: data.draw(st.integers(0, len(text)))]
    return text


def _place(source: Path, text: str, root: Path) -> tuple[Path, str]:
    """Where a mutated copy goes in an extra rules dir, renamed so it does not just duplicate the original."""
    kind = source.parent.name
    if kind in ("profiles", "lexicons"):
        text = re.sub(rf"^name:\s*{source.stem}\b", "name: fuzz", text, flags=re.M)
        path = root / kind / "fuzz.yaml"
    else:
        text = text.replace(source.stem, f"FUZZ_{source.stem}")
        path = root / "fuzzed" / f"FUZZ_{source.stem}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, kind


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(RULE_FILES), st.data())
def test_rule_loader_on_mutated_real_rule_files(source, data):
    """A mutated rule, profile or lexicon loads, or every error says `file:line: message`."""
    tried("ruleset.loader.load_ruleset (mutated rules/ files)")
    text = _mutate(source.read_text(encoding="utf-8"), data)
    with tempfile.TemporaryDirectory() as tmp:
        path, kind = _place(source, text, Path(tmp))
        profile = "fuzz" if kind == "profiles" and data.draw(st.booleans()) else "national"
        try:
            load_ruleset([Path(tmp)], profile=profile)
        except RuleSetError as exc:
            assert exc.errors
            for error in exc.errors:
                assert re.match(LOCATED.format(path=re.escape(str(path))), str(error)), str(error)


@settings(max_examples=50, deadline=None)
@given(YAML_TEXT, st.sampled_from(["fuzzed/FUZZ_RULE.yaml", "profiles/fuzz.yaml", "lexicons/fuzz.yaml"]))
def test_rule_loader_on_random_yaml(text, where):
    tried("ruleset.loader.load_ruleset (random YAML)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / where
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        try:
            load_ruleset([Path(tmp)])
        except RuleSetError as exc:
            for error in exc.errors:
                assert re.match(LOCATED.format(path=re.escape(str(path))), str(error)), str(error)


@pytest.mark.parametrize(
    "text",
    [
        "a: 2023-02-30\n",
        "a: !!int abc\n",
        "a: !!python/object:os.system x\n",
        "<<: {a: 1}\n",
        "a: \x00\n",
        "? !!python/tuple [1]\n: 1\n",
    ],
)
def test_yaml_values_that_pyyaml_cannot_construct_are_located_errors(text):
    """Each of these escaped `load` as ValueError or ConstructorError (a traceback from the CLI)."""
    with pytest.raises(RuleFileError, match=LOCATED.format(path="x.yaml")):
        load(Path("x.yaml"), text)


@pytest.mark.parametrize(
    "text, expected", [("\U00010a40", None), ("፩", None), ("1" * 5000, None), ("٣", 3), ("十二", 12)]
)
def test_chinese_int_on_digits_int_cannot_read(text, expected):
    """`str.isdigit` accepts digits `int()` refuses (Kharosthi, Ethiopic) and counts past int's 4,300 digits."""
    assert chinese_int(text) == expected
