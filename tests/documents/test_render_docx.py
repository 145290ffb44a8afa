"""The Word engine: escaping, data never evaluated, errors that point at the paragraph, logo."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image

from deckgen.errors import RenderError, TemplateError
from deckgen.render.docx import render_docx
from documents.readback import all_text


def template(tmp_path: Path, *paragraphs: str, logo: bool = False) -> Path:
    document = Document()
    if logo:
        picture = io.BytesIO()
        Image.new("RGB", (200, 100), "navy").save(picture, "PNG")
        run = document.sections[0].header.paragraphs[0].add_run()
        run.add_picture(picture, height=Cm(1))
        run._r.xpath(".//wp:docPr")[0].set("descr", "logo")
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "modelo.docx"
    document.save(str(path))
    return path


def test_data_is_escaped_and_never_evaluated(tmp_path: Path) -> None:
    path = template(tmp_path, "Cliente: {{ name }}", "Nota: {{ note }}")
    out = tmp_path / "out.docx"
    render_docx(path, {"name": "A & B <Ltda> \"x\" 'y'", "note": "{{ 7*7 }} {% if 1 %}"}, out,
                language="pt-BR")
    text = all_text(out)
    assert "Cliente: A & B <Ltda> \"x\" 'y'" in text
    assert "Nota: {{ 7*7 }} {% if 1 %}" in text


def test_xml_illegal_characters_are_dropped(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    render_docx(template(tmp_path, "{{ value }}"), {"value": "a\x00b\x07c\x0cd\ufffee"}, out,
                language="pt-BR")
    assert "abcde" in all_text(out)


def test_missing_value_and_filters(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    render_docx(template(tmp_path, "{{ a }} · {{ b | number(1) }} · {{ c | percent }}"),
                {"a": None, "b": 1234.56, "c": 87.5}, out, language="pt-BR")
    assert "— · 1.234,6 · 87,5%" in all_text(out)


def test_unknown_name_names_template_paragraph_and_suggestion(tmp_path: Path) -> None:
    path = template(tmp_path, "Primeiro", "Olá {{ client.nme }}")
    with pytest.raises(TemplateError) as caught:
        render_docx(path, {"client": {"name": "Acme"}}, tmp_path / "out.docx", language="pt-BR")
    message = str(caught.value)
    assert message.startswith('modelo.docx, paragraph 2 "Olá {{ client.nme }}": ')
    assert "nme" in message and "did you mean 'client.name'?" in message
    assert not (tmp_path / "out.docx").exists()


def test_syntax_error_names_the_paragraph(tmp_path: Path) -> None:
    path = template(tmp_path, "{% if x %}sem fim")
    with pytest.raises(TemplateError, match=r'^modelo.docx, paragraph 1 "\{% if x %\}sem fim": '):
        render_docx(path, {"x": 1}, tmp_path / "out.docx", language="pt-BR")


def test_missing_or_broken_template(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="template not found"):
        render_docx(tmp_path / "nope.docx", {}, tmp_path / "out.docx", language="pt-BR")
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    with pytest.raises(RenderError, match="broken.docx: not a Word document"):
        render_docx(broken, {}, tmp_path / "out.docx", language="pt-BR")


def test_logo_is_replaced_and_fitted(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ a }}", logo=True)
    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (300, 300), "red").save(logo)
    out = tmp_path / "out.docx"
    render_docx(path, {"a": 1}, out, language="pt-BR", pictures={"logo": logo})
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        image = Image.open(io.BytesIO(package.read(media[0])))
        header = package.read("word/header1.xml").decode()
    red, green, blue = image.getpixel((5, 5))[:3]
    assert image.size == (300, 300) and red > 240 and green < 16 and blue < 16  # JPEG → PNG
    cx, cy = (int(v) for v in header.split("<wp:extent ")[1].split('"')[1::2][:2])
    assert cx == cy == 360000  # the 2 cm × 1 cm box, square logo: 1 cm × 1 cm


def test_output_is_byte_identical(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ a }}")
    render_docx(path, {"a": "x"}, tmp_path / "one.docx", language="pt-BR")
    render_docx(path, {"a": "x"}, tmp_path / "two.docx", language="pt-BR")
    assert (tmp_path / "one.docx").read_bytes() == (tmp_path / "two.docx").read_bytes()


def test_wording_comes_from_the_labels_escaped_once(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ tr('minutes.title') }}", "{{ tr('minutes.lead') }}")
    labels = {"minutes.title": "P&D <ata>", "minutes.lead": "Cliente: {{ name }}"}
    out = tmp_path / "out.docx"
    render_docx(path, {"labels": labels, "name": "A & B"}, out, language="pt-BR")
    text = all_text(out)
    assert "P&D <ata>\nCliente: A & B" in text


def test_the_declared_language_follows_the_document(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ a }}")
    for language, tag in (("pt-BR", "pt-BR"), ("en", "en-US")):
        out = tmp_path / f"{language}.docx"
        render_docx(path, {"a": 1}, out, language=language)
        with zipfile.ZipFile(out) as package:
            styles = package.read("word/styles.xml").decode()
        assert f'w:val="{tag}"' in styles.split("<w:lang ")[1].split("/>")[0]
