"""Names for ids, and ids for what a person typed: the framework's vocabulary both ways.

Tables for people show a phase's, cluster's or owner's name, not its id; options and
spreadsheet cells may hold either. `Names` answers both from one `Framework`:

    names = Names(framework)
    names.name("phase", "klant-zijn")    # "Klant zijn"
    names.find("phase", "Klánt zijn")    # "klant-zijn"
    names.known("phase")                 # [("klant-worden", "Klant worden"), ...]
    names.find("phase", "Klantfase")     # "klant-zijn", where that phase has the alias

Matching ignores case, accents and the difference between spaces, hyphens and underscores,
so `Klant Zijn`, `klant-zijn` and `Klánt zijn` are one key. An entry's `aliases` (phases,
clusters, owners and contact reasons may list old ids or names, the client's words) match
as its id and name do, after them: an id or a name never loses to another entry's alias.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the model (and pydantic) is loaded by whoever builds the framework
    from journeyctl.model import Framework

Kind = Literal[
    "phase",
    "cluster",
    "contact_reason",
    "owner",
    "team",
    "channel",
    "persona",
    "kpi",
    "criterion",
]

# The framework list that defines each kind.
_LISTS: dict[Kind, str] = {
    "phase": "phases",
    "cluster": "clusters",
    "contact_reason": "contact_reasons",
    "owner": "owners",
    "team": "teams",
    "channel": "channels",
    "persona": "personas",
    "kpi": "kpis",
    "criterion": "criteria",
}


def fold(text: str) -> str:
    """The key that text is matched by: no accents, no case, words joined by one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.split(r"[\W_]+", bare)).strip()


class Names:
    """The display name of each id, and the id of each name, per kind of framework entry."""

    def __init__(self, framework: Framework) -> None:
        self._entries: dict[Kind, list[tuple[str, str]]] = {
            kind: [(entry.id, entry.name) for entry in getattr(framework, list_name)]
            for kind, list_name in _LISTS.items()
        }
        self._names = {kind: dict(entries) for kind, entries in self._entries.items()}
        self._by_key = {kind: _index(entries) for kind, entries in self._entries.items()}
        self._aliases: dict[Kind, list[tuple[str, str]]] = {
            kind: [
                (entry.id, alias)
                for entry in getattr(framework, list_name)
                for alias in getattr(entry, "aliases", ())
            ]
            for kind, list_name in _LISTS.items()
        }
        self._by_alias = {kind: _index(entries) for kind, entries in self._aliases.items()}

    def name(self, kind: Kind, id_: str) -> str:
        """The entry's name; the id itself for an id the framework does not define."""
        return self._names[kind].get(id_, id_)

    def find(self, kind: Kind, written: str) -> str | None:
        """The id that `written` (an id or a name) stands for, or None if none or several.

        An exact id always wins; otherwise ids and names are compared folded (see `fold`),
        then aliases. None also when the folded text fits more than one entry (two clusters
        named "Overig" in different phases): the caller lists `known(kind)` to choose from.
        """
        if written in self._names[kind]:
            return written
        key = fold(written)
        if not key:
            return None  # only punctuation: stands for nothing, whatever names fold to
        ids = self._by_key[kind].get(key) or self._by_alias[kind].get(key, set())
        return next(iter(ids)) if len(ids) == 1 else None

    def aliases(self, kind: Kind, id_: str) -> list[str]:
        """The entry's aliases, as written."""
        return [alias for owner, alias in self._aliases[kind] if owner == id_]

    def spellings(self, kind: Kind) -> list[tuple[str, str]]:
        """Every (id, text) a person may write for an entry of that kind: ids, names and
        aliases, for the closest ones to a name that matches none."""
        return [
            *((id_, id_) for id_, _ in self._entries[kind]),
            *self._entries[kind],
            *self._aliases[kind],
        ]

    def known(self, kind: Kind) -> list[tuple[str, str]]:
        """Every (id, name) of that kind, in the framework's order, for a list of choices."""
        return list(self._entries[kind])


def _index(entries: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Folded id and folded name -> the ids they may stand for."""
    index: dict[str, set[str]] = {}
    for id_, name in entries:
        for text in (id_, name):
            index.setdefault(fold(text), set()).add(id_)
    return index
