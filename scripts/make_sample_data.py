"""Write deckgen's two sample workspaces (``sample_data/gcertifica`` and ``sample_data/sismetro``).

Everything is fictional and deterministic: one ``random.Random`` per workspace, fixed dates,
no clock reads, and XLSX files rewritten with fixed zip timestamps so that running the
script twice gives byte-identical files. Usage: ``python scripts/make_sample_data.py [OUT]``
(default ``sample_data``).

Both workspaces cover 2026-02-02 .. 2026-11-20 (the export date) plus a few older backlog
tickets, and support two consecutive 90-day reviews:

* current  ``2026-08-18..2026-11-15``
* previous ``2026-05-20..2026-08-17``

The period ends five days before the export on purpose: rows created after the period must
be left out, and tickets closed between 16 and 20 November were still open at period end.
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

EXPORT_AT = datetime(2026, 11, 20, 17, 40)
DATA_START = datetime(2026, 2, 2, 8, 0)
CURRENT = (date(2026, 8, 18), date(2026, 11, 15))
PREVIOUS = (date(2026, 5, 20), date(2026, 8, 17))
LAST_REVIEW = date(2026, 8, 17)
REVIEW_BEFORE = date(2026, 5, 19)
UTC_OFFSET = timedelta(hours=3)  # America/Sao_Paulo has had no DST since 2019
FIXED_ZIP_TIME = (2026, 11, 20, 0, 0, 0)
PRIORITIES = ("urgent", "high", "medium", "low")
PRIORITY_SCALE = {"urgent": 0.35, "high": 0.6, "medium": 1.0, "low": 1.4, None: 1.0}
OPEN_BACKLOG_WINDOW = (datetime(2026, 5, 4, 8, 0), datetime(2026, 11, 13, 18, 0))


# --------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    """A ticket category (or "Tipo de SS"): its weight, subjects and service-time model."""

    name: str
    weight: float
    subjects: tuple[str, ...]
    first_response_h: float
    resolution_h: float
    target_resolution_h: float | None = None
    hours: tuple[float, float] | None = None


@dataclass(frozen=True)
class StreamSpec:
    """One stream as the source system writes it: pipeline or type group, statuses, owners."""

    key: str
    pipeline: str
    categories: tuple[Category, ...]
    open_statuses: tuple[str, ...]
    closed_status: str
    owners: tuple[str, ...]
    priority_weights: tuple[float, float, float, float, float]
    multi_category: float = 0.0


@dataclass
class Load:
    """How many tickets of a stream a client opens per 30 days in a window."""

    stream: str
    per_30_days: float
    start: datetime = DATA_START
    end: datetime = EXPORT_AT


@dataclass
class Client:
    """A fictional client and everything the generator needs to know about it."""

    company_id: str
    name: str
    loads: list[Load]
    units: tuple[str, ...]
    forced_open: dict[str, int] = field(default_factory=dict)
    no_current: tuple[str, ...] = ()
    name_variant: str | None = None


@dataclass
class Ticket:
    """A generated ticket, before a workspace writer formats it."""

    ticket_id: str
    client: Client | None
    subject: str
    stream: StreamSpec
    categories: list[Category]
    priority: str | None
    status: str
    created: datetime
    first_response: datetime | None
    closed: datetime | None
    owner: str
    hours: float | None
    prioritized: bool = False


@dataclass
class Answer:
    """One survey answer."""

    response_id: str
    client: Client | None
    kind: str
    value: int
    comment: str
    submitted: datetime
    contact: str


# --------------------------------------------------------------------------------------------
# Time helpers
# --------------------------------------------------------------------------------------------

BUSINESS_START = time(8, 0)
BUSINESS_END = time(18, 0)


def business_hours_between(start: datetime, end: datetime) -> float:
    """Hours between two local times counted only Monday-Friday 08:00-18:00."""
    total = 0.0
    day = start.date()
    while day <= end.date():
        if day.weekday() < 5:
            lo = max(start, datetime.combine(day, BUSINESS_START))
            hi = min(end, datetime.combine(day, BUSINESS_END))
            if hi > lo:
                total += (hi - lo).total_seconds() / 3600
        day += timedelta(days=1)
    return total


def add_business_hours(start: datetime, hours: float) -> datetime:
    """The local time ``hours`` business hours after ``start``."""
    current = start
    remaining = hours
    while True:
        day_start = datetime.combine(current.date(), BUSINESS_START)
        day_end = datetime.combine(current.date(), BUSINESS_END)
        if current.weekday() >= 5 or current >= day_end:
            current = datetime.combine(current.date() + timedelta(days=1), BUSINESS_START)
            continue
        current = max(current, day_start)
        available = (day_end - current).total_seconds() / 3600
        if remaining <= available:
            return current + timedelta(hours=remaining)
        remaining -= available
        current = datetime.combine(current.date() + timedelta(days=1), BUSINESS_START)


def random_moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A creation time between two moments, mostly on weekdays in business hours."""
    span_days = max((end - start).days, 1)
    for _ in range(50):
        day = start.date() + timedelta(days=rng.randrange(span_days + 1))
        if day.weekday() >= 5 and rng.random() > 0.08:
            continue
        if rng.random() < 0.88:
            minute = rng.randrange(8 * 60, 18 * 60)
        else:
            minute = rng.choice([rng.randrange(6 * 60, 8 * 60), rng.randrange(18 * 60, 23 * 60)])
        moment = datetime.combine(day, time(minute // 60, minute % 60))
        if start <= moment <= end:
            return moment
    return start + (end - start) / 2


def in_period(moment: datetime, period: tuple[date, date]) -> bool:
    """Whether a local time falls on a day of the closed period."""
    return period[0] <= moment.date() <= period[1]


def lognormal(rng: random.Random, median: float, sigma: float) -> float:
    """A log-normal draw with the given median."""
    return rng.lognormvariate(math.log(median), sigma)


# --------------------------------------------------------------------------------------------
# Ticket generation (shared by both workspaces)
# --------------------------------------------------------------------------------------------


@dataclass
class TicketFactory:
    """Draws tickets for clients from stream specifications."""

    rng: random.Random
    streams: dict[str, StreamSpec]
    business_clock: bool
    fill: Callable[[str, Client | None], str]
    tickets: list[Ticket] = field(default_factory=list)

    def _after(self, start: datetime, hours: float) -> datetime:
        if self.business_clock:
            return add_business_hours(start, hours)
        moment = start + timedelta(hours=hours)
        if moment.hour >= 21 or moment.hour < 7:  # nobody answers at night: next morning
            morning = moment.date() + timedelta(days=1 if moment.hour >= 21 else 0)
            moment = datetime.combine(morning, time(8, self.rng.randrange(0, 50)))
        return moment

    def _priority(self, spec: StreamSpec) -> str | None:
        options: list[str | None] = [*PRIORITIES, None]
        return self.rng.choices(options, weights=spec.priority_weights)[0]

    def _categories(
        self, spec: StreamSpec, client: Client | None, created: datetime
    ) -> list[Category]:
        pool = [
            c
            for c in spec.categories
            if not (client and c.name in client.no_current and in_period(created, CURRENT))
        ]
        first = self.rng.choices(pool, weights=[c.weight for c in pool])[0]
        chosen = [first]
        if self.rng.random() < spec.multi_category:
            others = [c for c in pool if c is not first]
            chosen.append(self.rng.choice(others))
        return chosen

    def make(
        self,
        client: Client | None,
        stream: str,
        created: datetime,
        *,
        category: str | None = None,
        force_open: bool = False,
        closed: datetime | None = None,
        subject: str | None = None,
        priority: str | None = "draw",
    ) -> Ticket:
        """One ticket; open or closed follows from its drawn duration unless forced."""
        rng = self.rng
        spec = self.streams[stream]
        if category is None:
            cats = self._categories(spec, client, created)
        else:
            cats = [next(c for c in spec.categories if c.name == category)]
        main = cats[0]
        prio = self._priority(spec) if priority == "draw" else priority
        scale = PRIORITY_SCALE[prio]
        drawn_first = self._after(
            created, max(0.05, lognormal(rng, main.first_response_h * scale, 1.0))
        )
        if closed is None and not force_open:
            closed = self._after(created, max(0.3, lognormal(rng, main.resolution_h * scale, 0.8)))
            closed = max(closed, drawn_first + timedelta(minutes=10))
        if closed is not None and closed > EXPORT_AT:
            closed = None
        first: datetime | None = drawn_first
        if drawn_first > EXPORT_AT or (closed is not None and drawn_first > closed):
            first = None if closed is None else closed - timedelta(minutes=rng.randrange(5, 60))
        if closed is not None:
            status = spec.closed_status
        elif first is None:
            status = spec.open_statuses[0]
        else:
            status = rng.choice(spec.open_statuses[1:])
        hours = None
        if main.hours is not None and rng.random() < 0.92:
            lo, hi = main.hours
            hours = round(rng.uniform(lo, hi) * 2) / 2
        owner = rng.choice(spec.owners) if rng.random() > 0.04 or closed else ""
        text = subject or self.fill(rng.choice(main.subjects), client)
        ticket = Ticket(
            ticket_id="",
            client=client,
            subject=text,
            stream=spec,
            categories=cats,
            priority=prio,
            status=status,
            created=created,
            first_response=first,
            closed=closed,
            owner=owner,
            hours=hours,
            prioritized=rng.random() < (0.3 if prio in ("urgent", "high") else 0.05),
        )
        self.tickets.append(ticket)
        return ticket

    def load(self, client: Client) -> None:
        """Every ticket a client's loads produce, plus its forced open backlog."""
        rng = self.rng
        for load in client.loads:
            days = (load.end - load.start).total_seconds() / 86400
            count = int(load.per_30_days * days / 30 + rng.random())
            for _ in range(count):
                self.make(client, load.stream, random_moment(rng, load.start, load.end))
        for stream, count in client.forced_open.items():
            for _ in range(count):
                start = max(OPEN_BACKLOG_WINDOW[0], min(load.start for load in client.loads))
                created = random_moment(rng, start, OPEN_BACKLOG_WINDOW[1])
                self.make(client, stream, created, force_open=True)

    def numbered(self, first_id: int, step: Callable[[random.Random], int]) -> list[Ticket]:
        """All tickets sorted by creation, with increasing ids."""
        ordered = sorted(self.tickets, key=lambda t: (t.created, t.subject))
        number = first_id
        for ticket in ordered:
            number += step(self.rng)
            ticket.ticket_id = str(number)
        return ordered


def open_at(ticket: Ticket, day: date) -> bool:
    """Whether the ticket existed and was not closed at the end of ``day``."""
    end = datetime.combine(day, time(23, 59, 59))
    return ticket.created <= end and (ticket.closed is None or ticket.closed > end)


def fill_template(
    rng: random.Random, words: dict[str, Sequence[str]]
) -> Callable[[str, Client | None], str]:
    """A subject filler: ``{unidade}`` from the client, other ``{key}`` from ``words``."""

    def fill(template: str, client: Client | None) -> str:
        def repl(match: re.Match[str]) -> str:
            key = match.group(1)
            if key == "unidade":
                return rng.choice(client.units) if client else "Matriz"
            if key == "n":
                return str(rng.choice([3, 5, 8, 12, 15, 20, 27, 40, 64, 120, 350]))
            return rng.choice(words[key])

        return re.sub(r"\{(\w+)\}", repl, template)

    return fill


# --------------------------------------------------------------------------------------------
# Survey helpers
# --------------------------------------------------------------------------------------------


def nps_score(rng: random.Random, mix: tuple[float, float, float]) -> int:
    """A 0-10 score from a (promoter, passive, detractor) mix."""
    group = rng.choices(("p", "n", "d"), weights=mix)[0]
    if group == "p":
        return rng.choice([9, 10, 10])
    if group == "n":
        return rng.choice([7, 8, 8])
    return rng.choice([0, 2, 3, 4, 5, 5, 6, 6, 6])


class CommentPool:
    """Draws comments by score class, using each base text once before combining them."""

    def __init__(
        self, rng: random.Random, by_class: dict[str, Sequence[str]], extras: Sequence[str]
    ):
        self.rng = rng
        self.unused = {k: list(v) for k, v in by_class.items()}
        for values in self.unused.values():
            rng.shuffle(values)
        self.all = {k: list(v) for k, v in by_class.items()}
        self.extras = list(extras)

    def draw(self, score: int, scale_max: int = 10) -> str:
        """A comment fitting the score."""
        if scale_max == 10:
            group = "p" if score >= 9 else "n" if score >= 7 else "d"
        else:
            group = "p" if score >= 4 else "n" if score == 3 else "d"
        if self.unused[group]:
            return self.unused[group].pop()
        base = self.rng.choice(self.all[group])
        return f"{base} {self.rng.choice(self.extras)}"


def wave_moment(rng: random.Random, wave: date) -> datetime:
    """When someone answers a survey sent on ``wave``: mostly in the first days."""
    offset = min(rng.expovariate(1 / 3.0), 20)
    minute = rng.randrange(7 * 60, 23 * 60)
    day = wave + timedelta(days=int(offset))
    return datetime.combine(day, time(minute // 60, minute % 60))


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    encoding: str,
    delimiter: str,
) -> None:
    """A CSV as Excel or the export tool writes it (CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx(
    path: Path,
    sheet: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    number_formats: dict[str, str] | None = None,
) -> None:
    """An XLSX with one sheet, byte-identical from run to run."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    formats = number_formats or {}
    for col_index, name in enumerate(header, start=1):
        if name in formats:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col_index, max_col=col_index):
                cell.number_format = formats[name]
    fixed = datetime(*FIXED_ZIP_TIME)
    workbook.properties.creator = "deckgen sample data"
    workbook.properties.created = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    _normalise_zip(buffer.getvalue(), path)


def _normalise_zip(data: bytes, path: Path) -> None:
    stamp = "2026-11-20T00:00:00Z"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                content = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)


def iso_minutes(moment: datetime | None) -> str:
    """``YYYY-MM-DD HH:MM`` or blank."""
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def br_minutes(moment: datetime | None) -> str:
    """``DD/MM/YYYY HH:MM`` or blank."""
    return "" if moment is None else moment.strftime("%d/%m/%Y %H:%M")


def br_date(day: date | None) -> str:
    """``DD/MM/YYYY`` or blank."""
    return "" if day is None else day.strftime("%d/%m/%Y")


def br_decimal(value: float | None) -> str:
    """A number with a decimal comma, no trailing ``,0``."""
    if value is None:
        return ""
    text = f"{value:.1f}".replace(".", ",")
    return text.removesuffix(",0")


# --------------------------------------------------------------------------------------------
# Edge-case texts (the same kinds in both workspaces)
# --------------------------------------------------------------------------------------------

TEMPLATE_LOOKALIKE = (
    "Nosso TI testou o campo de observações com {{ 7*7 }} e {% for x in y %} e o sistema "
    "salvou o texto sem validar nada. Não quebrou, mas vale a equipe de vocês revisar."
)
QUOTES = (
    'O botão "Aprovar" às vezes some da tela e o suporte respondeu que é \'comportamento '
    "esperado'. Para nós não é: o gestor fica sem saber se aprovou ou não."
)
LT_AMP = (
    "Tempo de resposta < 2h em quase tudo & equipe sempre disponível. Só o relatório de "
    "P&D demora: às vezes leva > 1 dia para gerar."
)


def long_comment(subject: str) -> str:
    """A ~900-character comment about ``subject``."""
    text = (
        f"Vou deixar um comentário mais completo porque acho que vale a pena. Usamos {subject} "
        "há mais de um ano e, no geral, a ferramenta resolveu o problema que nos levou a "
        "contratar: antes tudo era controlado em planilhas espalhadas entre as unidades, sem "
        "histórico e sem responsável claro. Hoje conseguimos acompanhar os indicadores na "
        "reunião mensal de diretoria. Dito isso, há três pontos que incomodam a equipe "
        "operacional. Primeiro, a exportação de relatórios grandes ainda falha ou demora "
        "demais, e o pessoal acaba voltando para a planilha. Segundo, quando abrimos um chamado "
        "urgente, a primeira resposta é rápida, mas a solução definitiva às vezes leva semanas "
        "e ninguém nos avisa do andamento. Terceiro, o treinamento de novos usuários depende "
        "muito de uma pessoa só do nosso lado; materiais gravados e uma trilha de capacitação "
        "ajudariam bastante. Se esses pontos forem tratados, a nota sobe com certeza."
    )
    return text


# --------------------------------------------------------------------------------------------
# G-Certifica (playbook 000): HubSpot exports with English headers
# --------------------------------------------------------------------------------------------

GC_SUPPORT = ("Bruna Carvalho", "Felipe Moura", "Larissa Pinto", "Otávio Ramos")
GC_ISM = ("Camila Rocha", "Diego Nunes")
GC_DEV = ("Henrique Sato", "Patrícia Lemos", "Vitor Albuquerque")
GC_WORDS: dict[str, Sequence[str]] = {
    "fornecedor": (
        "Transportadora Rio Claro",
        "Elétrica Sol Nascente",
        "Andaimes Paulista",
        "Limpeza Ideal Serviços",
        "Vigilância Atalaia",
        "Concreteira Bandeirante",
        "TecnoFrio Climatização",
        "Metalúrgica Irmãos Peixoto",
    ),
    "documento": (
        "CND federal",
        "CRF do FGTS",
        "certidão trabalhista",
        "alvará de funcionamento",
        "ASO dos colaboradores",
        "PGR/PCMSO",
        "apólice de seguro",
        "contrato social",
    ),
    "relatorio": (
        "fornecedores homologados",
        "pendências documentais",
        "consultas BGC do mês",
        "vencimentos dos próximos 30 dias",
        "avaliação de desempenho de fornecedores",
    ),
    "sistema": ("SAP Ariba", "TOTVS Protheus", "Senior HCM", "Oracle EBS", "Coupa"),
}


def _gc_streams() -> dict[str, StreamSpec]:
    support = StreamSpec(
        key="suporte",
        pipeline="Suporte",
        categories=(
            Category(
                "Dúvida operacional",
                5,
                (
                    "Dúvida sobre validade da {documento} no cadastro de fornecedor",
                    "Como reenviar convite de cadastro para {fornecedor}?",
                    "Dúvida sobre regra de bloqueio automático por documento vencido",
                    "Como configurar alerta de vencimento para a unidade {unidade}",
                    "Orientação sobre aprovação em duas etapas no fluxo de homologação",
                    "Dúvida: fornecedor aparece como 'Em análise' há vários dias",
                ),
                1.2,
                14,
            ),
            Category(
                "Erro na plataforma",
                4,
                (
                    "Erro ao anexar {documento} (PDF acima de 10 MB)",
                    "Consulta BGC travada em 'Processando' para {fornecedor}",
                    "Tela de homologação em branco após atualização",
                    "Erro 500 ao aprovar fornecedor {fornecedor}",
                    "Notificações de vencimento não estão sendo enviadas",
                    "Status do fornecedor não atualiza após envio da {documento}",
                ),
                0.8,
                18,
            ),
            Category(
                "Acesso e usuários",
                3,
                (
                    "Criação de novos usuários para a unidade {unidade}",
                    "Usuário bloqueado após troca de senha",
                    "Liberar perfil de aprovador para gestor da unidade {unidade}",
                    "Remover acesso de colaboradores desligados",
                ),
                0.7,
                5,
            ),
            Category(
                "Relatórios",
                2,
                (
                    "Relatório de {relatorio} não exporta para Excel",
                    "Divergência de totais no relatório de {relatorio}",
                    "Incluir coluna de CNPJ no relatório de {relatorio}",
                ),
                1.5,
                20,
            ),
            Category(
                "Consultas BGC",
                2,
                (
                    "Resultado de BGC inconclusivo para {n} prestadores",
                    "Consulta de antecedentes retornando homônimo",
                    "Prazo de retorno das consultas BGC da unidade {unidade}",
                ),
                1.2,
                16,
            ),
        ),
        open_statuses=("Novo", "Em atendimento", "Aguardando cliente", "Aguardando terceiros"),
        closed_status="Fechado",
        owners=GC_SUPPORT,
        priority_weights=(0.06, 0.2, 0.42, 0.29, 0.03),
        multi_category=0.12,
    )
    implantation = StreamSpec(
        key="implantacao",
        pipeline="Implantação",
        categories=(
            Category(
                "Parametrização",
                4,
                (
                    "Parametrizar fluxo de homologação de {fornecedor}",
                    "Configurar matriz documental por tipo de serviço — unidade {unidade}",
                    "Ajustar critérios de bloqueio por risco na unidade {unidade}",
                    "Parametrizar categorias de fornecedores críticos",
                ),
                4,
                45,
                None,
                (4, 24),
            ),
            Category(
                "Treinamento",
                2,
                (
                    "Treinamento de gestores da unidade {unidade}",
                    "Capacitação do time de suprimentos em avaliação de fornecedores",
                    "Treinamento de novos aprovadores — turma {n}",
                ),
                6,
                70,
                None,
                (2, 8),
            ),
            Category(
                "Integração",
                2,
                (
                    "Integração do cadastro de fornecedores com {sistema}",
                    "Webhook de status de homologação para o {sistema}",
                    "Carga automática de pedidos de compra do {sistema}",
                ),
                5,
                110,
                None,
                (16, 80),
            ),
            Category(
                "Migração de dados",
                1.5,
                (
                    "Migração da base legada de fornecedores da unidade {unidade}",
                    "Importar {n} fornecedores e documentos da planilha antiga",
                ),
                5,
                60,
                None,
                (8, 40),
            ),
            Category(
                "Documentação",
                1.5,
                (
                    "Validação da documentação do projeto com o cliente",
                    "Revisar manual de procedimentos de homologação — unidade {unidade}",
                ),
                8,
                35,
                None,
                (2, 12),
            ),
        ),
        open_statuses=("Backlog", "Em andamento", "Aguardando cliente", "Em validação"),
        closed_status="Concluído",
        owners=GC_ISM,
        priority_weights=(0.05, 0.25, 0.45, 0.22, 0.03),
    )
    technology = StreamSpec(
        key="tecnologia",
        pipeline="Tecnologia",
        categories=(
            Category(
                "Bug",
                3,
                (
                    "Correção: duplicidade de fornecedores ao importar CNPJ com filial",
                    "Correção: cálculo da nota de avaliação ignora critério opcional",
                    "Correção: e-mail de convite com link expirado",
                    "Correção: filtro por unidade não respeita permissões",
                ),
                5,
                50,
                None,
                (4, 24),
            ),
            Category(
                "Melhoria",
                3,
                (
                    "Melhoria: painel de vencimentos por unidade",
                    "Melhoria: aprovação em lote de documentos",
                    "Melhoria: campo customizado de código interno do fornecedor",
                    "Melhoria: exportar histórico de avaliações em PDF",
                ),
                8,
                160,
                None,
                (16, 120),
            ),
            Category(
                "Integração",
                1.5,
                (
                    "API: endpoint de consulta de status por CNPJ",
                    "Integração SSO com Azure AD",
                    "Conector {sistema}: sincronização incremental",
                ),
                8,
                180,
                None,
                (24, 160),
            ),
        ),
        open_statuses=("Triagem", "Em desenvolvimento", "Em homologação", "Aguardando cliente"),
        closed_status="Entregue",
        owners=GC_DEV,
        priority_weights=(0.04, 0.22, 0.44, 0.27, 0.03),
    )
    finance = StreamSpec(
        key="financeiro",
        pipeline="Financeiro",
        categories=(
            Category(
                "Cobrança",
                1,
                (
                    "Segunda via de boleto",
                    "Nota fiscal emitida com CNPJ da matriz em vez da filial",
                    "Dúvida sobre cobrança de consultas excedentes",
                ),
                3,
                20,
            ),
        ),
        open_statuses=("Novo", "Em análise"),
        closed_status="Fechado",
        owners=("Simone Vasques",),
        priority_weights=(0, 0, 0.3, 0.6, 0.1),
    )
    return {s.key: s for s in (support, implantation, technology, finance)}


# HubSpot's own SLA targets for the Suporte pipeline (business hours); deckgen.toml matches.
GC_SUPPORT_TARGETS = {"urgent": (1, 8), "high": (2, 16), "medium": (4, 40), "low": (8, 80)}
GC_ACCESS_TARGET = (1, 8)


def gc_resolution_target(ticket: Ticket) -> float | None:
    """The Suporte resolution target that HubSpot's SLA status column reflects."""
    if ticket.stream.key != "suporte":
        return None
    if any(c.name == "Acesso e usuários" for c in ticket.categories):
        return GC_ACCESS_TARGET[1]
    if ticket.priority is None:
        return None
    return GC_SUPPORT_TARGETS[ticket.priority][1]


def gc_sla_status(ticket: Ticket) -> str:
    """HubSpot's SLA status as the export shows it on Suporte tickets."""
    target = gc_resolution_target(ticket)
    if target is None:
        return ""
    if ticket.closed is not None:
        spent = business_hours_between(ticket.created, ticket.closed)
        return "Completed on time" if spent <= target else "Completed late"
    spent = business_hours_between(ticket.created, EXPORT_AT)
    return "Overdue" if spent > target else "Due"


def _gc_clients() -> list[Client]:
    implantation_start = datetime(2026, 9, 28, 9, 0)
    adoption_go_live = datetime(2026, 7, 13, 9, 0)
    return [
        Client(
            "21457893011",
            "Construtora Horizonte Azul S.A.",
            [
                Load("suporte", 6.5),
                Load("implantacao", 3.2),
                Load("tecnologia", 1.6),
            ],
            (
                "Obra Jardim Botânico",
                "Obra Porto Maravilha",
                "Sede Rio de Janeiro",
                "Obra Alphaville",
                "Regional Sul",
            ),
            forced_open={"implantacao": 13, "tecnologia": 11, "suporte": 7},
        ),
        Client(
            "21457893254",
            "Rede Farmavida Drogarias Ltda",
            [
                Load("suporte", 4.2),
                Load("implantacao", 1.1),
                Load("tecnologia", 0.6),
            ],
            ("CD Contagem", "Loja Savassi", "Loja Pampulha", "Matriz BH"),
            forced_open={"suporte": 2, "tecnologia": 1},
            no_current=("Acesso e usuários", "Migração de dados"),
        ),
        Client(
            "21457894102",
            "Cooperativa de Crédito Vale Verde",
            [
                Load("suporte", 3.0),
                Load("implantacao", 0.6),
                Load("tecnologia", 0.3),
            ],
            ("Agência Centro", "Agência Lajeado", "Superintendência"),
            forced_open={"implantacao": 1},
        ),
        Client(
            "21457895530",
            "Tucano Logística e Transportes Ltda",
            [
                Load("implantacao", 5.5, datetime(2026, 3, 2, 8, 0), adoption_go_live),
                Load("implantacao", 1.2, adoption_go_live),
                Load("suporte", 4.5, datetime(2026, 6, 29, 8, 0)),
            ],
            ("CD Guarulhos", "CD Betim", "Frota Própria"),
            forced_open={"implantacao": 2},
        ),
        Client(
            "21457897718",
            "Mineração Serra Dourada S.A.",
            [
                Load("implantacao", 9.0, implantation_start),
            ],
            ("Mina Morro Alto", "Usina Itabira", "Escritório BH"),
            forced_open={"implantacao": 3},
        ),
        Client(
            "21457899006",
            "Energia Solar Planalto Ltda",
            [
                Load("suporte", 2.6, DATA_START, datetime(2026, 9, 25, 18, 0)),
            ],
            ("Parque Solar Cristalina", "Escritório Brasília"),
        ),
    ]


GC_NPS_COMMENTS: dict[str, Sequence[str]] = {
    "p": (
        "A plataforma organizou de vez a homologação dos nossos terceiros. Recomendo.",
        "Suporte rápido e atencioso, sempre resolve no mesmo dia.",
        "Ganhamos muito tempo na liberação de prestadores nas obras.",
        "O painel de vencimentos evitou que terceiros entrassem com documento vencido.",
        "Equipe de CS presente e proativa, as reuniões trimestrais ajudam muito.",
        "Implantação bem conduzida, a equipe entendeu nosso processo.",
        "Facilidade de uso: até os encarregados de obra conseguem consultar.",
        "As consultas BGC retornam rápido e o relatório é claro.",
        "Hoje não imaginamos voltar para as planilhas.",
        "Atendimento excelente da Bruna e do Felipe no suporte.",
        "A integração com o ERP funcionou bem depois dos ajustes.",
        "Auditoria interna elogiou a rastreabilidade dos documentos.",
        "Ferramenta estável, quase não tivemos indisponibilidade.",
        "O time de vocês sempre escuta nossas sugestões.",
        "Reduzimos o tempo de homologação de 15 para 4 dias.",
        "Os alertas por e-mail funcionam muito bem.",
    ),
    "n": (
        "Boa ferramenta, mas os relatórios poderiam ser mais flexíveis.",
        "Atende bem, porém a exportação para Excel ainda falha em bases grandes.",
        "Gostamos, mas sentimos falta de um aplicativo para celular.",
        "O suporte é bom, mas as melhorias pedidas demoram a sair.",
        "Funciona, mas a tela de aprovação tem muitos cliques.",
        "Precisamos de mais treinamentos para as novas obras.",
        "Algumas consultas BGC demoram mais do que o combinado.",
        "A plataforma é boa, mas o preço das consultas excedentes pesa.",
        "Interface poderia ser mais moderna.",
        "Bom produto; falta um painel consolidado para a diretoria.",
        "Atende ao básico, esperamos a avaliação de desempenho por obra.",
    ),
    "d": (
        "Muitos chamados abertos sem retorno há semanas.",
        "A integração com o ERP parou duas vezes no mês e atrasou pagamentos.",
        "Documentos aprovados voltam para pendente sem motivo.",
        "Demora excessiva nas demandas de desenvolvimento.",
        "O sistema fica lento no fim do mês, quando mais precisamos.",
        "Perdemos prazos de mobilização de terceiros por falha nas notificações.",
        "Sinto que nossas demandas não são prioridade.",
        "Relatórios com números divergentes, não confiamos nos dados.",
        "Suporte responde rápido, mas não resolve.",
        "Treinamento insuficiente para a equipe das obras.",
    ),
}
GC_EXTRAS = (
    "Seguimos acompanhando.",
    "Obrigado pelo apoio.",
    "Precisa melhorar nas obras novas.",
    "Comentário da equipe de suprimentos.",
    "Vamos falar disso na próxima reunião.",
    "Importante para a renovação do contrato.",
)
GC_CSAT_COMMENTS: dict[str, Sequence[str]] = {
    "p": (
        "Resolvido rapidamente, obrigado!",
        "Atendimento excelente.",
        "Muito claro na explicação.",
        "Resolveu no primeiro contato.",
        "Ótimo atendimento.",
    ),
    "n": ("Resolveu, mas demorou um pouco.", "Ok.", "Precisei explicar duas vezes."),
    "d": (
        "Demorou demais para resolver.",
        "O problema voltou no dia seguinte.",
        "Fiquei dias sem resposta.",
        "Não resolveu, abri outro chamado.",
    ),
}
GC_CONTACTS = (
    "ana.souza",
    "bruno.lima",
    "carla.mendes",
    "daniel.rocha",
    "eduarda.pires",
    "fabio.costa",
    "gisele.martins",
    "hugo.freitas",
    "isabela.nogueira",
    "joao.batista",
    "karen.alves",
    "leandro.reis",
    "marcia.teles",
    "nelson.prado",
    "olivia.cardoso",
    "paulo.serra",
)


def build_gcertifica(out: Path) -> dict[str, object]:
    """Write the G-Certifica workspace; return figures for the report."""
    rng = random.Random(20261120)
    streams = _gc_streams()
    clients = _gc_clients()
    factory = TicketFactory(rng, streams, True, fill_template(rng, GC_WORDS))
    for client in clients:
        factory.load(client)
    horizonte, farmavida, valeverde, tucano, serra, planalto = clients

    # Backlog older than the data window: long-running technology demands.
    factory.make(
        horizonte,
        "tecnologia",
        datetime(2025, 11, 12, 10, 15),
        category="Integração",
        force_open=True,
        subject="Integração SSO com Azure AD para as obras",
    )
    factory.make(
        horizonte,
        "tecnologia",
        datetime(2025, 12, 3, 14, 40),
        category="Melhoria",
        force_open=True,
        subject="Melhoria: avaliação de desempenho de fornecedores por obra",
    )
    # Open at the end of the current period, closed before the export.
    for day, cat in ((6, "Erro na plataforma"), (11, "Relatórios"), (13, "Dúvida operacional")):
        factory.make(
            horizonte,
            "suporte",
            datetime(2026, 11, day, 9, 30),
            category=cat,
            closed=datetime(2026, 11, 18, 16, 5),
        )
    factory.make(
        farmavida,
        "implantacao",
        datetime(2026, 11, 9, 10, 0),
        category="Parametrização",
        closed=datetime(2026, 11, 17, 11, 20),
    )
    # The edge client's zero-ticket categories do have history before the current period.
    factory.make(farmavida, "suporte", datetime(2026, 6, 10, 9, 12), category="Acesso e usuários")
    factory.make(
        farmavida,
        "implantacao",
        datetime(2026, 3, 16, 10, 0),
        category="Migração de dados",
        closed=datetime(2026, 4, 2, 17, 30),
    )
    factory.make(
        farmavida,
        "implantacao",
        datetime(2026, 6, 22, 10, 0),
        category="Migração de dados",
        closed=datetime(2026, 7, 21, 15, 0),
    )
    # Edge texts on the edge client's current tickets.
    factory.make(
        farmavida,
        "suporte",
        datetime(2026, 10, 14, 11, 3),
        category="Erro na plataforma",
        force_open=True,
        priority="high",
        subject='Notificação de vencimento exibindo "{{ nome_fornecedor }}" no lugar do nome',
    )
    factory.make(
        farmavida,
        "suporte",
        datetime(2026, 9, 2, 15, 47),
        category="Relatórios",
        subject="Relatório de conformidade & auditoria mostrando nota < 0 para a loja Savassi",
    )
    factory.make(
        farmavida,
        "tecnologia",
        datetime(2026, 9, 23, 9, 20),
        category="Bug",
        force_open=True,
        subject="Correção: CNPJ com apóstrofo ('D'Ávila Farma') quebra a importação",
    )
    # Finance pipeline (no stream in deckgen.toml) and tickets with no associated company.
    for when in (
        date(2026, 3, 9),
        date(2026, 5, 5),
        date(2026, 7, 7),
        date(2026, 9, 8),
        date(2026, 10, 6),
        date(2026, 11, 4),
    ):
        client = clients[when.month % 3]
        factory.make(client, "financeiro", datetime.combine(when, time(10, 30)))
    factory.make(
        None,
        "suporte",
        datetime(2026, 9, 15, 8, 50),
        category="Dúvida operacional",
        subject="Dúvida de prospect sobre o módulo de monitoramento",
    )
    factory.make(
        None,
        "suporte",
        datetime(2026, 10, 21, 19, 5),
        category="Acesso e usuários",
        subject="Pedido de acesso enviado de e-mail pessoal",
    )
    tickets = factory.numbered(1_984_000_000, lambda r: r.randrange(40_000, 900_000))

    header = [
        "Ticket ID",
        "Ticket name",
        "Pipeline",
        "Ticket status",
        "Priority",
        "Category",
        "Create date",
        "Close date",
        "First response date",
        "Ticket owner",
        "Associated Company IDs",
        "Associated Company",
        "Source",
        "SLA status",
        "Previsão de HH",
        "Priorizado pelo cliente",
        "Last activity date",
    ]
    rows = []
    for t in tickets:
        company_id = t.client.company_id if t.client else ""
        company_name = t.client.name if t.client else ""
        last_activity = t.closed or min(EXPORT_AT, t.created + timedelta(days=rng.randrange(0, 20)))
        rows.append(
            [
                t.ticket_id,
                t.subject,
                t.stream.pipeline,
                t.status,
                t.priority.upper() if t.priority else "",
                ";".join(c.name for c in t.categories),
                iso_minutes(t.created),
                iso_minutes(t.closed),
                iso_minutes(t.first_response),
                t.owner,
                company_id,
                company_name,
                rng.choice(["Email", "Email", "Chat", "Form", "Phone"]),
                gc_sla_status(t),
                "" if t.hours is None else f"{t.hours:g}",
                ("true" if t.prioritized else "false") if t.stream.key == "suporte" else "",
                iso_minutes(last_activity),
            ]
        )
    write_csv(
        out / "hubspot-crm-exports-all-tickets-2026-11-20.csv",
        header,
        rows,
        encoding="utf-8",
        delimiter=",",
    )

    _gc_companies(out)
    answers = _gc_surveys(rng, clients, tickets)
    _gc_releases(out)
    _gc_actions(out, clients)

    survey_header = [
        "hs_object_id",
        "hs_survey_type",
        "hs_survey_name",
        "hs_value",
        "hs_content",
        "hs_submission_timestamp",
        "hs_response_group",
        "Associated Company IDs",
        "hs_contact_email",
    ]
    survey_rows = []
    for a in answers:
        utc = a.submitted + UTC_OFFSET
        group = _response_group(a)
        survey_rows.append(
            [
                a.response_id,
                a.kind,
                _survey_name(a),
                a.value,
                a.comment,
                utc.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                group,
                a.client.company_id if a.client else "",
                a.contact,
            ]
        )
    write_csv(
        out / "hubspot-crm-exports-all-feedback-submissions-2026-11-20.csv",
        survey_header,
        survey_rows,
        encoding="utf-8",
        delimiter=",",
    )
    (out / "review-period.txt").write_text(f"{CURRENT[0]}..{CURRENT[1]}\n", encoding="utf-8")
    return {"tickets": tickets, "answers": answers, "clients": clients}


def _survey_name(a: Answer) -> str:
    if a.kind == "NPS":
        return f"NPS Clientes {a.submitted.year} T{(a.submitted.month - 1) // 3 + 1}"
    if a.kind == "CSAT":
        return "CSAT Suporte"
    return "CES Portal do Fornecedor"


def _response_group(a: Answer) -> str:
    if a.kind == "NPS":
        return "Promoter" if a.value >= 9 else "Passive" if a.value >= 7 else "Detractor"
    if a.kind == "CSAT":
        return "Satisfied" if a.value >= 4 else "Neutral" if a.value == 3 else "Dissatisfied"
    return ""


def _gc_surveys(rng: random.Random, clients: list[Client], tickets: list[Ticket]) -> list[Answer]:
    horizonte, farmavida, valeverde, tucano, serra, planalto = clients
    pool = CommentPool(rng, GC_NPS_COMMENTS, GC_EXTRAS)
    answers: list[Answer] = []
    waves = (date(2026, 3, 10), date(2026, 6, 9), date(2026, 9, 15), date(2026, 11, 3))
    plan: list[tuple[Client, tuple[float, float, float], float, Sequence[int]]] = [
        (horizonte, (0.52, 0.26, 0.22), 0.9, (14, 16, 19, 17)),
        (farmavida, (0.4, 0.35, 0.25), 0.6, (5, 6, 0, 0)),
        (valeverde, (0.6, 0.3, 0.1), 0.5, (3, 4, 3, 4)),
        (tucano, (0.3, 0.5, 0.2), 0.6, (0, 0, 3, 4)),
        (planalto, (0.1, 0.3, 0.6), 0.8, (3, 4, 2, 0)),
    ]

    def contact(client: Client | None) -> str:
        domain = re.sub(r"[^a-z]", "", (client.name.split()[1] if client else "gmail").lower())
        return f"{rng.choice(GC_CONTACTS)}@{domain}.com.br"

    for client, mix, comment_rate, counts in plan:
        for wave, count in zip(waves, counts, strict=True):
            for _ in range(count):
                score = nps_score(rng, mix)
                text = pool.draw(score) if rng.random() < comment_rate else ""
                answers.append(
                    Answer("", client, "NPS", score, text, wave_moment(rng, wave), contact(client))
                )
    # The edge client's remarkable comments, in the June wave (previous period only).
    edge_nps = [
        (10, "Equipe nota 10! 🚀👏 Só falta o app para celular 📱"),
        (6, QUOTES),
        (8, LT_AMP),
        (5, long_comment("o G-Certifica na homologação de fornecedores das lojas")),
        (7, TEMPLATE_LOOKALIKE),
    ]
    for i, (score, text) in enumerate(edge_nps):
        moment = datetime(2026, 6, 10 + i, 9 + i, 12)
        answers.append(Answer("", farmavida, "NPS", score, text, moment, contact(farmavida)))
    # Time-zone boundary cases: UTC date differs from the local (America/Sao_Paulo) date.
    answers.append(
        Answer(
            "",
            horizonte,
            "NPS",
            9,
            "Respondi tarde da noite: seguimos satisfeitos.",
            datetime(2026, 11, 15, 23, 10),
            contact(horizonte),
        )
    )
    answers.append(
        Answer(
            "",
            horizonte,
            "NPS",
            4,
            "Resposta do último dia do período anterior.",
            datetime(2026, 8, 17, 22, 30),
            contact(horizonte),
        )
    )
    # Answers HubSpot could not associate with a company.
    answers.append(
        Answer("", None, "NPS", 8, "Gosto da ferramenta.", datetime(2026, 9, 17, 10, 0), "")
    )
    answers.append(Answer("", None, "NPS", 3, "", datetime(2026, 10, 2, 15, 0), ""))

    csat_pool = CommentPool(rng, GC_CSAT_COMMENTS, GC_EXTRAS)
    for t in tickets:
        if t.stream.key != "suporte" or t.closed is None or t.client is None or rng.random() > 0.33:
            continue
        late = gc_sla_status(t) == "Completed late"
        weights = (0.08, 0.1, 0.2, 0.3, 0.32) if late else (0.02, 0.03, 0.08, 0.3, 0.57)
        value = rng.choices((1, 2, 3, 4, 5), weights=weights)[0]
        text = csat_pool.draw(value, 5) if rng.random() < 0.4 else ""
        moment = t.closed + timedelta(hours=rng.uniform(0.3, 30))
        if moment <= EXPORT_AT:
            answers.append(Answer("", t.client, "CSAT", value, text, moment, contact(t.client)))
    for i, (value, text) in enumerate(
        ((5, "Resolveu rapidinho 😀👍"), (2, QUOTES), (4, LT_AMP), (3, TEMPLATE_LOOKALIKE))
    ):
        moment = datetime(2026, 9, 8, 14, 25) + timedelta(days=9 * i)
        answers.append(Answer("", farmavida, "CSAT", value, text, moment, contact(farmavida)))
    # CES answers: a survey type deckgen.toml does not map to NPS or CSAT.
    for i in range(6):
        client = clients[i % 3]
        moment = datetime(2026, 4 + i, 12, 11, 0)
        answers.append(Answer("", client, "CES", rng.randint(3, 7), "", moment, contact(client)))

    answers.sort(key=lambda a: a.submitted)
    number = 4_102_000_000
    for a in answers:
        number += rng.randrange(1_000, 90_000)
        a.response_id = str(number)
    return answers


def _gc_companies(out: Path) -> None:
    header = [
        "Record ID",
        "Company name",
        "Company owner",
        "Proprietário CS",
        "ISM",
        "Fase do cliente",
        "[CS] Dias entre reuniões",
        "[CS] Data da última reunião",
        "Become a Customer Date",
        "[CS] Data do Go-Live",
        "Data de churn",
        "Objetivo da contratação",
        "Dor do cliente",
        "Possíveis ofensores",
        "Comunicação interna realizada",
        "Ponto focal operacional",
        "Ponto focal gestão",
        "Potencial de expansão",
        "Pacote de consultas",
        "Previsão de aumento",
        "Proposta aceita",
        "Proposta final anexada",
        "Produtos segunda onda",
        "KickOff registrado",
        "Passagem registrada",
        "Reunião de validação da documentação",
        "Treinamento da plataforma",
        "Industry",
        "City",
        "State/Region",
        "Number of Employees",
        "Create Date",
    ]
    d = date
    rows: list[list[object]] = [
        [
            21457893011,
            "Construtora Horizonte Azul S.A.",
            "Ricardo Fontes",
            "Mariana Teixeira",
            "Camila Rocha",
            "Cliente ativo",
            90,
            d(2026, 8, 17),
            d(2025, 3, 10),
            d(2025, 6, 2),
            None,
            "Homologar e monitorar todos os terceiros das obras antes da mobilização",
            "Terceiros entrando nas obras com documentação vencida; multas trabalhistas",
            "Engenheiros de obra resistem ao novo fluxo; suprimentos sobrecarregado",
            "Comunicado da diretoria de operações a todas as obras (abr/2025)",
            "Renata Guimarães — Coordenadora de Suprimentos",
            "Sérgio Valadares — Diretor de Operações",
            "Novas regionais (Sul e Nordeste) e avaliação de desempenho de fornecedores",
            "Enterprise — 5.000 consultas/mês",
            "+30% de consultas após a abertura da Regional Sul",
            "Sim — proposta v3, assinada em 28/02/2025",
            "true",
            "Monitoramento;Avaliação de fornecedores",
            "true",
            "true",
            d(2025, 4, 2),
            d(2025, 4, 23),
            "Construction",
            "Rio de Janeiro",
            "RJ",
            3200,
            d(2024, 11, 4),
        ],
        [
            21457893254,
            "Rede Farmavida Drogarias Ltda",
            "Juliana Prado",
            "Rafael Andrade",
            "",
            "Cliente ativo",
            90,
            d(2026, 8, 17),
            d(2025, 8, 1),
            d(2025, 9, 15),
            None,
            "Padronizar a homologação de fornecedores de serviços das lojas & CDs",
            "Auditorias da vigilância sanitária encontrando prestadores sem documentos",
            "Lojas abrem chamados por e-mail em vez da plataforma",
            "E-mail do diretor de expansão às gerências regionais",
            "Cláudia D'Ávila — Analista de Compras",
            'Marcos "Marcão" Leite — Gerente de Compras',
            "BGC para contratação de terceirizados das lojas",
            "Padrão — 800 consultas/mês",
            "Revisar pacote após 12 meses",
            "Sim",
            "true",
            "BGC",
            "true",
            "true",
            None,
            d(2025, 8, 26),
            "Retail",
            "Belo Horizonte",
            "MG",
            4100,
            d(2025, 5, 20),
        ],
        [
            21457894102,
            "Cooperativa de Crédito Vale Verde",
            "Ricardo Fontes",
            "Mariana Teixeira",
            "Camila Rocha",
            "Cliente ativo",
            120,
            d(2026, 7, 14),
            d(2024, 10, 1),
            d(2024, 12, 9),
            None,
            "Due diligence de fornecedores exigida pelo Banco Central",
            "Processo manual de KYS (know your supplier) sem trilha de auditoria",
            "",
            "Sim",
            "Patrícia Wendt — Analista de Riscos",
            "Gilberto Hahn — Superintendente",
            "Monitoramento contínuo de fornecedores críticos",
            "Essencial — 300 consultas/mês",
            "Estável",
            "Sim",
            "true",
            "Monitoramento",
            "true",
            "true",
            d(2024, 10, 22),
            d(2024, 11, 12),
            "Financial Services",
            "Lajeado",
            "RS",
            850,
            d(2024, 6, 17),
        ],
        [
            21457895530,
            "Tucano Logística e Transportes Ltda",
            "Juliana Prado",
            "Rafael Andrade",
            "Diego Nunes",
            "Adoção",
            30,
            d(2026, 10, 29),
            d(2026, 2, 16),
            d(2026, 7, 13),
            None,
            "Homologar transportadoras agregadas e motoristas terceiros",
            "Roubo de carga com motoristas sem checagem de antecedentes",
            "Operação de CD em 3 turnos, difícil reunir os encarregados",
            "Sim",
            "Everton Sales — Coordenador de Frota",
            "Luciana Bortolan — Gerente de Riscos",
            "Avaliação de fornecedores para oficinas parceiras",
            "Padrão — 1.500 consultas/mês",
            "+50% no pico de fim de ano",
            "Sim — proposta v2",
            "true",
            "Monitoramento;BGC;Avaliação de fornecedores",
            "true",
            "false",
            d(2026, 3, 18),
            d(2026, 6, 16),
            "Logistics and Supply Chain",
            "Guarulhos",
            "SP",
            1900,
            d(2025, 12, 1),
        ],
        [
            21457897718,
            "Mineração Serra Dourada S.A.",
            "Ricardo Fontes",
            "Mariana Teixeira",
            "Diego Nunes",
            "Implantação",
            None,
            None,
            d(2026, 9, 14),
            None,
            None,
            "Controlar documentação de SSMA das empreiteiras nas minas",
            "Acidentes com terceiros sem treinamento NR-22 comprovado",
            "",
            "",
            "Jéssica Rangel — Técnica de Segurança",
            "",
            "",
            "Enterprise — 3.000 consultas/mês",
            "",
            "Sim — aguardando assinatura do aditivo",
            "false",
            "",
            "true",
            "false",
            d(2026, 10, 20),
            None,
            "Mining & Metals",
            "Itabira",
            "MG",
            5200,
            d(2026, 6, 3),
        ],
        [
            21457899006,
            "Energia Solar Planalto Ltda",
            "Juliana Prado",
            "Rafael Andrade",
            "Camila Rocha",
            "Cancelado",
            60,
            d(2026, 7, 8),
            d(2025, 5, 5),
            d(2025, 7, 1),
            d(2026, 10, 5),
            "Homologar empreiteiras de montagem dos parques solares",
            "Atrasos na liberação de equipes de montagem",
            "Cliente reduziu obras em 2026",
            "Sim",
            "Igor Matsuda — Engenheiro de Implantação",
            "Beatriz Quintão — Diretora",
            "",
            "Essencial — 200 consultas/mês",
            "",
            "Sim",
            "true",
            "",
            "true",
            "true",
            d(2025, 5, 20),
            d(2025, 6, 10),
            "Renewables & Environment",
            "Cristalina",
            "GO",
            140,
            d(2025, 2, 11),
        ],
    ]
    write_xlsx(
        out / "hubspot-crm-exports-all-companies-2026-11-20.xlsx",
        "hubspot-crm-exports-all-compani",
        header,
        rows,
        number_formats={
            name: "yyyy-mm-dd"
            for name in header
            if "Data" in name or "Date" in name or "Treinamento" in name or "Reunião" in name
        },
    )


def _gc_releases(out: Path) -> None:
    header = ["Data", "Versão", "Título", "Descrição", "Produto"]
    rows = [
        [
            date(2026, 2, 10),
            "2026.2.0",
            "Painel de vencimentos",
            "Visão por unidade dos documentos que vencem nos próximos 30, 60 e 90 dias.",
            "Homologação",
        ],
        [
            date(2026, 3, 3),
            "2026.3.0",
            "Aprovação em lote",
            "Aprovar ou reprovar vários documentos de uma vez, com justificativa única.",
            "Homologação",
        ],
        [
            date(2026, 3, 24),
            "2026.3.2",
            "Correções de estabilidade",
            "Correção do envio de convites & melhoria no tempo de carregamento.",
            "Plataforma",
        ],
        [
            date(2026, 4, 14),
            "2026.4.0",
            "Consulta BGC em lote",
            "Envio de até 500 CPFs por planilha para consulta de antecedentes.",
            "BGC",
        ],
        [
            date(2026, 5, 12),
            "2026.5.0",
            "Campos customizados",
            "Campos próprios no cadastro do fornecedor (código interno, centro de custo).",
            "Homologação",
        ],
        [
            date(2026, 6, 2),
            "2026.6.0",
            "Avaliação de fornecedores 2.0",
            "Critérios com pesos, avaliação por contrato e histórico de notas.",
            "Avaliação de fornecedores",
        ],
        [
            date(2026, 6, 30),
            "2026.6.3",
            "Exportação de relatórios grandes",
            "Relatórios acima de 50 mil linhas gerados em segundo plano e enviados por e-mail.",
            "Relatórios",
        ],
        [
            date(2026, 7, 21),
            "2026.7.0",
            "Login único (SSO)",
            "Entrada com Azure AD e Google Workspace.",
            "Plataforma",
        ],
        [
            date(2026, 8, 25),
            "2026.8.0",
            "Monitoramento contínuo",
            "Reconsulta automática mensal de CNPJs críticos com alerta de mudança de situação.",
            "Monitoramento",
        ],
        [
            date(2026, 9, 15),
            "2026.9.0",
            "Portal do fornecedor renovado",
            "Novo visual, envio de documentos pelo celular e lembretes por WhatsApp.",
            "Portal do Fornecedor",
        ],
        [
            date(2026, 10, 6),
            "2026.10.0",
            "API de status por CNPJ",
            "Endpoint para o ERP consultar se o fornecedor está apto antes de emitir pedido.",
            "Integrações",
        ],
        [
            date(2026, 10, 27),
            "2026.10.2",
            "Painel executivo",
            "Indicadores para a diretoria: % de terceiros aptos e tempo médio de homologação.",
            "Relatórios",
        ],
        [
            date(2026, 11, 12),
            "2026.11.0",
            "Conector SAP Ariba",
            "Sincronização incremental de fornecedores e pedidos com o SAP Ariba.",
            "Integrações",
        ],
        [
            date(2026, 11, 19),
            "2026.11.1",
            "Melhorias no BGC",
            "Tratamento de homônimos com data de nascimento e nome da mãe.",
            "BGC",
        ],
    ]
    write_xlsx(
        out / "releases-g-certifica.xlsx",
        "Lançamentos",
        header,
        rows,
        number_formats={"Data": "dd/mm/yyyy"},
    )


def _gc_actions(out: Path, clients: list[Client]) -> None:
    horizonte, farmavida, valeverde, tucano, serra, planalto = clients
    header = [
        "ID da empresa",
        "Empresa",
        "Ação",
        "Responsável",
        "Prazo",
        "Status",
        "Data da reunião",
    ]
    rows: list[list[object]] = []

    def add(
        client: Client, action: str, owner: str, due: date | None, status: str, agreed: date
    ) -> None:
        rows.append(
            [
                client.company_id,
                client.name,
                action,
                owner,
                "" if due is None else due.isoformat(),
                status,
                agreed.isoformat(),
            ]
        )

    m1, m2 = REVIEW_BEFORE, LAST_REVIEW
    add(
        horizonte,
        "Treinar encarregados das obras novas no portal do fornecedor",
        "Camila Rocha",
        date(2026, 6, 30),
        "Concluída",
        m1,
    )
    add(
        horizonte,
        "Enviar relatório de terceiros bloqueados por obra",
        "Mariana Teixeira",
        date(2026, 6, 5),
        "Concluída",
        m1,
    )
    add(
        horizonte,
        "Priorizar correção da exportação de relatórios grandes",
        "Henrique Sato",
        date(2026, 7, 15),
        "Concluída",
        m1,
    )
    add(
        horizonte,
        "Apresentar proposta de avaliação de fornecedores para a Regional Sul",
        "Ricardo Fontes",
        date(2026, 9, 30),
        "Em andamento",
        m2,
    )
    add(
        horizonte,
        "Definir cronograma de implantação das obras Alphaville e Porto Maravilha",
        "Camila Rocha",
        date(2026, 9, 15),
        "Concluída",
        m2,
    )
    add(
        horizonte,
        "Reduzir backlog de demandas de tecnologia abertas há mais de 60 dias",
        "Patrícia Lemos",
        date(2026, 10, 31),
        "Em andamento",
        m2,
    )
    add(
        horizonte,
        "Validar integração SSO com o TI do cliente",
        "Vitor Albuquerque",
        date(2026, 10, 15),
        "Atrasada",
        m2,
    )
    add(
        horizonte,
        "Agendar treinamento do painel executivo com a diretoria",
        "Mariana Teixeira",
        date(2026, 11, 27),
        "Não iniciada",
        m2,
    )
    add(
        farmavida,
        "Revisar perfis 'inativos' & enviar lista de usuários <admin> para validação",
        "Rafael Andrade",
        date(2026, 9, 10),
        "Concluída",
        m2,
    )
    add(
        farmavida,
        'Corrigir modelo de e-mail que exibe "{{ nome_fornecedor }}"',
        "Henrique Sato",
        date(2026, 10, 31),
        "Em andamento",
        m2,
    )
    add(
        farmavida,
        "Apresentar BGC para terceirizados das lojas",
        "Juliana Prado",
        date(2026, 11, 30),
        "Não iniciada",
        m2,
    )
    add(
        valeverde,
        "Ativar monitoramento contínuo dos 40 fornecedores críticos",
        "Mariana Teixeira",
        date(2026, 8, 31),
        "Concluída",
        date(2026, 7, 14),
    )
    add(
        valeverde,
        "Enviar evidências de due diligence para a auditoria do BC",
        "Patrícia Wendt",
        date(2026, 9, 20),
        "Concluída",
        date(2026, 7, 14),
    )
    add(
        tucano,
        "Passagem de bastão ISM → CS com a gerência de riscos",
        "Diego Nunes",
        date(2026, 8, 14),
        "Atrasada",
        date(2026, 7, 13),
    )
    add(
        tucano,
        "Atualizar [CS] Dias entre reuniões e Fase do cliente no HubSpot",
        "Rafael Andrade",
        date(2026, 11, 28),
        "Não iniciada",
        date(2026, 10, 29),
    )
    add(
        tucano,
        "Treinar turno da noite do CD Betim",
        "Diego Nunes",
        None,
        "Em andamento",
        date(2026, 10, 29),
    )
    add(
        serra,
        "Anexar proposta final e aditivo assinado no HubSpot",
        "Ricardo Fontes",
        date(2026, 10, 2),
        "Atrasada",
        date(2026, 9, 22),
    )
    add(
        serra,
        "Mapear ponto focal de gestão e comunicação interna",
        "Mariana Teixeira",
        date(2026, 10, 9),
        "Em andamento",
        date(2026, 9, 22),
    )
    add(
        planalto,
        "Entender motivo de redução de obras e risco de cancelamento",
        "Rafael Andrade",
        date(2026, 7, 31),
        "Concluída",
        date(2026, 7, 8),
    )
    write_csv(out / "plano-de-acao.csv", header, rows, encoding="utf-8", delimiter=",")


# --------------------------------------------------------------------------------------------
# SISMETRO (playbook 001): help-desk SS export with Portuguese headers, Windows-1252, ";"
# --------------------------------------------------------------------------------------------

SM_CSI = ("Gabriel Borges", "Bruno Takeda", "Renata Okuda")
SM_CSM = ("Lucas Monteiro", "Daielly Lionardo", "Carla Mendes", "Vinícius Araújo")
SM_DEV = ("João Polles", "Eduardo Lins", "Fernanda Castro")
SM_WORDS: dict[str, Sequence[str]] = {
    "ativo": (
        "chiller 02",
        "grupo gerador GG-1",
        "elevador social 3",
        "caldeira B",
        "autoclave CME-04",
        "bomba de recalque",
        "câmara fria 7",
        "compressor K-12",
    ),
    "modulo": (
        "Ordens de Serviço",
        "Plano de Manutenção",
        "Estoque",
        "Patrimônio",
        "Indicadores",
        "App SISMETRO Campo",
        "Solicitantes",
    ),
    "sistema": ("TOTVS Protheus", "SAP S/4HANA", "MV Soul", "Tasy", "Senior", "Power BI"),
    "relatorio": (
        "MTBF/MTTR",
        "backlog de OS",
        "custos por centro de custo",
        "preventivas x corretivas",
        "consumo de peças",
    ),
}
SM_TYPES: dict[str, tuple[Category, ...]] = {
    "csi": (
        Category(
            "Implantação",
            4,
            (
                "Implantação do módulo de {modulo} — setor {unidade}",
                "Parametrização de planos de manutenção preventiva — {unidade}",
                "Kick-off e cronograma de implantação do {modulo}",
                "Carga inicial de patrimônios da unidade {unidade}",
                "Treinamento de usuários-chave no {modulo}",
            ),
            6,
            150,
            240,
            (8, 60),
        ),
        Category(
            "Visita Técnica",
            1.5,
            (
                "Visita técnica para mapeamento de ativos — {unidade}",
                "Visita técnica: levantamento de localizações do {unidade}",
                "Visita para acompanhamento da operação assistida — {unidade}",
            ),
            12,
            100,
            168,
            (4, 16),
        ),
    ),
    "csm": (
        Category(
            "Erro",
            4,
            (
                "Erro ao gerar OS preventiva do {ativo}",
                "App SISMETRO Campo não sincroniza OS fechadas",
                "Erro ao salvar OS; sistema exibe tela branca",
                "Relatório de {relatorio} com valores zerados",
                "Assinatura digital não aparece no PDF da OS",
                "Lentidão no módulo de {modulo} no fim do mês",
            ),
            1.2,
            30,
            48,
            (0.5, 6),
        ),
        Category(
            "Dúvida",
            4,
            (
                "Dúvida sobre plano de manutenção do {ativo}",
                "Como reabrir uma OS encerrada por engano?",
                "Dúvida sobre cálculo do indicador {relatorio}",
                "Como transferir patrimônio entre localizações?",
                "Dúvida sobre permissões do perfil técnico",
            ),
            1,
            10,
            24,
            None,
        ),
        Category(
            "Cadastro",
            2.5,
            (
                "Cadastro de {n} patrimônios da unidade {unidade}",
                "Cadastro de novos solicitantes do {unidade}",
                "Cadastro de fornecedores de peças",
                "Atualizar cadastro de localizações do {unidade}",
            ),
            2,
            24,
            48,
            (0.5, 8),
        ),
        Category(
            "Personalização",
            1.5,
            (
                "Personalização do relatório de {relatorio}",
                "Personalizar layout da OS com logotipo da unidade {unidade}",
                "Novo campo no formulário de SS para centro de custo",
            ),
            3,
            70,
            120,
            (2, 16),
        ),
    ),
    "desenvolvimento": (
        Category(
            "Adequação",
            2,
            (
                "Adequação do fluxo de aprovação de OS para a engenharia clínica",
                "Adequação da SS para exigências da ONA/Acreditação",
                "Adequação do módulo de {modulo} ao processo do cliente",
            ),
            6,
            300,
            480,
            (16, 120),
        ),
        Category(
            "Chamado",
            2.5,
            (
                "Chamado: falha na rotina de geração automática de preventivas",
                "Chamado: erro de permissão após atualização da versão",
                "Chamado: duplicidade de OS geradas pelo app",
                "Chamado: dashboard de {relatorio} não carrega",
            ),
            2.5,
            40,
            72,
            (2, 24),
        ),
        Category(
            "Integração",
            1.5,
            (
                "Integração de requisições de peças com o {sistema}",
                "Integração de centros de custo com o {sistema}",
                "Exportação de indicadores para o {sistema}",
            ),
            6,
            450,
            720,
            (24, 200),
        ),
    ),
}


def _sm_streams() -> dict[str, StreamSpec]:
    return {
        "csi": StreamSpec(
            "csi",
            "",
            SM_TYPES["csi"],
            ("Aberta", "Em atendimento", "Aguardando cliente", "Agendada"),
            "Encerrada",
            SM_CSI,
            (0.03, 0.2, 0.5, 0.22, 0.05),
        ),
        "csm": StreamSpec(
            "csm",
            "",
            SM_TYPES["csm"],
            ("Aberta", "Em atendimento", "Aguardando cliente"),
            "Encerrada",
            SM_CSM,
            (0.07, 0.22, 0.43, 0.25, 0.03),
        ),
        "desenvolvimento": StreamSpec(
            "desenvolvimento",
            "",
            SM_TYPES["desenvolvimento"],
            ("Aberta", "Em desenvolvimento", "Em homologação", "Aguardando cliente"),
            "Encerrada",
            SM_DEV,
            (0.04, 0.25, 0.46, 0.22, 0.03),
        ),
    }


def _sm_clients() -> list[Client]:
    go_live = datetime(2026, 7, 1, 8, 0)
    kickoff = datetime(2026, 9, 21, 8, 0)
    return [
        Client(
            "9871204411",
            "Hospital Santa Helena do Vale",
            [
                Load("csm", 7.0),
                Load("csi", 2.2),
                Load("desenvolvimento", 2.0),
            ],
            (
                "Bloco Cirúrgico",
                "UTI Adulto",
                "Engenharia Clínica",
                "Central de Utilidades",
                "Anexo Pediatria",
            ),
            forced_open={"csi": 10, "desenvolvimento": 12, "csm": 9},
        ),
        Client(
            "9871205530",
            "Indústria Metalúrgica Ferraço Ltda",
            [
                Load("csm", 4.0),
                Load("csi", 0.9),
                Load("desenvolvimento", 0.8),
            ],
            ("Laminação", "Forjaria", "Almoxarifado Central", "Subestação"),
            forced_open={"csm": 2, "desenvolvimento": 1},
            no_current=("Visita Técnica",),
            name_variant="INDUSTRIA METALURGICA FERRACO LTDA",
        ),
        Client(
            "9871206017",
            "Shopping Parque das Águas",
            [
                Load("csm", 3.0),
                Load("csi", 0.4),
                Load("desenvolvimento", 0.4),
            ],
            ("Mall", "Estacionamento", "Torre Comercial"),
            forced_open={"csm": 1},
        ),
        Client(
            "9871207284",
            "Centro Universitário Atlântico",
            [
                Load("csi", 6.0, datetime(2026, 3, 2, 8, 0), go_live),
                Load("csi", 1.5, go_live),
                Load("csm", 4.0, datetime(2026, 6, 1, 8, 0)),
            ],
            ("Campus Centro", "Campus Norte", "Laboratórios", "Biblioteca"),
            forced_open={"csi": 2},
        ),
        Client(
            "9871208860",
            "Frigorífico Campo Bom S.A.",
            [
                Load("csi", 9.0, kickoff),
            ],
            ("Abate", "Desossa", "Câmaras Frias", "Casa de Máquinas"),
            forced_open={"csi": 3},
        ),
        Client(
            "9871209935",
            "Condomínio Empresarial Torre Norte",
            [
                Load("csm", 1.3),
            ],
            ("Torre A", "Torre B"),
        ),
    ]


SM_NPS_COMMENTS: dict[str, Sequence[str]] = {
    "p": (
        "O SISMETRO organizou a manutenção do hospital, hoje temos histórico de tudo.",
        "Equipe de suporte muito rápida, resolve quase tudo no mesmo dia.",
        "O app de campo facilitou a vida dos técnicos.",
        "Os indicadores de MTBF e MTTR ajudaram na acreditação.",
        "Implantação muito bem conduzida pelo time de CSI.",
        "Conseguimos reduzir as corretivas com o plano preventivo.",
        "A engenharia clínica ganhou controle dos equipamentos.",
        "Sistema estável e fácil de usar.",
        "Atendimento humano e atencioso, nota máxima.",
        "As reuniões de acompanhamento com o CSM trazem boas práticas.",
        "O relatório de backlog virou rotina na nossa reunião semanal.",
        "Ótimo custo-benefício comparado ao sistema anterior.",
        "O controle de estoque de peças evitou compras em duplicidade.",
        "Treinamentos claros, a equipe aprendeu rápido.",
        "Recomendo para qualquer hospital que queira organizar a manutenção.",
        "As atualizações recentes melhoraram muito a tela de OS.",
    ),
    "n": (
        "Bom sistema, mas o app às vezes perde a sincronização.",
        "Atende, porém os relatórios poderiam ser mais personalizáveis.",
        "O suporte é bom, mas as adequações demoram.",
        "Falta integração com nosso ERP de compras.",
        "Interface boa, mas exige muitos cliques para fechar uma OS.",
        "Gostaria de mais treinamentos para os novos técnicos.",
        "Boa ferramenta, mas o preço subiu no reajuste.",
        "Funciona bem; o dashboard poderia carregar mais rápido.",
        "O módulo de estoque ainda é confuso para o almoxarifado.",
        "Atende ao básico, esperamos evolução nos indicadores.",
        "O atendimento é bom, mas nem sempre avisam o andamento das SS.",
    ),
    "d": (
        "Muitas SS abertas há meses sem solução.",
        "A integração com o ERP nunca funcionou como prometido.",
        "O sistema ficou lento depois da última atualização.",
        "Preventivas deixaram de ser geradas e só descobrimos na auditoria.",
        "Demandas de desenvolvimento sem prazo definido.",
        "O app trava e os técnicos voltaram para o papel.",
        "Sentimos falta de um contato mais próximo do CSM.",
        "Relatórios com dados divergentes dos nossos controles.",
        "Suporte responde, mas não resolve de verdade.",
        "Pagamos por módulos que ainda não foram implantados.",
    ),
}
SM_EXTRAS = (
    "Comentário da coordenação de manutenção.",
    "Seguimos à disposição.",
    "Vamos tratar na próxima reunião.",
    "Obrigado ao time de CS.",
    "Isso pesa na renovação.",
    "Espero melhorias em breve.",
)
SM_CSAT_COMMENTS: dict[str, Sequence[str]] = {
    "p": (
        "Resolvido rápido, obrigado!",
        "Excelente atendimento.",
        "Explicação muito clara.",
        "Técnico muito prestativo.",
    ),
    "n": ("Resolveu, mas demorou.", "Ok.", "Precisei ligar duas vezes."),
    "d": ("Demorou demais.", "Não resolveu o problema.", "Fiquei sem retorno por dias."),
}
SM_CONTACTS = (
    "Adriana Lopes",
    "Carlos Eduardo Viana",
    "Denise Arruda",
    "Everaldo Souza",
    "Flávia Moreira",
    "Gustavo Henrique Dias",
    "Helena Barros",
    "Ivan Petrucci",
    "Jaqueline Ramos",
    "Kléber Nunes",
    "Lívia Fontana",
    "Marcelo Tavares",
    "Natália Queiroz",
    "Orlando Pimenta",
    "Priscila Sampaio",
)


def build_sismetro(out: Path) -> dict[str, object]:
    """Write the SISMETRO workspace; return figures for the report."""
    rng = random.Random(20261121)
    streams = _sm_streams()
    clients = _sm_clients()
    factory = TicketFactory(rng, streams, False, fill_template(rng, SM_WORDS))
    for client in clients:
        factory.load(client)
    hospital, ferraco, shopping, centro, frigorifico, torre = clients

    factory.make(
        hospital,
        "desenvolvimento",
        datetime(2025, 12, 9, 9, 40),
        category="Integração",
        force_open=True,
        subject="Integração de requisições de peças com o MV Soul",
    )
    for day, cat in ((5, "Erro"), (10, "Cadastro"), (14, "Dúvida")):
        factory.make(
            hospital,
            "csm",
            datetime(2026, 11, day, 10, 5),
            category=cat,
            closed=datetime(2026, 11, 17, 9, 45),
        )
    factory.make(
        ferraco,
        "csi",
        datetime(2026, 11, 3, 8, 30),
        category="Implantação",
        closed=datetime(2026, 11, 19, 17, 0),
    )
    factory.make(
        ferraco,
        "csi",
        datetime(2026, 4, 7, 8, 0),
        category="Visita Técnica",
        closed=datetime(2026, 4, 9, 17, 0),
    )
    factory.make(
        ferraco,
        "csi",
        datetime(2026, 7, 6, 8, 0),
        category="Visita Técnica",
        closed=datetime(2026, 7, 10, 16, 0),
    )
    factory.make(
        ferraco,
        "csm",
        datetime(2026, 10, 8, 14, 22),
        category="Erro",
        force_open=True,
        priority="high",
        subject='E-mail de OS exibindo "{{ solicitante.nome }}" em vez do nome',
    )
    factory.make(
        ferraco,
        "csm",
        datetime(2026, 9, 9, 9, 10),
        category="Personalização",
        subject="Relatório de custos & horas com MTTR < 0 na Forjaria",
    )
    factory.make(
        ferraco,
        "desenvolvimento",
        datetime(2026, 9, 29, 10, 0),
        category="Chamado",
        force_open=True,
        subject="Chamado: patrimônio com apóstrofo ('Prensa D'Angelo') não salva",
    )
    tickets = factory.numbered(48_210, lambda r: r.randrange(3, 14))

    header = [
        "Número da SS",
        "Cliente",
        "Solicitante",
        "Assunto",
        "Tipo de SS",
        "Tipo de Atendimento",
        "Situação",
        "Prioridade",
        "Data de abertura",
        "Data da primeira resposta",
        "Data de encerramento",
        "Responsável",
        "Estimativa HH",
        "Filial",
    ]
    labels = {"urgent": "Urgente", "high": "Alta", "medium": "Média", "low": "Baixa"}
    rows = []
    for t in tickets:
        assert t.client is not None
        name = t.client.name
        if t.client.name_variant and rng.random() < 0.35:
            name = t.client.name_variant
        visit = t.categories[0].name == "Visita Técnica"
        if t.closed is not None and rng.random() < 0.025:
            t.status = "Cancelada"  # duplicated or withdrawn SS: closed, with a close date
        rows.append(
            [
                t.ticket_id,
                name,
                rng.choice(SM_CONTACTS),
                t.subject,
                t.categories[0].name,
                "Presencial" if visit else rng.choice(["Remoto", "Remoto", "Telefone"]),
                t.status,
                labels.get(t.priority or "", ""),
                br_minutes(t.created),
                br_minutes(t.first_response),
                br_minutes(t.closed),
                t.owner,
                br_decimal(t.hours),
                rng.choice(t.client.units),
            ]
        )
    write_csv(out / "exportacao-ss-2026-11-20.csv", header, rows, encoding="cp1252", delimiter=";")

    answers = _sm_surveys(rng, clients, tickets)
    survey_header = [
        "Tipo de pesquisa",
        "Nota",
        "Comentário",
        "Data de envio",
        "Nome da empresa",
        "Contato",
        "Canal",
    ]
    survey_rows = [
        [
            a.kind,
            a.value,
            a.comment,
            br_date(a.submitted.date()),
            a.client.name if a.client else "",
            a.contact,
            "E-mail" if a.kind == "NPS" else "Encerramento de SS",
        ]
        for a in answers
    ]
    write_csv(
        out / "pesquisas-nps-csat-2026-11-20.csv",
        survey_header,
        survey_rows,
        encoding="utf-8-sig",
        delimiter=";",
    )
    _sm_companies(out)
    _sm_releases(out)
    _sm_actions(out, clients)
    (out / "review-period.txt").write_text(f"{CURRENT[0]}..{CURRENT[1]}\n", encoding="utf-8")
    return {"tickets": tickets, "answers": answers, "clients": clients}


def _sm_surveys(rng: random.Random, clients: list[Client], tickets: list[Ticket]) -> list[Answer]:
    hospital, ferraco, shopping, centro, frigorifico, torre = clients
    pool = CommentPool(rng, SM_NPS_COMMENTS, SM_EXTRAS)
    answers: list[Answer] = []
    waves = (date(2026, 4, 14), date(2026, 7, 7), date(2026, 9, 1), date(2026, 10, 20))
    plan: list[tuple[Client, tuple[float, float, float], float, Sequence[int]]] = [
        (hospital, (0.5, 0.3, 0.2), 0.92, (15, 17, 18, 19)),
        (ferraco, (0.35, 0.4, 0.25), 0.5, (5, 5, 0, 0)),
        (shopping, (0.6, 0.3, 0.1), 0.5, (3, 3, 3, 3)),
        (centro, (0.4, 0.45, 0.15), 0.6, (0, 2, 3, 3)),
        (torre, (0.3, 0.3, 0.4), 0.7, (1, 2, 1, 2)),
    ]
    for client, mix, comment_rate, counts in plan:
        for wave, count in zip(waves, counts, strict=True):
            for _ in range(count):
                score = nps_score(rng, mix)
                text = pool.draw(score) if rng.random() < comment_rate else ""
                answers.append(
                    Answer(
                        "",
                        client,
                        "NPS",
                        score,
                        text,
                        wave_moment(rng, wave),
                        rng.choice(SM_CONTACTS),
                    )
                )
    edge_nps = [
        (9, "Atendimento excelente 👍😀 o app de campo mudou nossa rotina 🔧⚙️"),
        (6, QUOTES),
        (8, LT_AMP),
        (5, long_comment("o SISMETRO na manutenção da fábrica")),
        (7, TEMPLATE_LOOKALIKE),
    ]
    for i, (score, text) in enumerate(edge_nps):
        answers.append(
            Answer(
                "",
                ferraco,
                "NPS",
                score,
                text,
                datetime(2026, 7, 8 + i, 10, 0),
                rng.choice(SM_CONTACTS),
            )
        )
    # Exactly on the period boundaries.
    answers.append(
        Answer(
            "",
            hospital,
            "NPS",
            10,
            "Última resposta do período.",
            datetime(2026, 11, 15, 12, 0),
            "Helena Barros",
        )
    )
    answers.append(
        Answer(
            "",
            hospital,
            "NPS",
            6,
            "Resposta no dia da reunião anterior.",
            datetime(2026, 8, 17, 12, 0),
            "Ivan Petrucci",
        )
    )

    csat_pool = CommentPool(rng, SM_CSAT_COMMENTS, SM_EXTRAS)
    for t in tickets:
        if t.stream.key != "csm" or t.closed is None or rng.random() > 0.35:
            continue
        target = t.categories[0].target_resolution_h or 48
        late = (t.closed - t.created).total_seconds() / 3600 > target
        weights = (0.1, 0.12, 0.2, 0.3, 0.28) if late else (0.02, 0.03, 0.1, 0.3, 0.55)
        value = rng.choices((1, 2, 3, 4, 5), weights=weights)[0]
        text = csat_pool.draw(value, 5) if rng.random() < 0.35 else ""
        moment = t.closed + timedelta(hours=rng.uniform(0.5, 48))
        if moment <= EXPORT_AT:
            answers.append(
                Answer("", t.client, "CSAT", value, text, moment, rng.choice(SM_CONTACTS))
            )
    for i, (value, text) in enumerate(
        ((5, "Resolveu rapidinho 😀👍"), (2, QUOTES), (4, LT_AMP), (3, TEMPLATE_LOOKALIKE))
    ):
        answers.append(
            Answer(
                "",
                ferraco,
                "CSAT",
                value,
                text,
                datetime(2026, 9, 10, 15, 0) + timedelta(days=9 * i),
                rng.choice(SM_CONTACTS),
            )
        )
    answers.sort(key=lambda a: a.submitted)
    return answers


def _sm_companies(out: Path) -> None:
    header = [
        "ID do registro",
        "Nome da empresa",
        "Proprietário da empresa",
        "Proprietário CS",
        "Analista de implantação",
        "Fase do cliente",
        "[CS] Dias entre reuniões",
        "Data da última reunião",
        "Cliente desde",
        "Data do Go-Live",
        "Data de churn",
        "Objetivo da contratação",
        "Dor do cliente",
        "Possíveis ofensores",
        "Comunicação interna realizada",
        "Ponto focal operacional",
        "Ponto focal gestão",
        "Potencial de expansão",
        "Pacote contratado",
        "Previsão de aumento",
        "Proposta aceita",
        "Proposta final anexada",
        "Produtos segunda onda",
        "KickOff registrado",
        "Passagem registrada",
        "Reunião de validação da documentação",
        "Treinamento da plataforma",
        "Segmento",
        "Cidade",
        "Estado",
    ]
    d = date
    data: list[list[object]] = [
        [
            "9871204411",
            "Hospital Santa Helena do Vale",
            "Marcos Bettio",
            "Lucas Monteiro",
            "Gabriel Borges",
            "Cliente ativo",
            90,
            d(2026, 8, 17),
            d(2024, 9, 2),
            d(2024, 12, 2),
            None,
            "Centralizar a manutenção predial e de equipamentos médicos",
            "Falhas em equipamentos críticos sem histórico; exigências da acreditação ONA",
            "Engenharia clínica terceirizada com sistema próprio",
            "Sim",
            "Rodrigo Falcão — Coordenador de Manutenção",
            "Dra. Vera Lúcia Antunes — Diretora Administrativa",
            "Módulo de Estoque e App Mobile para a equipe noturna",
            "Enterprise — 60 usuários",
            "+20 usuários com o Anexo Pediatria",
            "Sim",
            "Sim",
            "Estoque;App Mobile;Engenharia Clínica",
            "Sim",
            "Sim",
            d(2024, 9, 20),
            d(2024, 10, 15),
            "Saúde",
            "Campinas",
            "SP",
        ],
        [
            "9871205530",
            "Indústria Metalúrgica Ferraço Ltda",
            "Marcos Bettio",
            "Daielly Lionardo",
            "Bruno Takeda",
            "Cliente ativo",
            90,
            d(2026, 8, 17),
            d(2025, 2, 3),
            d(2025, 5, 5),
            None,
            "Reduzir paradas não programadas na laminação",
            "Manutenção corretiva > 60% das horas; controle em planilhas",
            "Turnos não registram OS no app",
            "Parcial — só a gerência industrial",
            "Anderson D'Angelo — Supervisor de Manutenção",
            "Cíntia Ferraço — Gerente Industrial",
            "Integração com o ERP de compras",
            "Profissional — 25 usuários",
            "",
            "Sim",
            "Sim",
            "Estoque;Integração ERP",
            "Sim",
            "Sim",
            d(2025, 2, 24),
            d(2025, 3, 17),
            "Indústria",
            "Joinville",
            "SC",
        ],
        [
            "9871206017",
            "Shopping Parque das Águas",
            "Paula Rezende",
            "Leonardo Maciel",
            "Renata Okuda",
            "Cliente ativo",
            60,
            d(2026, 9, 22),
            d(2023, 11, 6),
            d(2024, 1, 15),
            None,
            "Controlar contratos e preventivas do condomínio do shopping",
            "Reclamações de lojistas por ar-condicionado e escadas rolantes",
            "",
            "Sim",
            "Tatiane Rocha — Supervisora de Operações",
            "Fábio Grecco — Superintendente",
            "Torre comercial nova (2027)",
            "Profissional — 15 usuários",
            "Estável",
            "Sim",
            "Sim",
            "App Mobile",
            "Sim",
            "Sim",
            d(2023, 11, 28),
            d(2023, 12, 12),
            "Varejo / Shopping",
            "Curitiba",
            "PR",
        ],
        [
            "9871207284",
            "Centro Universitário Atlântico",
            "Paula Rezende",
            "Aline Ferraz",
            "Gabriel Borges",
            "Adoção",
            45,
            d(2026, 10, 6),
            d(2026, 2, 9),
            d(2026, 7, 1),
            None,
            "Gerir a manutenção dos três campi e dos laboratórios",
            "Chamados de manutenção por e-mail e WhatsApp, sem prazos",
            "Prefeitura do campus com rotatividade alta",
            "Sim",
            "Wellington Braga — Coordenador de Infraestrutura",
            "Profa. Sandra Meireles — Pró-Reitora",
            "Campus Sul (2027) e módulo de Estoque",
            "Profissional — 30 usuários",
            "+10 usuários com o Campus Sul",
            "Sim",
            "Sim",
            "Estoque",
            "Sim",
            "Não",
            d(2026, 3, 10),
            d(2026, 5, 19),
            "Educação",
            "Florianópolis",
            "SC",
        ],
        [
            "9871208860",
            "Frigorífico Campo Bom S.A.",
            "Marcos Bettio",
            "",
            "Bruno Takeda",
            "Implantação",
            None,
            None,
            d(2026, 9, 8),
            None,
            None,
            "Planos de manutenção das câmaras frias e da casa de máquinas",
            "",
            "",
            "",
            "Jefferson Kuhn — Encarregado de Manutenção",
            "",
            "",
            "Enterprise — 40 usuários",
            "",
            "Sim",
            "Não",
            "",
            "Sim",
            "Não",
            d(2026, 10, 14),
            None,
            "Alimentos",
            "Campo Bom",
            "RS",
        ],
        [
            "9871209935",
            "Condomínio Empresarial Torre Norte",
            "Paula Rezende",
            "Aline Ferraz",
            "Renata Okuda",
            "Cliente ativo",
            180,
            d(2026, 5, 12),
            d(2022, 4, 4),
            d(2022, 6, 1),
            None,
            "Preventivas de elevadores, bombas e geradores",
            "Multas por laudos vencidos",
            "",
            "Sim",
            "Zé Carlos Amaral — Zelador",
            "Síndica Márcia Peixoto",
            "",
            "Essencial — 5 usuários",
            "",
            "Sim",
            "Sim",
            "",
            "Sim",
            "Sim",
            None,
            None,
            "Condomínio comercial",
            "Recife",
            "PE",
        ],
    ]
    rows = [[br_date(v) if isinstance(v, date) else v for v in row] for row in data]
    write_csv(
        out / "hubspot-empresas-2026-11-20.csv", header, rows, encoding="cp1252", delimiter=";"
    )


def _sm_releases(out: Path) -> None:
    header = ["Data de lançamento", "Versão", "Título", "Resumo", "Módulo"]
    d = date
    rows: list[list[object]] = [
        [
            d(2026, 2, 19),
            "8.10.0",
            "Assinatura digital na OS",
            "Técnico e solicitante assinam a OS no app.",
            "App SISMETRO Campo",
        ],
        [
            d(2026, 3, 17),
            "8.11.0",
            "Plano de manutenção por medidor",
            "Preventivas disparadas por horímetro, quilometragem ou ciclos.",
            "Plano de Manutenção",
        ],
        [
            d(2026, 4, 22),
            "8.11.3",
            "Correções no app",
            "Sincronização de OS offline & anexos de fotos maiores.",
            "App SISMETRO Campo",
        ],
        [
            d(2026, 5, 19),
            "8.12.0",
            "Estoque com reserva de peças",
            "Reserva de peças na abertura da OS e baixa automática no encerramento.",
            "Estoque",
        ],
        [
            d(2026, 6, 23),
            "8.13.0",
            "Painel de indicadores",
            "MTBF, MTTR, backlog e aderência às preventivas em um único painel.",
            "Indicadores",
        ],
        [
            d(2026, 7, 28),
            "8.14.0",
            "Portal do solicitante",
            "Abertura e acompanhamento de SS pelo celular, com QR Code no ativo.",
            "Solicitantes",
        ],
        [
            d(2026, 8, 25),
            "8.15.0",
            "Engenharia clínica",
            "Controle de calibração, testes de segurança elétrica e laudos por equipamento.",
            "Patrimônio",
        ],
        [
            d(2026, 9, 22),
            "8.16.0",
            "Integração com Power BI",
            "Conector oficial com as tabelas de OS, ativos e custos.",
            "Integrações",
        ],
        [
            d(2026, 10, 20),
            "8.17.0",
            "Checklists inteligentes",
            "Perguntas condicionais e fotos obrigatórias nos checklists de preventiva.",
            "Ordens de Serviço",
        ],
        [
            d(2026, 11, 10),
            "8.18.0",
            "Novo app SISMETRO Campo",
            "App reescrito: mais rápido, modo offline completo e leitura de NFC.",
            "App SISMETRO Campo",
        ],
        [
            d(2026, 11, 18),
            "8.18.1",
            "Correções pós-lançamento",
            "Ajustes de sincronização do novo app.",
            "App SISMETRO Campo",
        ],
    ]
    write_csv(
        out / "lancamentos-sismetro.csv",
        header,
        [[br_date(r[0]) if isinstance(r[0], date) else r[0], *r[1:]] for r in rows],
        encoding="utf-8-sig",
        delimiter=";",
    )


def _sm_actions(out: Path, clients: list[Client]) -> None:
    hospital, ferraco, shopping, centro, frigorifico, torre = clients
    header = ["Cliente", "Ação", "Responsável", "Prazo", "Situação", "Data da reunião"]
    m1, m2 = REVIEW_BEFORE, LAST_REVIEW
    rows: list[list[object]] = [
        [
            hospital.name,
            "Treinar equipe noturna no app SISMETRO Campo",
            "Gabriel Borges",
            date(2026, 6, 30),
            "Concluída",
            m1,
        ],
        [
            hospital.name,
            "Revisar planos preventivos da Central de Utilidades",
            "Lucas Monteiro",
            date(2026, 7, 15),
            "Concluída",
            m1,
        ],
        [
            hospital.name,
            "Definir prazo da integração com o MV Soul",
            "João Polles",
            date(2026, 9, 15),
            "Atrasada",
            m2,
        ],
        [
            hospital.name,
            "Apresentar módulo de Estoque para o almoxarifado",
            "Lucas Monteiro",
            date(2026, 10, 10),
            "Concluída",
            m2,
        ],
        [
            hospital.name,
            "Reduzir backlog de SS de desenvolvimento abertas há mais de 60 dias",
            "João Polles",
            date(2026, 11, 30),
            "Em andamento",
            m2,
        ],
        [
            hospital.name,
            "Implantar engenharia clínica no Anexo Pediatria",
            "Bruno Takeda",
            date(2026, 12, 15),
            "Não iniciada",
            m2,
        ],
        [
            ferraco.name,
            "Revisar perfis 'inativos' & liberar acesso <supervisor> aos turnos",
            "Daielly Lionardo",
            date(2026, 9, 5),
            "Concluída",
            m2,
        ],
        [
            ferraco.name,
            'Corrigir modelo de e-mail que exibe "{{ solicitante.nome }}"',
            "Eduardo Lins",
            date(2026, 10, 31),
            "Em andamento",
            m2,
        ],
        [
            ferraco.name,
            "Apresentar proposta de integração com o ERP de compras",
            "Marcos Bettio",
            None,
            "Não iniciada",
            m2,
        ],
        [
            shopping.name,
            "Cadastrar escadas rolantes da torre comercial",
            "Leonardo Maciel",
            date(2026, 10, 15),
            "Concluída",
            date(2026, 9, 22),
        ],
        [
            centro.name,
            "Agendar passagem de bastão CSI → CSM",
            "Gabriel Borges",
            date(2026, 8, 31),
            "Atrasada",
            date(2026, 7, 1),
        ],
        [
            centro.name,
            "Treinar prefeitura do Campus Norte",
            "Aline Ferraz",
            date(2026, 11, 25),
            "Em andamento",
            date(2026, 10, 6),
        ],
        [
            frigorifico.name,
            "Definir Proprietário CS no HubSpot",
            "Thiago Grosse",
            date(2026, 9, 30),
            "Atrasada",
            date(2026, 9, 21),
        ],
        [
            frigorifico.name,
            "Levantar ativos da casa de máquinas",
            "Bruno Takeda",
            date(2026, 10, 30),
            "Em andamento",
            date(2026, 9, 21),
        ],
    ]
    write_xlsx(
        out / "plano-de-acao.xlsx",
        "Plano de ação",
        header,
        rows,
        number_formats={"Prazo": "dd/mm/yyyy", "Data da reunião": "dd/mm/yyyy"},
    )


# --------------------------------------------------------------------------------------------
# Checks and entry point
# --------------------------------------------------------------------------------------------


def summary(name: str, built: dict[str, object]) -> list[str]:
    """Per-client figures for both periods, and assertions on the required edge cases."""
    tickets = built["tickets"]
    answers = built["answers"]
    clients = built["clients"]
    assert isinstance(tickets, list) and isinstance(answers, list) and isinstance(clients, list)
    lines = [f"{name}: {len(tickets)} tickets, {len(answers)} survey answers"]
    for client in clients:
        own = [t for t in tickets if t.client is client]
        for label, period in (("current", CURRENT), ("previous", PREVIOUS)):
            created = sum(in_period(t.created, period) for t in own)
            open_end = sum(open_at(t, period[1]) and t.stream.key != "financeiro" for t in own)
            nps = [
                a
                for a in answers
                if a.client is client and a.kind == "NPS" and in_period(a.submitted, period)
            ]
            comments = sum(bool(a.comment) for a in nps)
            lines.append(
                f"  {client.name[:34]:34} {label:8} created={created:3} "
                f"open_at_end={open_end:3} nps={len(nps):3} nps_comments={comments:3}"
            )
    return lines


def check(built: dict[str, object]) -> None:
    """Fail loudly if the edge cases the brief requires are missing."""
    tickets = built["tickets"]
    answers = built["answers"]
    clients = built["clients"]
    assert isinstance(tickets, list) and isinstance(answers, list) and isinstance(clients, list)
    big, edge = clients[0], clients[1]
    assert 150 <= len(tickets) <= 400, len(tickets)
    big_open = sum(open_at(t, CURRENT[1]) for t in tickets if t.client is big)
    assert big_open >= 30, big_open
    big_comments = sum(
        1
        for a in answers
        if a.client is big and a.kind == "NPS" and a.comment and in_period(a.submitted, CURRENT)
    )
    assert big_comments >= 25, big_comments
    assert not any(
        a.client is edge and a.kind == "NPS" and in_period(a.submitted, CURRENT) for a in answers
    )
    for category in edge.no_current:
        assert not any(
            t.client is edge
            and in_period(t.created, CURRENT)
            and category in [c.name for c in t.categories]
            for t in tickets
        )
    assert any(
        t.closed and t.closed.date() > CURRENT[1] and t.created.date() <= CURRENT[1]
        for t in tickets
    )


# Each workspace's brand: the vendor's logo and colours, and one client logo (by Record ID in
# one workspace, by the client's slug in the other), all drawn here: no third-party artwork.
BRANDS = {
    "gcertifica": ("G-Certifica", "#0B6E4F", "#F2A541",
                   "mineracao-serra-dourada-s-a", "Serra Dourada", "#7A4B1E"),
    "sismetro": ("SISMETRO", "#1F4E9C", "#E4572E",
                 "9871204411", "Santa Helena", "#2A9D8F"),
}


def _logo(name: str, primary: str, accent: str, width: int = 640) -> Image.Image:
    """A flat logo: a mark of two overlapping squares and the name beside it."""
    height = width // 4
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    side = int(height * 0.7)
    top = (height - side) // 2
    draw.rounded_rectangle((top, top, top + side, top + side), radius=side // 6, fill=primary)
    inner = side // 2
    draw.rounded_rectangle((top + side - inner // 2, top + side - inner, top + side + inner // 2,
                            top + side), radius=inner // 5, fill=accent)
    font = ImageFont.load_default(size=int(height * 0.42))
    draw.text((top + side + inner, height // 2), name, font=font, fill=primary, anchor="lm")
    return image.crop(image.getbbox())


def write_brand(out: Path, name: str) -> None:
    """``brand/logo.png`` (the vendor's) and ``logos/<client>.png`` (one client's)."""
    vendor, primary, accent, client_file, client, client_color = BRANDS[name]
    (out / "brand").mkdir(exist_ok=True)
    (out / "logos").mkdir(exist_ok=True)
    _logo(vendor, primary, accent).save(out / "brand" / "logo.png", optimize=False)
    _logo(client, client_color, "#B0B7C3").save(out / "logos" / f"{client_file}.png",
                                                optimize=False)


def main(argv: Sequence[str]) -> int:
    """Write both workspaces under the given folder (default ``sample_data``)."""
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "sample_data"
    for name, build in (("gcertifica", build_gcertifica), ("sismetro", build_sismetro)):
        out = root / name
        out.mkdir(parents=True, exist_ok=True)
        built = build(out)
        write_brand(out, name)
        check(built)
        print("\n".join(summary(name, built)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
