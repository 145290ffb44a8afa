"""Hand-built ReviewReports for tests: a full, realistic pt-BR client and a "no data at all" one.

Import with ``from factories import make_review_report`` (pytest puts ``tests/`` on the path).
Every number is consistent with the lists it summarises (``len(open_demands)``, the NPS split,
the CSAT distribution), so a test can compare a rendered figure with the report directly.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from deckgen.config import SummarySettings
from deckgen.indicators.comments import comment_groups
from deckgen.indicators.sections import plan_sections
from deckgen.indicators.summary import next_meeting, summarize
from deckgen.locale import Labels, labels_for
from deckgen.model.review import (
    Action,
    Client,
    Comment,
    Count,
    CsatReport,
    Durations,
    Metric,
    Note,
    NpsReport,
    Period,
    Release,
    ReviewReport,
    SlaRow,
    StreamReport,
    Ticket,
)

TZ = ZoneInfo("America/Sao_Paulo")
PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
GENERATED_ON = date(2026, 11, 5)

# The streams of the factories' workspace, named per language as a deckgen.toml would.
STREAMS: dict[str, dict[str, str]] = {
    "suporte": {"pt-BR": "Suporte", "en": "Support"},
    "implantacao": {"pt-BR": "Implantação", "en": "Implementation"},
    "tecnologia": {"pt-BR": "Desenvolvimento", "en": "Development"},
}


def make_labels(language: str = "pt-BR") -> Labels:
    """The words of ``language`` for the factories' reports (built-in labels, their streams)."""
    return labels_for(language, {}, dict(STREAMS))


LONG_COMMENT = (
    "Gostaria de registrar um retorno mais completo sobre estes últimos meses. A plataforma "
    "evoluiu bastante desde o Go-Live e hoje as equipes de manutenção das três plantas usam o "
    "sistema todos os dias para abrir e encerrar ordens de serviço. O aplicativo móvel fez muita "
    "diferença para os técnicos de campo, que antes preenchiam tudo em papel e digitavam no fim "
    "do turno. Por outro lado, ainda sentimos falta de relatórios gerenciais mais flexíveis: a "
    "diretoria pede indicadores de MTBF e MTTR por linha de produção e hoje montamos isso em "
    "planilhas paralelas, o que gera retrabalho e discussões sobre qual número é o correto. "
    "Também tivemos dois episódios de lentidão no fechamento do mês que atrasaram o envio do "
    "relatório para a matriz. O atendimento do suporte é cordial e resolve, mas em chamados "
    "mais técnicos a resposta demora. Seguimos confiantes na parceria e abertos a conversar."
)

COMMENT_TEXTS: list[tuple[str, int]] = [
    ("Suporte muito ágil, resolveram nosso problema no mesmo dia! 👏🚀", 10),
    ("O módulo de planos preventivos é excelente; recomendo \"sem pensar duas vezes\".", 10),
    ("Relatório de custos < esperado & difícil de exportar para o Excel.", 6),
    ("Testei colocar {{ 7*7 }} no campo e apareceu literal, ótimo.", 9),
    (LONG_COMMENT, 7),
    ("Atendimento excelente da Daielly, sempre muito atenciosa 😊", 10),
    ("Sistema caiu duas vezes na semana de fechamento. Precisamos de mais estabilidade.", 3),
    ("Boa ferramenta, mas a curva de aprendizado dos técnicos ainda é alta.", 8),
    ("'Integração com o SAP' ainda não está funcionando como prometido.", 5),
    ("Muito bom!", 9),
    ("Gostamos das melhorias no app móvel, ficou mais rápido.", 9),
    ("Faltam treinamentos para novos usuários da planta de Contagem.", 7),
    ("Excelente custo-benefício.", 10),
    ("A busca de equipamentos por TAG melhorou muito 👍", 9),
    ("Demora no retorno de chamados de integração (mais de 10 dias).", 4),
    ("Interface limpa e intuitiva.", 9),
    ("Precisamos de um dashboard com MTBF/MTTR por linha.", 8),
    ("Ótimo suporte, mas o SLA de desenvolvimento é longo.", 7),
    ("Recomendo para outras unidades do grupo.", 10),
    ("Os alertas por e-mail chegam duplicados às vezes.", 6),
    ("Tudo certo por aqui.", 9),
    ("Melhorou muito depois da última atualização (v4.12).", 10),
    ("Poderia ter relatórios em PDF com a nossa logo.", 8),
    ("O time de CS é muito próximo, faz diferença ❤️", 10),
    ("Ainda temos dificuldade com o cadastro em massa de ativos <planilha modelo>.", 6),
    ("Sem comentários adicionais — seguimos satisfeitos.", 9),
    ("Funcionalidade de checklist digital é o ponto alto.", 10),
]

