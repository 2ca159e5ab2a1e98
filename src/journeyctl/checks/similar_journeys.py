"""No two journeys have the same volumes and a very similar name (warning).

A journey imported twice under two names (the client's sheet renamed it, and the import
made a new journey beside the old one) shows as two journeys with the very same customers
and contacts in every period and names that differ by a few words. The ranking then counts
its contacts twice. Merge the two into one file, and keep the other name in its `aliases`,
so that the next import of the sheet finds the journey by either name.

"The same volumes" means the same periods with the same customers and contacts (journeys
without volumes are never compared); "a very similar name" is the test that `journeyctl new`
warns by and `import` refuses a new journey by: a similarity of at least 72 % (rapidfuzz's
`fuzz.ratio`, without case, accents or hyphens) between the name and the other journey's
id, name or an alias.

Fails: "Ik verhuis" and "Ik ga verhuizen", both with `{period: "2025", customers: 1000,
contacts: 200}`.
Passes: the same names with different volumes, or "Ik verhuis" and "Ik betaal mijn factuur"
with the same volumes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

if TYPE_CHECKING:  # annotations only: `journeyctl rules` lists the checks without loading
    from journeyctl.load import Document
    from journeyctl.model import Journey

RULE = Rule("JC309", "similar-journeys", Severity.WARNING, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    from journeyctl.suggest import near_duplicates  # here: `rules` lists checks without it

    # Only journeys with the same volumes are compared, so the work stays linear in the
    # journeys: such a group is one journey, or two imported twice.
    groups: dict[tuple[tuple[str, int, int], ...], list[Document[Journey]]] = {}
    for document in context.journeys:
        volumes = document.model.volumes
        if volumes:
            key = tuple(sorted((v.period, v.customers, v.contacts) for v in volumes))
            groups.setdefault(key, []).append(document)
    for group in groups.values():
        for position in range(1, len(group)):
            later = group[position].model
            earlier = {d.model.id: [d.model.name, *d.model.aliases] for d in group[:position]}
            similar = near_duplicates(later.name, earlier)
            if not similar:
                continue
            other = next(d for d in group[:position] if d.model.id == similar[0])
            yield group[position].finding(
                RULE,
                f"journey '{later.id}' has the same volumes as '{other.model.id}' "
                f"({other.display}) and a name much like '{other.model.name}': one journey "
                f"imported twice? merge them into one and keep '{later.name}' in its aliases",
                ("name",),
            )
