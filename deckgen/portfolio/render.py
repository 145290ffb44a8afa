"""Write the CS Ops report: the portfolio deck through the template engine, and its workbook."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from deckgen.config import Config
from deckgen.portfolio.workbook import portfolio_sheets
from deckgen.render.pptx import render_pptx
from deckgen.render.workbook import write_workbook
from deckgen.report.portfolio_model import PortfolioReport
from deckgen.sources.clients import client_slug
from deckgen.templates import choose_template


@dataclass
class BuiltPortfolio:
    """What the portfolio command wrote and what the user should know about it."""

    deck: Path
    workbook: Path
    warnings: list[str] = field(default_factory=list)


def portfolio_context(report: PortfolioReport) -> dict[str, Any]:
    """Top-level template names: every field of the report, ``flagged`` and ``report``."""
    context: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    context["flagged"] = report.flagged
    context["report"] = report
    return context


def write_portfolio(
    report: PortfolioReport, config: Config, out_dir: Path, *, template: Path | None = None
) -> BuiltPortfolio:
    """``<out>/portfolio/<end>-portfolio[-<csm>].pptx`` and the ``.xlsx`` beside it."""
    folder = out_dir / "portfolio"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{report.period.end.isoformat()}-portfolio"
    if report.owner:
        stem += f"-{client_slug(report.owner)}"
    deck = folder / f"{stem}.pptx"
    result = render_pptx(
        choose_template(template, None, "portfolio", report.language),
        portfolio_context(report),
        deck,
        language=report.language,
        currency=config.company.currency,
        min_font_pt=config.review.min_font_pt,
    )
    workbook = folder / f"{stem}.xlsx"
    write_workbook(portfolio_sheets(report), workbook, report.language)
    return BuiltPortfolio(deck, workbook, result.warnings)
