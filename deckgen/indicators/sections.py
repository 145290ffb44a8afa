"""Which sections of a review deck are shown in full, collapsed to one line, or hidden."""

from __future__ import annotations

from collections.abc import Mapping

from deckgen.config import SectionKey, SectionMode
from deckgen.model.review import ReviewReport, Section, StreamReport

# The deck's sections in the playbook's order (seed 000, "Cliente ativo").
ORDER: tuple[SectionKey, ...] = (
    "support", "implementation", "technology", "releases", "nps", "demands", "feedback",
    "expansion", "actions",
)
EXPANSION_FIELDS = ("hiring_goal", "expansion_potential", "second_wave", "package")


def _stream_quiet(stream: StreamReport | None) -> str | None:
    """Why a stream has nothing to show in the period (None: it has)."""
    if stream is None:
        return "no_stream"
    if not stream.created.known and not stream.open_demands:
        return stream.missing[0] if stream.missing else "tickets"
    if not stream.created.value and not stream.open_demands:
        return "no_tickets"
    return None


def quiet_reason(report: ReviewReport, key: str) -> str | None:
    """Why section ``key`` has nothing to show for this client and period, or None."""
    if key in ("support", "implementation", "technology"):
        stream = report.stream_for(key)
        reason = _stream_quiet(stream)
        if key == "support" and reason and report.csat.count:
            return None  # CSAT answers still make a support section
        return reason
    if key == "releases":
        return None if report.releases else (
            "releases" if any(n.section == "releases" for n in report.notes) else "no_releases")
    if key == "nps":
        return None if report.nps.answers else (
            "surveys" if "surveys" in report.nps.missing else "no_answers")
    if key == "demands":
        if not report.has_ticket_data:
            return "tickets"
        return None if report.open_demands else "no_open_demands"
    if key == "expansion":
        props = report.client.properties
        return None if any(props.get(f) for f in EXPANSION_FIELDS) else "no_expansion_data"
    return None  # feedback and actions are always held: the meeting fills them


def plan_sections(
    report: ReviewReport, policy: Mapping[SectionKey, SectionMode]
) -> list[Section]:
    """Every section with its mode and agenda number; ``policy`` maps keys to
    "auto" (default), "show", "card" or "hide"."""
    sections: list[Section] = []
    number = 0
    for key in ORDER:
        if key == "technology" and report.technology is None:
            continue
        mode: str = policy.get(key, "auto")
        reason = quiet_reason(report, key)
        if reason == "no_stream":  # a stream the workspace does not have is no news to anyone
            mode = "hide"
        elif mode == "auto":
            mode = "card" if reason else "show"
        if mode == "show":
            number += 1
            sections.append(Section(key, mode, None, number))
        else:
            sections.append(Section(key, mode, reason))
    return sections
