"""Words of the interface in Chinese (the default: users are Chinese finance staff) and English.

Rule messages carry their own zh/en texts; this table holds only what the
reporters and the command line say around them.
"""

from __future__ import annotations

import gettext

LANGS = ("zh", "en")

TEXT = {
    "zh": {
        "severity.error": "错误",
        "severity.warning": "警告",
        "severity.info": "提示",
        "expected": "应为",
        "found": "实为",
        "evidence": "原文",
        "document_level": "（文件整体）",
        "summary": "共 {documents} 个文件，{issues} 个问题：错误 {error}，警告 {warning}，提示 {info}",
        "unreadable": "无法读取",
        "no_issues": "未发现问题",
        "no_input": "没有找到可审查的文件：{paths}",
        "all_unreadable": "所有文件都无法读取",
        "output_exists": "输出文件 {path} 已存在；加 --force 覆盖，或换一个文件名",
        "written": "已写入 {path}",
        "output_unwritable": "无法写入输出文件 {path}：{reason}",
        "rules.header": "规则",
        "rules.count": "共 {n} 条规则（方案 {profile}，规则集 {version}）",
        "rule.kind": "问题类型",
        "rule.severity": "严重程度",
        "rule.entity": "检查对象",
        "rule.type": "规则类型",
        "rule.rationale": "依据",
        "rule.pass": "通过的例子",
        "rule.fail": "报告的例子",
        "rule.file": "文件",
        "unknown_rule": "没有规则 {code}；用 `auditor rules` 查看全部规则",
        "rule_errors": "规则文件有误：",
    },
    "en": {
        "severity.error": "error",
        "severity.warning": "warning",
        "severity.info": "info",
        "expected": "expected",
        "found": "found",
        "evidence": "evidence",
        "document_level": "(whole document)",
        "summary": "{documents} documents, {issues} issues: {error} errors, {warning} warnings, {info} info",
        "unreadable": "unreadable",
        "no_issues": "no issues found",
        "no_input": "no report files found in: {paths}",
        "all_unreadable": "no file could be read",
        "output_exists": "output file {path} exists; add --force to overwrite it, or choose another name",
        "written": "written to {path}",
        "output_unwritable": "cannot write the output file {path}: {reason}",
        "rules.header": "rules",
        "rules.count": "{n} rules (profile {profile}, rule set {version})",
        "rule.kind": "kind",
        "rule.severity": "severity",
        "rule.entity": "runs on",
        "rule.type": "rule type",
        "rule.rationale": "rationale",
        "rule.pass": "passing examples",
        "rule.fail": "reported examples",
        "rule.file": "file",
        "unknown_rule": "no rule {code}; run `auditor rules` to list them",
        "rule_errors": "rule files are wrong:",
    },
}


def t(lang: str, key: str, **values) -> str:
    text = TEXT.get(lang, TEXT["zh"]).get(key) or TEXT["zh"][key]
    return text.format(**values) if values else text


# Words of the Excel, HTML, CSV and SARIF reports, of `auditor annotate` and of the progress bar.
# NOTE: kept in their own table and merged below, so keys added here never collide in a merge
# with keys other modules add to TEXT above.
_REPORTS = {
    "zh": {
        "col.document": "文件",
        "col.department": "部门",
        "col.project": "项目",
        "col.kind": "问题类型",
        "col.severity": "严重程度",
        "col.rule": "规则",
        "col.location": "位置",
        "col.location_json": "位置（JSON）",
        "col.expected": "应为",
        "col.found": "实为",
        "col.message": "说明",
        "col.evidence": "原文",
        "sheet.issues": "问题清单",
        "sheet.summary": "汇总",
        "sheet.departments": "部门",
        "report.title": "预算绩效自评审查报告",
        "report.generated": "auditor {version}，规则集 {rules}",
        "report.documents": "文件数",
        "report.issues": "问题数",
        "report.total": "合计",
        "report.rank": "名次",
        "report.status": "状态",
        "report.unreadable_docs": "无法读取的文件",
        "report.ok": "已审查",
        "report.by_document": "各文件问题数",
        "report.by_kind": "各类问题数",
        "report.by_department": "各部门问题数",
        "col.kind_code": "类型代码",
        "report.ranking": "部门排名（先按错误数，再按警告数）",
        "report.top_projects": "问题最多的项目",
        "report.issue_list": "问题清单",
        "report.no_issues": "未发现问题",
        "report.other": "其他 {n} 项",
        "filter.all": "全部",
        "filter.search": "搜索说明、原文、项目……",
        "filter.showing": "显示 {shown} / {total} 条",
        "filter.sort_hint": "点击表头排序",
        "filter.more": "再显示 {n} 条（还有 {rest} 条）",
        "progress.reading": "读取",
        "progress.validating": "检查中……",
        "annotate.not_docx": "{path} 不是 Word (.docx) 文件；annotate 只批注 .docx",
        "annotate.written": "已写入 {path}：{n} 条批注",
        "annotate.same_file": "批注副本不能覆盖原报告 {path}；请换一个输出文件名",
        "annotate.unanchored": "（未能在原处定位，位置：{where}）",
        "output.binary_needs_file": "{fmt} 是二进制格式：请用 -o 文件名 写入文件，或把输出重定向到文件",
        "output.unknown_format": "未知的输出格式 {fmt}；可用：{formats}",
    },
    "en": {
        "col.document": "document",
        "col.department": "department",
        "col.project": "project",
        "col.kind": "kind",
        "col.severity": "severity",
        "col.rule": "rule",
        "col.location": "location",
        "col.location_json": "location (JSON)",
        "col.expected": "expected",
        "col.found": "found",
        "col.message": "message",
        "col.evidence": "evidence",
        "sheet.issues": "Issues",
        "sheet.summary": "Summary",
        "sheet.departments": "Departments",
        "report.title": "Budget performance self-evaluation audit",
        "report.generated": "auditor {version}, rule set {rules}",
        "report.documents": "documents",
        "report.issues": "issues",
        "report.total": "total",
        "report.rank": "rank",
        "report.status": "status",
        "report.unreadable_docs": "unreadable files",
        "report.ok": "audited",
        "report.by_document": "Issues per document",
        "report.by_kind": "Issues by kind",
        "col.kind_code": "kind code",
        "report.by_department": "Issues by department",
        "report.ranking": "Departments ranked by errors, then warnings",
        "report.top_projects": "Projects with the most issues",
        "report.issue_list": "Issues",
        "report.no_issues": "no issues found",
        "report.other": "{n} more",
        "filter.all": "all",
        "filter.search": "search messages, evidence, projects…",
        "filter.showing": "showing {shown} of {total}",
        "filter.sort_hint": "click a heading to sort",
        "filter.more": "show {n} more ({rest} not shown)",
        "progress.reading": "reading",
        "progress.validating": "checking…",
        "annotate.not_docx": "{path} is not a Word (.docx) file; annotate comments .docx files only",
        "annotate.written": "written to {path}: {n} comments",
        "annotate.same_file": "the commented copy may not replace the report {path}; choose another output name",
        "annotate.unanchored": "(could not be placed where it belongs; location: {where})",
        "output.binary_needs_file": "{fmt} is a binary format: write it with -o FILE, or redirect the output to a file",
        "output.unknown_format": "unknown output format {fmt}; use one of {formats}",
    },
}

