"""Loading a workspace: the table contract, streams, closed states, survey kinds, clients."""

from __future__ import annotations

import pandas as pd
import pytest

from deckgen.errors import InputError
from deckgen.sources.schema import SOURCES, source_columns
from deckgen.sources.workspace import load_workspace

TICKETS = (
    "Ticket ID;Ticket name;Pipeline;Ticket status;Prioridade;Categoria;Data de criação;"
    "Associated Company;IDs de empresas associadas\n"
) + """\
1;Erro na OS;Suporte;Fechado;Alta;Erro;20/11/2026 10:00;;101
2;Treinamento;implantacao;Em andamento;Baixa;"Erro;Cadastro";21/11/2026 11:00;beta servicos sa;
3;Nova tela;Desenvolvimento;closed;;;22/11/2026 12:00;Desconhecida;
4;Sem cliente;Suporte;Novo;Média;;22/11/2026 13:00;;
"""

SURVEYS = """\
Survey type,Response value,Submission date,Company name,Response
NPS,9,2026-11-20 10:00,GAMA,Ótimo
csat,4,2026-11-20 11:00,Açaí Indústria Ltda,
CES,3,2026-11-20 12:00,Gama,
"""


@pytest.fixture
def loaded(workspace):
    config = workspace(
        {"tickets.csv": TICKETS, "surveys.csv": SURVEYS},
        sources={"companies": "companies.csv", "tickets": "tickets.csv", "surveys": "surveys.csv"},
        extra='[tickets]\nclosed_statuses = ["Closed", "Fechado"]\n',
    )
    return load_workspace(config)


def test_tables_have_canonical_columns_and_contract_dtypes(loaded):
    tz = "America/Sao_Paulo"
    expected = {
        "id": "string", "text": "string", "priority": "string", "int": "Int64",
        "float": "float64", "datetime": f"datetime64[ns, {tz}]", "date": "datetime64[ns]",
        "bool": "boolean", "list": "object",
    }
    for source in SOURCES:
        columns = source_columns(loaded.config, source)
        table = getattr(loaded, source)
        extra = {"tickets": ["stream", "categories", "is_closed"], "surveys": ["row", "kind"]}
        assert list(table.columns) == [*columns, *extra.get(source, [])]
        for name, column in columns.items():
            assert str(table[name].dtype) == expected[column.kind], (source, name)
    assert str(loaded.tickets["stream"].dtype) == "string"
    assert loaded.tickets["is_closed"].dtype == bool
    assert str(loaded.surveys["kind"].dtype) == "string"
    assert loaded.surveys["row"].dtype == "int64"  # the export row, from 2 (under the header)


def test_streams_categories_and_closed_states(loaded):
    tickets = loaded.tickets
    assert tickets["stream"].tolist() == ["support", "implementation", pd.NA, "support"]
    assert tickets["categories"].tolist() == [("Erro",), ("Erro", "Cadastro"), (), ()]
    assert tickets["is_closed"].tolist() == [True, False, True, False]
    assert tickets["priority"].tolist() == ["high", "low", pd.NA, "medium"]
    assert (
        "tickets: pipeline values matching no stream: 'Desenvolvimento' (add them to a "
        "stream's match list)"
    ) in loaded.warnings


def test_company_ids_resolved_from_names(loaded):
    assert loaded.tickets["company_id"].tolist() == ["101", "102", pd.NA, pd.NA]
    assert loaded.surveys["company_id"].tolist() == ["103", "101", "103"]
    assert "tickets: company names matching no single company: 'Desconhecida'" in loaded.warnings


def test_survey_kinds(loaded):
    assert loaded.surveys["kind"].tolist() == ["nps", "csat", pd.NA]
    assert loaded.surveys["value"].tolist() == [9.0, 4.0, 3.0]


def test_absent_and_unavailable(loaded):
    assert "first_response_at" in loaded.absent["tickets"]
    assert "ticket_id" not in loaded.absent["tickets"]
    assert loaded.tickets["first_response_at"].isna().all()
    assert loaded.unavailable == {
        "releases": 'not configured ([sources] releases = "...")',
        "actions": 'not configured ([sources] actions = "...")',
    }
    assert loaded.absent["releases"] == list(SOURCES["releases"])
    assert loaded.releases.empty


