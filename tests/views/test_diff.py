"""The changes view: the diff's lines as spans (the tool's words, the user's text, code,
strong, the page a name links to), which `journeyctl diff` and the page of `render --since`
lay out alike."""

from __future__ import annotations

from journeyctl.diff.changes import (
    FrameworkChange,
    Invalid,
    JourneyDiff,
    OtherFields,
    Revision,
    TreeDiff,
)
from journeyctl.views.diff import FOLD_DETAILS, FOLD_SECTION, Span, changes_view, plain

BASE = Revision("v1", True, 0, 0, 2)
WORKING = Revision(None, True, 0, 0, 2)
NAMES = {"phases": {"p": "Klant zijn"}, "clusters": {"c": "Factuur"}}


def journey(id_: str, change: str, *details: object) -> JourneyDiff:
    return JourneyDiff(id_, f"Reis {id_}", change, "p", "c", None, list(details))  # type: ignore[arg-type]


def tree(*journeys: JourneyDiff, **parts: object) -> TreeDiff:
    return TreeDiff(BASE, WORKING, "en", list(journeys), [], [], NAMES, **parts)  # type: ignore[arg-type]


def test_a_journey_is_named_by_its_name_linked_to_its_map_unless_removed() -> None:
    view = changes_view(tree(journey("a", "added"), journey("b", "removed")))
    [section] = view.sections
    assert section.title == "Journeys"
    added, removed = (entry.line for entry in section.entries)
    assert added[0] == Span("Reis a", "text", strong=True, link="journeys/a")
    assert removed[0] == Span("Reis b", "text", strong=True, link="")
    assert plain(added) == "Reis a (Klant zijn > Factuur): added"
    assert view.changed


def test_the_summary_names_both_revisions_the_base_as_code() -> None:
    view = changes_view(tree(journey("a", "changed", OtherFields(["goal"]))))
    assert plain(view.summary) == "Journeys: 1 changed (v1 -> working tree)"
    assert Span("v1", "code") in view.summary
    assert view.summary[0] == Span("Journeys", strong=True)


def test_a_command_in_a_label_is_code_and_a_warning_is_strong() -> None:
    view = changes_view(TreeDiff(BASE, Revision(None, True, 2, 0, 1), "en", [], [], []))
    [warning] = view.warnings
    assert Span("journeyctl validate", "code", strong=True) in warning
    assert all(span.strong for span in warning)
    assert not view.changed and view.sections == ()


def test_many_details_fold_and_a_long_section_shows_its_first_entries() -> None:
    many = journey("m", "changed", *[OtherFields(["goal"]) for _ in range(FOLD_DETAILS + 1)])
    entries = [journey(f"j{n}", "added") for n in range(FOLD_SECTION + 3)]
    view = changes_view(tree(many, *entries))
    [section] = view.sections
    assert section.entries[0].folded == f"{FOLD_DETAILS + 1} change(s)"
    assert section.entries[1].folded == ""
    assert (section.shown, section.more) == (FOLD_SECTION, "4 more")


def test_what_matters_comes_first_with_a_file_that_became_invalid() -> None:
    broken = Invalid("head", "journeys/x.yaml", 3, 1, "not a number")
    view = changes_view(tree(journey("x", "invalid", broken)))
    assert [s.title for s in view.sections] == ["What matters", "Journeys"]
    [entry] = view.sections[0].entries
    assert Span("journeys/x.yaml:3", "code") in entry.line


def test_a_weight_and_an_entry_of_the_framework() -> None:
    diff = TreeDiff(
        BASE,
        WORKING,
        "nl",
        [],
        [],
        [
            FrameworkChange("ranking", "contacts", "contacts", "changed", ["weight"], 1.0, 1.5),
            FrameworkChange("phases", "g", "Geen <klant>", "added"),
        ],
    )
    [section] = changes_view(diff).sections
    weight, phase = (entry.line for entry in section.entries)
    assert plain(weight) == "Gewicht van contacten: 1 -> 1,50"
    assert Span("Geen <klant>", "text", strong=True) in phase


def test_a_key_of_a_block_of_settings_is_a_setting_with_its_values() -> None:
    """The alerts' threshold and months, as the review cadence: named, old -> new."""
    settings = [
        FrameworkChange(
            "alerts",
            "contact_rate_increase",
            "contact_rate_increase",
            "changed",
            ["contact_rate_increase"],
            0.2,
            0.5,
        ),
        FrameworkChange(
            "alerts",
            "kpi_stale_after_months",
            "kpi_stale_after_months",
            "changed",
            ["kpi_stale_after_months"],
            6,
            3,
        ),
    ]
    for lang, lines in (
        (
            "nl",
            [
                "Signaaldrempel voor stijgende contacten: 0,20 -> 0,50",
                "Maanden tot een KPI verouderd is: 6 -> 3",
            ],
        ),
        (
            "en",
            [
                "Alert threshold for rising contacts: 0.20 -> 0.50",
                "Months until a KPI is stale: 6 -> 3",
            ],
        ),
    ):
        diff = TreeDiff(BASE, WORKING, lang, [], [], settings)  # type: ignore[arg-type]
        [section] = changes_view(diff).sections
        assert [plain(entry.line) for entry in section.entries] == lines
