"""``deckgen build`` says why a section is empty in one of three distinct ways: no target
configured, no rows in the period, the export lacks a column."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from deckgen.cli import main
from tests.test_cli_check import CONFIG, _write

TARGETS = """
[[sla.targets]]
stream = "support"
first_response_hours = 8
resolution_hours = 48
"""


def _warnings(folder: Path, period: str, out: Path) -> list[str]:
    result = CliRunner().invoke(main, ["build", "Beta SA", "--data", str(folder),
                                       "--period", period, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return [line for line in result.stderr.splitlines() if "warning:" in line]


def test_no_target_configured(tmp_path: Path) -> None:
    folder = _write(tmp_path, {})
    warnings = _warnings(folder, "2026-10-01..2026-11-30", tmp_path / "out")
    assert "  warning: Suporte: sem metas de SLA configuradas" in warnings
    assert not any("chamados" in w or "fechamento" in w for w in warnings)


def test_no_tickets_in_the_period_is_not_a_lack_of_sla_data(tmp_path: Path) -> None:
    folder = _write(tmp_path, {}, CONFIG + TARGETS)
    warnings = _warnings(folder, "2024-01-01..2024-03-31", tmp_path / "out")
    assert warnings[0] == ("  warning: sem chamados abertos ou fechados no período "
                           "01/01/2024–31/03/2024")
    assert not any("SLA" in w for w in warnings)


def test_the_export_lacks_a_column(tmp_path: Path) -> None:
    tickets = ("Ticket ID;Pipeline;Ticket status;Create date;Cliente\n"
               "1;Suporte;Open;20/11/2026 10:00;Beta SA\n")
    folder = _write(tmp_path, {"tickets.csv": tickets}, CONFIG + TARGETS)
    warnings = _warnings(folder, "2026-10-01..2026-11-30", tmp_path / "out")
    assert "  warning: Suporte: sem data de fechamento nesta exportação" in warnings
    assert not any("chamados" in w or "metas" in w for w in warnings)


def test_no_tickets_in_the_period_in_english(tmp_path: Path) -> None:
    folder = _write(tmp_path, {}, CONFIG + TARGETS)
    result = CliRunner().invoke(main, ["build", "Beta SA", "--data", str(folder), "--lang", "en",
                                       "--period", "2024-01-01..2024-03-31",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert ("  warning: no tickets created or closed in the period 1/1/2024–3/31/2024"
            in result.stderr.splitlines())


def test_no_survey_answers_in_the_period(tmp_path: Path) -> None:
    folder = _write(tmp_path, {}, CONFIG + TARGETS)
    assert ("  warning: sem respostas de pesquisa no período 01/10/2026–30/11/2026"
            in _warnings(folder, "2026-10-01..2026-11-30", tmp_path / "out"))


def test_closed_tickets_without_sla_status_and_no_target_are_said_so(tmp_path: Path) -> None:
    tickets = ("Ticket ID;Pipeline;Ticket status;Create date;Close date;Cliente;SLA status\n"
               "1;Suporte;Closed;20/11/2026 10:00;21/11/2026 10:00;Beta SA;\n")
    folder = _write(tmp_path, {"tickets.csv": tickets})
    warnings = _warnings(folder, "2026-10-01..2026-11-30", tmp_path / "out")
    assert ("  warning: Suporte: os chamados fechados no período não têm status de SLA e não há "
            "metas em [sla] targets que se apliquem a eles") in warnings
