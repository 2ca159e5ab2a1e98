"""`journeyctl diff` as Markdown: folding long parts, every kind of line, and hostile names."""

from __future__ import annotations

import json

from journeyctl.diff.changes import (
    Changed,
    Corrected,
    Dated,
    EmotionChanged,
    FrameworkChange,
    ImprovementDiff,
    JourneyDiff,
    KpiMeasured,
    Moved,
    OtherFields,
    RankMoved,
    Revision,
    StepsChanged,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.formats._safe import is_unsafe
from journeyctl.formats.diff import FOLD_DETAILS, FOLD_SECTION, as_json, as_markdown

VALID = Revision("main", True, 0, 0, 2)
WORKING = Revision(None, True, 0, 0, 2)
NAMES = {"phases": {"p": "Klant zijn"}, "clusters": {"c": "Factuur"}, "kpis": {"nps": "NPS"}}


def tree(*journeys: JourneyDiff, lang: str = "en", **parts: object) -> TreeDiff:
    return TreeDiff(VALID, WORKING, lang, list(journeys), [], [], NAMES, **parts)  # type: ignore[arg-type]


def changed(name: str, *details: object) -> JourneyDiff:
    return JourneyDiff("j", name, "changed", "p", "c", None, list(details))  # type: ignore[arg-type]


def measured(
    dates: list[str],
    old_value: float | None,
    value: float | None,
    target: float | None,
    towards: bool | None,
    values: list[float],
    corrected: list[Corrected] | None = None,
    removed: list[Dated] | None = None,
    *,
    baselines: tuple[Dated | None, Dated | None] = (None, None),
    old_target: float | str | None = "same",
) -> KpiMeasured:
    """NPS's figures; its target the same before unless `old_target` says otherwise."""
    before = target if old_target == "same" else old_target
    assert not isinstance(before, str)
    return KpiMeasured(
        "nps",
        dates,
        old_value,
        value,
        target,
        towards,
        values,
        corrected or [],
        removed or [],
        old_baseline=baselines[0],
        baseline=baselines[1],
        old_target=before,
    )


def test_every_kind_of_detail_in_words() -> None:
    journey = changed(
        "Ik betaal",
        Moved("p", "c", "q", "d"),
        Changed("status", "listed", "mapped"),
        Changed("owner", None, "jan"),
        StepsChanged(["A"], ["B"], ["C"], True),
        EmotionChanged("A", "desired_emotion", None, 4),
        VolumeChanged("2024", 10, None, 5, None),
    )
    other = changed(
        "Ik verhuis",
        VolumeChanged("2026", None, 1200, None, 300),
        RankMoved("2025", None, "2026", 3),
        measured(["2025-12-31"], 3.0, -10.5, 20.0, False, [-10.5]),
        OtherFields(["goal", "team"]),
    )
    assert as_markdown(tree(journey, other)).splitlines() == [
        "**Journeys**: 2 changed (`main` -> working tree)",
        "",
        "### Journeys",
        "",
        "- **Ik betaal** (Klant zijn > Factuur): changed",
        f"  <details><summary>{FOLD_DETAILS + 3} change(s)</summary>",
        "",
        "  - Moved from Klant zijn > Factuur to q > d",
        "  - Status: listed -> mapped",
        "  - Owner: none -> jan",
        "  - Steps added: A",
        "  - Steps removed: B",
        "  - Steps changed: C",
        "  - Steps in a new order",
        "  - Desired emotion at A: - -> 4",
        "  - Volumes 2024: removed",
        "",
        "  </details>",
        "- **Ik verhuis** (Klant zijn > Factuur): changed",
        "  - Volumes 2026 (added): customers 1,200, contacts 300",
        "  - Ranking 2025 -> 2026: not ranked -> #3",
        "  - NPS measured 2025-12-31: -10.5; latest 3.0 -> -10.5, away from the target of 20.0",
        "  - Also changed: goal, team",
    ]


def test_a_journey_of_a_few_details_is_not_folded() -> None:
    fields = ["goal", "team", "personas", "follows", "insights", "links"]
    details = [OtherFields([field]) for field in fields[:FOLD_DETAILS]]
    assert "<details>" not in as_markdown(tree(changed("Ik betaal", *details)))


def test_a_figure_marked_or_no_longer_marked_estimated_shows_the_mark() -> None:
    """The contacts became an estimate, the customers a count: both figures are said, with
    `~` where someone estimated them; an added period marks its estimated figure."""
    marked = VolumeChanged("2025", 1000, 1000, 200, 200, ("customers",), ("contacts",))
    added = VolumeChanged("2026", None, 1100, None, 210, (), ("customers",))
    lines = as_markdown(tree(changed("Ik betaal", marked, added))).splitlines()
    assert lines[-2:] == [
        "  - Volumes 2025: customers 1,000\\~ -> 1,000, contacts 200 -> 200\\~",
        "  - Volumes 2026 (added): customers 1,100\\~, contacts 210",
    ]


def test_dutch_numbers_and_words() -> None:
    journey = changed(
        "Ik betaal", VolumeChanged("2025", 1000, 1500, 200, 200), RankMoved("2025", 7, "2025", 3)
    )
    lines = as_markdown(tree(journey, lang="nl")).splitlines()
    assert lines[0] == "**Klantreizen**: 1 gewijzigd (`main` -> werkmap)"
    assert lines[-2:] == ["  - Volumes 2025: klanten 1.000 -> 1.500", "  - Positie 2025: #7 -> #3"]


def test_a_long_section_shows_the_first_journeys_and_folds_the_rest() -> None:
    journeys = [changed(f"Reis {n:02}", OtherFields(["goal"])) for n in range(FOLD_SECTION + 2)]
    text = as_markdown(tree(*journeys))
    shown, folded = text.split("<details><summary>2 more</summary>")
    assert shown.count("**Reis") == FOLD_SECTION and folded.count("**Reis") == 2
    assert text.endswith("</details>\n")


def test_improvements_and_framework_lines() -> None:
    diff = TreeDiff(
        VALID,
        WORKING,
        "en",
        [],
        [
            ImprovementDiff("a", "Betaallink", "changed", "idea", "implemented", ["result"]),
            ImprovementDiff("b", "Herinnering", "added", None, "planned"),
        ],
        [
            FrameworkChange("ranking", "contacts", "contacts", "changed", ["weight"], 1.0, 1.5),
            FrameworkChange("criteria", "r", "Regelgeving", "changed", ["weight"], 0.5, 2.0),
            FrameworkChange("phases", "g", "Geen klant", "added"),
            FrameworkChange("clusters", "c", "Factuur", "changed", ["name", "phase"]),
            FrameworkChange(
                "framework", "language", "language", "changed", ["language"], "nl", "en"
            ),
        ],
    )
    lines = as_markdown(diff).splitlines()
    assert lines[0] == (
        "**Improvements**: 1 added, 1 changed · **Framework**: 5 change(s) (`main` -> working tree)"
    )
    # After what matters (the status change, lines 2..5), the improvements.
    assert lines[8:10] == [
        "- **Betaallink**: changed, status idea -> implemented; also changed: result",
        "- **Herinnering**: added (planned)",
    ]
    assert lines[-5:] == [
        "- Weight of contacts: 1.0 -> 1.5",
        "- Weight of Regelgeving: 0.5 -> 2.0",
        "- Phase **Geen klant**: added",
        "- Cluster **Factuur**: changed (name, phase)",
        "- Language: nl -> en",
    ]


def test_a_revision_that_does_not_load_or_validate_is_said_first() -> None:
    """The base's framework.yaml did not load: the framework was not compared, which the
    first line says instead of "no changes" (it said so, and --exit-code passed)."""
    diff = TreeDiff(
        Revision("main", False, 2, 0, 0), Revision(None, True, 1, 3, 2), "en", [], [], []
    )
    assert diff.changed
    assert as_markdown(diff).splitlines() == [
        "**Framework**: not compared (`main` -> working tree)",
        "",
        "> **`main`: framework.yaml does not load, so the framework is not compared**",
        "> **`main` does not validate: 2 error(s), 0 warning(s); `journeyctl validate` lists them**",
        "> **working tree does not validate: 1 error(s), 3 warning(s); `journeyctl validate` lists them**",
    ]


def test_hostile_names_stay_one_escaped_line(hostile: str) -> None:
    journey = JourneyDiff(
        "j", hostile, "added", "p", hostile, None, [StepsChanged([hostile], [], [], False)]
    )
    lines = as_markdown(tree(journey)).splitlines()
    assert len(lines) == 6
    assert not any(is_unsafe(char) for char in "".join(lines))
    assert "<script>" not in "".join(lines)
    data = json.loads(as_json(tree(journey)))
    assert data["journeys"][0]["name"] == hostile


def test_a_moved_journey_is_counted_as_moved() -> None:
    moved = JourneyDiff("m", "Ik verhuis", "moved", "p", "c", None, [Moved("q", "d", "p", "c")])
    lines = as_markdown(tree(moved, changed("Ik betaal", OtherFields(["goal"])))).splitlines()
    assert lines[0] == "**Journeys**: 1 moved, 1 changed (`main` -> working tree)"
    assert lines[4:6] == [
        "- **Ik verhuis** (Klant zijn > Factuur): moved",
        "  - Moved from q > d to Klant zijn > Factuur",
    ]
    dutch = as_markdown(tree(moved, lang="nl")).splitlines()
    assert dutch[0] == "**Klantreizen**: 1 verplaatst (`main` -> werkmap)"
    assert dutch[4:6] == [
        "- **Ik verhuis** (Klant zijn > Factuur): verplaatst",
        "  - Verplaatst van q > d naar Klant zijn > Factuur",
    ]


def test_every_word_of_a_dutch_diff_is_dutch() -> None:
    diff = TreeDiff(
        VALID,
        WORKING,
        "nl",
        [changed("Ik betaal", OtherFields(["goal", "desired_emotions", "follows"]))],
        [
            ImprovementDiff(
                "a", "Betaallink", "changed", "planned", "implemented", ["done", "result"]
            )
        ],
        [
            FrameworkChange("clusters", "c", "Factuur", "changed", ["name", "phase"]),
            FrameworkChange(
                "framework", "language", "language", "changed", ["language"], "en", "nl"
            ),
            FrameworkChange(
                "review", "cadence", "cadence", "changed", ["cadence"], "yearly", "quarterly"
            ),
        ],
        NAMES,
    )
    lines = as_markdown(diff).splitlines()
    assert "  - Ook gewijzigd: doel, gewenste emoties, volgt op" in lines
    assert (
        "- **Betaallink**: gewijzigd, status gepland -> doorgevoerd; ook gewijzigd: afgerond op, resultaat"
        in lines
    )
    assert lines[-3:] == [
        "- Cluster **Factuur**: gewijzigd (naam, fase)",
        "- Taal: en -> nl",
        "- Reviewfrequentie: jaarlijks -> per kwartaal",
    ]


def test_the_json_has_every_key_of_the_documented_shape() -> None:
    """Ids and plain numbers, every detail with its kind (as the module's docstring says)."""
    diff = TreeDiff(
        Revision("main", True, 0, 1, 2),
        Revision(None, False, 2, 0, 1),
        "nl",
        [
            JourneyDiff(
                "nieuw",
                "Nieuw",
                "renamed",
                "p",
                "c",
                "oud",
                [
                    Moved("q", "d", "p", "c"),
                    Changed("status", "listed", "mapped"),
                    StepsChanged(["A"], ["B"], ["C"], True),
                    EmotionChanged("A", "emotion", 2, None),
                    VolumeChanged("2025", 10, 12, 3, None),
                    RankMoved("2024", 2, "2025", None),
                    measured(
                        ["2025-06-30"],
                        4.0,
                        4.5,
                        10.0,
                        True,
                        [4.5],
                        [Corrected("2025-03-31", 3.0, 4.0)],
                        [Dated("2025-01-31", 2.0)],
                        baselines=(None, Dated("2024-12-31", 1.0)),
                        old_target=8.0,
                    ),
                    OtherFields(["goal"]),
                ],
            )
        ],
        [ImprovementDiff("i", "Idee", "changed", "idea", "planned", ["effort"])],
        [FrameworkChange("criteria", "r", "Regels", "changed", ["weight"], 0.5, 2.0)],
        NAMES,
    )
    assert json.loads(as_json(diff)) == {
        "base": {
            "revision": "main",
            "loaded": True,
            "errors": 0,
            "warnings": 1,
            "journeys": 2,
            "merge_base": None,
            "valid": True,
        },
        "head": {
            "revision": None,
            "loaded": False,
            "errors": 2,
            "warnings": 0,
            "journeys": 1,
            "merge_base": None,
            "valid": False,
        },
        "changed": True,
        "journeys": [
            {
                "id": "nieuw",
                "change": "renamed",
                "old_id": "oud",
                "name": "Nieuw",
                "phase": "p",
                "cluster": "c",
                "details": [
                    {
                        "kind": "moved",
                        "old_phase": "q",
                        "old_cluster": "d",
                        "phase": "p",
                        "cluster": "c",
                    },
                    {"kind": "field", "field": "status", "old": "listed", "new": "mapped"},
                    {
                        "kind": "steps",
                        "added": ["A"],
                        "removed": ["B"],
                        "changed": ["C"],
                        "reordered": True,
                    },
                    {"kind": "emotion", "step": "A", "field": "emotion", "old": 2, "new": None},
                    {
                        "kind": "volume",
                        "period": "2025",
                        "old_customers": 10,
                        "customers": 12,
                        "old_contacts": 3,
                        "contacts": None,
                        "old_estimated": [],
                        "estimated": [],
                    },
                    {
                        "kind": "rank",
                        "old_period": "2024",
                        "old_rank": 2,
                        "period": "2025",
                        "rank": None,
                    },
                    {
                        "kind": "kpi",
                        "kpi": "nps",
                        "dates": ["2025-06-30"],
                        "old_value": 4.0,
                        "value": 4.5,
                        "target": 10.0,
                        "towards_target": True,
                        # Added to the keys above: what else of the KPI's figures changed.
                        "values": [4.5],
                        "changed": [{"date": "2025-03-31", "old": 3.0, "new": 4.0}],
                        "removed": [{"date": "2025-01-31", "value": 2.0}],
                        "old_baseline": None,
                        "baseline": {"date": "2024-12-31", "value": 1.0},
                        "old_target": 8.0,
                    },
                    {"kind": "other", "fields": ["goal"]},
                ],
                "similarity": None,
            }
        ],
        "improvements": [
            {
                "id": "i",
                "title": "Idee",
                "change": "changed",
                "old_status": "idea",
                "status": "planned",
                "fields": ["effort"],
            }
        ],
        "framework": [
            {
                "section": "criteria",
                "id": "r",
                "name": "Regels",
                "change": "changed",
                "fields": ["weight"],
                "old_value": 0.5,
                "value": 2.0,
            }
        ],
        "framework_compared": False,
        "top_moves": [],
    }


def test_the_json_of_no_changes() -> None:
    data = json.loads(as_json(TreeDiff(VALID, WORKING, "en", [], [], [])))
    assert (data["changed"], data["journeys"], data["improvements"], data["framework"]) == (
        False,
        [],
        [],
        [],
    )
    assert data["framework_compared"] is True


def test_added_removed_and_renamed_in_words() -> None:
    """Every kind of journey change counted in the summary; an old id, an owner by name, only
    the figure that changed, a first measurement without a target; improvements and
    framework entries removed, the review cadence, a setting that had no value."""
    renamed = JourneyDiff(
        "n",
        "Renamed",
        "renamed",
        "p",
        "c",
        "o",
        [
            Changed("owner", "jan", "piet"),
            VolumeChanged("2025", 10, 10, 3, 4),
            measured(["2025-01-01", "2025-02-01"], None, 4.0, None, None, [3.0, 4.0]),
        ],
    )
    diff = TreeDiff(
        VALID,
        Revision("feature", True, 0, 0, 3),
        "en",
        [
            JourneyDiff("a", "Added", "added", "p", "c"),
            renamed,
            JourneyDiff("r", "Removed", "removed", "q", "d"),
        ],
        [
            ImprovementDiff("x", "Gone", "removed", "planned", None),
            ImprovementDiff("y", "New", "added", None, "idea"),
        ],
        [
            FrameworkChange("owners", "piet", "Piet", "removed"),
            FrameworkChange(
                "review", "cadence", "cadence", "changed", ["cadence"], "quarterly", "monthly"
            ),
            FrameworkChange(
                "framework", "description", "description", "changed", ["description"], None, "Now"
            ),
            FrameworkChange("criteria", "r", "Rules", "changed", ["weight", "name"]),
        ],
        {**NAMES, "owners": {"jan": "Jan Jansen"}},
    )
    assert as_markdown(diff).splitlines() == [
        "**Journeys**: 1 added, 1 removed, 1 renamed · **Improvements**: 1 added, 1 removed"
        " · **Framework**: 4 change(s) (`main` -> `feature`)",
        "",
        "### Journeys",
        "",
        "- **Added** (Klant zijn > Factuur): added",
        "- **Renamed** (Klant zijn > Factuur): renamed",
        "  - Id: `o` -> `n`",
        "  - Owner: Jan Jansen -> piet",
        "  - Volumes 2025: contacts 3 -> 4",
        "  - NPS measured 2025-01-01: 3, 2025-02-01: 4",
        "- **Removed** (q > d): removed",
        "",
        "### Improvements",
        "",
        "- **Gone**: removed",
        "- **New**: added (idea)",
        "",
        "### Framework",
        "",
        "- Owner **Piet**: removed",
        "- Review cadence: quarterly -> monthly",
        "- Description: none -> Now",
        "- Criterion **Rules**: changed (weight, name)",
    ]


def test_each_value_in_dutch_words() -> None:
    """A status by its Dutch label, other fields as written, an emotion before and after, a
    KPI towards its target, a first measurement with a target but nothing to compare, an
    improvement changed without its status."""
    journey = changed(
        "Ik betaal",
        Changed("status", "listed", "mapped"),
        Changed("name", "Oud", "Nieuw"),
        EmotionChanged("A", "emotion", 2, 4),
        measured(["2025-12-31"], 3.0, 10.0, 20.0, True, [10.0]),
        measured(["2026-01-31"], None, 10.0, 20.0, None, [10.0]),
    )
    improvement = ImprovementDiff("a", "Betaallink", "changed", None, "idea", ["effort"])
    diff = TreeDiff(VALID, WORKING, "nl", [journey], [improvement], [], NAMES)
    assert as_markdown(diff).splitlines()[4:] == [
        "- **Ik betaal** (Klant zijn > Factuur): gewijzigd",
        "  - Status: geïnventariseerd -> in kaart gebracht",
        "  - Naam: Oud -> Nieuw",
        "  - Emotie bij A: 2 -> 4",
        "  - NPS gemeten 2025-12-31: 10; laatste meting 3 -> 10, richting het doel van 20",
        "  - NPS gemeten 2026-01-31: 10",
        "",
        "### Verbeteringen",
        "",
        "- **Betaallink**: gewijzigd; ook gewijzigd: inspanning",
    ]


def test_long_sections_of_improvements_and_framework_fold_in_the_frameworks_language() -> None:
    improvements = [
        ImprovementDiff(f"i{n:02}", f"Idee {n:02}", "added", None, "idea")
        for n in range(FOLD_SECTION + 1)
    ]
    framework = [
        FrameworkChange("phases", f"p{n:02}", f"Fase {n:02}", "added")
        for n in range(FOLD_SECTION + 1)
    ]
    lines = as_markdown(TreeDiff(VALID, WORKING, "nl", [], improvements, framework, NAMES))
    shown = lines.splitlines()
    assert shown[2:5] == ["### Verbeteringen", "", "- **Idee 00**: toegevoegd (idee)"]
    assert shown[19:26] == [
        "",
        "<details><summary>nog 1</summary>",
        "",
        "- **Idee 15**: toegevoegd (idee)",
        "",
        "</details>",
        "",
    ]
    assert shown[26:29] == ["### Raamwerk", "", "- Fase **Fase 00**: toegevoegd"]
    assert shown[-6:] == [
        "",
        "<details><summary>nog 1</summary>",
        "",
        "- Fase **Fase 15**: toegevoegd",
        "",
        "</details>",
    ]
