"""Results kept in memory for a short while, so the page can offer downloads after the answer.

Keyed by a random token (never by a file name). An entry expires after `ttl`
seconds; the store holds at most `capacity` entries and `max_bytes` bytes, and
when a new one does not fit, the largest go first (by size class: within a
factor of two of each other counts as equal), the oldest of them first. An entry
larger than `max_bytes` by itself is not kept at all. The result is kept as the
worker packed it (pickled, compressed), so its size is known to the byte;
workbooks and HTML reports are rendered from it on demand, and commented Word
copies are kept as made, because the upload itself is gone by then.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Entry:
    result: bytes  # the AuditResult, pickled and compressed (auditor.serve.job.Answer.result)
    names: list[str]  # display names, in upload order
    annotated: dict[int, dict[str, bytes]] = field(default_factory=dict)
    expires: float = 0.0
    born: float = 0.0
    size: int = field(init=False, default=0)  # bytes held, counted once when made

    def __post_init__(self) -> None:
        copies = sum(len(b) for by_lang in self.annotated.values() for b in by_lang.values())
        self.size = len(self.result) + copies + sum(len(n.encode("utf-8")) for n in self.names) + 256


class ResultStore:
    def __init__(self, ttl: float = 900.0, capacity: int = 200, max_bytes: int = 256 << 20) -> None:
        self.ttl, self.capacity, self.max_bytes = ttl, capacity, max_bytes
        self._items: dict[str, Entry] = {}
        self._lock = threading.Lock()
        self.bytes = 0

    def put(self, entry: Entry) -> str | None:
        """The entry's token, or None when it alone is larger than the store may hold."""
        if entry.size > self.max_bytes:
            return None
        token = secrets.token_urlsafe(18)
        entry.born = time.monotonic()
        entry.expires = entry.born + self.ttl
        with self._lock:
            self._purge()
            while self._items and (len(self._items) >= self.capacity or self.bytes + entry.size > self.max_bytes):
                self._drop(max(self._items, key=lambda t: (self._items[t].size.bit_length(), -self._items[t].born)))
            self._items[token] = entry
            self.bytes += entry.size
        return token

    def get(self, token: str) -> Entry | None:
        with self._lock:
            self._purge()
            return self._items.get(token)

    def expires_in(self, token: str) -> float | None:
        """Seconds until the entry expires, None when it is gone."""
        entry = self.get(token)
        return None if entry is None else max(entry.expires - time.monotonic(), 0.0)

    def drop(self, token: str) -> None:
        with self._lock:
            if token in self._items:
                self._drop(token)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def _drop(self, token: str) -> None:
        self.bytes -= self._items.pop(token).size

    def _purge(self) -> None:
        now = time.monotonic()
        for token in [t for t, e in self._items.items() if e.expires < now]:
            self._drop(token)
