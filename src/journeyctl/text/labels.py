"""The words of tables and reports, in each report language.

One catalog per language, `catalogs/<lang>.po` (gettext), so that a column is called the
same in the terminal, Markdown, HTML and xlsx, and a missing translation fails (KeyError)
instead of showing an English word in a Dutch report. A msgid is a stable key, a msgstr
its text; statuses are keyed by the value in the files (`journey_status.mapped`,
`improvement_status.in-progress`). A label with `{fields}` is filled in by its caller
(str.format), with the same fields in every language.

A catalog is read (with Babel) when its first label is asked for, and once: `--help` and
the commands that print no labels never load Babel.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache

from journeyctl.text.languages import LANGUAGES, Lang


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`; KeyError for a key that is not in the catalog."""
    return LABELS[lang][key]


def read_catalog(text: bytes) -> dict[str, str]:
    """Key -> text of a catalog; ValueError for a catalog that does not parse."""
    from io import BytesIO

    from babel.messages.pofile import PoFileError, read_po

    try:
        catalog = read_po(BytesIO(text), abort_invalid=True)
    except PoFileError as error:
        raise ValueError(str(error)) from None
    labels: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        if not isinstance(message.id, str) or not isinstance(message.string, str):
            raise ValueError(f"{message.id!r}: a label has one text, no plural forms")
        labels[message.id] = message.string
    return labels


class _Labels(Mapping[Lang, dict[str, str]]):
    """Each language's labels, its catalog read on first use."""

    def __getitem__(self, lang: Lang) -> dict[str, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return _catalog(lang)

    def __iter__(self) -> Iterator[Lang]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


@cache
def _catalog(lang: Lang) -> dict[str, str]:
    # importlib.resources is imported here, not above: it costs --help a few hundredths.
    from importlib.resources import files

    return read_catalog((files("journeyctl.text") / "catalogs" / f"{lang}.po").read_bytes())


LABELS: Mapping[Lang, dict[str, str]] = _Labels()
