"""``deckgen portfolio`` on the two sample workspaces, as CS Ops would run it."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main
from deckgen.config import load_config
from deckgen.indicators.portfolio_report import compute_portfolio
from deckgen.model.review import Period
from deckgen.pipelines.portfolio_report import write_portfolio
from deckgen.sources.workspace import load_workspace

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
    assert summary.freeze_panes == "A3"  # a title row, then the headers
    churn_row = next(row for row in summary.iter_rows(values_only=True)
                     if row[0] in ("Churn de logos (%)", "Logo churn (%)"))
    assert churn_row[1] == (20.0 if workspace == "gcertifica" else None)


@pytest.mark.parametrize("workspace", ["gcertifica", "sismetro"])
@pytest.mark.parametrize("lang", ["pt-BR", "en"])
def test_one_active_client_count_across_slides(tmp_path: Path, workspace: str, lang: str) -> None:
    """The cover, the summary's definition and the client list give one count; churn's base
    is named "at the start of the period", never "active"."""
    space = load_workspace(load_config(SAMPLES / workspace))
    period = Period(date(2026, 8, 18), date(2026, 11, 15))
    report = compute_portfolio(space, period, today=date(2026, 11, 20))
    built = write_portfolio(report, space.config, tmp_path, language=lang)
    slides = list(Presentation(str(built.deck)).slides)
    texts = {shape.name: shape.text_frame.text for slide in slides for shape in slide.shapes
             if shape.has_text_frame}
    active = report.active_clients
    assert active == 6
    assert f"· {active} " in texts["Cover details"]
    assert f" {active} " in texts["Active note"]
    rows = [row for slide in slides for shape in slide.shapes
            if shape.has_table and shape.name == "table: clients"
            for row in list(shape.table.rows)[1:]]
    assert len(rows) == active
    leads = [shape.text_frame.text for slide in slides for shape in slide.shapes
             if shape.name in ("Lead", "KPI churn")]
    assert not [t for t in leads if "ativos no início" in t or "active at" in t]


@pytest.mark.parametrize("workspace", ["gcertifica", "sismetro"])
def test_flags_show_their_threshold_and_skip_churned_clients(
    tmp_path: Path, workspace: str
) -> None:
    space = load_workspace(load_config(SAMPLES / workspace))
    period = Period(date(2026, 8, 18), date(2026, 11, 15))
    report = compute_portfolio(space, period, today=date(2026, 11, 20))
    assert report.thresholds.any
    assert report.flagged and all(not c.churned for c in report.flagged)
    assert len(report.flagged) < report.active_clients
    built = write_portfolio(report, space.config, tmp_path)
    deck = Presentation(str(built.deck))
    lead = next(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                if shape.name == "Lead" and "alerta" in shape.text_frame.text)
    assert "10 pontos" in lead and "80%" in lead
    cells = [cell.text for slide in deck.slides for shape in slide.shapes
             if shape.has_table for row in shape.table.rows for cell in row.cells]
    assert not [c for c in cells if re.fullmatch(r"-\d+", c)]  # a true minus, never a hyphen


def test_charts_scale_to_their_data_and_labels_stay_flat(tmp_path: Path) -> None:
    space = load_workspace(load_config(SAMPLES / "gcertifica"))
    period = Period(date(2026, 8, 18), date(2026, 11, 15))
    built = write_portfolio(compute_portfolio(space, period, today=date(2026, 11, 20)),
                            space.config, tmp_path)
    with zipfile.ZipFile(built.deck) as z:
        charts = [z.read(n).decode() for n in z.namelist()
                  if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
    assert charts
    for xml in charts:
        assert 'c:max val="100' not in xml and 'c:min val="-100' not in xml
        assert re.search(r"<c:catAx>.*<a:bodyPr rot=\"0\"", xml, re.S)


def test_workbook_sheets_are_short_titled_and_formatted(tmp_path: Path) -> None:
    space = load_workspace(load_config(SAMPLES / "sismetro"))
    period = Period(date(2026, 8, 18), date(2026, 11, 15))
    built = write_portfolio(compute_portfolio(space, period, today=date(2026, 11, 20)),
                            space.config, tmp_path, language="en")
    book = openpyxl.load_workbook(built.workbook)
    for sheet in book.worksheets:
        assert len(sheet.title) <= 31
        assert sheet["A1"].value.startswith(sheet.title + " — SISMETRO")
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    assert cell.number_format != "General", (sheet.title, cell.coordinate)
