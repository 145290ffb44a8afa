"""deckgen: customer-success review decks and minutes from CRM and support exports.

Scripts use :class:`deckgen.api.Workspace`; the ``deckgen`` command is a thin layer over it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

__version__ = "0.1.0"


def languages() -> tuple[str, ...]:
    """The languages deckgen writes in: one per ``deckgen/locale/<lang>.toml`` file of labels.

    Topic files (``<topic>.<lang>.toml``) add labels to a language, never a language. The
    folder is listed without importing the labels layer, so the command line starts fast.
    """
    spec = importlib.util.find_spec("deckgen.locale")
    folders = spec.submodule_search_locations if spec else None
    found = {
        path.name.removesuffix(".toml")
        for folder in folders or ()
        for path in Path(folder).glob("*.toml")
        if "." not in path.name.removesuffix(".toml")
    }
    return tuple(sorted(found))
