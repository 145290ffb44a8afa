"""Read the exports users bring and normalise them into canonical tables."""
