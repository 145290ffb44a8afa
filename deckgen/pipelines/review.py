"""Build one client's review: find the client, compute the report, render deck and workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from deckgen.clock import build_date
from deckgen.indicators.period import resolve_period
from deckgen.indicators.review import compute_review
from deckgen.model.review import Period, ReviewReport
from deckgen.pipelines.check import period_warnings
from deckgen.pipelines.documents import render_deck, write_deck_set
from deckgen.pipelines.folders import row_folder
from deckgen.render.brand import brand_for
from deckgen.render.context import note_lines, review_context
from deckgen.render.properties import DocumentInfo, document_info
from deckgen.render.review_workbook import review_sheets
from deckgen.render.xlsx import write_workbook
from deckgen.sources.clients import find_client
from deckgen.sources.workspace import Workspace
from deckgen.templates import choose_template


@dataclass
class BuiltReview:
    """What one build wrote and what the user should know about it."""

    report: ReviewReport
    deck: Path
    workbook: Path
    warnings: list[str] = field(default_factory=list)
    pdf: Path | None = None  # with ``pdf=True``

    @property
    def files(self) -> list[Path]:
        """Every file written: deck, workbook and, when asked for, the deck's PDF."""
        return [self.deck, self.workbook, *([self.pdf] if self.pdf else [])]


def client_folder(out_dir: Path, name: str) -> Path:
    """``out/<name>``: a slug of ASCII words and hyphens, so it stays inside ``out``."""
    folder = (out_dir / name).resolve()
    if out_dir.resolve() not in folder.parents:
        raise ValueError(f"client folder {folder} escapes {out_dir}")
    return folder


def write_review(
    workspace: Workspace,
    query: str,
    out_dir: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    template: Path | None = None,
    today: date | None = None,
    language: str | None = None,
    next_meeting: date | None = None,
    internal: bool = False,
    pdf: bool = False,
) -> BuiltReview:
    """Render ``<out>/<slug>/<date>-revisao.pptx`` and ``indicadores.xlsx`` for one client,
    in ``language`` (default: the configuration's); ``next_meeting`` overrides the date the
    cadence gives, ``internal`` adds the appendix for the vendor's team; with ``pdf`` the
    deck's PDF too (all three appear together, or none)."""
    config = workspace.config
    today = today or build_date()
    row = find_client(workspace.companies, query)
    period: Period = resolve_period(config, row, today=today, start=start, end=end,
                                    data_end=workspace.data_end())
    report = compute_review(workspace, str(row["company_id"]), period, today=today,
                            next_meeting_on=next_meeting, internal=internal)
    language = language or config.company.language
    labels = config.labels_in(language)
    configured = config.resolve(config.review.template) if config.review.template else None
    template_path = choose_template(template, configured, "review")
    folder = client_folder(out_dir, row_folder(workspace.companies, row))
    deck = folder / f"{period.end.isoformat()}-{labels['files.review']}.pptx"
    workbook = folder / f"{labels['files.review_workbook']}.xlsx"
    brand = brand_for(config, report.client.id, report.client.name)

    def info(kind: str) -> DocumentInfo:
        return document_info(labels, kind, client=report.client.name,
                             period=(period.start, period.end), author=report.client.owner_cs,
                             vendor=brand.vendor, built=today, language=language)

    result = write_deck_set(
        folder, deck, workbook, pdf=pdf,
        write_deck=lambda out: render_deck(config, template_path,
                                           review_context(report, labels, brand=brand), out,
                                           language, info("review")),
        write_book=lambda out: write_workbook(review_sheets(report, labels), out, language,
                                              info=info("review_workbook")),
    )
    notes = [*period_warnings(report, labels), *note_lines(report, labels)]
    return BuiltReview(report, deck, workbook, [*notes, *result.warnings],
                       deck.with_suffix(".pdf") if pdf else None)