CONTACTS = ["Ana Paula Ribeiro", "Carlos Eduardo Lima", "Fernanda Souza", "João Batista", None]


def _klass(score: int) -> str:
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def make_comments(count: int | None = None) -> list[Comment]:
    """NPS comments of the period, newest first (25+ by default, with tricky characters)."""
    texts = COMMENT_TEXTS if count is None else (COMMENT_TEXTS * (count // 27 + 1))[:count]
    comments = []
    start = datetime(2026, 10, 30, 16, 45, tzinfo=TZ)
    for i, (text, score) in enumerate(texts):
        klass = _klass(score)
        comments.append(
            Comment(
                text=text,
                score=score,
                klass=klass,
                submitted=start - timedelta(days=3 * i, hours=i % 5, minutes=7 * i),
                contact=CONTACTS[i % len(CONTACTS)],
            )
        )
    return comments


def make_ticket(
    number: int,
    subject: str,
    stream: str,
    *,
    categories: tuple[str | None, ...] = ("Dúvida",),
    priority: str | None = "medium",
    status: str = "Em andamento",
    owner: str | None = "Lucas Monteiro",
    created: date = date(2026, 9, 1),
    closed: date | None = None,
    estimated_hours: float | None = None,
) -> Ticket:
    """One ticket; ``age_days`` counts to the end of the default period for open tickets."""
    age = None if closed is not None else (PERIOD.end - created).days
    return Ticket(
        id=f"SS-{number}",
        subject=subject,
        stream=stream,
        categories=list(categories),
        priority=priority,
        status=status,
        owner=owner,
        created=created,
        closed=closed,
        age_days=age,
        estimated_hours=estimated_hours,
    )


OpenRow = tuple[str, tuple[str, ...], str | None, float | None, int]

SUPPORT_OPEN: list[OpenRow] = [
    ("Erro ao gerar relatório de custos por centro de custo", ("Erro",), "high", 8.0, 61),
    ("Dúvida sobre permissões do perfil Supervisor", ("Dúvida",), "medium", 1.5, 12),
    ("Cadastro de 340 ativos da planta de Contagem", ("Cadastro",), "medium", 6.0, 35),
    ("Personalizar layout da ordem de serviço impressa", ("Personalização",), "low", 4.0, 48),
    ("App móvel não sincroniza fotos em rede 3G", ("Erro",), "urgent", 3.0, 9),
    ("Alertas de e-mail duplicados", ("Erro",), "medium", 2.5, 20),
    ("Importação de planilha de peças falha com acentos", ("Erro", "Cadastro"), "high", 2.0, 27),
    ("Como configurar plano preventivo por horímetro", ("Dúvida",), "low", 1.0, 5),
    ("Criar usuários para a equipe terceirizada", ("Cadastro",), "medium", 0.5, 3),
    ("Campo \"TAG\" não aceita barra (/)", ("Erro",), "low", 1.5, 16),
    ("Dashboard de backlog com filtro por turno", ("Personalização",), "medium", None, 40),
    ("Sem categoria informada pelo cliente", (), None, None, 2),
]
IMPLEMENTATION_OPEN: list[OpenRow] = [
    ("Parametrização da planta de Betim", ("Implantação",), "high", 40.0, 75),
    ("Visita técnica para inventário de ativos críticos", ("Visita Técnica",), "medium", 16.0, 33),
    ("Treinamento de planejadores (turma 2)", ("Treinamento",), "medium", 8.0, 22),
    ("Migração do histórico de OS 2019–2024", ("Implantação",), "high", 24.0, 58),
    ("Configurar hierarquia de locais da planta de Sete Lagoas", ("Implantação",), "low", 12.0, 14),
    ("Validação da documentação de processos", ("Implantação",), "medium", 6.0, 10),
    ("Treinamento do módulo de estoque", ("Treinamento",), "low", 4.0, 7),
    ("Visita técnica — auditoria de cadastro", ("Visita Técnica",), "low", 8.0, 4),
    ("Cadastro de planos de lubrificação", ("Implantação",), "medium", None, 18),
    ("Ajuste de criticidade dos equipamentos", ("Implantação",), "low", 2.0, 1),
]
TECHNOLOGY_OPEN: list[OpenRow] = [
    ("Integração com SAP PM — ordens de compra", ("Integração",), "urgent", 120.0, 96),
    ("Adequação: campo de custo por hora-máquina", ("Adequação",), "high", 32.0, 70),
    ("API de leitura de medidores (IoT)", ("Integração",), "high", 80.0, 52),
    ("Relatório MTBF/MTTR por linha de produção", ("Adequação",), "medium", 40.0, 44),
    ("Exportar OS em PDF com logotipo do cliente", ("Adequação",), "low", 16.0, 30),
    ("Lentidão no fechamento mensal (consulta de custos)", ("Chamado",), "high", 24.0, 25),
    ("Webhook para aprovação de solicitações", ("Integração",), "medium", 20.0, 19),
    ("Ajuste de fuso horário no app móvel", ("Chamado",), "medium", 4.0, 11),
    ("Novo status \"Aguardando peça\"", ("Adequação",), "low", 3.0, 6),
    ("Log de auditoria de alterações de plano", ("Adequação",), "low", None, 3),
]
OWNERS = ["Lucas Monteiro", "Gabriel Borges", "Thiago Grosse", "Leonardo Maciel", None]


STATUSES = ["Em andamento", "Aguardando cliente", "Novo", "Em desenvolvimento"]


def _open_tickets(rows: list[OpenRow], stream: str, first_number: int) -> list[Ticket]:
    statuses = STATUSES
    tickets = []
    for i, (subject, cats, prio, hours, age) in enumerate(rows):
        tickets.append(
            make_ticket(
                first_number + i,
                subject,
                stream,
                categories=cats or (None,),
                priority=prio,
                status=statuses[i % len(statuses)],
                owner=OWNERS[i % len(OWNERS)],
                created=PERIOD.end - timedelta(days=age),
                estimated_hours=hours,
            )
        )
    return tickets


def _hours(tickets: list[Ticket]) -> float:
    return float(sum(t.estimated_hours or 0.0 for t in tickets))


def _prioritized(open_tickets: list[Ticket], first: int, extra: int) -> list[Ticket]:
    """Urgent/high tickets created in the period: the open ones plus ``extra`` closed ones."""
    hot = [t for t in open_tickets if t.priority in ("urgent", "high") and t.created in PERIOD]
    closed_subjects = [
        "Falha no login via SSO após atualização",
        "Ordem de serviço duplicada ao salvar offline",
        "Relatório de indicadores não carrega",
        "Erro 500 ao anexar laudo técnico",
        "Permissões perdidas após troca de perfil",
    ]
    closed = [
        make_ticket(
            first + i,
            closed_subjects[i % len(closed_subjects)],
            hot[0].stream if hot else "",
            categories=("Erro",),
            priority="urgent" if i % 2 == 0 else "high",
            status="Encerrada",
            owner=OWNERS[i % 4],
            created=PERIOD.start + timedelta(days=9 * i + 3),
            closed=PERIOD.start + timedelta(days=9 * i + 5),
        )
        for i in range(extra)
    ]
    return sorted(hot + closed, key=lambda t: t.created, reverse=True)


def make_support_stream() -> StreamReport:
    """The support stream of the full report."""
    open_demands = _open_tickets(SUPPORT_OPEN, "suporte", 48210)
    prioritized = _prioritized(open_demands, 47950, 8)
    return StreamReport(
        key="suporte",
        role="support",
        created=Metric(47, 39),
        by_category=[
            Count("Dúvida", 18),
            Count("Erro", 12),
            Count("Cadastro", 9),
            Count("Personalização", 5),
            Count(None, 3),
        ],
        by_urgency=[
            Count("urgent", 3),
            Count("high", 8),
            Count("medium", 21),
            Count("low", 12),
            Count(None, 3),
        ],
        prioritized=prioritized,
        prioritized_count=Metric(len(prioritized), 7),
        sla=[
            SlaRow("category", "Erro", "urgent", 1.0, 8.0, 4, 3, 75.0),
            SlaRow("category", "Erro", "high", 4.0, 24.0, 7, 6, 85.7),
            SlaRow("category", "Dúvida", None, 8.0, 48.0, 16, 15, 93.8),
            SlaRow("category", "Cadastro", None, 8.0, 72.0, 8, 8, 100.0),
            SlaRow("category", "Personalização", None, 24.0, 240.0, 4, 3, 75.0),
            SlaRow("category", None, None, None, None, 3, 0, None),
        ],
        sla_compliance=Metric(89.7, 91.2),
        first_response=Durations(2.5, 9.0, 42),
        resolution=Durations(18.5, 72.0, 42),
        open_demands=open_demands,
        open_hours=_hours(open_demands),
    )


def make_implementation_stream() -> StreamReport:
    """The implantação stream of the full report."""
    open_demands = _open_tickets(IMPLEMENTATION_OPEN, "implantacao", 48100)
    prioritized = _prioritized(open_demands, 47900, 1)
    return StreamReport(
        key="implantacao",
        role="implementation",
        created=Metric(14, 20),
        by_category=[
            Count("Implantação", 8),
            Count("Visita Técnica", 4),
            Count("Treinamento", 2),
        ],
        by_urgency=[
            Count("urgent", 0),
            Count("high", 3),
            Count("medium", 7),
            Count("low", 4),
        ],
        prioritized=prioritized,
        prioritized_count=Metric(len(prioritized), 4),
        sla=[
            SlaRow("category", "Implantação", None, 24.0, 480.0, 6, 6, 100.0),
            SlaRow("category", "Visita Técnica", None, 48.0, 240.0, 5, 4, 80.0),
            SlaRow("category", "Treinamento", None, 24.0, 120.0, 3, 3, 100.0),
        ],
        sla_compliance=Metric(92.9, 85.0),
        first_response=Durations(6.0, 20.0, 14),
        resolution=Durations(96.0, 310.0, 14),
        open_demands=open_demands,
        open_hours=_hours(open_demands),
    )


def make_technology_stream() -> StreamReport:
    """The tecnologia/desenvolvimento stream of the full report."""
    open_demands = _open_tickets(TECHNOLOGY_OPEN, "tecnologia", 47700)
    prioritized = _prioritized(open_demands, 47600, 1)
    return StreamReport(
        key="tecnologia",
        role="technology",
        created=Metric(9, 6),
        by_category=[Count("Adequação", 5), Count("Integração", 3), Count("Chamado", 1)],
        by_urgency=[
            Count("urgent", 1),
            Count("high", 3),
            Count("medium", 3),
            Count("low", 2),
        ],
        prioritized=prioritized,
        prioritized_count=Metric(len(prioritized), 2),
        sla=[
            SlaRow("category", "Chamado", None, 24.0, 160.0, 2, 1, 50.0),
            SlaRow("category", "Adequação", None, 48.0, 720.0, 3, 3, 100.0),
        ],
        sla_compliance=Metric(80.0, None),
        first_response=Durations(12.0, 30.0, 5),
        resolution=Durations(210.0, 600.0, 5),
        open_demands=open_demands,
        open_hours=_hours(open_demands),
    )


def make_client(**overrides: Any) -> Client:
    """The client company record, with every kickoff property filled."""
    properties: dict[str, object] = {
        "customer_since": date(2025, 3, 10),
        "churned_on": None,
        "go_live": date(2025, 6, 2),
        "hiring_goal": "Digitalizar a gestão de manutenção das três plantas e reduzir paradas.",
        "pain": "Ordens de serviço em papel, sem histórico por equipamento.",
        "offenders": "Planta de Betim pouco engajada; ponto focal trocou duas vezes.",
        "internal_communication": "Comunicado da diretoria industrial em abril/2025.",
        "focal_operational": "Ana Paula Ribeiro (PCM)",
        "focal_management": "Carlos Eduardo Lima (Gerente Industrial)",
        "expansion_potential": (
            "Planta de Sete Lagoas (120 usuários) e módulo de estoque para o almoxarifado central."
        ),
        "package": "Enterprise — 250 usuários, 3 plantas",
        "expected_growth": "+80 usuários após 12 meses de uso",
        "proposal_accepted": "Proposta 2025-014 rev. 3",
        "proposal_attached": True,
        "second_wave": ("Monitoramento", "BGC", "Avaliação de fornecedores"),
        "kickoff_registered": True,
        "handoff_registered": True,
    }
    values: dict[str, Any] = {
        "id": "9876543210",
        "name": "Metalúrgica Horizonte S.A.",
        "slug": "metalurgica-horizonte",
        "owner_cs": "Daielly Lionardo",
        "owner_sales": "Leonardo Maciel",
        "owner_implementation": "Gabriel Borges",
        "phase": "Cliente ativo",
        "meeting_interval_days": 90,
        "last_meeting": date(2026, 7, 31),
        "next_meeting": date(2026, 11, 6),
        "properties": properties,
    }
    values.update(overrides)
    return Client(**values)


def make_releases() -> list[Release]:
    """Releases of the period, newest first."""
    return [
        Release(date(2026, 10, 22), "Painel de indicadores de manutenção", "4.14", (
            "Novo painel com MTBF, MTTR e backlog por planta, com filtros por período e turno."
        ), "Plataforma"),
        Release(date(2026, 10, 2), "Checklist digital com fotos", "4.13", (
            "Checklists de inspeção no app móvel com foto obrigatória e assinatura."
        ), "App móvel"),
        Release(date(2026, 9, 15), "Integração com SAP PM (beta)", "4.12", (
            "Sincronização de ordens de compra e centros de custo com o SAP PM."
        ), "Integrações"),
        Release(date(2026, 8, 28), "Cadastro em massa de ativos", "4.11", (
            "Importação por planilha modelo com validação linha a linha."
        ), "Plataforma"),
        Release(date(2026, 8, 5), "Alertas por WhatsApp", None, None, "Notificações"),
    ]


def make_actions() -> list[Action]:
    """The action plan carried from the last meeting (statuses as the client's export has them)."""
    agreed = date(2026, 7, 31)
    return [
        Action("Treinar a equipe da planta de Contagem no app móvel", "Daielly Lionardo",
               date(2026, 8, 30), "Concluída", True, False, agreed),
        Action("Enviar cronograma da integração com o SAP PM", "Thiago Grosse",
               date(2026, 9, 15), "Em andamento", False, True, agreed),
        Action("Validar o cadastro de ativos críticos com o PCM", "Ana Paula Ribeiro",
               date(2026, 10, 10), "Concluída", True, False, agreed),
        Action("Apresentar o painel de indicadores à diretoria", "Daielly Lionardo",
               date(2026, 11, 20), "A fazer", False, False, agreed),
        Action("Revisar perfis de acesso dos supervisores", "Carlos Eduardo Lima",
               None, "A fazer", False, False, agreed),
        Action("Agendar visita técnica à planta de Betim", "Gabriel Borges",
               date(2026, 11, 12), "Em andamento", False, False, agreed),
    ]


def make_nps() -> NpsReport:
    """38 answers (22 promoters, 9 passives, 7 detractors: NPS 39) and 27 comments."""
    return NpsReport(
        score=Metric(39, 45),
        answers=38,
        promoters=22,
        passives=9,
        detractors=7,
        comments=make_comments(),
        groups=comment_groups(make_comments(), 280),
    )


def make_csat() -> CsatReport:
    """40 answers: 33 of 4–5 (82.5 %), mean 4.2."""
    distribution = [Count("1", 2), Count("2", 1), Count("3", 4), Count("4", 12), Count("5", 21)]
    return CsatReport(
        satisfied=Metric(82.5, 86.0),
        mean=Metric(4.2, 4.3),
        count=sum(c.count for c in distribution),
        distribution=distribution,
    )


def make_review_report(**overrides: Any) -> ReviewReport:
    """A complete review of one client: three streams, surveys, releases and actions."""
    streams = [make_support_stream(), make_implementation_stream(), make_technology_stream()]
    open_demands = sorted(
        (t for s in streams for t in s.open_demands),
        key=lambda t: (-(t.age_days or 0), t.id),
    )
    report = ReviewReport(
        company="SISMETRO",
        client=make_client(),
        period=PERIOD,
        previous_period=PERIOD.previous(),
        generated_on=GENERATED_ON,
        streams=streams,
        nps=make_nps(),
        csat=make_csat(),
        releases=make_releases(),
        open_demands=open_demands,
        open_hours=float(sum(s.open_hours or 0.0 for s in streams)),
        actions=make_actions(),
        next_meeting=next_meeting(GENERATED_ON, make_client().meeting_interval_days, None),
    )
    return with_summary(dataclasses.replace(report, **overrides) if overrides else report)


def with_summary(report: ReviewReport) -> ReviewReport:
    """``report`` with the summary and section plan of the default configuration."""
    return dataclasses.replace(
        report, summary=summarize(report, SummarySettings()), sections=plan_sections(report, {}),
    )


def _empty_stream(key: str, role: str) -> StreamReport:
    none = Durations(None, None, 0)
    return StreamReport(
        key=key,
        role=role,
        created=Metric(None),
        by_category=[],
        by_urgency=[],
        prioritized=[],
        prioritized_count=Metric(None),
        sla=[],
        sla_compliance=Metric(None),
        first_response=none,
        resolution=none,
        open_demands=[],
        open_hours=None,
        missing=["tickets", "sla", "hours"],
    )


def make_empty_review_report(*, with_streams: bool = True, **overrides: Any) -> ReviewReport:
    """The missing-data case: no surveys, tickets, releases or actions; blank client properties.

    With ``with_streams`` the support and implantação streams exist with ``None`` metrics and
    ``missing`` notes (tickets export without the needed columns); without it there are none.
    """
    streams = (
        [_empty_stream("suporte", "support"), _empty_stream("implantacao", "implementation")]
        if with_streams
        else []
    )
    blank = {key: None for key in make_client().properties}
    client = make_client(
        name="Transportes Boa Viagem Ltda.",
        slug="transportes-boa-viagem",
        owner_cs=None,
        owner_sales=None,
        owner_implementation=None,
        phase=None,
        meeting_interval_days=None,
        last_meeting=None,
        next_meeting=None,
        properties=blank,
    )
    report = ReviewReport(
        company="SISMETRO",
        client=client,
        period=PERIOD,
        previous_period=PERIOD.previous(),
        generated_on=GENERATED_ON,
        streams=streams,
        nps=NpsReport(Metric(None), 0, 0, 0, 0, [], missing=["surveys"]),
        csat=CsatReport(Metric(None), Metric(None), 0, [], missing=["surveys"]),
        releases=[],
        open_demands=[],
        open_hours=None,
        actions=[],
        notes=[Note("suporte", "tickets"), Note("nps", "surveys"), Note("csat", "surveys")],
    )
    return with_summary(dataclasses.replace(report, **overrides) if overrides else report)
