"""The Host check: a page elsewhere cannot drive a loopback server by DNS rebinding."""

from __future__ import annotations

import httpx
import pytest

from auditor.serve import Settings, create_app
from auditor.serve.guard import HostCheck, host_name

from . import slow
from .server import running


@pytest.fixture(scope="module")
def url(ruleset, tmp_path_factory):
    settings = Settings(
        workers=0, warm=False, allowed_hosts=("audit.example.gov.cn",), tmp_root=tmp_path_factory.mktemp("h")
    )
    with running(create_app(ruleset=ruleset, settings=settings, job=slow.job)) as base:
        yield base


def test_a_foreign_host_is_refused_before_anything_is_read(url):
    for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.nip.io"):
        answer = httpx.get(url + "/api/rules", headers={"Host": host})
        assert answer.status_code == 400, host
        assert answer.json()["error"] == "bad_host" and host_name(host) in answer.json()["detail"]
    upload = httpx.post(
        url + "/api/check", files=[("files", ("a.txt", b"text"))], headers={"Host": "attacker.example"}, timeout=30
    )
    assert upload.status_code == 400 and upload.json()["error"] == "bad_host"


def test_the_names_the_server_is_reached_by_are_served(url):
    port = url.rsplit(":", 1)[1]
    for host in (
        f"127.0.0.1:{port}",
        f"localhost:{port}",
        "LOCALHOST",
        "audit.example.gov.cn",
        "audit.example.gov.cn.",
    ):
        assert httpx.get(url + "/api/rules", headers={"Host": host}).status_code == 200, host


@pytest.mark.parametrize(
    "bound, allowed, yes, no",
    [
        ("127.0.0.1", (), ["127.0.0.1", "localhost", "127.0.0.2"], ["attacker.example", "10.0.0.5", ""]),
        ("0.0.0.0", (), ["10.0.0.5", "192.168.1.20", "localhost", "::1"], ["attacker.example", "intranet"]),
        ("10.0.0.5", ("audit.gov.cn",), ["10.0.0.5", "audit.gov.cn"], ["10.0.0.6", "localhost", "attacker.example"]),
        ("::", (), ["fe80::1", "10.0.0.5"], ["attacker.example"]),
        ("localhost", (), ["localhost", "127.0.0.1"], ["attacker.example", "10.0.0.5"]),
    ],
)
def test_which_hosts_a_bound_address_allows(bound, allowed, yes, no):
    check = HostCheck(None, bound, allowed)
    assert [h for h in yes if not check.allows(host_name(h))] == []
    assert [h for h in no if check.allows(host_name(h))] == []


def test_host_names_lose_their_port_and_case():
    assert host_name("[::1]:8000") == "::1"
    assert host_name("Audit.Example.:443") == "audit.example"
    assert host_name("10.0.0.5") == "10.0.0.5"


def test_a_request_without_a_host_header_is_told_so(url):
    """HTTP/1.0 allows no Host; such a request is refused, and the answer says what is missing, not '?'."""
    import socket

    host, port = url.split("//", 1)[1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"GET /api/rules HTTP/1.0\r\n\r\n")
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.decode("utf-8").partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 400") and '"error":"no_host"' in body and "Host 头" in body, answer
