"""Run the app from the command line: bind first, start the workers, say where it listens once it does.

NOTE: the socket is bound before anything starts, so a port already in use
costs one line and exit 2, not the warm-up of every worker followed by uvicorn's
Errno 98 and the worker pool's leaked semaphores; and the address is printed
only when the server answers there (with `--port 0`, the port the system chose).
"""

from __future__ import annotations

import errno
import socket
from typing import Callable

import uvicorn

from auditor.i18n import t


class CannotListen(Exception):
    """The address cannot be listened on; the message says so in one line."""


def bind(host: str, port: int, lang: str = "zh") -> socket.socket:
    """A listening TCP socket on host:port (IPv4 or IPv6), or CannotListen with a line for the user."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise CannotListen(
            t(lang, "serve_cli.cannot_listen", host=host, port=port, reason=_reason(exc, lang))
        ) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart need not wait out TIME_WAIT
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise CannotListen(t(lang, "serve_cli.port_in_use", host=host, port=port)) from None
        raise CannotListen(
            t(lang, "serve_cli.cannot_listen", host=host, port=port, reason=_reason(exc, lang))
        ) from None
    sock.set_inheritable(False)
    return sock


def _reason(exc: OSError, lang: str) -> str:
    """Why the address cannot be listened on, in `lang` where the error is a known one (else the system's words)."""
    if isinstance(exc, socket.gaierror):
        return t(lang, "serve_cli.no_name")
    key = {errno.EADDRNOTAVAIL: "serve_cli.no_address", errno.EACCES: "serve_cli.not_allowed"}.get(exc.errno or 0)
    return t(lang, key) if key else str(exc.strerror or exc)


def url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/"


class _Server(uvicorn.Server):
    """uvicorn's server, saying once that it listens, after the workers are warm and the socket is served."""

    def __init__(self, config: uvicorn.Config, ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._ready()


def serve(app, sock: socket.socket, ready: Callable[[str], None], log_level: str = "info") -> None:
    """Serve `app` on the bound socket until interrupted; `ready(url)` is called once it answers."""
    server = _Server(uvicorn.Config(app, log_level=log_level), lambda: ready(url(sock)))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # NOTE: uvicorn raises Ctrl-C again once it has shut down; that is the end we want
        pass
