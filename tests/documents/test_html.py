"""The HubSpot note body: whitelisted tags only, escaped text, within HubSpot's size limit."""

from __future__ import annotations

import pytest

from deckgen.render.html import note_html, sanitize_html


@pytest.mark.parametrize(
    ("given", "clean"),
    [
        ("<p>a &amp; b</p>", "<p>a &amp; b</p>"),
        ('<p onclick="x()">hi</p>', "<p>hi</p>"),
        ("<script>alert(1)</script><p>x</p>", "alert(1)<p>x</p>"),
        ('<a href="javascript:x">link</a>', "link"),
        ("<table><tr><td>1 &lt; 2</td></tr></table>", "<table><tr><td>1 &lt; 2</td></tr></table>"),
        ("<ul><li><strong>b</strong> <em>i</em></li></ul>",
         "<ul><li><strong>b</strong> <em>i</em></li></ul>"),
        ("<p>open", "<p>open</p>"),
        ("<!-- c --><p>x<br>y</p>", "<p>x<br>y</p>"),
    ],
)
def test_sanitize(given: str, clean: str) -> None:
    assert sanitize_html(given) == clean


def test_note_keeps_whole_blocks_within_the_limit() -> None:
    blocks = [f"<p>{'x' * 90}</p>" for _ in range(10)]
    assert note_html(blocks, limit=10_000) == "\n".join(blocks)
    short = note_html(blocks, limit=350, truncated="(continua no anexo)")
    assert len(short) <= 350
    assert short.endswith("<p><em>(continua no anexo)</em></p>")
    assert short.count("<p>x") == 3  # 3 × (97 + 1) + 35 ≤ 350
