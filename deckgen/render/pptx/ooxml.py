"""DrawingML/PresentationML names and small lxml helpers shared by the PPTX renderer."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

A = f"{{{A_NS}}}"
P = f"{{{P_NS}}}"
C = f"{{{C_NS}}}"
R = f"{{{R_NS}}}"

EMU_PER_PT = 12700

SHAPE_TAGS = frozenset({f"{P}sp", f"{P}pic", f"{P}graphicFrame", f"{P}grpSp", f"{P}cxnSp"})


def copy_element(element: etree._Element) -> etree._Element:
    """A copy of ``element`` with its whole subtree, as ``copy.deepcopy`` makes.

    lxml's ``__copy__`` copies the whole subtree too; calling it directly skips the memo
    bookkeeping of ``copy.deepcopy``, which costs more than copying a small element.
    """
    return element.__copy__()


def iter_shapes(tree: etree._Element) -> Iterator[etree._Element]:
    """Every shape of a shape tree, depth first, including those inside groups."""
    for child in tree:
        if child.tag in SHAPE_TAGS:
            yield child
            if child.tag == f"{P}grpSp":
                yield from iter_shapes(child)


def shape_name(shape: etree._Element) -> str:
    """The name a shape has in PowerPoint's Selection Pane."""
    nv = shape[0] if len(shape) else None
    cnv = nv.find(f"{P}cNvPr") if nv is not None else None
    return cnv.get("name", "") if cnv is not None else ""


def placeholder(shape: etree._Element) -> etree._Element | None:
    """The shape's ``p:ph`` element when it is a placeholder."""
    nv = shape[0] if len(shape) else None
    return nv.find(f"{P}nvPr/{P}ph") if nv is not None else None
