"""The work one upload request asks for, run inside a worker process: audit, then annotate Word files.

It calls `auditor.pipeline.audit_files`, which reads each file from its
generated path and reports it under the name the user gave (`display`), so
the user's name is only ever data, never a path.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from auditor.config import Config
from auditor.i18n import LANGS
from auditor.pipeline import audit_files
from auditor.result import AuditResult

Upload = tuple[str, str, str]  # stored path (generated), display name (the user's), sniffed type


@dataclass
class Outcome:
    """What a worker sends back: the result, and the commented copy of every Word file in each language."""

    result: AuditResult
    annotated: dict[int, dict[str, bytes]] = field(default_factory=dict)  # upload index -> lang -> .docx


_STATE: dict = {}  # per worker process: the rule set and its compiled suites, built once


def warm(config: Config, full: bool = True) -> None:
    """Load the rules (and, when `full`, import Great Expectations and validate one report) once per process.

    NOTE: a synthetic report is audited at start-up because the first validation
    imports and builds much more of GX than `import great_expectations` does; the
    first user should not pay for it.
    """
    ruleset = config.ruleset()
    _STATE.update(config=config, ruleset=ruleset)
    if not full:
        return
    from auditor.synth import make_report, render_text

    with tempfile.TemporaryDirectory(prefix="auditor-warm-") as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_text(render_text(make_report(random.Random(1))), encoding="utf-8")
        audit_uploads([(str(path), "warm.txt", "text")], annotate=False)


def audit_uploads(uploads: list[Upload], annotate: bool = True) -> Outcome:
    """Audit the stored uploads as one batch; unreadable files become issues, never exceptions."""
    if "ruleset" not in _STATE:
        warm(Config(), full=False)
    items = [(Path(stored), display) for stored, display, _kind in uploads]
    result = audit_files(items, _STATE["config"], _STATE["ruleset"], jobs=1)
    return Outcome(result, _annotate(uploads, result) if annotate else {})


def _annotate(uploads: list[Upload], result: AuditResult) -> dict[int, dict[str, bytes]]:
    """A commented copy of each readable .docx upload, in every language, written and read back in memory.

    NOTE: both languages are made now because the upload is deleted once the
    answer is sent, and the page can switch language afterwards.
    """
    from auditor.annotate import annotate_docx

    ok = {d.doc for d in result.documents if d.status == "ok"}
    out: dict[int, dict[str, bytes]] = {}
    for index, (stored, display, kind) in enumerate(uploads):
        if kind != "docx" or display not in ok:
            continue
        mine = [i for i in result.issues if i.doc == display]
        copies: dict[str, bytes] = {}
        for lang in LANGS:
            dst = Path(stored).with_name(f"{Path(stored).stem}.annotated-{lang}.docx")
            try:
                annotate_docx(Path(stored), dst, mine, lang)
            except Exception:  # NOTE: a report we could audit but not comment on still gets its issue list
                break
            copies[lang] = dst.read_bytes()
        if copies:
            out[index] = copies
    return out
