"""Table pages: the fewest pages, each within the box, filled about evenly."""

from __future__ import annotations

import random

import pytest

from deckgen.render.pptx.tables import paginate


def _pages(heights: list[int], sizes: list[int]) -> list[list[int]]:
    pages, start = [], 0
    for size in sizes:
        pages.append(heights[start:start + size])
        start += size
    return pages


@pytest.mark.parametrize("seed", range(40))
def test_pages_fit_keep_order_and_are_as_few_as_greedy(seed: int) -> None:
    rng = random.Random(seed)
    available = 1000
    heights = [rng.choice([50, 80, 120, 300, 700, 1000]) for _ in range(rng.randint(1, 60))]
    sizes = paginate(heights, available)
    assert sum(sizes) == len(heights) and all(sizes)
    pages = _pages(heights, sizes)
    assert all(sum(p) <= available for p in pages)
    greedy, used = 1, 0
    for h in heights:
        if used and used + h > available:
            greedy, used = greedy + 1, 0
        used += h
    assert len(sizes) == greedy


@pytest.mark.parametrize("count", range(1, 80))
def test_uniform_rows_leave_no_thin_continuation_page(count: int) -> None:
    sizes = paginate([100] * count, 1000)
    assert max(sizes) - min(sizes) <= 1
    assert all(b * 3 >= a for a, b in zip(sizes, sizes[1:], strict=False))
