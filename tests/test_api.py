"""``deckgen.api.Workspace``: the README's example, one read of the exports, the CLI's own path."""

from __future__ import annotations

import contextlib
import io
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

import deckgen.api
from deckgen import clock
from deckgen.api import Workspace, publish_title
from deckgen.cli import main
from deckgen.errors import ClientNotFound, ConfigError, RenderError
from deckgen.sources.clients import export_client

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "sample_data" / "gcertifica"
EPOCH = "1795176000"  # 2026-11-20 12:00 UTC, the export date of the sample
START, END = date(2026, 8, 18), date(2026, 11, 15)
FARMAVIDA = "rede-farmavida-drogarias-ltda"
TUCANO = "tucano-logistica-e-transportes-ltda"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## From Python\n.*?^```python\n(.*?)^```", readme, re.S | re.M)
    assert found, "README.md has no python example under '## From Python'"
    return found.group(1)


def _deck_text(path: Path) -> str:
    deck = Presentation(str(path))
    return "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                     if shape.has_text_frame)


def test_the_readme_example_runs_as_written(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    code = _readme_example()
    assert len(code.strip().splitlines()) <= 12
    (tmp_path / "sample_data").symlink_to(ROOT / "sample_data")
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own code
    assert printed.getvalue().splitlines() == [
        "Rede Farmavida Drogarias Ltda 2026-11-15-revisao.pptx indicadores.xlsx",
        "2026-11-15-review.pptx 2026-11-15-ata-revisao.docx",
        "2026-11-20-kickoff-interno.docx 2026-11-20-passagem-de-bastao.docx "
        "2026-11-15-portfolio.pptx",
    ]
    out = tmp_path / "out"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "portfolio/2026-11-15-portfolio.pptx",
        "portfolio/2026-11-15-portfolio.xlsx",
        f"{FARMAVIDA}/2026-11-15-ata-revisao.docx",
        f"{FARMAVIDA}/2026-11-15-ata-revisao.html",
        f"{FARMAVIDA}/2026-11-15-review.pptx",
        f"{FARMAVIDA}/2026-11-15-revisao.pptx",
        f"{FARMAVIDA}/indicadores.xlsx",
        f"{FARMAVIDA}/indicators.xlsx",
        f"{TUCANO}/2026-11-20-kickoff-interno.docx",
        f"{TUCANO}/2026-11-20-passagem-de-bastao.docx",
    ]
    text = _deck_text(out / FARMAVIDA / "2026-11-15-revisao.pptx")
    assert "Rede Farmavida Drogarias Ltda" in text and "18/08/2026" in text
    english = _deck_text(out / FARMAVIDA / "2026-11-15-review.pptx")
    assert "Rede Farmavida Drogarias Ltda" in english and "8/18/2026" in english


def test_the_exports_are_read_once_for_every_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[object] = []
    real = deckgen.api.load_workspace

    def counting(*args: object, **kwargs: object) -> object:
        reads.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deckgen.api, "load_workspace", counting)
    ws = Workspace(DATA, out=tmp_path)
    assert reads == []  # the configuration only, until a document needs the exports
    ws.review("Farmavida", start=START, end=END)
    ws.review("Farmavida", start=START, end=END, language="en")
    ws.minutes("Farmavida", start=START, end=END)
    ws.kickoff("Tucano")
    ws.client_kickoff("Tucano")
    ws.handoff("Tucano")
    assert len(reads) == 1


def test_the_api_writes_what_the_command_writes(tmp_path: Path) -> None:
    by_api = Workspace(DATA, language="en", out=tmp_path / "api").review(
        "Farmavida", start=START, end=END)
    result = CliRunner().invoke(main, [
        "build", "Farmavida", "--data", str(DATA), "--lang", "en", "--period",
        "2026-08-18..2026-11-15", "--out", str(tmp_path / "cli")], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    assert by_api.deck.name == "2026-11-15-review.pptx"
    for built in (by_api.deck, by_api.workbook):
        twin = tmp_path / "cli" / FARMAVIDA / built.name
        assert twin.read_bytes() == built.read_bytes()


def test_today_comes_from_the_clock_unless_given(tmp_path: Path) -> None:
    ws = Workspace(DATA, out=tmp_path)
    assert ws.kickoff("Tucano").name == "2026-11-20-kickoff-interno.docx"
    assert ws.kickoff("Tucano", today=date(2026, 12, 1)).name == "2026-12-01-kickoff-interno.docx"
    built = ws.review("Farmavida")  # since the last review meeting, up to today
    assert built.report.period.end == date(2026, 11, 20)


def test_unknown_language_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^unknown language 'fr'; deckgen writes en, pt-BR$"):
        Workspace(DATA, language="fr")
    with pytest.raises(ConfigError, match=r"^unknown language 'es'"):
        Workspace(DATA, out=tmp_path).kickoff("Tucano", language="es")
    assert not any(tmp_path.iterdir())


def test_a_call_in_another_language_leaves_the_workspace_in_its_own(tmp_path: Path) -> None:
    ws = Workspace(DATA, out=tmp_path)
    assert ws.handoff("Tucano", language="en").name == "2026-11-20-handover.docx"
    assert ws.handoff("Tucano").name == "2026-11-20-passagem-de-bastao.docx"
    assert ws.language == "pt-BR"


def test_english_workspace_names_its_files_in_english(tmp_path: Path) -> None:
    ws = Workspace(DATA, language="en", out=tmp_path)
    assert ws.language == "en"
    assert ws.handoff("Tucano").name == "2026-11-20-handover.docx"


def test_unwritable_output_fails_before_reading_the_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the exports were read")

    monkeypatch.setattr(deckgen.api, "load_workspace", no_read)
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    ws = Workspace(DATA, out=blocker / "decks")
    with pytest.raises(RenderError, match=r"decks: output folder is not writable$"):
        ws.review("Farmavida")


def test_due_and_select_use_the_clock() -> None:
    ws = Workspace(DATA, sources=())
    due = ws.due()
    assert due == ws.due(on=date(2026, 11, 20))
    assert sorted(ws.select(due=True)["company_id"]) == sorted(d.review.client_id for d in due)
    assert len(ws.select()) == 6


def test_company_comes_from_the_export_or_is_a_hubspot_id() -> None:
    ws = Workspace(DATA, sources=())
    assert ws.company("farmavida") == ("21457893254", "Rede Farmavida Drogarias Ltda")
    assert ws.company("99", dry_run=True) == ("99", "99")  # only HubSpot could name it
    with pytest.raises(ClientNotFound, match="no client matches 'Zebra'"):
        ws.company("Zebra")


def test_export_client_tells_a_hubspot_only_id_from_an_unknown_name() -> None:
    companies = Workspace(DATA, sources=()).tables.companies
    assert export_client(companies, " 21457893254 ") == ("21457893254",
                                                         "Rede Farmavida Drogarias Ltda")
    assert export_client(companies, "123") is None
    with pytest.raises(ClientNotFound):
        export_client(companies, "Zebra")


def test_publish_title_is_the_client_and_the_day() -> None:
    assert publish_title("Padaria Pão Quente", date(2026, 5, 10)) == "Padaria Pão Quente 10/05/2026"


@pytest.mark.parametrize(("epoch", "day"), [(EPOCH, date(2026, 11, 20)),
                                            (" 0 ", date(1970, 1, 1))])
def test_the_clock_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch, epoch: str,
                                             day: date) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert clock.build_date() == day
    assert clock.now().date() == day and clock.now().utcoffset() is not None


def test_the_clock_ignores_a_malformed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert clock.source_date_epoch() is None
    assert clock.build_date() == date.today()
