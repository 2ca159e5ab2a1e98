"""A journey file that does not load is "invalid" in that revision, never added or removed."""

from __future__ import annotations

import pytest

from journeyctl.diff import diff
from journeyctl.diff.changes import Invalid, TreeDiff
from tests.diff.conftest import AANMELD, BETAAL, Repository

# A flow sequence never closed: a YAML syntax error, which the parser finds on the next line.
BROKEN = "name: [Ik betaal mijn factuur\n"
NEW = "klant-zijn/facturatie/ik-verhuis.yaml"


def changes(repo: Repository, base: str = "base", head: str | None = None) -> TreeDiff:
    return diff(str(repo.root), base, head)


def break_file(repo: Repository, file: str) -> None:
    text = (repo.root / file).read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.startswith("name: "))
    repo.edit(file, name_line + "\n", BROKEN)


def summary(result: TreeDiff) -> list[tuple[str, str, str, list[tuple[str, str, int | None]]]]:
    """Each journey's id, change, name, and its invalid details: revision, file and line."""
    return [
        (
            j.id,
            j.change,
            j.name,
            [(d.revision, d.file, d.line) for d in j.details if isinstance(d, Invalid)],
        )
        for j in result.journeys
    ]


def test_a_syntax_error_in_the_head_is_invalid_there_not_removed(repo: Repository) -> None:
    break_file(repo, BETAAL)
    result = changes(repo)
    assert summary(result) == [
        (
            "ik-betaal",
            "invalid",
            "Ik betaal mijn factuur",  # the name from the revision where it loaded
            [("head", f"journeys/{BETAAL}", 3)],
        )
    ]
    [invalid] = result.journeys[0].details
    assert isinstance(invalid, Invalid)
    assert "did not find expected ','" in invalid.message
    assert (result.count("removed"), result.changed, result.journeys[0].invalid_in_head) == (
        0,
        True,
        True,
    )


def test_a_file_broken_in_the_base_and_fixed_is_invalid_there_not_added(
    repo: Repository,
) -> None:
    text = (repo.root / BETAAL).read_text(encoding="utf-8")
    break_file(repo, BETAAL)
    repo.commit("broken")
    repo.write(BETAAL, text)
    result = changes(repo, "HEAD")
    assert summary(result) == [
        ("ik-betaal", "invalid", "Ik betaal mijn factuur", [("base", f"journeys/{BETAAL}", 3)])
    ]
    assert not result.journeys[0].invalid_in_head
    assert result.count("added") == 0


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        ("new", [("ik-verhuis", "invalid", "ik-verhuis", [("head", f"journeys/{NEW}", 3)])]),
        ("deleted", [("ik-verhuis", "invalid", "ik-verhuis", [("base", f"journeys/{NEW}", 3)])]),
        ("still the same", []),
        (
            "broken otherwise",
            [
                (
                    "ik-verhuis",
                    "invalid",
                    "ik-verhuis",
                    [("base", f"journeys/{NEW}", 3), ("head", f"journeys/{NEW}", 4)],
                )
            ],
        ),
    ],
)
@pytest.mark.slow
def test_a_file_that_loads_in_neither_revision_is_named_by_its_file(
    repo: Repository,
    shape: str,
    expected: list[tuple[str, str, str, list[tuple[str, str, int | None]]]],
) -> None:
    """Only the file names it; a file broken alike in both revisions is no change."""
    broken = "id: ik-verhuis\nname: [Ik verhuis\nphase: klant-zijn\n"
    if shape != "new":
        repo.write(NEW, broken)
        repo.commit("broken")
    if shape == "deleted":
        (repo.root / NEW).unlink()
    elif shape == "broken otherwise":
        repo.write(NEW, "id: ik-verhuis\nname: Ik verhuis\nphase: [klant-zijn\n")
    elif shape == "new":
        repo.write(NEW, broken)
    result = changes(repo, "base" if shape == "new" else "HEAD")
    assert summary(result) == expected
    assert result.count("added") == result.count("removed") == 0


def test_the_other_journeys_are_still_compared(repo: Repository) -> None:
    break_file(repo, BETAAL)
    repo.edit(AANMELD, "owner: jan", "owner: jan\nstatus: mapped")
    assert [(j.id, j.change) for j in changes(repo).journeys] == [
        ("ik-betaal", "invalid"),
        ("ik-meld-me-aan", "changed"),
    ]
