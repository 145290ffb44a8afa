"""``python -m deckgen``: the same command line as ``deckgen``."""

from deckgen.cli import main

main()
