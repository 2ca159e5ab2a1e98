"""Building blocks shared by the three file kinds."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Literal, NoReturn

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# ASCII digits only ([0-9], not \d, which also matches other scripts' digits) and a year
# from 1900 to 2999: anything else is a typo, never a period someone counted.
PERIOD_PATTERN = r"^(?:19[0-9]{2}|2[0-9]{3})(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$"
FIRST_YEAR, LAST_YEAR = 1900, 2999
# Counts and every other number stay below this: far above any real count, and small
# enough that sums and ratios of them stay exact and finite.
NUMBER_LIMIT = 10**12
_PERIOD_RE = re.compile(PERIOD_PATTERN)


class NoItems(list[Any]):
    """The empty list that every field left out shares (`NO_ITEMS`): one each was a tenth of
    a loaded tree's memory (about seventy a journey). It refuses items, so that no one
    changes every model's list at once; a model's lists are not to be changed anyway (the
    models are frozen), and a copy (`list(...)`) is a list like any other."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("the empty list of a field left out is shared; change a copy of it")

    append = extend = insert = __setitem__ = __iadd__ = __imul__ = _refuse


NO_ITEMS = NoItems()


def _no_items() -> list[Any]:
    return NO_ITEMS


def empty_list(description: str | None = None) -> Any:
    """An empty list as a field's default, the one `NO_ITEMS`: a default `[]` would be
    deep-copied for every instance that leaves the field out, a third of the time it takes
    to validate a journey; the schema still says `"default": []`."""
    if description is None:  # a description the type's annotation gives stays
        return Field(default_factory=_no_items, json_schema_extra={"default": []})
    return Field(
        default_factory=_no_items, description=description, json_schema_extra={"default": []}
    )


def empty_dict() -> Any:
    """An empty mapping as a field's default, as `empty_list` makes an empty list."""
    return Field(default_factory=dict, json_schema_extra={"default": {}})


class StrictModel(BaseModel):
    """Strict on purpose: an unknown key or a number written as text is an error, not a guess.
    Every number is finite: infinity or NaN would turn a ranking or a sum into nonsense."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of the fields given (`model_fields_set`) with the instances given
        the same: a set per instance was a third of a loaded tree's memory (700 bytes a
        step). Safe because every model is frozen: Pydantic adds to the set only when a
        field is assigned, which a frozen model refuses, and `model_copy` copies the set
        before it adds the fields it updates."""
        given = self.__pydantic_fields_set__
        shared = _FIELD_SETS.get(frozenset(given))
        if shared is None:
            if len(_FIELD_SETS) < _FIELD_SETS_KEPT:
                _FIELD_SETS[frozenset(given)] = given
        else:
            object.__setattr__(self, "__pydantic_fields_set__", shared)


# The sets of fields given that models share, by their names; bounded, so that hostile
# files cannot grow it without end (past it, an instance keeps its own set).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_FIELD_SETS_KEPT = 10_000


def _year_as_text(value: object) -> object:
    # `period: 2025` unquoted is an int to YAML; a year is what the user meant (and any
    # other whole number is then judged, and named, as a period that is not one).
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and -NUMBER_LIMIT < value < NUMBER_LIMIT
    ):
        return str(value)
    return value


Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=100,
        description="lowercase letters, digits and hyphens, e.g. 'klant-worden'",
    ),
]
Text = Annotated[str, Field(min_length=1)]
# Other names of an entry: old ids or names, the client's words for it. `import`, the filters
# of rank and report, and `new` match them as they match the entry's id and name.
Aliases = Annotated[
    list[Text],
    Field(
        description="other names for this entry (old ids or names, the client's words); "
        "import, the filters and new match them like its id and name"
    ),
]
_PERIOD_DESCRIPTION = "a year (1900 to 2999), quarter or month: 2025, 2025-Q3, 2025-06"
Period = Annotated[
    str,
    BeforeValidator(_year_as_text),
    Field(pattern=PERIOD_PATTERN, description=_PERIOD_DESCRIPTION),
    # Editors should accept what journeyctl accepts: an unquoted year is a number to YAML.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN},
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            ],
            "description": _PERIOD_DESCRIPTION,
        }
    ),
]
# Dates come from YAML as date objects; a quoted "2025-06-01" is accepted too.
Day = Annotated[date, Strict(False)]
Emotion = Annotated[int, Field(ge=1, le=5, description="1 (very negative) to 5 (very positive)")]
Count = Annotated[int, Field(ge=0, lt=NUMBER_LIMIT)]
# A measure (a KPI value, a target, a bound, an expected effect) may be negative (NPS).
Measure = Annotated[float, Field(gt=-NUMBER_LIMIT, lt=NUMBER_LIMIT)]
Weight = Annotated[float, Field(ge=0, lt=NUMBER_LIMIT)]
Cadence = Literal["weekly", "biweekly", "monthly", "quarterly", "half-yearly", "yearly"]

CADENCE_DAYS: dict[str, int] = {
    "weekly": 7,
    "biweekly": 14,
    "monthly": 31,
    "quarterly": 92,
    "half-yearly": 183,
    "yearly": 366,
}


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of a period written as YYYY, YYYY-Qn or YYYY-MM."""
    if not _PERIOD_RE.fullmatch(period):
        raise ValueError(f"not a period: {period!r}")
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    if period[5] == "Q":
        first_month = 3 * (int(period[6]) - 1) + 1
        return date(year, first_month, 1), _last_day(year, first_month + 2)
    month = int(period[5:7])
    return date(year, month, 1), _last_day(year, month)


def _last_day(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def slugify(text: str) -> str:
    """An id from a name: 'Ik beëindig mijn contract' -> 'ik-beeindig-mijn-contract'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:100].strip("-")


class Named(StrictModel):
    """Something files refer to by its id, shown by its name."""

    id: Slug
    name: Text


class Aliased(Named):
    """Named, and known by other names too (an import or a filter matches them)."""

    aliases: Aliases = empty_list()