# The issue contract's kinds as a person reads them (the JSON keeps the codes).
_KINDS = {
    "score_exceeds_weight": ("得分超过分值", "score above weight"),
    "category_weight_cap": ("一级指标分值不符", "category weights off their cap"),
    "category_score_cap": ("一级指标得分超限", "category scores over their cap"),
    "total_mismatch": ("总分与合计不符", "total is not the sum"),
    "execution_rate_mismatch": ("执行率计算不符", "execution rate miscomputed"),
    "funding_sum_mismatch": ("资金合计不符", "funding sum mismatch"),
    "funding_score_formula": ("执行率得分不符", "execution-rate score off formula"),
    "section_sum_mismatch": ("分项得分合计不符", "section scores do not add up"),
    "narrative_table_mismatch": ("综述与表格不符", "prose differs from table"),
    "count_mismatch": ("数量合计不符", "stated count mismatch"),
    "project_topic_mismatch": ("项目内容不符", "project topic mismatch"),
    "project_name_mismatch": ("项目名称不一致", "project named differently"),
    "year_mismatch": ("年度不一致", "wrong year"),
    "grade_mismatch": ("等级与得分不符", "grade does not fit score"),
    "vague_actual_value": ("实际值未量化", "vague actual value"),
    "missing_deviation_reason": ("缺少偏差原因", "missing deviation reason"),
    "empty_indicator_scored": ("空指标有得分", "empty indicator scored"),
    "unit_mismatch": ("单位不一致", "unit mismatch"),
    "typo": ("错别字", "typo"),
    "score_inconsistent_with_actual": ("得分与完成情况不符", "score not supported by the result"),
    "missing_category": ("缺少必备指标类别", "required category missing"),
    "missing_value": ("必填内容为空", "required cell blank"),
    "unfilled_template": ("模板内容未填写", "template text left in"),
    "category_misplacement": ("指标归类错误", "indicator filed under the wrong category"),
    "execution_exceeds_budget": ("执行数超过预算数", "spending above budget"),
    "claim_contradiction": ("前后表述矛盾", "statements contradict each other"),
    "copied_content": ("内容照搬其他项目", "content copied from another project"),
    "unreadable_input": ("文件无法读取", "unreadable file"),
    "extraction_incomplete": ("表格未能读全", "table not read in full"),
}
for _kind, (_zh, _en) in _KINDS.items():
    _REPORTS["zh"][f"kind.{_kind}"] = _zh
    _REPORTS["en"][f"kind.{_kind}"] = _en


def _add(words: dict[str, dict[str, str]]) -> None:
    """Add a group of words (per language) to TEXT; a key TEXT has already keeps its text."""
    for lang, group in words.items():
        for key, word in group.items():
            TEXT[lang].setdefault(key, word)


_add(_REPORTS)


# Words of the review page of `auditor serve` (auditor/serve/page.py), merged like _REPORTS above.
_SERVE = {
    "zh": {
        "serve.title": "预算绩效自评报告发布前审查",
        "serve.lede": "上传自评报告（可多选），查看需要修改的问题。",
        "serve.choose": "选择文件",
        "serve.drop": "或把文件拖到这里",
        "serve.submit": "开始审查",
        "serve.busy": "审查中……",
        "serve.formats": "支持 .txt .docx .xlsx .xls .pdf .doc .wps，合计不超过 {mb} MB",
        "serve.switch": "English",
        "serve.failed": "审查失败",
        "serve.download": "下载",
        "serve.xlsx": "Excel 问题清单",
        "serve.html": "HTML 报告",
        "serve.annotated": "带批注的 Word 副本",
        "serve.filter_severity": "严重程度",
        "serve.filter_kind": "问题类型",
        "serve.no_files": "请先选择文件",
        "serve.docs": "API 文档",
        "serve.project_none": "（文件整体）",
        "serve.rule": "规则",
        "serve.where": "位置",
        "serve.expires": "下载链接 {min} 分钟内有效",
    },
    "en": {
        "serve.title": "Pre-publication review of budget performance self-evaluations",
        "serve.lede": "Upload one or more self-evaluation reports and see what needs fixing.",
        "serve.choose": "Choose files",
        "serve.drop": "or drop files here",
        "serve.submit": "Check",
        "serve.busy": "checking…",
        "serve.formats": "accepts .txt .docx .xlsx .xls .pdf .doc .wps, up to {mb} MB in all",
        "serve.switch": "中文",
        "serve.failed": "The check failed",
        "serve.download": "Download",
        "serve.xlsx": "Excel issue list",
        "serve.html": "HTML report",
        "serve.annotated": "Word copy with comments",
        "serve.filter_severity": "severity",
        "serve.filter_kind": "kind",
        "serve.no_files": "choose files first",
        "serve.docs": "API docs",
        "serve.project_none": "(whole document)",
        "serve.rule": "rule",
        "serve.where": "location",
        "serve.expires": "download links are valid for {min} minutes",
    },
}
_add(_SERVE)

