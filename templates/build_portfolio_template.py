"""Build deckgen's CS Ops portfolio templates (``portfolio.pt-BR.pptx``, ``portfolio.en.pptx``).

Same visual language as the review deck: the palette, cards, tables and charts come from
``build_review_template``. Run from the repository root:

    .venv/bin/python templates/build_portfolio_template.py

The deck reads a ``PortfolioReport`` (deckgen/report/portfolio_model.py): ``churn``, ``nps``,
``csms``, ``streams``, ``clients``, ``flagged``, ``due``... Wording lives only in ``STRINGS``.
"""

# ruff: noqa: E501

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Inches, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_review_template import (  # noqa: E402
    BOTTOM,
    CONTENT_W,
    DARK,
    FONT,
    LIGHT,
    MARGIN,
    MID,
    PRIMARY,
    SLIDE_W,
    TOP,
    WHITE,
    Deck,
    P,
    rgb,
    write_templates,
)

HERE = Path(__file__).resolve().parent
LANGUAGES = ("pt-BR", "en")
L, R, C = PP_ALIGN.LEFT, PP_ALIGN.RIGHT, PP_ALIGN.CENTER

STRINGS: dict[str, dict[str, str | list[str]]] = {
    "pt-BR": {
        "pp": "p.p.",
        "notes_continued": "Continuação da lista (página {{ page.number }} de {{ page.count }}).",
        "footer": "{{ company }}  ·  Portfólio CS Ops{% if owner %} · {{ owner }}{% endif %}  ·  {{ period.start | date }} – {{ period.end | date }}",
        "cover_kicker": "RELATÓRIO DE PORTFÓLIO · CS OPS",
        "cover_title": "{{ company }}",
        "cover_period": "Período: {{ period.start | date(\"long\") }} a {{ period.end | date(\"long\") }}",
        "cover_scope": "{% if owner %}Carteira de {{ owner }}{% else %}Todos os CSMs{% endif %} · {{ clients | length }} {{ clients | length | plural('cliente ativo', 'clientes ativos') }}",
        "cover_generated": "Gerado em {{ generated_on | date }} · comparado com {{ previous_period.start | date }} – {{ previous_period.end | date }}",
        "cover_band": "Customer Success Operations",
        "summary_kicker": "RESUMO",
        "summary_title": "A carteira no período",
        "k_churn": "Churn de logos",
        "k_churn_sub": "{% if churn.rate is not none %}{{ churn.lost }} de {{ churn.active_at_start }} {{ churn.active_at_start | plural('cliente ativo', 'clientes ativos') }} no início{% if churn_previous.rate is not none %} · antes {{ churn_previous.rate | percent }}{% endif %}{% else %}sem data de churn nesta exportação{% endif %}",
        "k_nps": "NPS da carteira",
        "k_nps_sub": "{% if nps.known %}{{ nps_answers | number }} {{ nps_answers | plural('resposta', 'respostas') }}{% if nps.delta is not none %} · {{ nps.delta | signed(0) }} vs. período anterior{% endif %}{% else %}sem respostas de NPS no período{% endif %}",
        "k_csat": "CSAT: clientes satisfeitos",
        "k_csat_sub": "{% if csat_satisfied.known %}{{ csat_answers | number }} {{ csat_answers | plural('resposta', 'respostas') }}{% if csat_satisfied.delta is not none %} · {{ csat_satisfied.delta | signed(1, 'p.p.') }}{% endif %}{% else %}sem respostas de CSAT no período{% endif %}",
        "k_sla": "SLA cumprido",
        "k_sla_sub": "{% if sla_compliance.known %}todos os fluxos{% if sla_compliance.delta is not none %} · {{ sla_compliance.delta | signed(1, 'p.p.') }} vs. período anterior{% endif %}{% else %}sem chamados fechados com meta no período{% endif %}",
        "k_due": "Revisões vencidas",
        "k_due_sub": "{% if due %}a mais atrasada há {{ due[0].days_overdue | days }}{% else %}nenhuma revisão vencida em {{ generated_on | date }}{% endif %}",
        "k_flagged": "Clientes em alerta",
        "k_flagged_sub": "NPS ou CSAT em queda, ou SLA descumprido",
        "csm_kicker": "SATISFAÇÃO",
        "t_csm": "NPS e CSAT por CSM{% if page.continued %} (continuação){% endif %}",
        "h_csm": "CSM",
        "h_clients": "Clientes",
        "h_nps": "NPS",
        "h_vs": "vs. anterior",
        "h_csat": "CSAT",
        "h_answers": "Respostas NPS · CSAT",
        "csm_chart_title": "NPS por CSM no período",
        "streams_kicker": "ATENDIMENTO",
        "t_streams": "Volumes e SLA por fluxo",
        "h_stream": "Fluxo",
        "h_created": "Criados",
        "h_closed": "Fechados",
        "h_open": "Abertos ao fim",
        "h_sla": "SLA",
        "previous_series": "Período anterior",
        "current_series": "Período atual",
        "volume_chart_title": "Chamados criados: período anterior × atual",
        "due_kicker": "REVISÕES",
        "t_due": "Revisões vencidas ou para hoje{% if page.continued %} (continuação){% endif %}",
        "due_lead": "{{ due | length }} {{ due | length | plural('cliente', 'clientes') }} com a revisão vencida em {{ generated_on | date }} (última reunião + [CS] Dias entre reuniões)",
        "h_client": "Cliente",
        "h_last": "Última reunião",
        "h_due_on": "Vencimento",
        "h_overdue": "Atraso",
        "t_due_none": "Revisões vencidas",
        "due_none_head": "Nenhuma revisão vencida",
        "due_none_detail": "Em {{ generated_on | date }}, todos os clientes com data da última reunião e intervalo cadastrados estão em dia.",
        "flag_kicker": "ALERTAS",
        "t_flagged": "Clientes em alerta{% if page.continued %} (continuação){% endif %}",
        "flag_lead": "{{ flagged | length }} {{ flagged | length | plural('cliente', 'clientes') }} com NPS ou CSAT abaixo do período anterior, ou com chamados fechados fora do SLA",
        "h_reasons": "Motivo",
        "h_missed": "Fora do SLA",
        "flag_words": "{% for f in row.flags %}{% if f == 'nps_down' %}NPS em queda{% elif f == 'csat_down' %}CSAT em queda{% else %}SLA descumprido{% endif %}{% if not loop.last %} · {% endif %}{% endfor %}",
        "t_flagged_none": "Clientes em alerta",
        "flagged_none_head": "Nenhum cliente em alerta",
        "flagged_none_detail": "Nenhum cliente teve NPS ou CSAT abaixo do período anterior nem chamados fechados fora do SLA.",
        "clients_kicker": "CARTEIRA",
        "t_clients": "Todos os clientes{% if page.continued %} (continuação){% endif %}",
        "h_phase": "Fase",
        "h_tickets": "Chamados",
        "lost_kicker": "CHURN",
        "t_lost": "Clientes perdidos no período{% if page.continued %} (continuação){% endif %}",
        "lost_lead": "{{ churn.lost }} de {{ churn.active_at_start }} clientes ativos em {{ period.start | date }}: churn de logos de {{ churn.rate | percent }}",
        "n_cover": [
            "Reunião semanal de CS Ops: carteira de {% if owner %}{{ owner }}{% else %}todos os CSMs{% endif %}, de {{ period.start | date }} a {{ period.end | date }}.",
        ],
        "n_summary": [
            "Começar pelos números da carteira; os detalhes vêm nos próximos slides.",
            "{%p if churn.clients_lost %}",
            "Clientes perdidos: {{ churn.clients_lost | join(', ') }}.",
            "{%p endif %}",
        ],
        "n_csm": ["Comparar cada CSM com o período anterior; combinar ações onde o NPS caiu."],
        "n_streams": ["Volumes por fluxo contra o período anterior; SLA de cada fluxo."],
        "n_due": ["Cada CSM confirma a data das revisões vencidas da sua carteira."],
        "n_due_none": ["Sem revisões vencidas."],
        "n_flagged": ["Para cada cliente em alerta: dono da ação e prazo."],
        "n_flagged_none": ["Sem clientes em alerta."],
        "n_clients": ["Apêndice: os números de cada cliente."],
        "n_lost": ["Registrar o motivo de cada churn."],
    },
    "en": {
        "pp": "pp",
        "notes_continued": "List continued (page {{ page.number }} of {{ page.count }}).",
        "footer": "{{ company }}  ·  CS Ops portfolio{% if owner %} · {{ owner }}{% endif %}  ·  {{ period.start | date }} – {{ period.end | date }}",
        "cover_kicker": "PORTFOLIO REPORT · CS OPS",
        "cover_title": "{{ company }}",
        "cover_period": "Period: {{ period.start | date(\"long\") }} to {{ period.end | date(\"long\") }}",
        "cover_scope": "{% if owner %}{{ owner }}'s portfolio{% else %}Every CSM{% endif %} · {{ clients | length }} active {{ clients | length | plural('client', 'clients') }}",
        "cover_generated": "Generated on {{ generated_on | date }} · compared with {{ previous_period.start | date }} – {{ previous_period.end | date }}",
        "cover_band": "Customer Success Operations",
        "summary_kicker": "SUMMARY",
        "summary_title": "The portfolio in the period",
        "k_churn": "Logo churn",
        "k_churn_sub": "{% if churn.rate is not none %}{{ churn.lost }} of {{ churn.active_at_start }} active {{ churn.active_at_start | plural('client', 'clients') }} at the start{% if churn_previous.rate is not none %} · before {{ churn_previous.rate | percent }}{% endif %}{% else %}no churn date in this export{% endif %}",
        "k_nps": "Portfolio NPS",
        "k_nps_sub": "{% if nps.known %}{{ nps_answers | number }} {{ nps_answers | plural('answer', 'answers') }}{% if nps.delta is not none %} · {{ nps.delta | signed(0) }} vs. previous period{% endif %}{% else %}no NPS answers in the period{% endif %}",
        "k_csat": "CSAT: satisfied clients",
        "k_csat_sub": "{% if csat_satisfied.known %}{{ csat_answers | number }} {{ csat_answers | plural('answer', 'answers') }}{% if csat_satisfied.delta is not none %} · {{ csat_satisfied.delta | signed(1, 'pp') }}{% endif %}{% else %}no CSAT answers in the period{% endif %}",
        "k_sla": "SLA met",
        "k_sla_sub": "{% if sla_compliance.known %}every stream{% if sla_compliance.delta is not none %} · {{ sla_compliance.delta | signed(1, 'pp') }} vs. previous period{% endif %}{% else %}no ticket with a target closed in the period{% endif %}",
        "k_due": "Reviews due",
        "k_due_sub": "{% if due %}the most overdue by {{ due[0].days_overdue | days }}{% else %}no review due on {{ generated_on | date }}{% endif %}",
        "k_flagged": "Flagged clients",
        "k_flagged_sub": "NPS or CSAT falling, or SLA missed",
        "csm_kicker": "SATISFACTION",
        "t_csm": "NPS and CSAT per CSM{% if page.continued %} (continued){% endif %}",
        "h_csm": "CSM",
        "h_clients": "Clients",
        "h_nps": "NPS",
        "h_vs": "vs. previous",
        "h_csat": "CSAT",
        "h_answers": "Answers NPS · CSAT",
        "csm_chart_title": "NPS per CSM in the period",
        "streams_kicker": "SERVICE",
        "t_streams": "Volumes and SLA per stream",
        "h_stream": "Stream",
        "h_created": "Created",
        "h_closed": "Closed",
        "h_open": "Open at the end",
        "h_sla": "SLA",
        "previous_series": "Previous period",
        "current_series": "This period",
        "volume_chart_title": "Tickets created: previous period × this one",
        "due_kicker": "REVIEWS",
        "t_due": "Reviews due or overdue{% if page.continued %} (continued){% endif %}",
        "due_lead": "{{ due | length }} {{ due | length | plural('client', 'clients') }} with a review due on {{ generated_on | date }} (last meeting + days between meetings)",
        "h_client": "Client",
        "h_last": "Last meeting",
        "h_due_on": "Due on",
        "h_overdue": "Overdue",
        "t_due_none": "Reviews due",
        "due_none_head": "No review due",
        "due_none_detail": "On {{ generated_on | date }}, every client with a last meeting date and an interval is up to date.",
        "flag_kicker": "FLAGS",
        "t_flagged": "Flagged clients{% if page.continued %} (continued){% endif %}",
        "flag_lead": "{{ flagged | length }} {{ flagged | length | plural('client', 'clients') }} with NPS or CSAT below the previous period, or tickets closed outside the SLA",
        "h_reasons": "Why",
        "h_missed": "Outside SLA",
        "flag_words": "{% for f in row.flags %}{% if f == 'nps_down' %}NPS falling{% elif f == 'csat_down' %}CSAT falling{% else %}SLA missed{% endif %}{% if not loop.last %} · {% endif %}{% endfor %}",
        "t_flagged_none": "Flagged clients",
        "flagged_none_head": "No flagged client",
        "flagged_none_detail": "No client had NPS or CSAT below the previous period, nor tickets closed outside the SLA.",
        "clients_kicker": "PORTFOLIO",
        "t_clients": "Every client{% if page.continued %} (continued){% endif %}",
        "h_phase": "Phase",
        "h_tickets": "Tickets",
        "lost_kicker": "CHURN",
        "t_lost": "Clients lost in the period{% if page.continued %} (continued){% endif %}",
        "lost_lead": "{{ churn.lost }} of {{ churn.active_at_start }} clients active on {{ period.start | date }}: logo churn of {{ churn.rate | percent }}",
        "n_cover": [
            "Weekly CS Ops meeting: {% if owner %}{{ owner }}'s portfolio{% else %}every CSM{% endif %}, {{ period.start | date }} to {{ period.end | date }}.",
        ],
        "n_summary": [
            "Start with the portfolio figures; the detail follows.",
            "{%p if churn.clients_lost %}",
            "Clients lost: {{ churn.clients_lost | join(', ') }}.",
            "{%p endif %}",
        ],
        "n_csm": ["Compare each CSM with the previous period; agree on actions where NPS fell."],
        "n_streams": ["Volumes per stream against the previous period; each stream's SLA."],
        "n_due": ["Each CSM confirms the date of the overdue reviews of their portfolio."],
        "n_due_none": ["No review due."],
        "n_flagged": ["For each flagged client: who acts, and by when."],
        "n_flagged_none": ["No flagged client."],
        "n_clients": ["Appendix: each client's figures."],
        "n_lost": ["Record why each client left."],
    },
}


