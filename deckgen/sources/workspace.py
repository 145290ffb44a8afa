"""A workspace: the configuration plus every source read and normalised once.

Table contract (what indicators may rely on):

* Every table has exactly the canonical columns of :mod:`deckgen.sources.schema` for its
  source, in that order; an optional column absent from the export is present and all-NA
  and its name is listed in ``Workspace.absent[source]``.
* dtypes: ``id`` → pandas ``string``; ``text`` → ``string`` (NA when blank, XML-illegal
  control characters removed); ``int`` → ``Int64``; ``float`` → ``float64``;
  ``datetime`` → ``datetime64[ns, <company tz>]``; ``date`` → ``datetime64[ns]`` (naive,
  midnight, local calendar date); ``bool`` → ``boolean``; ``priority`` → ``string`` holding
  ``urgent``/``high``/``medium``/``low`` or NA; ``list`` → ``object`` holding tuples of str
  (empty tuple when blank).
* ``tickets`` additionally has ``stream`` (``string``: the configured stream key, NA when the
  pipeline / type matches no stream), ``categories`` (``object`` tuples: the configured
  category column, ``tickets.category_from``) and ``is_closed`` (``bool``: status in
  ``tickets.closed_statuses``, compared case- and accent-insensitively).
* ``surveys`` additionally has ``kind`` (``string``: ``nps``, ``csat`` or NA by
  ``surveys.nps_types`` / ``csat_types``).
* A source that is not configured (or whose file is absent when optional) is an empty table
  with the canonical columns, and is named in ``Workspace.unavailable`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from deckgen.config import Config


@dataclass
class Workspace:
    """Every source of one data folder, normalised."""

    config: Config
    companies: pd.DataFrame
    tickets: pd.DataFrame
    surveys: pd.DataFrame
    releases: pd.DataFrame
    actions: pd.DataFrame
    absent: dict[str, list[str]] = field(default_factory=dict)
    unavailable: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
