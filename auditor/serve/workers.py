"""A small pool of warm worker processes, each of which can be killed when a request overruns its time.

`concurrent.futures.ProcessPoolExecutor` cannot stop one task: a hostile file
that makes a reader loop would hold its worker forever, and killing the worker
breaks the whole pool (every other user's request fails). Here each worker is
one process on one pipe; a request that overruns kills only its worker, which
is replaced in the background, while the others go on serving.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, Callable

from auditor.config import Config


class JobTimeout(Exception):
    """The job ran past its time; its worker was killed."""


class WorkerDied(Exception):
    """The worker process ended without answering (a crash, or the memory killer)."""


def _main(conn: Connection, config: Config, warm: bool) -> None:
    """A worker's life: warm up once, then run (function, args) jobs until the pipe closes."""
    from auditor.serve.job import warm as warm_up

    warm_up(config, full=warm)
    # NOTE: what warm-up loaded (GX, pandas, the suites) lives as long as the worker: frozen out of
    # the collector's sight, it is not traversed again at each collection (half of the GC time of a request)
    gc.collect()
    gc.freeze()
    conn.send(("ready", None))
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", fn(*args)))
        except BaseException as exc:  # NOTE: a bug in one job must answer that request, not end the worker
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class Worker:
    def __init__(self, ctx, config: Config, warm: bool) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_main, args=(child, config, warm), daemon=True, name="auditor-worker")
        self.process.start()
        child.close()

    def ready(self, timeout: float) -> bool:
        return self.conn.poll(timeout) and self.conn.recv()[0] == "ready"

    def call(self, fn: Callable, args: tuple, timeout: float) -> Any:
        """Run one job; blocks the calling thread (never the event loop) for at most `timeout` seconds."""
        self.conn.send((fn, args))
        try:
            if not self.conn.poll(max(timeout, 0.0)):
                raise JobTimeout(timeout)
            status, value = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerDied(str(exc) or "the worker ended") from exc
        if status == "error":
            raise RuntimeError(value)
        return value

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """`size` warm workers; `await pool.run(fn, args, timeout)` runs a job on an idle one."""

    def __init__(self, size: int, config: Config, warm: bool = True, start_timeout: float = 120.0) -> None:
        # NOTE: spawn, not fork: the server process runs threads (event loop, uvicorn) and GX may too.
        self._ctx = multiprocessing.get_context("spawn")
        self._config, self._warm, self._start_timeout = config, warm, start_timeout
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="auditor-call")
        self._idle: asyncio.Queue[Worker] | None = None
        self._lock = threading.Lock()
        self.size = size
        self.all: list[Worker] = []

    def start(self) -> None:
        """Start every worker and wait until each has warmed up (they warm in parallel)."""
        workers = [Worker(self._ctx, self._config, self._warm) for _ in range(self.size)]
        deadline = time.monotonic() + self._start_timeout
        for worker in workers:
            if not worker.ready(max(deadline - time.monotonic(), 0.1)):
                raise RuntimeError("a worker did not start; see the messages above")
        self.all = workers
        self._idle = asyncio.Queue()
        for worker in workers:
            self._idle.put_nowait(worker)

    async def run(self, fn: Callable, args: tuple, timeout: float) -> Any:
        """The job's value; JobTimeout after `timeout` seconds counted from now, waiting for a worker included."""
        assert self._idle is not None, "start() the pool first"
        deadline = time.monotonic() + timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            raise JobTimeout(timeout) from None
        loop = asyncio.get_running_loop()
        try:
            value = await loop.run_in_executor(self._threads, worker.call, fn, args, deadline - time.monotonic())
        except (JobTimeout, WorkerDied):
            loop.run_in_executor(self._threads, self._replace, worker, loop)
            raise
        self._idle.put_nowait(worker)
        return value

    def _replace(self, worker: Worker, loop: asyncio.AbstractEventLoop) -> None:
        """Kill an overrun or dead worker and put a fresh, warm one in its place (in a pool thread)."""
        worker.kill()
        fresh = Worker(self._ctx, self._config, self._warm)
        if not fresh.ready(self._start_timeout):
            fresh.kill()  # NOTE: the pool serves on with one worker fewer rather than with a broken one
            with self._lock:
                self.all = [w for w in self.all if w is not worker]
            return
        with self._lock:
            self.all = [fresh if w is worker else w for w in self.all]
        loop.call_soon_threadsafe(self._idle.put_nowait, fresh)

    def close(self) -> None:
        for worker in self.all:
            worker.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)


class InlinePool:
    """Jobs in threads of the server process: for tests and debugging (`--workers 0`).

    NOTE: a thread cannot be killed, so here a timeout answers the request but
    the job runs on to its end; only `WorkerPool` really stops a runaway file.
    """

    def __init__(self, config: Config, warm: bool = True) -> None:
        self._config, self._warm = config, warm
        self.size = 0

    def start(self) -> None:
        from auditor.serve.job import warm as warm_up

        warm_up(self._config, full=self._warm)

    async def run(self, fn: Callable, args: tuple, timeout: float) -> Any:
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(None, fn, *args), timeout)
        except asyncio.TimeoutError:
            raise JobTimeout(timeout) from None

    def close(self) -> None:
        pass
