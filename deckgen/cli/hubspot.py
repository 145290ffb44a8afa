"""``deckgen publish``, ``deckgen hubspot set-phase|doctor`` and ``deckgen pull``: HubSpot."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from deckgen.cli.options import (
    dry_run_option,
    open_workspace,
    out_option,
    since_option,
    workspace_options,
)

MEETING_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y"]
DRY_RUN = "Print the requests instead of sending them."


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
@dry_run_option(DRY_RUN)
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
    from deckgen.hubspot.publish import read_minutes

    if not files and minutes_file is None:
        raise click.UsageError("give FILES to upload, --minutes, or both")
    workspace, _ = open_workspace(data_dir, config_file, sources=())
    text_cap = workspace.config.limits.bytes("text")
    minutes = read_minutes(minutes_file, text_cap) if minutes_file else None
    workspace.publish(client, list(files), minutes_html=minutes,
                      kind="meeting" if kind == "meeting" else "note", meeting_date=meeting_date,
                      title=title, dry_run=dry_run, echo=click.echo)


@click.group()
def hubspot() -> None:
    """Change HubSpot records of a client."""


@hubspot.command("set-phase")
@click.argument("client")
@click.argument("phase")
@dry_run_option(DRY_RUN)
@workspace_options
def set_phase(client: str, phase: str, dry_run: bool, data_dir: Path,
              config_file: Path | None) -> None:
    """Set CLIENT's phase ([hubspot] phase_property) to PHASE (label or internal value)."""
    workspace, _ = open_workspace(data_dir, config_file, sources=())
    name, change = workspace.set_phase(client, phase, dry_run=dry_run, echo=click.echo)
    if dry_run:
        click.echo(f"{name} ({change.company_id}): {change.name} would be set to "
                   f"{_quoted(change.value)}" + (f" ({_quoted(change.new)})"
                                                 if change.new != change.value else ""))
    else:
        click.echo(f"{name} ({change.company_id}): {change.name} "
                   f"{_quoted(change.old)} → {_quoted(change.new)}")


@hubspot.command("doctor")
@workspace_options
def doctor(data_dir: Path, config_file: Path | None) -> None:
    """Check the configured properties and the token's scopes against the portal."""
    workspace, _ = open_workspace(data_dir, config_file, sources=())
    if not workspace.doctor(echo=click.echo):
        raise SystemExit(1)


@click.command()
@since_option("Only the records changed since DATE, merged into the previous exports.")
@out_option("Folder for the exports (default: the data folder).")
@workspace_options
def pull(since: date | None, out_dir: Path | None, data_dir: Path,
         config_file: Path | None) -> None:
    """Download companies, tickets and NPS/CSAT answers from HubSpot as CSV exports."""
    workspace, _ = open_workspace(data_dir, config_file, sources=())
    workspace.pull(since=since, out=out_dir, echo=click.echo)


def _quoted(value: str | None) -> str:
    return f'"{value}"' if value else "(empty)"
