"""deckgen: customer-success review decks and minutes from CRM and support exports."""

__version__ = "0.1.0"
