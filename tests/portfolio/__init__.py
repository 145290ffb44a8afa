"""Tests of deckgen.portfolio and the due / build --all / portfolio commands."""
