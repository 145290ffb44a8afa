"""Tables on the terminal: Rich when it is one, aligned plain text in pipes and CI logs."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str = "",
                align: str = "") -> None:
    """A Rich table on a terminal; plain text in aligned columns otherwise (pipes, CI logs).

    ``align`` holds one letter per column, ``l`` or ``r`` (default: left).
    """
    aligns = [align[i] if i < len(align) else "l" for i in range(len(headers))]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title or None, title_justify="left")
        for header, side in zip(headers, aligns, strict=True):
            table.add_column(header, justify="right" if side == "r" else "left")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if side == "r" else c.ljust(w)
                 for c, w, side in zip(cells, widths, aligns, strict=True)]
        return "  ".join(parts).rstrip()

    if title:
        click.echo(title)
    click.echo(line(headers))
    for row in rows:
        click.echo(line(row))
