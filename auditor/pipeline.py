"""`audit()`: the library entry point. Reads, recognises, tabulates, validates; never prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from auditor import __version__
from auditor.document import Locator
from auditor.issue import Issue
from auditor.read import expand, read_document
from auditor.read.errors import UnreadableInput
from auditor.recognise import recognise
from auditor.recognise.records import DocumentRecords
from auditor.result import AuditResult, DocumentResult
from auditor.ruleset.loader import RuleSet, load_ruleset
from auditor.tabulate import project_name, tabulate


@dataclass
class Config:
    """Settings of one run; the CLI fills it from options, setup.cfg and auditor.cfg."""

    profile: str = "national"
    rule_dirs: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)

    def ruleset(self) -> RuleSet:
        return load_ruleset(self.rule_dirs, self.profile, self.select, self.ignore, self.severity)


def audit(paths: list[str], config: Config | None = None, ruleset: RuleSet | None = None,
          progress: Callable[[str], None] | None = None) -> AuditResult:
    """Audit every report under `paths` (files or directories) with one validation per entity."""
    config = config or Config()
    ruleset = ruleset or config.ruleset()
    documents: list[DocumentResult] = []
    batch: list[DocumentRecords] = []
    issues: list[Issue] = []
    for path, display in expand(paths):
        if progress:
            progress(display)
        try:
            doc = read_document(path, display)
        except UnreadableInput as exc:
            documents.append(DocumentResult(doc=display, format=path.suffix.lstrip(".").lower() or "?",
                                            status="unreadable", reason=str(exc)))
            issues.append(unreadable_issue(display, str(exc)))
            continue
        records = recognise(doc)
        batch.append(records)
        documents.append(DocumentResult(doc=display, format=doc.format,
                                        projects=[project_name(t) for t in records.tables]))
        issues.extend(incomplete_issues(records))
    if batch:
        from auditor.engine.validate import validate

        issues.extend(validate(tabulate(batch), ruleset))
    issues.sort(key=Issue.sort_key)
    return AuditResult(documents=documents, issues=issues, version=__version__, rules_version=ruleset.version)


def unreadable_issue(doc: str, reason: str) -> Issue:
    text = {"zh": f"无法读取文件：{reason}", "en": f"the file could not be read: {reason}"}
    return Issue(doc=doc, rule="READ_FILE", kind="unreadable_input", severity="error", message=text["zh"],
                 messages=text, location=Locator(line=1))


_PARTS = {"indicators": ("绩效指标", "the indicator block"), "total": ("总分行", "the 总分 row")}


def incomplete_issues(records: DocumentRecords) -> list[Issue]:
    out = []
    for table in records.tables:
        for loc, part in table.problems:
            zh, en = _PARTS.get(part, (part, part))
            text = {"zh": f"识别到项目支出绩效自评表，但未能读出{zh}", "en": f"a self-evaluation table was found but {en} could not be read"}
            out.append(Issue(doc=records.doc, rule="READ_TABLE", kind="extraction_incomplete", severity="warning",
                             message=text["zh"], messages=text, location=loc, project=project_name(table),
                             expected=zh))
    return out
