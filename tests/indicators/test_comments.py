"""NPS comments for a slide: control characters, cuts at a word, groups, repeats."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from deckgen.indicators.comments import clean, comment_groups, cut
from deckgen.model.review import Comment

DAY = datetime(2026, 10, 1, 12, 0)


@pytest.mark.parametrize(("raw", "expected"), [
    ("Bom\x00produto", "Bom produto"),
    ("Bom \x07 produto", "Bom produto"),
    ("linha 1\r\nlinha 2\ttab", "linha 1 linha 2 tab"),
    ("  espaços   dobrados ", "espaços dobrados"),
    ("fim\ufffe", "fim"),
])
def test_control_characters_become_one_space(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_a_long_comment_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "A plataforma evoluiu bastante desde o Go-Live e hoje as equipes usam todos os dias."
    short, was_cut = cut(text, 40)
    assert (short, was_cut) == ("A plataforma evoluiu bastante desde o…", True)
    assert len(short) <= 40
    assert cut("Curto.", 40) == ("Curto.", False)
    word = "x" * 100  # one word longer than the limit is cut inside it
    assert cut(word, 40) == ("x" * 39 + "…", True)


def _comment(text: str, score: int, days: int) -> Comment:
    klass = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
    return Comment(text, score, klass, DAY - timedelta(days=days))


def test_comments_are_grouped_detractors_first_and_repeats_counted() -> None:
    comments = [
        _comment("Ótimo!", 10, 1),
        _comment("Lento no fim do mês", 4, 2),
        _comment("lento  no fim do mês", 5, 3),  # the same words: shown once, counted twice
        _comment("Ótimo!", 6, 4),  # same words, another group: its own row
        _comment("Bom", 8, 5),
        _comment("Muito bom " * 40, 9, 6),
    ]
    groups = comment_groups(comments, 60)
    assert [(g.klass, g.answers) for g in groups] == [
        ("detractor", 3), ("passive", 1), ("promoter", 2)]
    detractors = groups[0].comments
    assert [(c.text, c.repeats, c.first) for c in detractors] == [
        ("Lento no fim do mês", 2, True), ("Ótimo!", 1, False)]
    promoters = groups[2].comments
    assert [c.text for c in promoters][0] == "Ótimo!"
    assert promoters[1].cut and promoters[1].text.endswith("…") and len(promoters[1].text) <= 60
    assert all(c.group_size == 2 for c in promoters)
