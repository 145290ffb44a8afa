"""``deckgen check``: validate a configuration and every source without rendering anything."""

from __future__ import annotations

from pathlib import Path

import click

from deckgen.cli.options import workspace_options


@click.command()
@workspace_options
def check(data_dir: Path, config_file: Path | None) -> None:
    """Read the configuration and every export; summarise them and what will be missing."""
    from deckgen.config import load_config
    from deckgen.pipelines.check import format_summary
    from deckgen.sources.summary import summarise

    config = load_config(data_dir, config_file)
    click.echo(f"configuration: {config.config_path} ({config.company.name}, "
               f"{config.company.language}, {config.company.timezone})")
    summary = summarise(config)
    for line in format_summary(summary, config.company.language):
        click.echo(line, err=line.startswith("warning: "))
    click.echo("ok: every source can be read")
