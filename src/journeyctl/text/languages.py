"""The languages of reports, and the locale whose CLDR data each one uses.

`nl` is Dutch as written in the Netherlands (`nl_NL`). `en` is British English (`en_GB`):
the organisations that keep these frameworks are Dutch or European, where a date reads
day-month-year ("1 Jun 2025", not the American "Jun 1, 2025"); numbers are written the
same in both English locales (415,000 and 0.25).
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "nl"]

LANGUAGES: tuple[Lang, ...] = ("en", "nl")

LOCALES: dict[Lang, str] = {"en": "en_GB", "nl": "nl_NL"}
