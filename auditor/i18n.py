"""Words of the interface in Chinese (the default: users are Chinese finance staff) and English.

Rule messages carry their own zh/en texts; this table holds only what the
reporters and the command line say around them.
"""
from __future__ import annotations

LANGS = ("zh", "en")

TEXT = {
    "zh": {
        "severity.error": "错误", "severity.warning": "警告", "severity.info": "提示",
        "expected": "应为", "found": "实为", "evidence": "原文", "document_level": "（文件整体）",
        "summary": "共 {documents} 个文件，{issues} 个问题：错误 {error}，警告 {warning}，提示 {info}",
        "unreadable": "无法读取", "no_issues": "未发现问题",
        "no_input": "没有找到可审查的文件：{paths}",
        "all_unreadable": "所有文件都无法读取",
        "output_exists": "输出文件 {path} 已存在；加 --force 覆盖，或换一个文件名",
        "written": "已写入 {path}",
        "rules.header": "规则", "rules.count": "共 {n} 条规则（方案 {profile}，规则集 {version}）",
        "rule.kind": "问题类型", "rule.severity": "严重程度", "rule.entity": "检查对象", "rule.type": "规则类型",
        "rule.rationale": "依据", "rule.pass": "通过的例子", "rule.fail": "报告的例子", "rule.file": "文件",
        "unknown_rule": "没有规则 {code}；用 `auditor rules` 查看全部规则",
        "rule_errors": "规则文件有误：",
    },
    "en": {
        "severity.error": "error", "severity.warning": "warning", "severity.info": "info",
        "expected": "expected", "found": "found", "evidence": "evidence", "document_level": "(whole document)",
        "summary": "{documents} documents, {issues} issues: {error} errors, {warning} warnings, {info} info",
        "unreadable": "unreadable", "no_issues": "no issues found",
        "no_input": "no report files found in: {paths}",
        "all_unreadable": "no file could be read",
        "output_exists": "output file {path} exists; add --force to overwrite it, or choose another name",
        "written": "written to {path}",
        "rules.header": "rules", "rules.count": "{n} rules (profile {profile}, rule set {version})",
        "rule.kind": "kind", "rule.severity": "severity", "rule.entity": "runs on", "rule.type": "rule type",
        "rule.rationale": "rationale", "rule.pass": "passing examples", "rule.fail": "reported examples",
        "rule.file": "file",
        "unknown_rule": "no rule {code}; run `auditor rules` to list them",
        "rule_errors": "rule files are wrong:",
    },
}


def t(lang: str, key: str, **values) -> str:
    text = TEXT.get(lang, TEXT["zh"]).get(key) or TEXT["zh"][key]
    return text.format(**values) if values else text
