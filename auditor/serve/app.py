"""The web service: `create_app(config, ruleset, settings)` builds the FastAPI app behind `auditor serve`.

Routes: `/` the review page, `POST /api/check` the issue contract (exactly what
`auditor check --format json` prints), `POST /api/review` the same for the page
plus download links, `GET /api/results/<token>` whether a review's downloads
are still kept, `GET /api/rules`, `/download/...`, `/docs`. Audits run in warm
worker processes (`workers.WorkerPool`) behind a bounded queue, and the workers
also render the answers, so the event loop only moves bytes.
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
from starlette.exceptions import HTTPException

from auditor.config import Config
from auditor.i18n import LANGS
from auditor.render import DOWNLOADS
from auditor.ruleset.loader import RuleSet
from auditor.serve import docs, errors, page
from auditor.serve.errors import ApiError
from auditor.serve.guard import HostCheck, SecurityHeaders
from auditor.serve.job import Answer, Outcome, answer, answer_many, audit_uploads, render_download
from auditor.serve.queue import Busy
from auditor.serve.store import Entry, ResultStore
from auditor.serve.uploads import LimitBody, keep, store
from auditor.serve.workers import InlinePool, JobTimeout, WorkerDied, WorkerPool

MAX_FILES = 50
MAX_FIELDS = 100
_MEDIA = {
    **{o.name: o.media_type for o in DOWNLOADS},
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass
class Settings:
    max_upload_mb: float = 20.0
    timeout: float = 60.0  # seconds one audit may run, not counting its wait for a worker
    keep: Path | None = None
    workers: int | None = None  # None: one per core; 0: threads in the server process (tests, debugging)
    warm: bool = True  # import Great Expectations and validate once per worker at start-up
    tmp_root: Path | None = None  # where per-request temporary directories are made (system default)
    result_ttl: float = 900.0
    results_mb: float = 256.0  # memory for kept results (their downloads), all together
    queue: int = 32  # requests that may wait for a worker (uploading or queued); more are answered 503
    large_mb: float = 2.0  # a request over this is large: served after small ones, never on every worker
    host: str = "127.0.0.1"  # the address listened on: requests must name it (or localhost, or allowed_hosts)
    allowed_hosts: tuple[str, ...] = ()


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
    queue = {"queue": settings.queue, "wait": settings.timeout}
    pool = WorkerPool(size, config, settings.warm, **queue) if size > 0 else InlinePool(config, settings.warm, **queue)
    results = ResultStore(ttl=settings.result_ttl, max_bytes=int(settings.results_mb * (1 << 20)))
    large = int(settings.large_mb * (1 << 20))

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
        description=docs.DESCRIPTION,
    )
    app.state.pool, app.state.results, app.state.settings = pool, results, settings
    errors.install(app)

    # NOTE: requests are audited together only when no rule in use looks across documents
    batchable = all("doc" in (getattr(r, "group_by", None) or ["doc"]) for r in ruleset.rules)

    async def work(ticket, fn: Callable, args: tuple, heavy: bool, batch=None):
        try:
            return await pool.run(ticket, fn, args, settings.timeout, heavy, batch if batchable else None)
        except Busy as exc:
            raise ApiError(503, "busy", {"Retry-After": str(exc.retry_after)}, s=exc.retry_after) from None
        except JobTimeout:
            raise ApiError(504, "timeout", s=f"{settings.timeout:g}") from None
        except WorkerDied:
            raise ApiError(500, "worker_died") from None
        except RuntimeError as exc:
            raise ApiError(500, "internal", reason=str(exc)) from None

    async def audit_request(request: Request, langs: tuple[str, ...], review: bool) -> tuple[Answer, list]:
        """Store the uploads under generated names in a fresh temporary directory, audit, remove the directory."""
        with _admitted(pool) as ticket:
            try:
                form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS)
            except HTTPException as exc:
                raise errors.form_error(exc, MAX_FILES, MAX_FIELDS) from None
            try:
                files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
                if not files:
                    raise ApiError(400, "no_files")
                with tempfile.TemporaryDirectory(prefix="auditor-serve-", dir=settings.tmp_root) as tmp:
                    uploads = await run_in_threadpool(store, files, Path(tmp))
                    heavy = sum(os.path.getsize(stored) for stored, _, _ in uploads) > large
                    wanted = tuple(dict.fromkeys((*langs, *(("zh",) if settings.keep else ()))))
                    names = frozenset(shown for _stored, shown, _kind in uploads)
                    done = await work(ticket, answer, (job, uploads, wanted, review), heavy, (names, answer_many))
                    if settings.keep:
                        await run_in_threadpool(
                            keep, uploads, settings.keep, os.path.basename(tmp), done.contract["zh"]
                        )
                return done, uploads
            finally:
                await form.close()

    @app.post("/api/check", openapi_extra=docs.UPLOAD_BODY, summary="Audit uploaded reports: the issue contract")
    async def check(request: Request, lang: str = "zh") -> Response:
        done, _ = await audit_request(request, (_lang(lang),), review=False)
        return Response(done.contract[_lang(lang)], media_type="application/json")

    @app.post("/api/review", openapi_extra=docs.UPLOAD_BODY, summary="For the page: issues in zh and en, downloads")
    async def review(request: Request) -> Response:
        done, uploads = await audit_request(request, LANGS, review=True)
        names = [shown for _stored, shown, _kind in uploads]
        token = results.put(Entry(done.result, names, done.annotated))
        base = f"/download/{token}"
        downloads = {
            **{o.name: f"{base}/issues{o.suffix}" for o in DOWNLOADS},
            "annotated": [{"doc": names[i], "url": f"{base}/annotated/{i}"} for i in sorted(done.annotated)],
            "status": f"/api/results/{token}",
        }
        # NOTE: put together as text: the worker rendered the large parts, the server only joins them
        contracts = ", ".join(f'"{lang}": {done.contract[lang]}' for lang in LANGS)
        tail = {"downloads": downloads if token else None, "kept": token is not None, "expires_in": int(results.ttl)}
        body = (
            f'{{"contract": {{{contracts}}}, "shown": {done.shown}, "coverage": {done.coverage}, '
            f"{json.dumps(tail, ensure_ascii=False)[1:-1]}}}"
        )
        return Response(body, media_type="application/json")

    @app.get("/api/results/{token}", summary="Whether a review's downloads are still kept, and for how long")
    async def result_status(token: str) -> JSONResponse:
        left = results.expires_in(token)
        if left is None:
            raise ApiError(404, "expired")
        return JSONResponse({"expires_in": int(left)})

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
            raise ApiError(404, "no_format", fmt=fmt)
        with _admitted(pool) as ticket:
            body = await work(ticket, render_download, (entry.result, fmt, _lang(lang)), entry.size > large)
        return Response(body, media_type=_MEDIA[fmt], headers=_attachment(f"审查结果.{fmt}", f"issues.{fmt}"))

    @app.get("/download/{token}/annotated/{index}", summary="The commented copy of an uploaded .docx")
    async def annotated(token: str, index: int, lang: str = "zh") -> Response:
        entry = _entry(results, token)
        copies = entry.annotated.get(index)
        if not copies:
            raise ApiError(404, "no_copy")
        name = entry.names[index]
        stem = name[:-5] if name.lower().endswith(".docx") else name
        body = copies.get(_lang(lang)) or next(iter(copies.values()))
        return Response(body, media_type=_MEDIA["docx"], headers=_attachment(f"{stem}-审查意见.docx", "annotated.docx"))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(lang: str = "zh") -> HTMLResponse:
        return HTMLResponse(page.html(_lang(lang), settings.max_upload_mb, settings.keep is not None, results.ttl))

    @app.get("/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in page.ASSETS:
            raise ApiError(404, "not_found", path=f"/assets/{name}")
        body, media = page.ASSETS[name]
        return Response(body, media_type=media, headers={"Cache-Control": "max-age=3600"})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(docs.html(app.openapi(), settings, MAX_FILES))

    # NOTE: added last is outermost: the Host check answers before anything is read, then the body cap
    app.add_middleware(LimitBody, limit=int(settings.max_upload_mb * (1 << 20)))
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, bound=settings.host, allowed=settings.allowed_hosts)
    return app


def _admitted(pool):
    """The request's place in the queue, or 503 with Retry-After when the queue is full."""
    try:
        return pool.admit()
    except Busy as exc:
        raise ApiError(503, "busy", {"Retry-After": str(exc.retry_after)}, s=exc.retry_after) from None


def _entry(results: ResultStore, token: str) -> Entry:
    entry = results.get(token)
    if entry is None:
        raise ApiError(404, "expired")
    return entry


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "zh"


def _attachment(name: str, fallback: str) -> dict[str, str]:
    """A download's name: the user's (as UTF-8, RFC 6266), with an ASCII fallback; never a path."""
    return {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"}
