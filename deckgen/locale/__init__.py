"""Default display labels per deck language, with workspace overrides.

The labels of a language are every ``<lang>.toml`` and ``<topic>.<lang>.toml`` file beside this
module, merged; a dotted key may be defined in one file only.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

# A label given in configuration: one string, or one per language.
Label = str | dict[str, str]


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


# Kinds of key whose values come from the data: shown as they are (None: the kind's "none").
DATA_TERMS = frozenset({"category", "status", "csm"})


@dataclass(frozen=True)
class Labels:
    """The words of one language: the defaults with ``[labels]`` overrides, and stream names."""

    language: str
    texts: Mapping[str, str]
    streams: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.texts[key]

    def format(self, key: str, **values: object) -> str:
        """The label ``key`` with its ``{placeholders}`` filled."""
        return self.texts[key].format(**values)

    def term(self, kind: str, key: str | None) -> str:
        """The words for a key of the model: ``term("priority", "high")`` → "Alta".

        Streams are named by the configuration; categories, statuses and CSMs are data and
        shown as they are; ``None`` is the kind's "none" label ("Sem categoria"); an SLA row's
        category is a category or ``"*all_categories"`` / ``"*other_categories"``.
        """
        if kind == "sla_category":
            if key is None or not key.startswith("*"):
                return self.term("category", key)
            return self.texts[f"sla.{key[1:]}"]
        if key is None:
            return self.texts[f"{kind}.none"]
        if kind == "stream":
            return self.streams.get(key, key)
        if kind in DATA_TERMS:
            return key
        return self.texts[f"{kind}.{key}"]


def languages_in(folder: Path) -> tuple[str, ...]:
    """The languages of a labels folder: one per ``<lang>.toml``; topic files
    (``<topic>.<lang>.toml``) add labels to a language, never a language."""
    stems = (p.name.removesuffix(".toml") for p in folder.glob("*.toml"))
    return tuple(sorted(stem for stem in stems if "." not in stem))


def languages() -> tuple[str, ...]:
    """The languages deckgen writes in: those with a ``<lang>.toml`` beside this module."""
    return languages_in(Path(__file__).parent)


def label_for(label: Label, language: str) -> str:
    """A label given as one string or as ``{pt-BR = "...", en = "..."}``, in ``language``."""
    if isinstance(label, str):
        return label
    return label.get(language) or next(iter(label.values()))


def labels_for(
    language: str,
    overrides: Mapping[str, Label] | None = None,
    streams: Mapping[str, Label] | None = None,
) -> Labels:
    """The labels of ``language``: built-in texts, a workspace's overrides, its stream names."""
    overrides = overrides or {}
    texts = {
        key: label_for(overrides[key], language) if key in overrides else text
        for key, text in default_labels(language).items()
    }
    names = {key: label_for(label, language) for key, label in (streams or {}).items()}
    return Labels(language, texts, names)
