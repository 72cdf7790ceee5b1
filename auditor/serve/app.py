"""The web service: `create_app(config, ruleset)` builds the FastAPI app behind `auditor serve`.

Routes: `/` the review page, `POST /api/check` the issue contract (exactly what
`auditor check --format json` prints), `POST /api/review` the same for the page
plus download links, `GET /api/rules`, `/download/...`, `/docs`. Audits run in
warm worker processes (`workers.WorkerPool`), so the event loop only moves bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from auditor.config import Config
from auditor.i18n import LANGS
from auditor.render import DOWNLOADS, coverage, renderer
from auditor.render.html import highlight
from auditor.ruleset.loader import RuleSet
from auditor.serve import docs, page
from auditor.serve.job import Outcome, audit_uploads
from auditor.serve.store import Entry, ResultStore
from auditor.serve.uploads import LimitBody, keep, store
from auditor.serve.workers import InlinePool, JobTimeout, WorkerDied, WorkerPool

MAX_FILES = 50
_MEDIA = {
    **{o.name: o.media_type for o in DOWNLOADS},
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# NOTE: everything the page needs comes from this server; the policy makes the browser hold us to it.
_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'"


@dataclass
class Settings:
    max_upload_mb: float = 20.0
    timeout: float = 60.0
    keep: Path | None = None
    workers: int | None = None  # None: one per core; 0: threads in the server process (tests, debugging)
    warm: bool = True  # import Great Expectations and validate once per worker at start-up
    tmp_root: Path | None = None  # where per-request temporary directories are made (system default)
    result_ttl: float = 900.0


class ApiError(Exception):
    def __init__(self, status: int, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.status, self.code, self.detail = status, code, f"{zh} / {en}"


def create_app(
    config: Config | None = None,
    ruleset: RuleSet | None = None,
    settings: Settings | None = None,
    job: Callable[..., Outcome] = audit_uploads,
) -> FastAPI:
    """The app; its worker pool starts (and warms) with the app's lifespan and stops with it.

    `job` is what a worker runs on the stored uploads; tests swap in a slow one.
    """
    config = config or Config()
    ruleset = ruleset or config.ruleset()
    settings = settings or Settings()
    size = settings.workers if settings.workers is not None else (os.cpu_count() or 1)
    pool = WorkerPool(size, config, settings.warm) if size > 0 else InlinePool(config, settings.warm)
    results = ResultStore(ttl=settings.result_ttl)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        pool.start()  # NOTE: blocks start-up until every worker is warm; no request is taken before
        yield
        pool.close()

    app = FastAPI(
        title="auditor",
        version=ruleset.version,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Audit of budget performance self-evaluation reports (预算绩效自评).",
    )
    app.state.pool, app.state.results, app.state.settings = pool, results, settings

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "detail": exc.detail}, status_code=exc.status)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    async def audit_request(request: Request) -> tuple[Outcome, list]:
        """Store the uploads under generated names in a fresh temporary directory, audit, remove the directory."""
        form = await request.form(max_files=MAX_FILES)
        try:
            files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
            if not files:
                raise ApiError(
                    400,
                    "no_files",
                    "请上传至少一个文件（表单字段 files）",
                    "upload at least one file (multipart field `files`)",
                )
            with tempfile.TemporaryDirectory(prefix="auditor-serve-", dir=settings.tmp_root) as tmp:
                uploads = await run_in_threadpool(store, files, Path(tmp))
                outcome = await _run(pool, job, uploads, settings.timeout)
                if settings.keep:
                    contract = renderer("json")(outcome.result, lang="zh")
                    await run_in_threadpool(keep, uploads, settings.keep, os.path.basename(tmp), contract)
            return outcome, uploads
        finally:
            await form.close()

    @app.post("/api/check", openapi_extra=docs.UPLOAD_BODY, summary="Audit uploaded reports: the issue contract")
    async def check(request: Request, lang: str = "zh") -> Response:
        outcome, _ = await audit_request(request)
        return Response(renderer("json")(outcome.result, lang=_lang(lang)), media_type="application/json")

    @app.post("/api/review", openapi_extra=docs.UPLOAD_BODY, summary="For the page: issues in zh and en, downloads")
    async def review(request: Request) -> JSONResponse:
        outcome, uploads = await audit_request(request)
        names = [shown for _stored, shown, _kind in uploads]
        token = results.put(Entry(outcome.result, names, outcome.annotated))
        base = f"/download/{token}"
        return JSONResponse(
            {
                "contract": {lang: json.loads(renderer("json")(outcome.result, lang=lang)) for lang in LANGS},
                # NOTE: marked up here with the HTML report's own highlighter, so the page and the report agree
                "shown": [
                    {"where": i.location.short(), "evidence": str(highlight(i.evidence or "", i.found or ""))}
                    for i in outcome.result.issues
                ],
                # what was read and checked in each document, in words, in the contract's order of documents
                "coverage": {lang: coverage.described(outcome.result, lang) for lang in LANGS},
                "downloads": {
                    **{o.name: f"{base}/issues{o.suffix}" for o in DOWNLOADS},
                    "annotated": [{"doc": names[i], "url": f"{base}/annotated/{i}"} for i in sorted(outcome.annotated)],
                },
                "expires_in": int(settings.result_ttl),
            }
        )

    @app.get("/api/rules", summary="The rules in use")
    async def rules() -> list[dict]:
        return [
            {
                "code": r.code,
                "group": ruleset.sources[r.code].parent.name if r.code in ruleset.sources else None,
                "kind": r.kind,
                "severity": r.severity,
                "title": {"zh": r.title.zh, "en": r.title.en},
            }
            for r in ruleset.rules
        ]

    @app.get("/download/{token}/issues.{fmt}", summary="The workbook or HTML report of a review")
    async def download(token: str, fmt: str, lang: str = "zh") -> Response:
        entry = _entry(results, token)
        if fmt not in (o.name for o in DOWNLOADS):
            raise ApiError(404, "not_found", "没有这种格式", "no such format")
        body = await run_in_threadpool(renderer(fmt), entry.result, _lang(lang))
        return Response(body, media_type=_MEDIA[fmt], headers=_attachment(f"审查结果.{fmt}", f"issues.{fmt}"))

    @app.get("/download/{token}/annotated/{index}", summary="The commented copy of an uploaded .docx")
    async def annotated(token: str, index: int, lang: str = "zh") -> Response:
        copies = _entry(results, token).annotated.get(index)
        if not copies:
            raise ApiError(404, "not_found", "没有这个文件的批注副本", "no commented copy of that file")
        name = _entry(results, token).names[index]
        stem = name[:-5] if name.lower().endswith(".docx") else name
        body = copies.get(_lang(lang)) or next(iter(copies.values()))
        return Response(body, media_type=_MEDIA["docx"], headers=_attachment(f"{stem}-审查意见.docx", "annotated.docx"))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(lang: str = "zh") -> HTMLResponse:
        return HTMLResponse(page.html(_lang(lang), settings.max_upload_mb))

    @app.get("/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in page.ASSETS:
            raise ApiError(404, "not_found", "没有这个文件", "no such file")
        body, media = page.ASSETS[name]
        return Response(body, media_type=media, headers={"Cache-Control": "max-age=3600"})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(docs.html(app.openapi(), settings.max_upload_mb, settings.timeout))

    app.add_middleware(LimitBody, limit=int(settings.max_upload_mb * (1 << 20)))
    return app


async def _run(pool, job: Callable, uploads: list, timeout: float) -> Outcome:
    try:
        return await pool.run(job, (uploads,), timeout)
    except JobTimeout:
        raise ApiError(
            504,
            "timeout",
            f"审查超过 {timeout:g} 秒仍未完成，已停止；文件可能过大或已损坏",
            f"the audit took longer than {timeout:g} s and was stopped; the file may be too large or damaged",
        ) from None
    except WorkerDied:
        raise ApiError(500, "worker_died", "审查进程意外终止", "the audit process ended unexpectedly") from None
    except RuntimeError as exc:
        raise ApiError(500, "internal", f"审查出错：{exc}", f"the audit failed: {exc}") from None


def _entry(results: ResultStore, token: str) -> Entry:
    entry = results.get(token)
    if entry is None:
        raise ApiError(404, "expired", "下载链接已过期，请重新上传", "the download link has expired; upload again")
    return entry


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "zh"


def _attachment(name: str, fallback: str) -> dict[str, str]:
    """A download's name: the user's (as UTF-8, RFC 6266), with an ASCII fallback; never a path."""
    return {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"}
