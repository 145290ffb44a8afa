"""``deckgen template check``: what a template uses, and what its kind's context lacks."""

from __future__ import annotations

from pathlib import Path

import click

from deckgen.cli.options import workspace_options

KIND_NAMES = ("review", "kickoff", "portfolio", "ata-kickoff", "ata-passagem", "ata-revisao")


@click.group()
def template() -> None:
    """Work with PowerPoint and Word templates."""


@template.command("check")
@click.argument("template_file", metavar="TEMPLATE",
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(KIND_NAMES), default=None,
              help="Which document the template is for (default: from the file name, else the "
                   "kind of that file type that provides the most names).")
@workspace_options
def check(template_file: Path, kind: str | None, data_dir: Path,
          config_file: Path | None) -> None:
    """List every name and chart/table/image binding per slide or paragraph; exit 1 if the
    kind's context does not provide one (one line per problem, naming where it is).

    What is over a limit on its face is refused, under the [limits] of the workspace's
    configuration (DATA/deckgen.toml or --config), else the default limits.
    """
    from deckgen.config import CONFIG_NAME, load_config
    from deckgen.pipelines.template_kinds import check_kind

    config = None
    if config_file is not None or (data_dir / CONFIG_NAME).is_file():
        config = load_config(data_dir, config_file)
    checked = check_kind(template_file, kind, config.limits if config else None)
    click.echo(f"{template_file.name} (kind: {checked.kind.name}, {checked.how})")
    click.echo(f"limits: [limits] of {config.config_path}" if config else
               "limits: the defaults (no deckgen.toml here; --data or --config gives one)")
    for place in checked.places:
        if not place.usages:
            continue
        click.echo(place.where)
        for usage in place.usages:
            mark = "" if usage.provided else "   <- not provided"
            click.echo(f"  {usage.kind:<8} {usage.text}{mark}")
    missing = checked.missing
    for where, usage in missing:
        click.echo(f"{template_file.name}, {where}: {usage.kind} {usage.text!r} is not provided "
                   f"by the {checked.kind.description}", err=True)
    if missing:
        click.echo(f"{len(missing)} name(s) or binding(s) not provided by the "
                   f"{checked.kind.description}", err=True)
        raise SystemExit(1)
    click.echo(f"ok: the {checked.kind.description} provides everything the template uses")
