"""``python -m bench``: every benchmark in turn, each in its own process; exit 1 if any misses."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    "bench.bench_load",
    "bench.bench_indicators",
    "bench.bench_render",
    "bench.bench_cold_build",
    "bench.bench_portfolio",
    "bench.bench_pull",
]


def main() -> int:
    """Run each benchmark module; report which missed its target."""
    missed = []
    for module in BENCHMARKS:
        print(f"== {module}", flush=True)
        if subprocess.run([sys.executable, "-m", module], check=False).returncode != 0:
            missed.append(module)
    if missed:
        print(f"over target: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
