"""Time and peak memory of reading and normalising the 1M-row tickets export.

Each measurement runs in a fresh interpreter, so ``ru_maxrss`` is the peak of that load
alone; the figures are the medians of ``RUNS`` such loads (peak: the largest), with the CPU
time of the load beside its wall time, as other processes on the machine slow the wall
clock but hardly the CPU time. Targets on a 2-core machine: 4 s and 1.5 GB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.synthetic import BENCH_DATA, make_portfolio

TARGET_SECONDS = 4.0
TARGET_MB = 1536
RUNS = 5

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from deckgen.config import load_config
from deckgen.sources.workspace import load_workspace
config = load_config(Path(sys.argv[1]))
start, start_cpu = time.perf_counter(), time.process_time()
workspace = load_workspace(config, ["tickets"])
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "rows": len(workspace.tickets), "seconds": seconds, "cpu_seconds": cpu_seconds,
    "peak_mb": usage.ru_maxrss / 1024,
}))
"""


def measure(directory: Path) -> dict[str, float]:
    """Load the tickets of ``directory`` in a fresh interpreter: rows, wall seconds, CPU
    seconds (every thread of the child, during the load only) and peak MB."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(directory)],
        check=True, capture_output=True, text=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    """Generate the portfolio if absent, measure ``RUNS`` times, print one summary line;
    non-zero when over target."""
    if not (BENCH_DATA / "deckgen.toml").is_file():
        make_portfolio(BENCH_DATA)
    runs = [measure(BENCH_DATA) for _ in range(RUNS)]
    seconds = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu_seconds"] for r in runs)
    peak = max(r["peak_mb"] for r in runs)
    ok = seconds <= TARGET_SECONDS and peak <= TARGET_MB
    print(
        f"load tickets: {int(runs[0]['rows']):,} rows, median of {RUNS} runs "
        f"{seconds:.2f} s wall (target {TARGET_SECONDS:.0f} s; {cpu:.2f} s CPU), "
        f"peak {peak:.0f} MB (target {TARGET_MB} MB), load average {os.getloadavg()[0]:.1f}: "
        f"{'ok' if ok else 'OVER TARGET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
