"""Finding the header row of a sheet, and what each column holds.

The header may sit below title rows, and may take two rows: the period in merged cells
above `Klanten | Contacten`. A header such as `Klanten 2024` names its period itself.
Headers match case-, space- and accent-insensitively, in English and Dutch; the
framework's criteria match by id or name. A sheet is an inventory when it has journey,
phase and cluster columns, measurements when it has journey, KPI, date and value columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from journeyctl.inventory.cells import Sheet, Value, column_letters
from journeyctl.inventory.formula import restore
from journeyctl.inventory.values import CellError, period
from journeyctl.text import Names, fold

Kind = Literal["inventory", "measurements"]
KINDS: tuple[Kind, ...] = ("inventory", "measurements")
HEADER_SEARCH_ROWS = 30  # title rows above the header: a few, never dozens

_ROLES: dict[str, frozenset[str]] = {
    "journey": frozenset(
        {"journey", "journeys", "klantreis", "klantreizen", "naam", "name", "journey name",
         "naam klantreis", "klantreis naam", "customer journey"}
    ),
    "id": frozenset({"id", "journey id", "klantreis id"}),
    # The framework's ids beside the names (export writes them): a name that changed still
    # finds its entry, and --add-missing adds an entry with the id it had.
    "phase_id": frozenset({"phase id", "fase id", "levensfase id"}),
    "cluster_id": frozenset({"cluster id"}),
    "owner_id": frozenset({"owner id", "eigenaar id"}),
    "phase": frozenset({"phase", "fase", "levensfase", "life cycle phase", "lifecycle phase"}),
    "cluster": frozenset({"cluster", "journey cluster", "klantreis cluster", "klantreiscluster"}),
    "owner": frozenset(
        {"owner", "eigenaar", "journey owner", "klantreiseigenaar", "klantreis eigenaar"}
    ),
    # A journey status, as the files write it or as its label (export writes the label).
    "status": frozenset({"status", "journey status", "klantreis status", "klantreisstatus"}),
    "customers": frozenset({"customers", "klanten", "aantal klanten", "number of customers"}),
    "contacts": frozenset({"contacts", "contacten", "aantal contacten", "number of contacts"}),
    "period": frozenset({"period", "periode", "jaar", "year"}),
    "estimated": frozenset({"estimated", "geschat", "schatting"}),
    "kpi": frozenset({"kpi", "indicator", "metric"}),
    "date": frozenset({"date", "datum", "meetdatum"}),
    "value": frozenset({"value", "waarde", "score", "uitkomst", "result"}),
    "n": frozenset(
        {"n", "responses", "respondents", "respondenten", "aantal respondenten",
         "number of responses", "sample size", "aantal reacties"}
    ),
    "source": frozenset({"source", "bron"}),
    "notes": frozenset(
        {"notes", "note", "opmerkingen", "opmerking", "remarks", "comments", "commentaar",
         "toelichting"}
    ),
}  # fmt: skip
# Which roles each kind reads; the rest of its columns are ignored (and named).
_READS: dict[Kind, frozenset[str]] = {
    "inventory": frozenset(
        {"journey", "id", "phase", "cluster", "owner", "status", "customers", "contacts",
         "period", "estimated", "source", "notes", "phase_id", "cluster_id", "owner_id"}
    ),
    "measurements": frozenset({"journey", "id", "kpi", "date", "value", "n", "source"}),
}  # fmt: skip
_REQUIRED: dict[Kind, tuple[str, ...]] = {
    "inventory": ("phase", "cluster"),
    "measurements": ("kpi", "date", "value"),
}
# Roles a header may give a period of its own (`Klanten 2024`, `Geschat 2024`).
_PER_PERIOD = ("customers", "contacts", "estimated")
# A period inside a folded header: "klanten 2025", "2025 q3 contacten", "contacten 2025 06".
_PERIOD_IN_HEADER = re.compile(r"\b((?:19|2[0-9])[0-9]{2})(?: (q[1-4]|0[1-9]|1[0-2]))?\b")


@dataclass(frozen=True)
class SheetColumn:
    """A column of a sheet's table: where it is, its header, and what it holds."""

    index: int
    header: str  # as written, for messages
    role: str | None  # a key of _ROLES, "criterion", or None (ignored)
    period: str | None = None
    criterion: str | None = None


