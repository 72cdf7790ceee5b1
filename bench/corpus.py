"""Measure auditor against hand-labelled real documents: recall per kind, precision, false alarms, silent passes.

    python bench/corpus.py                                  # ../shared/corpus and ../shared/corpus/partial
    python bench/corpus.py DIR [DIR ...] --json out.json    # any labelled folders, figures also as JSON
    python bench/corpus.py --verbose                        # also every issue and what it was counted as

A labelled folder holds `docs/NAME.<any format>` and `labels/NAME.yaml` (the label format is described in
the corpus's README). For each folder, one audit runs over all its documents; then every label is looked
for among the issues (same kind, same project in that document), and every reported error and warning is
classed as a hit (it matches a label), doubtful (it matches an `uncertain` entry), the honest "not read"
answer (`extraction_incomplete`), or a false alarm. Nothing is asserted and the exit status is always 0:
the script measures, for people to read and compare between versions; it does not gate.

Rules of the count, as the corpus README gives them:
  * a label of `kind: other` counts under its `subkind` when that subkind is a kind of the issue contract,
    otherwise as "other:<subkind>", a gap that auditor has no kind for yet;
  * a label's project is compared with the issue's after removing whitespace (and NFKC, so full- and
    half-width brackets agree), accepting containment either way, a label without a project, or a
    document-level issue (project null) when the document has one project;
  * an arithmetic issue whose `found` is one of the document's `fp_tokens` (figures that are consistent)
    is a false alarm on a consistent figure, and finds no label (a contradiction excepted: it quotes a
    statement, and a figure right in one role can be wrong in another);
  * a finding on a labelled defect that the contract has no kind for, reported under the nearest kind
    (NEAREST_KIND), is counted as doubtful: neither a hit nor a false alarm;
  * in a clean control (a document with no labels) every arithmetic finding is a false alarm;
  * info issues are listed, never counted;
  * a silent pass is a document with labels on which auditor reported nothing at all.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus" / "partial"]

#: Subkinds of `kind: other` that the issue contract now names as kinds: they count as those kinds.
CONTRACT_SUBKINDS = frozenset(
    {
        "score_inconsistent_with_actual",
        "missing_value",
        "unfilled_template",
        "category_misplacement",
        "execution_exceeds_budget",
        "claim_contradiction",
    }
)
#: Kinds that recompute a figure: quoting a consistent figure (an fp_token) as wrong is a false alarm,
#: and any of them in a clean control is one.
ARITHMETIC_KINDS = frozenset(
    {
        "execution_rate_mismatch",
        "funding_sum_mismatch",
        "total_mismatch",
        "narrative_table_mismatch",
        "count_mismatch",
        "section_sum_mismatch",
        "funding_score_formula",
        "claim_contradiction",
    }
)
#: Subkinds that are a contract kind under another name: a score above the weight its row implies is
#: score_exceeds_weight; two sentences of one report that disagree are claim_contradiction.
SUBKIND_AS_KIND = {
    "score_exceeds_implied_weight": "score_exceeds_weight",
    "narrative_internal_contradiction": "claim_contradiction",
}
#: NOTE: a contradiction quotes one statement of a quantity as wrong, and a figure consistent in one
#: role (61.8万元 as the whole) can be wrong in another (61.8万元 as the 中央 share): its `found` is not
#: held against the fp_tokens, though in a clean control it is a false alarm like any arithmetic finding.
FP_TOKEN_KINDS = ARITHMETIC_KINDS - {"claim_contradiction"}
#: Subkinds the contract has no kind for, and the kind auditor reports them under: a finding of that
#: kind on such a label is neither a hit (the kinds differ) nor a false alarm (the defect is labelled).
NEAREST_KIND = {"other:percentage_mismatch": "claim_contradiction"}
NOT_READ = "extraction_incomplete"
COUNTED = ("error", "warning")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


# ---------------------------------------------------------------- labels


def read_label_file(path: Path) -> tuple[dict, str | None]:
    """The label file as a dict, and why it could not be read (labels are hand-written: never crash on one)."""
    if not path.exists():
        return {}, "no label file"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, f"label file unreadable ({type(exc).__name__})"
    if not isinstance(data, dict):
        return {}, "label file is not a mapping"
    return data, None


def entries(data: dict, key: str) -> list[dict]:
    """A list of label-like entries under `key`, dropping anything that is not a mapping."""
    value = data.get(key)
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def label_kind(entry: dict) -> str:
    """The kind an entry counts under: its kind, its contract subkind for `other`, or "other:<subkind>"."""
    kind = str(entry.get("kind") or "other").strip()
    if kind != "other":
        return kind
    subkind = str(entry.get("subkind") or "").strip()
    if subkind in CONTRACT_SUBKINDS:
        return subkind
    if subkind in SUBKIND_AS_KIND:
        return SUBKIND_AS_KIND[subkind]
    return f"other:{subkind}" if subkind else "other"


def fp_tokens(data: dict) -> list[str]:
    """The document's consistent figures as strings (the files hold strings, but a number is accepted too)."""
    value = data.get("fp_tokens")
    if not isinstance(value, list):
        return []
    return [str(t) for t in value if t is not None and not isinstance(t, (dict, list))]


