"""`auditor serve` from the command line: it says where it listens only once it answers there, and a port in
use is one clear line and exit 2."""

from __future__ import annotations

import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def command(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("auditor")
    return [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "auditor"]), *args]


def test_a_port_in_use_is_one_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            command("serve", "--port", str(port), "--workers", "1"), capture_output=True, text=True, timeout=120
        )
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [f"auditor serve：127.0.0.1 的端口 {port} 已被占用；换一个 --port，或先停止占用它的程序"], (
        done.stderr
    )
    assert done.stdout == ""


def test_the_address_is_printed_once_and_only_when_it_answers(tmp_path):
    server = subprocess.Popen(
        command("serve", "--port", "0", "--workers", "0"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # NOTE: Ctrl-C as a terminal sends it: to the whole group
    )
    try:
        said = read_until(server, "auditor serve: http://", limit=180)
        url = said.split("auditor serve: ", 1)[1].split()[0]
        # printed once listening and warm: the first request is answered, no retry needed
        assert httpx.get(url + "api/rules", timeout=30).status_code == 200
        assert httpx.get(url, timeout=30).status_code == 200
    finally:
        os.killpg(server.pid, signal.SIGINT)
        rest = server.communicate(timeout=60)[1]
    everything = said + rest
    assert everything.count("auditor serve: http://") == 1
    assert server.returncode == 0, everything
    assert "Traceback" not in everything and "leaked" not in everything, everything


def read_until(process: subprocess.Popen, marker: str, limit: float) -> str:
    """What the process wrote on stderr up to and including the line holding `marker`."""
    seen = ""
    chooser = selectors.DefaultSelector()
    chooser.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + limit
    while marker not in seen:
        assert time.monotonic() < deadline and process.poll() is None, f"the server did not start: {seen}"
        if chooser.select(timeout=1):
            seen += process.stderr.readline()
    return seen
