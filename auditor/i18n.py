"""Words of the interface in Chinese (the default: users are Chinese finance staff) and English.

Rule messages carry their own zh/en texts; this table holds only what the
reporters and the command line say around them.
"""

from __future__ import annotations

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
