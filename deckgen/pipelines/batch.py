"""Build many clients' decks from one loaded workspace, spread over processes."""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from deckgen.clock import build_date
from deckgen.errors import DeckgenError
from deckgen.indicators.cells import day, text
from deckgen.pipelines.review import write_review
from deckgen.render.brand import logo_folder
from deckgen.sources.workspace import Workspace

Status = Literal["built", "skipped", "failed"]
DATA_SOURCES = ("tickets", "surveys", "actions")


@dataclass(frozen=True)
class BuildJob:
    """What every client of a batch shares."""

    out_dir: Path
    start: date | None = None
    end: date | None = None
    template: Path | None = None
    today: date | None = None
    language: str | None = None  # None: the configuration's
    pdf: bool = False  # also each deck's PDF, inside its output set

    @property
    def last_day(self) -> date:
        """The last day every client's period reaches: ``end``, else the build date."""
        return self.end or self.today or build_date()


@dataclass
class Outcome:
    """One client's result: the files written, or the one-line reason it was not built."""

    client_id: str
    name: str
    status: Status
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    message: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BatchResult:
    """Every client's outcome, in selection order, and the wall time of the batch."""

    outcomes: list[Outcome]
    seconds: float

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        """0 when no client failed (skipped clients are not failures), else 1."""
        return 1 if self.count("failed") else 0


def skip_reason(workspace: Workspace, row: Mapping[Any, Any], job: BuildJob,
                rows_by_id: Mapping[str, int] | None = None) -> str | None:
    """Why a client gets no deck in a batch, or ``None`` when it gets one.

    Skipped: a client churned on or before the last day of the period (nobody to meet), and a
    client with no ticket, survey answer or action at all in the exports (a deck of "no data"
    slides). ``rows_by_id`` (rows per Record ID over those sources) saves the lookups of
    clients that obviously have data.
    """
    churned = day(row.get("churned_on"))
    if churned is not None and churned <= job.last_day:
        return f"churned on {churned.isoformat()}"
    client_id = str(row["company_id"])
    if rows_by_id is not None and rows_by_id.get(client_id, 0) > 0:
        return None
    name = text(row.get("name"))
    if all(workspace.company_rows(s, client_id, name).empty for s in DATA_SOURCES):
        return "no ticket, survey answer or action in the exports"
    return None


def _rows_by_id(workspace: Workspace, source: str) -> pd.Series:
    ids = getattr(workspace, source)["company_id"]
    return ids.value_counts(dropna=True)


# The workspace a worker process builds from: set before the pool forks, so every worker
# shares the parent's loaded tables (and their per-company indexes) instead of reading the
# exports again.
_workspace: Workspace | None = None


def _build_one(client_id: str, name: str, job: BuildJob) -> Outcome:
    assert _workspace is not None
    began = time.perf_counter()
    try:
        built = write_review(
            _workspace, client_id, job.out_dir,
            start=job.start, end=job.end, template=job.template, today=job.today,
            language=job.language, pdf=job.pdf,
        )
    except DeckgenError as exc:
        return Outcome(client_id, name, "failed", time.perf_counter() - began, message=str(exc))
    except MemoryError:
        return Outcome(client_id, name, "failed", time.perf_counter() - began,
                       message="not enough memory to build this client's review")
    except Exception as exc:  # noqa: BLE001 - one client's bug must not stop the portfolio
        return Outcome(client_id, name, "failed", time.perf_counter() - began,
                       message=f"{type(exc).__name__}: {exc}")
    return Outcome(client_id, name, "built", time.perf_counter() - began,
                   built.files, warnings=built.warnings)


def _warm(workspace: Workspace) -> None:
    """Index every table by company in the parent, so forked workers inherit the indexes (and
    the folder of checked logos, which the parent removes at the end)."""
    for source in DATA_SOURCES:
        workspace.company_rows(source, "")
    logo_folder()


def build_many(
    workspace: Workspace,
    selected: pd.DataFrame,
    job: BuildJob,
    *,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> BatchResult:
    """Build the deck of every client of ``selected`` (companies rows) over ``jobs`` processes.

    Skipped clients (:func:`skip_reason`) are reported first. A client that fails is reported
    in its Outcome and the others go on; so does a worker process that dies. Clients with
    the most tickets start first, which keeps every process busy until the end.
    """
    global _workspace
    began = time.perf_counter()
    _warm(workspace)
    counts = pd.concat([_rows_by_id(workspace, s) for s in DATA_SOURCES]).groupby(level=0).sum()
    rows_by_id = {str(k): int(v) for k, v in counts.items()}
    outcomes: list[Outcome] = []
    todo: list[tuple[str, str]] = []
    for row in selected.to_dict("records"):
        client_id, name = str(row["company_id"]), str(row["name"])
        reason = skip_reason(workspace, row, job, rows_by_id)
        if reason is None:
            todo.append((client_id, name))
        else:
            outcomes.append(Outcome(client_id, name, "skipped", message=reason))
            on_done(outcomes[-1])
    todo.sort(key=lambda item: -rows_by_id.get(item[0], 0))
    _workspace = workspace
    try:
        if jobs <= 1 or len(todo) <= 1:
            for client_id, name in todo:
                outcomes.append(_build_one(client_id, name, job))
                on_done(outcomes[-1])
        else:
            outcomes += _in_processes(todo, job, min(jobs, len(todo)), on_done)
    finally:
        _workspace = None
    order = {cid: i for i, cid in enumerate(selected["company_id"].astype(str))}
    outcomes.sort(key=lambda o: order[o.client_id])
    return BatchResult(outcomes, time.perf_counter() - began)


def _in_processes(
    todo: list[tuple[str, str]], job: BuildJob, jobs: int, on_done: Callable[[Outcome], None]
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    # Objects alive now are never collected in the workers: freezing them keeps the garbage
    # collector from writing to (and so copying) the pages the workers share with the parent.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures: dict[Future[Outcome], tuple[str, str]] = {
                pool.submit(_build_one, cid, name, job): (cid, name) for cid, name in todo
            }
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    cid, name = futures[future]
                    outcome = Outcome(cid, name, "failed",
                                      message="the worker process stopped (out of memory?)")
                outcomes.append(outcome)
                on_done(outcome)
    finally:
        gc.unfreeze()
    return outcomes
