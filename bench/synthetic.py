"""A synthetic portfolio the size of a large customer: HubSpot-style exports and a config.

``make_portfolio`` writes companies, tickets, surveys, releases and an action plan as HubSpot
exports them (English headers, UTF-8, ``,``, ``YYYY-MM-DD HH:MM`` dates, ``;`` multi-select)
plus a ``deckgen.toml``; the same seed gives the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

BENCH_DATA = Path(__file__).parent / "data"
END = np.datetime64("2026-11-20T18:00", "m")
SPAN_MINUTES = 700 * 24 * 60

CONFIG = """\
[company]
name = "Bench Software"
language = "pt-BR"
timezone = "America/Sao_Paulo"

[sources]
companies = "hubspot-crm-exports-all-companies-*.csv"
tickets = "hubspot-crm-exports-all-tickets-*.csv"
surveys = "hubspot-crm-exports-all-feedback-submissions-*.csv"
releases = "releases.csv"
actions = "plano-de-acao.csv"

[columns.companies]
meeting_interval_days = ["[CS] Dias entre reuniões"]

[tickets]
stream_from = "pipeline"
closed_statuses = ["Closed", "Fechado"]

[actions]
done_statuses = ["Concluída"]

[[streams]]
key = "support"
label = { pt-BR = "Suporte", en = "Support" }
role = "support"
match = ["Support Pipeline"]

[[streams]]
key = "implementation"
label = { pt-BR = "Implantação", en = "Implementation" }
role = "implementation"
match = ["Implantação"]

[[streams]]
key = "technology"
label = { pt-BR = "Tecnologia", en = "Technology" }
role = "technology"
match = ["Desenvolvimento"]

