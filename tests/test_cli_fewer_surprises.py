"""Fewer surprises for a first build: the default period stops where the exports stop, a
churned client built alone is noted, a misspelt client gets the closest names."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from click.testing import CliRunner

from deckgen.cli import main
from deckgen.config import load_config
from deckgen.indicators.period import resolve_period
from deckgen.model.review import Period

GCERTIFICA = Path(__file__).resolve().parents[1] / "sample_data" / "gcertifica"
DECEMBER = str(int(datetime(2026, 12, 1, 12, tzinfo=UTC).timestamp()))


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"SOURCE_DATE_EPOCH": DECEMBER}).invoke(
        main, ["build", *args, "--data", str(GCERTIFICA)])
    return result.exit_code, result.output


def test_the_default_period_ends_with_the_exports_and_says_so(tmp_path: Path) -> None:
    code, output = _build("Horizonte", "--out", str(tmp_path))
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == "Construtora Horizonte Azul S.A.: 18/08/2026–20/11/2026"
    assert lines[1] == ("  note: the exports end on 20/11/2026, before today: the period ends "
                        "there (--period chooses another)")
    assert any(line.endswith("2026-11-20-revisao.pptx") for line in lines)


def test_a_given_period_is_kept_without_a_note(tmp_path: Path) -> None:
    code, output = _build("Horizonte", "--period", "2026-08-18..2026-11-30",
                          "--out", str(tmp_path))
    assert code == 0, output
    assert "note:" not in output and "18/08/2026–30/11/2026" in output


def test_the_data_end_only_moves_a_default_period_back() -> None:
    config = load_config(GCERTIFICA)
    today, last = date(2026, 12, 1), date(2026, 11, 20)
    assert resolve_period(config, None, today=today, data_end=last) == Period(
        date(2026, 8, 23), last)
    assert resolve_period(config, None, today=today, data_end=date(2026, 12, 5)) == Period(
        date(2026, 9, 3), today)
    assert resolve_period(config, None, today=today, start=date(2026, 11, 1),
                          data_end=last) == Period(date(2026, 11, 1), today)


def test_a_churned_client_built_alone_gets_a_note(tmp_path: Path) -> None:
    code, output = _build("Energia", "--period", "2026-08-18..2026-11-15",
                          "--out", str(tmp_path))
    assert code == 0, output
    assert ("  note: Energia Solar Planalto Ltda churned on 05/10/2026; built anyway "
            "(build --all skips churned clients)") in output.splitlines()


def test_a_misspelt_word_of_a_name_gets_the_closest_name(tmp_path: Path) -> None:
    code, output = _build("Horizontee", "--out", str(tmp_path))
    assert code == 1
    assert output == ("Error: no client matches 'Horizontee' among 6 companies; closest: "
                      "Construtora Horizonte Azul S.A.\n")
