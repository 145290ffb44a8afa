"""Branding: logos from the workspace, pictures on slides, layouts, masters and Word headers,
theme colours and document properties, read back from the written files."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Cm
from lxml import etree
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.util import Inches
from pptx_builder import TemplateBuilder

from deckgen.config import Config
from deckgen.errors import ConfigError
from deckgen.pipelines.template_kinds import review_roots
from deckgen.render.brand import Brand, brand_for
from deckgen.render.docx import render_docx
from deckgen.render.pptx import render_pptx
from deckgen.render.pptx.check import check_template
from deckgen.render.properties import DocumentInfo
from deckgen.render.xlsx import Sheet, write_workbook

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
INFO = DocumentInfo(
    title="Revisão de resultados — Acme Ltda — 18/08/2026 – 15/11/2026",
    author="Lucas Monteiro", subject="Revisão de resultados de Acme Ltda, por Vendor",
    keywords=("Vendor", "Acme Ltda"), language="pt-BR",
    created=datetime(2026, 11, 20, tzinfo=UTC),
)


def _png(path: Path, colour: str, size: tuple[int, int] = (80, 40)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)
    return path


def _config(tmp_path: Path, **brand: Any) -> Config:
    return Config.model_validate({
        "company": {"name": "Vendor"}, "brand": brand, "data_dir": tmp_path,
        "streams": [{"key": "support", "label": "Suporte", "role": "support",
                     "match": ["Suporte"]}],
    })


def _pixel(blob: bytes) -> tuple[int, ...]:
    return Image.open(io.BytesIO(blob)).convert("RGB").getpixel((1, 1))


# -- configuration and logos -----------------------------------------------------------------


@pytest.mark.parametrize(("colors", "message"), [
    ({"primry": "#112233"}, "unknown colour 'primry'"),
    ({"primary": "red"}, "primary = 'red' is not a colour"),
    ({"primary": "#112233", "accent1": "#445566"},
     "accent1 and primary both set the theme colour accent1"),
])
def test_bad_colours_are_one_line_errors(
    tmp_path: Path, colors: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        _config(tmp_path, colors=colors)


def test_colour_names_map_to_theme_slots(tmp_path: Path) -> None:
    config = _config(tmp_path, colors={"primary": "#0b6e4f", "accent3": "#F2A541"})
    assert config.brand.theme_colors() == {"accent1": "0B6E4F", "accent3": "F2A541"}


def test_company_logo_points_to_its_new_place(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"logo moved to \[brand\] logo"):
        Config.model_validate({"company": {"name": "V", "logo": "x.png"}, "data_dir": tmp_path,
                               "streams": [{"key": "s", "label": "S", "role": "support",
                                            "match": ["S"]}]})


def test_brand_of_a_client_finds_logos_by_record_id_or_slug(tmp_path: Path) -> None:
    _png(tmp_path / "brand" / "logo.png", "navy")
    _png(tmp_path / "logos" / "123.PNG", "green")
    _png(tmp_path / "logos" / "acme-ltda.jpg", "red")
    config = _config(tmp_path, logo="brand/logo.png", client_logos="logos",
                     colors={"primary": "#0B6E4F"})
    by_id = brand_for(config, "123", "Someone Else")
    assert by_id.vendor == "Vendor" and by_id.colors == {"primary": "#0B6E4F"}
    assert by_id.vendor_logo and _pixel(Path(by_id.vendor_logo).read_bytes()) == (0, 0, 128)
    assert by_id.client_logo and _pixel(Path(by_id.client_logo).read_bytes()) == (0, 128, 0)
    by_slug = brand_for(config, "999", "Acme Ltda.")
    assert by_slug.client_logo and by_slug.client_logo.endswith(".jpg")
    assert brand_for(config, "999", "Nobody").client_logo is None
    assert brand_for(config).client_logo is None  # the portfolio: no client


def test_svg_logo_is_drawn_as_png(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
        '<rect width="200" height="100" fill="#E4572E"/></svg>', encoding="utf-8")
    brand = brand_for(_config(tmp_path, logo="logo.svg"))
    assert brand.vendor_logo is not None and brand.vendor_logo.endswith(".png")
    with Image.open(brand.vendor_logo) as image:
        assert image.format == "PNG" and image.size[0] == 2 * image.size[1]
        assert image.convert("RGB").getpixel((5, 5)) == (0xE4, 0x57, 0x2E)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("logo.gif", None, "a GIF picture; export the logo as PNG or JPEG"),
    ("logo.png", b"not a picture", "not a picture deckgen can read"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/x.png"/></svg>',
     "the SVG refers to another file"),
    ("missing.png", None, "cannot read the logo: no such file"),
])
def test_unusable_logo_is_one_line_naming_the_file(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    if name.endswith(".gif"):
        Image.new("RGB", (10, 10)).save(tmp_path / name)
    elif content is not None:
        (tmp_path / name).write_bytes(content)
    with pytest.raises(ConfigError) as error:
        brand_for(_config(tmp_path, logo=name))
    assert str(error.value).startswith(str(tmp_path / name)) and message in str(error.value)
    assert "\n" not in str(error.value)


def test_oversized_logo_is_refused_under_the_image_cap(tmp_path: Path) -> None:
    _png(tmp_path / "big.png", "red", (400, 400))
    config = Config.model_validate({**_config(tmp_path, logo="big.png").model_dump(),
                                    "limits": {"image_mb": 0.0001}})
    with pytest.raises(ConfigError, match="over the limit"):
        brand_for(config)


# -- PowerPoint ------------------------------------------------------------------------------


def _move_to(part: Any, picture: Any) -> None:
    """Move a slide picture onto a layout or master part (python-pptx adds none there)."""
    slide_part = picture.part
    blip = picture._element.find(f".//{A}blip")
    old = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    image_part = slide_part.related_part(old)
    slide_part.rels.pop(old)
    r_id = part.relate_to(image_part, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                      "relationships/image")
    blip.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed", r_id)
    part._element.find(f"{P}cSld/{P}spTree").append(picture._element)


def _branded_template(tmp_path: Path) -> Path:
    builder = TemplateBuilder()
    slide = builder.slide()
    builder.text(slide, "Title", "{{ brand.vendor }}")
    builder.picture(slide, "image: brand.client_logo", _png(tmp_path / "c.png", "gray"))
    layout_pic = slide.shapes.add_picture(str(_png(tmp_path / "l.png", "yellow")),
                                          Inches(1), Inches(4), Inches(2), Inches(1))
    layout_pic.name = "image: brand.vendor_logo"
    master_pic = slide.shapes.add_picture(str(_png(tmp_path / "m.png", "purple")),
                                          Inches(4), Inches(4), Inches(2), Inches(1))
    master_pic.name = "image: brand.client_logo"
    _move_to(builder.blank.part, layout_pic)
    _move_to(builder.blank.slide_master.part, master_pic)
    return builder.save(tmp_path / "branded.pptx")


def _layout_and_master_pictures(deck: Path) -> tuple[list[Any], list[Any]]:
    prs = Presentation(str(deck))
    layout = prs.slides[0].slide_layout
    pictures = [s for s in layout.shapes if s.shape_type == 13]
    master = [s for s in layout.slide_master.shapes if s.shape_type == 13]
    return pictures, master


def test_logo_bindings_fill_or_remove_pictures_on_slides_layouts_and_masters(
    tmp_path: Path,
) -> None:
    template = _branded_template(tmp_path)
    vendor = _png(tmp_path / "vendor.png", "blue", (60, 60))
    client = _png(tmp_path / "client.png", "red", (60, 60))
    both, none = tmp_path / "both.pptx", tmp_path / "none.pptx"
    render_pptx(template, {"brand": Brand("Vendor", str(vendor), str(client))}, both)
    render_pptx(template, {"brand": Brand("Vendor")}, none)
    again = tmp_path / "again.pptx"
    render_pptx(template, {"brand": Brand("Vendor", str(vendor), str(client))}, again)

    slide_pictures = [s for s in Presentation(str(both)).slides[0].shapes if s.shape_type == 13]
    assert [_pixel(p.image.blob) for p in slide_pictures] == [(255, 0, 0)]
    layout, master = _layout_and_master_pictures(both)
    assert [_pixel(p.image.blob) for p in layout] == [(0, 0, 255)]
    assert [_pixel(p.image.blob) for p in master] == [(255, 0, 0)]
    assert layout[0].width == layout[0].height == Inches(1)  # fitted in its 2 × 1 in box

    assert [s for s in Presentation(str(none)).slides[0].shapes if s.shape_type == 13] == []
    assert _layout_and_master_pictures(none) == ([], [])
    with zipfile.ZipFile(none) as package:  # no picture left behind in the package
        assert [n for n in package.namelist() if n.startswith("ppt/media/")] == []
    assert again.read_bytes() == both.read_bytes()  # the cached template stayed as it was


def test_layout_binding_errors_name_the_layout(tmp_path: Path) -> None:
    template = _branded_template(tmp_path)
    with pytest.raises(Exception, match=r"branded.pptx, layout 'Blank', shape 'image: brand"):
        render_pptx(template, {"brand": Brand("V", str(tmp_path / "nowhere.png"))},
                    tmp_path / "out.pptx")


def test_template_check_lists_the_pictures_of_layouts_and_masters(tmp_path: Path) -> None:
    places = check_template(_branded_template(tmp_path), review_roots())
    found = {p.where: [(u.kind, u.text, u.provided) for u in p.usages] for p in places}
    assert found["layout 'Blank'"] == [("image", "brand.vendor_logo", True)]
    assert [("image", "brand.client_logo", True)] in [
        usages for where, usages in found.items() if where.startswith("master")]
    unknown = check_template(_branded_template(tmp_path), {"labels": object})
    assert [(p.where, u.text) for p in unknown for u in p.usages
            if u.kind == "image" and not u.provided][1:] == [
        ("master 'slideMaster1.xml'", "brand.client_logo"), ("layout 'Blank'", "brand.vendor_logo")]


def _theme_colour(package_path: Path, member: str, slot: str) -> str | None:
    with zipfile.ZipFile(package_path) as package:
        root = etree.fromstring(package.read(member))
    entry = root.find(f".//{A}clrScheme/{A}{slot}")
    colour = entry.find(f"{A}srgbClr") if entry is not None else None
    return colour.get("val") if colour is not None else None


def test_brand_colours_go_into_the_deck_theme_per_render(tmp_path: Path) -> None:
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Title", "x")
    template = builder.save(tmp_path / "t.pptx")
    plain_before = _theme_colour(template, "ppt/theme/theme1.xml", "accent1")
    branded, plain = tmp_path / "branded.pptx", tmp_path / "plain.pptx"
    render_pptx(template, {}, branded, theme_colors={"accent1": "0B6E4F", "dk2": "102030"})
    render_pptx(template, {}, plain)
    assert _theme_colour(branded, "ppt/theme/theme1.xml", "accent1") == "0B6E4F"
    assert _theme_colour(branded, "ppt/theme/theme1.xml", "dk2") == "102030"
    assert _theme_colour(plain, "ppt/theme/theme1.xml", "accent1") == plain_before


def _assert_properties(core: Any) -> None:
    assert core.title == INFO.title
    assert core.author == core.last_modified_by == "Lucas Monteiro"
    assert core.subject == INFO.subject
    assert core.keywords == "Vendor, Acme Ltda"
    assert core.created.replace(tzinfo=None) == core.modified.replace(tzinfo=None) == \
        datetime(2026, 11, 20)


def test_deck_properties_come_from_the_document_info(tmp_path: Path) -> None:
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Title", "x")
    builder.prs.core_properties.title = "deckgen review template"
    template = builder.save(tmp_path / "t.pptx")
    out = tmp_path / "deck.pptx"
    render_pptx(template, {}, out, info=INFO)
    _assert_properties(Presentation(str(out)).core_properties)
    with zipfile.ZipFile(out) as package:
        assert b"deckgen review template" not in package.read("docProps/core.xml")


def test_workbook_properties_come_from_the_document_info(tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    write_workbook([Sheet("Resumo", ["a"], [[1]])], out, "pt-BR", info=INFO)
    props = load_workbook(out).properties
    assert props.title == INFO.title and props.creator == props.lastModifiedBy == INFO.author
    assert props.subject == INFO.subject and props.created == datetime(2026, 11, 20)


# -- Word ------------------------------------------------------------------------------------


def _word_template(tmp_path: Path) -> Path:
    document = Document()
    header = document.sections[0].header.paragraphs[0]
    for name in ("vendor_logo", "client_logo"):
        picture = io.BytesIO()
        Image.new("RGB", (200, 100), "gray").save(picture, "PNG")
        run = header.add_run()
        run.add_picture(picture, width=Cm(4), height=Cm(2))
        run._r.xpath(".//wp:docPr")[0].set("name", name)
    document.add_paragraph("{{ brand.vendor }}")
    document.core_properties.title = "deckgen minutes template"
    path = tmp_path / "ata.docx"
    document.save(str(path))
    return path


def test_word_header_logos_are_replaced_or_removed_and_properties_set(tmp_path: Path) -> None:
    template = _word_template(tmp_path)
    vendor = _png(tmp_path / "vendor.png", "blue", (100, 100))
    out = tmp_path / "out.docx"
    render_docx(template, {"brand": Brand("Vendor", str(vendor))}, out, language="pt-BR",
                pictures={"vendor_logo": vendor, "client_logo": None}, info=INFO,
                theme_colors={"accent1": "0B6E4F"})
    document = Document(str(out))
    header = document.sections[0].header
    blips = header._element.xpath(".//a:blip/@r:embed")
    assert len(blips) == 1  # the client's picture is gone
    assert _pixel(header.part.related_parts[blips[0]].blob) == (0, 0, 255)
    extent = header._element.xpath(".//wp:extent")[0]
    assert int(extent.get("cx")) == int(extent.get("cy")) == 720000  # square in a 4 × 2 cm box
    _assert_properties(document.core_properties)
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        theme = next(n for n in package.namelist() if n.startswith("word/theme/"))
    assert len(media) == 1
    assert _theme_colour(out, theme, "accent1") == "0B6E4F"