# What the review page says it keeps, and when a result's downloads are gone (auditor/serve/page.py).
_SERVE_PRIVACY = {
    "zh": {
        "serve.privacy": (
            "保存什么：上传的文件只在审查期间存放在服务器的临时目录中，答复后即删除；审查结果（问题清单、"
            "Word 批注副本）保存在服务器内存中最长 {min} 分钟，供下载，之后或服务器重启时删除，不写入磁盘。"
            "下载链接不需登录，任何拿到链接的人都能下载。"
        ),
        "serve.privacy_keep": (
            "保存什么：本服务器开启了留存（--keep）：每次上传的文件和问题清单写入服务器磁盘上管理员指定的目录，"
            "长期保存，直到管理员删除，只有运行服务的账户能读取；审查结果另在内存中保存最长 {min} 分钟供下载。"
            "下载链接不需登录，任何拿到链接的人都能下载。"
        ),
        "serve.expired": "结果已过期（只保留 {min} 分钟），下载链接已失效；请重新上传后下载",
        "serve.not_kept": "这次的结果太大，服务器没有保留，不能下载；问题清单见下方",
    },
    "en": {
        "serve.privacy": (
            "What is kept: uploaded files stay in a temporary directory on the server only while they are "
            "checked and are deleted when the answer is sent; the results (issue list, commented Word copies) "
            "are held in the server's memory for at most {min} minutes, for the downloads, then dropped (also "
            "when the server restarts), never written to disk. Download links need no login: whoever holds "
            "one can download."
        ),
        "serve.privacy_keep": (
            "What is kept: this server keeps uploads (--keep): every uploaded file and its issue list are "
            "written to a directory on the server's disk chosen by its administrator and stay there until the "
            "administrator deletes them, readable only by the account that runs the service; results are also "
            "held in memory for at most {min} minutes for the downloads. Download links need no login: whoever "
            "holds one can download."
        ),
        "serve.expired": "the result has expired (results are kept {min} minutes); its links no longer work, upload again to download",
        "serve.not_kept": "this result was too large for the server to keep, so it cannot be downloaded; the issues are below",
    },
}
_add(_SERVE_PRIVACY)

# Errors of `auditor serve`, in the language of the page (auditor/serve/errors.py), and what `serve` says on
# the command line. Not `serve.`: the page's script carries only the words it shows itself.
_SERVE_ERRORS = {
    "zh": {
        "serve_error.no_files": "请上传至少一个文件（表单字段 files）",
        "serve_error.too_large": "上传内容超过 {mb} MB 的上限",
        "serve_error.too_many_files": "一次最多上传 {max} 个文件",
        "serve_error.too_many_fields": "表单字段太多（最多 {max} 个）",
        "serve_error.bad_form": "无法读取上传的表单：应为 multipart/form-data，文件放在字段 files 中",
        "serve_error.timeout": "审查超过 {s} 秒仍未完成，已停止；文件可能过大或已损坏",
        "serve_error.worker_died": "审查进程意外终止",
        "serve_error.internal": "审查出错：{reason}",
        "serve_error.busy": "服务器正忙（排队已满），请 {s} 秒后重试",
        "serve_error.expired": "结果已过期，下载链接已失效，请重新上传",
        "serve_error.no_format": "没有这种格式：{fmt}",
        "serve_error.no_copy": "没有这个文件的批注副本",
        "serve_error.not_found": "没有这个地址：{path}",
        "serve_error.method_not_allowed": "{path} 不接受 {method} 请求",
        "serve_error.invalid": "请求参数有误：{fields}",
        "serve_error.bad_host": "不接受发给主机名 {host} 的请求；对外使用的名称请用 --allowed-host 加入",
        "serve_error.http": "请求无法处理（HTTP {status}）",
        "serve_cli.port_in_use": "auditor serve：{host} 的端口 {port} 已被占用；换一个 --port，或先停止占用它的程序",
        "serve_cli.cannot_listen": "auditor serve：无法在 {host}:{port} 监听：{reason}",
        "serve_cli.ready": "auditor serve: {url}  （API 文档：/docs）",
        "serve_cli.no_address": "本机没有这个地址",
        "serve_cli.no_name": "无法解析这个主机名",
        "serve_cli.not_allowed": "没有权限（1024 以下的端口通常需要管理员权限）",
        "serve_error.no_host": "请求没有 Host 头；请用浏览器或 curl 访问 http://地址:端口/",
    },
    "en": {
        "serve_error.no_files": "upload at least one file (multipart field `files`)",
        "serve_error.too_large": "the upload exceeds the limit of {mb} MB",
        "serve_error.too_many_files": "at most {max} files per request",
        "serve_error.too_many_fields": "too many form fields (at most {max})",
        "serve_error.bad_form": "the upload could not be read ({reason}); send multipart/form-data with the files in the field `files`",
        "serve_error.timeout": "the audit took longer than {s} s and was stopped; the file may be too large or damaged",
        "serve_error.worker_died": "the audit process ended unexpectedly",
        "serve_error.internal": "the audit failed: {reason}",
        "serve_error.busy": "the server is busy (its queue is full); try again in {s} s",
        "serve_error.expired": "the result has expired and its links no longer work; upload again",
        "serve_error.no_format": "no such format: {fmt}",
        "serve_error.no_copy": "no commented copy of that file",
        "serve_error.not_found": "no such address: {path}",
        "serve_error.method_not_allowed": "{path} does not take {method} requests",
        "serve_error.invalid": "invalid request: {fields}",
        "serve_error.bad_host": "requests for the host name {host} are refused; add a public name with --allowed-host",
        "serve_error.http": "the request could not be handled (HTTP {status})",
        "serve_cli.port_in_use": "auditor serve: port {port} of {host} is already in use; choose another --port or stop what holds it",
        "serve_cli.cannot_listen": "auditor serve: cannot listen on {host}:{port}: {reason}",
        "serve_cli.ready": "auditor serve: {url}  (API docs: /docs)",
        "serve_cli.no_address": "this machine has no such address",
        "serve_cli.no_name": "the host name cannot be resolved",
        "serve_cli.not_allowed": "permission denied (ports below 1024 usually need an administrator)",
        "serve_error.no_host": "the request has no Host header; reach the server at http://address:port/",
    },
}
_add(_SERVE_ERRORS)


