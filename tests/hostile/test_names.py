"""File names from old archives: GBK bytes, stray bytes, newlines, a leading dash; every report renders them.

A bureau's archive zipped on Chinese Windows unpacks on Linux with GBK bytes
in its names. Such a name once ended the whole batch: Python carries the bytes
as lone surrogates, and hashing the `doc` column (pandas) or printing the JSON
could not encode them. The files must be read from their real paths, shown
under a readable name, and rendered by every output format.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from auditor.pipeline import audit
from auditor.render import FORMATS, renderer

from .corpus import SAMPLE

NAMES = {
    os.fsdecode("预算报告".encode("gbk") + b".txt"): "预算报告.txt",  # GBK bytes: shown as GBK
    os.fsdecode(b"bad\xff\xfe.txt"): "bad\\xff\\xfe.txt",  # neither UTF-8 nor GBK: escaped
    "new\nline.txt": "new\nline.txt",
    "-rf.txt": "-rf.txt",
}


@pytest.fixture(scope="module")
def result(tmp_path_factory, ruleset):
    folder = tmp_path_factory.mktemp("names")
    for name in NAMES:
        shutil.copy(SAMPLE, folder / name)
    return audit([str(folder)], ruleset=ruleset, jobs=1)


def test_every_file_is_read_and_shown_by_a_name_that_can_be_printed(result, sample_result):
    assert sorted(Path(d.doc).name for d in result.documents) == sorted(NAMES.values())
    assert all(d.status == "ok" for d in result.documents)
    per_doc = len(sample_result.issues)
    assert len(result.issues) == per_doc * len(NAMES)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_the_names(result, fmt):
    out = renderer(fmt)(result, lang="zh", color=False)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    assert data
