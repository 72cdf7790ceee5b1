"""The queue in front of the audit workers: bounded, small requests first, large ones never on every worker.

A request takes a place (`admit`) before its upload is read, so a full queue is
answered 503 at once, with a Retry-After, instead of after a 20 MB upload; it
then waits for a worker (`acquire`) for at most `wait` seconds (503 again
after that). Small requests are served in their order of arrival before any
large one; large requests (`large=True`: over the server's large-upload size)
may hold every worker but a quarter (rounded up, at least one when there are
two or more), so a few large uploads cannot hold up everyone's one report.
Everything here runs on the event loop's thread.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from typing import Any


class Busy(Exception):
    """No worker could take the request: the queue is full, or the wait ran out; retry after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class Ticket:
    """A request's place in the queue, from before its upload is read until a worker takes it (or it gives up)."""

    def __init__(self, queue: Queue) -> None:
        self._queue, self.waiting = queue, True

    def leave(self) -> None:
        if self.waiting:
            self.waiting = False
            self._queue.waiting -= 1

    def __enter__(self) -> Ticket:
        return self

    def __exit__(self, *_exc) -> None:
        self.leave()


class Queue:
    def __init__(self, limit: int = 32, wait: float = 60.0) -> None:
        self.limit, self.wait = limit, wait
        self.waiting = 0  # admitted and not yet on a worker
        self.slots = 0  # workers in service
        self.large_running = 0
        self._idle: list[Any] = []
        self._small: deque[asyncio.Future] = deque()
        self._large: deque[asyncio.Future] = deque()
        self._seconds = 1.0  # a running average of how long a job takes, for Retry-After

    @property
    def large_cap(self) -> int:
        """How many workers large requests may hold at once."""
        return max(1, self.slots - math.ceil(self.slots / 4)) if self.slots >= 2 else self.slots

    def open(self, slots: list[Any]) -> None:
        for slot in slots:
            self.add(slot)

    def add(self, slot: Any) -> None:
        """A worker (new or replacing a lost one) enters service."""
        self.slots += 1
        self.release(slot)

    def lost(self, slot: Any) -> None:
        """A worker left service (killed after a timeout, or dead); it is replaced through `add`."""
        self.slots -= 1

    def retry_after(self) -> int:
        return max(1, min(120, math.ceil(self._seconds * (self.waiting + 1) / max(self.slots, 1))))

    def admit(self) -> Ticket:
        if self.waiting >= self.limit:
            raise Busy(self.retry_after())
        self.waiting += 1
        return Ticket(self)

    async def acquire(self, ticket: Ticket, large: bool) -> Any:
        """An idle worker for this request; Busy when none came within `wait` seconds."""
        lane = self._large if large else self._small
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        lane.append(future)
        self._dispatch()
        try:
            done, _ = await asyncio.wait({future}, timeout=self.wait)
        except BaseException:  # NOTE: the request was given up; a worker it was just handed goes back
            if future.done() and not future.cancelled():
                self._give_back(future.result(), large)
            else:
                self._forget(future, lane)
            raise
        finally:
            ticket.leave()
        if not done:
            self._forget(future, lane)
            raise Busy(self.retry_after())
        return future.result()

    def _forget(self, future: asyncio.Future, lane: deque) -> None:
        future.cancel()
        if future in lane:
            lane.remove(future)

    def _give_back(self, slot: Any, large: bool) -> None:
        if large:
            self.large_running -= 1
        self.release(slot)

    def release(self, slot: Any) -> None:
        """A worker is free again (after a job, or on entering service)."""
        self._idle.append(slot)
        self._dispatch()

    def ran(self, seconds: float, large: bool) -> None:
        """A job ended after `seconds`: it no longer counts against the large cap, and it teaches Retry-After."""
        if large:
            self.large_running -= 1
        self._seconds = 0.8 * self._seconds + 0.2 * seconds

    def _dispatch(self) -> None:
        while self._idle:
            if self._small:
                future = self._small.popleft()
            elif self._large and self.large_running < self.large_cap:
                future = self._large.popleft()
                self.large_running += 1
            else:
                return
            future.set_result(self._idle.pop())
