"""Build deckgen's default review-deck templates (``review.pt-BR.pptx``, ``review.en.pptx``).

One slide design, one string table per language. Run from the repository root:

    .venv/bin/python templates/build_review_template.py

The design follows the "Cliente ativo" checklist of the CS playbook: support, implantação,
tecnologia, releases, NPS, open demands, feedback, expansion, next steps. Every text holds
Jinja tags read by ``deckgen.render.pptx`` (see docs/templates.md); charts and tables are bound
by their shape names (``chart: EXPR``, ``table: EXPR``); slide directives live in the notes.
Wording lives only in ``STRINGS``: a ``[[key]]`` in the design is replaced by the language's text.
"""

# ruff: noqa: E501

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION, XL_TICK_MARK
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

HERE = Path(__file__).resolve().parent
LOGO = HERE / "assets" / "logo.png"
LANGUAGES = ("pt-BR", "en")

# ---------------------------------------------------------------------------------------------
# Brand: change these to restyle every slide, chart and table.
PRIMARY = "0B3C5D"  # deep navy: titles, headers, bars
ACCENT = "1FA2A6"  # teal: kickers, highlights, second series
WARM = "F2A541"  # amber: attention
GOOD = "2E9E6A"  # promoters, CSAT 4–5
BAD = "D1495B"  # detractors, CSAT 1–2
DARK = "2E3A45"  # body text
MID = "6B7785"  # secondary text
LIGHT = "D9DEE3"  # rules, borders
PALE = "F3F5F7"  # card backgrounds
WHITE = "FFFFFF"
FONT = "Calibri"  # rendered with Carlito (metric-compatible) where Calibri is not installed

SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.6
CONTENT_W = SLIDE_W - 2 * MARGIN
TOP = 1.55  # content area starts below the title
BOTTOM = 6.75  # and ends above the footer

