"""Finding a client by Record ID or name, and its folder slug."""

from __future__ import annotations

import pandas as pd
import pytest

from deckgen.errors import ClientNotFound
from deckgen.sources.clients import client_slug, find_client

COMPANIES = pd.DataFrame({
    "company_id": pd.Series(["101", "102", "103", "104", "105"], dtype="string"),
    "name": pd.Series(["Açaí Indústria Ltda", "Beta Serviços SA", "Beta Serviços Norte",
                       "Gama", "Gamaliel Engenharia"], dtype="string"),
})


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("101", "101"),
        (" 102 ", "102"),
        ("acai industria ltda", "101"),
        ("AÇAÍ  INDÚSTRIA LTDA", "101"),
        ("Gama", "104"),
        ("gamal", "105"),
        ("industria", "101"),
        ("Beta Serviços N", "103"),
    ],
)
def test_found_by_id_name_prefix_or_substring(query, expected):
    assert find_client(COMPANIES, query)["company_id"] == expected


def test_ambiguous_name_lists_the_candidates():
    with pytest.raises(ClientNotFound) as caught:
        find_client(COMPANIES, "beta")
    assert str(caught.value) == (
        "'beta' matches 2 clients: Beta Serviços SA (102), Beta Serviços Norte (103); "
        "be more specific"
    )


def test_unknown_client_lists_the_closest_names():
    with pytest.raises(ClientNotFound) as caught:
        find_client(COMPANIES, "Acai Industrias")
    assert str(caught.value) == (
        "no client matches 'Acai Industrias' among 5 companies; closest: Açaí Indústria Ltda"
    )


def test_unknown_client_without_close_names():
    with pytest.raises(ClientNotFound, match=r"^no client matches 'zzz' among 5 companies$"):
        find_client(COMPANIES, "zzz")


def test_two_companies_with_the_same_name_ask_for_the_id():
    twins = pd.concat([COMPANIES, COMPANIES.iloc[[3]].assign(company_id="999")])
    with pytest.raises(ClientNotFound, match=r"'gama' matches 2 clients: .*; use the Record ID"):
        find_client(twins, "gama")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Açaí Indústria Ltda", "acai-industria-ltda"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "cliente"),
        ("", "cliente"),
        ("日本", "cliente"),
        ("A/B  C.D", "a-b-c-d"),
    ],
)
def test_slug_is_safe_ascii(name, slug):
    assert client_slug(name) == slug
