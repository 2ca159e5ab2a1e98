"""What import says, in the framework's language: a message is a catalog key with its fields,
said in a language when it is shown.

    said("cell.estimate", value="'ca. 4.000'").say("nl")
    # "'ca. 4.000' is een schatting; schrijf het getelde aantal, of ..."

The texts are labels (`journeyctl.text.catalogs`, the keys `import.*`), so that a refusal,
the dry run and the summary read in the client's language; a whole number among the fields
is written with the language's grouping (Babel: 1.000.000 in Dutch, 1,000,000 in English), a
message among them is said in the same language, a list is joined with commas.

A message is the text in English as well (`Said` is a `str`): code that only passes it on,
compares it or looks into it (a test) reads the English text, and `say(message, lang)` says
it in the language asked, or gives a plain text as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from journeyctl.text import Lang, format_count, format_decimal, label

Fields = tuple[tuple[str, object], ...]


class Said(str):
    """A message: its English text, and the key and fields to say it in another language."""

    key: str
    fields: Fields

    def __new__(cls, key: str, fields: Fields = ()) -> Said:
        message = super().__new__(cls, cls.text(key, fields, "en"))
        message.key, message.fields = key, fields
        return message

    @classmethod
    def text(cls, key: str, fields: Fields, lang: Lang) -> str:
        return label(key, lang).format(**{name: _shown(v, lang) for name, v in fields})

    def say(self, lang: Lang) -> str:
        return self.text(self.key, self.fields, lang)


class Joined(Said):
    """Texts joined as the language says it: 'A' or 'B' ('A' of 'B'); customers and
    contacts (klanten en contacten). Its key is the joining word's."""

    @classmethod
    def text(cls, key: str, fields: Fields, lang: Lang) -> str:
        items = [_shown(item, lang) for item in _items(fields)]
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {label(key, lang)} {items[-1]}"


class Parts(Said):
    """Messages on one line, `; ` between them."""

    @classmethod
    def text(cls, key: str, fields: Fields, lang: Lang) -> str:
        return "; ".join(_shown(item, lang) for item in _items(fields))


class Status(Said):
    """A journey status as a person may write it, made of its key `journey_status.<status>`:
    its label, and the status as the files write it where that differs ('vervallen
    (retired)' in Dutch, 'retired' in English)."""

    @classmethod
    def text(cls, key: str, fields: Fields, lang: Lang) -> str:
        shown, status = label(key, lang), key.rpartition(".")[2]
        return shown if shown == status else f"{shown} ({status})"


Message = str  # a Said, or a text that reads the same in every language


def said(key: str, **fields: object) -> Said:
    """The message `import.<key>` with its fields."""
    return Said(f"import.{key}", tuple(fields.items()))


def say(message: Message, lang: Lang) -> str:
    """A message in `lang`; a plain text as it is."""
    return message.say(lang) if isinstance(message, Said) else message


def one_of(items: Iterable[object]) -> Joined:
    return Joined("import.or", (("items", tuple(items)),))


def all_of(items: Iterable[object]) -> Joined:
    return Joined("import.and", (("items", tuple(items)),))


def parts(items: Iterable[object]) -> Parts:
    return Parts("import.parts", (("items", tuple(items)),))


def _items(fields: Fields) -> tuple[object, ...]:
    items = fields[0][1]
    assert isinstance(items, tuple)
    return items


def _shown(value: object, lang: Lang) -> str:
    if isinstance(value, Said):
        return value.say(lang)
    if isinstance(value, bool):
        return label("export.yes" if value else "export.no", lang).lower()
    if isinstance(value, int):
        return format_count(value, lang)
    if isinstance(value, float):
        if value.is_integer():
            return format_count(int(value), lang)
        places = min(len(repr(value).partition(".")[2]), 6)
        return format_decimal(value, lang, places)
    if isinstance(value, tuple):
        return ", ".join(_shown(item, lang) for item in value)
    return str(value)
