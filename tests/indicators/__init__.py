"""Tests of deckgen.indicators."""
