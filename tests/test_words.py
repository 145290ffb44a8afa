"""Words for values from the data and the workspace's terms: configuration, lookup, the
report the templates and workbooks see."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import make_review_report

from deckgen.cli import main
from deckgen.config import Config, load_config
from deckgen.errors import ConfigError
from deckgen.render.context import ValueWords, report_in_words, review_context, terms_for
from deckgen.render.review_workbook import review_sheets

MINIMAL = """
[company]
name = "Acme"

[[streams]]
key = "suporte"
label = { pt-BR = "Suporte", en = "Support" }
role = "support"
match = ["Suporte"]
"""


def _config(tmp_path: Path, extra: str) -> Config:
    (tmp_path / "deckgen.toml").write_text(MINIMAL + extra, encoding="utf-8")
    return load_config(tmp_path)


def test_values_and_terms_per_language(tmp_path: Path) -> None:
    config = _config(tmp_path, """
[terms]
ticket = { pt-BR = "SS", en = "Request" }
hours = "HH"

[values.status]
"Encerrada" = { en = "Closed" }
"Aberta" = "Em aberto"
""")
    en, pt = config.labels_in("en"), config.labels_in("pt-BR")
    assert terms_for(en) == terms_for(en).__class__("Request", "Tickets", "HH")
    assert (terms_for(pt).ticket, terms_for(pt).tickets, terms_for(pt).hours) == (
        "SS", "Chamados", "HH")
    assert ValueWords(en)("status", "Encerrada") == "Closed"
    assert ValueWords(en)("status", "ENCERRADA") == "Closed"  # without case or accents
    assert ValueWords(pt)("status", "Encerrada") == "Encerrada"  # no pt-BR word: as written
    assert ValueWords(pt)("status", "Aberta") == "Em aberto"  # one string: every language
    assert ValueWords(en)("category", "Encerrada") == "Encerrada"  # words are per kind
    assert ValueWords(en)("status", None) is None


def test_hubspot_standard_values_have_built_in_words(tmp_path: Path) -> None:
    config = _config(tmp_path, "")
    en, pt = config.labels_in("en"), config.labels_in("pt-BR")
    assert [ValueWords(en)("category", v) for v in ("PRODUCT_ISSUE", "Billing issue",
                                                   "Solicitação de recurso")] == [
        "Product issue", "Billing issue", "Feature request"]
    assert [ValueWords(pt)("status", v) for v in ("New", "Waiting on contact", "Closed")] == [
        "Novo", "Aguardando contato", "Fechado"]
    assert ValueWords(en)("phase", "customer") == "Customer"


def test_a_workspace_word_overrides_a_built_in_one(tmp_path: Path) -> None:
    config = _config(tmp_path, '[values.category]\nPRODUCT_ISSUE = { en = "Defect" }\n')
    assert ValueWords(config.labels_in("en"))("category", "PRODUCT_ISSUE") == "Defect"


@pytest.mark.parametrize(("extra", "message"), [
    ('[values.priority]\n"Alta" = "High"\n', "values.priority"),
    ('[terms]\nticket = 3\n', "terms.ticket"),
    ('[terms]\nbug = "x"\n', "terms.bug: unknown key"),
])
def test_a_wrong_words_section_is_one_line(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        _config(tmp_path, extra)
    assert message in str(error.value) and "\n" not in str(error.value)
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path)])
    assert result.exit_code == 1 and message in result.output


def test_the_context_and_the_workbook_show_the_words_free_text_as_written(
    tmp_path: Path
) -> None:
    report = make_review_report()
    ticket = report.open_demands[0]
    action = report.actions[0]
    assert ticket.status and action.status
    config = _config(tmp_path, f"""
[values.status]
"{ticket.status}" = {{ en = "Status in English" }}
"{action.status}" = {{ en = "Action status in English" }}

[values.category]
"{report.streams[0].by_category[0].key}" = {{ en = "Category in English" }}
""")
    labels = config.labels_in("en")
    context = review_context(report, labels)
    shown = context["report"]
    assert shown.open_demands[0].status == "Status in English"
    assert shown.open_demands[0].subject == ticket.subject  # free text stays as written
    assert shown.actions[0].status == "Action status in English"
    assert shown.actions[0].action == action.action
    assert shown.streams[0].by_category[0].key == "Category in English"
    assert context["terms"] == terms_for(labels)
    assert report_in_words(report, config.labels_in("pt-BR")) == report  # nothing to translate
    cells = {str(c) for sheet in review_sheets(report, labels) for row in sheet.rows for c in row}
    assert {"Status in English", "Action status in English", "Category in English"} <= cells
    assert ticket.status not in cells
