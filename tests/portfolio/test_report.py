"""The CS Ops report against hand counts, and the deck and workbook read back."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from tables import make_config, make_workspace

from deckgen.cli import main
from deckgen.indicators.portfolio_report import compute_portfolio
from deckgen.indicators.review import compute_review
from deckgen.model.review import Period
from deckgen.pipelines.portfolio_report import write_portfolio
from deckgen.sources.workspace import Workspace

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))  # previous: 2026-03-31..2026-06-30
TODAY = date(2026, 10, 5)

COMPANIES: list[dict[str, Any]] = [
    {"company_id": "1", "name": "Alfa", "owner_cs": "Lucas", "phase": "Cliente ativo",
     "customer_since": "2025-01-10", "last_meeting": "2026-07-01", "meeting_interval_days": 90},
    # due Sep 29: 6 days late on TODAY
    {"company_id": "2", "name": "Beta", "owner_cs": "Lucas", "customer_since": "2025-03-01",
     "churned_on": "2026-08-15"},  # active on Jul 1, lost in Q3
    {"company_id": "3", "name": "Gama", "owner_cs": "Daielly", "customer_since": "2024-02-01",
     "last_meeting": "2026-08-01", "meeting_interval_days": 30},  # due Aug 31: 35 days late
    {"company_id": "4", "name": "Delta", "owner_cs": "Daielly", "customer_since": "2024-05-05",
     "churned_on": "2026-05-20"},  # lost in the previous period
]
ANSWERS: list[dict[str, Any]] = [
    # Alfa: Q3 NPS 10, 3 → 0; before: 10, 10 → 100 (falling)
    {"company_id": "1", "survey_type": "NPS", "value": 10, "submitted_at": "2026-07-02"},
    {"company_id": "1", "survey_type": "NPS", "value": 3, "submitted_at": "2026-09-03"},
    {"company_id": "1", "survey_type": "NPS", "value": 10, "submitted_at": "2026-05-02"},
    {"company_id": "1", "survey_type": "NPS", "value": 10, "submitted_at": "2026-06-02"},
    # Beta: Q3 NPS 9 → 100; CSAT 5, 2 → 50.0
    {"company_id": "2", "survey_type": "NPS", "value": 9, "submitted_at": "2026-08-02"},
    {"company_id": "2", "survey_type": "CSAT", "value": 5, "submitted_at": "2026-07-05"},
    {"company_id": "2", "survey_type": "CSAT", "value": 2, "submitted_at": "2026-07-06"},
    # Gama: Q3 NPS 10, 8 → 50; before 6 → -100 (rising)
    {"company_id": "3", "survey_type": "NPS", "value": 10, "submitted_at": "2026-08-20"},
    {"company_id": "3", "survey_type": "NPS", "value": 8, "submitted_at": "2026-08-21"},
    {"company_id": "3", "survey_type": "NPS", "value": 6, "submitted_at": "2026-04-21"},
]
TICKETS: list[dict[str, Any]] = [
    # Gama, support, 24 h target: one closed in 10 h, one in 48 h (missed); one still open
    {"ticket_id": "t1", "company_id": "3", "stream": "suporte", "status": "Fechado",
     "created_at": "2026-07-10 09:00", "closed_at": "2026-07-10 19:00"},
    {"ticket_id": "t2", "company_id": "3", "stream": "suporte", "status": "Fechado",
     "created_at": "2026-07-11 09:00", "closed_at": "2026-07-13 09:00"},
    {"ticket_id": "t3", "company_id": "3", "stream": "suporte", "status": "Aberto",
     "created_at": "2026-09-20 09:00"},
    # Alfa: one support ticket in the previous period, closed in time
    {"ticket_id": "t4", "company_id": "1", "stream": "suporte", "status": "Fechado",
     "created_at": "2026-05-10 09:00", "closed_at": "2026-05-10 12:00"},
]
CONFIG = make_config(sla={"targets": [{"stream": "suporte", "resolution_hours": 24}]},
                     portfolio={"nps_drop": 10, "csat_drop": 10, "sla_below": 80})


def workspace() -> Workspace:
    return make_workspace(CONFIG, companies=COMPANIES, surveys=ANSWERS, tickets=TICKETS)


def test_portfolio_figures_against_hand_counts() -> None:
    report = compute_portfolio(workspace(), Q3, today=TODAY)
    # active on Jul 1: Alfa, Beta, Gama → Beta lost: 1 of 3 = 33.3%; before: Delta, 1 of 4
    assert (report.churn.lost, report.churn.active_at_start, report.churn.rate) == (1, 3, 33.3)
    assert report.churn.clients_lost == ["Beta"]
    assert report.churn_previous.rate == 25.0
    # the portfolio: NPS 10, 3, 9, 10, 8 → 3 promoters, 1 detractor of 5 → 40
    assert (report.nps.value, report.nps_answers) == (40, 5)
    # before: 10, 10, 6 → 2 promoters, 1 detractor of 3 → 33
    assert report.nps.previous == 33
    assert (report.csat_satisfied.value, report.csat_answers) == (50.0, 2)
    assert (report.sla_compliance.value, report.sla_compliance.previous) == (50.0, 100.0)
    csms = {c.csm: c for c in report.csms}
    # Lucas (Alfa, Beta): 10, 3, 9 → 2 promoters, 1 detractor of 3 → 33; Daielly: 10, 8 → 50
    assert (csms["Lucas"].clients, csms["Lucas"].nps.value, csms["Lucas"].nps_answers) == (2, 33, 3)
    assert (csms["Daielly"].nps.value, csms["Daielly"].nps.previous) == (50, -100)
    assert [c.name for c in report.clients] == ["Alfa", "Beta", "Gama"]  # Delta left before Q3
    alfa, beta, gama = report.clients
    assert (alfa.nps.value, alfa.nps.previous, alfa.flags) == (0, 100, ["nps_down"])
    assert (beta.csat_satisfied.value, beta.churned, beta.flags) == (50.0, True, [])
    assert (gama.sla_compliance.value, gama.sla_missed, gama.flags) == (50.0, 1, ["sla_below"])
    assert (gama.tickets_created.value, gama.open_at_end) == (3, 1)
    assert [c.name for c in report.flagged] == ["Alfa", "Gama"]
    # Gama: Aug 1 + 30 = Aug 31, 35 days before Oct 5; Alfa: Jul 1 + 90 = Sep 29, 6 days
    assert [(d.name, d.days_overdue) for d in report.due] == [("Gama", 35), ("Alfa", 6)]
    support = report.streams[0]
    assert (support.created.value, support.created.previous, support.closed.value) == (3, 1, 2)


def test_flags_only_from_configured_thresholds_never_for_churned_clients() -> None:
    falling = {"company_id": "2", "survey_type": "NPS", "value": 0, "submitted_at": "2026-08-03"}
    before = {"company_id": "2", "survey_type": "NPS", "value": 10,
              "submitted_at": "2026-05-03"}
    space = make_workspace(CONFIG, companies=COMPANIES, surveys=[*ANSWERS, falling, before],
                           tickets=TICKETS)
    beta = compute_portfolio(space, Q3, today=TODAY).clients[1]
    assert (beta.name, beta.nps.delta, beta.churned, beta.flags) == ("Beta", -100, True, [])
    unset = make_config(sla={"targets": [{"stream": "suporte", "resolution_hours": 24}]})
    report = compute_portfolio(make_workspace(unset, companies=COMPANIES, surveys=ANSWERS,
                                              tickets=TICKETS), Q3, today=TODAY)
    assert report.flagged == [] and not report.thresholds.any
    # a fall smaller than the threshold is no flag: Alfa's NPS fell 100 points
    strict = make_config(sla={"targets": [{"stream": "suporte", "resolution_hours": 24}]},
                         portfolio={"nps_drop": 101})
    report = compute_portfolio(make_workspace(strict, companies=COMPANIES, surveys=ANSWERS,
                                              tickets=TICKETS), Q3, today=TODAY)
    assert report.flagged == []


def test_client_figures_match_the_review_deck() -> None:
    space = workspace()
    report = compute_portfolio(space, Q3, today=TODAY)
    for client in report.clients:
        review = compute_review(space, client.client_id, Q3, today=TODAY)
        assert client.nps == review.nps.score
        assert client.csat_satisfied == review.csat.satisfied
        assert client.open_at_end == len(review.open_demands)


def test_owner_limits_every_figure() -> None:
    report = compute_portfolio(workspace(), Q3, today=TODAY, owner="daielly")
    assert [c.name for c in report.clients] == ["Gama"]
    assert (report.churn.lost, report.churn.active_at_start) == (0, 1)
    assert [c.csm for c in report.csms] == ["Daielly"] and report.nps.value == 50


def shape_text(slide: object, name: str) -> str:
    shape = next(s for s in slide.shapes if s.name == name)  # type: ignore[attr-defined]
    return str(shape.text_frame.text)


def table_rows(slide: object, name: str) -> list[list[str]]:
    shape = next(s for s in slide.shapes if s.name == name)  # type: ignore[attr-defined]
    return [[cell.text for cell in row.cells] for row in shape.table.rows]


@pytest.mark.pdf
def test_deck_and_workbook_show_the_model(tmp_path: Path) -> None:
    report = compute_portfolio(workspace(), Q3, today=TODAY)
    built = write_portfolio(report, CONFIG, tmp_path)
    assert built.deck.name == "2026-09-30-portfolio.pptx"
    slides = list(Presentation(str(built.deck)).slides)
    summary = slides[1]
    assert shape_text(summary, "KPI churn").splitlines()[1] == "33,3%"
    assert "1 de 3 clientes no início do período" in shape_text(summary, "KPI churn")
    assert shape_text(summary, "KPI NPS").splitlines()[1] == "40"
    assert shape_text(summary, "KPI due").splitlines()[1] == "2"
    assert shape_text(summary, "KPI flagged").splitlines()[1] == "2"
    csm = table_rows(slides[2], "table: csms")
    assert csm[1][:4] == ["Daielly", "2", "50", "+150"]
    assert csm[2][:3] == ["Lucas", "2", "33"]
    clients = next(s for s in slides if any(x.name == "table: clients" for x in s.shapes))
    assert [r[0] for r in table_rows(clients, "table: clients")[1:]] == ["Alfa", "Beta", "Gama"]
    assert table_rows(clients, "table: clients")[3][5] == "50,0%"
    book = openpyxl.load_workbook(built.workbook)
    assert [row[0].value for row in book["Por cliente"].iter_rows(min_row=3)] == [
        "Alfa", "Beta", "Gama"]
    assert book["Por cliente"]["A1"].value == "Por cliente — SISMETRO · 01/07/2026 – 30/09/2026"
    assert (book["Resumo"]["B3"].value, book["Resumo"]["B3"].number_format) == (33.3, '0.0"%"')
    assert book["Clientes em alerta"]["Q3"].value == "NPS em queda"
    if shutil.which("soffice") is None:
        pytest.skip("soffice (LibreOffice) is not installed: PDF page count not checked")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(built.deck.parent), str(built.deck)],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(built.deck.with_suffix(".pdf"))], check=True,
                          capture_output=True, text=True).stdout
    pages = next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:"))
    assert int(pages) == len(slides)


def test_portfolio_command_writes_deck_and_workbook(portfolio_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["portfolio", "--data", str(portfolio_dir), "--out",
                                       str(tmp_path), "--lang", "en", "--owner", "Carla Dias"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("portfolio of Carla Dias: 8/23/2026–11/20/2026, 4 clients")
    deck = tmp_path / "portfolio" / "2026-11-20-portfolio-carla-dias.pptx"
    assert lines[2] == f"  wrote {deck}" and deck.is_file()
    assert deck.with_suffix(".xlsx").is_file()
    first = Presentation(str(deck)).slides[0]
    assert "Carla Dias's portfolio · 4 active clients" in shape_text(first, "Cover details")
    title = first.shapes.title.text_frame.paragraphs[0]
    assert title.alignment == PP_ALIGN.LEFT  # like the review deck's cover, not centred


@pytest.mark.pdf
def test_portfolio_command_with_pdf(portfolio_dir: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("soffice (LibreOffice) is not installed")
    result = CliRunner().invoke(main, ["portfolio", "--data", str(portfolio_dir), "--out",
                                       str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "portfolio" / "2026-11-20-portfolio.pdf"
    assert result.stdout.splitlines()[-1] == f"  wrote {pdf}"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    pages = next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:"))
    assert int(pages) == len(Presentation(str(pdf.with_suffix(".pptx"))).slides)


def test_portfolio_pdf_without_libreoffice(
    portfolio_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    result = CliRunner().invoke(main, ["portfolio", "--data", str(portfolio_dir), "--out",
                                       str(tmp_path), "--pdf"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: --pdf needs LibreOffice, which is not installed "
        "(Debian/Ubuntu: apt-get install libreoffice-impress libreoffice-writer)"]
    assert list(tmp_path.iterdir()) == []  # nothing built before the check


def test_due_command_plain_output(portfolio_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["due", "--on", "2026-11-20", "--data", str(portfolio_dir),
                                  "--owner", "carla dias"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "3 reviews of carla dias due on or before 20/11/2026"
    assert lines[1].split("  ")[0] == "Client"
    # Sep 24 + 30 = Oct 24: 27 days late; Aug 27 + 60 = Oct 26: 25; Aug 19 + 90 = Nov 17: 3
    assert lines[2].split() == ["Cliente", "0001", "Relatório", "Ltda", "Carla", "Dias",
                                "Cliente", "ativo", "24/09/2026", "24/10/2026", "27"]
    assert [line.split()[1] for line in lines[2:]] == ["0001", "0004", "0000"]
    none = runner.invoke(main, ["due", "--on", "2026-10-01", "--data", str(portfolio_dir)])
    assert none.stdout == "no review due on or before 01/10/2026\n"
