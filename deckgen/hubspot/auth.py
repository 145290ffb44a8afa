"""Where the private-app token and the API address come from, and a client built from them."""

from __future__ import annotations

import os
from collections.abc import Callable

from deckgen.config import HubSpotSettings
from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient, Pacing, RetryPolicy
from deckgen.hubspot.terminal import TerminalStatus

URL_ENV = "DECKGEN_HUBSPOT_URL"
KEYRING_SERVICE = "deckgen"


def find_token(settings: HubSpotSettings) -> str | None:
    """The token from the environment variable ``token_env``, else from the system keyring."""
    token = os.environ.get(settings.token_env, "").strip()
    if token:
        return token
    try:
        import keyring
    except ImportError:
        return None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, settings.token_env)
    except Exception:  # any keyring backend failure means "no token there"
        return None
    return stored.strip() if stored else None


def base_url(settings: HubSpotSettings) -> str:
    """The API address: ``$DECKGEN_HUBSPOT_URL`` if set, else the configured one."""
    return os.environ.get(URL_ENV, "").strip() or settings.base_url


def connect(
    settings: HubSpotSettings,
    *,
    dry_run: bool = False,
    echo: Callable[[str], None] = print,
    retry: RetryPolicy | None = None,
) -> HubSpotClient:
    """A client for the configured account, paced by ``[hubspot.pacing]``; a dry run needs
    no token, but says when there is none (the real run would stop there)."""
    token = find_token(settings)
    if token is None and not dry_run:
        raise PublishError(
            f"no HubSpot token: set the environment variable {settings.token_env} to a "
            "private-app access token (see docs/hubspot.md)"
        )
    if token is None:
        echo(f"warning: no HubSpot token (${settings.token_env} is not set and the keyring has "
             "none): this dry run sends nothing, but the real run would stop here "
             "(docs/hubspot.md)")
    limits = settings.pacing
    pacing = Pacing(limits.requests, limits.window_seconds, limits.search_per_second,
                    limits.patience_seconds)
    return HubSpotClient(base_url(settings), token or "", token_env=settings.token_env,
                         retry=retry, pacing=pacing, dry_run=dry_run, echo=echo,
                         status=None if dry_run else TerminalStatus.on_stderr())
