"""Writing a report file people share: atomically, and with the permissions any new file of theirs gets.

NOTE: `tempfile.mkstemp` creates its file 0600, and renaming it into place kept
that mode: an issues.xlsx on a shared drive opened for its author only, and
`--force` over a 0644 report made it 0600. A new report now gets 0666 less the
umask, as `open()` would give it; a replaced one keeps the mode it had.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def mode_for(path: Path) -> int:
    """The mode the report at `path` should have: the existing file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_with(path: Path, write: Callable[[str], None]) -> None:
    """Have `write(tmp)` fill a temporary file beside `path`, give it the report's mode, rename it into place.

    The folder must exist: a report is never written where its folder had to be made up.
    """
    mode = mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.close(fd)
        write(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write text (as UTF-8) or bytes beside the target and rename, so a reader never sees half a report."""
    payload = data.encode("utf-8") if isinstance(data, str) else data

    def write(tmp: str) -> None:
        with open(tmp, "wb") as handle:
            handle.write(payload)

    write_with(Path(path), write)
