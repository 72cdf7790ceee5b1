"""Old Word (.doc) and WPS (.wps) files: LibreOffice converts them to .docx, then the docx reader reads that.

Writing a .doc parser is out of scope and LibreOffice reads these formats
well (about 2 s a file). The converter runs as a child process in its own
session with a time and memory limit, on a copy of the input under a neutral
name, with a throwaway user profile, so a hostile or huge file can only cost
OFFICE_TIMEOUT seconds. RTF and HTML saved under a .doc name (common on
government sites) convert the same way.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from auditor.document import Document
from auditor.read import docx, safety
from auditor.read.errors import UnreadableInput
from auditor.read.ole import word_binary_encrypted

OFFICE_TIMEOUT = 60.0  # seconds for one conversion
OFFICE_MEMORY = 4 * 1024 * 1024 * 1024  # address space of LibreOffice; it maps much more than it uses
SOFFICE_NAMES = (
    "soffice",
    "libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
    "elsewhere: https://www.libreoffice.org/download/) or save the file as .docx in Word/WPS"
)
_LOCK = threading.Lock()  # NOTE: one LibreOffice at a time per process: parallel instances fight over profiles


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name) or (name if os.path.isabs(name) and os.access(name, os.X_OK) else None)
        if found:
            return found
    return None


def read(path: Path, display: str) -> Document:
    """A .doc/.wps (or RTF/HTML named .doc) read through a LibreOffice conversion to .docx."""
    kind = safety.sniff(path)
    if kind in ("docx", "xlsx", "pdf", "empty", "binary", "zip", "text"):
        raise UnreadableInput(f"{display}: not an old Word/WPS file (the file is really {kind})")
    if kind in ("doc", "wps") and word_binary_encrypted(path):
        raise UnreadableInput(
            f"{display}: the file is encrypted (password-protected); save an unprotected copy and audit that"
        )
    soffice = find_soffice()
    if soffice is None:
        raise UnreadableInput(
            f"{display}: reading .doc/.wps files needs LibreOffice, which is not installed; " + INSTALL_HINT
        )
    with tempfile.TemporaryDirectory(prefix="auditor-office-") as tmp:
        converted = convert(soffice, path, Path(tmp), display)
        doc = docx.read(converted, display)
    doc.format = "wps" if kind == "wps" or path.suffix.lower() == ".wps" else "doc"
    return doc


def convert(soffice: str, path: Path, workdir: Path, display: str, timeout: float | None = None) -> Path:
    """Convert `path` to .docx inside `workdir`; the .docx path, or UnreadableInput."""
    source = workdir / ("input" + (path.suffix.lower() if path.suffix.lower() in (".doc", ".wps", ".rtf") else ".doc"))
    shutil.copyfile(path, source)  # NOTE: a neutral name: no leading dash, no shell or locale surprises
    profile = (workdir / "profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(workdir),
        str(source),
    ]
    timeout = OFFICE_TIMEOUT if timeout is None else timeout
    with _LOCK:
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=workdir,
                start_new_session=True,
                preexec_fn=_limit_memory,
                env={**os.environ, "HOME": str(workdir)},
            )
        except OSError as exc:
            raise UnreadableInput(f"{display}: LibreOffice could not be started ({exc}); " + INSTALL_HINT) from exc
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise UnreadableInput(f"{display}: LibreOffice gave up converting after {timeout:g} s") from None
    target = workdir / (source.stem + ".docx")
    if proc.returncode != 0 or not target.is_file():
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        raise UnreadableInput(
            f"{display}: LibreOffice could not convert the file (exit code {proc.returncode}"
            + (f": {tail[0]}" if tail else "")
            + "); it may be damaged or password-protected"
        )
    return target


def _limit_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (OFFICE_MEMORY, OFFICE_MEMORY))
    except (ImportError, ValueError, OSError):
        pass


def _kill(proc: subprocess.Popen) -> None:
    """Kill LibreOffice and the soffice.bin it started (same session, so same process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.communicate()
