"""The three minutes as Office files: schema element order, no stale parts, truthful app.xml,
page numbers, the client in the title, a question kept with its answer lines."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from deckgen.model.review import Comment
from deckgen.pipelines.handoff import write_handoff
from deckgen.pipelines.kickoff import write_kickoff
from deckgen.pipelines.minutes import collapse_comments, write_minutes
from deckgen.sources.workspace import Workspace
from documents.samples import TODAY, review_period

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# ECMA-376 Part 1 sequences (CT_TblPr, CT_TrPr is a choice, CT_TcPr, CT_PPrBase, CT_RPr),
# the children deckgen's templates use, in schema order.
SEQUENCES = {
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"],
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
            "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
            "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
            "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
            "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
            "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
            "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
            "eastAsianLayout", "specVanish", "oMath"],
}


def _order_errors(xml: bytes, part: str) -> list[str]:
    errors = []
    for element in etree.fromstring(xml).iter():
        name = etree.QName(element).localname
        order = SEQUENCES.get(name)
        if order is None or etree.QName(element).namespace != W[1:-1]:
            continue
        kids = [etree.QName(k).localname for k in element]
        known = [order.index(k) for k in kids if k in order]
        unknown = [k for k in kids if k not in order]
        if known != sorted(known) or unknown:
            errors.append(f"{part}: <w:{name}> children {kids}")
    return errors


def _minutes(workspace: Workspace, out: Path) -> dict[str, Path]:
    start, end = review_period("gcertifica")
    return {
        "kickoff": write_kickoff(workspace, "Horizonte", out, today=TODAY),
        "handoff": write_handoff(workspace, "Horizonte", out, today=TODAY),
        "review": write_minutes(workspace, "Horizonte", out, today=TODAY, start=start,
                                end=end).docx,
    }


@pytest.fixture(scope="module")
def minutes(gcertifica: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _minutes(gcertifica, tmp_path_factory.mktemp("minutes"))


KINDS = ["kickoff", "handoff", "review"]


@pytest.mark.parametrize("kind", KINDS)
def test_schema_order_of_every_part(minutes: dict[str, Path], kind: str) -> None:
    with zipfile.ZipFile(minutes[kind]) as z:
        parts = [n for n in z.namelist() if re.fullmatch(r"word/(document|header\d|footer\d|"
                                                          r"styles|numbering)\.xml", n)]
        errors = [e for n in parts for e in _order_errors(z.read(n), n)]
    assert len(parts) >= 4
    assert errors == []


def test_order_check_can_fail() -> None:
    xml = (f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr><w:tblLook/><w:tblBorders/></w:tblPr></w:tbl>')
    assert _order_errors(xml.encode(), "x") == ["x: <w:tblPr> children ['tblLook', 'tblBorders']"]


@pytest.mark.parametrize("kind", KINDS)
def test_no_stale_parts_and_truthful_app_xml(minutes: dict[str, Path], kind: str) -> None:
    with zipfile.ZipFile(minutes[kind]) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert not [n for n in names if "stylesWithEffects" in n]
    assert "stylesWithEffects" not in types + rels
    assert "<Application>deckgen</Application>" in app
    assert "Word" not in app and "<Words>" not in app


@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers_client_title_and_keep_with_next(minutes: dict[str, Path], kind: str) -> None:
    with zipfile.ZipFile(minutes[kind]) as z:
        footer = z.read("word/footer1.xml").decode()
        header = z.read("word/header1.xml").decode()
        body = etree.fromstring(z.read("word/document.xml"))
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "Construtora Horizonte Azul" in header
    assert 'name="vendor_logo"' in header
    paragraphs = list(body.iter(f"{W}p"))
    title = "".join(t.text or "" for t in paragraphs[0].iter(f"{W}t"))
    assert title.endswith("— Construtora Horizonte Azul S.A.")
    headings = [p for p in paragraphs if p.find(f"{W}pPr/{W}pStyle") is not None
                and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val").startswith("Heading")]
    assert headings and all(p.find(f"{W}pPr/{W}keepNext") is not None for p in headings)
    rows = list(body.iter(f"{W}tr"))
    assert rows and all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)


def test_feedback_prompt_keeps_with_its_answer_line(minutes: dict[str, Path]) -> None:
    with zipfile.ZipFile(minutes["review"]) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    paragraphs = list(body.iter(f"{W}p"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
    prompts = [i for i, t in enumerate(texts) if t.endswith("?")]
    assert prompts
    for i in prompts:
        assert paragraphs[i].find(f"{W}pPr/{W}keepNext") is not None, texts[i]
        assert texts[i + 1].startswith("____")


def test_no_raw_property_names(minutes: dict[str, Path]) -> None:
    text = " ".join(zipfile.ZipFile(p).read("word/document.xml").decode()
                    for p in minutes.values())
    assert "[CS]" not in text and "registrado no HubSpot" not in text


def test_identical_comments_collapse_with_a_count() -> None:
    from datetime import datetime

    day = datetime(2026, 11, 1)
    comments = [Comment("Ótimo  suporte", 9, "promoter", day, "Ana"),
                Comment("ótimo suporte", 10, "promoter", day, "Rui"),
                Comment("Lento", 3, "detractor", day)]
    groups = collapse_comments(comments)
    assert [(g.text, g.scores, g.contact, g.count) for g in groups] == [
        ("Ótimo suporte", "9, 10", None, 2), ("Lento", "3", None, 1)]


@pytest.mark.parametrize(("kind", "title"), [
    ("kickoff", "Ata do kickoff interno — Construtora Horizonte Azul S.A. — 20/11/2026"),
    ("handoff", "Ata da passagem de bastão — Construtora Horizonte Azul S.A. — 20/11/2026"),
    ("review", "Ata da reunião de revisão — Construtora Horizonte Azul S.A. — "
               "18/08/2026 – 15/11/2026"),
])
def test_document_properties(minutes: dict[str, Path], kind: str, title: str) -> None:
    core = Document(str(minutes[kind])).core_properties
    assert (core.title, core.author, core.language) == (title, "Mariana Teixeira", "pt-BR")
    assert core.subject
