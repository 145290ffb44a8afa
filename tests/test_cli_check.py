"""``deckgen check``: a summary of every source, and one line with exit 1 for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

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

COMPANIES = "Record ID,Company name,Cor\n101,Açaí Indústria Ltda,azul\n102,Beta SA,verde\n"
TICKETS = (
    "Ticket ID;Pipeline;Ticket status;Priority;Category;Create date;Close date;Cliente\n"
    "1;Suporte;Closed;HIGH;Erro;20/11/2026 10:00;21/11/2026 10:00;Beta SA\n"
    "2;Suporte;Open;LOW;;05/10/2026 09:00;;açaí indústria ltda\n"
    "3;Outro;Open;LOW;;06/10/2026 09:00;;Beta SA\n"
)
SURVEYS = (
    "Survey type,Response value,Submission date,Associated Company IDs\nNPS,10,2026-11-01,101\n"
)


def _write(folder: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    files = {"companies.csv": COMPANIES, "tickets.csv": TICKETS, "surveys.csv": SURVEYS, **files}
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    (folder / "deckgen.toml").write_text(config, encoding="utf-8")
    return folder


def _check(folder: Path):
    return CliRunner().invoke(main, ["check", "--data", str(folder)])


def test_a_good_workspace_is_summarised(tmp_path):
    result = _check(_write(tmp_path, {}))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    config = tmp_path / "deckgen.toml"
    assert lines[0] == f"configuration: {config} (Acme, pt-BR, America/Sao_Paulo)"
    assert "companies: companies.csv: 2 rows, 2 clients" in lines
    assert "  columns ignored: Cor" in lines
    assert "tickets: tickets.csv: 3 rows, 2 clients, 05/10/2026 to 20/11/2026" in lines
    assert "  read as encoding utf-8, delimiter ';'" in lines
    assert "surveys: surveys.csv: 1 rows, 1 clients, 01/11/2026 to 01/11/2026" in lines
    assert "releases: unavailable: not configured ([sources] releases = \"...\")" in lines
    assert "indicators that will be missing:" in lines
    assert "  tempo de primeira resposta: sem coluna de primeira resposta" in lines
    assert ("  cumprimento de SLA: sem coluna de status de SLA e sem metas em [sla] targets"
            in lines)
    assert "  CSAT: nenhuma resposta do tipo CSAT" in lines
    assert "  chamados por urgência: sem coluna de prioridade" not in lines
    assert lines[-1] == "ok: every source can be read"
    assert result.stderr == (
        "warning: tickets: pipeline values matching no stream: 'Outro' (add them to a stream's "
        "match list)\n"
        "warning: tickets: [tickets] closed_statuses is not set; a ticket counts as closed when "
        "it has a close date (list the statuses that mean closed)\n"
    )


def test_a_declared_field_is_read_and_no_longer_ignored(tmp_path):
    config = CONFIG + '\n[fields.color]\nheaders = ["Cor"]\n'
    result = _check(_write(tmp_path, {}, config))
    assert result.exit_code == 0, result.output
    assert "  columns ignored: Cor" not in result.stdout.splitlines()


def test_closed_statuses_decide_what_is_open(tmp_path):
    config = CONFIG + '\n[tickets]\nclosed_statuses = ["Closed"]\n'
    result = _check(_write(tmp_path, {}, config))
    assert result.exit_code == 0, result.output
    assert "closed_statuses" not in result.stderr
    assert "demandas em aberto" not in result.stdout
    result = _check(_write(tmp_path, {"tickets.csv": TICKETS.replace("Ticket status;", "X;")},
                           config))
    assert "  demandas em aberto: sem coluna de status do ticket" in result.stdout.splitlines()


def test_english_workspace_reasons(tmp_path):
    config = CONFIG.replace('name = "Acme"', 'name = "Acme"\nlanguage = "en"')
    result = _check(_write(tmp_path, {}, config))
    assert result.exit_code == 0, result.output
    assert "  first response time: no first response column" in result.stdout.splitlines()
    assert "tickets: tickets.csv: 3 rows, 2 clients, 2026-10-05 to 2026-11-20" in result.stdout


def test_sla_targets_make_compliance_available(tmp_path):
    config = CONFIG + '\n[[sla.targets]]\nstream = "support"\nresolution_hours = 24\n'
    result = _check(_write(tmp_path, {}, config))
    assert result.exit_code == 0, result.output
    assert "cumprimento de SLA" not in result.stdout


def test_control_characters_in_text_are_removed_without_error(tmp_path):
    tickets = TICKETS.replace("Beta SA\n", "Beta\x00 SA\x1f\n", 1)
    result = _check(_write(tmp_path, {"tickets.csv": tickets}))
    assert result.exit_code == 0, result.output
    assert "tickets: tickets.csv: 3 rows, 2 clients" in result.stdout


BAD_DATE = TICKETS.replace("06/10/2026 09:00", "amanhã")


@pytest.mark.parametrize(
    ("files", "config", "message"),
    [
        (
            {"tickets.csv": TICKETS.encode("cp1252") + b"4;Suporte;Open;LOW;;x;;Caf\x8d\n"},
            CONFIG,
            "tickets.csv, row 5: not UTF-8 or Windows-1252 text: byte 0x8D at offset {offset}; "
            'set encoding (e.g. "latin-1") for this source in the configuration',
        ),
        (
            {"tickets.csv": TICKETS.replace("Ticket ID;", "Número;")},
            CONFIG,
            "tickets.csv: missing required column 'ticket_id' (a header such as 'Ticket ID', "
            "'ID do ticket', 'hs_object_id', or an alias in [columns.tickets]); headers found: "
            "'Número', 'Pipeline', 'Ticket status', 'Priority', 'Category', 'Create date', "
            "'Close date', 'Cliente'",
        ),
        (
            {"tickets.csv": BAD_DATE},
            CONFIG,
            "tickets.csv, row 4, column 'Create date': expected a date (YYYY-MM-DD HH:MM, "
            "ISO 8601, DD/MM/YYYY [HH:MM] or an Excel serial number), found 'amanhã'",
        ),
        ({"surveys.csv": b""}, CONFIG, "surveys.csv: file is empty"),
        (
            {"tickets.csv": TICKETS.replace("Close date", "Create Date")},
            CONFIG,
            "tickets.csv, column 'Create Date': duplicated header 'Create date' and "
            "'Create Date' (both would feed 'created_at'); rename or remove one",
        ),
        (
            {"tickets.csv": TICKETS.replace("HIGH", "Altíssima")},
            CONFIG,
            "tickets.csv, row 2, column 'Priority': expected a priority (LOW, MEDIUM, HIGH, "
            "URGENT, Baixa, Média, Alta, Urgente, Crítica), found 'Altíssima'",
        ),
        (
            {},
            CONFIG + '\n[[sla.targets]]\nstream = "suporte"\nresolution_hours = 8\n',
            "{config}: (top level): sla.targets[0].stream: unknown stream 'suporte' "
            "(did you mean 'support'?); streams are support",
        ),
        (
            {},
            CONFIG.replace('companies = "companies.csv"', 'companies = "empresas-*.csv"'),
            "empresas-*.csv: companies file not found: no file matches 'empresas-*.csv' in "
            "{folder}",
        ),
        (
            {},
            CONFIG + '\n[fields.color]\nkind = "colour"\nheaders = ["Cor"]\n',
            "{config}: fields.color.kind: Input should be 'text', 'int', 'float', 'date', "
            "'bool' or 'list'",
        ),
        (
            {},
            CONFIG + '\n[fields.color]\nkind = "int"\nheaders = ["Cor"]\n',
            "companies.csv, row 2, column 'Cor': expected a number such as 12,5 or 1.234,5, "
            "found 'azul'",
        ),
        (
            {},
            CONFIG + '\n[columns.companies]\ncolour = ["Cor"]\n',
            "{config}: columns.companies.colour: unknown column",
        ),
    ],
    ids=["encoding", "missing-id", "bad-date", "empty", "duplicate", "priority", "stream",
         "no-companies", "field-kind", "field-value", "unknown-column"],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path, files, config, message):
    folder = _write(tmp_path, files, config)
    result = _check(folder)
    offset = (folder / "tickets.csv").read_bytes().find(b"\x8d")
    expected = message.format(
        offset=offset, config=folder / "deckgen.toml", folder=folder
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: {expected}\n"
    assert "Traceback" not in result.output
    assert result.stdout.count("\n") <= 1
