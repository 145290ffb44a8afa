"""``deckgen publish``, ``deckgen hubspot set-phase`` and ``deckgen pull``: talking to HubSpot."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import click

from deckgen.cli.dates import DAY
from deckgen.cli.options import workspace_options

if TYPE_CHECKING:
    from deckgen.config import Config

MEETING_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y"]


@click.command()
@click.argument("client")
@click.argument("files", nargs=-1,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--minutes", "minutes_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), default=None, help="HTML minutes: the body of the note or meeting.")
@click.option("--as", "kind", type=click.Choice(["note", "meeting"]), default="note",
              show_default=True, help="Log a note, or a meeting with title, start and end.")
@click.option("--meeting-date", type=click.DateTime(MEETING_FORMATS), default=None,
              metavar="DATE [HH:MM]",
              help="When the meeting took place (local time; default: now).")
@click.option("--title", default=None, help="Meeting title (default: client and date).")
@click.option("--dry-run", is_flag=True, help="Print the requests instead of sending them.")
@workspace_options
def publish(
    client: str,
    files: tuple[Path, ...],
    minutes_file: Path | None,
    kind: str,
    meeting_date: datetime | None,
    title: str | None,
    dry_run: bool,
    data_dir: Path,
    config_file: Path | None,
) -> None:
    """Upload FILES and log the minutes on CLIENT's HubSpot company (Record ID or name)."""
    from deckgen.config import load_config
    from deckgen.hubspot.ledger import default_ledger_path
    from deckgen.hubspot.publish import publish_files, read_minutes
    from deckgen.sources.clients import client_slug

    if not files and minutes_file is None:
        raise click.UsageError("give FILES to upload, --minutes, or both")
    config = load_config(data_dir, config_file)
    company_id, name = _company(config, client, dry_run)
    minutes = read_minutes(minutes_file, config.limits.bytes("text")) if minutes_file else None
    when = meeting_date.replace(tzinfo=ZoneInfo(config.company.timezone)) if meeting_date else None
    publish_files(
        config.hubspot, company_id, client_slug(name), list(files),
        ledger_path=default_ledger_path(config.data_dir),
        minutes_html=minutes, kind="meeting" if kind == "meeting" else "note",
        meeting_date=when, title=title or f"{name} {when or datetime.now():%d/%m/%Y}",
        dry_run=dry_run, echo=click.echo, max_file_bytes=config.limits.bytes("publish"),
    )


@click.group()
def hubspot() -> None:
    """Change HubSpot records of a client."""


@hubspot.command("set-phase")
@click.argument("client")
@click.argument("phase")
@click.option("--dry-run", is_flag=True, help="Print the requests instead of sending them.")
@workspace_options
def set_phase(client: str, phase: str, dry_run: bool, data_dir: Path,
              config_file: Path | None) -> None:
    """Set CLIENT's phase ([hubspot] phase_property) to PHASE; show the old and new value."""
    from deckgen.config import load_config
    from deckgen.hubspot.auth import connect
    from deckgen.hubspot.companies import set_company_property

    config = load_config(data_dir, config_file)
    company_id, name = _company(config, client, dry_run)
    hub = connect(config.hubspot, dry_run=dry_run, echo=click.echo)
    change = set_company_property(hub, company_id, config.hubspot.phase_property, phase)
    if not dry_run:
        click.echo(f"{name} ({company_id}): {change.name} "
                   f"{_quoted(change.old)} → {_quoted(change.new)}")


@click.command()
@click.option("--since", type=DAY, default=None,
              help="Only tickets created (or still open) and answers submitted since DATE.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the exports (default: the data folder).")
@workspace_options
def pull(since: date | None, out_dir: Path | None, data_dir: Path,
         config_file: Path | None) -> None:
    """Download companies, tickets and NPS/CSAT answers from HubSpot as CSV exports."""
    from deckgen.config import load_config
    from deckgen.hubspot.auth import connect
    from deckgen.hubspot.pull import pull as pull_exports

    config = load_config(data_dir, config_file)
    hub = connect(config.hubspot, echo=click.echo)
    pull_exports(hub, config, out_dir or config.data_dir, since=since, echo=click.echo)


def _company(config: Config, query: str, dry_run: bool) -> tuple[str, str]:
    """Record ID and name: from the companies export, else a numeric ID asked of HubSpot."""
    from deckgen.hubspot.auth import connect
    from deckgen.hubspot.companies import get_company
    from deckgen.sources.clients import find_client
    from deckgen.sources.workspace import load_workspace

    companies = load_workspace(config, ["companies"]).companies
    known = companies["company_id"].astype("string").str.strip() == query.strip()
    if not (query.strip().isdigit() and not known.fillna(False).any()):
        row = find_client(companies, query)
        return str(row["company_id"]), str(row["name"])
    company_id = query.strip()
    if dry_run:
        return company_id, company_id
    hub = connect(config.hubspot, echo=click.echo)
    name = get_company(hub, company_id, ["name"]).get("name")
    return company_id, name or company_id


def _quoted(value: str | None) -> str:
    return f'"{value}"' if value else "(empty)"