class PortfolioDeck(Deck):
    """The review deck's drawing helpers, speaking the portfolio's wording."""

    kind = "portfolio"
    strings = STRINGS

    def footer(self, slide: Slide) -> None:
        rule = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, Inches(MARGIN), Inches(6.98), Inches(SLIDE_W - MARGIN), Inches(6.98)
        )
        style = rule._element.find(qn("p:style"))
        if style is not None:
            rule._element.remove(style)
        rule.line.color.rgb = rgb(LIGHT)
        rule.line.width = Pt(0.75)
        rule.name = "Footer rule"
        self.text(slide, MARGIN, 7.04, 10, 0.3, [P("[[footer]]", 10, MID)], name="Footer")
        num = self.text(
            slide, SLIDE_W - MARGIN - 1.0, 7.04, 1.0, 0.3, [P("", 10, MID, align=R)],
            name="Slide number",
        )
        self._slide_number_field(num)

    def two_series_chart(
        self, slide: Slide, name: str, x: float, y: float, w: float, h: float,
        categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
        colours: Sequence[str],
    ) -> None:
        """Clustered columns with a legend on top: one colour per series."""
        data: Any = CategoryChartData(number_format="#,##0")
        data.categories = list(categories)
        for label, values in series:
            data.add_series(self.word(label), list(values))
        frame: Any = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(x), Inches(y),
                                            Inches(w), Inches(h), data)
        frame.name = name
        chart = frame.chart
        chart.font.name, chart.font.size = FONT, Pt(12)
        chart.font.color.rgb = rgb(DARK)
        chart.has_title = False
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        plot = chart.plots[0]
        plot.gap_width = 60
        plot.overlap = -10
        plot.has_data_labels = True
        plot.data_labels.number_format = "#,##0"
        plot.data_labels.number_format_is_linked = False
        plot.data_labels.font.size = Pt(11)
        for s, colour in zip(plot.series, colours, strict=True):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = rgb(colour)
        axis = chart.value_axis
        axis.visible = False
        axis.has_major_gridlines = False
        axis.minimum_scale = 0
        chart.category_axis.format.line.color.rgb = rgb(LIGHT)
        chart.category_axis.tick_labels.font.size = Pt(12)

    def save(self, path: Path) -> None:
        self.prs.core_properties.title = "deckgen portfolio template"
        self.prs.core_properties.author = "deckgen"
        self.prs.save(str(path))


