"""Benchmark of `auditor serve`: warm latency of one report and throughput under concurrent uploads.

    python bench/serve.py                       # 100 sequential requests, then 8 concurrent uploaders
    python bench/serve.py --requests 200 --concurrency 8 --workers 2 --file data_samples/X.txt

It starts `auditor serve` on a free loopback port, waits until the page
answers and one warm-up request is done, then:
  1. sends `--requests` uploads of one report to POST /api/check one after
     another, and prints the median, p95 and max wall time of each answer;
  2. lets `--concurrency` uploaders send the same report for `--seconds`
     seconds, and prints requests per second and the median latency under load.
Nothing is asserted: the figures are printed, for people to compare with the
target in the README (one report answered in under 1 s when warm).
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port: int, workers: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("auditor")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor"]
    return subprocess.Popen(
        [*command, "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(client: httpx.Client, url: str, limit: float = 180) -> float:
    start_at = time.perf_counter()
    while time.perf_counter() - start_at < limit:
        try:
            if client.get(url + "/api/rules").status_code == 200:
                return time.perf_counter() - start_at
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {limit:.0f} s")


def post(client: httpx.Client, url: str, name: str, body: bytes) -> float:
    start_at = time.perf_counter()
    answer = client.post(url + "/api/check", files={"files": (name, body)})
    elapsed = time.perf_counter() - start_at
    if answer.status_code != 200:
        raise SystemExit(f"POST /api/check answered {answer.status_code}: {answer.text[:200]}")
    return elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=next((ROOT / "data_samples").glob("*.txt")))
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    body = args.file.read_bytes()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start(port, args.workers)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"server workers: {args.workers}; file: {args.file.name} ({len(body):,} bytes)"
    )
    try:
        with httpx.Client(timeout=120) as client:
            print(f"server up in {wait_ready(client, url):.1f} s")
            post(client, url, args.file.name, body)  # warm-up
            times = [post(client, url, args.file.name, body) for _ in range(args.requests)]
        print(
            f"sequential, {args.requests} requests: median {statistics.median(times):.3f} s, "
            f"p95 {percentile(times, 0.95):.3f} s, max {max(times):.3f} s, min {min(times):.3f} s"
        )

        done: list[float] = []
        lock = threading.Lock()
        stop_at = time.perf_counter() + args.seconds

        def uploader() -> None:
            with httpx.Client(timeout=300) as client:
                while time.perf_counter() < stop_at:
                    elapsed = post(client, url, args.file.name, body)
                    with lock:
                        done.append(elapsed)

        started = time.perf_counter()
        threads = [threading.Thread(target=uploader) for _ in range(args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        print(
            f"{args.concurrency} concurrent uploaders, {wall:.0f} s: {len(done)} requests, "
            f"{len(done) / wall:.2f} requests/s, median latency {statistics.median(done):.2f} s, "
            f"p95 {percentile(done, 0.95):.2f} s"
        )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
