"""The bundled sample as blocks, and the layout helpers the format builders share (auditor.synth.layout)."""

from __future__ import annotations

from pathlib import Path

from auditor.synth.layout import LaidCell, excel_value, lay_out, parse_text_form, rowspans

SAMPLE = Path(__file__).resolve().parents[2] / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"

__all__ = ["SAMPLE", "LaidCell", "excel_value", "lay_out", "parse_text_form", "rowspans", "sample_blocks"]


def sample_blocks() -> list:
    """The sample report as blocks: str for a paragraph, list of rows of cell texts for a table."""
    return parse_text_form(SAMPLE.read_text(encoding="utf-8"))