def delta(expr: str, digits: int, d: PortfolioDeck) -> str:
    """A "vs. previous" cell: the signed change of a Metric, blank without comparison."""
    unit = f", {d.expr('pp')}" if digits else ""
    return f"{{% if {expr}.delta is not none %}}{{{{ {expr}.delta | signed({digits}{unit}) }}}}{{% endif %}}"


def cover(d: PortfolioDeck) -> None:
    s = d.slide("n_cover")
    d.cover(
        s,
        [P("CS Ops", 20, WHITE, bold=True), P("[[cover_band]]", 14, LIGHT)],
        "[[cover_title]]",
        [
            P("[[cover_period]]", 18, DARK, space_after=8),
            P("[[cover_scope]]", 15, MID, space_after=4),
            P("[[cover_generated]]", 12, MID),
        ],
    )


def summary(d: PortfolioDeck) -> None:
    s = d.slide("n_summary")
    d.title(s, "[[summary_kicker]]", "[[summary_title]]")
    w, h, gap = (CONTENT_W - 0.5) / 3, 2.3, 0.25
    cards = [
        ("[[k_churn]]", "{{ churn.rate | percent }}", "[[k_churn_sub]]", "KPI churn"),
        ("[[k_nps]]", "{{ nps.value | number }}", "[[k_nps_sub]]", "KPI NPS"),
        ("[[k_csat]]", "{{ csat_satisfied.value | percent }}", "[[k_csat_sub]]", "KPI CSAT"),
        ("[[k_sla]]", "{{ sla_compliance.value | percent }}", "[[k_sla_sub]]", "KPI SLA"),
        ("[[k_due]]", "{{ due | length | number }}", "[[k_due_sub]]", "KPI due"),
        ("[[k_flagged]]", "{{ flagged | length | number }}", "[[k_flagged_sub]]", "KPI flagged"),
    ]
    for i, (label, value, sub, name) in enumerate(cards):
        row, col = divmod(i, 3)
        d.kpi(s, MARGIN + col * (w + gap), TOP + 0.1 + row * (h + gap), w, h, label, value, sub,
              name=name, value_size=44)


