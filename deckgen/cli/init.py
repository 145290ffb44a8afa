"""``deckgen init``: write a commented ``deckgen.toml`` for a folder of exports, then check it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from deckgen.cli.options import FOLDER, lang_option


@click.command()
@click.argument("data_dir", type=FOLDER, default=Path("."), required=False)
@click.option("--yes", "-y", "accept", is_flag=True,
              help="Accept every proposal without asking.")
@click.option("--force", is_flag=True, help="Replace an existing deckgen.toml.")
@click.option("--stream", "streams", multiple=True, metavar="KEY[:ROLE]=VALUE,...",
              help="A stream and the pipelines or ticket types it holds (repeatable), "
                   "e.g. csm:support=Erro,Dúvida.")
@click.option("--name", default=None, help="Company name (default: the folder's name).")
@lang_option("The documents'", default="pt-BR")
def init(data_dir: Path, accept: bool, streams: tuple[str, ...], force: bool,
         name: str | None, lang: str | None) -> None:
    """Look at the exports in DATA_DIR, write DATA_DIR/deckgen.toml saying what was decided
    and why (a TODO where it could not decide), then run `deckgen check` on it.

    On a terminal it asks before each guess (the default in brackets); --yes, or input that
    is not a terminal, takes every default.
    """
    from deckgen.cli.check import report_check
    from deckgen.pipelines.init import accept_defaults, init_workspace, parse_stream_option

    for text in streams:
        try:
            parse_stream_option(text)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--stream") from None

    def ask(question: str, default: str) -> str:
        return str(click.prompt(question, default=default, show_default=True))

    interactive = not accept and _on_a_terminal()
    result = init_workspace(data_dir, ask=ask if interactive else accept_defaults, force=force,
                            streams=streams, name=name, language=lang or "pt-BR")
    click.echo(f"wrote {result.path}")
    for todo in result.todos:
        click.echo(f"  TODO: {todo}")
    report_check(data_dir, None)


def _on_a_terminal() -> bool:
    """Whether a person can answer the questions (standard input is a terminal)."""
    return sys.stdin.isatty()
