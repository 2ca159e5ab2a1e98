"""Words and numbers for people: names for ids, labels and number formats per language.

Everything a table or report for people needs in order to speak the framework's language:
the languages themselves (`Lang`, `LANGUAGES`, `journeyctl.text.languages`), `Names` for
ids, `label` for column headers and statuses (gettext catalogs, read when a label is first
asked for), and the number and date formats of `journeyctl.text.numbers` (Babel, loaded
only when a number is formatted or parsed).
"""

from journeyctl.text.labels import LABELS, label
from journeyctl.text.languages import LANGUAGES, LOCALES, Lang, english_name, parse_lang
from journeyctl.text.names import Kind, Names, fold
from journeyctl.text.numbers import (
    decimal_sign,
    format_count,
    format_date,
    format_decimal,
    format_percent,
    parse_number,
)

__all__ = [
    "LABELS",
    "LANGUAGES",
    "LOCALES",
    "Kind",
    "Lang",
    "Names",
    "decimal_sign",
    "english_name",
    "fold",
    "format_count",
    "format_date",
    "format_decimal",
    "format_percent",
    "label",
    "parse_lang",
    "parse_number",
]
