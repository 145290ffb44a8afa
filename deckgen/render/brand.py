"""A minimal ``brand`` for the client kickoff deck until the brand work lands (issue 14):
the vendor's name and configured logo; no client logo, no colours. Replace with the brand
helper's module when merging."""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.config import Config


@dataclass(frozen=True)
class Brand:
    """What a template knows of whose document it is (``brand.vendor``, ``brand.colors``…)."""

    vendor: str
    vendor_logo: str | None = None
    client_logo: str | None = None
    colors: dict[str, str] = field(default_factory=dict)


def brand_for(config: Config, client_id: str | None = None,
              client_name: str | None = None) -> Brand:
    """The brand of one client's document: the vendor's name and ``[company] logo``."""
    logo = str(config.resolve(config.company.logo)) if config.company.logo else None
    return Brand(config.company.name, logo)
