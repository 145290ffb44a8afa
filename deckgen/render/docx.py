"""Render a Word template (docxtpl) with a context: escaped, sandboxed, strict and deterministic."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from html import unescape
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from PIL import Image, UnidentifiedImageError

from deckgen.config import LimitSettings
from deckgen.errors import RenderError, TemplateError
from deckgen.io import atomic_write
from deckgen.locale import default_labels
from deckgen.reading import template_problem
from deckgen.render.jinja import (
    compile_template,
    make_environment,
    office_language,
    plain_wording,
    suggest_name,
)
from deckgen.render.limits import rendering_limits
from deckgen.render.output import normalize_ooxml_zip, strip_xml_illegal
from deckgen.render.properties import DocumentInfo
from deckgen.render.theme import recolored_theme

# Header pictures a render may fill, by name or description: the brand's logos, and "logo"
# (the vendor's, in the shipped minutes templates).
PICTURE_NAMES = ("vendor_logo", "client_logo", "logo")
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>deckgen</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
_STALE_PARTS = ("/word/stylesWithEffects.xml",)  # Word 2010's copy of styles.xml, never updated
_TAGS = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"\n<w:p([ >])")
_JINJA = re.compile(r"\{[{%](.*?)[}%]\}")


def _template_line(exc: jinja2.TemplateError) -> int | None:
    """The template line of a Jinja error: its own for syntax errors, else the traceback's."""
    line = getattr(exc, "lineno", None)
    if line:
        return int(line)
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def paragraph_text(xml_line: str) -> str:
    """The text of one line of a part's XML (one paragraph), cut to 80 characters."""
    text = " ".join(unescape(_TAGS.sub("", xml_line)).split())
    return text if len(text) <= 80 else text[:77] + "..."


_TEMPLATE_MAIN = b"wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = b"wordprocessingml.document.main+xml"


def word_source(path: Path) -> str | io.BytesIO:
    """What docxtpl opens for ``path``: the file, or for a Word template (.dotx) the same
    package with its main part typed as a document (as Word does on "save as .docx")."""
    try:
        with zipfile.ZipFile(path) as package:
            types = package.read("[Content_Types].xml")
            if _TEMPLATE_MAIN not in types:
                return str(path)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as converted:
                for info in package.infolist():
                    data = package.read(info)
                    if info.filename == "[Content_Types].xml":
                        data = data.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN)
                    converted.writestr(info, data)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return str(path)  # docxtpl says what is wrong with it
    out.seek(0)
    return out


class _Template(DocxTemplate):
    """docxtpl's template with errors that name the paragraph and XML-illegal text removed."""

    def __init__(self, path: Path, context: Mapping[str, Any], language: str) -> None:
        super().__init__(word_source(path))
        self.path = path
        self.names = context
        labels = context.get("labels")
        self.words: Mapping[str, str] = labels if labels is not None else default_labels(language)

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        src_xml = plain_wording(src_xml, self.words, xml=True)
        self.current_rendering_part = part
        assert jinja_env is not None
        try:
            dst_xml = compile_template(jinja_env, src_xml).render(context)
        except jinja2.TemplateError as exc:
            raise TemplateError(self._describe(exc, src_xml, part)) from None
        dst_xml = _PARAGRAPH.sub(r"<w:p\1", strip_xml_illegal(dst_xml))
        dst_xml = (
            dst_xml.replace("{_{", "{{")
            .replace("}_}", "}}")
            .replace("{_%", "{%")
            .replace("%_}", "%}")
        )
        return self.resolve_listing(dst_xml)

    def _describe(self, exc: jinja2.TemplateError, src_xml: str, part: Any) -> str:
        where = self.path.name
        partname = str(getattr(part, "partname", ""))
        if "header" in partname or "footer" in partname:
            where += f", {partname.rsplit('/', 1)[-1].removesuffix('.xml')}"
        line = _template_line(exc)
        lines = src_xml.splitlines()
        if line:
            paragraph = sum(1 for text in lines[:line] if text.startswith("<w:p"))
            text = paragraph_text(lines[line - 1]) if line <= len(lines) else ""
            where += f", paragraph {paragraph}"
            if text:
                where += f' "{text}"'
        message = exc.message or type(exc).__name__
        if isinstance(exc, jinja2.UndefinedError) and line and line <= len(lines):
            tags = " ".join(_JINJA.findall(unescape(_TAGS.sub("", lines[line - 1]))))
            hint = suggest_name(tags, self.names)
            if hint:
                message += f" (did you mean {hint!r}?)"
        return f"{where}: {message}"


def _png(logo: Path) -> bytes:
    problem = template_problem(logo)
    if problem is not None:
        raise RenderError(f"{logo}: {problem.replace('template', 'logo file')}")
    try:
        with Image.open(logo) as image:
            buffer = io.BytesIO()
            image.convert("RGBA").save(buffer, "PNG", optimize=False)
            return buffer.getvalue()
    except FileNotFoundError:
        raise RenderError(f"{logo}: logo file not found") from None
    except (UnidentifiedImageError, OSError):
        raise RenderError(f"{logo}: not a picture deckgen can read") from None


def _header_parts(tpl: DocxTemplate) -> list[Any]:
    """The rendered headers (docxtpl swaps each part in place)."""
    return [rel.target_part for rel in tpl.docx.part.rels.values()
            if not rel.is_external and rel.reltype == RT.HEADER]