# Words of `auditor check --engine` (auditor/cli.py), merged like _REPORTS above. What Spark itself needs
# is said by auditor.engine.spark.session.SparkUnavailable, in both languages.
_ENGINE = {
    "zh": {
        "engine.unknown": "未知的引擎 {engine}；可用：{engines}",
        "engine.master_needs_spark": "--spark-master 只用于 --engine spark",
    },
    "en": {
        "engine.unknown": "unknown engine {engine}; use one of {engines}",
        "engine.master_needs_spark": "--spark-master is for --engine spark only",
    },
}
_add(_ENGINE)


# Words of the coverage every report shows per document (auditor/render/coverage.py), merged like _REPORTS
# above. A key ending in `.one` is the singular of the key without it, where the language has one.
_COVERAGE = {
    "zh": {
        "coverage.checked": "已核对 {parts}",
        "coverage.sep": "、",
        "coverage.then": "；",
        "coverage.tables": "{n} 张自评表",
        "coverage.full": "（{n} 张完整）",
        "coverage.indicators": "{n} 个指标",
        "coverage.claims": "{n} 处文字陈述",
        "coverage.nothing": "未找到可核对的自评内容",
        "coverage.table": "表{n}",
        "coverage.table_named": "表{n}「{project}」",
        "coverage.incomplete": "{table}：{blocks}",
        "coverage.block.header.partial": "表头未读全",
        "coverage.block.header.none": "未读到表头",
        "coverage.block.funding.partial": "资金部分未读全",
        "coverage.block.funding.none": "未读到资金部分",
        "coverage.block.goals.partial": "绩效目标未读全",
        "coverage.block.goals.none": "未读到绩效目标",
        "coverage.block.indicators.partial": "绩效指标未读全",
        "coverage.block.indicators.none": "未读到绩效指标",
        "coverage.block.total.partial": "总分行未读全",
        "coverage.block.total.none": "未读到总分行",
        "coverage.block.partial": "{block} 未读全",
        "coverage.block.none": "未读到 {block}",
        "coverage.total": "；共核对 {parts}",
        "coverage.total_nothing": "；{n} 个文件未找到可核对的自评内容",
        "coverage.heading": "各文件核对范围",
        "coverage.col.checked": "核对情况",
        "coverage.col.tables": "自评表",
        "coverage.col.full": "读全的表",
        "coverage.col.indicators": "指标",
        "coverage.col.claims": "文字陈述",
        "coverage.col.forms": "表式",
        "coverage.col.incomplete": "未读全的表",
        "coverage.not_measured": "未统计",
        "sheet.coverage": "核对范围",
    },
    "en": {
        "coverage.checked": "checked {parts}",
        "coverage.sep": ", ",
        "coverage.then": "; ",
        "coverage.tables": "{n} tables",
        "coverage.tables.one": "{n} table",
        "coverage.full": " ({n} complete)",
        "coverage.indicators": "{n} indicators",
        "coverage.indicators.one": "{n} indicator",
        "coverage.claims": "{n} prose figures",
        "coverage.claims.one": "{n} prose figure",
        "coverage.nothing": "nothing checkable was found",
        "coverage.table": "table {n}",
        "coverage.table_named": "table {n} “{project}”",
        "coverage.incomplete": "{table}: {blocks}",
        "coverage.block.header.partial": "header not read in full",
        "coverage.block.header.none": "no header found",
        "coverage.block.funding.partial": "funding not read in full",
        "coverage.block.funding.none": "no funding found",
        "coverage.block.goals.partial": "goals not read in full",
        "coverage.block.goals.none": "no goals found",
        "coverage.block.indicators.partial": "indicators not read in full",
        "coverage.block.indicators.none": "no indicators found",
        "coverage.block.total.partial": "total row not read in full",
        "coverage.block.total.none": "no total row found",
        "coverage.block.partial": "{block} not read in full",
        "coverage.block.none": "no {block} found",
        "coverage.total": "; checked {parts} in all",
        "coverage.total_nothing": "; nothing checkable in {n} documents",
        "coverage.total_nothing.one": "; nothing checkable in {n} document",
        "coverage.heading": "What was read and checked",
        "coverage.col.checked": "checked",
        "coverage.col.tables": "tables",
        "coverage.col.full": "complete",
        "coverage.col.indicators": "indicators",
        "coverage.col.claims": "prose figures",
        "coverage.col.forms": "forms",
        "coverage.col.incomplete": "tables not read in full",
        "coverage.not_measured": "not measured",
        "sheet.coverage": "Coverage",
    },
}
_add(_COVERAGE)


