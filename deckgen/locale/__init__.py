"""Default display labels per deck language (pt-BR.toml, en.toml), with workspace overrides."""

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
    text = resources.files(__name__).joinpath(f"{language}.toml").read_text(encoding="utf-8")
    return MappingProxyType(_flatten(tomllib.loads(text)))


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
