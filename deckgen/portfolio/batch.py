"""Build many clients' decks from one loaded workspace, spread over processes."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from deckgen.errors import DeckgenError
from deckgen.review import build_client_review
from deckgen.sources.workspace import Workspace

Status = Literal["built", "failed"]


@dataclass(frozen=True)
class BuildJob:
    """What every client of a batch shares."""

    out_dir: Path
    start: date | None = None
    end: date | None = None
    template: Path | None = None
    today: date | None = None


@dataclass
class Outcome:
    """One client's result: the files written, or the one-line reason it failed."""

    client_id: str
    name: str
    status: Status
    seconds: float
    files: list[Path] = field(default_factory=list)
    message: str = ""
    warnings: list[str] = field(default_factory=list)


# The workspace a worker process builds from: set before the pool forks, so every worker
# shares the parent's loaded tables instead of reading the exports again.
_workspace: Workspace | None = None


def _build_one(client_id: str, name: str, job: BuildJob) -> Outcome:
    assert _workspace is not None
    began = time.perf_counter()
    try:
        built = build_client_review(
            _workspace, client_id, job.out_dir,
            start=job.start, end=job.end, template=job.template, today=job.today,
        )
    except DeckgenError as exc:
        return Outcome(client_id, name, "failed", time.perf_counter() - began, message=str(exc))
    except Exception as exc:  # one client's bug must not stop the portfolio
        return Outcome(client_id, name, "failed", time.perf_counter() - began,
                       message=f"{type(exc).__name__}: {exc}")
    return Outcome(client_id, name, "built", time.perf_counter() - began,
                   [built.deck, built.workbook], warnings=built.warnings)


def build_many(
    workspace: Workspace,
    clients: Iterable[tuple[str, str]],
    job: BuildJob,
    *,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Build every ``(client_id, name)``; failures are reported in their Outcome, not raised."""
    global _workspace
    _workspace = workspace
    todo = list(clients)
    outcomes: list[Outcome] = []
    try:
        if jobs <= 1 or len(todo) <= 1:
            for client_id, name in todo:
                outcomes.append(_build_one(client_id, name, job))
                on_done(outcomes[-1])
            return outcomes
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(_build_one, cid, name, job) for cid, name in todo]
            for future in as_completed(futures):
                outcomes.append(future.result())
                on_done(outcomes[-1])
    finally:
        _workspace = None
    order = {cid: i for i, (cid, _) in enumerate(todo)}
    return sorted(outcomes, key=lambda o: order[o.client_id])
