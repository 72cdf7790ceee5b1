"""The review page of `auditor serve`: one HTML page, its stylesheet and script, all served by us.

NOTE: no CDN, no outside font, no inline script: the page must work on a
government intranet with no way out, and the Content-Security-Policy the app
sends (`default-src 'self'`) makes the browser enforce that. The words of both
languages travel in a JSON block, so the language switch needs no round trip.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from auditor.i18n import LANGS, TEXT

_HERE = Path(__file__).parent
ASSETS: dict[str, tuple[str, str]] = {
    "page.css": ((_HERE / "page.css").read_text(encoding="utf-8"), "text/css; charset=utf-8"),
    "page.js": ((_HERE / "page.js").read_text(encoding="utf-8"), "text/javascript; charset=utf-8"),
}
_PREFIXES = (
    "serve.",
    "filter.all",
    "severity.",
    "kind.",
    "summary",
    "expected",
    "found",
    "evidence",
    "unreadable",
    "no_issues",
)


def words() -> dict[str, dict[str, str]]:
    """The interface words the script needs, per language."""
    return {lang: {k: v for k, v in TEXT[lang].items() if k.startswith(_PREFIXES)} for lang in LANGS}


def html(lang: str, max_upload_mb: float, keep: bool = False, ttl: float = 900.0) -> str:
    """The page in `lang`, readable before the script runs; the script fills in the rest and switches language.

    `keep` (the server runs with --keep) and `ttl` (how long results are held) choose what the page says
    it keeps: it must be exactly what the server does.
    """
    table = words()
    values = {"mb": f"{max_upload_mb:g}", "min": f"{ttl / 60:g}"}

    def w(key: str) -> str:
        return f'<span data-w="{key}">{escape(table[lang][key].format(**values))}</span>'

    data = json.dumps({"words": table, **values}, ensure_ascii=False).replace("<", "\\u003c")
    return f"""<!DOCTYPE html>
<html lang="{"zh-CN" if lang == "zh" else "en"}" data-lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(table[lang]["serve.title"])}</title>
<link rel="stylesheet" href="/assets/page.css">
</head>
<body>
<header>
  <h1>{w("serve.title")}</h1>
  <nav><a href="/docs">{w("serve.docs")}</a> <button type="button" id="switch">{w("serve.switch")}</button></nav>
</header>
<main>
  <p class="lede">{w("serve.lede")}</p>
  <form id="upload" action="/api/review" method="post" enctype="multipart/form-data">
    <label id="drop" class="drop">
      <input type="file" id="files" name="files" multiple accept=".txt,.docx,.xlsx,.xlsm,.xls,.pdf,.doc,.wps">
      <strong>{w("serve.choose")}</strong> {w("serve.drop")}
      <span id="chosen"></span>
    </label>
    <p class="hint">{w("serve.formats")}</p>
    <button type="submit" id="submit">{w("serve.submit")}</button>
    <span id="status" role="status" aria-live="polite"></span>
  </form>
  <p class="privacy" id="privacy">{w("serve.privacy_keep" if keep else "serve.privacy")}</p>
  <section id="results" hidden>
    <p id="summary" class="summary"></p>
    <div id="downloads" class="downloads"></div>
    <div id="filters" class="filters"></div>
    <div id="documents"></div>
  </section>
</main>
<script type="application/json" id="page-data">{data}</script>
<script src="/assets/page.js"></script>
</body>
</html>
"""
