"""A stand-in audit for the coverage tests of the page: whatever is uploaded, the hand-made covered result.

The result (tests/render/conftest.py `covered_result`) has a document read partly, one with nothing checkable
and no issue, one read in full with no issue, and an unreadable one.
"""

from __future__ import annotations

from render.conftest import covered_result

from auditor.serve.job import Outcome


def job(uploads: list[tuple[str, str, str]], annotate: bool = True) -> Outcome:
    return Outcome(covered_result())