def csm_slide(d: PortfolioDeck) -> None:
    s = d.slide("n_csm", ["if csms"], paginated=True)
    d.title(s, "[[csm_kicker]]", "[[t_csm]]")
    d.table(
        s, "table: csms", TOP, [2.2, 0.95, 0.8, 1.05, 0.95, 1.05, 1.05],
        ["[[h_csm]]", "[[h_clients]]", "[[h_nps]]", "[[h_vs]]", "[[h_csat]]", "[[h_vs]]",
         "[[h_answers]]"],
        ["{{ row.csm | term('csm') }}", "{{ row.clients | number }}", "{{ row.nps.value | number }}",
         delta("row.nps", 0, d), "{{ row.csat_satisfied.value | percent }}",
         delta("row.csat_satisfied", 1, d),
         "{{ row.nps_answers | number }} · {{ row.csat_answers | number }}"],
        aligns=[L, R, R, R, R, R, R], size=12, row_h=0.42,
    )
    x = MARGIN + 8.05 + 0.3
    d.text(s, x, TOP, SLIDE_W - MARGIN - x, 0.35, [P("[[csm_chart_title]]", 13, MID, bold=True)],
           name="CSM chart title")
    chart = d.chart(s, "chart: report.csm_nps_chart | term", XL_CHART_TYPE.BAR_CLUSTERED, x, TOP + 0.4,
                    SLIDE_W - MARGIN - x, BOTTOM - TOP - 0.4, ["Ana", "Bruno", "Carla"],
                    [42, 35, 20])
    chart.value_axis.minimum_scale = -100  # NPS runs from -100 to 100
    chart.value_axis.maximum_scale = 100


