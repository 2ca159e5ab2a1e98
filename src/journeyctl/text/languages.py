"""The languages of reports: the one list of them, and what journeyctl knows of each.

`nl` is Dutch as written in the Netherlands (`nl_NL`). `en` is British English (`en_GB`):
the organisations that keep these frameworks are Dutch or European, where a date reads
day-month-year ("1 Jun 2025", not the American "Jun 1, 2025"); numbers are written the
same in both English locales (415,000 and 0.25).

A language is its code in `Lang`, its entry in `_LANGUAGES` and its catalog of labels,
`catalogs/<code>.po` (see `journeyctl.text.labels`). The model's `Framework.language`
cannot import this module (it is a floor below), so it lists the codes again; a test
keeps the two equal.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

from journeyctl.errors import UsageError

Lang = Literal["en", "nl"]


class Language(NamedTuple):
    locale: str  # the CLDR locale of its numbers and dates
    english_name: str  # for diagnostics, which stay English: "written the Dutch way"


_LANGUAGES: dict[Lang, Language] = {
    "en": Language(locale="en_GB", english_name="English"),
    "nl": Language(locale="nl_NL", english_name="Dutch"),
}

LANGUAGES: tuple[Lang, ...] = get_args(Lang)

LOCALES: dict[Lang, str] = {code: language.locale for code, language in _LANGUAGES.items()}


def english_name(lang: Lang) -> str:
    """The language's name in English: Dutch, English."""
    return _LANGUAGES[lang].english_name


def parse_lang(code: str) -> Lang:
    """The language that `code` names; a usage error that lists the languages for any other."""
    for lang in LANGUAGES:
        if code == lang:
            return lang
    raise UsageError(
        f"'{code}' is not a language of journeyctl; write {_listed()}", parameter="lang"
    )


def _listed() -> str:
    """The codes as a hint lists them: Dutch first, as the options list them (nl|en)."""
    *others, last = sorted(LANGUAGES, key=lambda lang: lang != "nl")
    return f"{', '.join(others)} or {last}"
