"""The canonical tables every reader produces: column names, kinds and built-in header aliases.

Each source becomes a pandas DataFrame with exactly the canonical columns listed here
(missing optional columns are present and empty, so indicators can test
``table[col].notna().any()`` and report the indicator as missing). Header matching is
case-, accent- and whitespace-insensitive; a workspace adds aliases in ``[columns.<source>]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["id", "text", "int", "float", "datetime", "date", "bool", "priority", "list"]


@dataclass(frozen=True)
class Column:
    """One canonical column: its kind, whether rows are unusable without it, known headers."""

    name: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = field(default_factory=tuple)


def _cols(*columns: Column) -> dict[str, Column]:
    return {c.name: c for c in columns}


# Kinds: id = string identifier (HubSpot ids stay strings: "123.0" from Excel becomes "123");
# datetime = tz-aware pandas Timestamp in the company time zone; priority = one of
# "urgent" | "high" | "medium" | "low" | <NA>; list = tuple[str, ...] (";"-joined multi-select).
COMPANIES = _cols(
    Column("company_id", "id", True, ("Record ID", "ID do registro", "hs_object_id", "Company ID")),
    Column("name", "text", True, ("Company name", "Nome da empresa", "name", "Empresa")),
    Column("owner_cs", "text", False, ("Proprietário CS", "CS Owner", "proprietario_cs")),
    Column("owner_sales", "text", False, ("Company owner", "Proprietário da empresa", "hubspot_owner_id", "Vendedor")),
    Column("owner_implementation", "text", False, ("Analista de implantação", "ISM", "CSI", "Implementation analyst")),
    Column("phase", "text", False, ("Fase do cliente", "Customer phase", "fase_do_cliente")),
    Column("meeting_interval_days", "int", False, ("[CS] Dias entre reuniões", "cs_dias_entre_reunioes", "Days between meetings")),
    Column("last_meeting", "date", False, ("Última reunião", "Last meeting date", "Data da última reunião", "notes_last_contacted")),
    Column("customer_since", "date", False, ("Cliente desde", "Become a customer date", "hs_lifecyclestage_customer_date", "Go-Live")),
    Column("churned_on", "date", False, ("Data de churn", "Churn date", "Data do cancelamento")),
    Column("go_live", "date", False, ("Data do Go-Live", "Go-live date")),
    Column("hiring_goal", "text", False, ("Objetivo da contratação", "Hiring goal")),
    Column("pain", "text", False, ("Dor do cliente", "Customer pain")),
    Column("offenders", "text", False, ("Possíveis ofensores", "Possible offenders")),
    Column("internal_communication", "text", False, ("Comunicação interna realizada", "Internal communication")),
    Column("focal_operational", "text", False, ("Ponto focal operacional", "Operational focal point")),
    Column("focal_management", "text", False, ("Ponto focal gestão", "Management focal point")),
    Column("expansion_potential", "text", False, ("Potencial de expansão", "Expansion potential")),
    Column("package", "text", False, ("Pacote contratado", "Pacote de consultas", "Package")),
    Column("expected_growth", "text", False, ("Previsão de aumento", "Expected growth")),
    Column("proposal_accepted", "text", False, ("Proposta aceita", "Accepted proposal")),
    Column("proposal_attached", "bool", False, ("Proposta final anexada", "Final proposal attached")),
    Column("second_wave", "list", False, ("Produtos segunda onda", "Second-wave products")),
    Column("kickoff_registered", "bool", False, ("KickOff registrado", "Kickoff registered")),
    Column("handoff_registered", "bool", False, ("Passagem registrada", "Hand-over registered")),
    Column("documentation_meeting_on", "date", False, ("Reunião de validação da documentação", "Validação da documentação", "Documentation validation meeting")),
    Column("training_on", "date", False, ("Treinamento da plataforma", "Data do treinamento", "Platform training")),
)

TICKETS = _cols(
    Column("ticket_id", "id", True, ("Ticket ID", "ID do ticket", "hs_object_id", "Número da SS", "SS")),
    Column("company_id", "id", False, ("Associated Company IDs", "Associated Company ID", "IDs de empresas associadas", "ID da empresa associada")),
    Column("company_name", "text", False, ("Associated Company", "Empresa associada", "Company name", "Nome da empresa", "Cliente")),
    Column("subject", "text", False, ("Ticket name", "Nome do ticket", "subject", "Assunto", "Título")),
    Column("pipeline", "text", False, ("Pipeline", "hs_pipeline")),
    Column("ticket_type", "text", False, ("Tipo de SS", "Ticket type", "Tipo do ticket")),
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
