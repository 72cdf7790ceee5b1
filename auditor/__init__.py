"""auditor: find the inconsistencies in Chinese budget performance self-evaluation reports.

    import auditor

    result = auditor.audit(["reports/"], auditor.Config(profile="national"))
    for issue in result.issues:
        print(issue.doc, issue.rule, issue.message)

`audit`, `Config` and `AuditResult` are imported on first use (PEP 562), so
`import auditor` (and `auditor --help`) costs nothing: the pipeline brings in
pandas, and validation Great Expectations.
"""

__version__ = "0.1.0"

__all__ = ["AuditResult", "Config", "__version__", "audit"]


def __getattr__(name: str):
    # NOTE: each export is imported where it is defined; the modules below never import this package
    # for anything but __version__, a literal bound above (tests/test_imports.py checks both)
    if name == "audit":
        from auditor.pipeline import audit as value
    elif name == "Config":
        from auditor.config import Config as value
    elif name == "AuditResult":
        from auditor.result import AuditResult as value
    else:
        raise AttributeError(f"module 'auditor' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
