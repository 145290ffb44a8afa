"""Time and peak memory of reading and normalising the 1M-row tickets export.

Each measurement runs in a fresh interpreter, so ``ru_maxrss`` is the peak of that load
alone. Targets on a 2-core machine: 4 s and 1.5 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.synthetic import BENCH_DATA, make_portfolio

TARGET_SECONDS = 4.0
TARGET_MB = 1536

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from deckgen.config import load_config
from deckgen.sources.workspace import load_workspace
config = load_config(Path(sys.argv[1]))
start = time.perf_counter()
workspace = load_workspace(config, ["tickets"])
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "rows": len(workspace.tickets), "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
    "cpu_seconds": usage.ru_utime + usage.ru_stime,
}))
"""


def measure(directory: Path) -> dict[str, float]:
    """Load the tickets of ``directory`` in a fresh interpreter: rows, seconds, peak MB and
    the CPU seconds of the whole child (imports included), which other load on the machine
    disturbs less than wall time."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(directory)],
        check=True, capture_output=True, text=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    """Generate the portfolio if absent, measure, print; non-zero when over target."""
    if not (BENCH_DATA / "deckgen.toml").is_file():
        make_portfolio(BENCH_DATA)
    figures = measure(BENCH_DATA)
    ok = figures["seconds"] <= TARGET_SECONDS and figures["peak_mb"] <= TARGET_MB
    print(
        f"load tickets: {int(figures['rows']):,} rows in {figures['seconds']:.2f} s "
        f"(target {TARGET_SECONDS:.0f} s), peak {figures['peak_mb']:.0f} MB "
        f"(target {TARGET_MB} MB), {figures['cpu_seconds']:.2f} CPU s in the child: "
        f"{'ok' if ok else 'OVER TARGET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