# Words of `auditor rules test` and `auditor rules columns` (auditor/render/cases.py, auditor/render/columns.py),
# merged like _REPORTS above.
_RULE_TOOLS = {
    "zh": {
        "cases.pass": "应通过的用例",
        "cases.fail": "应报告的用例",
        "cases.line": "{where}: {code} {verdict}「{name}」：{problem}",
        "cases.unexpected": "应无问题，却报告了 {n} 个：{messages}",
        "cases.count": "应报告 {want} 个问题，实为 {got} 个：{messages}",
        "cases.mismatch": "应为 {want}，实为 {got}",
        "cases.message": "问题的说明为空、缺英文或含“—”（某个占位符没有值）：{message}",
        "cases.crash": "无法运行：{error}",
        "cases.summary": "共 {cases} 个用例（{rules} 条规则）：通过 {passed}，失败 {failed}",
        "columns.entities": "共 {n} 个实体；`auditor rules columns 实体名` 列出其各列",
        "columns.count": "{n} 列",
        "columns.added": "（校验时加入）",
        "columns.figure_note": "figure 列 x 的值为精确小数；x_text 为原文，x_loc 为其位置。模板中 {x} 即原文。",
        "columns.unknown": "没有实体 {name}；可用：{entities}",
    },
    "en": {
        "cases.pass": "pass case",
        "cases.fail": "fail case",
        "cases.line": "{where}: {code} {verdict} '{name}': {problem}",
        "cases.unexpected": "expected no issue, got {n}: {messages}",
        "cases.count": "expected {want} issues, got {got}: {messages}",
        "cases.mismatch": "expected {want}, got {got}",
        "cases.message": "a message is empty, lacks its English or shows — (a placeholder with no value): {message}",
        "cases.crash": "could not run: {error}",
        "cases.summary": "{cases} cases of {rules} rules: {passed} passed, {failed} failed",
        "columns.entities": "{n} entities; `auditor rules columns ENTITY` lists one's columns",
        "columns.count": "{n} columns",
        "columns.added": "(added by validation)",
        "columns.figure_note": "A figure column x holds an exact decimal; x_text is x as printed and x_loc where it "
        "stands. In a template, {x} is x as printed.",
        "columns.unknown": "no entity {name}; use one of: {entities}",
    },
}
_add(_RULE_TOOLS)


# Words of the gate's settings, the output checks and the command line's own errors (auditor/cli.py,
# auditor/config.py, auditor/render/provenance.py), merged like _REPORTS above.
_GATE = {
    "zh": {
        "config.missing": "配置文件 {path} 不存在",
        "config.unreadable": "无法读取配置文件 {path}：{reason}",
        "config.no_section": "配置文件 {path} 中没有 [auditor] 节",
        "config.unknown": "配置文件 {path} 的 [auditor] 中有未知设置 '{setting}'；可用的设置：{known}",
        "config.severity": "配置文件 {path} 中的 severity '{item}' 应写作 规则代码=error|warning|info",
        "config.bad_value": "设置 {setting} 的值 {value} 无效；可用：{known}",
        "config.isolated_and_file": "--config 与 --isolated 不能同时使用：--isolated 不读取任何配置文件",
        "rules.none_selected": "没有选中任何规则（共 {n} 条，{how} 把它们全部排除了）；请检查 --select / --ignore 或配置文件",
        "run.line": "规则设置：{parts}",
        "run.profile": "方案 {profile}",
        "run.rules": "运行 {run}/{total} 条规则",
        "run.config": "配置文件 {files}",
        "run.no_config": "未使用配置文件",
        "run.left_out": "{cause} 排除 {n} 条：{codes}",
        "run.more": " 等（另 {n} 条）",
        "run.severity": "改变严重程度 {change}",
        "run.fail_on": "退出门槛 {gate}",
        "run.from_file": "{setting}（{file}）",
        "run.heading": "规则设置",
        "run.deselected": "未运行的规则",
        "run.col.rule": "规则",
        "run.col.by": "排除依据",
        "output.no_folder": "无法写入 {path}：文件夹 {folder} 不存在（auditor 不会自动创建文件夹；请检查路径）",
        "output.wrong_suffix": "输出文件 {path} 应以 {suffix} 结尾：annotate 写出的是 Word 文件",
        "department.source": "部门来源",
        "department.folder": "文件夹名",
        "department.from": "{name}（{source}）",
        "report.documents_detail": "各文件情况",
        "report.document_issues": "问题：错误 {error}，警告 {warning}，提示 {info}",
        "reader.READ_FILE.title": "文件无法读取",
        "reader.READ_FILE.what": "文件损坏、加密、为空、格式不受支持或不是报告时，由读取程序报告（不是 rules/ 中的规则，不能用 --ignore 关闭）。"
        "每个这样的文件各报告一个错误，其他文件照常审查。",
        "reader.READ_TABLE.title": "表格或自评内容未能读全",
        "reader.READ_TABLE.what": "识别出自评表但未能完整读取某一部分（表头、资金、指标、总分行），表格不符合任何已声明的表式，"
        "或文件中没有可核对的自评内容时报告（警告；纯文字报告只核对了文字时为提示）。依赖未读部分的核对没有进行，"
        "所以“未发现问题”不代表已经核对。",
        "reader.rationale": "“未发现问题”只应出现在确实读过并核对过的文件上；读不了或没读全的部分必须明确报告，不能悄悄跳过。",
        "reader.source": "（读取程序，auditor/read/ 与 auditor/coverage.py）",
        "help.usage": "用法：",
        "help.options": "选项",
        "help.commands": "命令",
    },
    "en": {
        "config.missing": "configuration file {path}: no such file",
        "config.unreadable": "cannot read configuration file {path}: {reason}",
        "config.no_section": "configuration file {path} has no [auditor] section",
        "config.unknown": "{path}: [auditor] has unknown setting '{setting}'; known: {known}",
        "config.severity": "{path}: severity '{item}' must be CODE=error|warning|info",
        "config.bad_value": "setting {setting} = {value} is not valid; use one of {known}",
        "config.isolated_and_file": "--config and --isolated exclude each other: --isolated reads no configuration file",
        "rules.none_selected": "no rule is selected (all {n} left out by {how}); check --select / --ignore and the "
        "configuration files",
        "run.line": "rules: {parts}",
        "run.profile": "profile {profile}",
        "run.rules": "{run} of {total} rules run",
        "run.config": "configuration {files}",
        "run.no_config": "no configuration file",
        "run.left_out": "{n} left out by {cause}: {codes}",
        "run.more": " and {n} more",
        "run.severity": "severity changed {change}",
        "run.fail_on": "gate {gate}",
        "run.from_file": "{setting} ({file})",
        "run.heading": "Rule settings",
        "run.deselected": "Rules not run",
        "run.col.rule": "rule",
        "run.col.by": "left out by",
        "output.no_folder": "cannot write {path}: the folder {folder} does not exist (auditor creates no folders; "
        "check the path)",
        "output.wrong_suffix": "the output file {path} must end in {suffix}: annotate writes a Word file",
        "department.source": "department from",
        "department.folder": "folder name",
        "department.from": "{name} ({source})",
        "report.documents_detail": "Documents",
        "report.document_issues": "issues: {error} errors, {warning} warnings, {info} info",
        "reader.READ_FILE.title": "The file could not be read",
        "reader.READ_FILE.what": "Reported by the readers when a file is damaged, encrypted, empty, of a format "
        "auditor does not read, or not a report (not a rule of rules/: --ignore cannot turn it off). One error per "
        "such file; the other files are audited as usual.",
        "reader.READ_TABLE.title": "A table or the self-evaluation content was not read in full",
        "reader.READ_TABLE.what": "Reported when a self-evaluation table was recognised but a block of it (header, "
        "funding, indicators, total row) could not be read in full, when a table fits no declared form, or when a "
        "file holds nothing checkable (a warning; info for a prose-only report whose figures were checked). The "
        "checks that need what was not read did not run, so no issue does not mean checked.",
        "reader.rationale": "'no issues found' must be said only of a file that was read and checked; what could "
        "not be read, or not in full, is reported, never skipped silently.",
        "reader.source": "(the readers: auditor/read/ and auditor/coverage.py)",
        "help.usage": "Usage:",
        "help.options": "Options",
        "help.commands": "Commands",
    },
}
_add(_GATE)

