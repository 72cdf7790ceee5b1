"""Load test of `auditor serve`: do people sending one report stay served while others upload 15 MB reports?

    python bench/serve.py                               # 8 well-behaved clients, 4 heavy ones, 60 s
    python bench/serve.py --heavy docx --seconds 120    # heavy uploads are padded Word files instead
    python bench/serve.py --workers 4 --clients 16 --heavy-clients 8 --think 0

It starts `auditor serve --port 0` (and reads the address it prints once it
answers), then runs two phases:
  1. `--clients` well-behaved clients alone for `--seconds` / 3: each sends
     the sample report to POST `--route`, waits for the answer, pauses
     `--think` seconds (a person reading it) and sends it again;
  2. the same clients while `--heavy-clients` others send `--heavy-mb` MB reports
     to POST /api/review (as the page does, so results are kept) as fast as the
     server lets them, waiting out a 503's Retry-After, for `--seconds`.
For each phase it prints the well-behaved clients' median, p95 and slowest
latency and their answers by status, the heavy clients' answers by status,
and the server's peak memory: the server process alone (where results are kept)
and with its worker processes, sampled from /proc every 0.2 s.

The heavy reports are generated here and removed afterwards: `txt` is about
1,400 synthetic reports' tables in one text file (the costliest audit a 15 MB
upload can ask for), `docx` a Word file with 40 reports' tables padded to size
with an image, as scanned attachments make real reports large. Nothing is
asserted: the figures are printed, to compare with the README's targets (median
under 2 s for the well-behaved clients, memory bounded).
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data_samples" / "lieshan-hrss-2023-self-evaluation.txt"
MB = 1 << 20


def heavy_report(folder: Path, kind: str, mb: float) -> Path:
    from auditor.synth import generate
    from auditor.synth.layout import parse_text_form
    from auditor.synth.office import build_docx

    target = int(mb * MB)
    if kind == "docx":
        texts = [text for _name, text, _ in generate(40, 11, defect_rate=0.33)]
        path = build_docx(folder / "heavy.docx", [b for text in texts for b in parse_text_form(text)])
        with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:
            zf.writestr("word/media/image1.png", os.urandom(max(target - path.stat().st_size, 0)))
        return path
    chunks, size, seed = [], 0, 100
    while size < target:
        for _name, text, _ in generate(100, seed, defect_rate=0.33):
            chunks.append(text)
            size += len(text.encode("utf-8")) + 1
        seed += 1
    path = folder / "heavy.txt"
    path.write_text("\n".join(chunks), encoding="utf-8")
    return path


def start(workers: int | None) -> tuple[subprocess.Popen, str, float]:
    exe = Path(sys.executable).with_name("auditor")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor"]
    command += ["serve", "--port", "0", *(["--workers", str(workers)] if workers is not None else [])]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in server.stderr:
        if line.startswith("auditor serve: http://"):
            threading.Thread(target=lambda: collections.deque(server.stderr, 0), daemon=True).start()  # drain
            return server, line.split()[2].rstrip("/"), time.perf_counter() - started
    raise SystemExit(f"the server ended before it listened (exit {server.wait()})")


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident memory of `pid` alone and with all its descendants, in MB."""

    def own(p: int) -> float:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def children(p: int) -> list[int]:
        found = []
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                found += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
        return found

    alone, total, todo = own(pid), 0.0, [pid]
    while todo:
        p = todo.pop()
        total += own(p)
        todo += children(p)
    return alone, total


class Meter(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.peak_total, self.running = pid, 0.0, 0.0, True

    def run(self) -> None:
        while self.running:
            alone, total = rss_mb(self.pid)
            self.peak, self.peak_total = max(self.peak, alone), max(self.peak_total, total)
            time.sleep(0.2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def phase(url: str, args, body: bytes, heavy: Path | None, seconds: float) -> dict:
    stop_at = time.perf_counter() + seconds
    latencies: list[float] = []
    statuses: collections.Counter = collections.Counter()
    heavy_statuses: collections.Counter = collections.Counter()
    lock = threading.Lock()

    def well_behaved(n: int) -> None:
        with httpx.Client(timeout=300) as client:
            time.sleep(n * args.think / max(args.clients, 1))  # NOTE: spread out, as people are
            while time.perf_counter() < stop_at:
                began = time.perf_counter()
                status = client.post(url + args.route, files={"files": (f"自评{n}.txt", body)}).status_code
                with lock:
                    latencies.append(time.perf_counter() - began)
                    statuses[status] += 1
                time.sleep(args.think)

    def heavy_client(n: int, data: bytes) -> None:
        with httpx.Client(timeout=600) as client:
            while time.perf_counter() < stop_at:
                try:
                    answer = client.post(url + "/api/review", files={"files": (f"大{n}{heavy.suffix}", data)})
                    status = answer.status_code
                except httpx.TransportError:
                    status = "dropped"
                with lock:
                    heavy_statuses[status] += 1
                if status == 503:
                    time.sleep(float(answer.headers.get("Retry-After", "1")))

    threads = [threading.Thread(target=well_behaved, args=(n,)) for n in range(args.clients)]
    if heavy is not None:
        data = heavy.read_bytes()
        threads += [threading.Thread(target=heavy_client, args=(n, data)) for n in range(args.heavy_clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"latencies": latencies, "statuses": statuses, "heavy": heavy_statuses}


def report(name: str, got: dict, meter: Meter) -> None:
    lat = got["latencies"]
    print(
        f"{name}: {len(lat)} well-behaved requests, median {statistics.median(lat):.2f} s, "
        f"p95 {percentile(lat, 0.95):.2f} s, max {max(lat):.2f} s; answers {dict(got['statuses'])}"
    )
    if got["heavy"]:
        print(f"  heavy uploads answered {dict(got['heavy'])}")
    print(f"  server peak memory: {meter.peak:.0f} MB (server process), {meter.peak_total:.0f} MB with its workers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=None, help="the server's --workers (default: its own)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--heavy-clients", type=int, default=4)
    parser.add_argument("--heavy", choices=("txt", "docx"), default="txt")
    parser.add_argument("--heavy-mb", type=float, default=15)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a well-behaved client pauses")
    parser.add_argument("--route", default="/api/check", choices=("/api/check", "/api/review"))
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    body = SAMPLE.read_bytes()
    with tempfile.TemporaryDirectory(prefix="auditor-bench-serve-") as tmp:
        heavy = heavy_report(Path(tmp), args.heavy, args.heavy_mb)
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"well-behaved: {args.clients} x {SAMPLE.name} ({len(body):,} bytes) to {args.route}, think {args.think:g} s; "
            f"heavy: {args.heavy_clients} x {heavy.name} ({heavy.stat().st_size / MB:.1f} MB) to /api/review"
        )
        server, url, up = start(args.workers)
        meter = Meter(server.pid)
        meter.start()
        try:
            print(f"server listening and warm after {up:.1f} s at {url}; memory {rss_mb(server.pid)[1]:.0f} MB in all")
            report("alone", phase(url, args, body, None, args.seconds / 3), meter)
            meter.peak = meter.peak_total = 0.0
            report("with heavy uploads", phase(url, args, body, heavy, args.seconds), meter)
            alone, total = rss_mb(server.pid)
            print(f"  memory at the end: {alone:.0f} MB (server process), {total:.0f} MB with its workers")
        finally:
            meter.running = False
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
