"""Write the CS Ops report: the portfolio deck through the template engine, and its workbook."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from deckgen.clock import build_date
from deckgen.config import Config
from deckgen.locale import Labels
from deckgen.model.portfolio import PortfolioReport
from deckgen.pipelines.documents import render_deck, write_deck_set
from deckgen.render.brand import Brand, brand_for
from deckgen.render.context import portfolio_in_words, terms_for
from deckgen.render.portfolio_workbook import portfolio_sheets
from deckgen.render.properties import DocumentInfo, document_info
from deckgen.render.xlsx import write_workbook
from deckgen.sources.clients import client_slug
from deckgen.templates import choose_template


@dataclass
class BuiltPortfolio:
    """What the portfolio command wrote and what the user should know about it."""

    deck: Path
    workbook: Path
    warnings: list[str] = field(default_factory=list)
    pdf: Path | None = None  # with ``pdf=True``


def portfolio_context(
    report: PortfolioReport, labels: Labels, brand: Brand | None = None
) -> dict[str, Any]:
    """Top-level template names: every field of the report, ``flagged``, ``report``,
    ``labels`` (for the ``term`` filter) and ``brand`` (default: the vendor's name alone)."""
    report = portfolio_in_words(report, labels)
    context: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    context["flagged"] = report.flagged
    context["report"] = report
    context["labels"] = labels
    context["terms"] = terms_for(labels)
    context["brand"] = brand or Brand(report.company)
    return context


def write_portfolio(
    report: PortfolioReport, config: Config, out_dir: Path, *, template: Path | None = None,
    language: str | None = None, pdf: bool = False,
) -> BuiltPortfolio:
    """``<out>/portfolio/<end>-portfolio[-<csm>].pptx`` and the ``.xlsx`` beside it (with
    ``pdf``, the deck's ``.pdf`` too; all appear together, or none), in ``language``
    (default: the configuration's)."""
    language = language or config.company.language
    labels = config.labels_in(language)
    folder = out_dir / "portfolio"
    stem = f"{report.period.end.isoformat()}-portfolio"
    if report.owner:
        stem += f"-{client_slug(report.owner)}"
    deck = folder / f"{stem}.pptx"
    brand = brand_for(config)
    scope = report.owner or labels["brand.all_clients"]

    def info(kind: str) -> DocumentInfo:
        return document_info(labels, kind, client=scope,
                             period=(report.period.start, report.period.end),
                             author=report.owner, vendor=brand.vendor, built=build_date(),
                             language=language)

    workbook = folder / f"{stem}.xlsx"
    result = write_deck_set(
        folder, deck, workbook, pdf=pdf,
        write_deck=lambda out: render_deck(config, choose_template(template, None, "portfolio"),
                                           portfolio_context(report, labels, brand), out,
                                           language, info("portfolio")),
        write_book=lambda out: write_workbook(portfolio_sheets(report, labels), out, language,
                                              info=info("portfolio_workbook")),
    )
    return BuiltPortfolio(deck, workbook, result.warnings,
                          deck.with_suffix(".pdf") if pdf else None)
