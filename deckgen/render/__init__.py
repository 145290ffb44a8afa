"""Rendering: the report model into PPTX decks, workbooks and PDFs, with shared text helpers."""
