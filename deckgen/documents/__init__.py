"""Kickoff, hand-over and review-meeting documents, their contexts built from the data."""
