"""Build binary fixtures at test time: the sample report as .docx, .xlsx and .pdf, and hostile files.

No binary file is committed: every builder writes where the caller says
(pytest's `tmp_path`). The sample report's text form, Word's copy-as-text in
data_samples/lieshan-hrss-2023-self-evaluation.txt, is the single source: it is
parsed into paragraphs and tables, the tables are laid out on a grid with the
merges a published 自评表 has (the 一级指标 and 项目资金（万元） cells merged
vertically, short rows widened by gridSpan), and each builder draws that
layout in its own format. A reader is right when it gives the text form's
blocks back, whatever the format; an end-to-end test can reuse the builders to
check that every format of one report gives the same issues.

Sample builders (each returns the path it wrote):
- `build_docx(path, blocks=None, decorate=False)`: raw WordprocessingML; with
  `decorate`, the same visible text behind tracked insertions, content controls,
  fields and Symbol characters, plus deleted/hidden text that must not show.
- `build_xlsx(path, blocks=None, sheet="自评报告")`: one sheet, merged ranges,
  number formats 0.00% and 0.0000 so that values must be read as displayed.
- `build_pdf(path, blocks=None, split_first_table=True, page_furniture=True)`:
  reportlab with the STSong-Light CID font (no font file needed), grid lines,
  the first table broken across two pages by a page break (the second one is
  split by reportlab where the page ends), a running header and page numbers.

From a test outside tests/read: `from read.make_fixtures import build_docx`
(pytest puts tests/ on sys.path; tests/read is a package).

Helpers: `sample_blocks()` (str for a paragraph, rows of cell texts for a
table), `parse_text_form(text)`, `lay_out(rows)`, `docx_with_body(path, xml)`,
`build_zip(path, entries)`, `build_ole(path, streams)`.
"""

from __future__ import annotations

from .fixtures_office import W_NS, build_docx, build_xlsx, docx_with_body, run
from .fixtures_pdf import build_pdf
from .fixtures_raw import build_ole, build_zip
from .text_form import SAMPLE, LaidCell, excel_value, lay_out, parse_text_form, rowspans, sample_blocks

__all__ = [
    "SAMPLE",
    "W_NS",
    "LaidCell",
    "build_docx",
    "build_ole",
    "build_pdf",
    "build_xlsx",
    "build_zip",
    "docx_with_body",
    "excel_value",
    "lay_out",
    "parse_text_form",
    "rowspans",
    "run",
    "sample_blocks",
]