# ---------------------------------------------------------------------------------------------
# Wording. Values may hold Jinja; keep tags identical across languages.
STRINGS: dict[str, dict[str, str | list[str]]] = {
    "pt-BR": {
        "pp": "p.p.",
        "continued": "(continuação)",
        "notes_continued": "Continuação da lista (página {{ page.number }} de {{ page.count }}); os pontos de conversa estão na primeira página.",
        "cover_kicker": "REUNIÃO DE ACOMPANHAMENTO",
        "cover_period": "Período: {{ period.start | date(\"long\") }} a {{ period.end | date(\"long\") }}",
        "cover_csm": "{% if client.owner_cs %}CSM: {{ client.owner_cs }}{% endif %}",
        "cover_generated": "Gerado em {{ generated_on | date }}",
        "cover_band": "Customer Success",
        "agenda_kicker": "AGENDA",
        "agenda_title": "O que vamos ver hoje",
        "agenda_1": "Indicadores de atendimento do Suporte",
        "agenda_2": "Indicadores de Implantação{% if technology %} e {{ technology.key | term('stream') }}{% endif %}",
        "agenda_3": "Últimos lançamentos da plataforma",
        "agenda_4": "NPS: notas e comentários",
        "agenda_5": "Report tático das demandas em andamento",
        "agenda_6": "Seu feedback sobre os últimos meses",
        "agenda_7": "Oportunidades de expansão",
        "agenda_8": "Próximos passos e plano de ação",
        "summary_kicker": "RESUMO EXECUTIVO",
        "summary_title": "O período em números",
        "k_created": "Chamados de suporte criados",
        "k_sla": "SLA cumprido (suporte)",
        "k_csat": "CSAT: clientes satisfeitos",
        "k_nps": "NPS",
        "k_open": "Demandas em aberto",
        "k_hh": "HH estimado das demandas abertas",
        "vs_prev": "vs. período anterior",
        "no_comparison": "sem comparação com o período anterior",
        "no_tickets_short": "sem dados de chamados",
        "csat_sub": "{{ csat.count | number }} {{ csat.count | plural('resposta', 'respostas') }} · média {{ csat.mean.value | number(1) }} de 5",
        "no_csat_short": "sem respostas de CSAT no período",
        "nps_sub": "{{ nps.answers | number }} {{ nps.answers | plural('resposta', 'respostas') }}",
        "no_nps_short": "sem respostas de NPS no período",
        "open_sub": "{% for s in streams if s.open_demands %}{{ s.key | term('stream') }} {{ s.open_demands | length }}{% if not loop.last %} · {% endif %}{% endfor %}",
        "hh_sub": "{% if open_hours is not none %}soma das estimativas das demandas abertas{% else %}sem estimativa de HH nesta exportação{% endif %}",
        "support_kicker": "1 · SUPORTE",
        "t_sup_categories": "Chamados de suporte criados por categoria",
        "created_total": "Chamados criados",
        "prioritized": "Priorizados",
        "first_response": "1ª resposta (mediana)",
        "resolution": "Resolução (mediana)",
        "prev_value": "{% if METRIC.previous is not none %}{{ METRIC.delta | signed(0) }} vs. período anterior ({{ METRIC.previous | number }}){% else %}sem comparação com o período anterior{% endif %}",
        "p90": "90% em até {{ DURATION.p90 | hours }} · {{ DURATION.count | number }} {{ DURATION.count | plural('chamado fechado', 'chamados fechados') }}",
        "t_sup_none": "Indicadores de suporte",
        "sup_none_head": "{% if support and support.created.known %}Nenhum chamado de suporte criado no período{% else %}Sem dados de chamados de suporte nesta exportação{% endif %}",
        "sup_none_detail": "{% if support and support.missing %}{{ support.missing | term('missing') | join(' · ') }}{% else %}Período de {{ period.start | date }} a {{ period.end | date }}.{% endif %}",
        "t_sup_prioritized": "Chamados priorizados{% if page.continued %} (continuação){% endif %}",
        "prio_lead": "{{ support.prioritized | length }} {{ support.prioritized | length | plural('chamado priorizado', 'chamados priorizados') }} no período (urgentes e de alta prioridade){% if support.prioritized_count.delta is not none %} · {{ support.prioritized_count.delta | signed(0) }} vs. período anterior{% endif %}",
        "h_id": "SS",
        "h_subject": "Assunto",
        "h_category": "Categoria",
        "h_priority": "Prioridade",
        "h_status": "Status",
        "h_created": "Aberto em",
        "h_owner": "Responsável",
        "t_sup_prio_none": "Chamados priorizados",
        "prio_none_head": "Nenhum chamado urgente ou de alta prioridade no período",
        "prio_none_detail": "{{ support.created.value | number }} {{ support.created.value | plural('chamado criado', 'chamados criados') }} entre {{ period.start | date }} e {{ period.end | date }}, nenhum priorizado.",
        "t_sla": "Nossos SLAs: {{ STREAM.key | term('stream') }}{% if page.continued %} (continuação){% endif %}",
        "sla_lead": "Cumprimento geral: {{ STREAM.sla_compliance.value | percent }}{% if STREAM.sla_compliance.delta is not none %} ({{ STREAM.sla_compliance.delta | signed(1, 'p.p.') }} vs. período anterior){% endif %} · 1ª resposta mediana {{ STREAM.first_response.median | hours }} · resolução mediana {{ STREAM.resolution.median | hours }}",
        "h_sla_category": "Categoria",
        "h_sla_priority": "Prioridade",
        "h_sla_first": "Meta 1ª resposta",
        "h_sla_resolution": "Meta resolução",
        "h_sla_closed": "Fechados",
        "h_sla_within": "No prazo",
        "h_sla_compliance": "Cumprimento",
        "all_priorities": "Todas",
        "t_sla_none": "Nossos SLAs: {% if STREAM %}{{ STREAM.key | term('stream') }}{% else %}{{ fallback }}{% endif %}",
        "sla_none_head": "Sem dados de SLA nesta exportação",
        "sla_none_detail": "As metas de SLA por categoria e o cumprimento aparecem aqui quando a exportação de chamados traz as datas de resposta e de fechamento e as metas estão configuradas.",
        "support_label": "Suporte",
        "implementation_label": "Implantação",
        "t_csat": "CSAT: satisfação com o atendimento",
        "csat_big_label": "clientes satisfeitos (notas 4 e 5)",
        "csat_delta": "{% if csat.satisfied.delta is not none %}{{ csat.satisfied.delta | signed(1, 'p.p.') }} vs. período anterior{% else %}sem comparação com o período anterior{% endif %}",
        "csat_mean": "Média {{ csat.mean.value | number(1) }} de 5 · {{ csat.count | number }} {{ csat.count | plural('resposta', 'respostas') }}",
        "csat_chart_title": "Distribuição das notas (1 = muito insatisfeito · 5 = muito satisfeito)",
        "t_csat_none": "CSAT: satisfação com o atendimento",
        "csat_none_head": "Sem respostas de CSAT no período",
        "csat_none_detail": "Nenhuma avaliação de atendimento respondida entre {{ period.start | date }} e {{ period.end | date }}. Vale reforçar a pesquisa ao fechar os chamados.",
        "impl_kicker": "2 · IMPLANTAÇÃO",
        "t_impl": "Chamados de implantação criados",
        "impl_lead": "{{ implementation.created.value | number }} {{ implementation.created.value | plural('chamado criado', 'chamados criados') }} no período{% if implementation.created.delta is not none %} ({{ implementation.created.delta | signed(0) }} vs. período anterior){% endif %} · {{ implementation.prioritized | length }} {{ implementation.prioritized | length | plural('priorizado', 'priorizados') }} · resolução mediana {{ implementation.resolution.median | hours }}",
        "by_category": "Por categoria",
        "by_urgency": "Por urgência",
        "t_impl_none": "Indicadores de implantação",
        "impl_none_head": "{% if implementation and implementation.created.known %}Nenhum chamado de implantação criado no período{% else %}Sem dados de chamados de implantação nesta exportação{% endif %}",
        "impl_none_detail": "{% if implementation and implementation.missing %}{{ implementation.missing | term('missing') | join(' · ') }}{% else %}Período de {{ period.start | date }} a {{ period.end | date }}.{% endif %}",
        "tech_kicker": "2 · {{ technology.key | term('stream') | upper }}",
        "t_tech": "{{ technology.key | term('stream') }}: chamados criados por categoria",
        "open_count": "Demandas em aberto",
        "open_hours": "HH estimado em aberto",
        "sla_compliance": "SLA cumprido",
        "t_tech_none": "{{ technology.key | term('stream') }}",
        "tech_none_head": "Nenhum chamado de {{ technology.key | term('stream') | lower }} criado no período",
        "tech_none_detail": "{% if technology.missing %}{{ technology.missing | term('missing') | join(' · ') }}{% else %}{{ technology.open_demands | length }} {{ technology.open_demands | length | plural('demanda segue', 'demandas seguem') }} em aberto (veja o report tático).{% endif %}",
        "releases_kicker": "3 · LANÇAMENTOS",
        "t_releases": "Últimos lançamentos da plataforma{% if page.continued %} (continuação){% endif %}",
        "h_rel_date": "Data",
        "h_rel_product": "Produto",
        "h_rel_title": "Lançamento",
        "h_rel_description": "O que muda",
        "t_releases_none": "Últimos lançamentos da plataforma",
        "releases_none_head": "Nenhum lançamento registrado no período",
        "releases_none_detail": "Entre {{ period.start | date }} e {{ period.end | date }} não houve lançamentos na lista do time de produto.",
        "nps_kicker": "4 · NPS",
        "t_nps": "NPS: a voz dos usuários",
        "nps_label": "NPS do período",
        "nps_delta": "{% if nps.score.delta is not none %}{{ nps.score.delta | signed(0) }} vs. período anterior ({{ nps.score.previous | number }}){% else %}sem comparação com o período anterior{% endif %}",
        "nps_answers": "{{ nps.answers | number }} {{ nps.answers | plural('resposta', 'respostas') }} · {{ nps.comments | length }} {{ nps.comments | length | plural('comentário', 'comentários') }}",
        "promoters": "Promotores",
        "passives": "Neutros",
        "detractors": "Detratores",
        "promoters_range": "notas 9 e 10",
        "passives_range": "notas 7 e 8",
        "detractors_range": "notas 0 a 6",
        "t_nps_none": "NPS: a voz dos usuários",
        "nps_none_head": "Sem respostas de NPS no período",
        "nps_none_detail": "Nenhuma resposta à pesquisa NPS entre {{ period.start | date }} e {{ period.end | date }}. Sugestão: combinar com o cliente o envio da pesquisa aos usuários-chave.",
        "t_comments": "Comentários do NPS{% if page.continued %} (continuação){% endif %}",
        "h_c_date": "Data",
        "h_c_score": "Nota",
        "h_c_class": "Perfil",
        "h_c_text": "Comentário",
        "t_comments_none": "Comentários do NPS",
        "comments_none_head": "As respostas do período não trouxeram comentários",
        "comments_none_detail": "{{ nps.answers | number }} {{ nps.answers | plural('resposta', 'respostas') }} sem texto. Vale perguntar na reunião o que motivou as notas.",
        "demands_kicker": "5 · REPORT TÁTICO",
        "t_demands": "Demandas em andamento{% if page.continued %} (continuação){% endif %}",
        "demands_lead": "{{ open_demands | length }} {{ open_demands | length | plural('demanda aberta', 'demandas abertas') }} ao fim do período · HH estimado {{ open_hours | hours }}",
        "demands_streams": "{% for s in streams if s.open_demands %}{{ s.key | term('stream') }}: {{ s.open_demands | length }} {{ s.open_demands | length | plural('demanda', 'demandas') }} · HH {{ s.open_hours | hours }}{% if not loop.last %}     |     {% endif %}{% endfor %}",
        "h_d_stream": "Frente",
        "h_d_id": "SS",
        "h_d_subject": "Demanda",
        "h_d_status": "Status",
        "d_status": "{{ row.status }}{% if row.closed %} em {{ row.closed | date }}{% endif %}",
        "h_d_owner": "Responsável",
        "h_d_age": "Idade",
        "h_d_hh": "HH",
        "t_demands_none": "Demandas em andamento",
        "demands_none_head": "{% if report.has_ticket_data %}Nenhuma demanda em aberto ao fim do período{% else %}Sem dados de chamados nesta exportação{% endif %}",
        "demands_none_detail": "{% if report.has_ticket_data %}Todas as demandas de implantação, tecnologia e suporte estavam concluídas em {{ period.end | date }}.{% else %}O report tático lista as demandas abertas de implantação, tecnologia e suporte quando a exportação de chamados estiver disponível.{% endif %}",
        "feedback_kicker": "6 · SEU FEEDBACK",
        "t_feedback": "Como foram os últimos meses para vocês?",
        "fb_1": "O que funcionou bem na plataforma e no atendimento?",
        "fb_2": "O que atrapalhou ou pode melhorar?",
        "fb_3": "Quais são as prioridades da equipe para os próximos meses?",
        "fb_4": "Que resultado vocês querem mostrar até a próxima reunião?",
        "expansion_kicker": "7 · EXPANSÃO",
        "t_expansion": "Oportunidades de expansão",
        "x_goal": "Objetivo da contratação",
        "x_potential": "Potencial de expansão (áreas, plantas, produtos)",
        "x_second_wave": "Produtos de segunda onda",
        "x_package": "Pacote contratado",
        "x_growth": "Previsão de aumento",
        "not_mapped": "Não mapeado",
        "x_notes": "Oportunidades levantadas hoje",
        "actions_kicker": "8 · PRÓXIMOS PASSOS",
        "t_actions": "Plano de ação: acompanhamento{% if page.continued %} (continuação){% endif %}",
        "actions_lead": "{{ actions | selectattr('done') | list | length }} de {{ actions | length }} {{ actions | length | plural('ação concluída', 'ações concluídas') }}{% if actions | selectattr('overdue') | list %} · {{ actions | selectattr('overdue') | list | length }} em atraso{% endif %}",
        "h_a_action": "Ação",
        "h_a_owner": "Responsável",
        "h_a_due": "Prazo",
        "h_a_status": "Status",
        "overdue": "em atraso",
        "t_actions_none": "Plano de ação: acompanhamento",
        "actions_none_head": "Nenhuma ação registrada na última reunião",
        "actions_none_detail": "Use o próximo slide para combinar as ações desta reunião; elas serão acompanhadas na próxima.",
        "t_next": "Próximos passos: novas ações",
        "next_lead": "Combinados desta reunião: o que, quem e até quando.",
        "closing_title": "Obrigado!",
        "closing_next": "{% if client.meeting_interval_days %}Próxima reunião em cerca de {{ client.meeting_interval_days | days }}{% endif %}",
        "closing_contact": "{% if client.owner_cs %}{{ client.owner_cs }} · Customer Success{% else %}Time de Customer Success{% endif %}",
        "closing_minutes": "A ata desta reunião será registrada no HubSpot e compartilhada com todos.",
        # ---- speaker notes --------------------------------------------------------------
        "n_cover": [
            "Abertura: agradecer a presença de todos, confirmar a pauta e o horário.",
            "{%p if client.last_meeting %}",
            "Última reunião em {{ client.last_meeting | date }}; este período vai de {{ period.start | date }} a {{ period.end | date }} ({{ period.days }} dias).",
            "{%p endif %}",
        ],
        "n_agenda": [
            "Roteiro do playbook \"Cliente ativo\": indicadores, lançamentos, NPS, demandas, feedback, expansão e próximos passos.",
            "Perguntar se o cliente quer incluir algum tema.",
        ],
        "n_summary": [
            "Comece pelos números e deixe o detalhe para os próximos slides.",
            "{%p if support and support.created.delta is not none %}",
            "Suporte: {{ support.created.value | number }} chamados ({{ support.created.delta | signed(0) }} vs. período anterior).",
            "{%p endif %}",
            "{%p if support and support.sla_compliance.delta is not none and support.sla_compliance.delta < 0 %}",
            "SLA do suporte caiu {{ (-support.sla_compliance.delta) | number(1) }} p.p.: explicar as causas antes que o cliente pergunte.",
            "{%p endif %}",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta < 0 %}",
            "CSAT caiu {{ (-csat.satisfied.delta) | number(1) }} p.p. desde a última reunião.",
            "{%p endif %}",
            "{%p if nps.score.delta is not none %}",
            "NPS {{ nps.score.value | number }} ({{ nps.score.delta | signed(0) }} vs. período anterior).",
            "{%p endif %}",
            "{%p if open_demands %}",
            "Demanda mais antiga em aberto: {{ open_demands[0].id }} \"{{ open_demands[0].subject }}\" ({{ open_demands[0].stream | term('stream') }}), há {{ open_demands[0].age_days | days }}.",
            "{%p endif %}",
            "{%p for w in warnings %}",
            "Atenção (dados): {{ w }}",
            "{%p endfor %}",
        ],
        "n_sup_categories": [
            "{{ support.created.value | number }} chamados de suporte no período{% if support.created.delta is not none %} ({{ support.created.delta | signed(0) }} vs. período anterior){% endif %}.",
            "{%p if support.by_category %}",
            "Categoria com mais chamados: {{ support.by_category[0].key | term('category') }} ({{ support.by_category[0].count }}). Existe treinamento ou ajuste que reduza essa demanda?",
            "{%p endif %}",
        ],
        "n_sup_none": [
            "Sem indicadores de suporte: explicar ao cliente que a exportação não trouxe os dados e combinar o envio para a próxima reunião.",
        ],
        "n_sup_prioritized": [
            "Chamados urgentes e de alta prioridade do período: mostrar como foram tratados.",
            "{%p for t in support.prioritized if t.closed is none %}",
            "Ainda aberto: {{ t.id }} \"{{ t.subject }}\" ({{ t.status }}, {{ t.age_days | days }}).",
            "{%p endfor %}",
        ],
        "n_sup_prio_none": ["Nenhum chamado priorizado: bom sinal de estabilidade da operação."],
        "n_sla": [
            "Relembrar as metas combinadas e mostrar o cumprimento por categoria.",
            "{%p for r in STREAM.sla if r.compliance is not none and r.closed > r.within %}",
            "{{ r.category_key | term('sla_category') }}{% if r.priority %} ({{ r.priority | term('priority') }}){% endif %}: {{ r.closed - r.within }} de {{ r.closed }} {{ r.closed | plural('chamado', 'chamados') }} fora do prazo.",
            "{%p endfor %}",
        ],
        "n_sla_none": [
            "Sem SLA: a exportação não trouxe as datas necessárias ou não há metas configuradas para esta frente.",
        ],
        "n_csat": [
            "CSAT de {{ csat.satisfied.value | percent }} com {{ csat.count }} respostas; média {{ csat.mean.value | number(1) }}.",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta < 0 %}",
            "CSAT caiu {{ (-csat.satisfied.delta) | number(1) }} p.p. desde a última reunião.",
            "{%p endif %}",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta >= 0 %}",
            "CSAT subiu {{ csat.satisfied.delta | number(1) }} p.p. desde a última reunião.",
            "{%p endif %}",
        ],
        "n_csat_none": ["Sem respostas de CSAT: incentivar a avaliação ao fechar os chamados."],
        "n_impl": [
            "Implantação: {{ implementation.created.value | number }} chamados no período.",
            "{%p if implementation.open_demands %}",
            "{{ implementation.open_demands | length }} demandas de implantação em aberto, HH estimado {{ implementation.open_hours | hours }}.",
            "{%p endif %}",
        ],
        "n_impl_none": ["Sem indicadores de implantação nesta exportação."],
        "n_tech": [
            "{{ technology.key | term('stream') }}: {{ technology.created.value | number }} chamados no período; {{ technology.open_demands | length }} em aberto somando {{ technology.open_hours | hours }}.",
            "{%p for t in technology.open_demands[:3] %}",
            "{{ t.id }} \"{{ t.subject }}\": {{ t.status }}, há {{ t.age_days | days }}.",
            "{%p endfor %}",
        ],
        "n_tech_none": ["Sem chamados novos de {{ technology.key | term('stream') | lower }} no período."],
        "n_releases": [
            "Destacar o que resolve dores do cliente.",
            "{%p for r in releases %}",
            "{{ r.released_on | date }}: {{ r.title }}{% if r.version %} ({{ r.version }}){% endif %}",
            "{%p endfor %}",
        ],
        "n_releases_none": ["Sem lançamentos no período: comentar o que está no roadmap, se puder ser compartilhado."],
        "n_nps": [
            "NPS {{ nps.score.value | number }} com {{ nps.answers }} respostas: {{ nps.promoters }} promotores, {{ nps.passives }} neutros, {{ nps.detractors }} detratores.",
            "{%p if nps.score.delta is not none and nps.score.delta < 0 %}",
            "O NPS caiu {{ (-nps.score.delta) | number }} pontos desde a última reunião.",
            "{%p endif %}",
            "{%p if nps.detractors %}",
            "Combinar retorno individual aos detratores.",
            "{%p endif %}",
        ],
        "n_nps_none": ["Sem respostas de NPS: combinar o envio da pesquisa antes da próxima reunião."],
        "n_comments": [
            "Ler os comentários com o cliente; agradecer elogios e assumir os pontos de melhoria.",
            "{%p for c in nps.comments if c.klass == 'detractor' %}",
            "Detrator ({{ c.score }}){% if c.contact %}, {{ c.contact }}{% endif %}: \"{{ c.text | truncate(120) }}\"",
            "{%p endfor %}",
        ],
        "n_comments_none": ["Sem comentários: perguntar o que motivou as notas."],
        "n_demands": [
            "{{ open_demands | length }} demandas abertas; HH estimado {{ open_hours | hours }}.",
            "{%p if open_demands %}",
            "Mais antiga: {{ open_demands[0].id }} \"{{ open_demands[0].subject }}\" ({{ open_demands[0].stream | term('stream') }}), há {{ open_demands[0].age_days | days }}.",
            "{%p endif %}",
            "Confirmar prioridades e prazos com o cliente.",
        ],
        "n_demands_none": ["Sem demandas abertas para discutir."],
        "n_feedback": [
            "Deixe o cliente falar; anote nas caixas ou na ata.",
            "{%p if nps.detractors %}",
            "Retomar os pontos dos {{ nps.detractors }} detratores do NPS.",
            "{%p endif %}",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta < 0 %}",
            "Perguntar sobre a queda do CSAT ({{ csat.satisfied.delta | signed(1, 'p.p.') }}).",
            "{%p endif %}",
        ],
        "n_expansion": [
            "Conectar a expansão ao objetivo da contratação e aos resultados mostrados.",
            "{%p if client.properties.get('expansion_potential') %}",
            "Potencial mapeado no KickOff: {{ client.properties.get('expansion_potential') }}",
            "{%p endif %}",
            "{%p if client.properties.get('expected_growth') %}",
            "Previsão comercial: {{ client.properties.get('expected_growth') }}",
            "{%p endif %}",
        ],
        "n_actions": [
            "Revisar cada ação da última reunião.",
            "{%p for a in actions if a.overdue %}",
            "Em atraso: \"{{ a.action }}\" ({{ a.owner or 'sem responsável' }}, prazo {{ a.due_on | date }}).",
            "{%p endfor %}",
        ],
        "n_actions_none": ["Sem plano de ação anterior: combinar os primeiros próximos passos."],
        "n_next": ["Registrar cada ação com responsável e prazo; elas entram na ata e na próxima reunião."],
        "n_closing": ["Agradecer, confirmar a data da próxima reunião e o envio da ata."],
    },
    "en": {
        "pp": "pp",
        "continued": "(continued)",
        "notes_continued": "The list continues (page {{ page.number }} of {{ page.count }}); talking points are on the first page.",
        "cover_kicker": "CUSTOMER REVIEW MEETING",
        "cover_period": "Period: {{ period.start | date(\"long\") }} to {{ period.end | date(\"long\") }}",
        "cover_csm": "{% if client.owner_cs %}CSM: {{ client.owner_cs }}{% endif %}",
        "cover_generated": "Generated on {{ generated_on | date }}",
        "cover_band": "Customer Success",
        "agenda_kicker": "AGENDA",
        "agenda_title": "What we will cover today",
        "agenda_1": "Support indicators",
        "agenda_2": "Implementation{% if technology %} and {{ technology.key | term('stream') }}{% endif %} indicators",
        "agenda_3": "Latest platform releases",
        "agenda_4": "NPS: scores and comments",
        "agenda_5": "Tactical report of open demands",
        "agenda_6": "Your feedback on the last months",
        "agenda_7": "Expansion opportunities",
        "agenda_8": "Next steps and action plan",
        "summary_kicker": "EXECUTIVE SUMMARY",
        "summary_title": "The period in numbers",
        "k_created": "Support tickets created",
        "k_sla": "SLA met (support)",
        "k_csat": "CSAT: satisfied customers",
        "k_nps": "NPS",
        "k_open": "Open demands",
        "k_hh": "Estimated HH of open demands",
        "vs_prev": "vs. previous period",
        "no_comparison": "no comparison with the previous period",
        "no_tickets_short": "no ticket data",
        "csat_sub": "{{ csat.count | number }} {{ csat.count | plural('answer', 'answers') }} · mean {{ csat.mean.value | number(1) }} of 5",
        "no_csat_short": "no CSAT answers in the period",
        "nps_sub": "{{ nps.answers | number }} {{ nps.answers | plural('answer', 'answers') }}",
        "no_nps_short": "no NPS answers in the period",
        "open_sub": "{% for s in streams if s.open_demands %}{{ s.key | term('stream') }} {{ s.open_demands | length }}{% if not loop.last %} · {% endif %}{% endfor %}",
        "hh_sub": "{% if open_hours is not none %}sum of the open demands' estimates{% else %}no HH estimate in this export{% endif %}",
        "support_kicker": "1 · SUPPORT",
        "t_sup_categories": "Support tickets created by category",
        "created_total": "Tickets created",
        "prioritized": "Prioritized",
        "first_response": "First response (median)",
        "resolution": "Resolution (median)",
        "prev_value": "{% if METRIC.previous is not none %}{{ METRIC.delta | signed(0) }} vs. previous period ({{ METRIC.previous | number }}){% else %}no comparison with the previous period{% endif %}",
        "p90": "90% within {{ DURATION.p90 | hours }} · {{ DURATION.count | number }} {{ DURATION.count | plural('closed ticket', 'closed tickets') }}",
        "t_sup_none": "Support indicators",
        "sup_none_head": "{% if support and support.created.known %}No support tickets created in the period{% else %}No support ticket data in this export{% endif %}",
        "sup_none_detail": "{% if support and support.missing %}{{ support.missing | term('missing') | join(' · ') }}{% else %}Period from {{ period.start | date }} to {{ period.end | date }}.{% endif %}",
        "t_sup_prioritized": "Prioritized tickets{% if page.continued %} (continued){% endif %}",
        "prio_lead": "{{ support.prioritized | length }} {{ support.prioritized | length | plural('prioritized ticket', 'prioritized tickets') }} in the period (urgent and high priority){% if support.prioritized_count.delta is not none %} · {{ support.prioritized_count.delta | signed(0) }} vs. previous period{% endif %}",
        "h_id": "Ticket",
        "h_subject": "Subject",
        "h_category": "Category",
        "h_priority": "Priority",
        "h_status": "Status",
        "h_created": "Opened",
        "h_owner": "Owner",
        "t_sup_prio_none": "Prioritized tickets",
        "prio_none_head": "No urgent or high-priority tickets in the period",
        "prio_none_detail": "{{ support.created.value | number }} {{ support.created.value | plural('ticket', 'tickets') }} created between {{ period.start | date }} and {{ period.end | date }}, none prioritized.",
        "t_sla": "Our SLAs: {{ STREAM.key | term('stream') }}{% if page.continued %} (continued){% endif %}",
        "sla_lead": "Overall compliance: {{ STREAM.sla_compliance.value | percent }}{% if STREAM.sla_compliance.delta is not none %} ({{ STREAM.sla_compliance.delta | signed(1, 'pp') }} vs. previous period){% endif %} · median first response {{ STREAM.first_response.median | hours }} · median resolution {{ STREAM.resolution.median | hours }}",
        "h_sla_category": "Category",
        "h_sla_priority": "Priority",
        "h_sla_first": "First response target",
        "h_sla_resolution": "Resolution target",
        "h_sla_closed": "Closed",
        "h_sla_within": "On time",
        "h_sla_compliance": "Compliance",
        "all_priorities": "All",
        "t_sla_none": "Our SLAs: {% if STREAM %}{{ STREAM.key | term('stream') }}{% else %}{{ fallback }}{% endif %}",
        "sla_none_head": "No SLA data in this export",
        "sla_none_detail": "SLA targets per category and their compliance show here when the ticket export has response and close dates and targets are configured.",
        "support_label": "Support",
        "implementation_label": "Implementation",
        "t_csat": "CSAT: satisfaction with support",
        "csat_big_label": "satisfied customers (scores 4 and 5)",
        "csat_delta": "{% if csat.satisfied.delta is not none %}{{ csat.satisfied.delta | signed(1, 'pp') }} vs. previous period{% else %}no comparison with the previous period{% endif %}",
        "csat_mean": "Mean {{ csat.mean.value | number(1) }} of 5 · {{ csat.count | number }} {{ csat.count | plural('answer', 'answers') }}",
        "csat_chart_title": "Score distribution (1 = very dissatisfied · 5 = very satisfied)",
        "t_csat_none": "CSAT: satisfaction with support",
        "csat_none_head": "No CSAT answers in the period",
        "csat_none_detail": "No support satisfaction survey was answered between {{ period.start | date }} and {{ period.end | date }}. Consider prompting for it when tickets are closed.",
        "impl_kicker": "2 · IMPLEMENTATION",
        "t_impl": "Implementation tickets created",
        "impl_lead": "{{ implementation.created.value | number }} {{ implementation.created.value | plural('ticket', 'tickets') }} created in the period{% if implementation.created.delta is not none %} ({{ implementation.created.delta | signed(0) }} vs. previous period){% endif %} · {{ implementation.prioritized | length }} prioritized · median resolution {{ implementation.resolution.median | hours }}",
        "by_category": "By category",
        "by_urgency": "By urgency",
        "t_impl_none": "Implementation indicators",
        "impl_none_head": "{% if implementation and implementation.created.known %}No implementation tickets created in the period{% else %}No implementation ticket data in this export{% endif %}",
        "impl_none_detail": "{% if implementation and implementation.missing %}{{ implementation.missing | term('missing') | join(' · ') }}{% else %}Period from {{ period.start | date }} to {{ period.end | date }}.{% endif %}",
        "tech_kicker": "2 · {{ technology.key | term('stream') | upper }}",
        "t_tech": "{{ technology.key | term('stream') }}: tickets created by category",
        "open_count": "Open demands",
        "open_hours": "Open estimated HH",
        "sla_compliance": "SLA met",
        "t_tech_none": "{{ technology.key | term('stream') }}",
        "tech_none_head": "No {{ technology.key | term('stream') | lower }} tickets created in the period",
        "tech_none_detail": "{% if technology.missing %}{{ technology.missing | term('missing') | join(' · ') }}{% else %}{{ technology.open_demands | length }} {{ technology.open_demands | length | plural('demand remains', 'demands remain') }} open (see the tactical report).{% endif %}",
        "releases_kicker": "3 · RELEASES",
        "t_releases": "Latest platform releases{% if page.continued %} (continued){% endif %}",
        "h_rel_date": "Date",
        "h_rel_product": "Product",
        "h_rel_title": "Release",
        "h_rel_description": "What changes",
        "t_releases_none": "Latest platform releases",
        "releases_none_head": "No releases recorded in the period",
        "releases_none_detail": "The product team's list has no release between {{ period.start | date }} and {{ period.end | date }}.",
        "nps_kicker": "4 · NPS",
        "t_nps": "NPS: what users say",
        "nps_label": "NPS for the period",
        "nps_delta": "{% if nps.score.delta is not none %}{{ nps.score.delta | signed(0) }} vs. previous period ({{ nps.score.previous | number }}){% else %}no comparison with the previous period{% endif %}",
        "nps_answers": "{{ nps.answers | number }} {{ nps.answers | plural('answer', 'answers') }} · {{ nps.comments | length }} {{ nps.comments | length | plural('comment', 'comments') }}",
        "promoters": "Promoters",
        "passives": "Passives",
        "detractors": "Detractors",
        "promoters_range": "scores 9 and 10",
        "passives_range": "scores 7 and 8",
        "detractors_range": "scores 0 to 6",
        "t_nps_none": "NPS: what users say",
        "nps_none_head": "No NPS answers in the period",
        "nps_none_detail": "No answer to the NPS survey between {{ period.start | date }} and {{ period.end | date }}. Consider agreeing with the client to send the survey to key users.",
        "t_comments": "NPS comments{% if page.continued %} (continued){% endif %}",
        "h_c_date": "Date",
        "h_c_score": "Score",
        "h_c_class": "Profile",
        "h_c_text": "Comment",
        "t_comments_none": "NPS comments",
        "comments_none_head": "This period's answers came without comments",
        "comments_none_detail": "{{ nps.answers | number }} {{ nps.answers | plural('answer', 'answers') }} without text. Ask in the meeting what drove the scores.",
        "demands_kicker": "5 · TACTICAL REPORT",
        "t_demands": "Open demands{% if page.continued %} (continued){% endif %}",
        "demands_lead": "{{ open_demands | length }} open {{ open_demands | length | plural('demand', 'demands') }} at the end of the period · estimated HH {{ open_hours | hours }}",
        "demands_streams": "{% for s in streams if s.open_demands %}{{ s.key | term('stream') }}: {{ s.open_demands | length }} {{ s.open_demands | length | plural('demand', 'demands') }} · HH {{ s.open_hours | hours }}{% if not loop.last %}     |     {% endif %}{% endfor %}",
        "h_d_stream": "Stream",
        "h_d_id": "Ticket",
        "h_d_subject": "Demand",
        "h_d_status": "Status",
        "d_status": "{{ row.status }}{% if row.closed %} on {{ row.closed | date }}{% endif %}",
        "h_d_owner": "Owner",
        "h_d_age": "Age",
        "h_d_hh": "HH",
        "t_demands_none": "Open demands",
        "demands_none_head": "{% if report.has_ticket_data %}No open demands at the end of the period{% else %}No ticket data in this export{% endif %}",
        "demands_none_detail": "{% if report.has_ticket_data %}Every implementation, technology and support demand was closed on {{ period.end | date }}.{% else %}The tactical report lists open implementation, technology and support demands once the ticket export is available.{% endif %}",
        "feedback_kicker": "6 · YOUR FEEDBACK",
        "t_feedback": "How have the last months been for you?",
        "fb_1": "What worked well in the platform and in our service?",
        "fb_2": "What got in the way, or could be better?",
        "fb_3": "What are your team's priorities for the coming months?",
        "fb_4": "What result do you want to show by our next meeting?",
        "expansion_kicker": "7 · EXPANSION",
        "t_expansion": "Expansion opportunities",
        "x_goal": "Why you hired us",
        "x_potential": "Expansion potential (areas, sites, products)",
        "x_second_wave": "Second-wave products",
        "x_package": "Contracted package",
        "x_growth": "Expected growth",
        "not_mapped": "Not mapped",
        "x_notes": "Opportunities raised today",
        "actions_kicker": "8 · NEXT STEPS",
        "t_actions": "Action plan: follow-up{% if page.continued %} (continued){% endif %}",
        "actions_lead": "{{ actions | selectattr('done') | list | length }} of {{ actions | length }} {{ actions | length | plural('action', 'actions') }} done{% if actions | selectattr('overdue') | list %} · {{ actions | selectattr('overdue') | list | length }} overdue{% endif %}",
        "h_a_action": "Action",
        "h_a_owner": "Owner",
        "h_a_due": "Due",
        "h_a_status": "Status",
        "overdue": "overdue",
        "t_actions_none": "Action plan: follow-up",
        "actions_none_head": "No actions recorded at the last meeting",
        "actions_none_detail": "Use the next slide to agree on this meeting's actions; we will follow them up next time.",
        "t_next": "Next steps: new actions",
        "next_lead": "What we agree today: what, who and by when.",
        "closing_title": "Thank you!",
        "closing_next": "{% if client.meeting_interval_days %}Next meeting in about {{ client.meeting_interval_days | days }}{% endif %}",
        "closing_contact": "{% if client.owner_cs %}{{ client.owner_cs }} · Customer Success{% else %}Customer Success team{% endif %}",
        "closing_minutes": "The minutes of this meeting will be recorded in HubSpot and shared with everyone.",
        "n_cover": [
            "Opening: thank everyone from {{ client.name }} for their time; confirm the agenda and the time box.",
            "{%p if client.last_meeting %}",
            "Last meeting on {{ client.last_meeting | date }}; this period runs from {{ period.start | date }} to {{ period.end | date }} ({{ period.days }} days).",
            "{%p endif %}",
        ],
        "n_agenda": [
            "The \"active client\" playbook: indicators, releases, NPS, demands, feedback, expansion and next steps.",
            "Ask whether the client wants to add a topic.",
        ],
        "n_summary": [
            "Start with the numbers; leave the detail for the next slides.",
            "{%p if support and support.created.delta is not none %}",
            "Support: {{ support.created.value | number }} tickets ({{ support.created.delta | signed(0) }} vs. previous period).",
            "{%p endif %}",
            "{%p if support and support.sla_compliance.delta is not none and support.sla_compliance.delta < 0 %}",
            "Support SLA compliance fell {{ (-support.sla_compliance.delta) | number(1) }} pp: explain the causes before the client asks.",
            "{%p endif %}",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta < 0 %}",
            "CSAT fell {{ (-csat.satisfied.delta) | number(1) }} pp since the last meeting.",
            "{%p endif %}",
            "{%p if nps.score.delta is not none %}",
            "NPS {{ nps.score.value | number }} ({{ nps.score.delta | signed(0) }} vs. previous period).",
            "{%p endif %}",
            "{%p if open_demands %}",
            "Oldest open demand: {{ open_demands[0].id }} \"{{ open_demands[0].subject }}\" ({{ open_demands[0].stream | term('stream') }}), {{ open_demands[0].age_days | days }} old.",
            "{%p endif %}",
            "{%p for w in warnings %}",
            "Data warning: {{ w }}",
            "{%p endfor %}",
        ],
        "n_sup_categories": [
            "{{ support.created.value | number }} support tickets in the period{% if support.created.delta is not none %} ({{ support.created.delta | signed(0) }} vs. previous period){% endif %}.",
            "{%p if support.by_category %}",
            "Largest category: {{ support.by_category[0].key | term('category') }} ({{ support.by_category[0].count }}). Could training or a settings change reduce it?",
            "{%p endif %}",
        ],
        "n_sup_none": [
            "No support indicators: tell the client the export lacked the data and agree to have it for the next meeting.",
        ],
        "n_sup_prioritized": [
            "Urgent and high-priority tickets of the period: show how they were handled.",
            "{%p for t in support.prioritized if t.closed is none %}",
            "Still open: {{ t.id }} \"{{ t.subject }}\" ({{ t.status }}, {{ t.age_days | days }}).",
            "{%p endfor %}",
        ],
        "n_sup_prio_none": ["No prioritized tickets: a good sign of a stable operation."],
        "n_sla": [
            "Recall the agreed targets and show compliance per category.",
            "{%p for r in STREAM.sla if r.compliance is not none and r.closed > r.within %}",
            "{{ r.category_key | term('sla_category') }}{% if r.priority %} ({{ r.priority | term('priority') }}){% endif %}: {{ r.closed - r.within }} of {{ r.closed }} {{ r.closed | plural('ticket', 'tickets') }} late.",
            "{%p endfor %}",
        ],
        "n_sla_none": [
            "No SLA: the export lacks the dates needed, or no targets are configured for this stream.",
        ],
        "n_csat": [
            "CSAT {{ csat.satisfied.value | percent }} from {{ csat.count }} answers; mean {{ csat.mean.value | number(1) }}.",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta < 0 %}",
            "CSAT fell {{ (-csat.satisfied.delta) | number(1) }} pp since the last meeting.",
            "{%p endif %}",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta >= 0 %}",
            "CSAT rose {{ csat.satisfied.delta | number(1) }} pp since the last meeting.",
            "{%p endif %}",
        ],
        "n_csat_none": ["No CSAT answers: encourage the survey when tickets are closed."],
        "n_impl": [
            "Implementation: {{ implementation.created.value | number }} tickets in the period.",
            "{%p if implementation.open_demands %}",
            "{{ implementation.open_demands | length }} open implementation demands, estimated HH {{ implementation.open_hours | hours }}.",
            "{%p endif %}",
        ],
        "n_impl_none": ["No implementation indicators in this export."],
        "n_tech": [
            "{{ technology.key | term('stream') }}: {{ technology.created.value | number }} tickets in the period; {{ technology.open_demands | length }} open, {{ technology.open_hours | hours }} in total.",
            "{%p for t in technology.open_demands[:3] %}",
            "{{ t.id }} \"{{ t.subject }}\": {{ t.status }}, {{ t.age_days | days }} old.",
            "{%p endfor %}",
        ],
        "n_tech_none": ["No new {{ technology.key | term('stream') | lower }} tickets in the period."],
        "n_releases": [
            "Highlight what addresses the client's pains.",
            "{%p for r in releases %}",
            "{{ r.released_on | date }}: {{ r.title }}{% if r.version %} ({{ r.version }}){% endif %}",
            "{%p endfor %}",
        ],
        "n_releases_none": ["No releases in the period: mention the roadmap if it can be shared."],
        "n_nps": [
            "NPS {{ nps.score.value | number }} from {{ nps.answers }} answers: {{ nps.promoters }} promoters, {{ nps.passives }} passives, {{ nps.detractors }} detractors.",
            "{%p if nps.score.delta is not none and nps.score.delta < 0 %}",
            "NPS fell {{ (-nps.score.delta) | number }} points since the last meeting.",
            "{%p endif %}",
            "{%p if nps.detractors %}",
            "Agree on a personal follow-up with each detractor.",
            "{%p endif %}",
        ],
        "n_nps_none": ["No NPS answers: agree to send the survey before the next meeting."],
        "n_comments": [
            "Read the comments with the client; thank the praise and own the improvement points.",
            "{%p for c in nps.comments if c.klass == 'detractor' %}",
            "Detractor ({{ c.score }}){% if c.contact %}, {{ c.contact }}{% endif %}: \"{{ c.text | truncate(120) }}\"",
            "{%p endfor %}",
        ],
        "n_comments_none": ["No comments: ask what drove the scores."],
        "n_demands": [
            "{{ open_demands | length }} open demands; estimated HH {{ open_hours | hours }}.",
            "{%p if open_demands %}",
            "Oldest: {{ open_demands[0].id }} \"{{ open_demands[0].subject }}\" ({{ open_demands[0].stream | term('stream') }}), {{ open_demands[0].age_days | days }} old.",
            "{%p endif %}",
            "Confirm priorities and dates with the client.",
        ],
        "n_demands_none": ["No open demands to discuss."],
        "n_feedback": [
            "Let the client talk; take notes in the boxes or in the minutes.",
            "{%p if nps.detractors %}",
            "Come back to the points of the {{ nps.detractors }} NPS detractors.",
            "{%p endif %}",
            "{%p if csat.satisfied.delta is not none and csat.satisfied.delta < 0 %}",
            "Ask about the CSAT drop ({{ csat.satisfied.delta | signed(1, 'pp') }}).",
            "{%p endif %}",
        ],
        "n_expansion": [
            "Tie expansion to the hiring goal and to the results shown.",
            "{%p if client.properties.get('expansion_potential') %}",
            "Potential mapped at kickoff: {{ client.properties.get('expansion_potential') }}",
            "{%p endif %}",
            "{%p if client.properties.get('expected_growth') %}",
            "Commercial forecast: {{ client.properties.get('expected_growth') }}",
            "{%p endif %}",
        ],
        "n_actions": [
            "Review each action from the last meeting.",
            "{%p for a in actions if a.overdue %}",
            "Overdue: \"{{ a.action }}\" ({{ a.owner or 'no owner' }}, due {{ a.due_on | date }}).",
            "{%p endfor %}",
        ],
        "n_actions_none": ["No previous action plan: agree on the first next steps."],
        "n_next": ["Record each action with an owner and a date; they go into the minutes and the next meeting."],
        "n_closing": ["Thank everyone, confirm the next meeting date and that the minutes will be sent."],
    },
}


