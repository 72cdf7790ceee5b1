"""A stand-in audit for the timeout tests: hangs on a file named slow*, answers at once otherwise.

Workers import it by name (it is pickled by reference), so it lives in a module, not in a test.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from auditor.result import AuditResult, DocumentResult
from auditor.serve.job import Outcome


def job(uploads: list[tuple[str, str, str]]) -> Outcome:
    """Each document's `projects` lists what its upload directory holds, so tests can see the stored names."""
    if any(shown.startswith("slow") for _stored, shown, _kind in uploads):
        time.sleep(600)
    docs = [
        DocumentResult(doc=shown, format=kind, projects=sorted(os.listdir(Path(stored).parent)))
        for stored, shown, kind in uploads
    ]
    return Outcome(AuditResult(documents=docs, issues=[], version="test", rules_version="test"))