def declared_project_count(data: dict) -> int | None:
    """`projects:` of the label file as a number: 1, "21 projects summarised" -> 21, "several" -> None."""
    value = data.get("projects")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    match = re.match(r"\s*(\d+)", str(value or ""))
    return int(match.group(1)) if match else None


def has_one_project(data: dict, projects_read: list[str]) -> bool:
    """Whether a document-level issue can stand for the project of a label.

    The labeller's `projects:` decides when it is a number; a word ("several") means more than one.
    Without it, one project among the labels and at most one among the tables auditor read.
    """
    declared = declared_project_count(data)
    if declared is not None:
        return declared == 1
    if data.get("projects") not in (None, ""):
        return False
    named = {norm_project(e.get("project")) for e in entries(data, "labels") if e.get("project")}
    return len(named) <= 1 and len(set(projects_read)) <= 1


# ---------------------------------------------------------------- matching


def norm_project(name) -> str:
    """A project name as compared: NFKC (（续建） = (续建)) and no whitespace, since tables wrap names."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name or "")))


def project_match(label_project, issue_project, one_project: bool) -> str | None:
    """How an issue's project stands for a label's, or None: the names come from hand labels and tables."""
    want, got = norm_project(label_project), norm_project(issue_project)
    if not want:
        return "label has no project"
    if not got:
        return "document-level issue, one project" if one_project else None
    if want == got:
        return "same project"
    if want in got:
        return "label project within the issue's"
    if got in want:
        return "issue project within the label's"
    return None


def figure(text: str) -> tuple[Decimal, bool] | None:
    """The one number a string holds and whether it is a percentage, or None when it holds none or several."""
    numbers = _NUMBER.findall(text)
    if len(numbers) != 1:
        return None
    try:
        return Decimal(numbers[0]), "%" in text
    except InvalidOperation:
        return None


def fp_token_hit(issue: dict, tokens: list[str]) -> str | None:
    """The fp_token an arithmetic issue quotes as its `found`, if any.

    Compared without spaces; when both hold one figure, the figure decides, so that "97%" is the
    "执行率97%" of the labels and "2389" their "2389萬元".
    """
    if issue["kind"] not in FP_TOKEN_KINDS or issue.get("found") in (None, ""):
        return None
    found = re.sub(r"\s+", "", str(issue["found"]))
    for token in tokens:
        plain = re.sub(r"\s+", "", token)
        if plain == found:
            return token
        ours, theirs = figure(found), figure(plain)
        if ours is not None and ours == theirs:
            return token
    return None


def _quotes(issue: dict, label: dict) -> bool:
    """Whether an issue's `found` and a label's `found` quote the same text (one within the other)."""
    ours = re.sub(r"\s+", "", str(issue.get("found") or ""))
    theirs = re.sub(r"\s+", "", str(label.get("found") or ""))
    return bool(ours and theirs) and (ours in theirs or theirs in ours)


def find_label(label: dict, issues: list[dict], one_project: bool, used: set[int] | None = None) -> dict | None:
    """The issue that finds a label and how: one quoting the label's text first, then by project match
    (an exact project over containment over a guess).

    NOTE: an issue finds one label at most (`used` holds the ones taken): two typos labelled in a
    one-project text are two findings, not one finding counted twice.
    """
    rank = [
        "same project",
        "label project within the issue's",
        "issue project within the label's",
        "label has no project",
        "document-level issue, one project",
    ]
    used = used if used is not None else set()
    best = None
    for n, issue in enumerate(issues):
        if issue["kind"] != label["counts_as"] or n in used:
            continue
        mode = project_match(label.get("project"), issue.get("project"), one_project)
        if not mode:
            continue
        key = (0 if _quotes(issue, label) else 1, rank.index(mode))
        if best is None or key < best[0]:
            best = (key, n, issue, mode)
    if best is None:
        return None
    _, n, issue, mode = best
    used.add(n)
    return {
        "rule": issue["rule"],
        "severity": issue["severity"],
        "project": issue.get("project"),
        "found": issue.get("found"),
        "mode": mode,
    }


def assign_labels(labels: list[dict], finders: list[dict], one_project: bool) -> None:
    """Each label's finder (`found_by`), labels whose text some issue quotes served first."""
    used: set[int] = set()
    order = sorted(labels, key=lambda lb: not any(_quotes(i, lb) and i["kind"] == lb["counts_as"] for i in finders))
    for label in order:
        label["found_by"] = find_label(label, finders, one_project, used)


