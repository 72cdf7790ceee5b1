"""`auditor serve`: the audit as a web page and an HTTP API, for people who will not use a command line.

`create_app(config, ruleset, settings)` builds the FastAPI app (auditor/serve/app.py);
the CLI's `serve` command runs it with uvicorn. FastAPI and uvicorn are imported
only here, so `auditor check` never pays for them.
"""

from __future__ import annotations

from auditor.serve.app import Settings, create_app

__all__ = ["Settings", "create_app"]
