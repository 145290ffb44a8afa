"""Options shared by several commands, as reusable decorators."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def workspace_options(func: F) -> F:
    """``--data DIR`` and ``--config FILE``: where the exports and ``deckgen.toml`` are."""
    func = click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Configuration file (default: DATA/deckgen.toml).",
    )(func)
    func = click.option(
        "--data",
        "data_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("."),
        show_default=True,
        help="Folder holding the exports.",
    )(func)
    return func
