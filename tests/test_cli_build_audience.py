"""``deckgen build --internal / --next-meeting``: what the client sees, and what only the team does.

Read back from the written deck: no internal field on a client-facing slide, the internal
appendix only with ``--internal``, the next meeting as a date.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from deck_text import slide_texts
from pptx import Presentation

from deckgen.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "sample_data" / "gcertifica"
PERIOD = "2026-08-18..2026-11-15"
EPOCH = "1795176000"  # 2026-11-20 12:00 UTC
INTERNAL = ("HubSpot", "Previsão de aumento", "Potencial de expansão", "Apêndice interno")


def _build(out: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["build", "Horizonte", "--data", str(DATA), "--period", PERIOD,
                                     "--out", str(out), *args], env={"SOURCE_DATE_EPOCH": EPOCH})


def _slides(out: Path) -> list[tuple[str, str]]:
    """(visible text, notes) per slide of the one deck under ``out``."""
    (deck,) = out.rglob("*.pptx")
    slides = []
    for slide in Presentation(str(deck)).slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        visible = "\n".join(slide_texts(slide)).replace(notes, "")
        slides.append((visible, notes))
    return slides


def test_client_slides_hold_no_internal_field(tmp_path: Path) -> None:
    result = _build(tmp_path)
    assert result.exit_code == 0, result.output
    slides = _slides(tmp_path)
    for number, (visible, _) in enumerate(slides, 1):
        assert not [w for w in INTERNAL if w in visible], (number, visible)
    notes = "\n".join(n for _, n in slides)
    assert "Previsão comercial (interna, não mostrar)" in notes  # the CSM still has it
    assert "registrar a ata na empresa no HubSpot" in notes
    closing = slides[-1][0]
    assert "Próxima reunião: 18 de fevereiro de 2027" in closing  # Nov 20 + 90 days


def test_internal_adds_the_appendix_and_next_meeting_sets_the_date(tmp_path: Path) -> None:
    result = _build(tmp_path, "--internal", "--next-meeting", "2027-01-15")
    assert result.exit_code == 0, result.output
    slides = _slides(tmp_path)
    appendix = slides[-1][0]
    assert "Apêndice interno" in appendix and "Previsão de aumento" in appendix
    assert "Saúde da conta" in appendix
    assert "Próxima reunião: 15 de janeiro de 2027" in slides[-2][0]


def test_internal_goes_with_one_client(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--all", "--internal", "--data", str(DATA),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "--internal and --next-meeting go with one CLIENT" in result.output
