"""Run a parser in a child process that a hostile file cannot hang or exhaust.

pdfminer is pure Python, and a crafted PDF can make it loop or allocate
without end; the caller must get an answer (a Document or UnreadableInput)
within a known time whatever the file does. `run_isolated` gives the child a
time limit and, where the platform allows, an address-space limit.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import types
from collections.abc import Callable
from typing import Any

from auditor.read.errors import UnreadableInput

DEFAULT_TIMEOUT = 60.0  # seconds a child process may take
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024  # address space of a child process, bytes


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where the platform has it (Linux, macOS), else spawn; never plain fork."""
    # NOTE: forkserver children are forked from a clean server process (not from
    # the caller, which may hold threads and open files); preloading pdfplumber
    # there means each child starts without importing it again (~0.15 s).
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["auditor.read.pdf", "pdfplumber"])
        return ctx
    return multiprocessing.get_context("spawn")


_START_LOCK = threading.Lock()


def _start(proc: multiprocessing.process.BaseProcess) -> None:
    """Start a child without it re-running the caller's main script.

    NOTE: spawn and forkserver children re-import the parent's __main__ so that
    functions defined there unpickle; that fails for `python -` or a notebook and
    re-runs an unguarded script. Our targets live in auditor modules, so the
    child is given an empty __main__ while `start()` records what to import.
    """
    with _START_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            proc.start()
        finally:
            if main is not None:
                sys.modules["__main__"] = main
            else:
                del sys.modules["__main__"]


def _child(conn: Any, fn: Callable, args: tuple, memory_limit: int | None) -> None:
    if memory_limit:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        except (ImportError, ValueError, OSError):
            pass  # NOTE: not every platform can limit address space; the timeout still applies
    try:
        conn.send(("ok", fn(*args)))
    except UnreadableInput as exc:
        conn.send(("unreadable", str(exc)))
    except MemoryError:
        limit = f"more than {memory_limit // 2**20} MB of" if memory_limit else "too much"
        conn.send(("unreadable", f"needs {limit} memory"))
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent as a reason
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def run_isolated(
    fn: Callable,
    *args: Any,
    timeout: float = DEFAULT_TIMEOUT,
    memory_limit: int | None = MEMORY_LIMIT,
    display: str = "file",
) -> Any:
    """fn(*args) in a child process; its result, or UnreadableInput on timeout, crash or error.

    `fn` must be a module-level function and its arguments and result picklable.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, fn, args, memory_limit), daemon=True)
    _start(proc)
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise UnreadableInput(f"{display}: gave up after {timeout:g} s (the file may be built to hang a parser)")
        status, payload = receiver.recv()
    except (EOFError, OSError) as exc:
        proc.join(5)
        raise UnreadableInput(f"{display}: the reader crashed on this file (exit code {proc.exitcode})") from exc
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receiver.close()
    if status == "ok":
        return payload
    if status == "unreadable":
        raise UnreadableInput(payload if payload.startswith(display) else f"{display}: {payload}")
    raise UnreadableInput(f"{display}: could not be read ({payload})")
