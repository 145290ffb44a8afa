"""``deckgen check`` in words: the summary of a workspace as lines of text in one language."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from deckgen.config import CONFIG_NAME
from deckgen.errors import ConfigError
from deckgen.locale import Labels, default_labels
from deckgen.model.review import ReviewReport
from deckgen.sources.needs import NEEDS, Gap
from deckgen.sources.summary import CheckSummary
from deckgen.sources.values import DateOrder


def require_workspace(data_dir: Path, config_file: Path | None) -> None:
    """Refuse, in one line, a data folder that does not exist or has no configuration."""
    if not data_dir.is_dir():
        raise ConfigError(f"{data_dir}: folder not found")
    if config_file is None and not os.path.lexists(data_dir / CONFIG_NAME):
        raise ConfigError(f"no {CONFIG_NAME} in {data_dir} — run `deckgen init {data_dir}`")


def _toml(text: str) -> str:
    """``text`` as a TOML string."""
    return json.dumps(text, ensure_ascii=False)


def _day(value: pd.Timestamp, english: bool) -> str:
    return value.strftime("%Y-%m-%d" if english else "%d/%m/%Y")


def explain(gap: Gap, labels: Mapping[str, str], survey_types: dict[str, list[str]]) -> str:
    """One gap in words: "sem coluna de prioridade", "no [sla] targets configured"..."""
    column = gap.column or ""
    return labels[f"check.reason.{gap.reason}"].format(
        source=gap.source,
        column=labels.get(f"check.column.{column}", column),
        types=", ".join(survey_types.get(column, [])),
    )


def feeds(column: str) -> list[str]:
    """The indicators (keys of the needs table) that read ``column``."""
    return [key for key, need in NEEDS.items()
            if any(column in alternative for alternative in need.alternatives)]


def _order(source: str, order: DateOrder | None) -> str:
    """How one date column was read, in words."""
    if order is None:
        return "YYYY-MM-DD or spreadsheet dates: no order to choose"
    read = "day-first (DD/MM/YYYY)" if order.day_first else "month-first (MM/DD/YYYY)"
    if order.how == "configured":
        return f"{read}, as configured"
    if order.how == "detected":
        return f"{read}, detected: a day above 12"
    return (f"{read} by default: no date has a part above 12 (if they are MM/DD, "
            f"set day_first = false on [sources] {source})")


def date_lines(source: str, dates: Mapping[str, DateOrder | None]) -> list[str]:
    """One line per way the date columns of ``source`` were read, naming the columns."""
    grouped: dict[str, list[str]] = {}
    for header, order in dates.items():
        grouped.setdefault(_order(source, order), []).append(repr(header))
    return [f"  dates: {', '.join(headers)} {how}" for how, headers in grouped.items()]


def format_summary(summary: CheckSummary, language: str) -> list[str]:
    """The summary as lines of plain text; the missing indicators in ``language``."""
    labels = default_labels(language)
    english = language == "en"
    delimiters = {",": "','", ";": "';'", "\t": "tab"}
    lines: list[str] = []
    for item in summary.sources:
        if item.unavailable:
            lines.append(f"{item.source}: unavailable: {item.unavailable}")
            continue
        head = f"{item.source}: {item.file}: {item.rows} rows"
        if item.clients is not None:
            head += f", {item.clients} clients"
        if item.first is not None and item.last is not None:
            head += f", {_day(item.first, english)} to {_day(item.last, english)}"
        lines.append(head)
        read_as = [f"encoding {item.encoding}"] if item.encoding else []
        if item.delimiter:
            read_as.append(f"delimiter {delimiters.get(item.delimiter, repr(item.delimiter))}")
        if item.sheet:
            read_as.append(f"sheet {item.sheet!r}")
        if read_as:
            lines.append("  read as " + ", ".join(read_as))
        if item.unmapped:
            lines.append("  columns ignored: " + ", ".join(item.unmapped))
        for r in item.resembling:
            used = [labels[f"check.indicator.{key}"] for key in feeds(r.column)]
            what = f"; it would feed: {', '.join(used)}" if used else ""
            lines.append(f"  {r.header!r} looks like {r.column} (known header {r.known!r}): "
                         f"add {r.column} = [{_toml(r.header)}] under [columns.{item.source}]"
                         + what)
        lines += date_lines(item.source, item.dates)
        if item.absent:
            lines.append("  optional columns absent: " + ", ".join(item.absent))
    dated = [i for i in summary.sources if i.first is not None and i.last is not None
             and i.source != "companies"]
    if dated:
        first = min(pd.Timestamp(i.first.date()) for i in dated if i.first is not None)
        last = max(pd.Timestamp(i.last.date()) for i in dated if i.last is not None)
        lines.append(f"the exports cover {_day(first, english)} to {_day(last, english)}")
    if summary.missing:
        lines.append("indicators that will be missing:")
        for key, found in summary.missing.items():
            reasons = [explain(gap, labels, summary.survey_types) for gap in found]
            lines.append(f"  {labels[f'check.indicator.{key}']}: "
                         + labels["check.reason.and"].join(reasons))
    lines += [f"warning: {w}" for w in summary.warnings]
    return lines


def period_warnings(report: ReviewReport, labels: Labels) -> list[str]:
    """What the review's period lacks though the exports have it: no ticket created or closed,
    closed tickets that no SLA status or target measures, no survey answer (unlike a missing
    file or column, which the report's notes say)."""
    from deckgen.render.formatting import make_filters

    day = make_filters(labels.language)["date"]
    span = {"start": day(report.period.start), "end": day(report.period.end)}
    found: list[str] = []
    streams = [s for s in report.streams if "tickets" not in s.missing]
    if streams and not any(
        s.created.value or s.resolution.count or any(r.closed for r in s.sla) for s in streams
    ):
        found.append(labels.format("check.period.no_tickets", **span))
    for stream in streams:
        if (stream.resolution.count and not stream.sla
                and not {"sla", "sla_targets"} & set(stream.missing)):
            found.append(labels.format("check.period.no_sla", stream=labels.term("stream",
                                                                                stream.key)))
    if ("surveys" not in report.nps.missing or "surveys" not in report.csat.missing) and not (
        report.nps.answers or report.csat.count
    ):
        found.append(labels.format("check.period.no_answers", **span))
    return found
