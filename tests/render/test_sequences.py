"""The journey sequences of `follows`: every link shown once, chains from the start."""

from __future__ import annotations

from journeyctl.model import Journey
from journeyctl.render.sequences import sequences


def journey(id_: str, *follows: str) -> Journey:
    return Journey(id=id_, name=id_.upper(), phase="p", cluster="c", follows=list(follows))


def chains(*journeys: Journey) -> list[list[str]]:
    return [[step.id for step in s.steps] for s in sequences(journeys, "journeys/")]


def test_a_chain_from_the_journey_that_follows_none() -> None:
    assert chains(journey("c", "b"), journey("a"), journey("b", "a")) == [["a", "b", "c"]]


def test_a_branch_starts_a_new_chain_at_the_branch_point() -> None:
    found = chains(journey("a"), journey("b", "a"), journey("c", "a"), journey("d", "b"))
    assert found == [["a", "b", "d"], ["a", "c"]]


def test_a_cycle_is_shown_once_and_ends() -> None:
    assert chains(journey("a", "b"), journey("b", "a")) == [["a", "b", "a"]]


def test_self_references_unknown_ids_and_repeats_are_no_links() -> None:
    assert chains(journey("a", "a", "zz"), journey("b", "a", "a")) == [["a", "b"]]


def test_the_steps_carry_names_and_pages() -> None:
    (found,) = sequences([journey("a"), journey("b", "a")], "journeys/")
    assert [(s.name, s.page) for s in found.steps] == [("A", "journeys/a"), ("B", "journeys/b")]


def test_no_follows_no_sequences() -> None:
    assert chains(journey("a"), journey("b")) == []


def test_a_long_chain_and_a_wide_fan_stay_linear() -> None:
    long = [journey("j0")] + [journey(f"j{i}", f"j{i - 1}") for i in range(1, 3000)]
    assert len(chains(*long)[0]) == 3000
    fan = [journey("hub")] + [journey(f"f{i}", "hub") for i in range(3000)]
    assert len(chains(*fan)) == 3000
