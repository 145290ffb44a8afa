"""Build the default client kickoff decks, ``templates/kickoff.{pt-BR,en}.pptx``.

Run ``python templates/build_kickoff_template.py`` from the repository root. The decks use the
template syntax of docs/templates.md: Jinja tags in text, ``table: EXPR`` / ``image: EXPR``
shape names, and ``deckgen: if EXPR`` directives in the speaker notes. Edit the result in
PowerPoint as you like; rebuild only to start again from the defaults.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from deckgen.render.output import normalize_ooxml_zip  # noqa: E402

# The palette of the review deck (templates/build_review_template.py).
NAVY = RGBColor(0x0B, 0x3C, 0x5D)
TEAL = RGBColor(0x1F, 0xA2, 0xA6)
LIGHT = RGBColor(0xF3, 0xF5, 0xF7)
RULE = RGBColor(0xD9, 0xDE, 0xE3)
TEXT = RGBColor(0x2E, 0x3A, 0x45)
GREY = RGBColor(0x6B, 0x77, 0x85)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
FONT = "Calibri"
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)

TEXTS: dict[str, dict[str, str]] = {
    "pt-BR": {
        "kickoff": "KickOff",
        "cover_lead": "Início da implantação",
        "who": "Quem é quem",
        "who_lead": "As pessoas que acompanham {{ client.name }} em cada etapa",
        "role": "Papel",
        "name": "Nome",
        "does": "O que faz",
        "tbd": "a definir",
        "next": "Próximos passos",
        "meetings": "Reuniões de implantação",
        "meetings_lead": "Agendas em que o CS participa para conhecer a operação desde o início",
        "meeting": "Reunião",
        "date": "Data",
        "cs": "Participação do CS",
        "to_schedule": "a agendar",
        "recommended": "Recomendada",
        "optional": "Opcional",
        "onboarding": "Plano de onboarding",
        "onboarding_lead": "Revisão da configuração durante a implantação",
        "group": "Menu",
        "item": "Item a revisar",
        "check": "Revisado",
        "thanks": "Obrigado!",
        "contact": "Seu CS: {% if client.owner_cs %}{{ client.owner_cs }}"
        "{% else %}a definir{% endif %}",
        "page": "{{ company }} · KickOff {{ client.name }}",
    },
    "en": {
        "kickoff": "Kickoff",
        "cover_lead": "Implementation start",
        "who": "Who is who",
        "who_lead": "The people who follow {{ client.name }} at each step",
        "role": "Role",
        "name": "Name",
        "does": "What they do",
        "tbd": "to be defined",
        "next": "Next steps",
        "meetings": "Implementation meetings",
        "meetings_lead": "Meetings CS joins to know the operation from the start",
        "meeting": "Meeting",
        "date": "Date",
        "cs": "CS participation",
        "to_schedule": "to be scheduled",
        "recommended": "Recommended",
        "optional": "Optional",
        "onboarding": "Onboarding plan",
        "onboarding_lead": "Configuration review during the implementation",
        "group": "Menu",
        "item": "Item to review",
        "check": "Reviewed",
        "thanks": "Thank you!",
        "contact": "Your CS: {% if client.owner_cs %}{{ client.owner_cs }}"
        "{% else %}to be defined{% endif %}",
        "page": "{{ company }} · {{ client.name }} kickoff",
    },
}


def _logo_png() -> bytes:
    """The shared placeholder logo (drawn by the review template script), else a simple mark."""
    shared = HERE / "assets" / "logo.png"
    if shared.is_file():
        return shared.read_bytes()
    image = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 160, 160), radius=32, fill="#1F3B57")
    draw.rounded_rectangle((44, 44, 116, 116), radius=12, fill="#1A8C8C")
    draw.rectangle((190, 52, 470, 72), fill="#1F3B57")
    draw.rectangle((190, 92, 400, 108), fill="#1A8C8C")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _text(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    height: int,
    paragraphs: list[str],
    *,
    size: float = 18,
    color: RGBColor = TEXT,
    bold: bool = False,
    bullets: bool = False,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = 0
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.space_after = Pt(8 if bullets else 2)
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.name = FONT
        run.font.bold = bold
        run.font.color.rgb = color
        if bullets and not text.startswith("{%p"):
            ppr = paragraph._p.get_or_add_pPr()
            ppr.set("marL", str(Emu(Inches(0.35))))
            ppr.set("indent", str(-Emu(Inches(0.3))))
            bullet = ppr.makeelement(qn("a:buChar"), {"char": "•"})
            color_el = ppr.makeelement(qn("a:buClr"), {})
            color_el.append(color_el.makeelement(qn("a:srgbClr"), {"val": str(TEAL)}))
            ppr.append(color_el)
            ppr.append(bullet)


def _rect(slide: Slide, left: int, top: int, width: int, height: int, color: RGBColor) -> None:
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = color
    shape.line.fill.background()
    shape.shadow.inherit = False


def _frame(deck: PresentationObject, t: dict[str, str], title: str, lead: str | None) -> Slide:
    """A content slide laid out as the review deck's: kicker, title, lead, logo and footer."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _rect(slide, MARGIN, Inches(0.42), Inches(0.45), Inches(0.06), TEAL)
    _text(slide, MARGIN, Inches(0.5), Inches(9.5), Inches(0.32), [t["kickoff"]], size=12,
          color=TEAL, bold=True)
    _text(slide, MARGIN, Inches(0.8), Inches(10.2), Inches(0.62), [title], size=28, color=NAVY,
          bold=True)
    if lead:
        _text(slide, MARGIN, Inches(1.45), Inches(12), Inches(0.42), [lead], size=15, color=GREY)
    logo = slide.shapes.add_picture(io.BytesIO(_logo_png()), 0, Inches(0.45), height=Inches(0.36))
    logo.left = WIDTH - MARGIN - logo.width
    logo.name = "image: logo"
    line = slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT, MARGIN, Inches(6.98), WIDTH - MARGIN, Inches(6.98)
    )
    line.line.color.rgb = RULE
    line.line.width = Pt(0.75)
    _text(slide, MARGIN, Inches(7.04), Inches(10), Inches(0.3), [t["page"]], size=10, color=GREY)
    return slide


