"""NPS comments as a client reads them: cleaned, cut at a word, grouped by class, deduplicated."""

from __future__ import annotations

import re
from dataclasses import replace

from deckgen.model.review import Comment, CommentGroup, ShownComment
from deckgen.sources.names import fold

_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t]{2,}")
KLASSES = ("detractor", "passive", "promoter")


def clean(text: str) -> str:
    """``text`` with control characters as spaces and no runs of spaces."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def cut(text: str, limit: int) -> tuple[str, bool]:
    """``text`` cut at the last word boundary within ``limit`` characters, plus "…"."""
    if len(text) <= limit:
        return text, False
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:.-–—") + "…", True


def comment_groups(comments: list[Comment], limit: int) -> list[CommentGroup]:
    """Detractors, passives and promoters (those with comments), each newest first; identical
    comments of a group (ignoring case, accents and spacing) are shown once with a count."""
    groups: list[CommentGroup] = []
    for klass in KLASSES:
        mine = [c for c in comments if c.klass == klass]
        if not mine:
            continue
        shown: dict[str, ShownComment] = {}
        for c in sorted(mine, key=lambda c: c.submitted, reverse=True):
            text = clean(c.text)
            key = fold(text)
            if key in shown:
                shown[key] = replace(shown[key], repeats=shown[key].repeats + 1)
                continue
            short, was_cut = cut(text, limit)
            shown[key] = ShownComment(short, c.score, c.submitted, klass, was_cut,
                                      first=not shown, group_size=len(mine))
        groups.append(CommentGroup(klass, len(mine), list(shown.values())))
    return groups
