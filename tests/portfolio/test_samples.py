"""``deckgen portfolio`` on the two sample workspaces, as CS Ops would run it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.mark.parametrize(("workspace", "lang", "churn"), [
    ("gcertifica", "pt-BR", "logo churn 20,0%"),  # 1 of 5 active clients lost (Energia Solar)
    ("sismetro", "en", "logo churn —"),  # the churn column is empty: unknown, never 0
])
def test_portfolio_of_a_sample_workspace(tmp_path: Path, workspace: str, lang: str,
                                         churn: str) -> None:
    result = CliRunner().invoke(main, [
        "portfolio", "--data", str(SAMPLES / workspace), "--lang", lang,
        "--period", "2026-08-18..2026-11-15", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert churn in result.output
    deck = tmp_path / "portfolio" / "2026-11-15-portfolio.pptx"
    assert len(Presentation(str(deck)).slides) > 3
    book = openpyxl.load_workbook(tmp_path / "portfolio" / "2026-11-15-portfolio.xlsx")
    summary = book.worksheets[0]
    assert summary.freeze_panes == "A2"
    churn_row = next(row for row in summary.iter_rows(values_only=True)
                     if row[0] in ("Churn de logos (%)", "Logo churn (%)"))
    assert churn_row[1] == (20.0 if workspace == "gcertifica" else None)