def _table(
    slide: Slide,
    name: str,
    headers: list[str],
    cells: list[str],
    widths: list[float],
    top: float = 2.0,
    height: float = 4.7,
) -> None:
    """A two-row bound table: header row and the row template (see docs/templates.md §4)."""
    shape = slide.shapes.add_table(
        2, len(headers), MARGIN, Inches(top), Inches(sum(widths)), Inches(height)
    )
    shape.name = name
    table = shape.table
    table.first_row = True
    table.horz_banding = False
    for index, width in enumerate(widths):
        table.columns[index].width = Inches(width)
    table.rows[0].height = Inches(0.5)
    table.rows[1].height = Inches(0.42)
    shape.height = Inches(height)  # the box rows may fill (row heights shrink it)
    for row_index, texts in enumerate((headers, cells)):
        for col, text in enumerate(texts):
            cell = table.cell(row_index, col)
            cell.fill.solid()
            cell.fill.fore_color.rgb = NAVY if row_index == 0 else (LIGHT if col == 0 else WHITE)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.margin_left = cell.margin_right = Inches(0.12)
            frame = cell.text_frame
            frame.word_wrap = True
            run = frame.paragraphs[0].add_run()
            run.text = text
            run.font.name = FONT
            run.font.size = Pt(15 if row_index == 0 else 14)
            run.font.bold = row_index == 0 or col == 0
            run.font.color.rgb = WHITE if row_index == 0 else TEXT