#: The department sources as a person reads them: the field of the report, or the folder.
_SOURCES = {
    "主管部门": "department in charge (主管部门)",
    "部门名称": "部门名称",
    "部门": "部门",
    "单位名称": "单位名称",
    "预算单位": "预算单位",
    "部门决算": "the 部门决算 title",
    "folder": "folder name",
}


def department_source(source: str | None, lang: str) -> str:
    """Where a department name was read: 主管部门, 单位名称, the 部门决算 title, or the folder name."""
    if not source or source == "folder":
        return t(lang, "department.folder")
    if source == "部门决算":
        return "部门决算标题" if lang == "zh" else _SOURCES[source]
    return source if lang == "zh" else _SOURCES.get(source, source)


# The readers' reasons (auditor/read/, in English) in Chinese. NOTE: translated where they are shown
# rather than where they are raised, so the readers keep one wording and the JSON its English in `en`.
# Each pattern matches what follows "<file>: "; groups are carried into the Chinese.
_READER_ZH = (
    (r"no such file", "文件不存在"),
    (r"the file is empty", "文件为空"),
    (
        r"the file is encrypted \(password-protected\); save an unprotected copy and audit that",
        "文件已加密（设有密码）；请另存一份不加密的副本再审查",
    ),
    (
        r"an old binary Office file \(OLE\), not an Office Open XML file",
        "是旧版二进制 Office 文件（OLE），不是 Office Open XML 文件",
    ),
    (
        r"not an Office Open XML file \(no zip signature; the file is really (?P<a>.+)\)",
        "不是 Office Open XML 文件（没有 zip 签名，实际是 {a}）",
    ),
    (
        r"the file is (?P<a>\d+) MB, over the (?P<b>\d+) MB limit for Office files",
        "文件有 {a} MB，超过 Office 文件 {b} MB 的上限",
    ),
    (r"the file is damaged \(not a valid zip archive: (?P<a>.*)\)", "文件已损坏（不是有效的 zip 压缩包：{a}）"),
    (r"the file is damaged \(part (?P<a>.+) is missing\)", "文件已损坏（缺少部件 {a}）"),
    (r"the file is damaged \((?P<a>.*)\)", "文件已损坏（{a}）"),
    (r"refused as a possible zip bomb: (?P<a>.*)", "疑似压缩炸弹，拒绝读取：{a}"),
    (
        r"refused: XML part (?P<a>\S+) declares a DOCTYPE.*",
        "拒绝读取：XML 部件 {a} 声明了 DOCTYPE/ENTITY（Office 文件从不需要，可能是实体扩展攻击）",
    ),
    (
        r"refused: the file holds parts with unsafe names \((?P<a>.*)\), which Word never writes",
        "拒绝读取：文件中有名称不安全的部件（{a}），Word 从不写这样的名称",
    ),
    (
        r"refused: merged ranges in (?P<a>.+) cover (?P<b>\d+) cells .*",
        "拒绝读取：{a} 中的合并单元格覆盖 {b} 个单元格，不是报告",
    ),
    (
        r"not a report format auditor reads \((?P<a>[^)]*)\); supported: (?P<b>.*)",
        "不是 auditor 能读取的报告格式（{a}）；支持：{b}",
    ),
    (r"binary content, not a text report", "是二进制内容，不是文本报告"),
    (r"text is neither UTF-8 nor GBK/GB18030", "文本编码既不是 UTF-8，也不是 GBK/GB18030"),
    (r"not a Word document \(no word/document\.xml part\)", "不是 Word 文档（缺少 word/document.xml）"),
    (r"not a Word document \(root element (?P<a>.*)\)", "不是 Word 文档（根元素为 {a}）"),
    (r"not an Excel workbook \(no xl/workbook\.xml part\)", "不是 Excel 工作簿（缺少 xl/workbook.xml）"),
    (r"not a PDF \(the file is really (?P<a>.+)\)", "不是 PDF（实际是 {a}）"),
    (r"not an old Word/WPS file \(the file is really (?P<a>.+)\)", "不是旧版 Word/WPS 文件（实际是 {a}）"),
    (
        r"the PDF has no text layer \(a scan\?\); run OCR on it first",
        "PDF 没有文字层（扫描件？）；请先做文字识别（OCR）",
    ),
    (r"the PDF is encrypted .*", "PDF 已加密（需要密码才能打开）；请另存一份不加密的副本再审查"),
    (r"the PDF is damaged \((?P<a>.*)\)", "PDF 已损坏（{a}）"),
    (r"(?P<a>\d+) pages, over the (?P<b>\d+)-page limit", "共 {a} 页，超过 {b} 页的上限"),
    (r"more than (?P<a>\d+) filled cells; not a report", "非空单元格超过 {a} 个，不是报告"),
    (r"sheet (?P<a>.+): (?P<b>.*); not a report", "工作表 {a}：{b}；不是报告"),
    (r"the workbook is damaged \((?P<a>.*)\)", "工作簿已损坏（{a}）"),
    (
        r"reading \.doc/\.wps files needs LibreOffice, which is not installed; .*",
        "读取 .doc/.wps 文件需要 LibreOffice，但本机未安装；请安装 LibreOffice（Debian/Ubuntu：apt-get install "
        "libreoffice-writer-nogui），或在 Word/WPS 中另存为 .docx",
    ),
    (
        r"LibreOffice could not be started \((?P<a>.*)\); .*",
        "LibreOffice 无法启动（{a}）；请安装 LibreOffice，或在 Word/WPS 中另存为 .docx",
    ),
    (
        r"LibreOffice could not convert the file \(exit code (?P<a>[^)]*)\).*",
        "LibreOffice 无法转换该文件（退出码 {a}）；文件可能已损坏或设有密码",
    ),
    (r"LibreOffice gave up converting after (?P<a>[\d.]+) s", "LibreOffice 转换 {a} 秒后仍未完成，已放弃"),
    (
        r"gave up after (?P<a>[\d.]+) s \(the file may be built to hang a parser\)",
        "读取 {a} 秒后仍未完成，已放弃（文件可能是为卡死解析程序而构造的）",
    ),
    (r"the reader crashed on this file \(exit code (?P<a>[^)]*)\)", "读取程序在此文件上崩溃（退出码 {a}）"),
    (
        r"auditor could not (?:recognise|tabulate) this file \((?P<a>.*)\); please report it",
        "auditor 未能处理此文件（{a}）；请报告这个问题",
    ),
    (r"cannot be opened \((?P<a>.*)\)", "无法打开（{a}）"),
    (r"could not be read \((?P<a>.*)\)", "无法读取（{a}）"),
)


