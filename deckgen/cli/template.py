"""``deckgen template check``: what a PowerPoint template uses, and what the model lacks."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def template() -> None:
    """Work with PowerPoint templates."""


@template.command("check")
@click.argument("template_file", metavar="TEMPLATE",
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["review"]), default="review", show_default=True,
              help="Which report model the template is for.")
def check(template_file: Path, kind: str) -> None:
    """List every name and chart/table/image binding per slide; exit 1 if one is unknown."""
    from deckgen.render.pptx.check import KINDS, check_template, iter_missing

    slides = check_template(template_file, KINDS[kind]())
    click.echo(f"{template_file.name} (model: {kind})")
    for slide in slides:
        if not slide.usages:
            continue
        click.echo(f"slide {slide.slide}")
        for usage in slide.usages:
            mark = "" if usage.provided else "   <- not provided"
            click.echo(f"  {usage.kind:<8} {usage.text}{mark}")
    missing = list(iter_missing(slides))
    if missing:
        click.echo(f"{len(missing)} name(s) or binding(s) not provided by the {kind} model",
                   err=True)
        raise SystemExit(1)
    click.echo(f"ok: the {kind} model provides everything the template uses")
