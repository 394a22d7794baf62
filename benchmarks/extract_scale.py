"""Corpus-scale extraction: 1 worker against 2, Dask against local, and peak memory, in one run.

Each engine runs as a child process (``dateline extract``) on the same stories; its peak
resident memory is the sum over its whole process tree (workers included), sampled from /proc.

    .venv/bin/python benchmarks/extract_scale.py                 # the whole Reuters corpus
    .venv/bin/python benchmarks/extract_scale.py --stories 3000  # a quicker sample
    .venv/bin/python benchmarks/extract_scale.py --no-dask
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def _sample(count: int | None, folder: Path) -> Path:
    if count is None:
        return REUTERS
    out = folder / "sample.jsonl"
    with REUTERS.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(lines):
            if number == count:
                break
            sink.write(line)
    return out


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
        todo.extend(int(child) for child in children)
    return total / 1024


def _run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MiB, the whole process tree) of a dateline command."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "dashboard.cli", *args], cwd=ROOT,
                               stderr=subprocess.DEVNULL)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _tree_rss_mib(process.pid))
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(f"dateline {' '.join(args)} failed ({process.returncode})")
    return time.perf_counter() - started, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=None, help="default: the whole corpus")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = _sample(args.stories, folder)
        stories = sum(1 for _ in source.open(encoding="utf-8"))
        results = {}
        for name, extra in [("local, 1 worker", ["--workers", "1"]),
                            ("local, 2 workers", ["--workers", "2"])]:
            out = folder / f"{name.replace(' ', '_').replace(',', '')}.parquet"
            results[name] = _run(["extract", str(source), "-o", str(out), *extra])
        if not args.no_dask:
            results["dask LocalCluster, 2 workers"] = _run(
                ["extract", str(source), "-o", str(folder / "dask"), "--engine", "dask",
                 "--workers", "2"])
    base = results["local, 1 worker"][0]
    print(f"{stories:,} Reuters stories")
    print(f"{'engine':<30} {'seconds':>8} {'stories/s':>10} {'speed-up':>9} {'peak MiB':>9}")
    for name, (seconds, peak) in results.items():
        print(f"{name:<30} {seconds:>8.1f} {stories / seconds:>10,.0f} "
              f"{base / seconds:>8.2f}x {peak:>9.0f}")
    print("peak MiB: the whole process tree (main process and its workers), sampled every 0.1 s")


if __name__ == "__main__":
    main()
