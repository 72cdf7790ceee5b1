"""The sample report as .docx and .xlsx: auditor.synth.office's builders, given the sample by default."""

from __future__ import annotations

from pathlib import Path

from auditor.synth import office
from auditor.synth.office import W_NS, docx_with_body, run

from .text_form import sample_blocks

__all__ = ["W_NS", "build_docx", "build_xlsx", "docx_with_body", "run"]


def build_docx(path: Path, blocks: list | None = None, decorate: bool = False) -> Path:
    return office.build_docx(path, sample_blocks() if blocks is None else blocks, decorate)


def build_xlsx(path: Path, blocks: list | None = None, sheet: str = "自评报告") -> Path:
    return office.build_xlsx(path, sample_blocks() if blocks is None else blocks, sheet)
