"""PowerPoint templates: a designed ``.pptx`` plus a data context becomes a finished deck."""

from __future__ import annotations

from deckgen.render.pptx.engine import RenderResult, render_pptx

__all__ = ["RenderResult", "render_pptx"]
