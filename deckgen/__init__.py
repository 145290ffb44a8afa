"""deckgen: customer-success review decks and minutes from CRM and support exports.

Scripts use :class:`deckgen.api.Workspace`; the ``deckgen`` command is a thin layer over it.
"""

from __future__ import annotations

from deckgen.locale import languages

__version__ = "0.1.0"
__all__ = ["__version__", "languages"]
