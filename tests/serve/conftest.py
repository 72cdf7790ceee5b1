from __future__ import annotations

import pytest

from auditor.serve import Settings, create_app

from .server import running


@pytest.fixture(scope="session")
def upload_root(tmp_path_factory):
    """Where the shared server makes its per-request temporary directories."""
    return tmp_path_factory.mktemp("uploads")


@pytest.fixture(scope="session")
def base_url(ruleset, upload_root):
    """One warm server shared by the API and browser tests: warming costs seconds.

    NOTE: one worker: two would warm in parallel but fight for the CPU; that other users are served while
    one request runs is shown with two cheap workers in test_timeout.py.
    """
    app = create_app(ruleset=ruleset, settings=Settings(workers=1, max_upload_mb=1, timeout=60, tmp_root=upload_root))
    with running(app) as url:
        yield url
