"""Where documents come from and go: their templates, ``<out>/<client>/<date>-<name>`` paths,
and how a workspace's settings reach the renderers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.errors import RenderError
from deckgen.io import output_set
from deckgen.render.brand import Brand, brand_for
from deckgen.render.context import ValueWords, terms_for
from deckgen.render.docx import render_docx
from deckgen.render.pdf import write_pdf
from deckgen.render.pptx import RenderResult, render_pptx
from deckgen.render.properties import DocumentInfo, document_info
from deckgen.sources.clients import client_slug
from deckgen.templates import default_template


def document_template(given: Path | None, kind: str, suffix: str) -> Path:
    """The template given by the user, else the shipped ``<kind><suffix>`` (every language)."""
    if given is None:
        return default_template(kind, suffix)
    if not given.exists():  # a folder or a device: the renderer says which
        raise RenderError(f"{given}: template not found")
    return given


def document_path(out_dir: Path, client_name: str, day: date, name: str, suffix: str) -> Path:
    """``<out>/<client-slug>/<YYYY-MM-DD>-<name><suffix>`` (the folder is made when the
    document is written, so a failed render leaves none)."""
    folder = out_dir / client_slug(client_name)
    return folder / f"{day.isoformat()}-{name}{suffix}"


def render_document(
    config: Config, given: Path | None, kind: str, context: Mapping[str, Any], out: Path,
    language: str, *, brand: Brand, info: DocumentInfo,
) -> None:
    """Render the Word template of ``kind`` (or the one given) in ``language``, with the
    brand's logos and colours and the document's properties."""
    labels = config.labels_in(language)
    render_docx(
        document_template(given, kind, ".docx"),
        {**context, "brand": brand, "labels": labels, "terms": terms_for(labels)},
        out,
        language=language,
        currency=config.company.currency,
        pictures={"vendor_logo": brand.vendor_logo, "client_logo": brand.client_logo,
                  "logo": brand.vendor_logo},
        info=info,
        theme_colors=config.brand.theme_colors(),
        limits=config.limits,
    )


def render_record_document(
    config: Config, given: Path | None, kind: str, info_kind: str, context: Mapping[str, Any],
    row: pd.Series, out: Path, language: str, today: date,
) -> None:
    """Render a document about one company record (the kickoff or hand-over minutes): the
    client's brand and phase in the document's words, properties titled ``info_kind`` and
    dated ``today``, by the CS owner."""
    brand = brand_for(config, str(row["company_id"]), str(row["name"]))
    client = context["client"]
    word = ValueWords(config.labels_in(language))  # the client's phase in the document's words
    context = {**context, "client": {**client, "phase": word("phase", client.get("phase"))}}
    info = document_info(config.labels_in(language), info_kind, client=str(row["name"]),
                         period=today, author=context["client"].get("owner_cs"),
                         vendor=brand.vendor, built=today, language=language)
    render_document(config, given, kind, context, out, language, brand=brand, info=info)


def render_deck(
    config: Config, template: Path, context: Mapping[str, Any], out: Path, language: str,
    info: DocumentInfo,
) -> RenderResult:
    """Render a PowerPoint template with the workspace's currency, minimum font size, brand
    colours and template-engine limits, and ``info`` as its document properties."""
    return render_pptx(template, context, out, language=language,
                       currency=config.company.currency, min_font_pt=config.review.min_font_pt,
                       info=info, theme_colors=config.brand.theme_colors(),
                       limits=config.limits)


def write_deck_set(
    folder: Path, deck: Path, workbook: Path, *, write_deck: Callable[[Path], RenderResult],
    write_book: Callable[[Path], None], pdf: bool,
) -> RenderResult:
    """Write a deck and its workbook (with ``pdf``, the deck's PDF too) as one set: each to a
    temporary name, all renamed when all are complete; without ``pdf`` an older PDF of the
    deck goes, since it shows the deck this one replaces."""
    with output_set(folder) as files:
        temp_deck = files.temporary(deck)
        result = write_deck(temp_deck)
        write_book(files.temporary(workbook))
        if pdf:
            write_pdf(temp_deck, deck, files.temporary(deck.with_suffix(".pdf")))
        else:
            files.outdates(deck.with_suffix(".pdf"))
    return result
