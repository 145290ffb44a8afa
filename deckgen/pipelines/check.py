"""``deckgen check`` in words: the summary of a workspace as lines of text in one language."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from deckgen.config import CONFIG_NAME
from deckgen.errors import ConfigError
from deckgen.locale import default_labels
from deckgen.sources.needs import NEEDS, Gap
from deckgen.sources.summary import CheckSummary


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
        if item.day_first is not None:
            lines.append("  dates: " + ("day-first (DD/MM/YYYY)" if item.day_first
                                        else "month-first (MM/DD/YYYY)") + ", as configured")
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
