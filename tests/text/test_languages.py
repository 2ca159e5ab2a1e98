"""The one list of languages, and what journeyctl knows of each."""

from __future__ import annotations

from typing import get_args

import pytest

from journeyctl.errors import UsageError
from journeyctl.model import Framework
from journeyctl.text import LANGUAGES, LOCALES, Lang, english_name, parse_lang


def test_the_model_allows_the_languages_of_the_text_package() -> None:
    """The model is a floor below `text` and cannot import it, so it lists the codes
    again: a language added to `text/languages.py` must be added to `Framework.language`
    too (and the schemas regenerated)."""
    assert get_args(Framework.model_fields["language"].annotation) == LANGUAGES


def test_every_language_has_a_locale() -> None:
    assert tuple(LOCALES) == LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_language_is_named_as_its_locale_names_it_in_english(lang: Lang) -> None:
    from babel import Locale

    locale = Locale.parse(LOCALES[lang])
    assert locale.language == lang
    assert english_name(lang) == locale.get_language_name("en")


@pytest.mark.parametrize(("code", "name"), [("en", "English"), ("nl", "Dutch")])
def test_english_names(code: Lang, name: str) -> None:
    assert english_name(code) == name


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_code_of_a_language_is_that_language(code: str) -> None:
    assert parse_lang(code) == code


@pytest.mark.parametrize("code", ["de", "NL", " nl", ""])
def test_any_other_code_is_refused_with_the_languages(code: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_lang(code)
    assert str(refused.value) == f"'{code}' is not a language of journeyctl; write nl or en"
    assert refused.value.parameter == "lang"
