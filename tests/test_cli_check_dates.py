"""``deckgen check`` says, for every date column, in which order its dates were read and
whether that order was configured, shown by the data, or taken by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from tests.test_cli_check import CONFIG, _write

HEAD = "Ticket ID;Pipeline;Ticket status;Create date;Close date;Cliente\n"


def _dates_lines(folder: Path) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.startswith("  dates: ")]


@pytest.mark.parametrize(("rows", "expected"), [
    ("1;Suporte;Closed;20/11/2026 10:00;21/11/2026 10:00;Beta SA\n",
     "  dates: 'Create date', 'Close date' day-first (DD/MM/YYYY), detected: a day above 12"),
    ("1;Suporte;Closed;11/20/2026 10:00;11/21/2026 10:00;Beta SA\n",
     "  dates: 'Create date', 'Close date' month-first (MM/DD/YYYY), detected: a day above 12"),
    ("1;Suporte;Closed;03/04/2026 10:00;04/04/2026 10:00;Beta SA\n",
     "  dates: 'Create date', 'Close date' day-first (DD/MM/YYYY) by default: no date has a "
     "part above 12 (if they are MM/DD, set day_first = false on [sources] tickets)"),
    ("1;Suporte;Closed;2026-04-03 10:00;2026-04-04 10:00;Beta SA\n",
     "  dates: 'Create date', 'Close date' YYYY-MM-DD or spreadsheet dates: no order to choose"),
])
def test_the_order_the_reader_chose_is_said_per_column(
    tmp_path: Path, rows: str, expected: str
) -> None:
    folder = _write(tmp_path, {"tickets.csv": HEAD + rows})
    assert expected in _dates_lines(folder)


def test_a_configured_order_is_said_as_configured(tmp_path: Path) -> None:
    config = CONFIG.replace('tickets = "tickets.csv"',
                            'tickets = { path = "tickets.csv", day_first = false }')
    folder = _write(tmp_path, {"tickets.csv": HEAD + "1;Suporte;Closed;03/04/2026;;Beta SA\n"},
                    config)
    assert ("  dates: 'Create date' month-first (MM/DD/YYYY), as configured"
            in _dates_lines(folder))


def test_columns_read_in_different_ways_get_one_line_each(tmp_path: Path) -> None:
    folder = _write(tmp_path, {
        "tickets.csv": HEAD + "1;Suporte;Closed;20/11/2026 10:00;2026-11-21 10:00;Beta SA\n"})
    assert _dates_lines(folder)[:2] == [
        "  dates: 'Create date' day-first (DD/MM/YYYY), detected: a day above 12",
        "  dates: 'Close date' YYYY-MM-DD or spreadsheet dates: no order to choose",
    ]
