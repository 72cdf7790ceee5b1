"""auditor: find the inconsistencies in Chinese budget performance self-evaluation reports.

    import auditor

    result = auditor.audit(["reports/"], auditor.Config(profile="national"))
    for issue in result.issues:
        print(issue.doc, issue.rule, issue.message)

`audit`, `Config` and `AuditResult` are imported on first use (PEP 562), so
`import auditor` (and `auditor --help`) costs nothing: the pipeline brings in
pandas, and validation Great Expectations.
"""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["AuditResult", "Config", "__version__", "audit"]

if TYPE_CHECKING:  # what a type checker (and an editor) sees; at run time they come from __getattr__
    from auditor.config import Config
    from auditor.pipeline import audit
    from auditor.result import AuditResult


def __getattr__(name: str) -> object:
    # NOTE: each export is imported where it is defined; the modules below never import this package
    # for anything but __version__, a literal bound above (tests/test_imports.py checks both)
    value: object
    if name == "audit":
        from auditor.pipeline import audit as function

        value = function
    elif name == "Config":
        from auditor.config import Config as config_class

        value = config_class
    elif name == "AuditResult":
        from auditor.result import AuditResult as result_class

        value = result_class
    else:
        raise AttributeError(f"module 'auditor' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
