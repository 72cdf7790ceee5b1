"""A headless Chromium for looking at the HTML report as a person would, installed from Debian if absent.

`chromium()` returns the browser's path, installing `chromium` (and a CJK font,
so Chinese is drawn rather than boxes) with apt-get when it is missing and we
are root; it returns None with the reason in `WHY` when that is impossible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome")
PACKAGES = ("chromium", "fonts-wqy-zenhei")
WHY: list[str] = []
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def _find() -> str | None:
    return next((path for path in map(shutil.which, NAMES) if path), None)


def chromium() -> str | None:
    found = _find()
    if found:
        return found
    if not shutil.which("apt-get"):
        WHY.append("chromium is not installed and there is no apt-get to install it")
        return None
    if os.geteuid() != 0:
        WHY.append("chromium is not installed and installing it needs root")
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *PACKAGES]):
        try:
            proc = subprocess.run(command, check=False, capture_output=True, text=True, timeout=900, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            WHY.append(f"{' '.join(command)} failed: {exc}")
            return None
        if proc.returncode != 0:
            WHY.append(f"{' '.join(command)} failed: {proc.stderr.strip()[-500:]}")
            return None
    return _find() or (WHY.append("apt-get installed chromium but no browser command appeared") or None)


def chromium_or_skip() -> str:
    """The browser a test drives; the test is skipped, saying why, when there is none and none can be installed."""
    import pytest

    path = chromium()
    if path is None:
        pytest.skip("no headless browser: " + "; ".join(WHY))
    return path


def run(exe: str, page: Path, profile: Path, *args: str, fragment: str = "", timeout: int = 60) -> str:
    """Run headless Chromium on a local file (with an optional #fragment) and return its stdout."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    proc = subprocess.run(
        [exe, *FLAGS, f"--user-data-dir={profile}", *args, url],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout
