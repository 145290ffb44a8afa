"""``deckgen check`` teaches: what an ignored column resembles and feeds, the folder and
configuration it needs, the dates it read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from deckgen.cli import main
from tests.test_cli_check import COMPANIES, CONFIG, SURVEYS, _write

TICKETS = (
    "Ticket ID;Pipeline;Ticket status;Create date;Close date;Cliente;Estimativa de HH\n"
    "1;Suporte;Closed;20/11/2026 10:00;21/11/2026 10:00;Beta SA;4,5\n"
    "2;Suporte;Open;05/10/2026 09:00;;Beta SA;2\n"
)


def test_an_ignored_column_names_its_look_alike_the_line_to_add_and_what_it_feeds(
    tmp_path: Path,
) -> None:
    folder = _write(tmp_path, {"companies.csv": COMPANIES, "tickets.csv": TICKETS,
                               "surveys.csv": SURVEYS},
                    CONFIG.replace('tickets = "tickets.csv"',
                                   'tickets = { path = "tickets.csv", day_first = true }'))
    result = CliRunner().invoke(main, ["check", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ("  'Estimativa de HH' looks like estimated_hours (known header 'Estimativa HH'): "
            'add estimated_hours = ["Estimativa de HH"] under [columns.tickets]; '
            "it would feed: estimativa de HH") in lines
    assert "  dates: day-first (DD/MM/YYYY), as configured" in lines
    assert "the exports cover 05/10/2026 to 20/11/2026" in lines


def test_a_folder_without_configuration_points_to_init(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (f"Error: no deckgen.toml in {tmp_path} — "
                             f"run `deckgen init {tmp_path}`\n")


def test_a_missing_folder_is_said_so(tmp_path: Path) -> None:
    missing = tmp_path / "exports"
    result = CliRunner().invoke(main, ["check", "--data", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: folder not found\n"
