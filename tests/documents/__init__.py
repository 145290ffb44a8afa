"""Tests of the kickoff, hand-over and review-meeting documents."""
