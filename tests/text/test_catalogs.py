"""The label catalogs: one gettext file per language, every key in each, with the same fields.

A language is added by adding its catalog (and its entry in `text/languages.py`); these
checks are what tell a new catalog, or a new label, that it is incomplete.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from string import Formatter

import pytest

from journeyctl.text import LABELS, LANGUAGES, Lang
from journeyctl.text.labels import read_catalog

CATALOGS = Path(__file__).parents[2] / "src" / "journeyctl" / "text" / "catalogs"


def problems(catalogs: Mapping[str, Mapping[str, str]]) -> list[str]:
    """What keeps the catalogs (language -> key -> text) from being complete: a key that a
    language lacks, a text that is blank or padded, fields that differ from English's."""
    english = catalogs["en"]
    found = []
    for lang, labels in catalogs.items():
        found += [f"{lang}: {key} is missing" for key in english.keys() - labels.keys()]
        found += [f"{lang}: {key} is not in English" for key in labels.keys() - english.keys()]
        found += [f"{lang}: {key} is blank" for key, text in labels.items() if not text.strip()]
        found += [
            f"{lang}: {key} is padded" for key, text in labels.items() if text.strip() != text
        ]
        found += [
            f"{lang}: {key} has the fields {sorted(fields(text))}, "
            f"English {sorted(fields(english[key]))}"
            for key, text in labels.items()
            if key in english and fields(text) != fields(english[key])
        ]
    return found


def fields(text: str) -> set[str]:
    """The `{fields}` that str.format fills in: `{period}` -> period."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_there_is_one_catalog_per_language() -> None:
    assert sorted(path.stem for path in CATALOGS.glob("*.po")) == sorted(LANGUAGES)


def test_every_language_has_every_label_with_the_same_fields() -> None:
    assert problems({lang: LABELS[lang] for lang in LANGUAGES}) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_catalog_names_its_language_and_holds_no_doubtful_or_double_entries(
    lang: Lang,
) -> None:
    from babel.messages.pofile import read_po

    path = CATALOGS / f"{lang}.po"
    with path.open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    assert catalog.locale is not None and str(catalog.locale) == lang
    assert [message.id for message in catalog if message.fuzzy and message.id] == []
    assert not catalog.obsolete
    written = re.findall(r"^msgid ", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(written) == len(LABELS[lang]) + 1  # and the header


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_catalog_is_read_once(lang: Lang) -> None:
    assert LABELS[lang] is LABELS[lang]


def test_a_language_without_a_catalog_has_no_labels() -> None:
    with pytest.raises(KeyError, match="de"):
        LABELS["de"]  # type: ignore[index]


def test_a_third_language_is_its_catalog(tmp_path: Path) -> None:
    """What adding a language takes of the labels: a catalog with every key of English's."""
    english = (CATALOGS / "en.po").read_text(encoding="utf-8")
    german = _translated(english.replace('"Language: en\\n"', '"Language: de\\n"'))
    (tmp_path / "de.po").write_text(german, encoding="utf-8")

    labels = read_catalog((tmp_path / "de.po").read_bytes())
    assert labels["journey"] == "[de] Journey"
    assert labels["ranking.none"] == "[de] No journey to rank in {period}."
    assert problems({"en": LABELS["en"], "nl": LABELS["nl"], "de": labels}) == []


def test_a_third_language_that_lacks_a_key_or_a_field_is_incomplete() -> None:
    german = {key: f"[de] {text}" for key, text in LABELS["en"].items()}
    del german["journey"]
    german["ranking.none"] = "Keine Kundenreise"
    assert problems({"en": LABELS["en"], "de": german}) == [
        "de: journey is missing",
        "de: ranking.none has the fields [], English ['period']",
    ]


def test_a_blank_or_padded_label_is_a_problem() -> None:
    assert problems({"en": {"a": "A", "b": "B"}, "nl": {"a": "", "b": " B"}}) == [
        "nl: a is blank",
        "nl: b is padded",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (b'msgid "journey"\n', "missing msgstr for msgid 'journey'"),
        (b'msgid "journey"\nKlantreis\n', "misformatted"),
    ],
)
def test_a_catalog_that_does_not_parse_is_refused(text: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        read_catalog(text)


def test_a_label_with_plural_forms_is_refused() -> None:
    plural = b'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "dag"\nmsgstr[1] "dagen"\n'
    with pytest.raises(ValueError, match="no plural forms"):
        read_catalog(plural)


def _translated(catalog: str) -> str:
    """Every msgstr of a catalog marked as another language's: `[de] Journey`."""
    return re.sub(r'^msgstr "(?=[^"])', 'msgstr "[de] ', catalog, flags=re.MULTILINE)
