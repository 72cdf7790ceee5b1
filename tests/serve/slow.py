"""A stand-in audit for the timeout, queue and store tests, by the uploaded file's name.

`slow*` hangs (600 s), `nap*` takes 2 s, `big*` comes back with a 1 MB commented copy in each language;
anything else answers at once. Workers import it by name (it is pickled by reference), so it lives in a
module, not in a test.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from auditor.result import AuditResult, DocumentResult
from auditor.serve.job import Outcome


def job(uploads: list[tuple[str, str, str]], annotate: bool = True) -> Outcome:
    """Each document's `projects` lists what its upload directory holds, so tests can see the stored names."""
    shown = [name for _stored, name, _kind in uploads]
    if any(name.startswith("slow") for name in shown):
        time.sleep(600)
    if any(name.startswith("nap") for name in shown):
        time.sleep(2)
    docs = [
        DocumentResult(doc=name, format=kind, projects=sorted(os.listdir(Path(stored).parent)))
        for stored, name, kind in uploads
    ]
    copies = {
        n: {"zh": os.urandom(1 << 20), "en": os.urandom(1 << 20)}
        for n, name in enumerate(shown)
        if annotate and name.startswith("big")
    }
    return Outcome(AuditResult(documents=docs, issues=[], version="test", rules_version="test"), copies)
