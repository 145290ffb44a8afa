"""One pipeline per product: read what it needs, compute, render, write its files.

review deck, minutes, kickoff minutes, client kickoff deck, hand-over minutes, the CS Ops
portfolio report, and the batch that builds many review decks."""
