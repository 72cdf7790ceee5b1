"""Every error of `auditor serve` in one shape, `{"error": CODE, "detail": words}`, in the asker's language.

The language is the request's `?lang=` when it names one, else the first of
zh/en its Accept-Language prefers, else Chinese. The page passes its own
language, so its errors read like the page. Starlette's and FastAPI's own
errors (404, 405, 422, a malformed or overfull multipart body) are answered in
the same shape here, never as `{"detail": ...}` in English.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import Scope

from auditor.i18n import LANGS, t


class ApiError(Exception):
    """An answer with an error status: `code` names it, its words are `serve_error.<code>` with `values`."""

    def __init__(self, status: int, code: str, headers: dict[str, str] | None = None, **values) -> None:
        super().__init__(code)
        self.status, self.code, self.headers, self.values = status, code, headers or {}, values


def request_lang(scope: Scope) -> str:
    """zh or en: `?lang=`, then Accept-Language (by its q-values), then zh."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
    if query in LANGS:
        return query
    header = dict(scope.get("headers") or []).get(b"accept-language", b"").decode("latin-1")
    ranked = []
    for n, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, n, tag.split("-")[0].lower()))
    for minus_q, _n, primary in sorted(ranked):
        if primary in LANGS and minus_q < 0:
            return primary
    return "zh"


def response(scope: Scope, status: int, code: str, headers: dict[str, str] | None = None, **values) -> JSONResponse:
    """The error answer; usable from plain ASGI middleware too (`await response(...)(scope, receive, send)`)."""
    detail = t(request_lang(scope), f"serve_error.{code}", **values)
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Answer ApiError, HTTP exceptions, validation errors and anything unforeseen in the one shape."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONResponse:
        return response(request.scope, exc.status, exc.code, exc.headers, **exc.values)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        path = request.url.path
        if exc.status_code == 404:
            return response(request.scope, 404, "not_found", path=path)
        if exc.status_code == 405:
            return response(request.scope, 405, "method_not_allowed", exc.headers, path=path, method=request.method)
        return response(request.scope, exc.status_code, "http", exc.headers, status=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()) or "?"
        return response(request.scope, 422, "invalid", fields=fields)

    @app.exception_handler(Exception)
    async def _unforeseen(request: Request, exc: Exception) -> JSONResponse:
        return response(request.scope, 500, "internal", reason=type(exc).__name__)


def form_error(exc: HTTPException, max_files: int, max_fields: int) -> ApiError:
    """What Starlette's multipart parser refused (it raises a 400 with an English message), as our error."""
    message = str(exc.detail)
    if message.startswith("Too many files"):
        return ApiError(400, "too_many_files", max=max_files)
    if message.startswith("Too many fields"):
        return ApiError(400, "too_many_fields", max=max_fields)
    return ApiError(400, "bad_form", reason=message)
