"""The changes view: the diff's lines as spans (the tool's words, the user's text, code,
strong, the page a name links to), which `journeyctl diff` and the page of `render --since`
lay out alike."""

from __future__ import annotations

from journeyctl.diff.changes import (
    Changed,
    Corrected,
    Dated,
    FrameworkChange,
    Invalid,
    JourneyDiff,
    KpiMeasured,
    OtherFields,
    RankMoved,
    Revision,
    TopMoved,
    TreeDiff,
)
from journeyctl.views.diff import FOLD_DETAILS, FOLD_SECTION, Span, changes_view, plain

BASE = Revision("v1", True, 0, 0, 2)
WORKING = Revision(None, True, 0, 0, 2)
NAMES = {
    "phases": {"p": "Klant zijn"},
    "clusters": {"c": "Factuur"},
    "kpis": {"ces": "Customer Effort Score"},
}


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
    assert plain(weight) == "Gewicht van contacten: 1,0 -> 1,5"
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
                "Signaaldrempel voor stijgende contacten: 0,2 -> 0,5",
                "Maanden tot een KPI verouderd is: 6 -> 3",
            ],
        ),
        (
            "en",
            [
                "Alert threshold for rising contacts: 0.2 -> 0.5",
                "Months until a KPI is stale: 6 -> 3",
            ],
        ),
    ):
        diff = TreeDiff(BASE, WORKING, lang, [], [], settings)  # type: ignore[arg-type]
        [section] = changes_view(diff).sections
        assert [plain(entry.line) for entry in section.entries] == lines


def kpi_lines(detail: KpiMeasured, lang: str = "en") -> list[str]:
    diff = tree(journey("j", "changed", detail))
    view = changes_view(TreeDiff(BASE, WORKING, lang, diff.journeys, [], [], NAMES))  # type: ignore[arg-type]
    return [plain(line) for line in view.sections[0].entries[0].details]


def ces(
    dates: list[str],
    old_value: float | None,
    value: float | None,
    towards: bool | None,
    values: list[float],
    corrected: list[Corrected] | None = None,
    removed: list[Dated] | None = None,
    *,
    baselines: tuple[Dated | None, Dated | None] = (None, None),
    targets: tuple[float | None, float | None] = (5.5, 5.5),
) -> KpiMeasured:
    return KpiMeasured(
        "ces",
        dates,
        old_value,
        value,
        targets[1],
        towards,
        values,
        corrected or [],
        removed or [],
        old_baseline=baselines[0],
        baseline=baselines[1],
        old_target=targets[0],
    )


def test_a_measurement_added_before_the_latest_says_its_value_and_no_latest() -> None:
    """4.6 measured on 2025-12-31 between 4.4 and 4.9 (2026-06-30): the latest stays 4.9.
    It said `4,90 -> 4,90`, as if nothing had changed; the value is written as the reports
    write it (4,6, not 4,60)."""
    detail = ces(["2025-12-31"], 4.9, 4.9, None, [4.6])
    assert kpi_lines(detail, "nl") == ["Customer Effort Score gemeten 2025-12-31: 4,6"]
    assert kpi_lines(detail) == ["Customer Effort Score measured 2025-12-31: 4.6"]


def test_a_new_latest_measurement_says_its_value_and_where_the_latest_went() -> None:
    detail = ces(["2025-12-31", "2026-06-30"], 4.4, 5.0, True, [4.6, 5.0])
    assert kpi_lines(detail, "nl") == [
        "Customer Effort Score gemeten 2025-12-31: 4,6, 2026-06-30: 5,0;"
        " laatste meting 4,4 -> 5,0, richting het doel van 5,5"
    ]


def test_the_first_value_of_a_kpi_has_no_latest_before() -> None:
    detail = ces(["2025-12-31"], None, 5.1, None, [5.1], targets=(None, None))
    assert kpi_lines(detail, "nl") == ["Customer Effort Score gemeten 2025-12-31: 5,1"]


