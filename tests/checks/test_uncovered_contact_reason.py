"""JC302: a contact reason of the Life Cycle Model that no journey covers."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import uncovered_contact_reason
from tests.checks.conftest import JOURNEY, found, write

RULE = uncovered_contact_reason.RULE.id
NEW_REASON = "  - id: verhuizing\n    name: Verhuizing doorgeven\n    phase: klant-zijn\n"


def _add_reason(root: Path) -> int:
    framework = root / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace("owners:", NEW_REASON + "owners:")
    framework.write_text(text, encoding="utf-8")
    return text.splitlines().index("  - id: verhuizing") + 1


def test_an_uncovered_reason_is_named_with_its_name(tree_dir: Path) -> None:
    line = _add_reason(tree_dir)
    assert found(tree_dir, RULE) == [
        (
            "framework.yaml",
            line,
            9,
            "contact reason 'verhuizing' (Verhuizing doorgeven) is covered by no journey; "
            "add it to a journey's contact_reasons",
        )
    ]


def test_a_journey_covers_a_reason(tree_dir: Path) -> None:
    _add_reason(tree_dir)
    write(
        tree_dir,
        "klant-zijn/facturatie/vraag.yaml",
        JOURNEY.format(id="vraag") + "contact_reasons: [verhuizing]\n",
    )
    assert found(tree_dir, RULE) == []


def test_a_step_covers_a_reason(tree_dir: Path) -> None:
    _add_reason(tree_dir)
    steps = "steps:\n  - name: Ik geef mijn adres door\n    contact_reasons: [verhuizing]\n"
    write(tree_dir, "klant-zijn/facturatie/vraag.yaml", JOURNEY.format(id="vraag") + steps)
    assert found(tree_dir, RULE) == []


def test_no_coverage_is_judged_while_a_journey_file_did_not_load(tree_dir: Path) -> None:
    _add_reason(tree_dir)
    write(tree_dir, "klant-zijn/facturatie/kapot.yaml", "id: [broken\n")
    assert found(tree_dir, RULE) == []


RETIRED = "status: retired\n"


def test_a_retired_journey_covers_nothing_and_is_named(tree_dir: Path) -> None:
    line = _add_reason(tree_dir)
    write(
        tree_dir,
        "klant-zijn/facturatie/oud.yaml",
        JOURNEY.format(id="oud") + RETIRED + "contact_reasons: [verhuizing]\n",
    )
    assert found(tree_dir, RULE) == [
        (
            "framework.yaml",
            line,
            9,
            "contact reason 'verhuizing' (Verhuizing doorgeven) is covered only by the retired "
            "journey 'oud', and a retired journey covers nothing; add it to the contact_reasons "
            "of a journey that is not retired",
        )
    ]


def test_a_retired_journey_s_step_covers_nothing_and_several_are_named_in_order(
    tree_dir: Path,
) -> None:
    _add_reason(tree_dir)
    steps = "steps:\n  - name: Ik geef mijn adres door\n    contact_reasons: [verhuizing]\n"
    for journey_id in ("zoud", "oud"):
        write(
            tree_dir,
            f"klant-zijn/facturatie/{journey_id}.yaml",
            JOURNEY.format(id=journey_id) + RETIRED + steps,
        )
    [(_, _, _, message)] = found(tree_dir, RULE)
    assert "covered only by the retired journeys 'oud', 'zoud', and a retired" in message


@pytest.mark.parametrize("status", ["listed", "mapped", "improving", "monitoring"])
def test_a_journey_that_is_not_retired_covers_beside_a_retired_one(
    tree_dir: Path, status: str
) -> None:
    _add_reason(tree_dir)
    for journey_id, journey_status in (("oud", "retired"), ("nieuw", status)):
        write(
            tree_dir,
            f"klant-zijn/facturatie/{journey_id}.yaml",
            JOURNEY.format(id=journey_id)
            + f"status: {journey_status}\ncontact_reasons: [verhuizing]\n",
        )
    assert found(tree_dir, RULE) == []
