"""Time one client's full ``compute_review`` on 1,000,000 tickets, 50,000 answers, 500 clients.

Run ``python -m bench.bench_indicators``. The tables are built directly as normalised,
contract-conforming DataFrames (no export files), so only the indicator path is measured.
Target: ≤ 50 ms per client once the workspace is loaded. The CPU time is printed beside the
wall time: other processes on the machine slow the wall clock but hardly the CPU time.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from deckgen.config import Config
from deckgen.indicators.review import compute_review
from deckgen.model.review import Period
from deckgen.sources.schema import SOURCES
from deckgen.sources.workspace import Workspace

TZ = "America/Sao_Paulo"
CLIENTS = 500
TICKETS = 1_000_000
ANSWERS = 50_000
TODAY = date(2026, 11, 5)
PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
DTYPES = {"id": "string", "text": "string", "priority": "string", "int": "Int64",
          "float": "float64", "bool": "boolean"}


def _blank(kind: str, rows: int) -> pd.Series:
    if kind == "datetime":
        return pd.Series(pd.NaT, index=range(rows), dtype=f"datetime64[ns, {TZ}]")
    if kind == "date":
        return pd.Series(pd.NaT, index=range(rows), dtype="datetime64[ns]")
    if kind == "list":
        return pd.Series([()] * rows, dtype=object)
    return pd.Series(pd.NA, index=range(rows), dtype=DTYPES[kind])


def _table(source: str, rows: int, columns: dict[str, Any]) -> pd.DataFrame:
    data = {
        name: pd.Series(columns[name]) if name in columns else _blank(column.kind, rows)
        for name, column in SOURCES[source].items()
    }
    return pd.DataFrame(data)


def _instants(rng: np.random.Generator, rows: int, start: str, days: int) -> pd.Series:
    base = pd.Timestamp(start, tz=TZ).as_unit("ns")
    offsets = pd.to_timedelta(rng.integers(0, days * 86_400, rows), unit="s")
    return pd.Series(base + offsets)


def config() -> Config:
    """Three streams with SLA targets, business-hours clock (the slower path)."""
    return Config.model_validate({
        "company": {"name": "Bench"},
        "streams": [
            {"key": "suporte", "label": "Suporte", "role": "support", "match": ["Suporte"]},
            {"key": "implantacao", "label": "Implantação", "role": "implementation",
             "match": ["Implantação"]},
            {"key": "tecnologia", "label": "Desenvolvimento", "role": "technology",
             "match": ["Desenvolvimento"]},
        ],
        "sla": {"clock": "business", "targets": [
            {"stream": "suporte", "category": "*", "resolution_hours": 24},
            {"stream": "suporte", "category": "Erro", "resolution_hours": 8},
            {"stream": "implantacao", "resolution_hours": 480},
        ]},
    })


def workspace(seed: int = 7) -> Workspace:
    """The synthetic workspace: 500 clients, 1,000,000 tickets, 50,000 survey answers."""
    rng = np.random.default_rng(seed)
    ids = np.array([str(100_000 + i) for i in range(CLIENTS)], dtype=object)
    companies = _table("companies", CLIENTS, {
        "company_id": pd.array(ids, dtype="string"),
        "name": pd.array([f"Cliente {i:03d}" for i in range(CLIENTS)], dtype="string"),
        "owner_cs": pd.array([f"CSM {i % 10}" for i in range(CLIENTS)], dtype="string"),
        "meeting_interval_days": pd.array([90] * CLIENTS, dtype="Int64"),
        "last_meeting": pd.Series(pd.Timestamp("2026-07-31") - pd.to_timedelta(
            rng.integers(0, 60, CLIENTS), unit="D")).astype("datetime64[ns]"),
    })
    created = _instants(rng, TICKETS, "2025-01-01", 670)
    spent = pd.to_timedelta(rng.exponential(40.0, TICKETS), unit="h")
    # A realistic backlog (as bench/synthetic.py): 99% of tickets created over 90 days before
    # the last creation date are closed, 70% of newer ones.
    recent = (created > created.max() - pd.Timedelta(days=90)).to_numpy()
    closed = rng.random(TICKETS) < np.where(recent, 0.7, 0.99)
    close_at = (created + spent).where(closed)
    categories = np.empty(5, dtype=object)
    categories[:] = [("Erro",), ("Dúvida",), ("Cadastro",), ("Erro", "Dúvida"), ()]
    tickets = _table("tickets", TICKETS, {
        "ticket_id": pd.array(np.arange(TICKETS).astype(str), dtype="string"),
        "company_id": pd.array(rng.choice(ids, TICKETS), dtype="string"),
        "subject": pd.array(np.char.add("Assunto ", np.arange(TICKETS).astype(str)),
                            dtype="string"),
        "status": pd.array(np.where(closed, "Closed", "Em andamento"), dtype="string"),
        "priority": pd.array(rng.choice(np.array(["urgent", "high", "medium", "low", None],
                                                 dtype=object), TICKETS), dtype="string"),
        "category": pd.Series(rng.choice(categories, TICKETS), dtype=object),
        "created_at": created,
        "closed_at": close_at,
        "first_response_at": created + spent / 10,
        "owner": pd.array(rng.choice(np.array(["Ana", "Bruno", "Carla"], dtype=object),
                                     TICKETS), dtype="string"),
        "estimated_hours": np.where(rng.random(TICKETS) < 0.5, rng.integers(1, 40, TICKETS),
                                    np.nan),
    })
    tickets["stream"] = pd.array(
        rng.choice(np.array(["suporte", "implantacao", "tecnologia"], dtype=object), TICKETS),
        dtype="string",
    )
    tickets["categories"] = tickets["category"]
    tickets["is_closed"] = closed
    kinds = rng.choice(np.array(["NPS", "CSAT"], dtype=object), ANSWERS)
    surveys = _table("surveys", ANSWERS, {
        "company_id": pd.array(rng.choice(ids, ANSWERS), dtype="string"),
        "survey_type": pd.array(kinds, dtype="string"),
        "value": np.where(kinds == "NPS", rng.integers(0, 11, ANSWERS),
                          rng.integers(1, 6, ANSWERS)).astype(float),
        "comment": pd.array(np.where(rng.random(ANSWERS) < 0.3, "Comentário", None),
                            dtype="string"),
        "submitted_at": _instants(rng, ANSWERS, "2025-01-01", 670),
    })
    surveys["kind"] = pd.array(np.char.lower(kinds.astype(str)), dtype="string")
    surveys["row"] = np.arange(2, ANSWERS + 2, dtype=np.int64)  # the export row, as read
    releases = _table("releases", 40, {
        "released_on": pd.Series(pd.date_range("2025-01-05", periods=40, freq="17D")),
        "title": pd.array([f"Release {i}" for i in range(40)], dtype="string"),
    })
    actions = _table("actions", CLIENTS * 4, {
        "company_id": pd.array(np.repeat(ids, 4), dtype="string"),
        "action": pd.array(["Próximo passo"] * CLIENTS * 4, dtype="string"),
        "due_on": pd.Series(pd.Timestamp("2026-09-01") + pd.to_timedelta(
            rng.integers(0, 90, CLIENTS * 4), unit="D")).astype("datetime64[ns]"),
    })
    return Workspace(config(), companies, tickets, surveys, releases, actions)


def main() -> None:
    """Build the workspace, time ``compute_review`` for 40 clients, print one summary line."""
    ws = workspace()
    clients = list(ws.companies["company_id"])
    began = time.perf_counter()
    compute_review(ws, clients[0], PERIOD, today=TODAY)  # indexes every table by company once
    first = (time.perf_counter() - began) * 1000
    wall, cpu = [], []
    for client in clients[1:41]:
        began, began_cpu = time.perf_counter(), time.process_time()
        compute_review(ws, client, PERIOD, today=TODAY)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    median = statistics.median(wall)
    print(f"compute_review per client: median of {len(wall)} clients {median:.1f} ms wall "
          f"(target 50 ms; {statistics.median(cpu):.1f} ms CPU), max {max(wall):.1f} ms, "
          f"first build {first:.0f} ms, load average {os.getloadavg()[0]:.1f}: "
          f"{'ok' if median <= 50 else 'OVER TARGET'}")
    sys.exit(0 if median <= 50 else 1)


if __name__ == "__main__":
    main()
