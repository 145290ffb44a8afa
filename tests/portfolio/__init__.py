"""Tests of the batch and portfolio-report pipelines, and of due, build --all and portfolio."""