[[sla.targets]]
stream = "support"
first_response_hours = 4
resolution_hours = 24
"""

PIPELINES = ["Support Pipeline", "Implantação", "Desenvolvimento"]
STATUSES = ["New", "Waiting on contact", "Waiting on us", "Closed"]
PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"]
CATEGORIES = [
    "Erro", "Dúvida", "Cadastro", "Personalização", "Integração", "Adequação",
    "Erro;Integração", "Dúvida;Cadastro", "",
]
OWNERS = ["Ana Souza", "Bruno Lima", "Carla Dias", "Diego Alves", "Elisa Rocha"]
PHASES = ["Implantação", "Adoção", "Cliente ativo"]
WORDS = np.array([
    "sistema", "relatório", "ordem", "serviço", "ativo", "plano", "erro", "acesso", "tela",
    "usuário", "importação", "painel", "indicador", "contrato", "visita", "técnica",
])


def _pick(rng: np.random.Generator, options: list[str], n: int, p: list[float] | None = None
          ) -> pa.Array:
    """``n`` strings drawn from ``options`` (dictionary-decoded, so cheap to build)."""
    indices = rng.choice(len(options), size=n, p=p)
    return pa.DictionaryArray.from_arrays(pa.array(indices), pa.array(options)).cast(pa.string())


def _stamps(minutes: np.ndarray, valid: np.ndarray | None = None) -> pa.Array:
    """``YYYY-MM-DD HH:MM`` strings, empty where ``valid`` is False."""
    stamps = pa.array((END - SPAN_MINUTES + minutes).astype("datetime64[s]"))
    text = pc.strftime(stamps, format="%Y-%m-%d %H:%M")
    if valid is None:
        return text
    return pc.if_else(pa.array(valid), text, pa.scalar(""))


def _write(path: Path, columns: dict[str, pa.Array]) -> None:
    table = pa.table(columns)
    pacsv.write_csv(table, path, write_options=pacsv.WriteOptions(quoting_style="needed"))


def _companies(rng: np.random.Generator, clients: int) -> tuple[np.ndarray, np.ndarray]:
    ids = 10_000_000_000 + np.sort(rng.choice(100_000_000, clients, replace=False))
    words = [str(WORDS[i % len(WORDS)]).title() for i in range(clients)]
    names = np.array([f"Cliente {i:04d} {word} Ltda" for i, word in enumerate(words)])
    return ids, names


def make_portfolio(
    directory: Path,
    clients: int = 500,
    tickets: int = 1_000_000,
    surveys: int = 50_000,
    actions: int = 5_000,
    seed: int = 7,
) -> Path:
    """Write a synthetic workspace into ``directory`` and return the folder."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    ids, names = _companies(rng, clients)
    stamp = "2026-11-20"
    days = rng.integers(0, 700, clients)
    _write(directory / f"hubspot-crm-exports-all-companies-{stamp}.csv", {
        "Record ID": pa.array(ids.astype(str)),
        "Company name": pa.array(names),
        "Proprietário CS": _pick(rng, OWNERS, clients),
        "Fase do cliente": _pick(rng, PHASES, clients, [0.1, 0.2, 0.7]),
        "[CS] Dias entre reuniões": pa.array(rng.choice([30, 60, 90], clients).astype(str)),
        "Last meeting date": _stamps(SPAN_MINUTES - rng.integers(0, 120 * 1440, clients)),
        "Become a customer date": _stamps(days * 1440),
        "Churn date": _stamps(rng.integers(0, SPAN_MINUTES, clients), rng.random(clients) < 0.05),
    })

    owner = rng.integers(0, clients, tickets)
    several = rng.random(tickets) < 0.05
    company_ids = pa.array(ids[owner].astype(str))
    other = pa.array(ids[rng.integers(0, clients, tickets)].astype(str))
    joined = pc.binary_join_element_wise(company_ids, other, ";")
    created = rng.integers(0, SPAN_MINUTES - 30 * 1440, tickets)
    # A realistic backlog: 99% of tickets created over 90 days before the export are closed,
    # 70% of newer ones (about 50 open demands per client).
    recent = created > SPAN_MINUTES - 90 * 1440
    closed = rng.random(tickets) < np.where(recent, 0.7, 0.99)
    responded = rng.random(tickets) < 0.9
    _write(directory / f"hubspot-crm-exports-all-tickets-{stamp}.csv", {
        "Ticket ID": pa.array(np.arange(1, tickets + 1) + 900_000_000).cast(pa.string()),
        "Ticket name": pc.binary_join_element_wise(
            _pick(rng, list(WORDS), tickets), _pick(rng, list(WORDS), tickets), " "),
        "Pipeline": _pick(rng, PIPELINES, tickets, [0.7, 0.2, 0.1]),
        "Ticket status": pc.if_else(pa.array(closed), "Closed", _pick(rng, STATUSES[:3], tickets)),
        "Priority": _pick(rng, PRIORITIES, tickets, [0.4, 0.35, 0.2, 0.05]),
        "Category": _pick(rng, CATEGORIES, tickets),
        "Create date": _stamps(created),
        "Close date": _stamps(created + rng.integers(10, 30 * 1440, tickets), closed),
        "First response date": _stamps(created + rng.integers(1, 600, tickets), responded),
        "Associated Company IDs": pc.if_else(pa.array(several), joined, company_ids),
        "Associated Company": pa.array(names[owner]),
        "Ticket owner": _pick(rng, OWNERS, tickets),
        "Estimated hours": pa.array(np.round(rng.gamma(2, 3, tickets), 1).astype(str)),
    })

    who = rng.integers(0, clients, surveys)
    nps = rng.random(surveys) < 0.6
    values = np.where(nps, rng.integers(0, 11, surveys), rng.integers(1, 6, surveys))
    commented = rng.random(surveys) < 0.3
    _write(directory / f"hubspot-crm-exports-all-feedback-submissions-{stamp}.csv", {
        "Record ID": pa.array(np.arange(1, surveys + 1) + 500_000_000).cast(pa.string()),
        "Associated Company IDs": pa.array(ids[who].astype(str)),
        "Survey type": pc.if_else(pa.array(nps), "NPS", "CSAT"),
        "Response value": pa.array(values.astype(str)),
        "Response": pc.if_else(pa.array(commented), _pick(rng, [
            "Ótimo atendimento, equipe rápida", "Sistema lento no fechamento do mês",
            "Gostaria de mais treinamentos; \"relatórios\" confusos", "Muito bom!"], surveys), ""),
        "Submission date": _stamps(rng.integers(0, SPAN_MINUTES, surveys)),
    })

    _write(directory / "releases.csv", {
        "Date": _stamps(np.arange(20) * 30 * 1440),
        "Title": pa.array([f"Versão 5.{i}" for i in range(20)]),
        "Description": pa.array(["Melhorias de desempenho e correções"] * 20),
    })

    who = rng.integers(0, clients, actions)
    _write(directory / "plano-de-acao.csv", {
        "Company ID": pa.array(ids[who].astype(str)),
        "Action": _pick(rng, ["Validar cadastro de ativos", "Agendar treinamento",
                              "Revisar indicadores", "Enviar proposta de expansão"], actions),
        "Owner": _pick(rng, OWNERS, actions),
        "Due date": _stamps(rng.integers(0, SPAN_MINUTES, actions)),
        "Status": _pick(rng, ["Aberta", "Concluída"], actions),
        "Meeting date": _stamps(rng.integers(0, SPAN_MINUTES, actions)),
    })
    (directory / "deckgen.toml").write_text(CONFIG, encoding="utf-8")
    return directory


def main() -> None:
    """Write the default portfolio into ``bench/data`` (or the folder given)."""
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH_DATA
    make_portfolio(directory)
    print(f"wrote {directory}")


if __name__ == "__main__":
    main()