def matches_any(issue: dict, wanted: list[dict], one_project: bool) -> bool:
    """Whether an issue is of the kind and project of one of `wanted` (labels or uncertain entries)."""
    return any(
        issue["kind"] == w["counts_as"] and project_match(w.get("project"), issue.get("project"), one_project)
        for w in wanted
    )


# ---------------------------------------------------------------- one document


def issue_record(issue) -> dict:
    """The JSON object of an issue (contract shape), so results and measurements read the same."""
    return issue.as_dict() if hasattr(issue, "as_dict") else dict(issue)


def label_record(entry: dict) -> dict:
    """The parts of a label the measurement reports: enough to find it again in the file."""
    return {
        "kind": entry.get("kind"),
        "subkind": entry.get("subkind"),
        "counts_as": label_kind(entry),
        "project": entry.get("project"),
        "location": entry.get("location"),
        "expected": entry.get("expected"),
        "found": entry.get("found"),
    }


def classify(
    issue: dict, labels: list[dict], uncertain: list[dict], tokens: list[str], clean: bool, one_project: bool
) -> str:
    """What a reported issue counts as: info, not_read, false_alarm, fp_token, clean_control, hit or uncertain."""
    if issue["severity"] not in COUNTED:
        return "info"
    if issue["kind"] == NOT_READ:
        return "not_read"
    if fp_token_hit(issue, tokens):
        return "fp_token"
    if clean and issue["kind"] in ARITHMETIC_KINDS:
        return "clean_control"
    if matches_any(issue, labels, one_project):
        return "hit"
    if matches_any(issue, uncertain, one_project):
        return "uncertain"
    nearest = [{**lb, "counts_as": NEAREST_KIND[lb["counts_as"]]} for lb in labels if lb["counts_as"] in NEAREST_KIND]
    if matches_any(issue, nearest, one_project):
        return "uncertain"  # NOTE: on a labelled defect the contract has no kind for (NEAREST_KIND)
    return "false_alarm"


FALSE_ALARMS = ("false_alarm", "fp_token", "clean_control")


def coverage_figures(coverage) -> dict | None:
    """The figures of a document's `coverage` (shape still settling): numbers as they are, lists by length."""
    if not isinstance(coverage, dict):
        return None
    out = {}
    for key, value in coverage.items():
        if isinstance(value, bool):
            out[key] = int(value)
        elif isinstance(value, (int, float)):
            out[key] = value
        elif isinstance(value, (list, dict)):
            out[key] = len(value)
    return out


