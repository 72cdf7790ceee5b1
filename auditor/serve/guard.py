"""Plain ASGI middleware around the app: the Host check and the security headers of every answer.

NOTE: plain ASGI rather than `@app.middleware("http")`: Starlette's
BaseHTTPMiddleware runs the app in a task group, which wraps what the app raises
(the body cap's TooLarge among them) in an ExceptionGroup nothing answers but
a bare 500.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from auditor.serve import errors

# NOTE: everything the page needs comes from this server; the policy makes the browser hold us to it.
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'"
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),  # NOTE: download links hold the token; no other site may see them
    (b"x-frame-options", b"DENY"),
]


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _resolved(name: str) -> set:
    """The addresses a bound name stands for (`localhost`: 127.0.0.1 and ::1)."""
    try:
        found = {_ip(info[4][0].split("%")[0]) for info in socket.getaddrinfo(name, None)}
    except OSError:
        return set()
    return {ip for ip in found if ip is not None}


def host_name(header: str) -> str:
    """The name of a Host header without its port, lower case: `[::1]:8000` -> `::1`, `Localhost.:80` -> `localhost`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


class HostCheck:
    """Answer 400 to a request whose Host is not a name this server is reached by.

    Allowed: the address it is bound to (any IP address when bound to all of
    them), `localhost` when bound to loopback or to all addresses, and each
    `--allowed-host` name. A web page cannot pass this with DNS rebinding, which
    sends its own name as the Host of a request to a loopback address.
    """

    def __init__(self, app: ASGIApp, bound: str = "127.0.0.1", allowed: Iterable[str] = ()) -> None:
        self.app = app
        self.names = {host_name(a) for a in allowed if a}
        ip = _ip(host_name(bound))
        self.any_ip = ip is not None and ip.is_unspecified
        self.ips = {ip} if ip is not None else _resolved(bound)
        if ip is None:
            self.names.add(host_name(bound))  # bound by name: that name is how it is reached
        self.loopback = any(i.is_loopback for i in self.ips)
        if self.loopback or self.any_ip:
            self.names.add("localhost")

    def allows(self, host: str) -> bool:
        if host in self.names:
            return True
        ip = _ip(host)
        return ip is not None and (self.any_ip or ip in self.ips or (self.loopback and ip.is_loopback))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = host_name(dict(scope["headers"]).get(b"host", b"").decode("latin-1"))
        if self.allows(host):
            return await self.app(scope, receive, send)
        if host:
            answer = errors.response(scope, 400, "bad_host", {"Connection": "close"}, host=host)
        else:
            answer = errors.response(scope, 400, "no_host", {"Connection": "close"})
        await answer(scope, receive, send)


class SecurityHeaders:
    """Add the Content-Security-Policy and its companions to every answer that does not set them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _value in message.get("headers", [])}
                extra = [(name, value) for name, value in _HEADERS if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, headed)
