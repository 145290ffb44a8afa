"""Default labels: both languages define the same keys; the workspace overrides any of them."""

from __future__ import annotations

from tables import make_config

from deckgen.locale import default_labels, labels_for


def test_languages_define_the_same_labels() -> None:
    assert set(default_labels("pt-BR")) == set(default_labels("en"))


def test_defaults_and_overrides() -> None:
    config = make_config(labels={"category.none": {"pt-BR": "Não classificado",
                                                   "en": "Unclassified"}})
    labels = labels_for(config)
    assert labels["category.none"] == "Não classificado"
    assert labels["priority.medium"] == "Média"
    assert labels["missing.sla"] == "sem dados de SLA nesta exportação"
    english = labels_for(config.with_language("en"))
    assert (english["category.none"], english["nps.passives"]) == ("Unclassified", "Passives")
    assert english.format("warning.section", section="Support", note="x") == "Support: x"