def stream_slide(d: PortfolioDeck) -> None:
    s = d.slide("n_streams", ["if streams"])
    d.title(s, "[[streams_kicker]]", "[[t_streams]]")
    d.table(
        s, "table: streams", TOP, [1.9, 1.0, 1.05, 1.0, 1.15, 0.9, 1.05],
        ["[[h_stream]]", "[[h_created]]", "[[h_vs]]", "[[h_closed]]", "[[h_open]]", "[[h_sla]]",
         "[[h_vs]]"],
        ["{{ row.key | term('stream') }}", "{{ row.created.value | number }}", delta("row.created", 0, d),
         "{{ row.closed.value | number }}", "{{ row.open_at_end | number }}",
         "{{ row.sla_compliance.value | percent }}", delta("row.sla_compliance", 1, d)],
        aligns=[L, R, R, R, R, R, R], size=12, row_h=0.5, bottom=4.2,
    )
    x = MARGIN + 8.05 + 0.3
    d.text(s, x, TOP, SLIDE_W - MARGIN - x, 0.35, [P("[[volume_chart_title]]", 13, MID, bold=True)],
           name="Volume chart title")
    d.two_series_chart(
        s, f"chart: report.volume_chart({d.expr('previous_series')}, {d.expr('current_series')}) | term",
        x, TOP + 0.4, SLIDE_W - MARGIN - x, BOTTOM - TOP - 0.4, ["A", "B", "C"],
        [("previous_series", [120, 40, 12]), ("current_series", [135, 32, 15])],
        [LIGHT_SERIES, PRIMARY],
    )


