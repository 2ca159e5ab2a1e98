"""JC203 asks a journey's references a set at a time and looks for the key paths of the
unknown ones only where one is: the quick answer must miss none."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import unknown_reference
from journeyctl.checks._context import CheckContext
from journeyctl.load import Document, Tree, load_tree
from journeyctl.model import Journey
from tests.checks.conftest import found, write
from tests.conftest import TODAY

_JOURNEY = """\
id: ik-vraag
name: Ik stel een vraag
phase: klant-zijn
cluster: facturatie
owner: jan
team: [facturatie]
personas: [gezin]
contact_reasons: [factuur-vraag]
follows: [ik-betaal]
criteria: {strategisch: 4}
kpis:
  nps:
    baseline: {value: -5, date: 2025-01-31}
steps:
  - name: Ik vraag
    touchpoints: [web]
    contact_reasons: [factuur-vraag]
"""

# One reference made unknown at a time: the text replaced, and the position JC203 names.
UNKNOWN = {
    "phase": ("phase: klant-zijn", "phase: klant-zjin", (3, 8)),
    "cluster": ("cluster: facturatie", "cluster: facturatei", (4, 10)),
    "owner": ("owner: jan", "owner: jaan", (5, 8)),
    "team": ("team: [facturatie]", "team: [facturatie, vertrieb]", (6, 20)),
    "persona": ("personas: [gezin]", "personas: [gezinn]", (7, 12)),
    "contact reason": (
        "contact_reasons: [factuur-vraag]\nfollows",
        "contact_reasons: [x]\nfollows",
        (8, 19),
    ),
    "follows": ("follows: [ik-betaal]", "follows: [ik-betaall]", (9, 11)),
    "criterion": ("criteria: {strategisch: 4}", "criteria: {strategies: 4}", (10, 12)),
    "KPI": ("  nps:", "  npss:", (12, 3)),
    "channel": ("touchpoints: [web]", "touchpoints: [web, fax]", (16, 24)),
    "step's contact reason": (
        "    contact_reasons: [factuur-vraag]",
        "    contact_reasons: [y]",
        (17, 23),
    ),
}


def _journey(root: Path) -> tuple[Tree, Document[Journey]]:
    tree = load_tree(root)
    [journey] = [d for d in tree.journeys if d.model.id == "ik-vraag"]
    return tree, journey


def test_a_journey_whose_references_all_resolve_is_known(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/ik-vraag.yaml", _JOURNEY)
    tree, journey = _journey(tree_dir)
    context = CheckContext(tree, TODAY)
    assert unknown_reference._all_known(context.ids, journey.model)
    assert found(tree_dir, "JC203") == []


@pytest.mark.parametrize("what", UNKNOWN.values(), ids=UNKNOWN.keys())
def test_each_unknown_reference_is_found(
    tree_dir: Path, what: tuple[str, str, tuple[int, int]]
) -> None:
    known, unknown, (line, column) = what
    assert known in _JOURNEY
    write(tree_dir, "klant-zijn/facturatie/ik-vraag.yaml", _JOURNEY.replace(known, unknown, 1))
    tree, journey = _journey(tree_dir)
    context = CheckContext(tree, TODAY)
    assert not unknown_reference._all_known(context.ids, journey.model)
    [(file, *place, _)] = found(tree_dir, "JC203")
    assert (file, *place) == ("klant-zijn/facturatie/ik-vraag.yaml", line, column)
