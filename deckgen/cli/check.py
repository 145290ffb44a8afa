"""``deckgen check``: validate a configuration and every source without rendering anything."""

from __future__ import annotations

from pathlib import Path

import click

from deckgen.cli.options import open_workspace, workspace_options


@click.command()
@workspace_options
def check(data_dir: Path, config_file: Path | None) -> None:
    """Read the configuration and every export; summarise them and what will be missing."""
    report_check(data_dir, config_file)


def report_check(data_dir: Path, config_file: Path | None) -> None:
    """Print what ``deckgen check`` finds in a workspace (warnings on stderr)."""
    from deckgen.pipelines.check import format_summary, require_workspace

    require_workspace(data_dir, config_file)
    workspace, _ = open_workspace(data_dir, config_file)
    company = workspace.config.company
    click.echo(f"configuration: {workspace.config.config_path} ({company.name}, "
               f"{company.language}, {company.timezone})")
    for line in format_summary(workspace.check(), workspace.language):
        click.echo(line, err=line.startswith("warning: "))
    click.echo("ok: every source can be read")
