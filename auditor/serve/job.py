"""The work one upload request asks for, run inside a worker process: audit, annotate, and render the answer.

`audit_uploads` calls `auditor.pipeline.audit_files`, which reads each file
from its generated path and reports it under the name the user gave
(`display`), so the user's name is only ever data, never a path. `answer`
wraps any such job and renders what the server sends, so the server process
only moves bytes; `render_download` makes a workbook or HTML report of a kept
result, also in a worker.
"""

from __future__ import annotations

import json
import pickle
import random
import tempfile
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

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


@dataclass
class Answer:
    """What the server sends on, rendered in the worker: JSON texts, the kept result, the commented copies."""

    contract: dict[str, str]  # lang -> the issue contract as `auditor check --format json` prints it
    shown: str = "[]"  # JSON: per issue, its location as text and its evidence with the found figure marked
    coverage: str = "{}"  # JSON: per language, what was read and checked in each document
    result: bytes = b""  # the AuditResult, pickled and compressed: what downloads are made from
    annotated: dict[int, dict[str, bytes]] = field(default_factory=dict)


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
    # NOTE: what chose the rules (a ./auditor.cfg where the server was started, --ignore, --profile) is
    # named in the reports, as `auditor check` names it: the JSON carries it only when it changes anything
    result.settings = _STATE["config"].provenance(_STATE["ruleset"])
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


def answer(job: Callable[..., Outcome], uploads: list[Upload], langs: tuple[str, ...], review: bool) -> Answer:
    """Run `job` and render its outcome: the contract in `langs`; for the page also the evidence, coverage, result.

    NOTE: rendered here, in the worker, because a large report's JSON takes the
    server process seconds that every other request would wait for.
    """
    outcome = job(uploads, annotate=review)
    return _render(outcome.result, outcome.annotated, langs, review)


def answer_many(requests: list[tuple]) -> list[Answer]:
    """`answer` for several requests (each `answer`'s arguments) audited as one batch, each given only its own.

    NOTE: validation costs nearly as much for one report as for eight, so small
    requests waiting together are audited together. The file names of the
    requests differ (the queue batches no others) and every built-in rule looks
    within one document, so each request's result is what it would be alone.
    """
    job = requests[0][0]
    combined = [upload for _job, uploads, _langs, _review in requests for upload in uploads]
    outcome = job(combined, annotate=any(review for *_rest, review in requests))
    answers, start = [], 0
    for _job, uploads, langs, review in requests:
        mine = {shown for _stored, shown, _kind in uploads}
        result = replace(
            outcome.result,
            documents=[d for d in outcome.result.documents if d.doc in mine],
            issues=[i for i in outcome.result.issues if i.doc in mine],
        )
        copies = {n - start: c for n, c in outcome.annotated.items() if start <= n < start + len(uploads)}
        answers.append(_render(result, copies if review else {}, langs, review))
        start += len(uploads)
    return answers


def _render(result: AuditResult, annotated: dict, langs: tuple[str, ...], review: bool) -> Answer:
    from auditor.render import coverage, renderer
    from auditor.render.html import highlight

    contract = {lang: renderer("json")(result, lang=lang) for lang in langs}
    if not review:
        return Answer(contract)
    shown = [
        {"where": i.location.short(), "evidence": str(highlight(i.evidence or "", i.found or ""))}
        for i in result.issues
    ]
    return Answer(
        contract,
        shown=json.dumps(shown, ensure_ascii=False),
        coverage=json.dumps({lang: coverage.described(result, lang) for lang in LANGS}, ensure_ascii=False),
        result=zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1),
        annotated=annotated,
    )


def render_download(result: bytes, fmt: str, lang: str) -> bytes | str:
    """The workbook or HTML report of a kept result (as `answer` packed it)."""
    from auditor.render import renderer

    return renderer(fmt)(pickle.loads(zlib.decompress(result)), lang)