def test_a_measurement_changed_or_removed_and_the_latest_with_it() -> None:
    """Two places where a value needs them (1.33), shared by the KPI's values: 1,00."""
    changed = ces(
        [], 1.18, 1.33, False, [], [Corrected("2026-06-30", 1.18, 1.33)], targets=(1.0, 1.0)
    )
    assert kpi_lines(changed, "nl") == [
        "Customer Effort Score meting gewijzigd 2026-06-30: 1,18 -> 1,33;"
        " laatste meting 1,18 -> 1,33, weg van het doel van 1,00"
    ]
    removed = ces([], 4.9, 4.4, False, [], removed=[Dated("2026-06-30", 4.9)])
    assert kpi_lines(removed) == [
        "Customer Effort Score measurement removed 2026-06-30: 4.9;"
        " latest 4.9 -> 4.4, away from the target of 5.5"
    ]


def test_a_baseline_and_a_target_changed() -> None:
    """The baseline's dates where they differ; the target before and after."""
    detail = ces(
        [],
        3.0,
        3.0,
        None,
        [],
        baselines=(Dated("2025-01-31", 3.9), Dated("2025-02-28", 4.0)),
        targets=(5.5, 6.0),
    )
    assert kpi_lines(detail, "nl") == [
        "Customer Effort Score nulmeting: 3,9 (2025-01-31) -> 4,0 (2025-02-28)",
        "Customer Effort Score doel: 5,5 -> 6,0",
    ]
    same_day = ces(
        [], 3.0, 3.0, None, [], baselines=(Dated("2025-01-31", 3.9), Dated("2025-01-31", 4))
    )
    assert kpi_lines(same_day) == ["Customer Effort Score baseline: 3.9 -> 4.0"]
    added = ces(
        [], None, 4.0, None, [], baselines=(None, Dated("2025-01-31", 4)), targets=(None, 5)
    )
    assert kpi_lines(added) == [
        "Customer Effort Score baseline: none -> 4 (2025-01-31)",
        "Customer Effort Score target: none -> 5",
    ]


def test_a_framework_that_does_not_load_is_not_compared_never_no_changes() -> None:
    """framework.yaml did not load in the head: nothing else changed, and the summary says
    that the framework could not be compared, not that nothing changed."""
    broken = Revision(None, False, 1, 0, 2)
    view = changes_view(TreeDiff(BASE, broken, "en", [], [], [], NAMES))
    assert plain(view.summary) == "Framework: not compared (v1 -> working tree)"
    assert view.summary[0] == Span("Framework", strong=True)
    assert plain(view.warnings[0]) == (
        "working tree: framework.yaml does not load, so the framework is not compared"
    )
    assert view.changed and view.sections == ()


def test_a_framework_not_compared_beside_journeys_that_changed() -> None:
    broken = Revision("v1", False, 1, 0, 2)
    diff = TreeDiff(broken, WORKING, "en", [journey("a", "added")], [], [], NAMES)
    assert plain(changes_view(diff).summary) == (
        "Journeys: 1 added · Framework: not compared (v1 -> working tree)"
    )


def test_entering_and_leaving_the_ranking_are_position_lines() -> None:
    entered = journey(
        "a", "changed", Changed("status", "retired", "listed"), RankMoved("2025", None, "2025", 32)
    )
    left = journey(
        "b", "changed", Changed("status", "listed", "retired"), RankMoved("2025", 37, "2025", None)
    )
    [section] = changes_view(tree(entered, left)).sections
    assert [[plain(line) for line in entry.details] for entry in section.entries] == [
        ["Status: retired -> listed", "Ranking 2025: not ranked -> #32"],
        ["Status: listed -> retired", "Ranking 2025: #37 -> not ranked"],
    ]


def test_a_journey_entering_the_top_is_shown_and_those_it_pushed_down_are_counted() -> None:
    entered = journey(
        "a", "changed", Changed("status", "retired", "listed"), RankMoved("2025", None, "2025", 1)
    )
    moves = [TopMoved("a", "Reis a", None, 1), TopMoved("b", "Reis b", 1, 2)]
    matters = changes_view(tree(entered, top_moves=moves)).sections[0]
    assert [plain(entry.line) for entry in matters.entries] == [
        "Reis a: not ranked -> #1 (top 10)",
        "1 other journey in the top moved as a result",
    ]
