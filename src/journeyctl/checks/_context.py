"""What every check receives: the loaded tree, the ids it defines, and today's date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: `journeyctl rules` lists the checks without loading
    from journeyctl.load import Document, Tree
    from journeyctl.model import Framework, Improvement, Journey

# What each kind of id is called in messages, and the framework list that defines it.
FRAMEWORK_LISTS = {
    "phase": "phases",
    "cluster": "clusters",
    "contact reason": "contact_reasons",
    "owner": "owners",
    "team": "teams",
    "channel": "channels",
    "persona": "personas",
    "KPI": "kpis",
    "criterion": "criteria",
}


@dataclass
class CheckContext:
    """What every check receives: the loaded tree and today's date, with the ids it defines."""

    tree: Tree
    today: date

    @property
    def framework(self) -> Framework | None:
        return self.tree.framework.model if self.tree.framework else None

    @property
    def framework_document(self) -> Document[Framework] | None:
        return self.tree.framework

    @property
    def journeys(self) -> list[Document[Journey]]:
        return self.tree.journeys

    @property
    def improvements(self) -> list[Document[Improvement]]:
        return self.tree.improvements

    @cached_property
    def ids(self) -> dict[str, set[str]]:
        """The ids each kind of thing has, by the name used in messages."""
        fw = self.framework
        journeys = {d.model.id for d in self.journeys} | self.tree.unloaded_journeys
        ids: dict[str, set[str]] = {"journey": journeys}
        if fw is None:
            return ids
        for kind, list_name in FRAMEWORK_LISTS.items():
            ids[kind] = {entry.id for entry in getattr(fw, list_name)}
        return ids

    @cached_property
    def cluster_phase(self) -> dict[str, str]:
        return {c.id: c.phase for c in self.framework.clusters} if self.framework else {}

    @property
    def complete(self) -> bool:
        """Whether every journey file loaded; coverage warnings need them all."""
        return not self.tree.unloaded_journeys

    def journey_by_id(self) -> dict[str, Document[Journey]]:
        return {d.model.id: d for d in self.journeys}

    def all_documents(self) -> Iterator[Document[Journey] | Document[Improvement]]:
        yield from self.journeys
        yield from self.improvements
