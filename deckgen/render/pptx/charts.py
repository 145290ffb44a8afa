"""Refilling a chart drawn in the template with a chart-data object, keeping its styling."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from pptx.chart.axis import ValueAxis
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.datalabel import DataLabels

from deckgen.render.formatting import DASH
from deckgen.render.output import strip_xml_illegal
from deckgen.render.pptx.chart_workbook import chart_workbook
from deckgen.render.pptx.ooxml import C

NUMBER_FORMATS: dict[str, str] = {
    "count": "#,##0",
    "percent": '0.0"%"',  # values are already in percent units: 87.5 → 87.5%
    "hours": "0.0",
}


class _ChartData(CategoryChartData):
    """Chart data whose embedded workbook is written by :func:`chart_workbook`."""

    @property
    def xlsx_blob(self) -> bytes:
        categories = [str(c.label) for c in self.categories]
        series = [(str(s.name), list(s.values)) for s in self]
        return chart_workbook(categories, series, str(self.number_format))


class ChartDataError(ValueError):
    """The bound value is not chart data; the message says what is wrong."""


def _field(data: Any, name: str, default: Any = None) -> Any:
    if isinstance(data, Mapping):
        return data.get(name, default)
    return getattr(data, name, default)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ChartDataError(f"value {value!r} is not a number") from None
    return None if math.isnan(value) else float(value)


def chart_data(data: Any) -> _ChartData:
    """python-pptx chart data from anything with ``categories`` and ``series``."""
    categories = _field(data, "categories")
    series = _field(data, "series")
    if not isinstance(categories, Sequence) or isinstance(categories, str | bytes):
        raise ChartDataError(f"expected chart data with categories and series, got "
                             f"{type(data).__name__}")
    if not isinstance(series, Sequence) or isinstance(series, str | bytes):
        raise ChartDataError("chart data 'series' must be a list")
    kind = _field(data, "number_format", "count") or "count"
    if kind not in NUMBER_FORMATS:
        raise ChartDataError(f"number_format {kind!r} is not one of {', '.join(NUMBER_FORMATS)}")
    result = _ChartData(number_format=NUMBER_FORMATS[kind])
    result.categories = [DASH if c is None else strip_xml_illegal(str(c)) for c in categories]
    for item in series:
        values = [_number(v) for v in _field(item, "values", [])]
        if len(values) != len(categories):
            raise ChartDataError(f"series {_field(item, 'name')!r} has {len(values)} values "
                                 f"for {len(categories)} categories")
        result.add_series(strip_xml_illegal(str(_field(item, "name", ""))), values)
    return result


def positive_axis_ids(space: Any) -> None:
    """Number the chart's axes 1, 2, … in order (``c:axId`` and the ``c:crossAx`` pointing at
    them): the schema says unsigned int, and python-pptx writes negative ids."""
    ids: dict[str, str] = {}
    for element in space.iter(f"{C}axId"):
        ids.setdefault(element.get("val"), str(len(ids) + 1))
    for element in (*space.iter(f"{C}axId"), *space.iter(f"{C}crossAx")):
        value = element.get("val")
        if value in ids:
            element.set("val", ids[value])


def fill_chart(chart: Chart, data: Any) -> None:
    """Replace the chart's categories and series (and workbook) with ``data``."""
    new = chart_data(data)
    empty = not new.categories
    if empty:  # python-pptx cannot write zero categories: write one blank one, then drop it
        blank = _ChartData(number_format=new.number_format)
        blank.categories = [""]
        for series in new:
            blank.add_series(series.name, [None])
        new = blank
    chart.replace_data(new)
    number_format = new.number_format
    space = chart._chartSpace
    positive_axis_ids(space)
    if empty:
        for cache in (*space.iter(f"{C}strCache"), *space.iter(f"{C}numCache")):
            for point in cache.findall(f"{C}pt"):
                cache.remove(point)
            count = cache.find(f"{C}ptCount")
            if count is not None:
                count.set("val", "0")
    for d_lbls in space.iter(f"{C}dLbls"):
        labels = DataLabels(d_lbls)
        labels.number_format = number_format
        labels.number_format_is_linked = False
    for axis in space.iter(f"{C}valAx"):
        ticks = ValueAxis(axis).tick_labels
        ticks.number_format = number_format
        ticks.number_format_is_linked = False
