"""Build benchmarks against the budget in DESIGN.md; medians, side by side, in one run.

    python3 benchmarks/bench_build.py            # everything (several minutes)
    python3 benchmarks/bench_build.py --quick    # 4 documents instead of 20, fewer repeats
    python3 benchmarks/bench_build.py --cold 7   # only the cold build, 7 runs
    python3 benchmarks/bench_build.py --cold 7 --against "main=../main"   # side by side

Runs reportgen as a user's install runs it (bytecode compiled once, whatever
PYTHONDONTWRITEBYTECODE says). Measures, each as the median of several runs of the real command
in a fresh process (the cold builds interleaved with each `--against` checkout's):
1. a cold build of the seed, all formats (budget ≤ 2.0 s);
2. a no-op rebuild beside `python -c pass` (budget: ratio ≤ 4);
3. N copies of the seed (each with a small change) with --jobs 2 beside --jobs 1
   (budget: ratio ≥ 1.8);
4. the peak resident memory of each document's worker (budget ≤ 250 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import checkouts, interleaved, load_average, run_once, summary, user_env

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
PYTHON = sys.executable
BUILD = [PYTHON, "-m", "reportgen.cli", "build"]
COLD_BUDGET_S = 2.0


def timed(command: list[str], cwd: Path) -> float:
    """Seconds `command` took; fails loudly when it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=user_env(ROOT))
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return seconds


def project(folder: Path, documents: int) -> Path:
    """A project folder with `documents` copies of the seed, each with a small change."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    for i in range(documents):
        changed = re.sub(r"\d+\.\d+", lambda m, i=i: f"{float(m.group()) + i / 10:g}", text,
                         count=1)
        (seeds / f"{SEED.stem}-{i:02d}.txt").write_text(changed, encoding="utf-8")
    return folder


def cold_build(repeats: int, trees: dict[str, Path]) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU seconds (all processes) of each checkout's full build of the seed into an
    empty output folder, round by round."""
    def once(tree: Path) -> tuple[float, float]:
        with tempfile.TemporaryDirectory() as tmp:
            return run_once(BUILD, user_env(tree), cwd=project(Path(tmp), 1))

    return interleaved(repeats, {label: lambda tree=tree: once(tree)
                                 for label, tree in trees.items()})


def no_op(repeats: int) -> tuple[list[float], list[float]]:
    """Seconds for a no-op rebuild and for `python -c pass`, interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = project(Path(tmp), 1)
        timed(BUILD, folder)
        builds, passes = [], []
        for _ in range(repeats):
            builds.append(timed(BUILD, folder))
            passes.append(timed([PYTHON, "-c", "pass"], folder))
    return builds, passes


def many(documents: int, jobs: int) -> tuple[float, list[float]]:
    """Seconds to build `documents` documents with `jobs` workers, and each worker's peak MB."""
    code = (f"import json, reportgen; r = reportgen.build(jobs={jobs}, check=False); "
            "print(*[f'{d.slug}: {d.error}' for d in r.failed], sep='\\n'); "
            "print(json.dumps([d['peak_mb'] for d in r.as_dict()['documents']]))")
    with tempfile.TemporaryDirectory() as tmp:
        folder = project(Path(tmp), documents)
        started = time.perf_counter()
        done = subprocess.run([PYTHON, "-c", code], cwd=folder, capture_output=True, text=True,
                              env=user_env(ROOT))
        seconds = time.perf_counter() - started
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        if done.returncode != 0 or len(lines) != 1:
            raise SystemExit(f"the build of {documents} documents failed:\n{done.stdout}"
                             f"{done.stderr}")
        return seconds, json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 documents, fewer repeats")
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--cold", type=int, metavar="N",
                        help="only the cold build, N runs (to compare two versions quickly)")
    parser.add_argument("--against", action="append", default=[], metavar="[LABEL=]DIR",
                        help="another checkout whose cold build runs beside this one's")
    args = parser.parse_args()
    repeats = args.cold or (3 if args.quick else 7)
    documents = 4 if args.quick else args.documents
    if shutil.which("nproc"):
        cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
        print(f"machine: {cores} cores, Python {sys.version.split()[0]}, load average "
              f"{os.getloadavg()[0]:.2f} at the start")

    trees = checkouts(args.against)
    this = next(reversed(trees))
    cold_runs = cold_build(repeats, trees)
    for label, runs in cold_runs.items():
        print(summary(f"cold build, {label}", runs))
    cold = [w for w, _ in cold_runs[this]]
    for label in list(trees)[:-1]:
        other = statistics.median(w for w, _ in cold_runs[label])
        print(f"cold build, this / {label}: {statistics.median(cold) / other:.3f} ×")
    print(f"load average {load_average()}")
    print("| what | measured | budget | runs |")
    print("|---|---|---|---|", flush=True)
    row("cold build of the seed, all formats", f"{statistics.median(cold):.2f} s",
        f"≤ {COLD_BUDGET_S} s", _runs(cold))
    if args.cold:
        return
    builds, passes = no_op(repeats * 2)
    row("no-op rebuild", f"{statistics.median(builds) * 1000:.0f} ms", "", _runs(builds))
    row("python -c pass", f"{statistics.median(passes) * 1000:.0f} ms", "", _runs(passes))
    ratio = statistics.median(builds) / statistics.median(passes)
    row("no-op / python -c pass", f"{ratio:.1f} ×", "≤ 4 ×", "")
    ones, twos, peaks = [], [], []
    for _ in range(3):  # interleaved, so a busy moment of the machine hits both alike
        for jobs, runs in ((1, ones), (2, twos)):
            seconds, worker_peaks = many(documents, jobs)
            runs.append(seconds)
            peaks += worker_peaks
    one, two = statistics.median(ones), statistics.median(twos)
    row(f"{documents} documents, --jobs 1", f"{one:.1f} s", "", _runs(ones))
    row(f"{documents} documents, --jobs 2", f"{two:.1f} s", "", _runs(twos))
    pairs = ", ".join(f"{a / b:.2f}" for a, b in zip(ones, twos, strict=True))
    row("speed-up of --jobs 2", f"{one / two:.2f} ×", "≥ 1.8 ×", f"run by run: {pairs}")
    row("peak memory per worker (max)", f"{max(peaks):.0f} MB", "≤ 250 MB",
        f"median {statistics.median(peaks):.0f} MB")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


def row(*cells: str) -> None:
    """Print one table row as soon as it is measured."""
    print("| " + " | ".join(cells) + " |", flush=True)


def _runs(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


if __name__ == "__main__":
    main()
