"""A rendered Word document as clean, simple HTML for a HubSpot note body (escaped, whitelisted)."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from deckgen.errors import RenderError
from deckgen.render.output import strip_xml_illegal

NOTE_LIMIT = 65_536  # HubSpot's hs_note_body limit, in characters
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "ul", "li", "table", "tr", "td", "th", "strong", "em", "br"}
)
_HEADINGS = {"Title": "h2", "Heading 1": "h2", "Heading 2": "h3", "Heading 3": "h3"}
_VOID = frozenset({"br"})


def _runs(paragraph: Paragraph) -> str:
    """The paragraph's text, escaped, with bold and italic stretches marked."""
    spans: list[tuple[bool, bool, str]] = []
    for run in paragraph.runs:
        bold, italic = bool(run.bold), bool(run.italic)
        if spans and spans[-1][:2] == (bold, italic):
            spans[-1] = (bold, italic, spans[-1][2] + run.text)
        else:
            spans.append((bold, italic, run.text))
    parts = []
    for bold, italic, raw in spans:
        text = escape(strip_xml_illegal(raw)).replace("\n", "<br>")
        if text.strip():
            if bold:
                text = f"<strong>{text}</strong>"
            if italic:
                text = f"<em>{text}</em>"
        parts.append(text)
    return "".join(parts).strip()


def _is_list(paragraph: Paragraph) -> bool:
    style = paragraph.style.name if paragraph.style is not None else ""
    ppr = paragraph._p.pPr
    return style.startswith("List") or (ppr is not None and ppr.numPr is not None)


def _table(table: Table) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell is listed once per grid column it spans
            seen.add(id(cell._tc))
            cells.append("<br>".join(t for t in (_runs(p) for p in cell.paragraphs) if t))
        if not any(cells):
            continue
        tag = "th" if index == 0 and _is_header(row) else "td"
        rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>" if rows else ""


def _is_header(row: object) -> bool:
    trpr = row._tr.trPr  # type: ignore[attr-defined]
    return trpr is not None and any(child.tag.endswith("}tblHeader") for child in trpr)


def docx_blocks(path: Path) -> list[str]:
    """The body of a Word document as HTML blocks (headings, paragraphs, lists, tables)."""
    try:
        document = Document(str(path))
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same user error
        raise RenderError(f"{path}: not a Word document ({exc})") from None
    blocks: list[str] = []
    items: list[str] = []
    for part in document.iter_inner_content():
        if isinstance(part, Paragraph) and _is_list(part):
            text = _runs(part)
            if text:
                items.append(f"<li>{text}</li>")
            continue
        if items:
            blocks.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if isinstance(part, Table):
            html = _table(part)
        else:
            text = _runs(part)
            style = part.style.name if part.style is not None else ""
            tag = _HEADINGS.get(style, "p")
            html = f"<{tag}>{text}</{tag}>" if text else ""
        if html:
            blocks.append(html)
    if items:
        blocks.append("<ul>" + "".join(items) + "</ul>")
    return [sanitize_html(block) for block in blocks]


class _Sanitizer(HTMLParser):
    """Re-emits only whitelisted tags, without attributes; all text is escaped again."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ALLOWED_TAGS:
            self.out.append(f"<{tag}>")
            if tag not in _VOID:
                self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ALLOWED_TAGS and tag in self.open:
            while self.open:
                last = self.open.pop()
                self.out.append(f"</{last}>")
                if last == tag:
                    break

    def handle_data(self, data: str) -> None:
        self.out.append(escape(strip_xml_illegal(data), quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{t}>" for t in reversed(self.open))


def sanitize_html(html: str) -> str:
    """``html`` keeping only :data:`ALLOWED_TAGS` (no attributes, no scripts or comments)."""
    parser = _Sanitizer()
    parser.feed(html)
    return parser.result()


def note_html(blocks: list[str], limit: int = NOTE_LIMIT, truncated: str = "…") -> str:
    """Blocks joined into one note body of at most ``limit`` characters; when they do not all
    fit, the last blocks are dropped and a paragraph holding ``truncated`` ends the note."""
    html = "\n".join(blocks)
    if len(html) <= limit:
        return html
    tail = f"\n<p><em>{escape(truncated)}</em></p>"
    kept: list[str] = []
    size = len(tail)
    for block in blocks:
        if size + len(block) + 1 > limit:
            break
        kept.append(block)
        size += len(block) + 1
    return "\n".join(kept) + tail


def docx_to_html(path: Path, limit: int = NOTE_LIMIT, truncated: str = "…") -> str:
    """The Word document at ``path`` as a sanitised HubSpot note body (≤ ``limit`` characters)."""
    return note_html(docx_blocks(path), limit, truncated)