def measure_document(
    stem: str, doc: str, data: dict, note: str | None, issues: list[dict], document: dict | None
) -> dict:
    """Labels found, issues classed and the silence of one document: the unit every total adds up."""
    labels = [label_record(e) for e in entries(data, "labels")]
    uncertain = [label_record(e) for e in entries(data, "uncertain")]
    tokens = fp_tokens(data)
    clean = not labels
    one_project = has_one_project(data, (document or {}).get("projects") or [])
    classed = []
    for issue in issues:
        kind = classify(issue, labels, uncertain, tokens, clean, one_project)
        classed.append({**issue, "counted_as": kind, "fp_token": fp_token_hit(issue, tokens)})
    finders = [i for i in classed if i["counted_as"] not in FALSE_ALARMS]
    assign_labels(labels, finders, one_project)
    for label in labels:
        # NOTE: a defect the contract has no kind for, found under the nearest kind: said, not counted
        nearest = NEAREST_KIND.get(label["counts_as"])
        if nearest and not label["found_by"]:
            near = find_label({**label, "counts_as": nearest}, classed, one_project)
            label["found_nearest"] = near and {**near, "kind": nearest}
    coverage = (document or {}).get("coverage")
    figures = coverage_figures(coverage)
    return {
        "doc": stem,
        "path": doc,
        "label_note": note,
        "clean_control": clean,
        "one_project": one_project,
        "status": (document or {}).get("status"),
        "projects_read": (document or {}).get("projects") or [],
        "labels": labels,
        "uncertain": len(uncertain),
        "fp_tokens": tokens,
        "issues": classed,
        "found": sum(1 for lb in labels if lb["found_by"]),
        "false_alarms": sum(1 for i in classed if i["counted_as"] in FALSE_ALARMS),
        "not_read": sum(1 for i in classed if i["counted_as"] == "not_read"),
        "silent": bool(labels) and not issues,
        "coverage": figures,
        "nothing_checked": bool(figures) and not any(figures.values()),
    }


# ---------------------------------------------------------------- a folder


def corpus_files(directory: Path) -> list[Path]:
    """The documents of a labelled folder: every file of docs/, of any format, in name order."""
    docs = directory / "docs"
    return sorted(p for p in docs.iterdir() if p.is_file() and not p.name.startswith(".")) if docs.is_dir() else []


def label_path(directory: Path, stem: str) -> Path:
    """labels/NAME.yaml (or .yml) for docs/NAME.*."""
    for suffix in (".yaml", ".yml"):
        path = directory / "labels" / (stem + suffix)
        if path.exists():
            return path
    return directory / "labels" / (stem + ".yaml")


def measure_dir(directory: Path, config=None, ruleset=None, jobs: int | None = None) -> dict:
    """One audit over every document of a labelled folder, measured document by document."""
    from auditor.pipeline import Config, audit

    files = corpus_files(directory)
    if not files:
        return {"dir": str(directory), "skipped": "no docs/ folder or no document in it", "documents": []}
    config = config or Config()
    result = audit([str(p) for p in files], config=config, ruleset=ruleset or config.ruleset(), jobs=jobs)
    by_doc: dict[str, list[dict]] = {}
    for issue in result.issues:
        by_doc.setdefault(issue.doc, []).append(issue_record(issue))
    documents = {d.doc: d.as_dict() for d in result.documents}
    measured = []
    for path in files:
        data, note = read_label_file(label_path(directory, path.stem))
        measured.append(
            measure_document(path.stem, str(path), data, note, by_doc.get(str(path), []), documents.get(str(path)))
        )
    return {
        "dir": str(directory),
        "auditor": result.version,
        "rules": result.rules_version,
        "documents": measured,
        "totals": totals(measured),
    }


