"""Audit a batch in a child process and write the result with each file's read time.

The tests start this as `python -m hostile.runner OUT.json JOBS PATHS...` with a
timeout, so a file that hangs a parser fails the test instead of blocking CI,
and a file that kills its process shows as a missing result, not a dead pytest.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from auditor import digest, pipeline
from auditor.render.json import as_dict

_READ_ONE = digest.read_one
_TIMES: Path | None = None


def timed_read_one(item: tuple[Path, str], forms=None) -> digest.Outcome:
    """digest.read_one (the per-file work of every engine), timed; module-level so worker processes can unpickle it."""
    start = time.perf_counter()
    try:
        return _READ_ONE(item, forms)
    finally:
        line = json.dumps({"doc": item[1], "seconds": round(time.perf_counter() - start, 3)}, ensure_ascii=False)
        with open(_TIMES, "a", encoding="utf-8") as f:  # NOTE: appended from several worker processes
            f.write(line + "\n")


def main(argv: list[str]) -> None:
    global _TIMES
    out, jobs, paths = Path(argv[0]), int(argv[1]), argv[2:]
    _TIMES = out.with_suffix(".times")
    digest.read_one = timed_read_one
    start = time.perf_counter()
    result = pipeline.audit(paths, jobs=jobs)
    seconds = time.perf_counter() - start
    files = {}
    for line in _TIMES.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        files[entry["doc"]] = entry["seconds"]
    out.write_text(
        json.dumps({"seconds": round(seconds, 3), "files": files, "result": as_dict(result)}, ensure_ascii=False),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1:])
