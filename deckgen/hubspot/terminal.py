"""One self-erasing status line on a terminal, drawn while deckgen waits for HubSpot."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

ERASE = "\r\x1b[2K"


class TerminalStatus:
    """Shows one line of progress on ``stream`` and erases it again; nothing is left behind."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = False

    @classmethod
    def on_stderr(cls) -> TerminalStatus | None:
        """A status line on standard error when it is a terminal; None otherwise."""
        return cls(sys.stderr) if sys.stderr.isatty() else None

    def show(self, text: str) -> None:
        """Replace the line with ``text`` (cut to the terminal's width)."""
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self._stream.write(ERASE + text[:width])
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the line, so that what is printed next starts on a clean line."""
        if self._shown:
            self._stream.write(ERASE)
            self._stream.flush()
            self._shown = False
