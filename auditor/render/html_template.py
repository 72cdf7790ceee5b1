"""The HTML report's template, style and script, kept as Python strings.

NOTE: strings rather than a .j2 package-data file, so the report renders after any
install (plain, editable, zipped) without a package_data entry to forget. The page
references nothing outside itself: system fonts only, no URL anywhere.
"""

CSS = """
:root { --error:#c0392b; --warning:#e0a000; --info:#5b9bd5; --error-bg:#ffc7ce; --warning-bg:#ffeb9c;
  --info-bg:#ddebf7; --line:#d0d7de; --muted:#57606a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1500px; padding: 20px 28px 60px; color: #1f2328; background: #fff;
  font: 14px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
  "WenQuanYi Zen Hei", "Source Han Sans SC", sans-serif; }
h1 { font-size: 22px; margin: 0 0 2px; } h2 { font-size: 17px; margin: 28px 0 10px; }
.meta { color: var(--muted); font-size: 12px; margin-bottom: 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 18px; min-width: 120px; }
.card .n { font-size: 28px; font-weight: 600; display: block; line-height: 1.2; }
.card .k { color: var(--muted); font-size: 13px; }
.card.error { border-color: var(--error); background: var(--error-bg); } .card.error .n { color: #9c0006; }
.card.warning { border-color: var(--warning); background: var(--warning-bg); } .card.warning .n { color: #9c5700; }
.card.info { border-color: var(--info); background: var(--info-bg); } .card.info .n { color: #1f4e78; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.charts figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; max-width: 100%; }
.charts figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; font-size: 13px; }
svg .label, svg .legend { fill: #1f2328; } svg .value { fill: var(--muted); font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 8px 0 10px;
  position: sticky; top: 0; background: #fff; padding: 8px 0; z-index: 2; border-bottom: 1px solid var(--line); }
.filters select, .filters input { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; }
.filters input { min-width: 260px; flex: 1; } #shown { color: var(--muted); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
/* NOTE: a fixed layout with set shares, so no column (a long locator, a rule code, a path) can squeeze the
   message or push the evidence past the window: at 1280 px every column keeps its share and text wraps. */
table.issues { table-layout: fixed; }
table.issues col.c-severity { width: 5.5em; } table.issues col.c-document { width: 11%; }
table.issues col.c-project { width: 10%; } table.issues col.c-kind { width: 8%; } table.issues col.c-rule { width: 8%; }
table.issues col.c-location { width: 7%; } table.issues col.c-message { width: 22%; }
table.issues col.c-expected { width: 6.5%; } table.issues col.c-found { width: 6.5%; } table.issues col.c-evidence { width: 21%; }
table.issues td { overflow-wrap: anywhere; word-break: normal; }
table.issues th { white-space: normal; overflow-wrap: anywhere; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
table.issues th { cursor: pointer; user-select: none; background: #f6f8fa; }
table.issues th[aria-sort=ascending]::after { content: " ▲"; } table.issues th[aria-sort=descending]::after { content: " ▼"; }
td.sev span { display: inline-block; border-radius: 4px; padding: 0 6px; white-space: nowrap; }
tr.error td.sev span { background: var(--error-bg); color: #9c0006; }
tr.warning td.sev span { background: var(--warning-bg); color: #9c5700; }
tr.info td.sev span { background: var(--info-bg); color: #1f4e78; }
td.doc { overflow-wrap: anywhere; font-size: 12px; color: var(--muted); }
td.code, td.loc { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
td.ev { color: #424a53; } td.num { text-align: right; }
.meta.settings span { white-space: normal; } table.deselected { width: auto; margin-top: 6px; }
details.section > summary h2 { display: inline; } details.section { margin-top: 28px; }
#documents details.doc-summary { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
#documents summary { color: inherit; } #documents .name { font-weight: 600; overflow-wrap: anywhere; }
#documents .dept { color: var(--muted); margin: 0 8px; }
.chip { display: inline-block; border-radius: 4px; padding: 0 6px; margin-left: 4px; font-size: 12px; }
.chip.error { background: var(--error-bg); color: #9c0006; } .chip.warning { background: var(--warning-bg); color: #9c5700; }
.chip.info { background: var(--info-bg); color: #1f4e78; }
#documents .body p { margin: 4px 0; } #documents .checked.nothing, #documents .gaps { color: #9c5700; }
#documents .reason { color: #9c0006; }
mark { background: #ffd54f; color: #000; padding: 0 2px; border-radius: 2px; font-weight: 600; }
details { margin-top: 10px; } summary { cursor: pointer; color: var(--muted); }
.empty { color: var(--muted); padding: 16px 0; }
table.coverage { margin-bottom: 20px; } table.coverage th { background: #f6f8fa; white-space: nowrap; }
table.coverage td.doc { max-width: 320px; } table.coverage td.gaps ul { margin: 0; padding-left: 1.1em; }
table.coverage td.gaps { color: #9c5700; } table.coverage tr[data-state=nothing] td.checked { color: #9c5700; font-weight: 600; }
table.coverage tr[data-state=unreadable] td.checked { color: #9c0006; } table.coverage tr[data-state=unknown] td.checked { color: var(--muted); }
#more { font: inherit; padding: 6px 14px; border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; cursor: pointer; }
@media print { .filters { display: none; } details > :not(summary) { display: block; } }
"""

