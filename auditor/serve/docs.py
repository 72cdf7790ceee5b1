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

DESCRIPTION = (
    "Audit of budget performance self-evaluation reports (预算绩效自评). Every error is "
    '`{"error": CODE, "detail": words}`, the words in Chinese or English (`?lang=`, else Accept-Language). '
    "Limits and what is kept: see /docs."
)

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
<h2>Limits</h2>
<table>
<tr><th>what</th><th>limit on this server</th></tr>
<tr><td>one request, all its files together</td><td>{mb} MB (with or without Content-Length)</td></tr>
<tr><td>files in one request</td><td>{max_files}</td></tr>
<tr><td>one audit</td><td>{timeout} s of checking, not counting the wait for a free worker</td></tr>
<tr><td>the wait for a free worker</td><td>{timeout} s; requests waiting (or still uploading) at once: {queue}</td></tr>
<tr><td>a large request (over {large_mb} MB)</td><td>served in its turn, but large requests never hold every
worker (a quarter of them, at least one, stays for small ones), and run at a lower CPU priority</td></tr>
<tr><td>small requests waiting together</td><td>audited as one batch (up to 8 requests, {max_files} files, no two
files of one name); each answer holds only its own documents, as if alone</td></tr>
<tr><td>results kept for downloads</td><td>{ttl_min} minutes each, {results_mb} MB in all (when full, the largest
go first, the oldest of them first)</td></tr>
</table>
<h2>Errors</h2>
<p>Every error is <code>{{"error": CODE, "detail": words}}</code>, the words in the request's language:
<code>?lang=zh|en</code>, else the first of them the <code>Accept-Language</code> header prefers, else Chinese.</p>
<table>
<tr><th>status</th><th>error</th><th>when</th></tr>
<tr><td>400</td><td><code>no_files</code></td><td>no multipart field <code>files</code></td></tr>
<tr><td>400</td><td><code>too_many_files</code>, <code>too_many_fields</code></td><td>more than {max_files} files
(or too many form fields) in one request</td></tr>
<tr><td>400</td><td><code>bad_form</code></td><td>the body is not valid multipart/form-data</td></tr>
<tr><td>400</td><td><code>bad_host</code></td><td>the Host header is not a name of this server (see below)</td></tr>
<tr><td>400</td><td><code>no_host</code></td><td>the request has no Host header</td></tr>
<tr><td>404</td><td><code>not_found</code>, <code>expired</code>, <code>no_format</code>, <code>no_copy</code></td>
<td>no such address; the result behind a download link is gone; no such report format; no commented copy</td></tr>
<tr><td>405</td><td><code>method_not_allowed</code></td><td>e.g. <code>GET /api/check</code></td></tr>
<tr><td>413</td><td><code>too_large</code></td><td>the request is over {mb} MB</td></tr>
<tr><td>422</td><td><code>invalid</code></td><td>a parameter of the wrong type (the detail names it)</td></tr>
<tr><td>503</td><td><code>busy</code></td><td>the queue is full or no worker came free in time; the
<code>Retry-After</code> header says when to try again</td></tr>
<tr><td>504</td><td><code>timeout</code></td><td>the check ran over {timeout} s and was stopped</td></tr>
<tr><td>500</td><td><code>worker_died</code>, <code>internal</code></td><td>the checking process failed</td></tr>
</table>
<h2>Rules: <code>GET /api/rules</code></h2>
<p>The rules in use: <code>code</code>, <code>group</code>, <code>kind</code>, <code>severity</code>,
<code>title</code> (<code>zh</code>, <code>en</code>).</p>
<h2>For the page: <code>POST /api/review</code></h2>
<p>The same upload; answers <code>contract</code> (the issue contract in <code>zh</code> and <code>en</code>),
<code>shown</code> (per issue: its location as text and its evidence with the found figure marked),
<code>coverage</code> (per language, per document in the contract's order: <code>line</code>, what was read
and checked in words; <code>incomplete</code>, the tables not read in full; <code>nothing</code>, true when
nothing checkable was found; and <code>summary</code>, the totals the summary line adds),
<code>downloads</code>: links to the Excel workbook, the HTML report and, for each .docx, a commented copy
(<code>?lang=zh|en</code>), and <code>status</code>, <code>GET /api/results/&lt;token&gt;</code>, which answers
<code>{{"expires_in": seconds}}</code> while they work and 404 <code>expired</code> after; <code>kept</code> is false
(and <code>downloads</code> null) when the result was too large to keep. The links hold a random token; they need
no login, so whoever holds one can download until it expires.</p>
<h2>What is kept</h2>
<p>{kept}</p>
<p>The Host header of a request must be an address this server listens on (any IP address when it listens on all
of them), <code>localhost</code> for a loopback or all-address server, or a name it was started with
(<code>--allowed-host</code>): a web page elsewhere cannot reach it through DNS rebinding.</p>
"""

_KEPT = (
    "Uploads are written to a temporary directory on the server while they are checked and deleted when the answer "
    "is sent. The results (the issue list, and the commented copy of each .docx) are held in the server's memory "
    "for the downloads, for at most {ttl_min} minutes (less when memory for results runs short), then dropped; they "
    "are not written to disk. The server's log records each request's address and path, not file names."
)
_KEPT_DISK = (
    " This server was started with <code>--keep</code>: every upload (under its generated name), "
    "<code>uploads.json</code> (the names it was uploaded under) and <code>issues.json</code> (its issue list) are "
    "also written to a directory of its own on the server's disk, readable only by the account that runs the "
    "server (0700, files 0600), and stay there until someone deletes them."
)


def html(openapi: dict, settings, max_files: int) -> str:
    """The page, with this server's limits and what it keeps (from its `Settings`)."""
    rows = []
    for path, methods in sorted(openapi.get("paths", {}).items()):
        for method, op in methods.items():
            rows.append(
                f"<tr><td><code>{escape(method.upper())}</code></td><td><code>{escape(path)}</code></td>"
                f"<td>{escape(op.get('summary', ''))}</td></tr>"
            )
    numbers = {
        "mb": f"{settings.max_upload_mb:g}",
        "timeout": f"{settings.timeout:g}",
        "queue": settings.queue,
        "large_mb": f"{settings.large_mb:g}",
        "ttl_min": f"{settings.result_ttl / 60:g}",
        "results_mb": f"{settings.results_mb:g}",
        "max_files": max_files,
    }
    kept = _KEPT.format(**numbers) + (_KEPT_DISK if settings.keep else "")
    guide = _GUIDE.format(kept=kept, **numbers)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>auditor API</title>
<link rel="stylesheet" href="/assets/page.css"></head>
<body><header><h1>auditor API {escape(str(openapi.get("info", {}).get("version", "")))}</h1>
<nav><a href="/">review page</a> <a href="/openapi.json">openapi.json</a></nav></header>
<main class="docs">{guide}
<h2>All routes</h2><table><tr><th>method</th><th>path</th><th>what</th></tr>{"".join(rows)}</table>
</main></body></html>
"""
