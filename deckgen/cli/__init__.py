"""The ``deckgen`` command line: a thin layer that parses options and calls the library.

Each command parses its options (shared ones from :mod:`deckgen.cli.options`), calls one
method of :class:`deckgen.api.Workspace` and prints; domain errors become one line on stderr
and exit status 1 (``--traceback`` shows the Python traceback instead).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from deckgen import __version__
from deckgen.errors import DeckgenError

# Sub-modules that define commands; each is imported only when one of its commands runs.
COMMANDS: dict[str, str] = {
    "check": "deckgen.cli.check",
    "init": "deckgen.cli.init",
    "template": "deckgen.cli.template",
    "build": "deckgen.cli.build",
    "kickoff": "deckgen.cli.documents",
    "handoff": "deckgen.cli.documents",
    "minutes": "deckgen.cli.documents",
    "publish": "deckgen.cli.hubspot",
    "hubspot": "deckgen.cli.hubspot",
    "pull": "deckgen.cli.hubspot",
    "due": "deckgen.cli.portfolio",
    "portfolio": "deckgen.cli.portfolio",
    "preview": "deckgen.cli.preview",
}


class LazyGroup(click.Group):
    """A group whose commands live in modules imported on first use (fast start-up)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, module in COMMANDS.items() if _available(module))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None or not _available(module):
            return None
        command = getattr(importlib.import_module(module), cmd_name.replace("-", "_"))
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            click.echo(f"Error: {exc.format_message()}{hint}", err=True)
            sys.exit(1)
        except DeckgenError as exc:
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.Abort, click.ClickException):
            raise  # --help, Ctrl-C and the like: Click's own handling
        except MemoryError:  # where no file or document was being read or produced
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            click.echo(f"Error: deckgen {ctx.invoked_subcommand}: not enough memory (free "
                       "memory, or build fewer clients or a shorter period at once)", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug: still one line, with the way to see more
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            click.echo(f"Error: unexpected {type(exc).__name__}: {exc} "
                       "(run again with 'deckgen --traceback ...' and report it)", err=True)
            sys.exit(1)


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an error.")
@click.pass_context
def main(ctx: click.Context, traceback: bool) -> None:
    """Review decks and minutes for customer-success meetings, from CRM exports."""
    ctx.obj = {"traceback": traceback}
