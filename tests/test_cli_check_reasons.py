"""``deckgen check`` names the three reasons an indicator goes missing distinctly: no target
configured, no rows, the export lacks a column."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from deckgen.cli import main
from tests.test_cli_check import _write


def _missing(folder: Path) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    return lines[lines.index("indicators that will be missing:") + 1:]


def test_no_target_configured(tmp_path: Path) -> None:
    lines = _missing(_write(tmp_path, {}))
    assert ("  cumprimento de SLA: sem coluna de status de SLA e sem metas em [sla] targets"
            in lines)


def test_no_rows(tmp_path: Path) -> None:
    empty = "Ticket ID;Pipeline;Ticket status;Create date;Close date;Cliente\n"
    lines = _missing(_write(tmp_path, {"tickets.csv": empty}))
    assert "  chamados por stream: tickets sem linhas" in lines
    assert not any("metas" in line or "coluna" in line for line in lines if "chamados" in line)


def test_the_export_lacks_a_column(tmp_path: Path) -> None:
    lines = _missing(_write(tmp_path, {}))
    assert "  tempo de primeira resposta: sem coluna de primeira resposta" in lines