def test_category_from_ticket_type(workspace):
    text = "Ticket ID,Tipo de SS,Create date,Cliente\n1,Erro,2026-11-20,Gama\n2,,2026-11-20,Gama\n"
    extra = '[tickets]\ncategory_from = "ticket_type"\nstream_from = "ticket_type"\n' \
        '[columns.tickets]\nticket_type = ["Tipo de SS"]\n'
    config = workspace({"tickets.csv": text}, extra=extra)
    loaded = load_workspace(config)
    assert loaded.tickets["categories"].tolist() == [("Erro",), ()]


def test_only_requested_sources_are_read(workspace):
    config = workspace({"tickets.csv": "not a ticket export\n"})
    loaded = load_workspace(config, ["surveys"])
    assert loaded.unavailable["tickets"] == "not read"
    assert len(loaded.companies) == 3


def test_csat_words_become_scores(workspace):
    text = (
        "Survey type,Response value,Submission date,Company name\n"
        "CSAT,Satisfied,2026-11-20,Gama\nCSAT,Insatisfeito,2026-11-20,Gama\n"
        "CSAT,Neutral,2026-11-20,Gama\n"
    )
    sources = {"companies": "companies.csv", "surveys": "surveys.csv"}
    config = workspace({"surveys.csv": text}, sources=sources)
    assert load_workspace(config).surveys["value"].tolist() == [5.0, 1.0, 3.0]


OFF_SCALE = """\
Survey type,Response value,Submission date,Company name
NPS,11,2026-11-20 10:00,Gama
NPS,-1,2026-11-20 10:00,Gama
NPS,"7,5",2026-11-20 10:00,Gama
NPS,10,2026-11-20 10:00,Gama
CSAT,0,2026-11-20 10:00,Gama
CSAT,5,2026-11-20 10:00,Gama
CSAT 3,4,2026-11-20 10:00,Gama
CES,99,2026-11-20 10:00,Gama
"""


def test_survey_answers_off_their_scale_are_named_by_row_and_kept_out(workspace):
    config = workspace(
        {"surveys.csv": OFF_SCALE},
        sources={"companies": "companies.csv", "surveys": "surveys.csv"},
        extra='[surveys]\ncsat_types = ["CSAT", "CSAT 3"]\ncsat_three_point_types = ["CSAT 3"]\n',
    )
    loaded = load_workspace(config)
    expected = ("surveys: 5 answers outside their scale (NPS 0–10, CSAT 1–5, whole numbers) are "
                "not counted: row 2 (NPS 11), row 3 (NPS -1), row 4 (NPS 7.5), row 6 (CSAT 0), "
                "row 8 (CSAT 3 4)")
    assert expected in loaded.warnings
    assert expected in loaded.gaps  # shown by build too, not only by check
    # The answers stay in the table: the indicators count only those on the scale.
    assert loaded.surveys["value"].tolist() == [11, -1, 7.5, 10, 0, 5, 4, 99]


def test_a_blank_required_column_is_a_gap_that_build_shows(workspace):
    config = workspace({"tickets.csv": "Ticket ID,Create date,Cliente\n1,,Gama\n2,,Gama\n"})
    loaded = load_workspace(config)
    assert loaded.gaps == ["tickets: tickets.csv: 2 of 2 rows have no 'Create date'"]
    assert loaded.gaps[0] in loaded.warnings


def test_valid_surveys_and_complete_columns_leave_no_gap(loaded):
    assert loaded.gaps == []


def test_ids_equal_only_as_numbers_are_not_duplicates(workspace):
    config = workspace({"tickets.csv": "Ticket ID,Create date,Cliente\n01,2026-11-20,Gama\n"
                                       "1,2026-11-21,Gama\n"})
    assert load_workspace(config).tickets["ticket_id"].tolist() == ["01", "1"]


def test_a_repeated_ticket_id_names_both_rows(workspace):
    config = workspace({"tickets.csv": "Ticket ID,Create date,Cliente\nA-1,2026-11-20,Gama\n"
                                       "B-2,2026-11-20,Gama\nA-1,2026-11-21,Gama\n"})
    with pytest.raises(InputError) as caught:
        load_workspace(config)
    assert str(caught.value) == ("tickets.csv, row 4, column 'Ticket ID': ticket A-1 appears in "
                                 "rows 2 and 4; each must appear once (remove or merge the "
                                 "duplicate)")
