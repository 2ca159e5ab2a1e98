"""Shell completion of what the framework names: phases, clusters, owners, teams, personas,
statuses, weights and periods, offered as ids with their names beside them (the shell
inserts what it completes, and an id is what every option takes without quotes).

A completion runs on every Tab, with the line as typed so far: it reads the framework (and,
for periods, the journeys, through the cache) of the `--root` on that line, and stays quiet
whatever it finds: a missing or broken tree completes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from journeyctl.framework import CheckedTree
    from journeyctl.text import Kind

Completer = Callable[[typer.Context, str], list[tuple[str, str]]]


def _tree(ctx: typer.Context) -> CheckedTree | None:
    from pathlib import Path

    from journeyctl.framework import check

    root = Path(str(ctx.params.get("root") or "journeys"))
    if not (root / "framework.yaml").exists() and (root / "journeys" / "framework.yaml").exists():
        root = root / "journeys"
    try:
        checked = check(root)
    except Exception:  # completion must never print a traceback into the user's prompt
        return None
    return checked if checked.tree.framework is not None else None


def _matching(pairs: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    """The pairs whose id starts as typed: a shell completes what it will insert, so the id
    is offered and its name shown beside it."""
    return [(id_, name) for id_, name in pairs if id_.startswith(incomplete)]


def of_kind(kind: Kind) -> Completer:
    """Completion of one kind of thing framework.yaml lists (`phase`, `cluster`, `owner`, ...)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from journeyctl.text import Names

        checked = _tree(ctx)
        if checked is None:
            return []
        return _matching(Names(checked.framework).known(kind), incomplete)

    return complete


def periods(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The periods that journeys have volumes for, the latest first."""
    from journeyctl.rank.periods import newest_first

    checked = _tree(ctx)
    if checked is None:
        return []
    present = {v.period for j in checked.journeys for v in j.volumes}
    return [(p, "") for p in newest_first(present) if p.startswith(incomplete)]


def statuses(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The journey statuses, with their Dutch labels."""
    from journeyctl.text import label
    from journeyctl.text.statuses import STATUSES

    pairs = [(s, label(f"journey_status.{s}", "nl")) for s in STATUSES]
    return _matching(pairs, incomplete)


def weights(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`ID=` for customers, contacts and every criterion, with its name."""
    from journeyctl.text import label

    checked = _tree(ctx)
    if checked is None:
        return []
    lang = checked.framework.language
    pairs = [(term, label(term, lang)) for term in ("customers", "contacts")]
    pairs += [(c.id, c.name) for c in checked.framework.criteria]
    return [(f"{id_}=", name) for id_, name in _matching(pairs, incomplete)]
