"""Helpers for the source tests: a workspace folder written from text and bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.config import Config, load_config

BASE_CONFIG = """\
[company]
name = "Acme"

[[streams]]
key = "support"
label = "Suporte"
role = "support"
match = ["Support Pipeline", "Suporte"]

[[streams]]
key = "implementation"
label = "Implantação"
role = "implementation"
match = ["Implantação"]
"""

COMPANIES = "Record ID,Company name\n101,Açaí Indústria Ltda\n102,Beta Serviços SA\n103,Gama\n"

Write = Callable[..., Config]


@pytest.fixture
def workspace(tmp_path: Path) -> Write:
    """``workspace(files, sources=..., extra=...)``: write files and a config, load it."""

    def write(
        files: dict[str, str | bytes],
        sources: dict[str, str] | None = None,
        extra: str = "",
    ) -> Config:
        files = {"companies.csv": COMPANIES, **files}
        for name, content in files.items():
            path = tmp_path / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        listed = sources or {"companies": "companies.csv", "tickets": "tickets.csv"}
        lines = "\n".join(f'{k} = "{v}"' for k, v in listed.items())
        text = f"{BASE_CONFIG}\n[sources]\n{lines}\n{extra}"
        (tmp_path / "deckgen.toml").write_text(text, encoding="utf-8")
        return load_config(tmp_path)

    return write
