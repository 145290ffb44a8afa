"""Where documents come from and go: their templates and ``<out>/<client>/<date>-<name>`` paths."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from deckgen.config import Config
from deckgen.errors import RenderError
from deckgen.locale import Labels
from deckgen.render.docx import Properties, render_docx
from deckgen.render.formatting import make_filters
from deckgen.sources.clients import client_slug
from deckgen.templates import default_template

# The label of each minutes kind's title: ``minutes.<name>_title``.
_TITLES = {"ata-kickoff": "kickoff", "ata-passagem": "handoff", "ata-revisao": "review"}


def document_template(given: Path | None, kind: str, suffix: str) -> Path:
    """The template given by the user, else the shipped ``<kind><suffix>`` (every language)."""
    if given is None:
        return default_template(kind, suffix)
    if not given.is_file():
        raise RenderError(f"{given}: template not found")
    return given


def document_path(out_dir: Path, client_name: str, day: date, name: str, suffix: str) -> Path:
    """``<out>/<client-slug>/<YYYY-MM-DD>-<name><suffix>``, creating the client folder."""
    folder = out_dir / client_slug(client_name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{folder}: cannot create the output folder ({exc.strerror})") from None
    return folder / f"{day.isoformat()}-{name}{suffix}"


def render_document(
    config: Config, given: Path | None, kind: str, context: Mapping[str, Any], out: Path,
    language: str,
) -> None:
    """Render the Word template of ``kind`` (or the one given) in ``language``, with the
    file's properties: title "<minutes> — <client> — <date or period>", author the client's
    CSM (else the vendor)."""
    labels = config.labels_in(language)
    render_docx(
        document_template(given, kind, ".docx"),
        {**context, "labels": labels},
        out,
        language=language,
        currency=config.company.currency,
        logo=config.resolve(config.company.logo) if config.company.logo else None,
        properties=_properties(config, kind, context, labels, language),
    )


def _properties(
    config: Config, kind: str, context: Mapping[str, Any], labels: Labels, language: str
) -> Properties:
    """The minutes' title, author and subject, from their context."""
    day = make_filters(language)["date"]
    client = context["client"]
    name = client.get("name") if isinstance(client, Mapping) else client.name
    owner = client.get("owner_cs") if isinstance(client, Mapping) else client.owner_cs
    period = context.get("period")
    when = (f"{day(period.start)} – {day(period.end)}" if period is not None
            else day(context["meeting_date"]))
    title = labels[f"minutes.{_TITLES[kind]}_title"]
    return Properties(f"{title} — {name} — {when}", owner or config.company.name,
                      f"{title} — {name} — {config.company.name}")
