"""A small pool of warm worker processes, each of which can be killed when a request overruns its time.

`concurrent.futures.ProcessPoolExecutor` cannot stop one task: a hostile file
that makes a reader loop would hold its worker forever, and killing the worker
breaks the whole pool (every other user's request fails). Here each worker is
one process on one pipe; a request that overruns kills only its worker, which
is replaced in the background, while the others go on serving.

Requests wait for a worker in a bounded queue (`auditor.serve.queue`): small
requests before large ones, large ones never on every worker, and the timeout
counts the job only, not the wait.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, Callable

from auditor.config import Config
from auditor.serve.queue import Queue, Rerun, Ticket

LARGE_NICENESS = 10


class JobTimeout(Exception):
    """The job ran past its time; its worker was killed."""


class WorkerDied(Exception):
    """The worker process ended without answering (a crash, or the memory killer)."""


def _main(conn: Connection, config: Config, warm: bool) -> None:
    """A worker's life: warm up once, then run (function, args) jobs until the pipe closes."""
    from auditor.serve.job import warm as warm_up

    # NOTE: Ctrl-C reaches the whole process group; the server ends its workers itself, after its requests
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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


def niced(fn: Callable, *args) -> Any:
    """Run a large job at a lower CPU priority, so the small ones on the other workers keep their share.

    NOTE: the worker asks to come back to its priority afterwards; where the
    system allows only raising the niceness (no CAP_SYS_NICE, RLIMIT_NICE 0), it
    stays lower, which costs its later small jobs only when the machine is full.
    """
    before = os.getpriority(os.PRIO_PROCESS, 0)
    os.setpriority(os.PRIO_PROCESS, 0, max(before, LARGE_NICENESS))
    try:
        return fn(*args)
    finally:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, before)
        except OSError:
            pass


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

    def stop(self, grace: float) -> None:
        """End an idle worker the gentle way: its pipe closes, it returns and cleans up; killed if it does not."""
        self.conn.close()
        self.process.join(grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


class _Pool:
    """What both pools share: the queue in front of their slots, and the bookkeeping of a finished job."""

    size: int

    def __init__(self, queue: int, wait: float) -> None:
        self.queue = Queue(limit=queue, wait=wait)

    def admit(self) -> Ticket:
        """A place in the queue, taken before the upload is read; raises Busy when the queue is full."""
        return self.queue.admit()

    async def run(
        self,
        ticket: Ticket,
        fn: Callable,
        args: tuple,
        timeout: float,
        large: bool = False,
        batch: tuple[frozenset[str], Callable] | None = None,
    ) -> Any:
        """The job's value once a slot is free; JobTimeout when the job itself runs over `timeout` seconds.

        With `batch` (the request's file names, and `many(list of args) -> list of values`), the request may
        be audited together with others waiting (see auditor.serve.queue); should that batch fail, each of
        its riders is run again on its own.
        """
        names, many = batch if batch else (None, None)
        seat = await self.queue.acquire(ticket, large, names, args)
        if seat.ride is not None:
            try:
                return await seat.ride
            except Rerun:
                return await self.run(self.admit(), fn, args, timeout, large)
        riders = seat.riders
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        if riders:
            future = self._start(loop, seat.slot, many, ([args, *(r.payload for r in riders)],), timeout, large)
        else:
            future = self._start(loop, seat.slot, fn, args, timeout, large)

        def finished(done: asyncio.Future) -> None:
            self.queue.ran(time.monotonic() - started, large)
            failed = done.cancelled() or done.exception() is not None
            for n, rider in enumerate(riders, start=1):
                rider.result.set_exception(Rerun()) if failed else rider.result.set_result(done.result()[n])
            broken = done.cancelled() or isinstance(done.exception(), (JobTimeout, WorkerDied))
            self._finished(loop, seat.slot, broken)

        # NOTE: shielded, so a request given up (client gone, shutdown) still hands its slot back when the job ends
        future.add_done_callback(finished)
        if not riders:
            return await self._wait(asyncio.shield(future), timeout)
        try:
            return (await self._wait(asyncio.shield(future), timeout))[0]
        except (JobTimeout, WorkerDied, RuntimeError):  # NOTE: whose file it was is not known: each alone again
            return await self.run(self.admit(), fn, args, timeout, large)

    def _start(self, loop, slot, fn: Callable, args: tuple, timeout: float, large: bool) -> asyncio.Future:
        raise NotImplementedError

    async def _wait(self, future: asyncio.Future, timeout: float) -> Any:
        return await future

    def _finished(self, loop, slot, broken: bool) -> None:
        self.queue.release(slot)


class WorkerPool(_Pool):
    """`size` warm workers behind a queue of at most `queue` waiting requests."""

    def __init__(
        self,
        size: int,
        config: Config,
        warm: bool = True,
        start_timeout: float = 120.0,
        queue: int = 32,
        wait: float = 60.0,
    ) -> None:
        super().__init__(queue, wait)
        # NOTE: spawn, not fork: the server process runs threads (event loop, uvicorn) and GX may too.
        self._ctx = multiprocessing.get_context("spawn")
        self._config, self._warm, self._start_timeout = config, warm, start_timeout
        self._threads = ThreadPoolExecutor(max_workers=size * 2, thread_name_prefix="auditor-call")
        self._lock = threading.Lock()
        self.size = size
        self.all: list[Worker] = []

    def start(self) -> None:
        """Start every worker and wait until each has warmed up (they warm in parallel)."""
        workers = [Worker(self._ctx, self._config, self._warm) for _ in range(self.size)]
        deadline = time.monotonic() + self._start_timeout
        for worker in workers:
            if not worker.ready(max(deadline - time.monotonic(), 0.1)):
                for w in workers:
                    w.kill()
                raise RuntimeError("a worker did not start; see the messages above")
        self.all = workers
        self.queue.open(workers)

    def _start(self, loop, slot: Worker, fn: Callable, args: tuple, timeout: float, large: bool) -> asyncio.Future:
        if large:
            fn, args = niced, (fn, *args)
        return loop.run_in_executor(self._threads, slot.call, fn, args, timeout)

    def _finished(self, loop, slot: Worker, broken: bool) -> None:
        if broken:
            self.queue.lost(slot)
            loop.run_in_executor(self._threads, self._replace, slot, loop)
        else:
            self.queue.release(slot)

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
        loop.call_soon_threadsafe(self.queue.add, fresh)

    def close(self) -> None:
        # NOTE: gently: a killed worker leaves its semaphores (tqdm's lock, among others) for the resource
        # tracker to warn about at exit
        for worker in self.all:
            worker.stop(grace=5)
        self._threads.shutdown(wait=False, cancel_futures=True)


class InlinePool(_Pool):
    """Jobs in `size` threads of the server process: for tests and debugging (`--workers 0`).

    NOTE: a thread cannot be killed, so here a timeout answers the request but
    the job runs on to its end, holding its slot; only `WorkerPool` really stops
    a runaway file.
    """

    def __init__(self, config: Config, warm: bool = True, size: int = 4, queue: int = 32, wait: float = 60.0) -> None:
        super().__init__(queue, wait)
        self._config, self._warm = config, warm
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="auditor-inline")
        self.size = size

    def start(self) -> None:
        from auditor.serve.job import warm as warm_up

        warm_up(self._config, full=self._warm)
        self.queue.open(list(range(self.size)))

    def _start(self, loop, slot: int, fn: Callable, args: tuple, timeout: float, large: bool) -> asyncio.Future:
        return loop.run_in_executor(self._threads, fn, *args)

    async def _wait(self, future: asyncio.Future, timeout: float) -> Any:
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise JobTimeout(timeout) from None

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
