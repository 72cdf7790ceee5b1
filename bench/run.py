"""Benchmark: documents per second end to end, time per stage, peak memory, and GX against pandas.

    python bench/run.py                      # sizes 1 100 1000 10000, text and docx
    python bench/run.py --sizes 1 100 --formats txt
    python bench/run.py --forms mixed          # reports in every published form auditor.synth writes
    python bench/run.py --sizes 1 100 --formats html   # reports as portal web pages

For each size and format it generates that many reports (auditor.synth, a
third of them with one defect), then, each in a fresh child process:
  1. `auditor check DIR --format json -o FILE` end to end, as a user runs it
     (wall time, documents/s, peak memory of the process and its workers);
  2. the stages in-process: read + recognise + entity rows (in workers), frames, validate
     (GX), render (JSON), and the same checks run directly on pandas
     (auditor.engine.direct) as the lower bound of validation, with the ratio.
With --spark, the .txt sizes of --spark-sizes also run on the Spark engine
(local[2] unless --spark-master), in a child process: documents/s end to end
and after the session start, the session start, reading in the executors and
validation apart, and whether its JSON is byte for byte the pandas engine's.
Also: `auditor --help`, one report from a cold start and, with html among the
formats, the in-process read time of a saved 50 KB portal page (target: under
50 ms, no subprocess). Nothing is asserted:
the figures are printed, for people to compare with the targets in the README.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _page_builder():
    """The tests' web page builder (a portal's frame around the report), from the checkout."""
    sys.path.insert(0, str(ROOT / "tests"))
    from read.fixtures_html import build_html, page_html

    return build_html, page_html


def generate(directory: Path, n: int, fmt: str, seed: int = 7, forms=None) -> None:
    from auditor.synth import generate as gen
    from auditor.synth.layout import parse_text_form
    from auditor.synth.office import build_docx

    directory.mkdir(parents=True, exist_ok=True)
    build_html = _page_builder()[0] if fmt == "html" else None
    for name, text, _ in gen(n, seed, defect_rate=0.33, form=forms):
        if fmt == "txt":
            (directory / name).write_text(text, encoding="utf-8")
        elif fmt == "html":
            build_html(directory / name.replace(".txt", ".html"), parse_text_form(text))
        else:
            build_docx(directory / name.replace(".txt", ".docx"), parse_text_form(text))


def page_read_ms(directory: Path, runs: int = 50) -> tuple[int, float, float]:
    """A saved portal page of about 50 KB (the sample, its frame, and its two tables once more): size in bytes,
    median and slowest milliseconds of reading it in this process (decode, parse, walk), over `runs` reads."""
    from auditor.read import read_document
    from auditor.synth.layout import parse_text_form

    page_html = _page_builder()[1]
    blocks = parse_text_form((ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt").read_text("utf-8"))
    tables = [b for b in blocks if not isinstance(b, str)]
    path = directory / "portal-page.html"
    path.write_text(page_html(blocks + tables), encoding="utf-8")
    read_document(path)  # imports and the first parse apart
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read_document(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return path.stat().st_size, times[len(times) // 2], times[-1]


def auditor_command() -> list[str]:
    exe = Path(sys.executable).with_name("auditor")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor"]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB (of the command and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def stages(directory: str, jobs: int | None) -> dict:
    """Run the pipeline's stages one by one and time each (this runs in a child process).

    As `PandasEngine.audit_files` runs them: rows added as each file's digest
    arrives, the collector kept off what lives through the batch, validation
    shared by as many processes as read the files.
    """
    t0 = time.perf_counter()
    from auditor.pipeline import long_lived_frozen, read_all, validating_processes
    from auditor.read import expand
    from auditor.ruleset.loader import load_ruleset
    from auditor.tabulate import add_rows, empty_rows
    from auditor.tabulate import frames as make_frames

    ruleset = load_ruleset()
    items = expand([directory])
    processes = validating_processes(len(items), jobs)
    t1 = time.perf_counter()
    with long_lived_frozen():
        digests, rows = [], empty_rows()
        for digest in read_all(items, jobs, None):
            digests.append(digest)
            if digest.rows is not None:
                add_rows(rows, digest.rows)
        t2 = time.perf_counter()
        frames = make_frames(rows)
        t3 = time.perf_counter()
        from auditor.engine import validate as V

        suites = V.suites_for(ruleset)  # NOTE: as `validate.prepare`: the context, the suites, their data assets
        # NOTE: the pipeline imports GX while it receives rows with the collector off, and freezes both
        gc.freeze()
        t4 = time.perf_counter()
        issues = V.validate(frames, ruleset, suites, processes=processes)
        t5 = time.perf_counter()
        from auditor.engine.direct import run_direct

        failing = run_direct(frames, ruleset)
        t6 = time.perf_counter()
    from auditor.render.json import render
    from auditor.result import AuditResult, DocumentResult

    result = AuditResult(
        [DocumentResult(d.doc, d.format) for d in digests],
        sorted(issues, key=lambda i: i.sort_key()),
        "bench",
        ruleset.version,
    )
    render(result)
    t7 = time.perf_counter()
    return {
        "load rules": t1 - t0,
        "read+recognise+rows": t2 - t1,
        "tabulate": t3 - t2,
        "gx import+suites": t4 - t3,
        "validate (GX)": t5 - t4,
        "validating processes": processes,
        "pandas lower bound": t6 - t5,
        "render json": t7 - t6,
        "issues": len(issues),
        "failing rows (pandas)": failing,
        "peak MB (this process)": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def spark_stages(directory: str, master: str, out: str) -> dict:
    """The Spark engine on one folder (this runs in a child process): session start, read, validate, render.

    The issue list goes to `out`, for the parent to compare with the pandas engine's byte for byte.
    """
    t0 = time.perf_counter()
    from auditor.engine.spark.run import audit_files
    from auditor.read import expand
    from auditor.render.json import render
    from auditor.ruleset.loader import load_ruleset

    ruleset = load_ruleset()
    timings: dict = {}
    t1 = time.perf_counter()
    result = audit_files(expand([directory]), ruleset=ruleset, master=master, timings=timings)
    t2 = time.perf_counter()
    Path(out).write_text(render(result), encoding="utf-8")
    t3 = time.perf_counter()
    return {
        "load rules": t1 - t0,
        "spark session": timings["session"],
        "read+recognise+rows (executors)": timings["read"],
        "validate (GX on Spark)": timings["validate"],
        "render json": t3 - t2,
        "issues": len(result.issues),
        "peak MB (driver)": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def spark_row(folder: Path, n: int, master: str, pandas_json: Path) -> None:
    """Print the Spark engine's figures for one folder, next to the pandas engine's printed just above."""
    out = folder.with_suffix(".spark.json")
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, __file__, "--spark-of", str(folder), "--spark-master", master, "--spark-out", str(out)],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if child.returncode != 0:
        print(f"  spark ({master}): failed: {(child.stderr.strip().splitlines() or ['?'])[-1]}")
        return
    s = json.loads(child.stdout.strip().splitlines()[-1])
    same = out.read_bytes() == pandas_json.read_bytes()
    print(
        f"  spark ({master}) end to end: {wall:.2f} s, {n / wall:.1f} documents/s, "
        f"{n / (wall - s['spark session']):.1f} documents/s after the session start; "
        f"same JSON as pandas: {'yes' if same else 'NO'}"
    )
    for key in ("spark session", "read+recognise+rows (executors)", "validate (GX on Spark)", "render json"):
        print(f"  {key:<32} {s[key]:8.2f} s")
    print(f"  issues {s['issues']}, driver peak {s['peak MB (driver)']:.0f} MB (the JVM and executors are apart)")


def _forms(option: str):
    """--forms as make_report's `form` option: one code, 'mixed', or equal shares of several codes."""
    from auditor.synth.forms import shares

    codes = [c.strip() for c in option.split(",") if c.strip()]
    value = codes[0] if len(codes) == 1 else {c: 1 for c in codes}
    shares(value)  # an unknown code fails here, before anything is generated
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000, 10000])
    parser.add_argument("--formats", nargs="+", default=["txt", "docx"], choices=["txt", "docx", "html"])
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument(
        "--forms",
        default="central",
        help="published forms of the generated reports: central (default), mixed (an equal share "
        "of each form auditor.synth writes), or codes joined by commas (central,sichuan)",
    )
    parser.add_argument("--stages-of", help=argparse.SUPPRESS)
    parser.add_argument(
        "--spark",
        action="store_true",
        help="also run the Spark engine on the .txt sizes of --spark-sizes (needs the spark extra)",
    )
    parser.add_argument("--spark-sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--spark-master", default="local[2]")
    parser.add_argument("--spark-of", help=argparse.SUPPRESS)
    parser.add_argument("--spark-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    forms = _forms(args.forms)
    if args.stages_of:
        print(json.dumps(stages(args.stages_of, args.jobs)))
        return
    if args.spark_of:
        print(json.dumps(spark_stages(args.spark_of, args.spark_master, args.spark_out)))
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}; forms: {args.forms}"
    )
    command = auditor_command()
    wall, _ = timed([*command, "--help"])
    print(f"auditor --help: {wall:.2f} s")
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as tmp:
        one = Path(tmp) / "one"
        generate(one, 1, "txt", forms=forms)
        wall, peak = timed([*command, "check", str(one), "--format", "json", "-o", str(Path(tmp) / "one.json")])
        print(f"one report, cold start: {wall:.2f} s, peak {peak:.0f} MB")
        if "html" in args.formats:
            size, median, slowest = page_read_ms(Path(tmp))
            print(
                f"a saved portal page of {size / 1024:.0f} KB, read in process: median {median:.1f} ms, slowest {slowest:.1f} ms"
            )
        for fmt in args.formats:
            for n in args.sizes:
                folder = Path(tmp) / f"{fmt}-{n}"
                start = time.perf_counter()
                generate(folder, n, fmt, forms=forms)
                made = time.perf_counter() - start
                jobs = ["--jobs", str(args.jobs)] if args.jobs else []
                out = Path(tmp) / f"{fmt}-{n}.json"
                wall, peak = timed(
                    [*command, "check", str(folder), "--format", "json", "-o", str(out), "--force", *jobs]
                )
                child = subprocess.run(
                    [sys.executable, __file__, "--stages-of", str(folder), *jobs],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                s = json.loads(child.stdout.strip().splitlines()[-1])
                ratio = s["validate (GX)"] / s["pandas lower bound"] if s["pandas lower bound"] else float("nan")
                print(f"\n{n} {fmt} reports (generated in {made:.1f} s)")
                print(f"  end to end: {wall:.2f} s, {n / wall:.1f} documents/s, peak {peak:.0f} MB")
                for key in (
                    "load rules",
                    "read+recognise+rows",
                    "tabulate",
                    "gx import+suites",
                    "validate (GX)",
                    "pandas lower bound",
                    "render json",
                ):
                    print(f"  {key:<22} {s[key]:8.2f} s")
                print(
                    f"  validate / lower bound: {ratio:.2f}x ({s['validating processes']} processes against one)   "
                    f"issues {s['issues']}, "
                    f"failing rows by pandas {s['failing rows (pandas)']}, stage peak {s['peak MB (this process)']:.0f} MB"
                )
                if args.spark and fmt == "txt" and n in args.spark_sizes:
                    spark_row(folder, n, args.spark_master, out)
                shutil.rmtree(folder)


if __name__ == "__main__":
    main()