JS = """
(function () {
  var table = document.getElementById('issues'); if (!table) return;
  var body = table.tBodies[0], page = Number(table.getAttribute('data-page')) || 500, limit = page;
  // items stay in display order: sorting reorders them, filtering shows the first `limit` that match
  var items = Array.prototype.map.call(body.rows, function (r) {
    return {r: r, text: (r.textContent + ' ' + r.getAttribute('data-doc')).toLowerCase()};
  });
  var pick = {sev: document.getElementById('f-sev'), kind: document.getElementById('f-kind'),
              doc: document.getElementById('f-doc'), dept: document.getElementById('f-dept')};
  var search = document.getElementById('f-text'), shown = document.getElementById('shown');
  var more = document.getElementById('more');
  // A view can be linked: #sev=error&kind=total_mismatch&q=... presets the filters, and changes update it.
  var preset = new URLSearchParams(location.hash.slice(1));
  for (var key in pick) if (preset.get(key)) pick[key].value = preset.get(key);
  if (preset.get('q')) search.value = preset.get('q');
  function remember() {
    var p = new URLSearchParams();
    for (var key in pick) if (pick[key].value) p.set(key, pick[key].value);
    if (search.value.trim()) p.set('q', search.value.trim());
    var hash = p.toString();
    try { history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search); } catch (e) {}
  }
  function apply() {
    var q = search.value.trim().toLowerCase(), n = 0;
    for (var i = 0; i < items.length; i++) {
      var r = items[i].r, ok = true;
      for (var key in pick) { var v = pick[key].value; if (v && r.getAttribute('data-' + key) !== v) { ok = false; break; } }
      if (ok && q && items[i].text.indexOf(q) < 0) ok = false;
      if (ok) n++;
      var hide = !ok || n > limit;
      if (r.hidden !== hide) r.hidden = hide;
    }
    shown.textContent = shown.getAttribute('data-template').replace('{shown}', n).replace('{total}', items.length);
    more.hidden = n <= limit;
    more.textContent = more.getAttribute('data-template').replace('{n}', Math.min(page, n - limit))
      .replace('{rest}', n - limit);
  }
  function changed() { limit = page; apply(); remember(); }
  // a document's summary links to its issues (#doc=...): follow the address when it changes
  window.addEventListener('hashchange', function () {
    var p = new URLSearchParams(location.hash.slice(1));
    for (var key in pick) pick[key].value = p.get(key) || '';
    search.value = p.get('q') || ''; limit = page; apply();
  });
  for (var key in pick) pick[key].addEventListener('change', changed);
  search.addEventListener('input', changed);
  more.addEventListener('click', function () { limit += page; apply(); });
  var heads = table.tHead.rows[0].cells, collator = new Intl.Collator('zh-Hans-CN', {numeric: true});
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var keyed = items.map(function (x, i) {
        var c = x.r.cells[col], k = c.getAttribute('data-sort');
        return {x: x, i: i, k: k !== null ? k : c.textContent};
      });
      var numeric = keyed.every(function (y) { return y.k === '' || !isNaN(Number(y.k)); });
      keyed.sort(function (a, b) {
        var d = numeric ? Number(a.k) - Number(b.k) : collator.compare(a.k, b.k);
        return d * dir || a.i - b.i;
      });
      items = keyed.map(function (y) { return y.x; });
      var frag = document.createDocumentFragment();
      items.forEach(function (x) { frag.appendChild(x.r); });
      body.appendChild(frag);
      apply();
    });
  });
  apply();
})();
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ html_lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="auditor {{ version }}">
<title>{{ t('report.title') }}</title>
<style>{{ css }}</style>
</head>
<body>
<h1>{{ t('report.title') }}</h1>
<div class="meta">{{ t('report.generated', version=version, rules=rules) }}</div>
{% if settings %}<div class="meta settings" id="run-settings">{{ t('run.heading') }}: {% for p in settings %}<span>{{ p }}</span>{% if not loop.last %}{{ t('coverage.then') }}{% endif %}{% endfor %}</div>
{% if deselected %}<details id="deselected"><summary>{{ t('run.deselected') }} ({{ deselected|length }})</summary>
<table class="deselected"><thead><tr><th>{{ t('run.col.rule') }}</th><th>{{ t('run.col.by') }}</th></tr></thead>
<tbody>{% for code, by in deselected %}<tr><td class="code">{{ code }}</td><td>{{ by }}</td></tr>{% endfor %}</tbody></table></details>{% endif %}
{% endif %}
<section class="cards" id="summary">
  <div class="card"><span class="n" id="count-documents">{{ summary.documents }}</span><span class="k">{{ t('report.documents') }}</span></div>
  <div class="card"><span class="n" id="count-issues">{{ summary.issues }}</span><span class="k">{{ t('report.issues') }}</span></div>
  {% for sev, n in summary.by_severity.items() %}
  <div class="card {{ sev }}"><span class="n" id="count-{{ sev }}">{{ n }}</span><span class="k">{{ t('severity.' ~ sev) }}</span></div>
  {% endfor %}
  {% if totals.documents %}
  <div class="card"><span class="n" id="count-tables">{{ totals.tables }}</span><span class="k">{{ t('coverage.col.tables') }}</span></div>
  <div class="card"><span class="n" id="count-tables-full">{{ totals.tables_full }}</span><span class="k">{{ t('coverage.col.full') }}</span></div>
  <div class="card"><span class="n" id="count-indicators">{{ totals.indicators }}</span><span class="k">{{ t('coverage.col.indicators') }}</span></div>
  {% if totals.nothing %}<div class="card warning"><span class="n" id="count-nothing">{{ totals.nothing }}</span><span class="k">{{ t('coverage.nothing') }}</span></div>{% endif %}
  {% endif %}
  {% if unreadable %}<div class="card"><span class="n" id="count-unreadable">{{ unreadable|length }}</span><span class="k">{{ t('report.unreadable_docs') }}</span></div>{% endif %}
</section>
{% if unreadable %}
<h2>{{ t('report.unreadable_docs') }}</h2>
<ul class="unreadable">{% for d in unreadable %}<li><code>{{ d.doc }}</code>: {{ d.reason }}</li>{% endfor %}</ul>
{% endif %}
{% if coverage %}
<details class="section" id="coverage-section"{% if not fold %} open{% endif %}><summary><h2>{{ t('coverage.heading') }}</h2></summary>
<table class="coverage" id="coverage"><thead><tr><th>{{ t('col.document') }}</th><th>{{ t('coverage.col.checked') }}</th>
<th>{{ t('coverage.col.tables') }}</th><th>{{ t('coverage.col.full') }}</th><th>{{ t('coverage.col.indicators') }}</th>
<th>{{ t('coverage.col.claims') }}</th><th>{{ t('coverage.col.forms') }}</th><th>{{ t('coverage.col.incomplete') }}</th></tr></thead>
<tbody>{% for c in coverage %}<tr data-state="{{ c.state }}" data-doc="{{ c.doc }}"><td class="doc">{{ c.doc }}</td><td class="checked">{{ c.checked }}</td>
{% if c.cov %}<td class="num">{{ c.cov.tables }}</td><td class="num">{{ c.cov.tables_full if c.cov.tables_full is not none else '' }}</td>
<td class="num">{{ c.cov.indicators if c.cov.indicators is not none else '' }}</td><td class="num">{{ c.cov.claims if c.cov.claims is not none else '' }}</td>
{% else %}<td></td><td></td><td></td><td></td>{% endif %}<td>{{ c.forms }}</td>
<td class="gaps">{% if c.incomplete %}<ul>{% for gap in c.incomplete %}<li>{{ gap }}</li>{% endfor %}</ul>{% endif %}</td></tr>
{% endfor %}</tbody>
</table></details>
{% endif %}
{% if n_issues %}
<section class="charts">
  <figure id="chart-kind"><figcaption>{{ t('report.by_kind') }}</figcaption>{{ kind_chart }}</figure>
  <figure id="chart-department"><figcaption>{{ t('report.by_department') }}</figcaption>{{ dept_chart }}</figure>
</section>
{% endif %}
<h2>{{ t('report.documents_detail') }} ({{ summary.documents }})</h2>
<section id="documents">
{% for d in details %}<details class="doc-summary" data-doc="{{ d.doc }}" data-status="{{ d.status }}"{% if not fold %} open{% endif %}>
<summary><span class="name">{{ d.doc }}</span> <span class="dept">{{ d.department }}</span>
{% for sev, n in d.severity.items() %}<span class="chip {{ sev }}" title="{{ t('severity.' ~ sev) }}">{{ t('severity.' ~ sev) }} {{ n }}</span>{% endfor %}</summary>
<div class="body">
{% if d.reason %}<p class="reason">{{ t('unreadable') }}: {{ d.reason }}</p>{% endif %}
{% if d.checked %}<p class="checked{% if d.nothing %} nothing{% endif %}">{{ d.checked }}</p>{% endif %}
{% if d.incomplete %}<ul class="gaps">{% for gap in d.incomplete %}<li>{{ gap }}</li>{% endfor %}</ul>{% endif %}
{% if d.forms %}<p class="forms">{{ t('coverage.col.forms') }}: {{ d.forms }}</p>{% endif %}
{% if d.total %}<p><a href="#doc={{ d.doc|urlencode }}" class="only">{{ t('report.document_issues', **d.severity) }}</a></p>{% endif %}
</div></details>
{% endfor %}</section>
<h2>{{ t('report.issue_list') }}</h2>
{% if n_issues %}
<div class="filters">
  <select id="f-sev" aria-label="{{ t('col.severity') }}"><option value="">{{ t('col.severity') }}: {{ t('filter.all') }}</option>
  {% for sev, n in summary.by_severity.items() if n %}<option value="{{ sev }}">{{ t('severity.' ~ sev) }} ({{ n }})</option>{% endfor %}</select>
  <select id="f-kind" aria-label="{{ t('col.kind') }}"><option value="">{{ t('col.kind') }}: {{ t('filter.all') }}</option>
  {% for k in kinds %}<option value="{{ k.kind }}">{{ k.label }} ({{ k.n }})</option>{% endfor %}</select>
  <select id="f-dept" aria-label="{{ t('col.department') }}"><option value="">{{ t('col.department') }}: {{ t('filter.all') }}</option>
  {% for d in departments %}<option value="{{ d.name }}">{{ d.name }} ({{ d.total }})</option>{% endfor %}</select>
  <select id="f-doc" aria-label="{{ t('col.document') }}"><option value="">{{ t('col.document') }}: {{ t('filter.all') }}</option>
  {% for d in documents if d.total %}<option value="{{ d.doc }}">{{ d.doc }} ({{ d.total }})</option>{% endfor %}</select>
  <input id="f-text" type="search" placeholder="{{ t('filter.search') }}" aria-label="{{ t('filter.search') }}">
  <span id="shown" data-template="{{ t('filter.showing', shown='{shown}', total='{total}') }}">{{ t('filter.showing', shown=n_issues, total=n_issues) }}</span>
</div>
<table class="issues" id="issues" data-page="{{ page }}" title="{{ t('filter.sort_hint') }}">
<colgroup>{% for c in column_classes %}<col class="c-{{ c }}">{% endfor %}</colgroup>
<thead><tr>{% for h in columns %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{{ rows }}
</tbody>
</table>
<p><button id="more" type="button" {% if n_issues <= page %}hidden {% endif %}data-template="{{ t('filter.more', n='{n}', rest='{rest}') }}">{{ t('filter.more', n=[page, n_issues - page]|min, rest=n_issues - page) }}</button></p>
{% else %}<p class="empty">{{ no_issues }}</p>{% endif %}
<script>{{ js }}</script>
</body>
</html>
"""
