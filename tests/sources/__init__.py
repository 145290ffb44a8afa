"""Tests of reading and normalising exports."""
