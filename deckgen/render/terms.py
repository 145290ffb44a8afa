"""The ``term`` template filter: the deck's words for the keys a report holds.

``{{ t.priority | term('priority') }}`` → "Alta"; a list gives a list; chart data gives the same
chart with its categories (and series names) in words. The words come from the ``labels``
(a :class:`deckgen.locale.Labels`) every document context carries.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from deckgen.locale import Labels
from deckgen.model.review import ChartData, Series


def labelled_chart(data: ChartData, labels: Labels) -> ChartData:
    """``data`` with its categories and series names in words."""
    categories: list[str | None] = list(data.categories)
    if data.category_terms:
        categories = [labels.term(data.category_terms, c) for c in data.categories]
    series = data.series
    if data.series_terms:
        series = [Series(labels.term(data.series_terms, s.name), s.values) for s in series]
    return ChartData(categories, series, data.number_format)


@pass_context
def term(context: Context, value: Any, kind: str | None = None) -> Any:
    """The words for ``value``, a key of ``kind`` (or a list of them, or chart data)."""
    labels: Labels = context["labels"]
    if isinstance(value, ChartData):
        return labelled_chart(value, labels)
    if kind is None:
        raise ValueError("term: say which kind of key this is, e.g. term('priority')")
    if isinstance(value, list | tuple):
        return [labels.term(kind, v) for v in value]
    return labels.term(kind, value)
