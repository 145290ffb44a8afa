"""Benchmarks: synthetic portfolios and timing of the heavy paths."""
