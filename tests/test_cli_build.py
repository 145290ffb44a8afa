"""``deckgen build CLIENT``: what it prints, and one clear line with exit 1 for every error.

An error leaves nothing behind: no deck, no workbook, no client folder, and a deck built
before stays byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pptx import Presentation

from deckgen.cli import main
from deckgen.errors import ClientNotFound

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "sample_data" / "gcertifica"
PERIOD = "2026-08-18..2026-11-15"
EPOCH = "1795176000"  # 2026-11-20 12:00 UTC, the export date
FARMAVIDA = "rede-farmavida-drogarias-ltda"

def _build(*args: str, data: Path = DATA) -> Result:
    return CliRunner().invoke(main, ["build", *args, "--data", str(data)],
                              env={"SOURCE_DATE_EPOCH": EPOCH})


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes); empty folders show as ``name/``."""
    if not folder.exists():
        return {}
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_file():
            found[key] = path.read_bytes()
        elif not any(path.iterdir()):
            found[key + "/"] = b""
    return found


def _one_error_line(result: Result) -> str:
    """The error's single line on stderr, after checking exit 1, no traceback, no stdout."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


# ---------------------------------------------------------------------------------------------
# The happy path


def test_one_client_prints_period_files_and_warnings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    tickets = next(data.glob("hubspot-crm-exports-all-tickets-*.csv"))
    rows = tickets.read_text("utf-8").splitlines()
    column = rows[0].split(",").index("Category")
    # The sample's ticket rows have no quoted commas before the category column.
    tickets.write_text(
        "\n".join(",".join(c for i, c in enumerate(r.split(",")) if i != column) for r in rows)
        + "\n", encoding="utf-8",
    )
    out = tmp_path / "out"
    result = _build("Farmavida", "--period", PERIOD, "--out", str(out), data=data)
    assert result.exit_code == 0, result.output
    deck = out / FARMAVIDA / "2026-11-15-revisao.pptx"
    workbook = out / FARMAVIDA / "indicadores.xlsx"
    assert result.stdout.splitlines() == [
        "Rede Farmavida Drogarias Ltda: 18/08/2026–15/11/2026",
        f"  wrote {deck}",
        f"  wrote {workbook}",
    ]
    assert result.stderr.splitlines() == [
        "  warning: Suporte: sem dados de categoria nesta exportação",
        "  warning: Implantação: sem dados de categoria nesta exportação",
        "  warning: Tecnologia: sem dados de categoria nesta exportação",
    ]
    assert sorted(_files(out)) == [f"{FARMAVIDA}/2026-11-15-revisao.pptx",
                                   f"{FARMAVIDA}/indicadores.xlsx"]


def test_english_build_names_its_files_and_dates_in_english(tmp_path: Path) -> None:
    result = _build("21457893254", "--period", PERIOD, "--lang", "en", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "Rede Farmavida Drogarias Ltda: 8/18/2026–11/15/2026",
        f"  wrote {tmp_path / FARMAVIDA / '2026-11-15-review.pptx'}",
        f"  wrote {tmp_path / FARMAVIDA / 'indicators.xlsx'}",
    ]


# ---------------------------------------------------------------------------------------------
# Which client


def test_unknown_client_names_the_closest(tmp_path: Path) -> None:
    line = _one_error_line(_build("Construtora Horizonte Azull", "--period", PERIOD,
                                  "--out", str(tmp_path)))
    assert "no client matches 'Construtora Horizonte Azull'" in line
    assert "Construtora Horizonte Azul S.A." in line
    assert _files(tmp_path) == {}


def test_unknown_client_without_a_close_name(tmp_path: Path) -> None:
    line = _one_error_line(_build("Zebra", "--period", PERIOD, "--out", str(tmp_path)))
    assert line == "Error: no client matches 'Zebra' among 6 companies"
    assert _files(tmp_path) == {}


def test_ambiguous_name_lists_the_candidates(tmp_path: Path) -> None:
    line = _one_error_line(_build("ltda", "--period", PERIOD, "--out", str(tmp_path)))
    for name in ("Rede Farmavida Drogarias Ltda", "Tucano Logística e Transportes Ltda",
                 "Energia Solar Planalto Ltda"):
        assert name in line
    assert "Construtora" not in line
    assert _files(tmp_path) == {}


# ---------------------------------------------------------------------------------------------
# The period


@pytest.mark.parametrize(
    ("period", "says"),
    [
        ("2026-13-01..2026-11-15", "'2026-13-01' is not a date"),
        ("ontem..2026-11-15", "'ontem' is not a date"),
        ("2026-11-15..2026-08-18", "ends before it starts"),
        ("2026-08-18", "write START..END"),
    ],
)
def test_bad_period_is_one_line(tmp_path: Path, period: str, says: str) -> None:
    line = _one_error_line(_build("Farmavida", "--period", period, "--out", str(tmp_path)))
    assert says in line and "--period" in line
    assert _files(tmp_path) == {}


def test_period_and_since_exclude_each_other(tmp_path: Path) -> None:
    line = _one_error_line(_build("Farmavida", "--period", PERIOD, "--since", "2026-08-01",
                                  "--out", str(tmp_path)))
    assert "--period" in line and "--since" in line
    assert _files(tmp_path) == {}


# ---------------------------------------------------------------------------------------------
# Template and output folder


def test_missing_template_file(tmp_path: Path) -> None:
    template = tmp_path / "nope.pptx"
    out = tmp_path / "out"
    line = _one_error_line(_build("Farmavida", "--period", PERIOD, "--template", str(template),
                                  "--out", str(out)))
    assert line == f"Error: {template}: template not found"
    assert _files(out) == {} and not out.exists()


def test_output_folder_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "decks"
    line = _one_error_line(_build("Farmavida", "--period", PERIOD, "--out", str(out)))
    assert line == f"Error: {out}: output folder is not writable"
    assert blocker.read_text("utf-8") == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o555)
    try:
        line = _one_error_line(_build("Farmavida", "--period", PERIOD, "--out", str(out)))
    finally:
        out.chmod(0o755)
    assert line == f"Error: {out}: output folder is not writable"
    assert _files(out) == {}


def test_pdf_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which

    def which(name: str, mode: int = os.F_OK | os.X_OK, path: str | None = None) -> str | None:
        if name in ("soffice", "libreoffice"):
            return None
        return real_which(name, mode, path)

    monkeypatch.setattr(shutil, "which", which)
    line = _one_error_line(_build("Farmavida", "--period", PERIOD, "--pdf", "--out",
                                  str(tmp_path)))
    assert "--pdf needs LibreOffice" in line and "apt-get install" in line
    assert _files(tmp_path) == {}


# ---------------------------------------------------------------------------------------------
# A template that fails half-way


def _broken_template(tmp_path: Path) -> Path:
    """The default template with an unknown variable on a late slide (the closing one)."""
    deck = Presentation(str(ROOT / "templates" / "review.pptx"))
    box = next(s for slide in deck.slides for s in slide.shapes if s.name == "Closing details")
    box.text_frame.paragraphs[0].runs[0].text = "{{ client.nome }}"
    path = tmp_path / "broken.pptx"
    deck.save(str(path))
    return path


def test_a_template_failing_mid_render_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    line = _one_error_line(_build("Farmavida", "--period", PERIOD, "--template",
                                  str(_broken_template(tmp_path)), "--out", str(out)))
    assert "client.nome" in line and "slide" in line
    assert _files(out) == {}  # not even an empty client folder


def test_a_template_failing_mid_render_keeps_the_previous_deck(tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = _build("Farmavida", "--period", PERIOD, "--out", str(out))
    assert good.exit_code == 0, good.output
    before = _files(out)
    assert len(before) == 2
    _one_error_line(_build("Farmavida", "--period", PERIOD, "--template",
                           str(_broken_template(tmp_path)), "--out", str(out)))
    assert _files(out) == before  # same files, byte for byte, and no temporary left


def test_an_unexpected_failure_is_still_one_line(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("deckgen.indicators.review.compute_review", broken)
    monkeypatch.setattr("deckgen.pipelines.review.compute_review", broken)
    result = _build("Farmavida", "--period", PERIOD, "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines() == [
        "Error: unexpected ZeroDivisionError: division by zero "
        "(run again with 'deckgen --traceback ...' and report it)"]


def test_traceback_lets_the_error_through(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--traceback", "build", "Zebra", "--data", str(DATA),
                                       "--period", PERIOD, "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, ClientNotFound)
    assert str(result.exception) == "no client matches 'Zebra' among 6 companies"
