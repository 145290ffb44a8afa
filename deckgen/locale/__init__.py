"""Default display labels per deck language, with workspace overrides.

The labels of a language are every ``<lang>.toml`` and ``<topic>.<lang>.toml`` file beside this
module, merged; a dotted key may be defined in one file only.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from deckgen.config import Config


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


@cache
def default_labels(language: str) -> Mapping[str, str]:
    """The built-in labels of ``language`` as dotted keys (``"priority.urgent"``)."""
    folder = resources.files(__name__)
    names = sorted(
        entry.name for entry in folder.iterdir()
        if entry.name == f"{language}.toml" or entry.name.endswith(f".{language}.toml")
    )
    if not names:
        raise LookupError(f"no labels for language {language!r}")
    merged: dict[str, str] = {}
    for name in names:
        table = _flatten(tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8")))
        clash = sorted(set(table) & set(merged))
        if clash:
            raise ValueError(f"locale/{name}: {clash[0]!r} is defined in another file too")
        merged.update(table)
    return MappingProxyType(merged)


@dataclass(frozen=True)
class Labels:
    """The labels a report shows: the language's defaults with ``[labels]`` overrides applied."""

    language: str
    texts: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.texts[key]

    def format(self, key: str, **values: object) -> str:
        """The label ``key`` with its ``{placeholders}`` filled."""
        return self.texts[key].format(**values)


def labels_for(config: Config) -> Labels:
    """The labels of the configuration's deck language, overrides included."""
    language = config.company.language
    defaults = default_labels(language)
    return Labels(language, {key: config.label(key, text) for key, text in defaults.items()})
