"""The labels layer: both languages define the same keys; the workspace overrides any of them."""

from __future__ import annotations

import pytest
from tables import make_config

from deckgen.locale import default_labels, labels_for, languages


def test_languages_define_the_same_labels() -> None:
    assert languages() == ("en", "pt-BR")
    assert set(default_labels("pt-BR")) == set(default_labels("en"))


def test_defaults_and_overrides() -> None:
    config = make_config(labels={"category.none": {"pt-BR": "Não classificado",
                                                   "en": "Unclassified"}})
    labels = config.labels_in()
    assert labels["category.none"] == "Não classificado"
    assert labels["priority.medium"] == "Média"
    assert labels["missing.sla"] == "sem dados de SLA nesta exportação"
    english = config.labels_in("en")
    assert (english["category.none"], english["nps.passives"]) == ("Unclassified", "Passives")
    assert english.format("warning.section", section="Support", note="x") == "Support: x"


@pytest.mark.parametrize(("kind", "key", "pt", "en"), [
    ("priority", "high", "Alta", "High"),
    ("priority", None, "Sem prioridade", "No priority"),
    ("nps", "passive", "Neutro", "Passive"),
    ("category", "Erro", "Erro", "Erro"),  # data: as the export has it
    ("category", None, "Sem categoria", "Uncategorized"),
    ("sla_category", "*all_categories", "Todas as categorias", "All categories"),
    ("sla_category", "Dúvida", "Dúvida", "Dúvida"),
    ("sla_category", None, "Sem categoria", "Uncategorized"),
    ("stream", "suporte", "Suporte", "Support"),
    ("stream", "unknown", "unknown", "unknown"),
    ("missing", "sla_targets", "sem metas de SLA configuradas", "no SLA targets configured"),
    ("csm", None, "Sem proprietário CS", "No CS owner"),
])
def test_terms_of_model_keys(kind: str, key: str | None, pt: str, en: str) -> None:
    streams = {"suporte": {"pt-BR": "Suporte", "en": "Support"}}
    assert labels_for("pt-BR", {}, streams).term(kind, key) == pt
    assert labels_for("en", {}, streams).term(kind, key) == en


def test_topic_files_join_the_language() -> None:
    assert default_labels("en")["review_workbook.summary"] == "Summary"  # workbooks.en.toml
    assert default_labels("pt-BR")["files.review"] == "revisao"
