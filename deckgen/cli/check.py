"""``deckgen check``: validate a configuration and every source without rendering anything."""

from __future__ import annotations

from pathlib import Path

import click

from deckgen.cli.options import open_workspace, workspace_options


@click.command()
@workspace_options
def check(data_dir: Path, config_file: Path | None) -> None:
    """Read the configuration and every export; summarise them and what will be missing."""
    from deckgen.sources.summary import format_summary

    workspace, _ = open_workspace(data_dir, config_file)
    company = workspace.config.company
    click.echo(f"configuration: {workspace.config.config_path} ({company.name}, "
               f"{company.language}, {company.timezone})")
    for line in format_summary(workspace.check(), english=workspace.language == "en"):
        click.echo(line, err=line.startswith("warning: "))
    click.echo("ok: every source can be read")