def _fill_pictures(tpl: DocxTemplate, pictures: Mapping[str, Path | str | None]) -> None:
    """Each header picture named (or described) as a key of ``pictures`` shows that file,
    fitted in its box; a None value removes the picture."""
    images = {name: None if path is None else _png(Path(path))
              for name, path in pictures.items()}
    for part in _header_parts(tpl):
        for drawing in list(part.element.iter(qn("w:drawing"))):
            frame = next(drawing.iterchildren(qn("wp:inline"), qn("wp:anchor")), None)
            props = frame.find(qn("wp:docPr")) if frame is not None else None
            if frame is None or props is None:
                continue
            name = next((n for n in (props.get("name"), props.get("descr")) if n in images), None)
            blip = next(frame.iter(qn("a:blip")), None)
            if name is None or blip is None:
                continue
            old = blip.get(qn("r:embed"))
            data = images[name]
            if data is None:
                run = drawing.getparent()
                if run.tag == qn("w:r"):
                    run.getparent().remove(run)
                else:
                    run.remove(drawing)
            else:
                image_part = tpl.docx.part.package.get_or_add_image_part(io.BytesIO(data))
                r_id = part.relate_to(image_part, RT.IMAGE)
                blip.set(qn("r:embed"), r_id)
                _fit(frame, image_part.image.px_width, image_part.image.px_height)
                if old == r_id:
                    continue
            if old and not _refers(part.element, old):
                del part.rels[old]


def _refers(element: Any, r_id: str) -> bool:
    """Whether an attribute under ``element`` refers to the relationship ``r_id``."""
    prefix = "{" + qn("r:id").split("}")[0][1:] + "}"
    return any(value == r_id and name.startswith(prefix)
               for node in element.iter() for name, value in node.attrib.items())


def _fit(frame: Any, width: int, height: int) -> None:
    """The picture's extent shrunk to the image's aspect ratio, inside the template's box."""
    extent = frame.find(qn("wp:extent"))
    box_w, box_h = int(extent.get("cx")), int(extent.get("cy"))
    scale = min(box_w / width, box_h / height)
    cx, cy = str(int(width * scale)), str(int(height * scale))
    for ext in (extent, *(xfrm.find(qn("a:ext")) for xfrm in frame.iter(qn("a:xfrm")))):
        ext.set("cx", cx)
        ext.set("cy", cy)


def _recolor(tpl: DocxTemplate, colors: Mapping[str, str]) -> None:
    """The brand's colours (slot → ``RRGGBB``) in the document's theme."""
    for rel in tpl.docx.part.rels.values():
        if not rel.is_external and rel.reltype == RT.THEME:
            part = rel.target_part
            part._blob = recolored_theme(part.blob, colors)


def _office_hygiene(tpl: DocxTemplate) -> None:
    """Drop parts Word would not write today and say truthfully which program wrote the file
    (an ``app.xml`` that claims no counts rather than Word's stale "0 words")."""
    package = tpl.docx.part.package
    for rel in list(tpl.docx.part.rels.values()):
        if not rel.is_external and str(rel.target_part.partname) in _STALE_PARTS:
            tpl.docx.part.drop_rel(rel.rId)
    for rel in package.rels.values():
        if not rel.is_external and str(rel.target_part.partname) == "/docProps/app.xml":
            rel.target_part._blob = _APP_XML


def _set_language(tpl: DocxTemplate, tag: str) -> None:
    """The languages the styles and the body declare (``<w:lang w:val=…>``) become ``tag``."""
    for root in (tpl.docx.styles.element, tpl.docx.element):
        for lang in root.iter(qn("w:lang")):
            lang.set(qn("w:val"), tag)


def render_docx(
    template: Path,
    context: Mapping[str, Any],
    out: Path,
    *,
    language: str,
    currency: str = "BRL",
    pictures: Mapping[str, Path | str | None] | None = None,
    info: DocumentInfo | None = None,
    theme_colors: Mapping[str, str] | None = None,
    limits: LimitSettings | None = None,
) -> None:
    """Render ``template`` with ``context`` into ``out`` (atomically, byte-reproducibly).

    Values are escaped (data is never read as markup or as a template), unknown names are
    errors naming the template and paragraph. Each header picture named as a key of
    ``pictures`` shows that file (None: the picture is removed); ``info`` gives the document
    properties and ``theme_colors`` (slot → ``RRGGBB``) the theme's colours. Rendering stays
    within the template-engine ``limits`` (docs/security.md).
    """
    problem = template_problem(template)
    if problem is not None:
        raise RenderError(f"{template}: {problem}")
    try:
        tpl = _Template(template, context, language)
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same user error
        raise RenderError(f"{template}: not a Word document ({exc})") from None
    env = make_environment(language, currency, autoescape=True)
    with rendering_limits(limits):
        tpl.render(dict(context), jinja_env=env, autoescape=True)
    _set_language(tpl, office_language(language))
    _office_hygiene(tpl)
    if pictures:
        _fill_pictures(tpl, pictures)
    if theme_colors:
        _recolor(tpl, theme_colors)
    if info is not None:
        tpl.docx.core_properties  # noqa: B018 - made when the template has none

    def write(temp: Path) -> None:
        tpl.save(temp)
        normalize_ooxml_zip(temp, core=info.core_xml() if info is not None else None)

    atomic_write(out, write)