def totals(documents: list[dict]) -> dict:
    """Recall per kind and overall, precision of errors and warnings, and the counts of what went wrong."""
    labelled, found = Counter(), Counter()
    for doc in documents:
        for label in doc["labels"]:
            labelled[label["counts_as"]] += 1
            found[label["counts_as"]] += bool(label["found_by"])
    counted = Counter(i["counted_as"] for doc in documents for i in doc["issues"])
    hits, doubtful = counted["hit"], counted["uncertain"]
    false_alarms = sum(counted[k] for k in FALSE_ALARMS)
    reported = hits + doubtful + false_alarms
    return {
        "recall_by_kind": {
            k: {"found": found[k], "labelled": labelled[k], "recall": ratio(found[k], labelled[k])}
            for k in sorted(labelled)
        },
        "labelled": sum(labelled.values()),
        "found": sum(found.values()),
        "recall": ratio(sum(found.values()), sum(labelled.values())),
        "reported_errors_warnings": reported,
        "hits": hits,
        "uncertain_hits": doubtful,
        "false_alarms": false_alarms,
        "fp_token_hits": counted["fp_token"],
        "clean_control_alarms": counted["clean_control"],
        "precision": ratio(hits + doubtful, reported),
        "extraction_incomplete": counted["not_read"],
        "info": counted["info"],
        "documents": len(documents),
        "labelled_documents": sum(1 for d in documents if not d["clean_control"]),
        "clean_controls": sum(1 for d in documents if d["clean_control"]),
        "silent_passes": [d["doc"] for d in documents if d["silent"]],
        "nothing_checked": [d["doc"] for d in documents if d["nothing_checked"]],
    }


def ratio(part: int, whole: int) -> float | None:
    """part/whole, or None when there is nothing to divide (printed as "-", never as 0%)."""
    return round(part / whole, 4) if whole else None


# ---------------------------------------------------------------- printing


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def issue_line(issue: dict) -> str:
    """One issue for review: doc, rule, kind, project, message, found, expected."""
    return (
        f"{issue['doc_stem']}  {issue['rule']} [{issue['kind']}/{issue['severity']}] "
        f"{issue.get('project') or '(document)'}: {issue['message']}  "
        f"(found {issue.get('found')!s}, expected {issue.get('expected')!s})"
    )


def with_stem(doc: dict, issues: list[dict]) -> list[dict]:
    return [{**i, "doc_stem": doc["doc"]} for i in issues]


def print_labels(documents: list[dict]) -> None:
    """Every label and how it was matched, so a wrong match is seen, not hidden in a ratio."""
    print("labels (how each was matched):")
    for doc in documents:
        for label in doc["labels"]:
            by = label["found_by"]
            near = label.get("found_nearest")
            how = (
                f"found by {by['rule']} ({by['severity']}, {by['mode']}: {by['project'] or 'document'})"
                if by
                else f"MISSED as a kind; reported as {near['kind']} by {near['rule']} (not counted)"
                if near
                else "MISSED"
            )
            print(
                f"  {doc['doc']}  [{label['counts_as']}] {label.get('project') or '(no project)'}  "
                f"@ {label.get('location') or '?'}: {how}"
            )
        if doc["label_note"]:
            print(f"  {doc['doc']}  ({doc['label_note']}: counted as a clean control)")


def print_recall(t: dict) -> None:
    print("recall by kind:")
    for kind, r in t["recall_by_kind"].items():
        print(f"  {kind:<40} {r['found']:>3}/{r['labelled']:<3} {pct(r['recall']):>5}")
    print(f"  {'overall':<40} {t['found']:>3}/{t['labelled']:<3} {pct(t['recall']):>5}")


def print_issue_lists(documents: list[dict], verbose: bool) -> None:
    """False alarms, fp_token hits, clean-control alarms, not-read notices and info issues, one line each."""
    sections = [
        ("false alarms (errors and warnings that match no label or uncertain entry)", ("false_alarm",)),
        ("fp_tokens hits (an arithmetic issue quoting a consistent figure as wrong)", ("fp_token",)),
        ("clean controls: arithmetic findings on documents without labels", ("clean_control",)),
        ("extraction_incomplete (not read: neither hit nor false alarm)", ("not_read",)),
        ("info (listed, not counted)", ("info",)),
    ]
    for title, kinds in sections:
        rows = [i for d in documents for i in with_stem(d, d["issues"]) if i["counted_as"] in kinds]
        print(f"{title}: {len(rows)}")
        for issue in rows:
            extra = f"  <- fp_token {issue['fp_token']!r}" if issue.get("fp_token") else ""
            print(f"  {issue_line(issue)}{extra}")
    if verbose:
        print("every issue:")
        for doc in documents:
            for issue in with_stem(doc, doc["issues"]):
                print(f"  [{issue['counted_as']}] {issue_line(issue)}")


