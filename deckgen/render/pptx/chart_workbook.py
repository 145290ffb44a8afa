"""The small Excel workbook embedded behind a chart (what PowerPoint's Edit Data opens).

python-pptx writes it with XlsxWriter, which costs milliseconds per chart and stamps the
current time; this writes the same layout (categories in column A from row 2, one series per
column from B, names in row 1) directly, deterministically, in a fraction of the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from deckgen.render.output import ooxml_zip

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SHEET_CT}.styles+xml"/></Types>'
)
_ROOT_RELS = (
    f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
)


def _styles(number_format: str) -> str:
    return (
        f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode={quoteattr(number_format)}/>'
        '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
        'xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" '
        'xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def chart_workbook(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    number_format: str,
) -> bytes:
    """The ``.xlsx`` bytes holding a category chart's data in python-pptx's layout."""
    rows = ['<row r="1">']
    rows += [_text_cell(f"{column_letter(i + 1)}1", name) for i, (name, _) in enumerate(series)]
    rows.append("</row>")
    for r, category in enumerate(categories, start=2):
        rows.append(f'<row r="{r}">{_text_cell(f"A{r}", category)}')
        for i, (_, values) in enumerate(series):
            value = values[r - 2] if r - 2 < len(values) else None
            if value is not None:
                rows.append(f'<c r="{column_letter(i + 1)}{r}" s="1"><v>{float(value)!r}</v></c>')
        rows.append("</row>")
    data = "".join(rows)
    sheet = f'{_DECLARATION}<worksheet xmlns="{_MAIN}"><sheetData>{data}</sheetData></worksheet>'
    return ooxml_zip({
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _ROOT_RELS.encode(),
        "xl/workbook.xml": _WORKBOOK.encode(),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS.encode(),
        "xl/styles.xml": _styles(number_format).encode(),
        "xl/worksheets/sheet1.xml": sheet.encode("utf-8"),
    })