def _notes(slide: Slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _cover(deck: PresentationObject, t: dict[str, str]) -> None:
    """White cover as the review deck's: logo, kicker, client name, accent rule, date."""
    cover = deck.slides.add_slide(deck.slide_layouts[6])
    _rect(cover, WIDTH - Inches(4.2), 0, Inches(4.2), HEIGHT, NAVY)
    _rect(cover, WIDTH - Inches(4.2), 0, Inches(0.12), HEIGHT, TEAL)
    logo = cover.shapes.add_picture(io.BytesIO(_logo_png()), Inches(0.8), Inches(0.75),
                                    height=Inches(0.55))
    logo.name = "image: logo"
    _text(cover, Inches(0.8), Inches(2.3), Inches(7.3), Inches(0.4), [t["cover_lead"]], size=14,
          color=TEAL, bold=True)
    _text(cover, Inches(0.8), Inches(2.75), Inches(7.6), Inches(1.7), ["{{ client.name }}"],
          size=40, color=NAVY, bold=True)
    _rect(cover, Inches(0.8), Inches(4.6), Inches(1.2), Inches(0.05), TEAL)
    _text(cover, Inches(0.8), Inches(4.85), Inches(7.4), Inches(1.0),
          [t["kickoff"] + ' · {{ meeting_date | date("long") }}', "{{ company }}"], size=18,
          color=TEXT)


def _closing(deck: PresentationObject, t: dict[str, str]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _rect(slide, 0, 0, WIDTH, HEIGHT, NAVY)
    _rect(slide, 0, HEIGHT - Inches(0.12), WIDTH, Inches(0.12), TEAL)
    _text(slide, Inches(0.9), Inches(2.2), Inches(11), Inches(1.3), [t["thanks"]], size=54,
          color=WHITE, bold=True, anchor=MSO_ANCHOR.BOTTOM)
    _rect(slide, Inches(0.9), Inches(3.75), Inches(1.2), Inches(0.05), TEAL)
    _text(slide, Inches(0.9), Inches(4.0), Inches(9), Inches(1.0), [t["contact"]], size=20,
          color=WHITE)


def build_deck(t: dict[str, str]) -> PresentationObject:
    """Cover, who is who, next steps, implementation meetings, onboarding plan, closing."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    _cover(deck, t)

    who = _frame(deck, t, t["who"], t["who_lead"])
    name = "{% if row.name %}{{ row.name }}{% else %}" + t["tbd"] + "{% endif %}"
    _table(who, "table: people", [t["role"], t["name"], t["does"]],
           ["{{ row.role }}", name, "{{ row.description }}"], [3.4, 3.0, 5.73])

    steps = _frame(deck, t, t["next"], None)
    _text(steps, MARGIN, Inches(1.7), Inches(12), Inches(5.0),
          ["{%p for step in next_steps %}", "{{ step }}", "{%p endfor %}"], size=20, bullets=True)
    _notes(steps, "deckgen: if next_steps")

    meetings = _frame(deck, t, t["meetings"], t["meetings_lead"])
    day = '{% if row.day %}{{ row.day | date("long") }}{% else %}'
    day += t["to_schedule"] + "{% endif %}"
    joins = "{% if row.with_cs %}" + t["recommended"] + "{% else %}" + t["optional"] + "{% endif %}"
    _table(meetings, "table: meetings", [t["meeting"], t["date"], t["cs"]],
           ["{{ row.title }}", day, joins], [5.93, 3.6, 2.6])
    _notes(meetings, "deckgen: if meetings")

    onboarding = _frame(deck, t, t["onboarding"], t["onboarding_lead"])
    _table(onboarding, "table: onboarding", [t["group"], t["item"], t["check"]],
           ["{{ row.group }}", "{{ row.item }}", "\u2610"], [4.2, 6.43, 1.5], height=4.7)
    _notes(onboarding, "deckgen: if onboarding")

    _closing(deck, t)
    return deck


def main(out_dir: Path = HERE) -> Path:
    """Write templates/kickoff.pptx: one design, its wording fetched with ``tr('kickoff.…')``."""
    assert set(TEXTS["pt-BR"]) == set(TEXTS["en"]), "string tables differ in keys"
    path = out_dir / "kickoff.pptx"
    deck = build_deck({key: f"{{{{ tr('kickoff.{key}') }}}}" for key in TEXTS["pt-BR"]})
    deck.core_properties.title = "deckgen kickoff template"
    deck.core_properties.author = "deckgen"
    deck.save(str(path))
    normalize_ooxml_zip(path)
    print(f"wrote {path}")
    return path


if __name__ == "__main__":
    main()
