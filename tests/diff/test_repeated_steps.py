"""Steps whose name stands more than once: the second of a name is a step added or removed,
never a new order of the steps."""

from __future__ import annotations

import pytest

from journeyctl.diff.changes import StepRenamed, StepsChanged
from journeyctl.diff.compare import _steps
from journeyctl.model.journey import Step


def steps(*names: str) -> list[Step]:
    return [Step(name=name) for name in names]


CASES = [
    # (old, new, added, removed, reordered)
    (("A", "B"), ("A", "B", "A"), ["A"], [], False),
    (("A", "B", "A"), ("A", "B"), [], ["A"], False),
    (("A", "A", "B"), ("B", "A", "A"), [], [], True),
    (("A", "B"), ("B", "A"), [], [], True),
    (("A", "B", "A"), ("A", "B", "A", "A"), ["A"], [], False),
]


@pytest.mark.parametrize(("old", "new", "added", "removed", "reordered"), CASES)
def test_a_repeated_name_is_counted(
    old: tuple[str, ...],
    new: tuple[str, ...],
    added: list[str],
    removed: list[str],
    reordered: bool,
) -> None:
    assert _steps(steps(*old), steps(*new)) == [
        StepsChanged(added=added, removed=removed, changed=[], reordered=reordered)
    ]


def test_a_renamed_step_that_is_then_repeated_is_one_rename_and_one_step_added() -> None:
    details = _steps(
        steps("Ik betaal", "B"), steps("Ik betaal de factuur", "B", "Ik betaal de factuur")
    )
    assert [type(d) for d in details] == [StepRenamed, StepsChanged]
    assert details[1] == StepsChanged(
        added=["Ik betaal de factuur"], removed=[], changed=[], reordered=False
    )


def test_the_same_steps_are_no_change() -> None:
    assert _steps(steps("A", "B", "A"), steps("A", "B", "A")) == []