# ---------------------------------------------------------------------------------------------
# Drawing helpers


@dataclass(frozen=True)
class P:
    """One paragraph of a text box: text (may hold [[keys]] and Jinja) and its look."""

    text: str
    size: float = 14
    color: str = DARK
    bold: bool = False
    italic: bool = False
    align: PP_ALIGN = PP_ALIGN.LEFT
    space_after: float = 0


def rgb(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_)


def draw_logo(path: Path) -> None:
    """A simple wordmark PNG (transparent): a teal tile with three bars and "deckgen"."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scale = 4
    w, h = 600 * scale, 140 * scale
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    tile = 120 * scale
    draw.rounded_rectangle((0, 0, tile, tile), radius=24 * scale, fill="#" + ACCENT)
    for i, bar_h in enumerate((36, 60, 84)):
        x0 = (24 + i * 26) * scale
        draw.rounded_rectangle(
            (x0, (100 - bar_h) * scale, x0 + 18 * scale, 100 * scale),
            radius=4 * scale,
            fill="#FFFFFF",
        )
    font_path = next(
        (
            p
            for p in (
                "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            )
            if Path(p).is_file()
        ),
        None,
    )
    font = (
        ImageFont.truetype(font_path, 96 * scale)
        if font_path
        else ImageFont.load_default(size=96 * scale)
    )
    draw.text((144 * scale, 60 * scale), "deckgen", font=font, fill="#" + PRIMARY, anchor="lm")
    img = img.crop(img.getbbox())
    img = img.resize((img.width // scale, img.height // scale), Image.Resampling.LANCZOS)
    img.save(path)


class Deck:
    """The template under construction: one design for every language, its wording fetched at
    render time with ``{{ tr('<kind>.<key>') }}`` from deckgen/locale/templates.<lang>.toml."""

    kind = "review"
    strings: Mapping[str, Mapping[str, object]] = STRINGS

    def __init__(self) -> None:
        self.t = self.strings["pt-BR"]  # only for the sample data of charts (replaced on render)
        self.prs: PresentationType = Presentation()
        self.prs.slide_width = Inches(SLIDE_W)
        self.prs.slide_height = Inches(SLIDE_H)
        self._brand_theme()
        self._widen_layouts()
        self.layout = self.prs.slide_layouts[5]  # "Title Only"

    # -- words ----------------------------------------------------------------------------
    def tr(self, text: str) -> str:
        """Replace ``[[key]]`` with the tag that fetches the wording (``'[[key]]'`` inside an
        expression with the call)."""
        text = re.sub(r"'\[\[(\w+)\]\]'", lambda m: self.expr(m.group(1)), text)
        return re.sub(r"\[\[(\w+)\]\]", lambda m: self.s(m.group(1)), text)

    def expr(self, key: str, **arguments: str) -> str:
        """The expression fetching wording ``key``: ``tr('review.key', stream=support)``."""
        for language in LANGUAGES:
            assert isinstance(self.strings[language][key], str), key
        extra = "".join(f", {name}={value}" for name, value in arguments.items())
        return f"tr('{self.kind}.{key}'{extra})"

    def s(self, key: str, **arguments: str) -> str:
        """The tag printing wording ``key``."""
        return "{{ " + self.expr(key, **arguments) + " }}"

    def word(self, key: str) -> str:
        """The Portuguese wording of ``key``: sample data of charts, replaced on render."""
        value = self.t[key]
        assert isinstance(value, str), key
        return value

    def notes(self, key: str, stream: str = "") -> list[str]:
        """The speaker-notes paragraphs of a slide: the ``{%p %}`` structure, which every
        language shares, and one ``tr()`` per sentence, given the loop variables in scope."""
        lines = {language: self.strings[language][key] for language in LANGUAGES}
        reference = lines["pt-BR"]
        assert isinstance(reference, list), key
        for language, other in lines.items():
            assert isinstance(other, list) and len(other) == len(reference), (key, language)
            for mine, theirs in zip(reference, other, strict=True):
                assert mine.startswith("{%p") == theirs.startswith("{%p"), (key, language)
                assert not mine.startswith("{%p") or mine == theirs, (key, language)
        out: list[str] = []
        loops: list[list[str]] = []
        number = 0
        for index, line in enumerate(reference):
            if line.startswith("{%p"):
                loop = re.match(r"\{%p\s+for\s+(.+?)\s+in\s", line)
                if loop:
                    loops.append([n.strip() for n in loop.group(1).split(",")])
                elif re.match(r"\{%p\s+endfor\b", line):
                    loops.pop()
                out.append(line.replace("STREAM", stream))
                continue
            number += 1
            arguments = {name: name for names in loops for name in names}
            if any("STREAM" in str(lines[lang][index]) for lang in LANGUAGES):  # type: ignore[index]
                arguments["stream"] = stream
            extra = "".join(f", {n}={v}" for n, v in arguments.items())
            out.append(f"{{{{ tr('{self.kind}.notes.{key.removeprefix('n_')}.{number}'{extra}) }}}}")
        return out

    # -- master ---------------------------------------------------------------------------
    def _brand_theme(self) -> None:
        """Theme colours and fonts follow the brand, so new shapes and charts match."""
        part = self.prs.slide_master.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob)
        a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        scheme = root.find(f".//{a}clrScheme")
        assert scheme is not None
        scheme.set("name", "deckgen")
        colours = {
            "dk2": PRIMARY, "lt2": PALE, "accent1": PRIMARY, "accent2": ACCENT,
            "accent3": WARM, "accent4": GOOD, "accent5": BAD, "accent6": MID,
            "hlink": ACCENT, "folHlink": MID,
        }
        for tag, value in colours.items():
            slot = scheme.find(f"{a}{tag}")
            assert slot is not None
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{a}srgbClr", val=value)
        for latin in root.iter(f"{a}latin"):
            latin.set("typeface", FONT)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _widen_layouts(self) -> None:
        """The default master is 4:3; stretch its placeholders to the 16:9 slide."""
        factor = SLIDE_W / 10
        master = self.prs.slide_master
        for shapes in [master.shapes, *(layout.shapes for layout in master.slide_layouts)]:
            for shape in shapes:
                if shape._element.find(".//" + qn("a:off")) is None:
                    continue
                shape.left = Emu(int(shape.left * factor))
                shape.width = Emu(int(shape.width * factor))

    # -- shapes ---------------------------------------------------------------------------
    def slide(
        self, notes: str, directives: Sequence[str] = (), stream: str = "",
        *, paginated: bool = False,
    ) -> Slide:
        """A content slide with its directives and talking points (``STREAM`` → ``stream``).

        On a slide whose table may continue on copies, the talking points are on the first
        page only; continuation pages get one line saying so.
        """
        slide = self.prs.slides.add_slide(self.layout)
        lines = [f"deckgen: {d}" for d in directives]
        body = self.notes(notes, stream)
        if paginated:
            body = [
                "{%p if page.continued %}", self.s("notes_continued"), "{%p else %}",
                *body, "{%p endif %}",
            ]
        lines += body
        slide.notes_slide.notes_text_frame.text = "\n".join(lines)
        return slide

    def cover(self, s: Slide, band: Sequence[P], title: str, details: Sequence[P]) -> None:
        """The cover every deck shares: a brand band on the right, the logo, a kicker, a large
        left-aligned title, an accent rule and the details under it."""
        band_x = 8.55
        self.rect(s, band_x, 0, SLIDE_W - band_x, SLIDE_H, PRIMARY, name="Cover band")
        self.rect(s, band_x, 0, 0.12, SLIDE_H, ACCENT, name="Cover stripe")
        self.text(s, band_x + 0.6, SLIDE_H - 1.5, SLIDE_W - band_x - 1.1, 0.9, band,
                  name="Cover band text", anchor=MSO_ANCHOR.BOTTOM)
        pic = s.shapes.add_picture(str(LOGO), Inches(0.8), Inches(0.75), height=Inches(0.55))
        pic.name = "Logo"
        self.text(s, 0.8, 2.3, 7.3, 0.4, [P("[[cover_kicker]]", 14, ACCENT, bold=True)],
                  name="Kicker")
        ph = s.shapes.title
        assert ph is not None
        ph.left, ph.top, ph.width, ph.height = Inches(0.8), Inches(2.75), Inches(7.4), Inches(1.7)
        tf = ph.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = MSO_ANCHOR.TOP
        for side in ("left", "right", "top", "bottom"):
            setattr(tf, f"margin_{side}", 0)
        run = tf.paragraphs[0].add_run()
        run.text = self.tr(title)
        run.font.name, run.font.size, run.font.bold = FONT, Pt(40), True
        run.font.color.rgb = rgb(PRIMARY)
        tf.paragraphs[0].alignment = PP_ALIGN.LEFT
        self.rect(s, 0.8, 4.6, 1.2, 0.05, ACCENT, name="Cover rule")
        self.text(s, 0.8, 4.85, 7.4, 1.6, details, name="Cover details")

    def text(
        self,
        slide: Slide,
        x: float,
        y: float,
        w: float,
        h: float,
        paragraphs: Sequence[P],
        *,
        name: str | None = None,
        anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
        inset: float = 0.0,
        fill: str | None = None,
        line: str | None = None,
        shape: MSO_SHAPE | None = None,
    ) -> object:
        if shape is None and fill is None and line is None:
            sp = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        else:
            sp = slide.shapes.add_shape(
                shape or MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h)
            )
            self._fill_line(sp, fill, line)
        if name:
            sp.name = name
        tf = sp.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE  # the box keeps its size; deckgen shrinks long text
        tf.vertical_anchor = anchor
        for side in ("left", "right", "top", "bottom"):
            setattr(tf, f"margin_{side}", Inches(inset))
        for i, para in enumerate(paragraphs):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = para.align
            if para.space_after:
                p.space_after = Pt(para.space_after)
            run = p.add_run()
            run.text = self.tr(para.text)
            f = run.font
            f.name, f.size, f.bold, f.italic = FONT, Pt(para.size), para.bold, para.italic
            f.color.rgb = rgb(para.color)
        return sp

    @staticmethod
    def _fill_line(sp: object, fill: str | None, line: str | None, width: float = 1.0) -> None:
        """Explicit fill and outline; the theme's shape style (with its shadow) is dropped."""
        style = sp._element.find(qn("p:style"))  # type: ignore[attr-defined]
        if style is not None:
            style.getparent().remove(style)
        if fill:
            sp.fill.solid()  # type: ignore[attr-defined]
            sp.fill.fore_color.rgb = rgb(fill)  # type: ignore[attr-defined]
        else:
            sp.fill.background()  # type: ignore[attr-defined]
        if line:
            sp.line.color.rgb = rgb(line)  # type: ignore[attr-defined]
            sp.line.width = Pt(width)  # type: ignore[attr-defined]
        else:
            sp.line.fill.background()  # type: ignore[attr-defined]

    def rect(
        self, slide: Slide, x: float, y: float, w: float, h: float, fill: str,
        *, shape: MSO_SHAPE = MSO_SHAPE.RECTANGLE, line: str | None = None, name: str | None = None,
    ) -> object:
        sp = slide.shapes.add_shape(shape, Inches(x), Inches(y), Inches(w), Inches(h))
        self._fill_line(sp, fill, line)
        if name:
            sp.name = name
        return sp

    def title(self, slide: Slide, kicker: str, title: str) -> None:
        """Kicker (section) and title at the same place on every content slide; logo; footer."""
        self.rect(slide, MARGIN, 0.42, 0.45, 0.06, ACCENT, name="Kicker bar")
        self.text(slide, MARGIN, 0.5, 9.5, 0.32, [P(kicker, 12, ACCENT, bold=True)], name="Kicker")
        ph = slide.shapes.title
        assert ph is not None
        ph.left, ph.top = Inches(MARGIN), Inches(0.8)
        ph.width, ph.height = Inches(CONTENT_W - 1.9), Inches(0.62)
        tf = ph.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = MSO_ANCHOR.TOP
        for side in ("left", "right", "top", "bottom"):
            setattr(tf, f"margin_{side}", 0)
        p = tf.paragraphs[0]
        p.alignment = PP_ALIGN.LEFT
        run = p.add_run()
        run.text = self.tr(title)
        run.font.name, run.font.size, run.font.bold = FONT, Pt(28), True
        run.font.color.rgb = rgb(PRIMARY)
        pic = slide.shapes.add_picture(str(LOGO), Inches(0), Inches(0.45), height=Inches(0.36))
        pic.left = Emu(Inches(SLIDE_W - MARGIN) - pic.width)
        pic.name = "Logo"
        self.footer(slide)

    def footer(self, slide: Slide) -> None:
        line = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, Inches(MARGIN), Inches(6.98), Inches(SLIDE_W - MARGIN), Inches(6.98)
        )
        style = line._element.find(qn("p:style"))
        if style is not None:
            line._element.remove(style)
        line.line.color.rgb = rgb(LIGHT)
        line.line.width = Pt(0.75)
        line.name = "Footer rule"
        self.text(
            slide, MARGIN, 7.04, 10, 0.3,
            [P("{{ client.name }}  ·  {{ period.start | date }} – {{ period.end | date }}", 10, MID)],
            name="Footer",
        )
        num = self.text(
            slide, SLIDE_W - MARGIN - 1.0, 7.04, 1.0, 0.3, [P("", 10, MID, align=PP_ALIGN.RIGHT)],
            name="Slide number",
        )
        self._slide_number_field(num)

    def _slide_number_field(self, sp: object) -> None:
        p = sp.text_frame.paragraphs[0]._p  # type: ignore[attr-defined]
        for r in p.findall(qn("a:r")):
            p.remove(r)
        fld = etree.SubElement(p, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
        fld.set("type", "slidenum")
        rpr = etree.SubElement(fld, qn("a:rPr"), lang="pt-BR", sz="1000")  # follows the deck's language
        fill = etree.SubElement(rpr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=MID)
        etree.SubElement(rpr, qn("a:latin"), typeface=FONT)
        etree.SubElement(fld, qn("a:t")).text = "‹#›"
        end = p.find(qn("a:endParaRPr"))
        if end is not None:
            p.remove(end)
            p.append(end)

    def lead(self, slide: Slide, text: str, y: float = TOP, h: float = 0.42) -> None:
        """One line under the title that says what the slide shows."""
        self.text(slide, MARGIN, y, CONTENT_W, h, [P(text, 15, DARK)], name="Lead")

    def kpi(
        self, slide: Slide, x: float, y: float, w: float, h: float,
        label: str, value: str, sub: str, *, name: str, value_size: float = 36,
    ) -> None:
        """A card: a grey panel with an accent edge, a label, a big figure and a comment line."""
        self.rect(slide, x, y, w, h, PALE, name=f"{name} card")
        self.rect(slide, x, y, 0.07, h, ACCENT, name=f"{name} edge")
        self.text(
            slide, x + 0.3, y + 0.12, w - 0.5, h - 0.24,
            [
                P(label, 13, MID, bold=True, space_after=2),
                P(value, value_size, PRIMARY, bold=True, space_after=2),
                P(sub, 12, DARK),
            ],
            name=name, anchor=MSO_ANCHOR.MIDDLE,
        )

    def message(self, slide: Slide, head: str, detail: str) -> None:
        """The missing-data panel: says plainly what is absent instead of an empty chart."""
        x, y, w, h = 1.9, 2.35, SLIDE_W - 3.8, 2.9
        self.rect(slide, x, y, w, h, PALE, shape=MSO_SHAPE.ROUNDED_RECTANGLE, name="No data panel")
        self.rect(slide, x, y + 0.35, 0.08, h - 0.7, ACCENT, name="No data edge")
        self.text(
            slide, x + 0.55, y + 0.5, 0.7, 0.7, [P("i", 26, WHITE, bold=True, align=PP_ALIGN.CENTER)],
            name="No data icon", anchor=MSO_ANCHOR.MIDDLE, fill=ACCENT, shape=MSO_SHAPE.OVAL,
        )
        self.text(
            slide, x + 1.55, y + 0.45, w - 2.0, h - 0.8,
            [P(head, 24, PRIMARY, bold=True, space_after=10), P(detail, 15, MID)],
            name="No data message",
        )

    # -- tables ---------------------------------------------------------------------------
    def table(
        self,
        slide: Slide,
        name: str,
        y: float,
        widths: Sequence[float],
        header: Sequence[str],
        row: Sequence[str],
        *,
        bottom: float = BOTTOM,
        header_h: float = 0.42,
        row_h: float = 0.4,
        size: float = 11,
        aligns: Sequence[PP_ALIGN] | None = None,
    ) -> None:
        """A header row and ONE row template; the frame fills the space rows may use."""
        rows = 2 + max(0, int((bottom - y - header_h - row_h) // row_h))
        total_h = header_h + row_h * (rows - 1)
        gf = slide.shapes.add_table(
            rows, len(widths), Inches(MARGIN), Inches(y), Inches(sum(widths)), Inches(total_h)
        )
        gf.name = name
        tbl = gf.table
        tbl.first_row = True
        tbl.horz_banding = False
        for i, cw in enumerate(widths):
            tbl.columns[i].width = Inches(cw)
        tbl.rows[0].height = Inches(header_h)
        for r in range(1, rows):
            tbl.rows[r].height = Inches(row_h)
        aligns = aligns or [PP_ALIGN.LEFT] * len(widths)
        for c in range(len(widths)):
            self._cell(tbl.cell(0, c), header[c], size, WHITE, PRIMARY, True, aligns[c], None)
            for r in range(1, rows):
                text = row[c] if r == 1 else ""
                self._cell(tbl.cell(r, c), text, size, DARK, WHITE, False, aligns[c], LIGHT)

    def _cell(
        self, cell: object, text: str, size: float, color: str, fill: str, bold: bool,
        align: PP_ALIGN, rule: str | None,
    ) -> None:
        tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
        for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
            ln = etree.SubElement(tc_pr, qn(tag), w="9525" if tag == "a:lnB" and rule else "0")
            if tag == "a:lnB" and rule:
                solid = etree.SubElement(ln, qn("a:solidFill"))
                etree.SubElement(solid, qn("a:srgbClr"), val=rule)
            else:
                etree.SubElement(ln, qn("a:noFill"))
        cell.fill.solid()  # type: ignore[attr-defined]
        cell.fill.fore_color.rgb = rgb(fill)  # type: ignore[attr-defined]
        cell.vertical_anchor = MSO_ANCHOR.MIDDLE  # type: ignore[attr-defined]
        cell.margin_left = cell.margin_right = Inches(0.08)  # type: ignore[attr-defined]
        cell.margin_top = cell.margin_bottom = Inches(0.04)  # type: ignore[attr-defined]
        tf = cell.text_frame  # type: ignore[attr-defined]
        tf.word_wrap = True
        p = tf.paragraphs[0]
        p.alignment = align
        run = p.add_run()
        run.text = self.tr(text)
        run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
        run.font.color.rgb = rgb(color)

    # -- charts ---------------------------------------------------------------------------
    def chart(
        self,
        slide: Slide,
        name: str,
        kind: XL_CHART_TYPE,
        x: float,
        y: float,
        w: float,
        h: float,
        categories: Sequence[str],
        values: Sequence[float],
        *,
        colours: Sequence[str] | None = None,
        number_format: str = "0",
    ) -> Chart:
        data: Any = CategoryChartData(number_format=number_format)
        data.categories = list(categories)
        data.add_series("Série", list(values))
        gf: Any = slide.shapes.add_chart(kind, Inches(x), Inches(y), Inches(w), Inches(h), data)
        gf.name = name
        chart = gf.chart
        chart.font.name = FONT
        chart.font.size = Pt(12)
        chart.font.color.rgb = rgb(DARK)
        chart.has_title = False
        plot = chart.plots[0]
        series = plot.series[0]
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(12)
        labels.font.bold = True
        if kind == XL_CHART_TYPE.DOUGHNUT:
            plot.vary_by_categories = True
            plot.has_data_labels = False  # the legend beside the ring carries the numbers
            chart.has_legend = False
            for i, colour in enumerate(colours or ()):
                point = series.points[i]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = rgb(colour)
                point.format.line.color.rgb = rgb(WHITE)
                point.format.line.width = Pt(2)
            doughnut = chart._chartSpace.find(".//" + qn("c:doughnutChart"))
            hole = doughnut.find(qn("c:holeSize"))
            if hole is None:
                hole = etree.SubElement(doughnut, qn("c:holeSize"))
            hole.set("val", "58")
            return chart
        chart.has_legend = False
        plot.vary_by_categories = False
        plot.gap_width = 55
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.color.rgb = rgb(DARK)
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = rgb(PRIMARY)
        for i, colour in enumerate(colours or ()):
            point = series.points[i]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb(colour)
        value_axis = chart.value_axis
        value_axis.has_major_gridlines = False
        value_axis.has_minor_gridlines = False
        value_axis.visible = False
        value_axis.minimum_scale = 0
        value_axis.tick_labels.number_format = number_format
        value_axis.tick_labels.number_format_is_linked = False
        cat = chart.category_axis
        cat.has_major_gridlines = False
        cat.major_tick_mark = XL_TICK_MARK.NONE
        cat.minor_tick_mark = XL_TICK_MARK.NONE
        cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW
        cat.tick_labels.font.size = Pt(12)
        cat.tick_labels.font.color.rgb = rgb(DARK)
        cat.format.line.color.rgb = rgb(LIGHT)
        if kind == XL_CHART_TYPE.BAR_CLUSTERED:
            cat.reverse_order = True  # first category (the largest) on top
        return chart

    def save(self, path: Path) -> None:
        self.prs.core_properties.title = "deckgen review template"
        self.prs.core_properties.author = "deckgen"
        self.prs.save(str(path))


# ---------------------------------------------------------------------------------------------
# The slides


def cover(d: Deck) -> None:
    s = d.slide("n_cover")
    d.cover(
        s,
        [P("{{ company }}", 20, WHITE, bold=True), P("[[cover_band]]", 14, LIGHT)],
        "{{ client.name }}",
        [
            P("[[cover_period]]", 18, DARK, space_after=8),
            P("[[cover_csm]]", 15, MID, space_after=4),
            P("[[cover_generated]]", 12, MID),
        ],
    )


def agenda(d: Deck) -> None:
    s = d.slide("n_agenda")
    d.title(s, "[[agenda_kicker]]", "[[agenda_title]]")
    col_w, row_h = 5.75, 1.12
    for i in range(8):
        col, row = divmod(i, 4)
        x = MARGIN + col * (col_w + 0.63)
        y = TOP + 0.2 + row * row_h
        d.text(
            s, x, y, 0.72, 0.72, [P(str(i + 1), 22, WHITE, bold=True, align=PP_ALIGN.CENTER)],
            name=f"Agenda number {i + 1}", anchor=MSO_ANCHOR.MIDDLE, fill=PRIMARY if i % 2 == 0
            else ACCENT, shape=MSO_SHAPE.OVAL,
        )
        d.text(
            s, x + 0.95, y, col_w - 0.95, 0.72, [P(f"[[agenda_{i + 1}]]", 18, DARK)],
            name=f"Agenda item {i + 1}", anchor=MSO_ANCHOR.MIDDLE,
        )


def prev_line(expr: str, d: Deck) -> str:
    """The "change vs previous period" line for a Metric expression."""
    return d.s("prev_value", metric=expr)


def summary(d: Deck) -> None:
    s = d.slide("n_summary")
    d.title(s, "[[summary_kicker]]", "[[summary_title]]")
    w, h, gap = (CONTENT_W - 0.5) / 3, 2.3, 0.25
    cards = [
        (
            "[[k_created]]",
            "{% if support %}{{ support.created.value | number }}{% else %}—{% endif %}",
            "{% if support and support.created.known %}"
            + prev_line("support.created", d)
            + "{% else %}[[no_tickets_short]]{% endif %}",
            "KPI created",
        ),
        (
            "[[k_sla]]",
            "{% if support %}{{ support.sla_compliance.value | percent }}{% else %}—{% endif %}",
            "{% if support and support.sla_compliance.delta is not none %}"
            "{{ support.sla_compliance.delta | signed(1, "
            + d.expr("pp")
            + ") }} [[vs_prev]]{% elif support and support.sla_compliance.known %}"
            "[[no_comparison]]{% else %}[[sla_none_head]]{% endif %}",
            "KPI SLA",
        ),
        (
            "[[k_csat]]",
            "{{ csat.satisfied.value | percent }}",
            "{% if csat.count %}[[csat_sub]]{% else %}[[no_csat_short]]{% endif %}",
            "KPI CSAT",
        ),
        (
            "[[k_nps]]",
            "{{ nps.score.value | number }}",
            "{% if nps.answers %}{% if nps.score.delta is not none %}{{ nps.score.delta | "
            "signed(0) }} [[vs_prev]] · {% endif %}[[nps_sub]]{% else %}[[no_nps_short]]{% endif %}",
            "KPI NPS",
        ),
        (
            "[[k_open]]",
            "{% if report.has_ticket_data %}{{ open_demands | length }}{% else %}—{% endif %}",
            "{% if report.has_ticket_data %}[[open_sub]]{% else %}[[no_tickets_short]]{% endif %}",
            "KPI open demands",
        ),
        ("[[k_hh]]", "{{ open_hours | hours }}", "[[hh_sub]]", "KPI HH"),
    ]
    for i, (label, value, sub, name) in enumerate(cards):
        row, col = divmod(i, 3)
        d.kpi(
            s, MARGIN + col * (w + gap), TOP + 0.1 + row * (h + gap), w, h, label, value, sub,
            name=name, value_size=44,
        )


def stream_kpis(d: Deck, s: Slide, stream: str, x: float, w: float) -> None:
    """The column of figures beside a stream's category chart."""
    items = [
        ("[[created_total]]", f"{{{{ {stream}.created.value | number }}}}",
         prev_line(f"{stream}.created", d)),
        ("[[prioritized]]", f"{{{{ {stream}.prioritized_count.value | number }}}}",
         prev_line(f"{stream}.prioritized_count", d)),
        ("[[first_response]]", f"{{{{ {stream}.first_response.median | hours }}}}",
         d.s("p90", duration=f"{stream}.first_response")),
        ("[[resolution]]", f"{{{{ {stream}.resolution.median | hours }}}}",
         d.s("p90", duration=f"{stream}.resolution")),
    ]
    h, gap = 1.2, 0.13
    for i, (label, value, sub) in enumerate(items):
        d.kpi(s, x, TOP + i * (h + gap), w, h, label, value, sub, name=f"KPI {i + 1}",
              value_size=24)


def support_slides(d: Deck) -> None:
    s = d.slide("n_sup_categories", ["if support and support.by_category"])
    d.title(s, "[[support_kicker]]", "[[t_sup_categories]]")
    d.chart(
        s, "chart: support.category_chart | term", XL_CHART_TYPE.BAR_CLUSTERED, MARGIN, TOP, 7.7,
        BOTTOM - TOP, ["Dúvida", "Erro", "Cadastro", "Personalização", "Sem categoria"],
        [18, 12, 9, 5, 3],
    )
    stream_kpis(d, s, "support", MARGIN + 8.0, CONTENT_W - 8.0)

    s = d.slide("n_sup_none", ["if not (support and support.by_category)"])
    d.title(s, "[[support_kicker]]", "[[t_sup_none]]")
    d.message(s, "[[sup_none_head]]", "[[sup_none_detail]]")

    s = d.slide("n_sup_prioritized", ["if support and support.prioritized"], paginated=True)
    d.title(s, "[[support_kicker]]", "[[t_sup_prioritized]]")
    d.lead(s, "[[prio_lead]]")
    d.table(
        s, "table: support.prioritized", TOP + 0.55,
        [1.0, 4.1, 1.65, 1.15, 1.55, 1.1, 1.583],
        ["[[h_id]]", "[[h_subject]]", "[[h_category]]", "[[h_priority]]", "[[h_status]]",
         "[[h_created]]", "[[h_owner]]"],
        ["{{ row.id }}", "{{ row.subject }}", "{{ row.categories | term('category') | join(', ') }}",
         "{{ (row.priority and row.priority | term('priority')) | default_dash }}", "{{ row.status }}", "{{ row.created | date }}",
         "{{ row.owner | default_dash }}"],
        row_h=0.32,
    )

    s = d.slide(
        "n_sup_prio_none", ["if support and support.created.known and not support.prioritized"]
    )
    d.title(s, "[[support_kicker]]", "[[t_sup_prio_none]]")
    d.message(s, "[[prio_none_head]]", "[[prio_none_detail]]")

    sla_slides(d, "support", "[[support_kicker]]", "support_label")
    csat_slides(d)


def sla_slides(d: Deck, stream: str, kicker: str, fallback: str) -> None:
    """"Nossos SLAs" of one stream (targets and compliance), or the no-SLA message."""
    s = d.slide("n_sla", [f"if {stream} and {stream}.sla"], stream, paginated=True)
    d.title(s, kicker, d.s("t_sla", stream=stream))
    d.lead(s, d.s("sla_lead", stream=stream))
    pct = PP_ALIGN.RIGHT
    d.table(
        s, f"table: {stream}.sla", TOP + 0.55,
        [3.0, 1.5, 1.85, 1.85, 1.2, 1.2, 1.533],
        ["[[h_sla_category]]", "[[h_sla_priority]]", "[[h_sla_first]]", "[[h_sla_resolution]]",
         "[[h_sla_closed]]", "[[h_sla_within]]", "[[h_sla_compliance]]"],
        ["{{ row.category_key | term('sla_category') }}",
         "{{ row.priority | term('priority') if row.priority else '[[all_priorities]]' }}",
         "{{ row.first_response_hours | hours(0) }}", "{{ row.resolution_hours | hours(0) }}",
         "{{ row.closed | number }}", "{{ row.within | number }}",
         "{{ row.compliance | percent }}"],
        size=12, row_h=0.42,
        aligns=[PP_ALIGN.LEFT, PP_ALIGN.LEFT, pct, pct, pct, pct, pct],
    )
    s = d.slide("n_sla_none", [f"if not ({stream} and {stream}.sla)"])
    d.title(
        s, kicker,
        d.s("t_sla_none", stream=stream, fallback=d.expr(fallback)),
    )
    d.message(s, "[[sla_none_head]]", "[[sla_none_detail]]")


def csat_slides(d: Deck) -> None:
    s = d.slide("n_csat", ["if csat.count"])
    d.title(s, "[[support_kicker]]", "[[t_csat]]")
    panel_w = 4.2
    d.rect(s, MARGIN, TOP, panel_w, BOTTOM - TOP, PALE, name="CSAT panel")
    d.rect(s, MARGIN, TOP, 0.07, BOTTOM - TOP, ACCENT, name="CSAT edge")
    d.text(
        s, MARGIN + 0.35, TOP + 0.4, panel_w - 0.6, BOTTOM - TOP - 0.6,
        [
            P("{{ csat.satisfied.value | percent }}", 60, PRIMARY, bold=True),
            P("[[csat_big_label]]", 15, DARK, space_after=18),
            P("[[csat_delta]]", 14, DARK, bold=True, space_after=18),
            P("[[csat_mean]]", 14, MID),
        ],
        name="CSAT figures",
    )
    x = MARGIN + panel_w + 0.4
    d.text(s, x, TOP, CONTENT_W - panel_w - 0.4, 0.4, [P("[[csat_chart_title]]", 13, MID)],
           name="CSAT chart title")
    d.chart(
        s, "chart: csat.chart", XL_CHART_TYPE.COLUMN_CLUSTERED, x, TOP + 0.45,
        CONTENT_W - panel_w - 0.4, BOTTOM - TOP - 0.45, ["1", "2", "3", "4", "5"],
        [2, 1, 4, 12, 21], colours=[BAD, BAD, MID, GOOD, GOOD],
    )
    s = d.slide("n_csat_none", ["if not csat.count"])
    d.title(s, "[[support_kicker]]", "[[t_csat_none]]")
    d.message(s, "[[csat_none_head]]", "[[csat_none_detail]]")


def implementation_slides(d: Deck) -> None:
    s = d.slide("n_impl", ["if implementation and implementation.by_category"])
    d.title(s, "[[impl_kicker]]", "[[t_impl]]")
    d.lead(s, "[[impl_lead]]")
    half = (CONTENT_W - 0.5) / 2
    y = TOP + 0.65
    for i, (label, expr, kind, cats, vals) in enumerate(
        [
            ("[[by_category]]", "implementation.category_chart | term", XL_CHART_TYPE.BAR_CLUSTERED,
             ["Implantação", "Visita Técnica", "Treinamento"], [8, 4, 2]),
            ("[[by_urgency]]", "implementation.urgency_chart | term", XL_CHART_TYPE.COLUMN_CLUSTERED,
             ["Urgente", "Alta", "Média", "Baixa"], [0, 3, 7, 4]),
        ]
    ):
        x = MARGIN + i * (half + 0.5)
        d.rect(s, x, y, half, 0.05, ACCENT if i else PRIMARY, name=f"Chart rule {i + 1}")
        d.text(s, x, y + 0.1, half, 0.4, [P(label, 15, PRIMARY, bold=True)],
               name=f"Chart title {i + 1}")
        d.chart(s, f"chart: {expr}", kind, x, y + 0.55, half, BOTTOM - y - 0.55, cats, vals)
    s = d.slide("n_impl_none", ["if not (implementation and implementation.by_category)"])
    d.title(s, "[[impl_kicker]]", "[[t_impl_none]]")
    d.message(s, "[[impl_none_head]]", "[[impl_none_detail]]")
    sla_slides(d, "implementation", "[[impl_kicker]]", "implementation_label")


def technology_slides(d: Deck) -> None:
    s = d.slide("n_tech", ["if technology and technology.by_category"])
    d.title(s, "[[tech_kicker]]", "[[t_tech]]")
    d.chart(
        s, "chart: technology.category_chart | term", XL_CHART_TYPE.BAR_CLUSTERED, MARGIN, TOP, 7.7,
        BOTTOM - TOP, ["Adequação", "Integração", "Chamado"], [5, 3, 1],
    )
    x, w = MARGIN + 8.0, CONTENT_W - 8.0
    items = [
        ("[[created_total]]", "{{ technology.created.value | number }}",
         prev_line("technology.created", d)),
        ("[[open_count]]", "{{ technology.open_demands | length }}",
         "[[open_hours]]: {{ technology.open_hours | hours }}"),
        ("[[sla_compliance]]", "{{ technology.sla_compliance.value | percent }}",
         "[[resolution]] {{ technology.resolution.median | hours }}"),
    ]
    h, gap = 1.65, 0.125
    for i, (label, value, sub) in enumerate(items):
        d.kpi(s, x, TOP + i * (h + gap), w, h, label, value, sub, name=f"KPI {i + 1}",
              value_size=28)
    s = d.slide("n_tech_none", ["if technology and not technology.by_category"])
    d.title(s, "[[tech_kicker]]", "[[t_tech_none]]")
    d.message(s, "[[tech_none_head]]", "[[tech_none_detail]]")


def release_slides(d: Deck) -> None:
    s = d.slide("n_releases", ["if releases"], paginated=True)
    d.title(s, "[[releases_kicker]]", "[[t_releases]]")
    d.table(
        s, "table: releases", TOP, [1.35, 1.75, 3.3, 5.733],
        ["[[h_rel_date]]", "[[h_rel_product]]", "[[h_rel_title]]", "[[h_rel_description]]"],
        ["{{ row.released_on | date }}", "{{ row.product | default_dash }}",
         "{{ row.title }}{% if row.version %} · v{{ row.version }}{% endif %}",
         "{{ row.description | default_dash }}"],
        size=13, row_h=0.6,
    )
    s = d.slide("n_releases_none", ["if not releases"])
    d.title(s, "[[releases_kicker]]", "[[t_releases_none]]")
    d.message(s, "[[releases_none_head]]", "[[releases_none_detail]]")


def nps_slides(d: Deck) -> None:
    s = d.slide("n_nps", ["if nps.answers"])
    d.title(s, "[[nps_kicker]]", "[[t_nps]]")
    panel_w = 3.9
    d.rect(s, MARGIN, TOP, panel_w, BOTTOM - TOP, PALE, name="NPS panel")
    d.rect(s, MARGIN, TOP, 0.07, BOTTOM - TOP, ACCENT, name="NPS edge")
    d.text(
        s, MARGIN + 0.35, TOP + 0.4, panel_w - 0.6, BOTTOM - TOP - 0.6,
        [
            P("[[nps_label]]", 15, MID, bold=True),
            P("{{ nps.score.value | number }}", 72, PRIMARY, bold=True, space_after=10),
            P("[[nps_delta]]", 14, DARK, bold=True, space_after=18),
            P("[[nps_answers]]", 14, MID),
        ],
        name="NPS figures",
    )
    size = BOTTOM - TOP
    cx = MARGIN + panel_w + 0.3
    d.chart(
        s, "chart: nps.chart.relabel(" + ", ".join(d.expr(k) for k in ("promoters", "passives",
                                                                         "detractors")) + ")",
        XL_CHART_TYPE.DOUGHNUT, cx, TOP, size, size,
        [d.word("promoters"), d.word("passives"), d.word("detractors")], [22, 9, 7],
        colours=[GOOD, LIGHT_GREY_POINT, BAD],
    )
    x = cx + size + 0.3
    w = SLIDE_W - MARGIN - x
    for i, (key, colour, count) in enumerate(
        [("promoters", GOOD, "nps.promoters"), ("passives", LIGHT_GREY_POINT, "nps.passives"),
         ("detractors", BAD, "nps.detractors")]
    ):
        y = TOP + 0.55 + i * 1.45
        d.rect(s, x, y + 0.08, 0.28, 0.28, colour, name=f"Legend {key}")
        d.text(
            s, x + 0.45, y, w - 0.45, 1.3,
            [
                P(f"[[{key}]]", 16, DARK, bold=True),
                P(f"{{{{ {count} | number }}}} · {{{{ (100 * {count} / nps.answers) | percent }}}}",
                  22, PRIMARY, bold=True),
                P(f"[[{key}_range]]", 12, MID),
            ],
            name=f"NPS {key}",
        )
    s = d.slide("n_nps_none", ["if not nps.answers"])
    d.title(s, "[[nps_kicker]]", "[[t_nps_none]]")
    d.message(s, "[[nps_none_head]]", "[[nps_none_detail]]")

    s = d.slide("n_comments", ["if nps.comments"], paginated=True)
    d.title(s, "[[nps_kicker]]", "[[t_comments]]")
    c = PP_ALIGN.CENTER
    d.table(
        s, "table: nps.comments", TOP, [1.3, 0.8, 1.3, 8.733],
        ["[[h_c_date]]", "[[h_c_score]]", "[[h_c_class]]", "[[h_c_text]]"],
        ["{{ row.submitted | date }}", "{{ row.score }}", "{{ row.klass | term('nps') }}", "{{ row.text }}"],
        aligns=[PP_ALIGN.LEFT, c, PP_ALIGN.LEFT, PP_ALIGN.LEFT], size=12, row_h=0.34,
    )
    s = d.slide("n_comments_none", ["if nps.answers and not nps.comments"])
    d.title(s, "[[nps_kicker]]", "[[t_comments_none]]")
    d.message(s, "[[comments_none_head]]", "[[comments_none_detail]]")


LIGHT_GREY_POINT = "A7B1BC"  # passives: neutral grey, visible on white


def demand_slides(d: Deck) -> None:
    s = d.slide("n_demands", ["if open_demands"], paginated=True)
    d.title(s, "[[demands_kicker]]", "[[t_demands]]")
    d.text(
        s, MARGIN, TOP, CONTENT_W, 0.72,
        [P("[[demands_lead]]", 15, DARK, space_after=2), P("[[demands_streams]]", 13, MID)],
        name="Lead",
    )
    r = PP_ALIGN.RIGHT
    d.table(
        s, "table: open_demands", TOP + 0.8, [1.6, 1.0, 4.0, 2.0, 1.75, 0.9, 0.883],
        ["[[h_d_stream]]", "[[h_d_id]]", "[[h_d_subject]]", "[[h_d_status]]", "[[h_d_owner]]",
         "[[h_d_age]]", "[[h_d_hh]]"],
        ["{{ row.stream | term('stream') }}", "{{ row.id }}", "{{ row.subject }}", "[[d_status]]",
         "{{ row.owner | default_dash }}", "{{ row.age_days | days }}",
         "{{ row.estimated_hours | number(1) }}"],
        aligns=[PP_ALIGN.LEFT] * 5 + [r, r], row_h=0.32,
    )
    s = d.slide("n_demands_none", ["if not open_demands"])
    d.title(s, "[[demands_kicker]]", "[[t_demands_none]]")
    d.message(s, "[[demands_none_head]]", "[[demands_none_detail]]")


def feedback_slide(d: Deck) -> None:
    s = d.slide("n_feedback")
    d.title(s, "[[feedback_kicker]]", "[[t_feedback]]")
    w, h, gap = (CONTENT_W - 0.35) / 2, (BOTTOM - TOP - 0.3) / 2, 0.3
    for i in range(4):
        row, col = divmod(i, 2)
        x, y = MARGIN + col * (w + 0.35), TOP + row * (h + gap)
        d.rect(s, x, y, w, h, WHITE, line=LIGHT, name=f"Notes box {i + 1}")
        d.rect(s, x, y, w, 0.07, ACCENT if i % 3 else PRIMARY, name=f"Notes edge {i + 1}")
        d.text(s, x + 0.25, y + 0.2, w - 0.5, 0.5, [P(f"[[fb_{i + 1}]]", 15, PRIMARY, bold=True)],
               name=f"Prompt {i + 1}")


def expansion_slide(d: Deck) -> None:
    s = d.slide("n_expansion")
    d.title(s, "[[expansion_kicker]]", "[[t_expansion]]")
    left_w = 6.6
    fields = [
        ("x_goal", "{{ client.properties.get('hiring_goal') or '[[not_mapped]]' }}"),
        ("x_potential", "{{ client.properties.get('expansion_potential') or '[[not_mapped]]' }}"),
        ("x_second_wave",
         "{% set sw = client.properties.get('second_wave') %}{% if sw is string %}{{ sw }}"
         "{% elif sw %}{{ sw | join(' · ') }}{% else %}[[not_mapped]]{% endif %}"),
        ("x_package", "{{ client.properties.get('package') or '[[not_mapped]]' }}"),
        ("x_growth", "{{ client.properties.get('expected_growth') or '[[not_mapped]]' }}"),
    ]
    h = (BOTTOM - TOP) / len(fields)
    for i, (label, value) in enumerate(fields):
        y = TOP + i * h
        d.rect(s, MARGIN, y + 0.12, 0.07, h - 0.24, ACCENT if i else PRIMARY,
               name=f"Field edge {i + 1}")
        d.text(
            s, MARGIN + 0.25, y + 0.08, left_w - 0.3, h - 0.12,
            [P(f"[[{label}]]", 12, MID, bold=True, space_after=2), P(value, 15, DARK)],
            name=f"Field {i + 1}",
        )
    x = MARGIN + left_w + 0.35
    w = SLIDE_W - MARGIN - x
    d.rect(s, x, TOP, w, BOTTOM - TOP, WHITE, line=LIGHT, name="Opportunities box")
    d.rect(s, x, TOP, w, 0.07, ACCENT, name="Opportunities edge")
    d.text(s, x + 0.25, TOP + 0.2, w - 0.5, 0.5, [P("[[x_notes]]", 15, PRIMARY, bold=True)],
           name="Opportunities prompt")


def action_slides(d: Deck) -> None:
    s = d.slide("n_actions", ["if actions"], paginated=True)
    d.title(s, "[[actions_kicker]]", "[[t_actions]]")
    d.lead(s, "[[actions_lead]]")
    d.table(
        s, "table: actions", TOP + 0.55, [5.6, 2.45, 1.45, 2.633],
        ["[[h_a_action]]", "[[h_a_owner]]", "[[h_a_due]]", "[[h_a_status]]"],
        ["{{ row.action }}", "{{ row.owner | default_dash }}", "{{ row.due_on | date }}",
         "{{ row.status | default_dash }}{% if row.overdue %} · [[overdue]]{% endif %}"],
        size=13, row_h=0.48,
    )
    s = d.slide("n_actions_none", ["if not actions"])
    d.title(s, "[[actions_kicker]]", "[[t_actions_none]]")
    d.message(s, "[[actions_none_head]]", "[[actions_none_detail]]")

    s = d.slide("n_next")
    d.title(s, "[[actions_kicker]]", "[[t_next]]")
    d.lead(s, "[[next_lead]]")
    # A plain (unbound) table with empty rows to fill in during the meeting.
    rows, widths = 7, [7.0, 3.0, 2.133]
    gf = s.shapes.add_table(
        rows, 3, Inches(MARGIN), Inches(TOP + 0.6), Inches(sum(widths)),
        Inches(0.45 + 0.62 * (rows - 1)),
    )
    gf.name = "New actions"
    tbl = gf.table
    tbl.first_row, tbl.horz_banding = True, False
    for i, cw in enumerate(widths):
        tbl.columns[i].width = Inches(cw)
    tbl.rows[0].height = Inches(0.45)
    for r in range(1, rows):
        tbl.rows[r].height = Inches(0.62)
    for c, head in enumerate(["[[h_a_action]]", "[[h_a_owner]]", "[[h_a_due]]"]):
        d._cell(tbl.cell(0, c), head, 13, WHITE, PRIMARY, True, PP_ALIGN.LEFT, None)
        for r in range(1, rows):
            d._cell(tbl.cell(r, c), "", 13, DARK, WHITE, False, PP_ALIGN.LEFT, LIGHT)


def closing(d: Deck) -> None:
    s = d.slide("n_closing")
    background = d.rect(s, 0, 0, SLIDE_W, SLIDE_H, PRIMARY, name="Closing background")
    tree = s.shapes._spTree
    tree.remove(background._element)  # type: ignore[attr-defined]
    tree.insert(2, background._element)  # type: ignore[attr-defined]  # behind the title
    d.rect(s, 0, SLIDE_H - 0.12, SLIDE_W, 0.12, ACCENT, name="Closing stripe")
    ph = s.shapes.title
    assert ph is not None
    ph.left, ph.top, ph.width, ph.height = Inches(0.9), Inches(2.2), Inches(11), Inches(1.3)
    tf = ph.text_frame
    for side in ("left", "right", "top", "bottom"):
        setattr(tf, f"margin_{side}", 0)
    tf.vertical_anchor = MSO_ANCHOR.BOTTOM
    run = tf.paragraphs[0].add_run()
    run.text = d.tr("[[closing_title]]")
    run.font.name, run.font.size, run.font.bold = FONT, Pt(54), True
    run.font.color.rgb = rgb(WHITE)
    tf.paragraphs[0].alignment = PP_ALIGN.LEFT
    d.rect(s, 0.9, 3.75, 1.2, 0.05, ACCENT, name="Closing rule")
    d.text(
        s, 0.9, 4.0, 9.0, 2.0,
        [
            P("[[closing_next]]", 20, WHITE, bold=True, space_after=10),
            P("[[closing_contact]]", 16, LIGHT, space_after=6),
            P("[[closing_minutes]]", 14, LIGHT),
        ],
        name="Closing details",
    )
    d.rect(s, SLIDE_W - 3.6, 0.6, 3.0, 0.95, WHITE, shape=MSO_SHAPE.ROUNDED_RECTANGLE,
                  name="Logo card")
    pic = s.shapes.add_picture(str(LOGO), Inches(0), Inches(0), height=Inches(0.5))
    pic.left = Emu(Inches(SLIDE_W - 2.1) - pic.width // 2)
    pic.top = Emu(Inches(0.6 + 0.475) - pic.height // 2)
    pic.name = "Logo"


def build() -> Deck:
    """The whole template."""
    d = Deck()
    cover(d)
    agenda(d)
    summary(d)
    support_slides(d)
    implementation_slides(d)
    technology_slides(d)
    release_slides(d)
    nps_slides(d)
    demand_slides(d)
    feedback_slide(d)
    expansion_slide(d)
    action_slides(d)
    closing(d)
    return d


# Placeholders of the wording tables, and the argument names ``tr()`` passes them as.
PLACEHOLDERS = {"STREAM": "stream", "METRIC": "metric", "DURATION": "duration"}


def wording(strings: Mapping[str, Mapping[str, object]], language: str) -> dict[str, str]:
    """One language's wording as labels: ``key`` → text, notes as ``notes.<slide>.<n>``."""
    def words(text: str) -> str:
        for placeholder, name in PLACEHOLDERS.items():
            text = text.replace(placeholder, name)
        assert "[[" not in text, text
        return text

    out: dict[str, str] = {}
    for key, value in strings[language].items():
        if isinstance(value, list):
            sentences = [line for line in value if not line.startswith("{%p")]
            for number, line in enumerate(sentences, start=1):
                out[f"notes.{key.removeprefix('n_')}.{number}"] = words(line)
        else:
            assert isinstance(value, str), key
            out[key] = words(value)
    return out


def write_templates(kind: str, strings: Mapping[str, Mapping[str, object]],
                    build_deck: Callable[[], Any], argv: Sequence[str] = ()) -> int:
    """Write templates/<kind>.pptx (and the logo if missing)."""
    out_dir = Path(argv[0]) if argv else HERE
    if not LOGO.is_file():
        draw_logo(LOGO)
    assert set(strings["pt-BR"]) == set(strings["en"]), "string tables differ in keys"
    path = out_dir / f"{kind}.pptx"
    build_deck().save(path)
    print(f"wrote {path}")
    return 0


def main(argv: Sequence[str] = ()) -> int:
    """Write templates/review.pptx."""
    return write_templates("review", STRINGS, build, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
