"""`auditor serve` from the command line: it says where it listens only once it answers there, and a port in
use is one clear line and exit 2."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
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


def test_what_serve_says_on_the_command_line_follows_lang():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            command("serve", "--port", str(port), "--workers", "1", "--lang", "en"),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == f"auditor serve: port {port} of 127.0.0.1 is already in use; choose another --port or stop what holds it"
    )
    # an address this machine does not have: the reason in the chosen language, not the C library's English
    done = subprocess.run(
        command("serve", "--host", "192.0.2.1", "--port", "0"), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and done.stderr.strip() == "auditor serve：无法在 192.0.2.1:0 监听：本机没有这个地址"


def test_the_address_is_printed_once_and_only_when_it_answers(tmp_path):
    """...after the rules it answers with, named as `auditor check` names them (./auditor.cfg here)."""
    (tmp_path / "auditor.cfg").write_text("[auditor]\nignore = scores\n", encoding="utf-8")
    server = subprocess.Popen(
        command("serve", "--port", "0", "--workers", "0"),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # NOTE: Ctrl-C as a terminal sends it: to the whole group
    )
    said = Lines(server)
    try:
        url = said.wait_for("auditor serve: http://", limit=180).split("auditor serve: ", 1)[1].split()[0]
        # printed once listening and warm: the first request is answered, no retry needed
        assert httpx.get(url + "api/rules", timeout=30).status_code == 200
        assert httpx.get(url, timeout=30).status_code == 200
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(60)
    everything = said.all()
    assert everything.count("auditor serve: http://") == 1
    rules = next(line for line in everything.splitlines() if line.startswith("规则设置："))
    assert "配置文件 auditor.cfg" in rules and "ignore = scores（auditor.cfg） 排除" in rules, rules
    assert server.returncode == 0, everything
    assert "Traceback" not in everything and "leaked" not in everything, everything


class Lines:
    """What a process writes on stderr, read line by line by a thread.

    NOTE: a thread, not select(): select() on the pipe misses lines already in the reader's buffer.
    """

    def __init__(self, process: subprocess.Popen) -> None:
        self.process, self.lines = process, []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in iter(self.process.stderr.readline, ""):
            self.lines.append(line)

    def wait_for(self, marker: str, limit: float) -> str:
        """The first line holding `marker`."""
        deadline = time.monotonic() + limit
        while True:
            found = next((line for line in list(self.lines) if marker in line), None)
            if found:
                return found
            assert time.monotonic() < deadline and self.process.poll() is None, f"no {marker!r}: {self.all()}"
            time.sleep(0.1)

    def all(self) -> str:
        if self.process.poll() is not None:
            self.reader.join(10)
        return "".join(self.lines)


def test_every_serve_option_is_documented_in_the_readme_section():
    from click.testing import CliRunner

    from auditor.cli import main

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### `auditor serve`") : readme.index("### `auditor rules`")]
    options = set(re.findall(r"(--[a-z][a-z-]+)", CliRunner().invoke(main, ["serve", "--help"]).output)) - {"--help"}
    assert {"--allowed-host", "--queue", "--results-mb", "--keep"} <= options
    assert sorted(o for o in options if f"`{o}" not in section) == []
