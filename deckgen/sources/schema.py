"""The canonical tables every reader produces: column names, kinds and header aliases.

Each source becomes a pandas DataFrame with exactly the canonical columns of its workspace
(missing optional columns are present and empty, so indicators can test
``table[col].notna().any()`` and report the indicator as missing). The built-in columns below
are what the indicators compute with, plus the identity and owner columns the tool itself
uses, with the headers HubSpot writes (English and Portuguese labels, standard internal
names). Everything else a company tracks is configuration: the company fields declared by the
shipped playbook (``templates/playbook.toml``) and by the workspace (``[fields.<name>]`` in
``deckgen.toml``), and the workspace's own headers (``[columns.<source>]`` and the HubSpot
property names of ``[hubspot]``). Header matching is case-, accent-, punctuation- and
whitespace-insensitive.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from deckgen.config import Config, FieldName, FieldSpec, validation_message
from deckgen.errors import ConfigError
from deckgen.templates import templates_dir

Kind = Literal["id", "text", "int", "float", "datetime", "date", "bool", "priority", "list"]
PLAYBOOK_FIELDS = "playbook.toml"


@dataclass(frozen=True)
class Column:
    """One canonical column: its kind, whether rows are unusable without it, known headers.

    ``headers`` are the workspace's own (tried first), ``aliases`` the built-in ones.
    """

    name: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = field(default_factory=tuple)
    headers: tuple[str, ...] = field(default_factory=tuple)


def _cols(*columns: Column) -> dict[str, Column]:
    return {c.name: c for c in columns}


# Kinds: id = string identifier (HubSpot ids stay strings: "123.0" from Excel becomes "123");
# datetime = tz-aware pandas Timestamp in the company time zone; priority = one of
# "urgent" | "high" | "medium" | "low" | <NA>; list = tuple[str, ...] (";"-joined multi-select).
COMPANIES = _cols(
    Column("company_id", "id", True, ("Record ID", "ID do registro", "hs_object_id", "Company ID")),
    Column("name", "text", True, ("Company name", "Nome da empresa", "name", "Empresa")),
    Column("owner_cs", "text", False, ("Proprietário CS", "CS Owner", "CS owner")),
    Column("owner_sales", "text", False, ("Company owner", "Proprietário da empresa", "hubspot_owner_id", "Vendedor")),
    Column("owner_implementation", "text", False, ("Analista de implantação", "Implementation analyst")),
    Column("phase", "text", False, ("Fase do cliente", "Customer phase")),
    Column("meeting_interval_days", "int", False, ("Dias entre reuniões", "Days between meetings")),
    Column("last_meeting", "date", False, ("Última reunião", "Last meeting date", "Data da última reunião", "notes_last_contacted")),
    Column("customer_since", "date", False, ("Cliente desde", "Become a customer date", "hs_lifecyclestage_customer_date", "Go-Live")),
    Column("churned_on", "date", False, ("Data de churn", "Churn date", "Data do cancelamento")),
    Column("go_live", "date", False, ("Data do Go-Live", "Go-live date")),
)

TICKETS = _cols(
    Column("ticket_id", "id", True, ("Ticket ID", "ID do ticket", "hs_object_id")),
    Column("company_id", "id", False, ("Associated Company IDs", "Associated Company ID", "IDs de empresas associadas", "ID da empresa associada")),
    Column("company_name", "text", False, ("Associated Company", "Empresa associada", "Company name", "Nome da empresa", "Cliente")),
    Column("subject", "text", False, ("Ticket name", "Nome do ticket", "subject", "Assunto", "Título")),
    Column("pipeline", "text", False, ("Pipeline", "hs_pipeline")),
    Column("ticket_type", "text", False, ("Ticket type", "Tipo do ticket")),
    Column("status", "text", False, ("Ticket status", "Status do ticket", "hs_pipeline_stage", "Status", "Situação")),
    Column("priority", "priority", False, ("Priority", "Prioridade", "hs_ticket_priority", "Urgência")),
    Column("category", "list", False, ("Category", "Categoria", "hs_ticket_category")),
    Column("created_at", "datetime", True, ("Create date", "Data de criação", "createdate", "Data de abertura")),
    Column("closed_at", "datetime", False, ("Close date", "Data de fechamento", "closed_date", "Data de encerramento")),
    Column("first_response_at", "datetime", False, ("First response date", "Data da primeira resposta", "first_agent_reply_date", "hs_first_agent_message_sent_at")),
    Column("owner", "text", False, ("Ticket owner", "Proprietário do ticket", "hubspot_owner_id", "Responsável")),
    Column("estimated_hours", "float", False, ("Estimativa HH", "Previsão de HH", "Estimated hours", "HH estimado")),
    Column("sla_status", "text", False, ("SLA status", "Status do SLA", "hs_time_to_close_sla_status")),
    Column("prioritized", "bool", False, ("Prioritized", "Priorizado", "Priorizada")),
    # Written by ``deckgen pull`` from the stage's ticketState; ahead of [tickets] closed_statuses.
    Column("stage_closed", "bool", False, ("Closed stage", "Etapa fechada")),
)

SURVEYS = _cols(
    Column("response_id", "id", False, ("Record ID", "ID do registro", "hs_object_id", "Response ID")),
    Column("company_id", "id", False, ("Associated Company IDs", "Associated Company ID", "IDs de empresas associadas", "ID da empresa")),
    Column("company_name", "text", False, ("Company name", "Nome da empresa", "Associated Company", "Empresa associada", "Cliente")),
    Column("survey_type", "text", True, ("Survey type", "Tipo de pesquisa", "hs_survey_type")),
    Column("value", "float", True, ("Response value", "Valor da resposta", "hs_value", "Nota", "Score")),
    Column("comment", "text", False, ("Response", "Comentário", "hs_content", "Comment", "Resposta")),
    Column("submitted_at", "datetime", True, ("Submission date", "Data de envio", "hs_submission_timestamp", "Submitted at")),
    Column("contact", "text", False, ("Contact", "Contato", "Contact name")),
)

RELEASES = _cols(
    Column("released_on", "date", True, ("Date", "Data", "Release date", "Data de lançamento")),
    Column("title", "text", True, ("Title", "Título", "Name", "Nome")),
    Column("version", "text", False, ("Version", "Versão")),
    Column("description", "text", False, ("Description", "Descrição", "Resumo")),
    Column("product", "text", False, ("Product", "Produto", "Módulo")),
)

ACTIONS = _cols(
    Column("company_id", "id", False, ("Record ID", "ID da empresa", "Company ID", "hs_object_id")),
    Column("company_name", "text", False, ("Company name", "Empresa", "Cliente", "Nome da empresa")),
    Column("action", "text", True, ("Action", "Ação", "Próximo passo", "Descrição")),
    Column("owner", "text", False, ("Owner", "Responsável", "Dono")),
    Column("due_on", "date", False, ("Due date", "Prazo", "Data limite")),
    Column("status", "text", False, ("Status", "Situação")),
    Column("agreed_on", "date", False, ("Meeting date", "Data da reunião", "Definido em")),
)

SOURCES: dict[str, dict[str, Column]] = {
    "companies": COMPANIES,
    "tickets": TICKETS,
    "surveys": SURVEYS,
    "releases": RELEASES,
    "actions": ACTIONS,
}


class _FieldsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fields: dict[FieldName, FieldSpec] = Field(default_factory=dict)


@cache
def playbook_fields() -> dict[str, FieldSpec]:
    """The company fields the shipped playbook declares (``templates/playbook.toml``)."""
    path = templates_dir() / PLAYBOOK_FIELDS
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return dict(_FieldsFile.model_validate(raw).fields)
    except FileNotFoundError:
        raise ConfigError(f"{path}: playbook fields file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except ValidationError as exc:
        raise ConfigError(f"{path}: {validation_message(exc)}") from None


def company_fields(config: Config) -> dict[str, FieldSpec]:
    """The declared company fields: the shipped playbook's (unless ``[documents]
    playbook_fields = false``), then the workspace's ``[fields]`` (a workspace field replaces a
    shipped one of the same name)."""
    shipped = playbook_fields() if config.documents.playbook_fields else {}
    fields = {**shipped, **config.fields}
    for name in fields:
        if name in COMPANIES:
            where = "fields" if name in config.fields else f"{PLAYBOOK_FIELDS}: fields"
            raise ConfigError(
                f"{config.config_path}: {where}.{name}: a built-in companies column; "
                f"give its headers in [columns.companies] instead"
            )
    return fields


def _property_headers(config: Config) -> dict[str, str | None]:
    """The HubSpot property names of ``[hubspot]``, as headers of their companies columns."""
    settings = config.hubspot
    return {
        "phase": settings.phase_property,
        "meeting_interval_days": settings.interval_property,
        "owner_cs": settings.owner_cs_property,
    }


def workspace_schema(config: Config) -> dict[str, dict[str, Column]]:
    """Every source's canonical columns in this workspace, with the workspace's headers.

    Raises :class:`~deckgen.errors.ConfigError` for a ``[columns.<source>]`` entry that names
    an unknown source or column, or a declared field that shadows a built-in column.
    """
    declared = {
        name: Column(name, spec.kind, headers=tuple(spec.headers))
        for name, spec in company_fields(config).items()
    }
    schema = {source: dict(columns) for source, columns in SOURCES.items()}
    schema["companies"].update(declared)
    extra: dict[str, dict[str, list[str]]] = {source: {} for source in SOURCES}
    for name, header in _property_headers(config).items():
        if header:
            extra["companies"][name] = [header]
    for source, aliases in config.columns.items():
        if source not in SOURCES:
            raise ConfigError(
                f"{config.config_path}: columns.{source}: unknown source; "
                f"known: {', '.join(SOURCES)}"
            )
        for name, headers in aliases.items():
            if name not in schema[source]:
                hint = difflib.get_close_matches(name, list(schema[source]), n=1)
                did = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise ConfigError(
                    f"{config.config_path}: columns.{source}.{name}: unknown column{did}"
                )
            extra[source][name] = [*headers, *extra[source].get(name, [])]
    for source, aliases in extra.items():
        for name, headers in aliases.items():
            column = schema[source][name]
            schema[source][name] = Column(
                name, column.kind, column.required, column.aliases,
                (*headers, *column.headers),
            )
    return schema


def source_columns(config: Config, source: str) -> dict[str, Column]:
    """The canonical columns of one source in this workspace (see :func:`workspace_schema`)."""
    return workspace_schema(config)[source]
