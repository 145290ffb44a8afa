"""Options shared by the commands, each defined once as a reusable decorator, and the workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click

from deckgen import languages
from deckgen.cli.dates import DAY, PERIOD

if TYPE_CHECKING:
    from deckgen.api import Workspace

F = TypeVar("F", bound=Callable[..., Any])


class Decorator(Protocol):
    """What ``click.option(...)`` returns: adds one option to a command function."""

    def __call__(self, func: F, /) -> F: ...


FOLDER = click.Path(file_okay=False, path_type=Path)
FILE = click.Path(dir_okay=False, path_type=Path)


def workspace_options(func: F) -> F:
    """``--data DIR`` and ``--config FILE``: where the exports and ``deckgen.toml`` are."""
    func = click.option("--config", "config_file", type=FILE, default=None,
                        help="Configuration file (default: DATA/deckgen.toml).")(func)
    return click.option("--data", "data_dir", type=FOLDER, default=Path("."), show_default=True,
                        help="Folder holding the exports.")(func)


def out_option(
    help: str = "Output folder (default: [review] output of the configuration).",
) -> Decorator:
    """``--out DIR``: where the command writes."""
    return click.option("--out", "out_dir", type=FOLDER, default=None, help=help)


def lang_option(what: str, default: str = "from the configuration") -> Decorator:
    """``--lang``: one of the languages that have labels (:func:`deckgen.languages`)."""
    return click.option("--lang", type=click.Choice(languages()), default=None,
                        help=f"{what} language (default: {default}).")


def template_option(help: str) -> Decorator:
    """``--template FILE``: a template instead of the configured or built-in one."""
    return click.option("--template", type=FILE, default=None, help=help)


def period_option(help: str) -> Decorator:
    """``--period START..END``, both days included."""
    return click.option("--period", "period", type=PERIOD, default=None, help=help)


def since_option(help: str) -> Decorator:
    """``--since DATE``."""
    return click.option("--since", type=DAY, default=None, help=help)


def on_option(help: str) -> Decorator:
    """``--on DATE``: the day reviews are due on or before."""
    return click.option("--on", "due_on", type=DAY, default=None, help=help)


def owner_option(func: F) -> F:
    """``--owner CSM``: only one CSM's clients."""
    return click.option("--owner", default=None,
                        help="Only the clients of this CSM (Proprietário CS).")(func)


def dry_run_option(help: str) -> Decorator:
    """``--dry-run``: print the HubSpot requests, send nothing."""
    return click.option("--dry-run", "dry_run", is_flag=True, help=help)


def publish_options(func: F) -> F:
    """``--publish`` and ``--dry-run``, shared by build, kickoff, handoff and minutes."""
    func = dry_run_option("With --publish: print the HubSpot requests, send nothing.")(func)
    return click.option("--publish", is_flag=True,
                        help="Upload the files and log a note on the client's HubSpot company.")(
        func
    )


def open_workspace(
    data_dir: Path,
    config_file: Path | None,
    *,
    lang: str | None = None,
    out_dir: Path | None = None,
    sources: Iterable[str] | None = None,
) -> tuple[Workspace, Path]:
    """The workspace of ``--data``/``--config`` (in ``--lang``) and its output folder."""
    from deckgen.api import Workspace

    workspace = Workspace(data_dir, config=config_file, language=lang, out=out_dir,
                          sources=sources)
    return workspace, workspace.out
