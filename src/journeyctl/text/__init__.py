"""Words and numbers for people: names for ids, labels and number formats per language.

Everything a table or report for people needs in order to speak the framework's language
(`nl` or `en`): `Names` for ids, `label` for column headers and statuses, and the number
and date formats of `journeyctl.text.numbers` (Babel, loaded only when a number is
formatted or parsed).
"""

from journeyctl.text.labels import LABELS, label
from journeyctl.text.languages import LANGUAGES, LOCALES, Lang
from journeyctl.text.names import Kind, Names, fold
from journeyctl.text.numbers import (
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
    "fold",
    "format_count",
    "format_date",
    "format_decimal",
    "format_percent",
    "label",
    "parse_number",
]