LIGHT_SERIES = "A7B1BC"  # the previous period: neutral grey beside the navy current period


def due_slides(d: PortfolioDeck) -> None:
    s = d.slide("n_due", ["if due"], paginated=True)
    d.title(s, "[[due_kicker]]", "[[t_due]]")
    d.lead(s, "[[due_lead]]")
    d.table(
        s, "table: due", TOP + 0.55, [4.6, 2.6, 1.7, 1.7, 1.533],
        ["[[h_client]]", "[[h_csm]]", "[[h_last]]", "[[h_due_on]]", "[[h_overdue]]"],
        ["{{ row.name }}", "{{ row.owner_cs | default_dash }}", "{{ row.last_meeting | date }}",
         "{{ row.due_on | date }}", "{{ row.days_overdue | days }}"],
        aligns=[L, L, L, L, R], size=12, row_h=0.4,
    )
    s = d.slide("n_due_none", ["if not due"])
    d.title(s, "[[due_kicker]]", "[[t_due_none]]")
    d.message(s, "[[due_none_head]]", "[[due_none_detail]]")


def flagged_slides(d: PortfolioDeck) -> None:
    s = d.slide("n_flagged", ["if flagged"], paginated=True)
    d.title(s, "[[flag_kicker]]", "[[t_flagged]]")
    d.lead(s, "[[flag_lead]]")
    d.table(
        s, "table: flagged", TOP + 0.55, [3.2, 1.9, 0.75, 0.8, 0.95, 0.85, 0.85, 2.833],
        ["[[h_client]]", "[[h_csm]]", "[[h_nps]]", "[[h_vs]]", "[[h_csat]]", "[[h_vs]]",
         "[[h_missed]]", "[[h_reasons]]"],
        ["{{ row.name }}", "{{ row.owner_cs | default_dash }}", "{{ row.nps.value | number }}",
         delta("row.nps", 0, d), "{{ row.csat_satisfied.value | percent }}",
         delta("row.csat_satisfied", 1, d), "{{ row.sla_missed | number }}", "[[flag_words]]"],
        aligns=[L, L, R, R, R, R, R, L], size=11, row_h=0.38,
    )
    s = d.slide("n_flagged_none", ["if not flagged"])
    d.title(s, "[[flag_kicker]]", "[[t_flagged_none]]")
    d.message(s, "[[flagged_none_head]]", "[[flagged_none_detail]]")


def client_slides(d: PortfolioDeck) -> None:
    s = d.slide("n_clients", ["if clients"], paginated=True)
    d.title(s, "[[clients_kicker]]", "[[t_clients]]")
    d.table(
        s, "table: clients", TOP, [3.4, 1.9, 1.6, 0.8, 1.0, 1.0, 1.2, 1.233],
        ["[[h_client]]", "[[h_csm]]", "[[h_phase]]", "[[h_nps]]", "[[h_csat]]", "[[h_sla]]",
         "[[h_tickets]]", "[[h_open]]"],
        ["{{ row.name }}", "{{ row.owner_cs | default_dash }}", "{{ row.phase | default_dash }}",
         "{{ row.nps.value | number }}", "{{ row.csat_satisfied.value | percent }}",
         "{{ row.sla_compliance.value | percent }}", "{{ row.tickets_created.value | number }}",
         "{{ row.open_at_end | number }}"],
        aligns=[L, L, L, R, R, R, R, R], size=11, row_h=0.36,
    )


def lost_slide(d: PortfolioDeck) -> None:
    s = d.slide("n_lost", ["if churn.clients_lost"], paginated=True)
    d.title(s, "[[lost_kicker]]", "[[t_lost]]")
    d.lead(s, "[[lost_lead]]")
    d.table(s, "table: churn.clients_lost", TOP + 0.55, [CONTENT_W], ["[[h_client]]"],
            ["{{ row }}"], size=12, row_h=0.38)


def build() -> PortfolioDeck:
    """The whole template."""
    d = PortfolioDeck()
    cover(d)
    summary(d)
    csm_slide(d)
    stream_slide(d)
    due_slides(d)
    flagged_slides(d)
    lost_slide(d)
    client_slides(d)
    return d


def main(argv: Sequence[str] = ()) -> int:
    """Write templates/portfolio.pptx."""
    return write_templates("portfolio", STRINGS, build, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
