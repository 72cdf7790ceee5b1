"""Results kept in memory for a short while, so the page can offer downloads after the answer.

Keyed by a random token (never by a file name); an entry expires after `ttl`
seconds and the oldest go first when more than `capacity` are held. Workbooks
and HTML reports are rendered on demand from the kept result; commented Word
copies are kept as made, because the upload itself is gone by then.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from auditor.result import AuditResult


@dataclass
class Entry:
    result: AuditResult
    names: list[str]  # display names, in upload order
    annotated: dict[int, dict[str, bytes]] = field(default_factory=dict)
    expires: float = 0.0


class ResultStore:
    def __init__(self, ttl: float = 900.0, capacity: int = 200) -> None:
        self.ttl, self.capacity = ttl, capacity
        self._items: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, entry: Entry) -> str:
        token = secrets.token_urlsafe(18)
        entry.expires = time.monotonic() + self.ttl
        with self._lock:
            self._purge()
            self._items[token] = entry
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> Entry | None:
        with self._lock:
            self._purge()
            return self._items.get(token)

    def _purge(self) -> None:
        now = time.monotonic()
        for token in [t for t, e in self._items.items() if e.expires < now]:
            del self._items[token]
