"""Text copied from Word: tab-led cells, continuation lines, rows ended by blank lines."""

import pytest

from auditor.read import read_document
from auditor.read.errors import UnreadableInput
from auditor.read.text import parse_text

TABLE = "标题段落\n\t项目名称\n\t老字号\n\n\t产\n出\n(50分)\n\t数量指标\n\n正文段落\n"


def test_cells_rows_and_continuations():
    doc = parse_text(TABLE, "t.txt")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    table = doc.blocks[1]
    assert [[c.text for c in row] for row in table.rows] == [["项目名称", "老字号"], ["产\n出\n(50分)", "数量指标"]]
    assert [c.loc.line for c in table.rows[1]] == [5, 8]
    assert table.rows[0][0].loc.table == 1


def test_two_blank_lines_end_a_table():
    doc = parse_text("\ta\n\n\n\tb\n", "t.txt")
    assert len(list(doc.tables())) == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_offices_use(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(TABLE.encode(encoding))
    doc = read_document(path, "r.txt")
    assert doc.blocks[1].rows[0][1].text == "老字号"


def test_binary_named_txt_is_unreadable(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 10)
    with pytest.raises(UnreadableInput, match="r.txt"):
        read_document(path, "r.txt")


def test_empty_file_is_unreadable(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(UnreadableInput, match="empty"):
        read_document(path, "empty.txt")
