"""The queue in front of the audit workers: bounded, small requests first, large ones never on every worker.

A request takes a place (`admit`) before its upload is read, so a full queue is
answered 503 at once, with a Retry-After, instead of after a 20 MB upload; it
then waits for a worker (`acquire`) for at most `wait` seconds (503 again
after that). Requests are served in their order of arrival, except that large
ones (`large=True`: over the server's large-upload size) may hold every worker
but a quarter (rounded up, at least one when there are two or more): a small
request passes the large ones waiting at their cap, so a few large uploads
cannot hold up everyone's one report, and they are not starved either.

Small requests waiting together are audited together: the one a worker is
given takes along the others waiting (`Seat.riders`, up to `batch` of them,
whose file names do not clash), because validation costs nearly as much for
one report as for eight (0.7 s against 1.2 s here). Each still gets only its own
documents' results. Everything here runs on the event loop's thread.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any


class Busy(Exception):
    """No worker could take the request: the queue is full, or the wait ran out; retry after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class Rerun(Exception):
    """The batch this request rode in failed: it is audited again on its own."""


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


@dataclass(eq=False)
class Waiter:
    future: asyncio.Future  # resolves to the request's Seat
    large: bool
    names: frozenset[str] | None = None  # the file names of a request that may be audited with others
    payload: Any = None  # what the request asks its worker to do (the pool's business)
    result: asyncio.Future | None = None  # for a rider: its answer, set when its batch ends


@dataclass
class Seat:
    """What a waiting request gets: a worker (and the riders it audits along), or a ride in another's batch."""

    slot: Any = None
    riders: list[Waiter] = field(default_factory=list)
    ride: asyncio.Future | None = None


class Queue:
    def __init__(self, limit: int = 32, wait: float = 60.0, batch: int = 8, batch_files: int = 50) -> None:
        self.limit, self.wait, self.batch, self.batch_files = limit, wait, batch, batch_files
        self.waiting = 0  # admitted and not yet on a worker
        self.slots = 0  # workers in service
        self.large_running = 0
        self._idle: list[Any] = []
        self._waiters: deque[Waiter] = deque()  # in order of arrival
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

    async def acquire(
        self, ticket: Ticket, large: bool, names: frozenset[str] | None = None, payload: Any = None
    ) -> Seat:
        """A worker for this request, or a ride in another's batch (`names`: it may ride); Busy after `wait` s."""
        waiter = Waiter(asyncio.get_running_loop().create_future(), large, None if large else names, payload)
        self._waiters.append(waiter)
        self._dispatch()
        future = waiter.future
        try:
            done, _ = await asyncio.wait({future}, timeout=self.wait)
        except BaseException:  # NOTE: the request was given up; a worker it was just handed goes back
            if future.done() and not future.cancelled():
                self._give_back(future.result(), large)
            else:
                self._forget(waiter)
            raise
        finally:
            ticket.leave()
        if not done:
            self._forget(waiter)
            raise Busy(self.retry_after())
        return future.result()

    def _forget(self, waiter: Waiter) -> None:
        waiter.future.cancel()
        if waiter in self._waiters:
            self._waiters.remove(waiter)

    def _give_back(self, seat: Seat, large: bool) -> None:
        for rider in seat.riders:
            rider.result.set_exception(Rerun())
        if seat.slot is None:
            return
        if large:
            self.large_running -= 1
        self.release(seat.slot)

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
            room = self.large_running < self.large_cap
            waiter = next((w for w in self._waiters if room or not w.large), None)
            if waiter is None:
                return
            self._waiters.remove(waiter)
            self.large_running += waiter.large
            waiter.future.set_result(Seat(self._idle.pop(), self._riders(waiter)))

    def _riders(self, leader: Waiter) -> list[Waiter]:
        """The small requests waiting that can be audited with `leader`: no file name in common, few enough."""
        if leader.names is None:
            return []
        names, riders = set(leader.names), []
        for waiter in list(self._waiters):
            if len(riders) + 1 >= self.batch:
                break
            if waiter.names is None or names & waiter.names or len(names) + len(waiter.names) > self.batch_files:
                continue
            self._waiters.remove(waiter)
            names |= waiter.names
            waiter.result = asyncio.get_running_loop().create_future()
            waiter.future.set_result(Seat(ride=waiter.result))
            riders.append(waiter)
        return riders
