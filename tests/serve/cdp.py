"""Drive headless Chromium through the Chrome DevTools Protocol: just enough to use a page as a person does.

NOTE: a tiny client over `websocket-client` instead of Playwright: Playwright's
Python package brings a Node driver and wants its own browser builds, while this
needs only Debian's chromium (tests/render/browser.py installs it).
"""

from __future__ import annotations

import base64
import itertools
import json
import subprocess
import time
from pathlib import Path

import httpx
import websocket
from render import browser


class Chromium:
    def __init__(self, exe: str, profile: Path, width: int = 1200, height: int = 900) -> None:
        self.proc = subprocess.Popen(
            [
                exe,
                *browser.FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._connect(profile)
        except BaseException:
            self.proc.kill()  # NOTE: a browser that did not come up must not outlive the test
            self.proc.wait(10)
            raise

    def _connect(self, profile: Path) -> None:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            assert time.monotonic() < deadline and self.proc.poll() is None, "chromium did not start"
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        pages: list = []
        while not pages:  # NOTE: the port file can appear before the endpoint answers, on a busy machine
            assert time.monotonic() < deadline, "chromium's DevTools endpoint did not answer"
            try:
                pages = [
                    t for t in httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=5).json() if t["type"] == "page"
                ]
            except httpx.HTTPError:
                time.sleep(0.2)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], suppress_origin=True, timeout=60)
        self._ids = itertools.count(1)

    def send(self, method: str, **params) -> dict:
        """Call one protocol method and return its result (events arriving meanwhile are skipped)."""
        call = next(self._ids)
        self.ws.send(json.dumps({"id": call, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call:
                assert "error" not in message, message["error"]
                return message.get("result", {})

    def js(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def goto(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        self.wait("document.readyState === 'complete' && !!document.getElementById('files')")

    def wait(self, condition: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(condition):
            assert time.monotonic() < deadline, f"timed out waiting for {condition}"
            time.sleep(0.1)

    def set_files(self, selector: str, files: list[Path]) -> None:
        root = self.send("DOM.getDocument")["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.send("DOM.setFileInputFiles", nodeId=node, files=[str(f) for f in files])

    def screenshot(self, path: Path) -> None:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(10)