@dataclass
class Layout:
    """Where the header is and what each column holds, for one sheet."""

    kind: Kind
    header_row: int  # 0-based: data starts on the next row
    columns: list[SheetColumn] = field(default_factory=list)

    def column(self, role: str, period: str | None = None) -> SheetColumn | None:
        """The column of `role`; with `period`, the one of that period, else one of none."""
        found = [c for c in self.columns if c.role == role]
        return next((c for c in found if c.period == period), None) or next(
            (c for c in found if c.period is None), None
        )

    @property
    def volume_periods(self) -> list[str | None]:
        """The periods with customers or contacts columns (None: the period comes from a
        period column or from the command line)."""
        found: list[str | None] = []
        for column in self.columns:
            if column.role in ("customers", "contacts") and column.period not in found:
                found.append(column.period)
        return found

    def volume_column(self, role: str, period: str | None) -> SheetColumn | None:
        return next((c for c in self.columns if c.role == role and c.period == period), None)

    @property
    def criteria(self) -> list[SheetColumn]:
        return [c for c in self.columns if c.role == "criterion"]

    @property
    def ignored(self) -> list[SheetColumn]:
        return [c for c in self.columns if c.role is None]


def find_layout(sheet: Sheet, names: Names, kind: Kind | None) -> Layout | None:
    """The first row (of the top `HEADER_SEARCH_ROWS`) that reads as a header of `kind`
    (either kind when None), with the row above it where that holds periods."""
    for row in range(min(len(sheet.rows), HEADER_SEARCH_ROWS)):
        found = _layout_at(sheet, row, names, kind)
        if found is not None:
            # A two-row header whose cells are merged over both rows reads as a header on
            # either row; the lower one is the header, the upper one its group row.
            lower = _layout_at(sheet, row + 1, names, found.kind)
            return lower if lower is not None else found
    return None


def _layout_at(sheet: Sheet, row: int, names: Names, kind: Kind | None) -> Layout | None:
    if row >= len(sheet.rows):
        return None
    columns = _columns(sheet, row, names)
    roles = {column.role for column in columns}
    for candidate in (kind,) if kind else KINDS:
        if ("journey" in roles or "id" in roles) and all(
            role in roles for role in _REQUIRED[candidate]
        ):
            return Layout(candidate, row, _for_kind(columns, candidate))
    return None


def _for_kind(columns: list[SheetColumn], kind: Kind) -> list[SheetColumn]:
    """Columns of a role that the kind does not read are ignored, like unknown ones."""
    reads = _READS[kind] | ({"criterion"} if kind == "inventory" else set())
    return [
        column if column.role in reads else SheetColumn(column.index, column.header, None)
        for column in columns
    ]


def _columns(sheet: Sheet, row: int, names: Names) -> list[SheetColumn]:
    columns = []
    for index in range(len(sheet.rows[row])):
        below, above = sheet.value(row, index), sheet.value(row - 1, index) if row else None
        column = _column(index, below, above, names)
        if column is not None:
            columns.append(column)
    return columns


def _column(index: int, below: Value, above: Value, names: Names) -> SheetColumn | None:
    """What a column holds, from its header cell and (for a two-row header) the one above."""
    if below is None:
        return None
    # As export wrote it: a criterion named `=x` is the header `'=x` (see formula.py).
    header = restore(str(below).strip())
    role, own_period = _role(header, names)
    group_period = _pure_period(above)
    if role is None and own_period is None and _pure_period(below) is not None:
        return SheetColumn(index, header, None)  # a year on its own is a group row, not a header
    shown = f"{above} {header}" if group_period and not own_period else header
    chosen = own_period or (group_period if role in _PER_PERIOD else None)
    if role in _PER_PERIOD:
        return SheetColumn(index, shown, role, chosen)
    if role == "criterion":
        return SheetColumn(index, shown, role, None, names.find("criterion", header))
    return SheetColumn(index, shown, role)


def _role(header: str, names: Names) -> tuple[str | None, str | None]:
    key = fold(header)
    found_period = None
    match = _PERIOD_IN_HEADER.search(key)
    if match:
        year, part = match.groups()
        found_period = year + (f"-{part.upper()}" if part else "")
        key = (key[: match.start()] + key[match.end() :]).strip()
        key = " ".join(key.split())
    for role, spellings in _ROLES.items():
        if key in spellings:
            return role, found_period
    if not found_period and names.find("criterion", header) is not None:
        return "criterion", None
    return None, found_period


def _pure_period(value: Value) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return period(value)
    except CellError:
        return None


def describe(column: SheetColumn) -> str:
    """`F (Opmerkingen)`: a column as the summary names it."""
    return f"{column_letters(column.index)} ({column.header})"