def reader_reason(reason: str, lang: str) -> str:
    """A reader's reason ("<file>: <why in English>") in `lang`: the file kept, the why in Chinese for zh.

    A reason no pattern knows is shown as the reader wrote it.
    """
    if lang != "zh" or not reason:
        return reason
    import re

    for pattern, zh in _READER_ZH:
        found = re.fullmatch(rf"(?P<file>.*?): {pattern}", reason, re.S)
        if found:
            return f"{found.group('file')}：" + zh.format(**_reader_values(found))
        found = re.fullmatch(pattern, reason, re.S)
        if found:
            return zh.format(**_reader_values(found))
    return reason


def _reader_values(found) -> dict[str, str]:
    """The values a reader's reason carries (a file type, zipfile's words), in Chinese where they are known."""
    return {k: _READER_WORDS_ZH.get(v, v) for k, v in found.groupdict().items() if v and k != "file"}


#: Words inside the readers' reasons: the file types `sniff` names, and what zipfile says of a damaged archive.
_READER_WORDS_ZH = {
    "binary": "二进制内容",
    "zip": "zip 压缩包",
    "ole": "旧版 Office 文件",
    "text": "文本",
    "File is not a zip file": "不是 zip 文件",
    "Bad magic number for central directory": "中央目录已损坏",
    "Truncated central directory": "中央目录不完整",
    "Truncated file header": "文件头不完整",
    "Bad magic number for file header": "文件头已损坏",
    "Corrupt extra field": "附加字段已损坏",
}


