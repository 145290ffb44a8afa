"""``deckgen preview``: PNG pages and a contact sheet of finished documents."""

from __future__ import annotations

from pathlib import Path

import click

from deckgen.cli.options import out_option


@click.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@out_option("Folder for the pictures (default: beside each document).")
@click.option("--dpi", type=click.IntRange(20, 300), default=50, show_default=True,
              help="Resolution of the page pictures.")
@click.option("--columns", type=click.IntRange(1, 12), default=4, show_default=True,
              help="Thumbnails per row of the contact sheet.")
def preview(paths: tuple[Path, ...], out_dir: Path | None, dpi: int, columns: int) -> None:
    """Pictures of each PPTX/DOCX/XLSX in PATHS (files or folders): NAME.pages/page-N.png and
    NAME.contact.png, one sheet with every page, to look at a deck without PowerPoint."""
    from deckgen.render.preview import find_documents
    from deckgen.render.preview import preview as make_previews

    for made in make_previews(find_documents(list(paths)), out_dir, dpi=dpi, columns=columns):
        click.echo(f"{made.document.name}: {len(made.pages)} page(s) → {made.sheet}")
