"""The few exceptions deckgen raises on purpose; the CLI turns each into one line and exit 1."""

from __future__ import annotations


class DeckgenError(Exception):
    """Base class: a problem the user can fix, stated in one line."""


class ConfigError(DeckgenError):
    """The configuration file is missing, malformed or inconsistent."""


class InputError(DeckgenError):
    """A data file cannot be read as expected.

    The message always names the file and, where known, the row (1-based, as a
    spreadsheet shows it: the header is row 1) and the column.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.problem = problem
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")


class ClientNotFound(DeckgenError):
    """No client, or more than one, matches what the user typed."""


class PeriodError(DeckgenError):
    """The review period asked for is not a valid date interval."""


class TemplateError(DeckgenError):
    """A template cannot be rendered; the message names template, slide/paragraph and shape."""


class RenderError(DeckgenError):
    """Output could not be produced (unwritable folder, converter missing...)."""


class PublishError(DeckgenError):
    """HubSpot refused or could not be reached."""