# `--help` in Chinese (auditor/cli.py shows these unless --lang en or an English locale asks for English).
# Keys: help.<command path> for a command ("help." for auditor itself), help.<command path>.<option> for
# one command's option, help.opt.<option> for an option many commands share.
_HELP_ZH = {
    "help.": "auditor：找出预算绩效自评报告（项目支出绩效自评表、自评综述、绩效评价报告）中前后不一致之处。\n\n"
    "读取报告（从 Word 复制的文本、.docx、.xlsx/.xls、.pdf、.doc/.wps），用 rules/ 中的规则核对，列出发现的问题："
    "得分超过分值、总分不等于各行之和、执行率不等于执行数除以预算数、文字与表格数字不符，等等。\n\n"
    "加 --lang en（或在英文语言环境 LANG=en_US.UTF-8 下）显示英文帮助。",
    "help.check": "审查报告文件或文件夹，列出发现的问题。\n\n"
    "退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法错误，或没有可读取的文件。",
    "help.rules": "列出在用的规则：代码、问题类型、严重程度、标题（详见 `rules show 代码`）。",
    "help.rules show": "解释一条规则：检查什么、依据什么，以及它的示例。也解释读取程序自己的代码 READ_FILE、READ_TABLE。",
    "help.rules forms": "列出读表时使用的已声明表式（rules/forms/），或解释其中一个：识别用词、列和行。",
    "help.rules test": "用审查时的同一引擎运行在用规则（内置规则和 --rules 目录）的全部示例。\n\n"
    "每个失败的示例打印一行，最后是汇总。退出码：0 全部通过，1 有失败，2 规则文件有误。",
    "help.rules columns": "列出规则所检查的实体，或某个实体的各列：列名、类型和含义。",
    "help.rules compile": "打印一条规则编译成的 Great Expectations 期望。",
    "help.annotate": "审查一份 Word 报告，写出一份在每个有问题的单元格或句子上加了批注的副本。\n\n"
    "退出码：0 已写出副本（无论发现什么）；2 用法错误、报告无法读取或不是 .docx 文件。",
    "help.serve": "启动审查网页和 HTTP 接口（POST /api/check、GET /api/rules、/docs）。\n\n"
    "每个工作进程启动时加载一次规则和 Great Expectations，因此每份报告都能很快得到答复。",
    "help.check.fmt": "输出格式：text（默认，给人看）、json（问题清单契约，给程序）、xlsx（Excel 工作簿，二进制，"
    "需要 --output 或重定向）、html（离线可打开的单页）、csv（带 BOM 的 UTF-8，供 Excel）或 sarif（SARIF 2.1.0，供代码扫描工具）。",
    "help.check.output": "把报告写入文件 FILE，而不是标准输出；文件所在的文件夹必须已存在。",
    "help.annotate.output": "把加批注的副本写入 FILE（必须是 .docx）；原报告不会被改动。",
    "help.opt.force": "--output 已存在时覆盖它。",
    "help.check.fail_on": "发现达到此严重程度（或更高）的问题时退出码为 1（默认：error）。",
    "help.check.jobs": "读取文件的工作进程数（默认：每核一个）；用 --engine spark 时为 local[N] 的 N。",
    "help.check.engine": "在哪里运行规则：pandas（默认，本进程）或 spark（Apache Spark，用于一台机器装不下的批量；"
    "需要 pip install 'auditor[spark]' 和 Java 17）。两者结果相同。",
    "help.check.spark_master": "用 --engine spark 时的 Spark master，如 spark://host:7077 或 yarn"
    "（默认：local[N]，N 为 --jobs 或本机核数）。",
    "help.opt.lang": "消息语言：zh（默认）或 en。",
    "help.opt.profile": "规则方案（默认 national；见 rules/profiles/）。",
    "help.opt.rules_dirs": "额外的规则目录（可重复）；其中的规则、方案和词表加在内置的之上。",
    "help.opt.select": "只运行这些规则：规则代码、组（文件夹）或问题类型（可重复）。",
    "help.opt.ignore": "跳过这些规则：规则代码、组或问题类型（可重复）。",
    "help.opt.config_file": "只从 FILE 的 [auditor] 节读取设置（代替当前目录的 setup.cfg 和 auditor.cfg）。",
    "help.opt.isolated": "不读取任何配置文件。",
    "help.opt.help": "显示此帮助并退出。",
    "help.opt.version": "显示版本并退出。",
    "help.serve.host": "监听的地址（回环地址：仅本机）。",
    "help.serve.port": "监听的端口。",
    "help.serve.max_upload_mb": "最大上传量（一次请求的全部文件合计），单位 MB；超过的请求答复 413。",
    "help.serve.keep": "另把每次上传（使用生成的文件名）及其问题清单保存在 DIR 中，只有本账户能读取，直到被删除；"
    "默认不在磁盘上保存任何东西。",
    "help.serve.timeout": "一次审查最多可用的秒数（等待工作进程的时间不算在内）；超时的审查会被停止并答复 504。",
    "help.serve.workers": "审查进程数（默认：每核一个；0 表示在服务器的线程中审查）。",
    "help.serve.queue": "可同时等待工作进程的请求数（正在上传或排队）；更多的请求答复 503。",
    "help.serve.results_mb": "保存结果供下载所用的内存，单位 MB；满了时先删除最大的结果。",
    "help.serve.allowed_hosts": "客户端访问服务器时使用的主机名（公开的域名、代理的名称）；可重复。",
}
TEXT["zh"].update({k: v for k, v in _HELP_ZH.items() if k not in TEXT["zh"]})


# click's own messages (usage errors, and the words its help adds: default, required) in Chinese, by click's
# English text, its gettext message id. auditor/cli.py installs `ClickChinese` while a command runs in Chinese.
# NOTE: ids of click 8.1 to 8.5; an id this table lacks is shown in click's English, never dropped.
_CLICK_ZH = {
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    "Try {command!r} for help.": "用 {command!r} 查看帮助。",
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Invalid value: {message}": "值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such option: {name}": "没有选项 {name}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值；可用：{states}",
    "{value!r} is not a valid boolean.": "{value!r} 不是有效的布尔值。",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，这里要的是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，这里要的是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 无法读取（没有读取权限）。",
    "{name} {filename!r} is not writable.": "{filename!r} 无法写入（没有写入权限）。",
    "{name} {filename!r} is not executable.": "{filename!r} 不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Aborted!": "已中止。",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
}
# click's ngettext ids, (singular, plural), and their Chinese (one form: Chinese has no plural).
_CLICK_ZH_PLURAL = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "是不是 {possibility}？",
        "（是不是其中之一：{possibilities}？）",
    ),
    ("Did you mean {possibility}?", "(Possible options: {possibilities})"): (
        "是不是 {possibility}？",
        "（可能是：{possibilities}）",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "多余的参数（{args}）",
        "多余的参数（{args}）",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "选项 {name!r} 后面需要一个值。",
        "选项 {name!r} 后面需要 {nargs} 个值。",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "需要 {nargs} 个值，只给了 1 个。",
        "需要 {nargs} 个值，给了 {len} 个。",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} 不是 {choice}。",
        "{value!r} 不是可选值之一：{choices}。",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} 不符合格式 {format}。",
        "{value!r} 不符合以下任一格式：{formats}。",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): ("需要 {len_type} 个值，给了 {len_value} 个。", "需要 {len_type} 个值，给了 {len_value} 个。"),
}
#: English words click puts into its messages as values (the name of a parameter's type), in Chinese.
_CLICK_VALUES_ZH = {
    "integer": "整数",
    "integer range": "整数",
    "float": "数字",
    "float range": "数字",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
}
#: The values of a click message that are such words, never something the user typed.
_CLICK_WORD_KEYS = ("number_type", "param_type")


class _ClickTemplate(str):
    """A Chinese click message whose type names among its values (integer, float range) are Chinese too."""

    def format(self, *args, **values):
        for key in _CLICK_WORD_KEYS:
            if isinstance(values.get(key), str):
                values[key] = _CLICK_VALUES_ZH.get(values[key], values[key])
        return str.format(self, *args, **values)


class ClickChinese(gettext.NullTranslations):
    """A gettext translation of click's own strings into Chinese; an id it does not know stays English."""

    def gettext(self, message: str) -> str:
        zh = _CLICK_ZH.get(message)
        return message if zh is None else _ClickTemplate(zh)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        zh = _CLICK_ZH_PLURAL.get((msgid1, msgid2))
        if zh is None:
            return msgid1 if n == 1 else msgid2
        return _ClickTemplate(zh[0] if n == 1 else zh[1])
