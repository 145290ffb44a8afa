"""The sandboxed environment: strict names, smart quotes, suggestions, data that stays data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from jinja2.sandbox import SecurityError

from deckgen.model.review import Metric, NpsReport
from deckgen.render.jinja import (
    make_environment,
    missing_name,
    normalize_tag_quotes,
    suggest_name,
)


def test_smart_quotes_inside_tags_only() -> None:
    text = (
        "\u201cQuote\u201d {{ d | date(\u201clong\u201d) }} "
        "{% if x == \u2018a\u2019 %}ok{% endif %}"
    )
    assert normalize_tag_quotes(text) == (
        "\u201cQuote\u201d {{ d | date(\"long\") }} {% if x == 'a' %}ok{% endif %}"
    )


def test_environment_renders_with_filters_and_dash_for_none() -> None:
    env = make_environment("pt-BR")
    out = env.from_string("{{ d | date('long') }} · {{ n }} · {{ v | percent }}").render(
        d=date(2026, 11, 22), n=None, v=87.5
    )
    assert out == "22 de novembro de 2026 · \u2014 · 87,5%"


def test_undefined_names_raise() -> None:
    with pytest.raises(UndefinedError):
        make_environment("en").from_string("{{ nope }}").render()


def test_sandbox_blocks_private_attributes() -> None:
    with pytest.raises(SecurityError):
        make_environment("en").from_string("{{ x.__class__.__mro__ }}").render(x=1)


def test_sandbox_verdicts_hold_for_every_object_of_a_type() -> None:
    env = make_environment("en")
    for _ in range(2):  # the second time the verdict is remembered
        assert env.from_string("{{ x.count(1) }}").render(x=[1, 1]) == "2"
        with pytest.raises(SecurityError):
            env.from_string("{{ x.append(2) }}").render(x=[1])
        with pytest.raises(SecurityError):
            env.from_string("{{ x.__class__ }}").render(x=[1])


def test_data_is_never_rendered_as_template() -> None:
    out = (
        make_environment("en")
        .from_string("{{ comment }}")
        .render(comment="{{ 7*7 }} {% for x in y %}")
    )
    assert out == "{{ 7*7 }} {% for x in y %}"


def test_printed_values_lose_xml_illegal_characters() -> None:
    out = make_environment("en").from_string("{{ s }}").render(s="a\x00b\x1fc<&>")
    assert out == "abc<&>"


NPS = NpsReport(Metric(50, 40), 10, 6, 2, 2, [])


@pytest.mark.parametrize(
    ("expression", "message", "suggestion"),
    [
        ("nps_score", "'nps_score' is undefined", "nps.score"),
        (
            "nps.scor.value",
            "'deckgen.model.review.NpsReport object' has no attribute 'scor'",
            "nps.score",
        ),
        ("client.nam", "'dict object' has no attribute 'nam'", "client.name"),
        ("r.promotrs", "'x object' has no attribute 'promotrs'", "r.promoters"),
    ],
)
def test_suggestions_for_undefined_names(expression: str, message: str, suggestion: str) -> None:
    context = {"nps": NPS, "client": {"name": "ACME"}}
    assert suggest_name(missing_name(message, expression), context) == suggestion


def test_no_suggestion_when_nothing_is_close() -> None:
    assert suggest_name("zzzzzz", {"nps": NPS}) is None


def test_compiled_templates_are_kept_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deckgen.render.jinja import compile_template, make_environment

    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(tmp_path))
    env = make_environment("pt-BR")
    source = "{{ value | number(1) }} itens"
    assert compile_template(env, source).render(value=1234.5) == "1.234,5 itens"
    (cached,) = tmp_path.glob("*.code")

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of using the cache")

    monkeypatch.setattr(env, "compile", no_compiling)
    assert compile_template(env, source).render(value=2) == "2,0 itens"

    cached.write_bytes(b"not marshal data")  # a damaged cache entry is compiled again
    monkeypatch.undo()
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(tmp_path))
    assert compile_template(env, source).render(value=None) == "— itens"


def test_compiled_expressions_are_kept_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2 import TemplateSyntaxError, Undefined, UndefinedError

    from deckgen.render.jinja import compile_expression, make_environment

    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(tmp_path))
    env = make_environment("pt-BR")
    assert compile_expression(env, "items | length > 1")(items=[1, 2]) is True
    (cached,) = tmp_path.glob("*.code")

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of using the cache")

    monkeypatch.setattr(env, "compile", no_compiling)
    assert compile_expression(env, "items | length > 1")(items=[1]) is False
    with pytest.raises(UndefinedError):  # strict: a missing name fails when evaluated
        compile_expression(env, "items | length > 1")()
    monkeypatch.undo()
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(tmp_path))
    with pytest.raises(TemplateSyntaxError):
        compile_expression(env, "items ]")
    with pytest.raises(TemplateSyntaxError):
        compile_expression(env, "a b")  # a chunk after the expression
    assert len(list(tmp_path.glob("*.code"))) == 1  # nothing invalid was cached
    assert compile_expression(env, "name")(name=None) is None  # undefined_to_none is off
    assert isinstance(compile_expression(env, "missing")(), Undefined)


WORDING = {
    "x.greet": "Olá {{ client }}{% if n %} ({{ n | number }} chamados){% endif %}",
    "x.plain": "Sem dados & sem metas",
    "x.nested": "{{ tr('x.plain') }}: {{ stream.label }}",
}


def test_tr_renders_the_wording_with_the_context_and_its_arguments() -> None:
    env = make_environment("pt-BR")
    render = env.from_string("{{ tr('x.greet', n=1234) }} | {{ tr('x.greet', n=0) }} | "
                             "{{ tr('x.nested', stream=s) }}").render
    text = render(labels=WORDING, client="{{ 7*7 }}", s={"label": "Suporte"})
    assert text == ("Olá {{ 7*7 }} (1.234 chamados) | Olá {{ 7*7 }} | "
                    "Sem dados & sem metas: Suporte")


def test_tr_without_labels_in_the_context_uses_the_built_in_ones() -> None:
    template = "{{ tr('templates.office_language') }}"
    assert make_environment("pt-BR").from_string(template).render() == "pt-BR"
    assert make_environment("en").from_string(template).render() == "en-US"


def test_tr_of_an_unknown_key_is_an_undefined_error() -> None:
    with pytest.raises(UndefinedError, match="no wording 'x.nope' in the pt-BR labels"):
        make_environment("pt-BR").from_string("{{ tr('x.nope') }}").render(labels=WORDING)


def test_tr_escapes_wording_and_data_once_for_xml() -> None:
    env = make_environment("pt-BR", autoescape=True)
    text = env.from_string("<t>{{ tr('x.plain') }} {{ tr('x.greet', n=0) }}</t>").render(
        labels=WORDING, client="A & B <Ltda>")
    assert text == "<t>Sem dados &amp; sem metas Olá A &amp; B &lt;Ltda&gt;</t>"
