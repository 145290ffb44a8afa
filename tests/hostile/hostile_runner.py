"""Running one hostile command in a forked child under a memory cap and a deadline.

``run(args)`` forks this test process (deckgen already imported, so a case costs
milliseconds, not an interpreter start), caps the child's private writable memory
(``RLIMIT_DATA``: heap and anonymous mappings, not reserved address space) at what it
already holds plus ``MEMORY_MB``, invokes the CLI there with Click's runner and reports exit
code, stdout, stderr and seconds back through a pipe. A child still running after
``SECONDS`` is killed and the case fails: a hang is a failure, not a stuck suite.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

from deckgen.cli import COMMANDS, main

# What the commands import lazily, imported once here so that every forked child shares it
# instead of importing it again (most of a case's time otherwise).
WARM = [*sorted(set(COMMANDS.values())), "deckgen.sources.summary", "deckgen.sources.workspace",
        "deckgen.pipelines.review", "deckgen.hubspot.pull", "deckgen.hubspot.publish",
        "deckgen.pipelines.kickoff", "python_calamine", "yaml"]
for _module in WARM:
    importlib.import_module(_module)

MEMORY_MB = 768
SECONDS = 20.0

CONFIG = """\
[company]
name = "Acme"

[sources]
companies = "companies.csv"
tickets = "tickets.csv"
surveys = "surveys.csv"

[[streams]]
key = "support"
label = "Suporte"
role = "support"
match = ["Suporte"]
"""
COMPANIES = "Record ID,Company name\n101,Padaria Pão Quente\n102,Transportes Rápidos\n"
TICKETS = (
    "Ticket ID,Associated Company IDs,Pipeline,Create date,Estimativa HH\n"
    "1,101,Suporte,2026-05-02 10:00,2\n"
    "2,101,Suporte,2026-05-03 11:00,3\n"
    "3,102,Suporte,2026-05-04 12:00,1\n"
)
SURVEYS = (
    "Survey type,Response value,Submission date,Associated Company IDs\n"
    "NPS,9,2026-05-05 10:00,101\n"
    "CSAT,4,2026-05-06 10:00,101\n"
)


@dataclass(frozen=True)
class Outcome:
    """What one CLI run did."""

    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    exception: str

    def error_line(self) -> str:
        """The single error line, after checking exit 1, no traceback and nothing else."""
        assert self.exit_code == 1, (self.stdout, self.stderr, self.exception)
        assert self.exception == "SystemExit", self.exception
        assert "Traceback" not in self.stdout + self.stderr
        assert "unexpected" not in self.stderr, self.stderr
        lines = self.stderr.splitlines()
        assert len(lines) == 1, self.stderr
        assert lines[0].startswith("Error: ")
        assert len(lines[0]) < 600, f"{len(lines[0]):,} characters"  # one readable line
        assert self.seconds < SECONDS
        return lines[0]


def _data_bytes() -> int:
    """The process's private writable memory (``VmData``), what ``RLIMIT_DATA`` counts."""
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmData in /proc/self/status")


def run(args: list[str], *, memory_mb: int = MEMORY_MB, seconds: float = SECONDS) -> Outcome:
    """``deckgen ARGS`` in a forked child under a memory cap and a deadline."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            # mimalloc (Arrow's default pool) reserves a 1 GB arena on first use in a forked
            # child and fails under the cap; the system allocator takes what it uses.
            pa.set_memory_pool(pa.system_memory_pool())
            limit = _data_bytes() + memory_mb * (1 << 20)
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
            started = time.monotonic()
            result = CliRunner().invoke(main, args, catch_exceptions=True)
            report = {
                "exit_code": result.exit_code, "stdout": result.stdout,
                "stderr": result.stderr, "seconds": time.monotonic() - started,
                "exception": type(result.exception).__name__ if result.exception else "",
            }
            with os.fdopen(write_end, "w") as stream:
                json.dump(report, stream)
        except BaseException:  # noqa: BLE001 - reported as a missing answer
            code = 3
        finally:
            os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_end)
            pytest.fail(f"deckgen {' '.join(args)} still running after {seconds:.0f} s")
        time.sleep(0.01)
    with os.fdopen(read_end) as stream:
        answer = stream.read()
    assert answer, f"the child died without an answer (status {status})"
    return Outcome(**json.loads(answer))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``folder``: relative path → (size, mtime_ns), links not followed."""
    found: dict[str, tuple[int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return found
