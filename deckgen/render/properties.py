"""Document properties (title, author, subject, dates) of every file deckgen writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from xml.sax.saxutils import escape

from deckgen.locale import Labels
from deckgen.render.formatting import make_filters
from deckgen.render.output import strip_xml_illegal

_CORE_NS = (
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)


@dataclass(frozen=True)
class DocumentInfo:
    """What a file says about itself: built by a pipeline, written by the render layer."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str  # the Office language tag ("pt-BR", "en-US")
    created: datetime  # created and last modified: the build date

    def core_xml(self) -> bytes:
        """``docProps/core.xml`` holding these properties, last modified by the author."""
        stamp = self.created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

        def text(value: str) -> str:
            return escape(strip_xml_illegal(value))

        keywords = ", ".join(k for k in self.keywords if k)
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f"<cp:coreProperties {_CORE_NS}>"
            f"<dc:title>{text(self.title)}</dc:title>"
            f"<dc:subject>{text(self.subject)}</dc:subject>"
            f"<dc:creator>{text(self.author)}</dc:creator>"
            f"<cp:keywords>{text(keywords)}</cp:keywords>"
            f"<cp:lastModifiedBy>{text(self.author)}</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            f"<dc:language>{text(self.language)}</dc:language>"
            "</cp:coreProperties>"
        ).encode()


def document_info(
    labels: Labels,
    kind: str,
    *,
    client: str,
    period: tuple[date, date] | date,
    author: str | None,
    vendor: str,
    built: date,
    language: str,
) -> DocumentInfo:
    """The properties of a ``kind`` document (``review``, ``review_workbook``, ``kickoff``,
    ``minutes_kickoff``, ``minutes_handoff``, ``minutes_review``, ``portfolio``,
    ``portfolio_workbook``): title "<document> — <client> — <period>" in the labels'
    language, author the CSM (else the vendor), created on the build date."""
    day = make_filters(language)["date"]
    when = (f"{day(period[0])} – {day(period[1])}" if isinstance(period, tuple)
            else day(period))
    document = labels[f"brand.document.{kind}"]
    return DocumentInfo(
        title=f"{document} — {client} — {when}",
        author=author or vendor,
        subject=labels.format("brand.subject", document=document, client=client, vendor=vendor),
        keywords=(vendor, client, document),
        language=labels["templates.office_language"],
        created=datetime.combine(built, time(0), UTC),
    )