def print_silence(documents: list[dict]) -> None:
    """Silent passes and what coverage says each document had checked."""
    silent = [d["doc"] for d in documents if d["silent"]]
    print(f"silent passes (labels, and no issue at all): {len(silent)}" + "".join(f"\n  {s}" for s in silent))
    with_coverage = [d for d in documents if d["coverage"] is not None]
    if not with_coverage:
        print("coverage: not reported by this auditor (DocumentResult.coverage is None)")
        return
    print("coverage (as the JSON document entry gives it):")
    for doc in with_coverage:
        figures = ", ".join(f"{k} {v}" for k, v in doc["coverage"].items())
        print(f"  {doc['doc']}  {figures}{'  <- NOTHING CHECKED' if doc['nothing_checked'] else ''}")


def print_table(documents: list[dict]) -> None:
    """One row per document: labels, found, false alarms, extraction_incomplete count, silent.

    `projects` is how many project tables auditor recognised: 0 beside SILENT says it read nothing.
    """
    width = max([len(d["doc"]) for d in documents] + [8])
    print(f"{'doc':<{width}}  labels  found  false-alarms  not-read  projects  silent")
    for d in documents:
        labels = "clean" if d["clean_control"] else str(len(d["labels"]))
        status = "" if d["status"] in (None, "ok") else f"  ({d['status']})"
        print(
            f"{d['doc']:<{width}}  {labels:>6}  {d['found']:>5}  {d['false_alarms']:>12}  {d['not_read']:>8}  "
            f"{len(d['projects_read']):>8}  {'SILENT' if d['silent'] else '':>6}{status}"
        )


def print_totals(t: dict, title: str) -> None:
    print(
        f"{title}: {t['documents']} documents ({t['labelled_documents']} labelled, {t['clean_controls']} clean "
        f"controls); recall {t['found']}/{t['labelled']} = {pct(t['recall'])}; precision of errors+warnings "
        f"{t['hits'] + t['uncertain_hits']}/{t['reported_errors_warnings']} = {pct(t['precision'])} "
        f"({t['hits']} on labels, {t['uncertain_hits']} on uncertain); false alarms {t['false_alarms']} "
        f"(fp_tokens {t['fp_token_hits']}, clean controls {t['clean_control_alarms']}); "
        f"extraction_incomplete {t['extraction_incomplete']}; info {t['info']}; "
        f"silent passes {len(t['silent_passes'])}; nothing checked {len(t['nothing_checked'])}"
    )


def print_dir(measured: dict, verbose: bool) -> None:
    print(f"\n== {measured['dir']}  (auditor {measured['auditor']}, rules {measured['rules']})")
    documents = measured["documents"]
    print_labels(documents)
    print_recall(measured["totals"])
    print_issue_lists(documents, verbose)
    print_silence(documents)
    print_table(documents)
    print_totals(measured["totals"], "totals")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "dirs",
        nargs="*",
        type=Path,
        help="labelled folders (default: ../shared/corpus and ../shared/corpus/partial from the repository root)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure, label and issue to this file")
    parser.add_argument("--verbose", action="store_true", help="print every issue and what it was counted as")
    parser.add_argument("--profile", default="national", help="the rule profile (as auditor check --profile)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for reading (default 2)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from auditor.pipeline import Config
    from auditor.ruleset.loader import RuleSetError

    config = Config(profile=args.profile)
    try:
        ruleset = config.ruleset()
    except RuleSetError as exc:  # a rule file being edited: say where, as `auditor check` does
        print(f"the rules do not load:\n{exc}", file=sys.stderr)
        return 2
    report = {"dirs": []}
    for directory in args.dirs or DEFAULT_DIRS:
        if not directory.is_dir():
            print(f"\n== {directory}: absent, skipped")
            report["dirs"].append({"dir": str(directory), "skipped": "absent"})
            continue
        measured = measure_dir(directory, config, ruleset, args.jobs)
        report["dirs"].append(measured)
        if measured.get("skipped"):
            print(f"\n== {directory}: {measured['skipped']}, skipped")
            continue
        print_dir(measured, args.verbose)
    everything = [d for m in report["dirs"] for d in m.get("documents", [])]
    report["totals"] = totals(everything)
    if sum(1 for m in report["dirs"] if m.get("documents")) > 1:
        print()
        print_totals(report["totals"], "all folders")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
