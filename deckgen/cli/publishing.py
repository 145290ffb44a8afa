"""``--publish``: attach what a command just rendered to the client's HubSpot company."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from deckgen.model.review import Client
from deckgen.sources.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def publish_options(func: F) -> F:
    """``--publish`` and ``--dry-run``, shared by build, kickoff, handoff and minutes."""
    func = click.option("--dry-run", "publish_dry_run", is_flag=True,
                        help="With --publish: print the HubSpot requests, send nothing.")(func)
    return click.option("--publish", is_flag=True,
                        help="Upload the files and log a note on the client's HubSpot company.")(
        func
    )


def publish_rendered(
    workspace: Workspace,
    client: Client | str,
    files: list[Path],
    *,
    minutes_html: str | None = None,
    dry_run: bool = False,
) -> None:
    """Publish ``files`` (and the minutes as the note body) to the client's company."""
    from deckgen.hubspot.ledger import default_ledger_path
    from deckgen.hubspot.publish import publish_files
    from deckgen.sources.clients import client_slug, find_client

    if isinstance(client, str):
        row = find_client(workspace.companies, client)
        company_id, name = str(row["company_id"]), str(row["name"])
    else:
        company_id, name = client.id, client.name
    config = workspace.config
    publish_files(
        config.hubspot, company_id, client_slug(name), files,
        ledger_path=default_ledger_path(config.data_dir),
        minutes_html=minutes_html, kind="note",
        title=f"{name} {datetime.now():%d/%m/%Y}",
        dry_run=dry_run, echo=click.echo,
    )
