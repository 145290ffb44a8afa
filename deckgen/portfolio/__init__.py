"""Many clients at once: selecting a portfolio, building every deck, the CS Ops report."""
