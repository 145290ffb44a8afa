"""The review-meeting minutes: the deck's period in brief, feedback, opportunities and actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from deckgen.indicators.period import resolve_period
from deckgen.indicators.record import display, document_value
from deckgen.indicators.review import compute_review
from deckgen.io import atomic_write
from deckgen.locale import Labels
from deckgen.model.review import Comment, ReviewReport
from deckgen.pipelines.documents import document_path, render_document
from deckgen.pipelines.folders import row_folder
from deckgen.pipelines.handoff import next_meeting_dates
from deckgen.playbook import Playbook, load_playbook
from deckgen.render.brand import Brand, brand_for
from deckgen.render.context import note_lines, review_context
from deckgen.render.html import docx_to_html
from deckgen.render.properties import document_info
from deckgen.sources.clients import find_client
from deckgen.sources.workspace import Workspace


@dataclass(frozen=True)
class CommentGroup:
    """An NPS comment as the minutes list it: identical texts of one class once, with a count."""

    text: str
    klass: str
    scores: str  # "9" or "9, 10": the distinct scores of the answers, ascending
    contact: str | None
    count: int


def collapse_comments(comments: list[Comment]) -> list[CommentGroup]:
    """``comments`` in order, each text (case and spacing aside) of one NPS class once."""
    groups: dict[tuple[str, str], list[Comment]] = {}
    for comment in comments:
        key = (" ".join(comment.text.split()).casefold(), comment.klass)
        groups.setdefault(key, []).append(comment)
    return [
        CommentGroup(
            text=" ".join(same[0].text.split()),
            klass=same[0].klass,
            scores=", ".join(str(score) for score in sorted({c.score for c in same})),
            contact=same[0].contact if len({c.contact for c in same}) == 1 else None,
            count=len(same),
        )
        for same in groups.values()
    ]


@dataclass(frozen=True)
class Minutes:
    """The files one ``minutes`` run wrote."""

    report: ReviewReport
    docx: Path
    html: Path
    warnings: list[str]


def minutes_context(
    report: ReviewReport, playbook: Playbook, labels: Labels, brand: Brand | None = None
) -> dict[str, Any]:
    """The review template names (``client``, ``period``, ``streams``, ``nps``, ``actions``...)
    plus ``meeting_date``, ``next_meeting`` (the meeting after this one, by the agreed
    interval; None without one), ``comments`` (the NPS comments collapsed), one name per
    entry of the playbook's ``[review.record]`` (the company column's value as text, None
    when blank), the playbook's ``feedback_prompts`` / ``opportunity_prompts`` and
    ``blank_rows`` for new actions."""
    properties = report.client.properties
    interval = report.client.meeting_interval_days
    following = next_meeting_dates(report.generated_on, interval, 1)
    record = {
        name: display(document_value(properties.get(column)), playbook)
        for name, column in playbook.review.record.items()
    }
    return review_context(report, labels, **{
        **record,
        "comments": collapse_comments(report.nps.comments),
        "meeting_date": report.generated_on,
        "next_meeting": following[0] if following else None,
        "feedback_prompts": playbook.review.feedback_prompts,
        "opportunity_prompts": playbook.review.opportunity_prompts,
        "blank_rows": list(range(playbook.review.blank_action_rows)),
        **({"brand": brand} if brand is not None else {}),
    })


def write_minutes(
    workspace: Workspace,
    query: str,
    out_dir: Path,
    *,
    today: date,
    start: date | None = None,
    end: date | None = None,
    template: Path | None = None,
    language: str | None = None,
) -> Minutes:
    """Render ``<out>/<client>/<period end>-ata-revisao.docx`` and its ``.html`` note body."""
    config = workspace.config
    language = language or config.company.language
    labels = config.labels_in(language)
    playbook = load_playbook(config, language)
    row = find_client(workspace.companies, query)
    period = resolve_period(config, row, today=today, start=start, end=end,
                            data_end=workspace.data_end())
    report = compute_review(workspace, str(row["company_id"]), period, today=today)
    folder = row_folder(workspace.companies, row)
    out = document_path(out_dir, folder, period.end, playbook.files.minutes, ".docx")
    brand = brand_for(config, report.client.id, report.client.name)
    info = document_info(labels, "minutes_review", client=report.client.name,
                         period=(period.start, period.end), author=report.client.owner_cs,
                         vendor=brand.vendor, built=today, language=language)
    render_document(config, template, "ata-revisao",
                    minutes_context(report, playbook, labels, brand), out, language,
                    brand=brand, info=info)
    html_path = out.with_suffix(".html")
    html = docx_to_html(out)

    def write_html(temp: Path) -> None:
        temp.write_text(html + "\n", encoding="utf-8")

    atomic_write(html_path, write_html)
    return Minutes(report, out, html_path, note_lines(report, labels))
