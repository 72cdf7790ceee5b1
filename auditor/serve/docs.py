"""`/docs`: the API described on one page we make ourselves.

NOTE: FastAPI's Swagger UI and ReDoc pages load their scripts from a CDN, and
the service must work with no network beyond itself; no package ships those
assets offline here, so they are turned off and this page lists the routes from
the app's own OpenAPI schema (served as `/openapi.json`) with curl examples.
"""

from __future__ import annotations

from html import escape

#: The multipart body of the upload routes, for the OpenAPI schema (the routes read the form themselves).
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "one or more reports: .txt .docx .xlsx .xls .pdf .doc .wps",
                        }
                    },
                }
            }
        },
    }
}

_GUIDE = """
<h2>Upload and check: <code>POST /api/check</code></h2>
<p>Send one or more reports as the multipart field <code>files</code>. The answer is the JSON of the issue
contract, exactly what <code>auditor check --format json</code> prints: <code>auditor</code>,
<code>documents</code>, <code>issues</code>, <code>summary</code>. <code>doc</code> is the file name as uploaded
(its last path part). <code>?lang=en</code> gives English messages.</p>
<pre>curl -F files=@2023自评报告.docx -F files=@附件.xlsx http://HOST:PORT/api/check
curl -F files=@report.txt 'http://HOST:PORT/api/check?lang=en'</pre>
<p>A file that cannot be read (damaged, encrypted, not a report) is an <code>unreadable_input</code> issue for
that file; the others are still checked. The type is taken from the file's bytes, not its name.</p>
<h2>Errors</h2>
<table>
<tr><th>status</th><th>error</th><th>when</th></tr>
<tr><td>400</td><td><code>no_files</code></td><td>no multipart field <code>files</code></td></tr>
<tr><td>413</td><td><code>too_large</code></td><td>the request is over {mb} MB</td></tr>
<tr><td>504</td><td><code>timeout</code></td><td>the check ran over {timeout} s and was stopped</td></tr>
<tr><td>500</td><td><code>worker_died</code>, <code>internal</code></td><td>the checking process failed</td></tr>
</table>
<p>Every error is <code>{{"error": CODE, "detail": "中文 / English"}}</code>.</p>
<h2>Rules: <code>GET /api/rules</code></h2>
<p>The rules in use: <code>code</code>, <code>group</code>, <code>kind</code>, <code>severity</code>,
<code>title</code> (<code>zh</code>, <code>en</code>).</p>
<h2>For the page: <code>POST /api/review</code></h2>
<p>The same upload; answers <code>contract</code> (the issue contract in <code>zh</code> and <code>en</code>),
<code>shown</code> (per issue: its location as text and its evidence with the found figure marked),
<code>coverage</code> (per language, per document in the contract's order: <code>line</code>, what was read
and checked in words; <code>incomplete</code>, the tables not read in full; <code>nothing</code>, true when
nothing checkable was found; and <code>summary</code>, the totals the summary line adds) and
<code>downloads</code>: links to the Excel workbook, the HTML report and, for each .docx, a commented copy
(<code>?lang=zh|en</code>). The links hold a random token and expire; nothing is kept on disk.</p>
"""


def html(openapi: dict, max_upload_mb: float, timeout: float) -> str:
    rows = []
    for path, methods in sorted(openapi.get("paths", {}).items()):
        for method, op in methods.items():
            rows.append(
                f"<tr><td><code>{escape(method.upper())}</code></td><td><code>{escape(path)}</code></td>"
                f"<td>{escape(op.get('summary', ''))}</td></tr>"
            )
    guide = _GUIDE.format(mb=f"{max_upload_mb:g}", timeout=f"{timeout:g}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>auditor API</title>
<link rel="stylesheet" href="/assets/page.css"></head>
<body><header><h1>auditor API {escape(str(openapi.get("info", {}).get("version", "")))}</h1>
<nav><a href="/">review page</a> <a href="/openapi.json">openapi.json</a></nav></header>
<main class="docs">{guide}
<h2>All routes</h2><table><tr><th>method</th><th>path</th><th>what</th></tr>{"".join(rows)}</table>
</main></body></html>
"""
