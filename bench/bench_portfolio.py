"""Benchmark: a 500-client portfolio: every deck over 2 processes, per-deck scaling, ``due``.

Run with ``.venv/bin/python -m bench.bench_portfolio [--quick] [--profile]``. Measures:

* ``deckgen build --all --jobs 2`` on 500 clients / 1,000,000 tickets / 50,000 answers /
  5,000 actions: wall time and peak memory of the whole process tree (PSS sampled from
  /proc, so pages the forked workers share with the parent count once);
* the time of one deck on portfolios of 50, 500 and 2,000 clients of 200 tickets each (only
  the portfolio grows, not the client): it should stay flat;
* ``deckgen due`` on the 500-client portfolio, start-up included.

``--quick`` uses 60 clients and smaller scaling steps (a sanity check in about a minute);
``--profile`` prints where one process spends its time on 10 decks (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from bench.synthetic import BENCH_DATA, make_portfolio

TODAY = date(2026, 11, 20)
EPOCH = "1795176000"  # 2026-11-20 12:00 UTC: the synthetic exports' date
TARGET_BATCH_S, TARGET_MEMORY_GB, TARGET_DUE_S = 90.0, 2.0, 2.0


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines()
                 if line.startswith("Pss:")), 0)


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def run_measured(args: list[str]) -> tuple[float, float, int]:
    """Run ``deckgen ARGS``: wall seconds, peak PSS of its process tree in GiB, exit status."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    began = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "deckgen", *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_pss_kib(p) for p in _tree(process.pid)))
            done.wait(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"deckgen {' '.join(args)} failed:\n{errors.decode()[-2000:]}")
    return time.perf_counter() - began, peak / 1024 / 1024, process.returncode


def portfolio(folder: Path, clients: int, per_client: int = 2000) -> Path:
    """A synthetic workspace of ``clients`` with ``per_client`` tickets each (cached on disk)."""
    if (folder / "deckgen.toml").is_file():
        return folder
    return make_portfolio(folder, clients=clients, tickets=clients * per_client,
                          surveys=clients * 100, actions=clients * 10)


def per_deck_seconds(data: Path, sample: int) -> tuple[float, float]:
    """Seconds to load the workspace, and the median seconds of one deck over ``sample``."""
    from deckgen.config import load_config
    from deckgen.pipelines.review import write_review
    from deckgen.sources.workspace import load_workspace

    began = time.perf_counter()
    workspace = load_workspace(load_config(data))
    load = time.perf_counter() - began
    ids = workspace.companies["company_id"].astype(str).tolist()
    step = max(1, len(ids) // sample)
    times = []
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as out:
        for client in ids[::step][:sample]:
            began = time.perf_counter()
            write_review(workspace, client, Path(out), today=TODAY)
            times.append(time.perf_counter() - began)
    return load, statistics.median(times[1:] or times)


def profile(data: Path, decks: int = 10) -> None:
    """cProfile of ``decks`` decks in this process, top functions by cumulative time."""
    from deckgen.config import load_config
    from deckgen.pipelines.review import write_review
    from deckgen.sources.workspace import load_workspace

    workspace = load_workspace(load_config(data))
    ids = workspace.companies["company_id"].astype(str).tolist()
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as out:
        write_review(workspace, ids[0], Path(out), today=TODAY)
        profiler = cProfile.Profile()
        profiler.enable()
        for client in ids[1:decks + 1]:
            write_review(workspace, client, Path(out), today=TODAY)
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"deckgen/", 25)


def main(argv: list[str] | None = None) -> None:
    """Generate (or reuse) the portfolios, run every measurement, print the figures."""
    parser = argparse.ArgumentParser(prog="bench_portfolio")
    parser.add_argument("--quick", action="store_true", help="60 clients: a sanity check")
    parser.add_argument("--profile", action="store_true", help="cProfile 10 decks")
    options = parser.parse_args(argv)
    clients = 60 if options.quick else 500
    scale = (20, 60, 200) if options.quick else (50, 500, 2000)
    sample = 5 if options.quick else 15
    with tempfile.TemporaryDirectory(prefix="deckgen-portfolio-") as folder:
        root = Path(folder)
        data = BENCH_DATA if not options.quick and (BENCH_DATA / "deckgen.toml").is_file() \
            else portfolio(root / "main", clients)
        print(f"portfolio: {data} ({clients} clients, {cpu_note()})")
        if options.profile:
            profile(data)
        seconds, memory, status = run_measured(
            ["build", "--all", "--jobs", "2", "--data", str(data), "--out", str(root / "out")])
        decks = len(list((root / "out").glob("*/*.pptx")))
        print(f"build --all --jobs 2: {decks} decks in {seconds:.1f} s "
              f"({seconds / max(decks, 1):.2f} s per deck, exit {status}); peak memory "
              f"{memory:.2f} GiB PSS, whole tree (targets ≤ {TARGET_BATCH_S:.0f} s for 500, "
              f"≤ {TARGET_MEMORY_GB:.0f} GB)")
        due_times = [run_measured(["due", "--data", str(data), "--on", TODAY.isoformat()])[0]
                     for _ in range(3)]
        print(f"due: median {statistics.median(due_times):.2f} s of 3 runs, start-up included "
              f"(target ≤ {TARGET_DUE_S:.0f} s)")
        for size in scale:
            load, deck = per_deck_seconds(portfolio(root / f"scale-{size}", size, 200), sample)
            print(f"per deck at {size:>5} clients (200 tickets each): {deck * 1000:.0f} ms "
                  f"median of {sample}; workspace load {load:.1f} s")


def cpu_note() -> str:
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores, load average {load:.1f} at start: shared machine, noisy"


if __name__ == "__main__":
    main()
