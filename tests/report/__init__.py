"""Tests of deckgen.report."""
