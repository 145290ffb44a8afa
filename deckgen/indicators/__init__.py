"""Indicators: pure functions from normalised tables and configuration to report figures."""
