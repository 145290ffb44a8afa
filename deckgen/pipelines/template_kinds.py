"""The kinds of templates deckgen renders, and the names (with their types) each context holds.

``deckgen template check`` resolves a template's names against these types; a test builds every
real context and checks that it holds exactly these names, so the two cannot drift apart.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from deckgen.config import LimitSettings
from deckgen.errors import TemplateError
from deckgen.indicators.record import ActionState, Item, Participant, Section
from deckgen.locale import Labels
from deckgen.model.portfolio import PortfolioReport
from deckgen.model.review import ReviewReport
from deckgen.pipelines.client_kickoff import Meeting, OnboardingRow, SlaRow, TeamRow
from deckgen.pipelines.minutes import CommentGroup
from deckgen.playbook import Channel, RoleSpec
from deckgen.reading import template_problem
from deckgen.render.brand import Brand
from deckgen.render.context import STREAM_SHORTCUTS, Terms
from deckgen.render.limits import rendering_limits
from deckgen.render.pptx.check import PlaceUsage, Usage, check_template, is_word, iter_missing

Record = dict[str, Any]  # a company record: canonical column → plain value


def _fields(owner: type) -> dict[str, Any]:
    hints = typing.get_type_hints(owner)
    return {f.name: hints[f.name] for f in fields(owner)}


def review_roots() -> dict[str, Any]:
    """A review deck: every field of the report, the stream shortcuts and ``report``."""
    roots = _fields(ReviewReport)
    stream = typing.get_type_hints(ReviewReport.stream_for)["return"]
    roots.update({name: stream for name in STREAM_SHORTCUTS})
    roots["report"] = ReviewReport
    roots["labels"] = Labels
    roots["terms"] = Terms
    roots["warnings"] = list[str]
    roots["brand"] = Brand
    return roots


def portfolio_roots() -> dict[str, Any]:
    """The CS Ops report: every field of the portfolio report, ``flagged`` and ``report``."""
    roots = _fields(PortfolioReport)
    flagged: Any = PortfolioReport.flagged  # a property
    roots["flagged"] = typing.get_type_hints(flagged.fget)["return"]
    roots["report"] = PortfolioReport
    roots["labels"] = Labels
    roots["terms"] = Terms
    roots["brand"] = Brand
    return roots


def client_kickoff_roots() -> dict[str, Any]:
    """The client kickoff deck (see ``client_kickoff_context``)."""
    return {"company": str, "client": Record, "meeting_date": date, "brand": Brand,
            "objectives": list[Item], "scope": list[Item], "scope_items": list[str],
            "timeline": list[Meeting], "vendor_team": list[TeamRow], "client_team": list[TeamRow],
            "channels": list[Channel], "sla": list[SlaRow], "sla_clock": str,
            "business_hours": str, "client_provides": list[str], "next_steps": list[str],
            "onboarding": list[OnboardingRow], "labels": Labels,
            "terms": Terms}


def kickoff_minutes_roots() -> dict[str, Any]:
    """The internal kickoff minutes (see ``kickoff_context``)."""
    return {"company": str, "client": Record, "meeting_date": date,
            "participants": list[Participant], "checklist": list[Section], "blanks": int,
            "actions": list[ActionState], "brand": Brand, "labels": Labels,
            "terms": Terms}


def handoff_minutes_roots() -> dict[str, Any]:
    """The hand-over minutes (see ``handoff_context``)."""
    return {"company": str, "client": Record, "meeting_date": date,
            "participants": list[Participant], "roles": list[RoleSpec],
            "interval_days": int | None, "next_meetings": list[date],
            "actions": list[ActionState], "brand": Brand, "labels": Labels,
            "terms": Terms}


def review_minutes_roots() -> dict[str, Any]:
    """The review minutes: the review deck's names and the minutes' own (``minutes_context``)."""
    return {**review_roots(), "comments": list[CommentGroup], "meeting_date": date,
            "next_meeting": date | None,
            "expansion": str | None, "second_wave": str | None, "feedback_prompts": list[str],
            "opportunity_prompts": list[str], "blank_rows": list[int]}


@dataclass(frozen=True)
class TemplateKind:
    """One kind of template: its name (the default template's stem), file type and names."""

    name: str
    suffix: str
    roots: Callable[[], dict[str, Any]]
    description: str


KINDS: dict[str, TemplateKind] = {
    kind.name: kind
    for kind in (
        TemplateKind("review", ".pptx", review_roots, "review deck"),
        TemplateKind("kickoff", ".pptx", client_kickoff_roots, "client kickoff deck"),
        TemplateKind("portfolio", ".pptx", portfolio_roots, "CS Ops portfolio report"),
        TemplateKind("ata-kickoff", ".docx", kickoff_minutes_roots, "internal kickoff minutes"),
        TemplateKind("ata-passagem", ".docx", handoff_minutes_roots, "hand-over minutes"),
        TemplateKind("ata-revisao", ".docx", review_minutes_roots, "review minutes"),
    )
}


def kind_from_name(path: Path, suffix: str) -> TemplateKind | None:
    """The kind a file's name says (``review.pptx``, ``ata-kickoff.en.docx``…), if any."""
    stem = path.name.lower()
    for kind in sorted(KINDS.values(), key=lambda k: -len(k.name)):
        if kind.suffix == suffix and re.match(rf"{re.escape(kind.name)}(?:[.\-_ ]|$)", stem):
            return kind
    return None


@dataclass(frozen=True)
class CheckedTemplate:
    """A template checked against its kind: what each place uses, and how the kind was chosen."""

    kind: TemplateKind
    how: str  # "given", "from the file name" or "best fit"
    places: list[PlaceUsage]

    @property
    def missing(self) -> list[tuple[str, Usage]]:
        """(where, usage) for each name or binding the kind's context does not provide."""
        return list(iter_missing(self.places))


def check_kind(template: Path, kind: str | None = None,
               limits: LimitSettings | None = None) -> CheckedTemplate:
    """Check ``template`` against ``kind``, or the kind its name says, or the best fitting one,
    refusing what is over ``limits`` on its face (default: the default limits)."""
    problem = template_problem(template)
    if problem is not None:
        raise TemplateError(f"{template}: {problem}")
    with rendering_limits(limits):
        return _check_kind(template, kind)


def _check_kind(template: Path, kind: str | None) -> CheckedTemplate:
    if kind is not None:
        chosen = KINDS[kind]
        return CheckedTemplate(chosen, "given", check_template(template, chosen.roots()))
    suffix = ".docx" if is_word(template) else ".pptx"
    named = kind_from_name(template, suffix)
    if named is not None:
        return CheckedTemplate(named, "from the file name",
                               check_template(template, named.roots()))
    candidates = [CheckedTemplate(k, "best fit", check_template(template, k.roots()))
                  for k in KINDS.values() if k.suffix == suffix]
    return min(candidates, key=lambda c: len(c.missing))
