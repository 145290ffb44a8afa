"""Which export is which source, whatever shape the readers accept it in."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl

from deckgen.sources.detect import detect
from deckgen.sources.headers import resemblance
from deckgen.sources.schema import TICKETS
from tests.init import english_workspace


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_every_shape_is_recognised_by_its_headers(tmp_path: Path) -> None:
    source = english_workspace.write(tmp_path / "csv")
    folder = tmp_path / "shapes"
    folder.mkdir()
    companies = _rows(next(source.glob("*companies*")))
    companies[1][1] = "Açaí Logística"
    with (folder / "empresas.csv").open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(companies)
    book = openpyxl.Workbook()
    for row in _rows(next(source.glob("*tickets*"))):
        book.active.append(row)
    book.save(folder / "chamados.xlsx")
    text = io.StringIO()
    csv.writer(text, delimiter="\t").writerows(_rows(next(source.glob("*feedback*"))))
    with zipfile.ZipFile(folder / "pesquisas.zip", "w") as archive:
        archive.writestr("pesquisas.csv", "\ufeff" + text.getvalue())
    (folder / "notas.txt").write_text("nada a ver\n", encoding="utf-8")

    found = detect(folder)
    assert {s: d.pattern for s, d in found.sources.items()} == {
        "companies": "empresas.csv", "tickets": "chamados.xlsx", "surveys": "pesquisas.zip",
    }
    assert found.sources["companies"].raw.encoding == "cp1252"
    assert found.sources["companies"].raw.delimiter == ";"
    assert found.sources["surveys"].raw.delimiter == "\t"
    assert ("notas.txt", "its headers fit no source, or another file of that source fits "
            "better") in found.skipped


def test_dated_exports_become_one_glob_and_the_newest_is_read(tmp_path: Path) -> None:
    folder = english_workspace.write(tmp_path / "acme")
    older = folder / "hubspot-crm-exports-all-tickets-2026-10-01.csv"
    older.write_text("Ticket ID,Create date\n1,2026-01-01\n", encoding="utf-8")
    tickets = detect(folder).sources["tickets"]
    assert tickets.pattern == "hubspot-crm-exports-all-tickets-*.csv"
    assert tickets.file == "hubspot-crm-exports-all-tickets-2026-11-02.csv"


def test_day_first_is_what_the_slash_dates_say(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "companies.csv").write_text("Record ID,Company name\n1,A\n", encoding="utf-8")
    rows = {"day.csv": "25/11/2026", "month.csv": "11/25/2026", "either.csv": "03/04/2026"}
    for name, day in rows.items():
        sub = tmp_path / name
        sub.mkdir()
        (sub / "companies.csv").write_text("Record ID,Company name\n1,A\n", encoding="utf-8")
        (sub / "tickets.csv").write_text(
            f"Ticket ID,Create date,Associated Company IDs\n1,{day} 10:00,1\n", encoding="utf-8")
    orders = {name: (detect(tmp_path / name).sources["tickets"].day_first,
                     detect(tmp_path / name).sources["tickets"].day_first_sure) for name in rows}
    assert orders == {"day.csv": (True, True), "month.csv": (False, True),
                      "either.csv": (True, False)}


def test_look_alike_headers() -> None:
    found = {h: resemblance(h, TICKETS) for h in (
        "Estimativa de HH", "Número da SS", "Tipo de SS", "Priorizado pelo cliente",
        "Last activity date", "Solicitante", "Filial")}
    assert {h: r.column if r else None for h, r in found.items()} == {
        "Estimativa de HH": "estimated_hours", "Número da SS": "ticket_id",
        "Tipo de SS": "ticket_type", "Priorizado pelo cliente": "prioritized",
        "Last activity date": None, "Solicitante": None, "Filial": None,
    }
