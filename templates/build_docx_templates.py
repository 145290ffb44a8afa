"""Build the default Word templates of the minutes (kickoff, hand-over, review) in pt-BR and en.

Run ``python templates/build_docx_templates.py`` from the repository root to rebuild
``templates/ata-*.{pt-BR,en}.docx``. The files are ordinary Word documents holding docxtpl
tags; a CS Ops person may edit them in Word afterwards (see docs/documents.md). The header
picture named "logo" is the company logo deckgen replaces with ``[company] logo``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from deckgen.render.output import normalize_ooxml_zip  # noqa: E402

# The palette of the review deck (templates/build_review_template.py).
NAVY = "0B3C5D"
TEAL = "1FA2A6"
LIGHT = "F3F5F7"
GRID = "D9DEE3"
TEXT = "2E3A45"
GREY = "6B7785"
DONE = "1E7B34"
PENDING = "B3541E"
FONT = "Calibri"
SYMBOL_FONT = "Segoe UI Symbol"

Run = tuple[
    str, str
]  # (text, format: "" | "b" | "i" | "blank" | "grey" | "check" | "done" | "pending")

TEXTS: dict[str, dict[str, str]] = {
    "pt-BR": {
        "blank": "__________ (preencher na reunião)",
        "blank_line": "_______________________________________________________________",
        "client": "Cliente",
        "record": "ID HubSpot",
        "phase": "Fase do cliente",
        "date": "Data da reunião",
        "participants": "Participantes",
        "role": "Papel",
        "name": "Nome",
        "item": "Item",
        "info": "Informação mapeada",
        "action": "Ação",
        "state": "Situação",
        "done": "Feita",
        "pending": "Pendente",
        "unknown": " (sem dado na exportação: verificar)",
        "notes": "Anotações da reunião",
        "footer": "Ata gerada por deckgen a partir do HubSpot",
        # kickoff
        "kickoff_title": "Ata do KickOff interno",
        "kickoff_lead": "Alinhamento entre Vendas, analista de negócios (ISM) e CS"
        " antes do KickOff com o cliente.",
        "kickoff_checklist": "Checklist das informações mapeadas",
        "kickoff_hint": "Os itens destacados não têm dado no HubSpot:"
        " preencha-os durante a reunião.",
        "kickoff_actions": "Checklist das ações",
        # hand-over
        "handoff_title": "Ata da passagem de bastão ISM → CS",
        "handoff_lead": "Formalização da transição da implantação para o CS,"
        " após o Go-Live e a operação assistida.",
        "go_live": "Go-Live",
        "roles": "1. Apresentação do CS e papéis e responsabilidades",
        "roles_lead": "CS responsável pela conta:",
        "area": "Área",
        "responsibilities": "Responsabilidades",
        "recurrence": "2. Recorrência das reuniões de acompanhamento",
        "interval": 'Periodicidade acordada ("[CS] Dias entre reuniões"): ',
        "every": "a cada ",
        "next_dates": "Próximas reuniões previstas:",
        "meeting": "Reunião",
        "planned": "Data prevista",
        "no_dates": "As datas serão definidas quando a periodicidade"
        " estiver registrada no HubSpot.",
        "handoff_actions": "3. Checklist das ações",
        # review
        "review_title": "Ata da reunião de acompanhamento",
        "period": "Período analisado",
        "period_to": " a ",
        "owner_cs": "CS responsável",
        "next_meeting": "Próxima reunião",
        "indicators": "1. Indicadores em resumo",
        "stream": "Frente",
        "created": "Demandas criadas",
        "prioritized": "Priorizadas",
        "sla": "SLA cumprido",
        "open": "Em aberto",
        "nps": "NPS: ",
        "nps_answers": " respostas: ",
        "promoters": " promotores, ",
        "passives": " neutros, ",
        "detractors": " detratores",
        "no_nps": "sem respostas no período",
        "csat": "CSAT: ",
        "csat_of": " de satisfeitos em ",
        "csat_answers": " avaliações (média ",
        "no_csat": "sem avaliações no período",
        "open_demands": "Demandas em aberto: ",
        "estimated": " estimadas",
        "releases": "Lançamentos do período",
        "no_releases": "Nenhum lançamento no período.",
        "feedback": "2. Feedback do cliente",
        "nps_comments": "Comentários do NPS no período",
        "score": "nota ",
        "no_comments": "Nenhum comentário de NPS no período.",
        "collected": "Feedback coletado na reunião",
        "opportunities": "3. Oportunidades de expansão",
        "expansion": "Potencial registrado no HubSpot: ",
        "second_wave": "Produtos da segunda onda: ",
        "plan": "4. Plano de ação",
        "owner": "Responsável",
        "due": "Prazo",
        "overdue": " (atrasada)",
        "overdue_word": "atrasad",
    },
    "en": {
        "blank": "__________ (fill in at the meeting)",
        "blank_line": "_______________________________________________________________",
        "client": "Client",
        "record": "HubSpot ID",
        "phase": "Client phase",
        "date": "Meeting date",
        "participants": "Participants",
        "role": "Role",
        "name": "Name",
        "item": "Item",
        "info": "Information",
        "action": "Action",
        "state": "State",
        "done": "Done",
        "pending": "Pending",
        "unknown": " (not in the export: check)",
        "notes": "Meeting notes",
        "footer": "Minutes generated by deckgen from HubSpot",
        "kickoff_title": "Internal kickoff minutes",
        "kickoff_lead": "Alignment between Sales, the implementation analyst (ISM)"
        " and CS before the client kickoff.",
        "kickoff_checklist": "Information checklist",
        "kickoff_hint": "Highlighted items have no value in HubSpot:"
        " fill them in during the meeting.",
        "kickoff_actions": "Actions checklist",
        "handoff_title": "Hand-over minutes ISM → CS",
        "handoff_lead": "The implementation is handed over to CS"
        " after Go-Live and the assisted operation.",
        "go_live": "Go-Live",
        "roles": "1. CS introduction, roles and responsibilities",
        "roles_lead": "CS in charge of the account:",
        "area": "Area",
        "responsibilities": "Responsibilities",
        "recurrence": "2. Review meeting recurrence",
        "interval": 'Agreed recurrence ("[CS] Dias entre reuniões"): ',
        "every": "every ",
        "next_dates": "Next planned meetings:",
        "meeting": "Meeting",
        "planned": "Planned date",
        "no_dates": "The dates will be set once the recurrence is registered in HubSpot.",
        "handoff_actions": "3. Actions checklist",
        "review_title": "Review meeting minutes",
        "period": "Period reviewed",
        "period_to": " to ",
        "owner_cs": "CS owner",
        "next_meeting": "Next meeting",
        "indicators": "1. Indicators in brief",
        "stream": "Stream",
        "created": "Created",
        "prioritized": "Prioritized",
        "sla": "SLA met",
        "open": "Open",
        "nps": "NPS: ",
        "nps_answers": " answers: ",
        "promoters": " promoters, ",
        "passives": " passives, ",
        "detractors": " detractors",
        "no_nps": "no answers in the period",
        "csat": "CSAT: ",
        "csat_of": " satisfied over ",
        "csat_answers": " ratings (mean ",
        "no_csat": "no ratings in the period",
        "open_demands": "Open demands: ",
        "estimated": " estimated",
        "releases": "Releases in the period",
        "no_releases": "No release in the period.",
        "feedback": "2. Client feedback",
        "nps_comments": "NPS comments in the period",
        "score": "score ",
        "no_comments": "No NPS comment in the period.",
        "collected": "Feedback collected in the meeting",
        "opportunities": "3. Expansion opportunities",
        "expansion": "Potential registered in HubSpot: ",
        "second_wave": "Second-wave products: ",
        "plan": "4. Action plan",
        "owner": "Owner",
        "due": "Due",
        "overdue": " (overdue)",
        "overdue_word": "overdue",
    },
}


# ---------------------------------------------------------------- building blocks
def _logo_png() -> bytes:
    """The shared placeholder logo (drawn by the review template script), else a simple mark."""
    shared = HERE / "assets" / "logo.png"
    if shared.is_file():
        return shared.read_bytes()
    image = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 160, 160), radius=32, fill="#" + NAVY)
    draw.rounded_rectangle((44, 44, 116, 116), radius=12, fill="#" + TEAL)
    draw.rectangle((190, 52, 470, 72), fill="#" + NAVY)
    draw.rectangle((190, 92, 400, 108), fill="#" + TEAL)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _fonts(run_or_style_element: object, name: str) -> None:
    rpr = run_or_style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _styles(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = RGBColor.from_string(TEXT)
    _fonts(normal.element, FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size, color in (
        ("Title", 22, NAVY),
        ("Heading 1", 14, NAVY),
        ("Heading 2", 11.5, TEAL),
    ):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor.from_string(color)
        _fonts(style.element, FONT)
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 8)
        style.paragraph_format.space_after = Pt(4)
    title = doc.styles["Title"]
    title.paragraph_format.space_before = Pt(0)
    # python-docx's Title style draws a bottom border; the accent line below replaces it.
    ppr = title.element.find(qn("w:pPr"))
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)
    bullet = doc.styles["List Bullet"]
    bullet.font.name = FONT
    bullet.paragraph_format.space_after = Pt(2)


def _run(paragraph: Paragraph, text: str, fmt: str, texts: dict[str, str]) -> None:
    run = paragraph.add_run(texts["blank"] if fmt == "blank" else text)
    if fmt == "b":
        run.bold = True
    elif fmt == "i":
        run.italic = True
    elif fmt == "blank":
        run.italic = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.font.color.rgb = RGBColor.from_string(PENDING)
    elif fmt == "grey":
        run.font.color.rgb = RGBColor.from_string(GREY)
        run.font.size = Pt(9)
    elif fmt == "check":
        run.font.size = Pt(13)
        _fonts(run.element, SYMBOL_FONT)
    elif fmt in ("done", "pending"):
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(DONE if fmt == "done" else PENDING)


def para(
    container: object, runs: list[Run], texts: dict[str, str], style: str | None = None
) -> Paragraph:
    """A paragraph of runs, each with one of the formats of :data:`Run`."""
    paragraph: Paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    for text, fmt in runs:
        _run(paragraph, text, fmt, texts)
    return paragraph


def cell_text(cell: _Cell, runs: list[Run], texts: dict[str, str]) -> None:
    paragraph = cell.paragraphs[0]
    for text, fmt in runs:
        _run(paragraph, text, fmt, texts)


def value_or_blank(expr: str) -> list[Run]:
    """Runs that print ``expr`` when it has a value, else the highlighted blank to fill in."""
    return [
        (f"{{% if {expr} %}}{{{{ {expr} }}}}{{% else %}}", ""),
        ("", "blank"),
        ("{% endif %}", ""),
    ]


def _shade(cell: _Cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _borders(table: Table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), GRID)
        borders.append(element)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "bottom"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "60")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tblpr.append(margins)


def table(
    doc: DocumentObject, widths: list[float], header: list[str] | None, texts: dict[str, str]
) -> Table:
    """A bordered table with fixed column widths (cm) and, when given, a shaded header row."""
    result = doc.add_table(rows=0, cols=len(widths))
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    result.autofit = False
    _borders(result)
    for column, width in zip(result._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Cm(width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    result._tbl.tblPr.append(layout)
    if header:
        cells = add_row(result, widths)
        for cell, text in zip(cells, header, strict=True):
            cell_text(cell, [(text, "b")], texts)
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            _shade(cell, NAVY)
        trpr = result.rows[0]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))
    return result


def add_row(tbl: Table, widths: list[float]) -> list[_Cell]:
    row = tbl.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    return list(row.cells)


def tag_row(tbl: Table, widths: list[float], tag: str) -> None:
    """A row holding only a ``{%tr ... %}`` tag: docxtpl removes it when rendering."""
    add_row(tbl, widths)[0].paragraphs[0].add_run(tag)


def info_table(
    doc: DocumentObject, rows: list[tuple[str, list[Run]]], texts: dict[str, str]
) -> None:
    widths = [4.5, 12.5]
    tbl = table(doc, widths, None, texts)
    for label, runs in rows:
        label_cell, value_cell = add_row(tbl, widths)
        cell_text(label_cell, [(label, "b")], texts)
        _shade(label_cell, LIGHT)
        cell_text(value_cell, runs, texts)


def actions_table(doc: DocumentObject, t: dict[str, str]) -> None:
    widths = [1.2, 12.3, 3.5]
    tbl = table(doc, widths, ["", t["action"], t["state"]], t)
    tag_row(tbl, widths, "{%tr for action in actions %}")
    box, text, state = add_row(tbl, widths)
    cell_text(box, [("{% if action.done %}\u2611{% else %}\u2610{% endif %}", "check")], t)
    box.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell_text(
        text,
        [
            ("{{ action.text }}", ""),
            ("{% if action.detail %} — ", ""),
            ("{{ action.detail }}", "b"),
            ("{% endif %}", ""),
        ],
        t,
    )
    cell_text(
        state,
        [
            ("{% if action.done %}", ""),
            (t["done"], "done"),
            ("{% else %}", ""),
            (t["pending"], "pending"),
            ("{% endif %}", ""),
            ("{% if not action.known %}", ""),
            (t["unknown"], "grey"),
            ("{% endif %}", ""),
        ],
        t,
    )
    tag_row(tbl, widths, "{%tr endfor %}")


def participants_table(doc: DocumentObject, t: dict[str, str]) -> None:
    widths = [5.5, 11.5]
    tbl = table(doc, widths, [t["role"], t["name"]], t)
    tag_row(tbl, widths, "{%tr for person in participants %}")
    role, name = add_row(tbl, widths)
    cell_text(role, [("{{ person.role }}", "b")], t)
    cell_text(name, value_or_blank("person.name"), t)
    tag_row(tbl, widths, "{%tr endfor %}")


def notes(doc: DocumentObject, t: dict[str, str], lines: int = 4) -> None:
    doc.add_heading(t["notes"], level=1)
    for _ in range(lines):
        para(doc, [(t["blank_line"], "grey")], t)


def new_document(t: dict[str, str], title: str, lead: str) -> DocumentObject:
    """A document with the styles, the header (logo, company) and footer, title and lead."""
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header_distance = Cm(0.8)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(_logo_png()), height=Cm(1.1))
    props = header._p.xpath(".//wp:docPr")[0]
    props.set("name", "logo")
    props.set("descr", "logo")
    header.add_run("\t\t{{ company }}").font.color.rgb = RGBColor.from_string(GREY)
    footer = section.footer.paragraphs[0]
    _run(footer, "{{ client.name }} · " + t["footer"], "grey", t)
    para(doc, [(title, "")], t, style="Title")
    para(doc, [('{{ client.name }} · {{ meeting_date | date("long") }}', "b")], t)
    para(doc, [(lead, "grey")], t)
    core = doc.core_properties
    core.title = title
    core.language = "{{ tr('templates.office_language') }}"
    core.author = "deckgen"
    core.created = core.modified = datetime(2026, 1, 1)
    core.revision = 1
    return doc


# ---------------------------------------------------------------- the three documents
def kickoff(t: dict[str, str]) -> DocumentObject:
    doc = new_document(t, t["kickoff_title"], t["kickoff_lead"])
    info_table(
        doc,
        [
            (t["client"], [("{{ client.name }}", "b")]),
            (t["record"], [("{{ client.company_id }}", "")]),
            (t["phase"], [("{{ client.phase }}", "")]),
            (t["date"], [('{{ meeting_date | date("long") }}', "")]),
        ],
        t,
    )
    doc.add_heading(t["participants"], level=1)
    participants_table(doc, t)
    doc.add_heading(t["kickoff_checklist"], level=1)
    para(doc, [(t["kickoff_hint"], "i")], t)
    widths = [1.2, 6.8, 9.0]
    tbl = table(doc, widths, ["#", t["item"], t["info"]], t)
    tag_row(tbl, widths, "{%tr for section in checklist %}")
    cells = add_row(tbl, widths)
    merged = cells[0].merge(cells[-1])
    cell_text(merged, [("{{ section.number }}. {{ section.title }}", "b")], t)
    _shade(merged, LIGHT)
    merged.paragraphs[0].paragraph_format.keep_with_next = True  # title stays with its items
    tag_row(tbl, widths, "{%tr for item in section.items %}")
    number, label, value = add_row(tbl, widths)
    cell_text(number, [("{{ section.number }}.{{ loop.index }}", "grey")], t)
    cell_text(label, [("{{ item.label }}", "")], t)
    cell_text(value, value_or_blank("item.value"), t)
    tag_row(tbl, widths, "{%tr endfor %}")
    tag_row(tbl, widths, "{%tr endfor %}")
    doc.add_heading(t["kickoff_actions"], level=1)
    actions_table(doc, t)
    notes(doc, t)
    return doc


def handoff(t: dict[str, str]) -> DocumentObject:
    doc = new_document(t, t["handoff_title"], t["handoff_lead"])
    info_table(
        doc,
        [
            (t["client"], [("{{ client.name }}", "b")]),
            (t["phase"], [("{{ client.phase }}", "")]),
            (t["go_live"], [("{{ client.go_live | date }}", "")]),
            (t["date"], [('{{ meeting_date | date("long") }}', "")]),
        ],
        t,
    )
    doc.add_heading(t["participants"], level=1)
    participants_table(doc, t)
    doc.add_heading(t["roles"], level=1)
    para(doc, [(t["roles_lead"] + " ", "b"), *value_or_blank("client.owner_cs")], t)
    widths = [3.5, 13.5]
    tbl = table(doc, widths, [t["area"], t["responsibilities"]], t)
    tag_row(tbl, widths, "{%tr for role in roles %}")
    area, duties = add_row(tbl, widths)
    cell_text(area, [("{{ role.area }}", "b")], t)
    cell_text(duties, [("{%p for duty in role.responsibilities %}", "")], t)
    duty = duties.add_paragraph(style="List Bullet")
    _run(duty, "{{ duty }}", "", t)
    duties.add_paragraph().add_run("{%p endfor %}")
    tag_row(tbl, widths, "{%tr endfor %}")
    doc.add_heading(t["recurrence"], level=1)
    para(
        doc,
        [
            (t["interval"], ""),
            ("{% if interval_days %}", ""),
            (t["every"], "b"),
            ("{{ interval_days | days }}", "b"),
            ("{% else %}", ""),
            ("", "blank"),
            ("{% endif %}", ""),
        ],
        t,
    )
    para(doc, [("{%p if next_meetings %}", "")], t)
    para(doc, [(t["next_dates"], "")], t)
    widths = [3.0, 14.0]
    tbl = table(doc, widths, [t["meeting"], t["planned"]], t)
    tag_row(tbl, widths, "{%tr for day in next_meetings %}")
    number, day = add_row(tbl, widths)
    cell_text(number, [("{{ loop.index }}", "")], t)
    cell_text(day, [('{{ day | date("long") }}', "")], t)
    tag_row(tbl, widths, "{%tr endfor %}")
    para(doc, [("{%p else %}", "")], t)
    para(doc, [(t["no_dates"], "i")], t)
    para(doc, [("{%p endif %}", "")], t)
    doc.add_heading(t["handoff_actions"], level=1)
    actions_table(doc, t)
    notes(doc, t)
    return doc


def review(t: dict[str, str]) -> DocumentObject:
    doc = new_document(t, t["review_title"], "")
    doc.paragraphs[-1]._p.getparent().remove(doc.paragraphs[-1]._p)  # no lead paragraph
    info_table(
        doc,
        [
            (t["client"], [("{{ client.name }}", "b")]),
            (
                t["period"],
                [("{{ period.start | date }}" + t["period_to"] + "{{ period.end | date }}", "")],
            ),
            (t["owner_cs"], [("{{ client.owner_cs }}", "")]),
            (t["participants"], [("", "blank")]),
            (t["next_meeting"], [("{{ next_meeting | date }}", "")]),
        ],
        t,
    )
    doc.add_heading(t["indicators"], level=1)
    widths = [4.6, 3.1, 3.1, 3.1, 3.1]
    tbl = table(doc, widths, [t["stream"], t["created"], t["prioritized"], t["sla"], t["open"]], t)
    tag_row(tbl, widths, "{%tr for stream in streams %}")
    cells = add_row(tbl, widths)
    for cell, expr in zip(
        cells,
        [
            "stream.key | term('stream')",
            "stream.created.value | number",
            "stream.prioritized_count.value | number",
            "stream.sla_compliance.value | percent",
            "stream.open_demands | length",
        ],
        strict=True,
    ):
        cell_text(cell, [(f"{{{{ {expr} }}}}", "b" if expr.startswith("stream.key") else "")], t)
        if not expr.startswith("stream.key"):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    tag_row(tbl, widths, "{%tr endfor %}")
    para(doc, [], t)
    para(
        doc,
        [
            (t["nps"], "b"),
            ("{% if nps.score.known %}", ""),
            ("{{ nps.score.value | number }}", "b"),
            (
                " ({{ nps.answers }}"
                + t["nps_answers"]
                + "{{ nps.promoters }}"
                + t["promoters"]
                + "{{ nps.passives }}"
                + t["passives"]
                + "{{ nps.detractors }}"
                + t["detractors"]
                + ")",
                "",
            ),
            ("{% else %}", ""),
            (t["no_nps"], "i"),
            ("{% endif %}", ""),
        ],
        t,
        style="List Bullet",
    )
    para(
        doc,
        [
            (t["csat"], "b"),
            ("{% if csat.count %}", ""),
            ("{{ csat.satisfied.value | percent }}", "b"),
            (
                t["csat_of"]
                + "{{ csat.count }}"
                + t["csat_answers"]
                + "{{ csat.mean.value | number(1) }})",
                "",
            ),
            ("{% else %}", ""),
            (t["no_csat"], "i"),
            ("{% endif %}", ""),
        ],
        t,
        style="List Bullet",
    )
    para(
        doc,
        [
            (t["open_demands"], "b"),
            ("{{ open_demands | length }}", ""),
            ("{% if open_hours %} · {{ open_hours | hours }}" + t["estimated"] + "{% endif %}", ""),
        ],
        t,
        style="List Bullet",
    )
    doc.add_heading(t["releases"], level=2)
    para(doc, [("{%p for release in releases %}", "")], t)
    para(
        doc,
        [
            ("{{ release.released_on | date }}", "b"),
            (" — {{ release.title }}", ""),
            ("{% if release.version %} ({{ release.version }}){% endif %}", ""),
        ],
        t,
        style="List Bullet",
    )
    para(doc, [("{%p endfor %}", "")], t)
    para(doc, [("{%p if not releases %}", "")], t)
    para(doc, [(t["no_releases"], "i")], t)
    para(doc, [("{%p endif %}", "")], t)

    doc.add_heading(t["feedback"], level=1)
    doc.add_heading(t["nps_comments"], level=2)
    para(doc, [("{%p for comment in nps.comments %}", "")], t)
    para(
        doc,
        [
            ("“{{ comment.text }}”", "i"),
            (
                " — " + t["score"] + "{{ comment.score }} ({{ comment.klass | term('nps') }})"
                "{% if comment.contact %}, {{ comment.contact }}{% endif %}",
                "grey",
            ),
        ],
        t,
        style="List Bullet",
    )
    para(doc, [("{%p endfor %}", "")], t)
    para(doc, [("{%p if not nps.comments %}", "")], t)
    para(doc, [(t["no_comments"], "i")], t)
    para(doc, [("{%p endif %}", "")], t)
    doc.add_heading(t["collected"], level=2)
    _prompts(doc, t, "feedback_prompts")

    doc.add_heading(t["opportunities"], level=1)
    para(doc, [(t["expansion"], "b"), *value_or_blank("expansion")], t, style="List Bullet")
    para(doc, [(t["second_wave"], "b"), *value_or_blank("second_wave")], t, style="List Bullet")
    _prompts(doc, t, "opportunity_prompts")

    doc.add_heading(t["plan"], level=1)
    widths = [8.0, 3.6, 2.6, 2.8]
    tbl = table(doc, widths, [t["action"], t["owner"], t["due"], t["state"]], t)
    tag_row(tbl, widths, "{%tr for action in actions %}")
    late = "{% if action.overdue and tr('minutes.overdue_word') not in (action.status or '') | lower %}"
    action, owner, due, state = add_row(tbl, widths)
    cell_text(action, [("{{ action.action }}", "")], t)
    cell_text(owner, [("{{ action.owner }}", "")], t)
    cell_text(due, [("{{ action.due_on | date }}", "")], t)
    cell_text(
        state,
        [
            ("{{ action.status }}", ""),
            (late, ""),
            (t["overdue"], "pending"),
            ("{% endif %}", ""),
        ],
        t,
    )
    tag_row(tbl, widths, "{%tr endfor %}")
    tag_row(tbl, widths, "{%tr for row in blank_rows %}")
    add_row(tbl, widths)
    tag_row(tbl, widths, "{%tr endfor %}")
    notes(doc, t)
    return doc


def _prompts(doc: DocumentObject, t: dict[str, str], name: str) -> None:
    para(doc, [(f"{{%p for prompt in {name} %}}", "")], t)
    para(doc, [("{{ prompt }}", "b")], t)
    para(doc, [(t["blank_line"], "grey")], t)
    para(doc, [("{%p endfor %}", "")], t)


BUILDERS: dict[str, Callable[[dict[str, str]], DocumentObject]] = {
    "ata-kickoff": kickoff,
    "ata-passagem": handoff,
    "ata-revisao": review,
}


def main(out_dir: Path = HERE) -> list[Path]:
    """Write templates/ata-*.docx: one design each, the wording fetched with ``tr('minutes.…')``."""
    assert set(TEXTS["pt-BR"]) == set(TEXTS["en"]), "string tables differ in keys"
    texts = {key: f"{{{{ tr('minutes.{key}') }}}}" for key in TEXTS["pt-BR"]}
    written = []
    for kind, builder in BUILDERS.items():
        path = out_dir / f"{kind}.docx"
        builder(texts).save(path)
        normalize_ooxml_zip(path)
        print(f"wrote {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    main()
