// The review page's script: upload with fetch, then draw the issue list grouped by document and project.
// Everything taken from a report is put in with textContent; only the evidence arrives as markup, escaped
// by the server with the HTML report's highlighter (auditor.render.html.highlight).
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("page-data").textContent);
  const SEVERITIES = ["error", "warning", "info"];
  let lang = document.documentElement.dataset.lang || "zh";
  let review = null;
  const filter = { sev: new Set(SEVERITIES), kind: "" };
  const $ = (id) => document.getElementById(id);

  function w(key, values) {
    let text = DATA.words[lang][key] ?? DATA.words.zh[key] ?? key;
    for (const [k, v] of Object.entries(values || {})) text = text.split("{" + k + "}").join(String(v));
    return text;
  }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function colon() { return lang === "zh" ? "：" : ": "; }
  function kindLabel(kind) { return DATA.words[lang]["kind." + kind] || kind; }

  function applyWords() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.documentElement.dataset.lang = lang;
    document.querySelectorAll("[data-w]").forEach((n) => { n.textContent = w(n.dataset.w, { mb: DATA.mb, min: DATA.min }); });
    document.title = w("serve.title");
  }

  $("switch").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    applyWords();
    history.replaceState(null, "", "?lang=" + lang);
    if (review) draw();
  });

  const input = $("files"), drop = $("drop");
  function showChosen() { $("chosen").textContent = Array.from(input.files).map((f) => f.name).join("，"); }
  input.addEventListener("change", showChosen);
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault(); drop.classList.remove("over");
    input.files = e.dataTransfer.files; showChosen();
  });

  $("upload").addEventListener("submit", async (e) => {
    e.preventDefault();
    const status = $("status");
    status.className = "";
    if (!input.files.length) { status.textContent = w("serve.no_files"); return; }
    const body = new FormData();
    for (const f of input.files) body.append("files", f, f.name);
    $("submit").disabled = true;
    status.textContent = w("serve.busy");
    try {
      // NOTE: the page's language travels with the request, so an error comes back in it
      const answer = await fetch("/api/review?lang=" + lang, { method: "POST", body });
      const json = await answer.json().catch(() => ({ detail: answer.statusText }));
      if (!answer.ok) throw new Error(json.detail || answer.status);
      review = json;
      review.expired = !review.kept;
      clearTimeout(expiry);
      if (review.kept) expiry = setTimeout(expire, review.expires_in * 1000);
      status.textContent = "";
      draw();
    } catch (err) {
      status.className = "bad";
      status.textContent = w("serve.failed") + colon() + err.message;
    } finally {
      $("submit").disabled = false;
    }
  });

  function draw() {
    const c = review.contract[lang];
    const s = c.summary;
    $("results").hidden = false;
    $("summary").textContent = w("summary", { documents: s.documents, issues: s.issues, ...s.by_severity })
      + ((review.coverage && review.coverage[lang] && review.coverage[lang].summary) || "");
    drawDownloads();
    drawFilters(c);
    drawDocuments(c);
  }

  // The results behind the links are kept a while (and may go sooner when the server needs the memory):
  // when they are gone the page says so, instead of offering links that answer an error.
  let expiry = null;
  function expire() {
    if (!review || review.expired) return;
    review.expired = true;
    drawDownloads();
  }

  async function follow(e) {
    e.preventDefault();
    const a = e.currentTarget;
    let kept = false;
    try { kept = (await fetch(review.downloads.status + "?lang=" + lang)).ok; } catch (err) { kept = false; }
    if (!kept) { expire(); return; }
    const go = el("a"); go.href = a.href; go.download = ""; document.body.append(go); go.click(); go.remove();
  }

  function drawDownloads() {
    const box = $("downloads"), d = review.downloads, q = "?lang=" + lang;
    const min = Math.round(review.expires_in / 60);
    box.classList.toggle("expired", !!review.expired);
    if (review.expired) {
      box.replaceChildren(el("span", "meta gone", review.kept ? w("serve.expired", { min }) : w("serve.not_kept")));
      return;
    }
    box.replaceChildren(el("span", "meta", w("serve.download") + colon()));
    const link = (href, text) => {
      const a = el("a", "", text); a.href = href + q; a.download = ""; a.addEventListener("click", follow); box.append(a);
    };
    link(d.xlsx, w("serve.xlsx"));
    link(d.html, w("serve.html"));
    for (const item of d.annotated) link(item.url, w("serve.annotated") + "（" + item.doc + "）");
    box.append(el("span", "meta", w("serve.expires", { min })));
  }

  function drawFilters(c) {
    const box = $("filters");
    box.replaceChildren();
    const sevBox = el("div", "", w("serve.filter_severity") + colon());
    for (const sev of SEVERITIES) {
      const label = el("label"), box2 = el("input");
      box2.type = "checkbox"; box2.checked = filter.sev.has(sev); box2.dataset.sev = sev;
      box2.addEventListener("change", () => { box2.checked ? filter.sev.add(sev) : filter.sev.delete(sev); drawDocuments(c); });
      label.append(box2, " " + w("severity." + sev) + " (" + c.summary.by_severity[sev] + ")");
      sevBox.append(label);
    }
    const kinds = [...new Set(c.issues.map((i) => i.kind))].sort();
    const select = el("select"); select.id = "kind-filter";
    select.append(new Option(w("serve.filter_kind") + colon() + w("filter.all"), ""));
    for (const k of kinds) select.append(new Option(kindLabel(k) + " (" + c.issues.filter((i) => i.kind === k).length + ")", k));
    if (!kinds.includes(filter.kind)) filter.kind = "";
    select.value = filter.kind;
    select.addEventListener("change", () => { filter.kind = select.value; drawDocuments(c); });
    box.append(sevBox, select);
  }

  function drawDocuments(c) {
    const box = $("documents");
    box.replaceChildren();
    const covered = (review.coverage && review.coverage[lang] && review.coverage[lang].documents) || [];
    c.documents.forEach((doc, d) => {
      const card = el("section", "doc");
      card.append(el("h2", "", doc.doc));
      if (doc.status !== "ok") card.append(el("p", "reason", w("unreadable") + colon() + (doc.reason || "")));
      // what was read and checked: "no issue" is said only of a document in which something was checked
      const cov = covered[d] || {};
      if (cov.line) card.append(el("p", cov.nothing ? "coverage nothing" : "coverage", cov.line));
      if (cov.incomplete && cov.incomplete.length) {
        const gaps = el("ul", "gaps");
        for (const gap of cov.incomplete) gaps.append(el("li", "", gap));
        card.append(gaps);
      }
      const groups = new Map();
      c.issues.forEach((issue, n) => {
        if (issue.doc !== doc.doc || !filter.sev.has(issue.severity)) return;
        if (filter.kind && issue.kind !== filter.kind) return;
        const key = issue.project || "";
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push([issue, n]);
      });
      if (!groups.size && doc.status === "ok" && !cov.nothing) card.append(el("p", "none", w("no_issues")));
      for (const [project, items] of groups) {
        card.append(el("h3", "", (project || w("serve.project_none")) + " · " + items.length));
        for (const [issue, n] of items) card.append(drawIssue(issue, review.shown[n]));
      }
      box.append(card);
    });
  }

  function drawIssue(issue, shown) {
    const node = el("div", "issue " + issue.severity);
    node.dataset.sev = issue.severity; node.dataset.kind = issue.kind;
    const head = el("div");
    head.append(el("span", "badge " + issue.severity, w("severity." + issue.severity)), el("span", "kind", kindLabel(issue.kind)),
                el("span", "meta", w("serve.where") + " " + shown.where + " · " + w("serve.rule") + " " + issue.rule));
    node.append(head, el("div", "message", issue.message));
    if (issue.expected || issue.found) {
      const figures = el("div", "figures");
      if (issue.expected) figures.append(w("expected") + " ", el("b", "", issue.expected), "　");
      if (issue.found) figures.append(w("found") + " ", el("b", "", issue.found));
      node.append(figures);
    }
    if (issue.evidence) {
      const ev = el("div", "evidence");
      ev.innerHTML = shown.evidence;  // escaped by the server; only <mark> is markup
      node.append(ev);
    }
    return node;
  }

  applyWords();
})();
