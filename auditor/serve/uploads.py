"""Uploads: a byte cap on the request, generated file names, the type taken from the bytes.

The user's file name is display text only. It becomes the `doc` of the results
and the name of a download, but never a filesystem path: every upload is stored
as `<n>-<random hex>.<suffix of its sniffed type>` in a fresh temporary directory.
"""

from __future__ import annotations

import json
import secrets
import shutil
import unicodedata
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Receive, Scope, Send

from auditor.read import sniff
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


class TooLarge(Exception):
    pass


class LimitBody:
    """ASGI middleware: a POST body over `limit` bytes is answered 413 before or while it is read.

    NOTE: Content-Length is checked first, but a chunked upload has none, so
    the bytes are also counted as they arrive and reading stops at the cap.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length and length.isdigit() and int(length) > self.limit:
            return await self._refuse(send)
        seen, started = 0, False

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge()
            return message

        async def watched(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        mb = self.limit / (1 << 20)
        body = json.dumps(
            {
                "error": "too_large",
                "detail": f"上传内容超过 {mb:g} MB 的上限 / the upload exceeds the limit of {mb:g} MB",
            },
            ensure_ascii=False,
        ).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


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


def keep(uploads: list[Upload], folder: Path, token: str, contract: str) -> None:
    """With `--keep DIR`: the uploads (generated names) and the issue list, under the request's token."""
    target = folder / token
    target.mkdir(parents=True, exist_ok=True)
    for stored, _shown, _kind in uploads:
        shutil.copy2(stored, target / Path(stored).name)
    names = {Path(stored).name: shown for stored, shown, _ in uploads}
    (target / "uploads.json").write_text(json.dumps(names, ensure_ascii=False, indent=2), encoding="utf-8")
    (target / "issues.json").write_text(contract, encoding="utf-8")
