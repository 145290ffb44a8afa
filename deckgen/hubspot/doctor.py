"""``deckgen hubspot doctor``: the configured properties and the token's scopes, checked."""

from __future__ import annotations

from collections.abc import Callable

from deckgen.config import Config
from deckgen.hubspot.client import HubSpotClient, HubSpotError
from deckgen.hubspot.schema import (
    PortalSchema,
    Property,
    configured_properties,
    missing_message,
    read_schema,
    save_schema,
    schema_path,
)

SHOWN_OPTIONS = 12
# (scope, what needs it, probe path or None for a write doctor does not try)
SCOPES = (
    ("crm.objects.companies.read", "pull, publish, set-phase", "/crm/v3/objects/companies"),
    ("tickets", "pull (tickets, pipelines)", "/crm/v3/objects/tickets"),
    ("crm.objects.feedback_submissions.read", "pull (NPS/CSAT answers)",
     "/crm/v3/objects/feedback_submissions"),
    ("crm.objects.contacts.read", "pull (a survey answer's company through its contact)",
     "/crm/v3/objects/contacts"),
    ("crm.objects.owners.read", "pull (owner names)", "/crm/v3/owners"),
    ("files", "publish (uploads)", "/files/v3/files"),
    ("crm.objects.companies.write", "set-phase", None),
    ("crm.objects.contacts.write", "publish (notes and meetings)", None),
)


def doctor(client: HubSpotClient, config: Config, *,
           echo: Callable[[str], None] = print) -> bool:
    """Print the portal's answer for each configured property and scope; save the schema.

    True when every configured property exists and every probed scope is granted.
    """
    scopes_ok = _scopes(client, echo)
    schema = read_schema(client, lambda line: None, config.limits.hubspot_pages,
                         tolerate=(403, 404))
    path = schema_path(config)
    save_schema(path, schema)
    counts = ", ".join(f"{len(props)} {kind}" for kind, props in schema.properties.items())
    echo(f"schema: {counts} properties, {len(schema.pipelines)} ticket pipelines, "
         f"{len(schema.owners)} owners; saved to {path}")
    for pipeline in schema.pipelines:
        closed = [s.label for s in pipeline.stages if s.closed]
        echo(f"  pipeline {pipeline.label} ({pipeline.id}): closed stages: "
             + (", ".join(closed) or "none said"))
    for object_type, why in schema.unavailable.items():
        echo(f"  {object_type}: unavailable: {why}")
    return _properties(schema, config, echo) and scopes_ok


def _properties(schema: PortalSchema, config: Config, echo: Callable[[str], None]) -> bool:
    echo("properties:")
    ok = True
    for object_type, key, configured in configured_properties(config):
        prop, how = schema.find(object_type, configured)
        where = f"  {object_type} {key} = \"{configured}\": "
        if prop is None:
            ok = False
            echo(where + "missing: " + missing_message(schema, object_type, configured))
            continue
        found = "found" if how == "name" else f"found by label as {prop.name}"
        echo(where + f"{found}, {_describe(prop)}")
    return ok


def _describe(prop: Property) -> str:
    text = f"{prop.type} ({prop.field_type})"
    if prop.owner:
        return text + ", an owner (written as the owner's name)"
    if prop.options:
        shown = ", ".join(f"{label} [{value}]" for label, value in prop.options[:SHOWN_OPTIONS])
        more = len(prop.options) - SHOWN_OPTIONS
        text += f", options: {shown}" + (f" and {more} more" if more > 0 else "")
    return text


def _scopes(client: HubSpotClient, echo: Callable[[str], None]) -> bool:
    echo("scopes:")
    ok = True
    for scope, used_by, path in SCOPES:
        if path is None:
            echo(f"  {scope}: not probed (a write; doctor changes nothing); needed by {used_by}")
            continue
        try:
            client.get(path, {"limit": "1"})
            state = "granted"
        except HubSpotError as exc:
            if exc.status == 403:
                ok = False
                state = f"missing (HTTP 403 on GET {path})"
            elif exc.status == 404:
                state = f"not applicable (HTTP 404 on GET {path}: the portal has no such object)"
            else:
                raise
        echo(f"  {scope}: {state}; needed by {used_by}")
    return ok
