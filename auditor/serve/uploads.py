"""Uploads: a byte cap on the request, generated file names, the type taken from the bytes.

The user's file name is display text only. It becomes the `doc` of the results
and the name of a download, but never a filesystem path: every upload is stored
as `<n>-<random hex>.<suffix of its sniffed type>` in a fresh temporary directory.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import unicodedata
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Receive, Scope, Send

from auditor.read import sniff
from auditor.serve import errors
from auditor.serve.errors import ApiError
from auditor.serve.job import Upload

#: Suffix a stored upload gets from its sniffed type; readers choose by bytes, the suffix only helps converters.
SUFFIX = {
    "docx": ".docx",
    "xlsx": ".xlsx",
    "xls": ".xls",
    "pdf": ".pdf",
    "doc": ".doc",
    "wps": ".wps",
    "rtf": ".doc",
    "html": ".doc",
    "text": ".txt",
}
CHUNK = 1 << 20


class TooLarge(ApiError):
    """The body passed the cap while it was read; answered 413 like a Content-Length over it."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "too_large", {"Connection": "close"}, mb=f"{limit / (1 << 20):g}")


def _is_too_large(exc: BaseException) -> bool:
    """TooLarge, or a group (a task group's ExceptionGroup) that holds one."""
    return isinstance(exc, TooLarge) or any(_is_too_large(e) for e in getattr(exc, "exceptions", ()) or ())


class LimitBody:
    """ASGI middleware: a POST body over `limit` bytes is answered 413 before or while it is read.

    NOTE: Content-Length is checked first, but a chunked upload has none, so
    the bytes are also counted as they arrive and reading stops at the cap:
    TooLarge is an ApiError, answered by the app's handler; should anything
    between here and the app wrap it (a task group's ExceptionGroup), it is
    answered here, in the same shape.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length and length.isdigit() and int(length) > self.limit:
            return await self._refuse(scope, receive, send)
        seen, started = 0, False

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge(self.limit)
            return message

        async def watched(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BaseException as exc:
            if not _is_too_large(exc):
                raise
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = TooLarge(self.limit)
        await errors.response(scope, error.status, error.code, error.headers, **error.values)(scope, receive, send)


def display_name(raw: str | None, taken: set[str]) -> str:
    """The name shown for an upload: the last path part of what the browser sent, printable, unique in the request."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()[:200] or "upload"
    shown, n = name, 2
    while shown in taken:
        shown, n = f"{name} ({n})", n + 1
    taken.add(shown)
    return shown


def store(files: list[UploadFile], folder: Path) -> list[Upload]:
    """Copy each upload into `folder` under a generated name; (stored path, display name, sniffed type)."""
    out: list[Upload] = []
    taken: set[str] = set()
    for n, upload in enumerate(files):
        shown = display_name(upload.filename, taken)
        raw = folder / f"{n:03d}-{secrets.token_hex(8)}"
        with raw.open("wb") as handle:
            upload.file.seek(0)
            shutil.copyfileobj(upload.file, handle, CHUNK)
        kind = sniff(raw) if raw.stat().st_size else "empty"
        stored = raw.with_suffix(SUFFIX.get(kind, ".bin"))
        raw.rename(stored)
        out.append((str(stored), shown, kind))
    return out


def keep(uploads: list[Upload], folder: Path, token: str, contract: str) -> Path:
    """With `--keep DIR`: the uploads (generated names) and the issue list, in `DIR/<token>/`, for this account only.

    NOTE: the directory is made 0700 and every file 0600 whatever the umask:
    reports are often not yet public, and the server may share its machine.
    """
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    target = folder / token
    target.mkdir(mode=0o700)
    os.chmod(target, 0o700)
    for stored, _shown, _kind in uploads:
        with open(stored, "rb") as src, _private(target / Path(stored).name) as dst:
            shutil.copyfileobj(src, dst, CHUNK)
    names = {Path(stored).name: shown for stored, shown, _ in uploads}
    with _private(target / "uploads.json") as dst:
        dst.write(json.dumps(names, ensure_ascii=False, indent=2).encode("utf-8"))
    with _private(target / "issues.json") as dst:
        dst.write(contract.encode("utf-8"))
    return target


def _private(path: Path):
    """A new file open for writing that only this account can read (0600), never one already there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")
