"""Every kind of change between two revisions of a real repository, as `diff` reports it.

The base tree (tests/cases/base) ranks ik-betaal first and ik-meld-me-aan second in 2025;
5,000 customers and 4,000 contacts put ik-meld-me-aan first (score 71.4 against 50.0).
"""

from __future__ import annotations

from typing import get_args

import pytest

from journeyctl.diff import diff
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
    StepsChanged,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.diff.compare import (
    _FRAMEWORK_FIELDS,
    _FRAMEWORK_LISTS,
    SETTINGS_BLOCKS,
    _framework,
)
from journeyctl.model import Framework
from journeyctl.model.framework import Phase
from tests.diff.conftest import AANMELD, BETAAL, BETAALLINK, Repository, git


def changes(repo: Repository, base: str = "base", head: str | None = None) -> TreeDiff:
    return diff(str(repo.root), base, head)


def journey(result: TreeDiff, id_: str) -> JourneyDiff:
    return next(j for j in result.journeys if j.id == id_)


BASELINE = Dated("2025-01-31", -5.0)  # ik-betaal's NPS, with target 20


def nps(
    dates: list[str],
    old_value: float | None,
    value: float | None,
    towards: bool | None,
    values: list[float],
    changed: list[Corrected] | None = None,
    removed: list[Dated] | None = None,
    *,
    baselines: tuple[Dated | None, Dated | None] = (BASELINE, BASELINE),
    targets: tuple[float | None, float | None] = (20.0, 20.0),
) -> KpiMeasured:
    """ik-betaal's NPS detail: baseline -5 and target 20 unless said otherwise."""
    return KpiMeasured(
        "nps",
        dates,
        old_value,
        value,
        targets[1],
        towards,
        values,
        changed or [],
        removed or [],
        old_baseline=baselines[0],
        baseline=baselines[1],
        old_target=targets[0],
    )


def test_the_same_tree_has_no_changes(repo: Repository) -> None:
    result = changes(repo)
    assert not result.changed
    assert (result.journeys, result.improvements, result.framework) == ([], [], [])
    assert result.base.valid and result.head.valid and result.head.revision is None
    assert (result.base.journeys, result.language) == (2, "nl")


def test_volumes_changed_with_the_rank_movement(repo: Repository) -> None:
    repo.edit(AANMELD, "customers: 500, contacts: 400", "customers: 5000, contacts: 4000")
    result = changes(repo)
    assert journey(result, "ik-meld-me-aan").details == [
        VolumeChanged("2025", 500, 5000, 400, 4000),
        RankMoved("2025", 2, "2025", 1),
    ]
    # The other journey moved down only because of this one: not a change of its own.
    assert [j.id for j in result.journeys] == ["ik-meld-me-aan"]


def test_a_period_added_is_a_volume_change_from_nothing(repo: Repository) -> None:
    repo.edit(AANMELD, "volumes:\n", 'volumes:\n  - {period: "2024", customers: 7, contacts: 3}\n')
    assert journey(changes(repo), "ik-meld-me-aan").details == [
        VolumeChanged("2024", None, 7, None, 3)
    ]


def test_steps_added_removed_changed_and_reordered(repo: Repository) -> None:
    repo.edit(
        BETAAL,
        "steps:\n  - name: Ik ontvang de factuur\n    touchpoints: [web]\n",
        "steps:\n  - name: Ik lees de mail\n  - name: Ik open de app\n"
        "  - name: Ik ontvang de factuur\n    touchpoints: [telefoon]\n",
    )
    result = changes(repo)
    assert journey(result, "ik-betaal").details == [
        StepsChanged(["Ik lees de mail", "Ik open de app"], [], ["Ik ontvang de factuur"], False)
    ]
    repo.commit()
    repo.edit(BETAAL, "  - name: Ik lees de mail\n", "")
    repo.edit(BETAAL, "  - name: Ik open de app\n", "")
    repo.edit(
        BETAAL,
        "  - name: Ik betaal\n    touchpoints: [web, telefoon]\n    emotion: 2\n    desired_emotion: 4\n",
        "",
    )
    repo.edit(
        BETAAL,
        "steps:\n",
        "steps:\n  - name: Ik betaal\n    touchpoints: [web, telefoon]\n    emotion: 2\n"
        "    desired_emotion: 4\n",
    )
    [steps] = journey(changes(repo, "HEAD"), "ik-betaal").details
    assert steps == StepsChanged([], ["Ik lees de mail", "Ik open de app"], [], True)


def test_emotions_are_told_apart_from_other_step_changes(repo: Repository) -> None:
    repo.edit(BETAAL, "emotion: 2\n    desired_emotion: 4", "emotion: 4\n    desired_emotion: 5")
    assert journey(changes(repo), "ik-betaal").details == [
        EmotionChanged("Ik betaal", "emotion", 2, 4),
        EmotionChanged("Ik betaal", "desired_emotion", 4, 5),
    ]


def test_name_status_owner_and_other_fields(repo: Repository) -> None:
    repo.edit(AANMELD, "name: Ik meld me aan", "name: Ik word klant\ndescription: Nieuw")
    repo.edit(AANMELD, "owner: jan", "status: mapped")
    assert journey(changes(repo), "ik-meld-me-aan").details == [
        Changed("name", "Ik meld me aan", "Ik word klant"),
        Changed("status", "listed", "mapped"),
        Changed("owner", "jan", None),
        OtherFields(["description"]),
    ]


def test_a_move_to_another_phase_and_cluster(repo: Repository) -> None:
    repo.edit(
        BETAAL, "phase: klant-zijn\ncluster: facturatie", "phase: klant-worden\ncluster: aanmelden"
    )
    result = changes(repo)
    assert journey(result, "ik-betaal").details == [
        Moved("klant-zijn", "facturatie", "klant-worden", "aanmelden")
    ]
    # Counted as moved, not as changed, in the summary too.
    assert journey(result, "ik-betaal").change == "moved"
    assert (result.count("moved"), result.count("changed")) == (1, 0)


def test_a_move_with_other_changes_is_still_a_move(repo: Repository) -> None:
    git(
        repo.path,
        "mv",
        f"journeys/{BETAAL}",
        "journeys/klant-worden/aanmelden/ik-betaal.yaml",
    )
    moved = "klant-worden/aanmelden/ik-betaal.yaml"
    repo.edit(
        moved, "phase: klant-zijn\ncluster: facturatie", "phase: klant-worden\ncluster: aanmelden"
    )
    repo.edit(moved, "status: listed", "status: mapped")
    result = journey(changes(repo), "ik-betaal")
    assert result.change == "moved"
    assert result.details == [
        Moved("klant-zijn", "facturatie", "klant-worden", "aanmelden"),
        Changed("status", "listed", "mapped"),
    ]


def test_a_rename_is_one_change_not_a_removal_and_an_addition(repo: Repository) -> None:
    git(
        repo.path, "mv", f"journeys/{AANMELD}", "journeys/klant-worden/aanmelden/ik-word-klant.yaml"
    )
    repo.edit(
        "klant-worden/aanmelden/ik-word-klant.yaml", "id: ik-meld-me-aan", "id: ik-word-klant"
    )
    repo.edit(BETAAL, "follows: [ik-meld-me-aan]", "follows: [ik-word-klant]")
    result = changes(repo)
    renamed = journey(result, "ik-word-klant")
    assert (renamed.change, renamed.old_id, renamed.details) == ("renamed", "ik-meld-me-aan", [])
    assert journey(result, "ik-betaal").details == [OtherFields(["follows"])]
    assert result.count("removed") == result.count("added") == 0


def test_a_new_id_with_other_content_is_an_addition_and_a_removal(repo: Repository) -> None:
    (repo.root / AANMELD).unlink()
    repo.write(
        "klant-worden/aanmelden/ik-word-klant.yaml",
        "id: ik-word-klant\nname: Ik word klant\nphase: klant-worden\ncluster: aanmelden\n"
        "owner: jan\n",
    )
    repo.edit(BETAAL, "follows: [ik-meld-me-aan]", "follows: []")
    result = changes(repo)
    assert [(j.id, j.change) for j in result.journeys] == [
        ("ik-betaal", "changed"),
        ("ik-meld-me-aan", "removed"),
        ("ik-word-klant", "added"),
    ]
    assert journey(result, "ik-word-klant").name == "Ik word klant"


@pytest.mark.parametrize(
    ("value", "towards"),
    [("10", True), ("-10", False), ("3", None), ("40", False)],
    ids=["towards", "away", "same", "beyond"],
)
@pytest.mark.slow
def test_kpi_measurements_added_and_whether_they_moved_towards_the_target(
    repo: Repository, value: str, towards: bool | None
) -> None:
    repo.edit(BETAAL, "value: 3}", f"value: 3}}\n      - {{date: 2025-12-31, value: {value}}}")
    assert journey(changes(repo), "ik-betaal").details == [
        nps(["2025-12-31"], 3.0, float(value), towards, [float(value)])
    ]


def test_a_measurement_added_before_the_latest_says_its_value(repo: Repository) -> None:
    """The latest value stays 3: the detail says the measurement added (1 on 2025-03-31),
    and that the latest did not move."""
    repo.edit(
        BETAAL,
        "      - {date: 2025-06-30",
        "      - {date: 2025-03-31, value: 1}\n      - {date: 2025-06-30",
    )
    [measured] = journey(changes(repo), "ik-betaal").details
    assert measured == nps(["2025-03-31"], 3.0, 3.0, None, [1.0])
    assert not measured.latest_moved


def test_a_new_target_is_the_kpis_change_not_another_field(repo: Repository) -> None:
    repo.edit(BETAAL, "target: 20", "target: 30")
    assert journey(changes(repo), "ik-betaal").details == [
        nps([], 3.0, 3.0, None, [], targets=(20.0, 30.0))
    ]


def test_a_baseline_changed_is_the_kpis_change(repo: Repository) -> None:
    repo.edit(BETAAL, "{value: -5, date: 2025-01-31}", "{value: -4, date: 2025-02-28}")
    assert journey(changes(repo), "ik-betaal").details == [
        nps([], 3.0, 3.0, None, [], baselines=(BASELINE, Dated("2025-02-28", -4.0)))
    ]


def test_a_measurement_removed_moves_the_latest_back(repo: Repository) -> None:
    """The only measurement gone: the latest value is the baseline again, farther from 20."""
    repo.edit(BETAAL, "    measurements:\n      - {date: 2025-06-30, value: 3}\n", "")
    assert journey(changes(repo), "ik-betaal").details == [
        nps([], 3.0, -5.0, False, [], removed=[Dated("2025-06-30", 3.0)])
    ]


def test_a_kpi_removed_is_every_figure_removed(repo: Repository) -> None:
    repo.edit(BETAAL, "kpis:\n", "")
    repo.edit(BETAAL, "  nps:\n    baseline: {value: -5, date: 2025-01-31}\n    target: 20\n", "")
    repo.edit(BETAAL, "    measurements:\n      - {date: 2025-06-30, value: 3}\n", "")
    [removed] = journey(changes(repo), "ik-betaal").details
    assert removed == nps(
        [], 3.0, None, None, [], removed=[Dated("2025-06-30", 3.0)],
        baselines=(BASELINE, None), targets=(20.0, None),
    )  # fmt: skip
    assert removed.latest_moved


def test_a_measurements_count_or_source_alone_is_another_change(repo: Repository) -> None:
    repo.edit(BETAAL, "{date: 2025-06-30, value: 3}", "{date: 2025-06-30, value: 3, n: 120}")
    assert journey(changes(repo), "ik-betaal").details == [OtherFields(["kpis"])]


def test_an_empty_kpi_added_is_another_change(repo: Repository) -> None:
    repo.edit(AANMELD, "criteria:", "kpis:\n  nps: {}\ncriteria:")
    assert journey(changes(repo), "ik-meld-me-aan").details == [OtherFields(["kpis"])]


def test_improvements_added_removed_and_status_changes(repo: Repository) -> None:
    repo.edit(BETAALLINK, "status: idea", "status: implemented\nresult: Werkt")
    repo.write(
        "improvements/herinnering.yaml",
        "id: herinnering\ntitle: Vriendelijke herinnering\njourneys: [ik-betaal]\nstatus: planned\n",
    )
    result = changes(repo)
    assert result.improvements == [
        ImprovementDiff(
            "betaallink",
            "Betaallink in de factuurmail",
            "changed",
            "idea",
            "implemented",
            ["result"],
        ),
        ImprovementDiff("herinnering", "Vriendelijke herinnering", "added", None, "planned"),
    ]
    repo.commit()
    (repo.root / BETAALLINK).unlink()
    assert changes(repo, "HEAD").improvements == [
        ImprovementDiff(
            "betaallink", "Betaallink in de factuurmail", "removed", "implemented", None
        )
    ]


def test_framework_changes_phases_clusters_contact_reasons_owners_and_weights(
    repo: Repository,
) -> None:
    framework = "framework.yaml"
    repo.edit(framework, "name: Testbedrijf", "name: Testbedrijf BV")
    repo.edit(framework, "phases:\n", "phases:\n  - id: geen-klant\n    name: Geen klant\n")
    repo.edit(framework, "name: Ik word klant", "name: Ik word klant bij ons")
    repo.edit(
        framework,
        "  - id: factuur-vraag\n",
        "  - id: factuur-te-hoog\n    name: Factuur te hoog\n    phase: klant-zijn\n  - id: factuur-vraag\n",
    )
    repo.edit(framework, "owners:\n", "owners:\n  - id: piet\n    name: Piet\n")
    repo.edit(framework, "    weight: 0.5", "    weight: 2")
    repo.edit(framework, "review:", "ranking:\n  contacts: 1.5\nreview:")
    assert changes(repo).framework == [
        FrameworkChange(
            "framework", "name", "name", "changed", ["name"], "Testbedrijf", "Testbedrijf BV"
        ),
        FrameworkChange("ranking", "contacts", "contacts", "changed", ["weight"], 1.0, 1.5),
        FrameworkChange("phases", "geen-klant", "Geen klant", "added"),
        FrameworkChange("clusters", "aanmelden", "Ik word klant bij ons", "changed", ["name"]),
        FrameworkChange("contact_reasons", "factuur-te-hoog", "Factuur te hoog", "added"),
        FrameworkChange("owners", "piet", "Piet", "added"),
        FrameworkChange("criteria", "regelgeving", "Regelgeving", "changed", ["weight"], 0.5, 2.0),
    ]


def test_the_alert_settings_are_framework_changes_as_the_review_cadence_is(
    repo: Repository,
) -> None:
    """Which alerts fire depends on them, so a diff that misses them hides a change of the
    alerts report behind "no changes"."""
    repo.edit(
        "framework.yaml",
        "review:\n  cadence: quarterly\n",
        "review:\n  cadence: monthly\nalerts:\n  contact_rate_increase: 0.5\n"
        "  kpi_stale_after_months: 3\n",
    )
    result = changes(repo)
    assert result.changed
    assert result.framework == [
        FrameworkChange(
            "review", "cadence", "cadence", "changed", ["cadence"], "quarterly", "monthly"
        ),
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


def test_every_field_of_the_framework_is_compared() -> None:
    """A top-level value, a list of entries, the ranking's weights or a block of settings:
    a field the model adds must be one of them, or a diff would leave its changes out."""
    assert sorted(Framework.model_fields) == sorted(
        [*_FRAMEWORK_FIELDS, *_FRAMEWORK_LISTS, "ranking", *SETTINGS_BLOCKS]
    )
    assert SETTINGS_BLOCKS == ("review", "alerts")


SETTINGS = [
    (block, key)
    for block in ("ranking", *SETTINGS_BLOCKS)
    for key in type(
        getattr(Framework(name="x", phases=[Phase(id="p", name="P")]), block)
    ).model_fields
]


@pytest.mark.parametrize(("block", "key"), SETTINGS)
def test_a_change_of_any_setting_is_one_framework_change(block: str, key: str) -> None:
    old = Framework(name="x", phases=[Phase(id="p", name="P")])
    settings = getattr(old, block)
    was = getattr(settings, key)
    now = _another_value(type(settings).model_fields[key].annotation, was)
    new = old.model_copy(update={block: settings.model_copy(update={key: now})})
    fields = ["weight"] if block == "ranking" else [key]
    assert _framework(old, new) == [FrameworkChange(block, key, key, "changed", fields, was, now)]
    assert _framework(old, old) == []


def _another_value(annotation: object, value: object) -> object:
    """A valid value of the setting's type other than `value`."""
    choices = get_args(annotation)
    if choices and all(isinstance(choice, str) for choice in choices):  # a Literal
        return next(choice for choice in choices if choice != value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AssertionError(f"give a setting of type {annotation} a value to change it to")
    return value + 1


def test_a_revision_that_does_not_validate_is_compared_with_its_findings_counted(
    repo: Repository,
) -> None:
    repo.edit(AANMELD, "owner: jan", "owner: nobody")
    repo.commit("broken")
    repo.edit(AANMELD, "owner: nobody", "owner: jan")
    result = changes(repo, "HEAD")
    assert (result.base.valid, result.base.loaded, result.base.errors) == (False, True, 1)
    assert result.head.valid
    # Its error kept it out of the base's ranking; fixed, it enters it.
    assert journey(result, "ik-meld-me-aan").details == [
        Changed("owner", "nobody", "jan"),
        RankMoved("2025", None, "2025", 2),
    ]


def test_a_framework_that_does_not_load_leaves_the_framework_uncompared(repo: Repository) -> None:
    repo.write("framework.yaml", "name: [unclosed\n")
    result = changes(repo)
    assert (result.head.loaded, result.head.valid, result.framework) == (False, False, [])
    assert result.head.errors >= 1
    assert result.journeys == []  # the journeys still load and are the same


def test_a_framework_that_does_not_load_is_a_change_not_none(repo: Repository) -> None:
    """An unknown key (JC101) keeps framework.yaml from loading: its settings that changed
    beside it are not compared, so the diff cannot say nothing changed (`--exit-code` fails)."""
    repo.edit("framework.yaml", "review:\n  cadence: quarterly", "ranking:\n  regelgeving: 0.5\n"
              "review:\n  cadence: monthly")  # fmt: skip
    result = changes(repo)
    assert (result.head.loaded, result.framework, result.journeys) == (False, [], [])
    assert (result.framework_compared, result.changed) == (False, True)
    assert result.to_dict()["framework_compared"] is False
    assert result.to_dict()["changed"] is True


@pytest.mark.slow
def test_a_framework_that_loads_in_neither_revision_is_not_compared_either(
    repo: Repository,
) -> None:
    repo.write("framework.yaml", "name: [unclosed\n")
    repo.commit("broken")
    result = changes(repo, "HEAD")
    assert (result.base.loaded, result.head.loaded, result.journeys) == (False, False, [])
    assert (result.framework_compared, result.changed) == (False, True)


def test_a_framework_that_loads_in_both_is_compared(repo: Repository) -> None:
    result = changes(repo)
    assert (result.framework_compared, result.changed) == (True, False)
    assert result.to_dict()["framework_compared"] is True


def test_uncommitted_changes_count_for_the_working_tree_only(repo: Repository) -> None:
    repo.edit(AANMELD, "name: Ik meld me aan", "name: Ik word klant")
    assert changes(repo, "base").changed
    assert not changes(repo, "base", "HEAD").changed
    repo.commit()
    assert changes(repo, "base", "HEAD").changed


def test_an_entry_removed_from_the_framework_is_named_from_the_base(repo: Repository) -> None:
    repo.edit("framework.yaml", "owners:\n", "owners:\n  - id: piet\n    name: Piet Pietersen\n")
    repo.commit()
    repo.edit("framework.yaml", "  - id: piet\n    name: Piet Pietersen\n", "")
    result = changes(repo, "HEAD")
    assert result.framework == [FrameworkChange("owners", "piet", "Piet Pietersen", "removed")]
    assert result.names["owners"] == {"piet": "Piet Pietersen", "jan": "Jan Jansen"}


def test_names_are_the_heads_and_the_bases_for_what_was_removed(repo: Repository) -> None:
    repo.edit("framework.yaml", "phases:\n", "phases:\n  - id: geen-klant\n    name: Geen klant\n")
    repo.edit("framework.yaml", "name: Ik word klant", "name: Ik word nu klant")
    repo.edit("framework.yaml", "    name: NPS", "    name: Net Promoter Score")
    assert changes(repo).names == {
        "phases": {
            "klant-worden": "Klant worden",
            "klant-zijn": "Klant zijn",
            "geen-klant": "Geen klant",
        },
        "clusters": {
            "aanmelden": "Ik word nu klant",
            "facturatie": "Ik ontvang en betaal de factuur",
        },
        "owners": {"jan": "Jan Jansen"},
        "kpis": {"nps": "Net Promoter Score"},
    }


def test_the_language_is_the_bases_when_the_heads_framework_does_not_load(
    repo: Repository,
) -> None:
    repo.write("framework.yaml", "name: [unclosed\n")
    result = changes(repo)
    assert (result.language, result.head.loaded, result.base.loaded) == ("nl", False, True)
    assert result.names["owners"] == {"jan": "Jan Jansen"}


def test_the_language_is_english_when_neither_framework_loads(repo: Repository) -> None:
    repo.write("framework.yaml", "name: [unclosed\n")
    repo.commit("broken")
    repo.write("framework.yaml", "name: [still unclosed\n")
    result = changes(repo, "HEAD")
    assert (result.language, result.names, result.framework) == ("en", {}, [])


@pytest.mark.parametrize(
    ("kpi", "old_value", "towards"),
    [
        ("nps:\n    baseline: {value: -5, date: 2025-01-31}\n    target: 20\n", -5.0, True),
        ("nps:\n    target: 20\n", None, None),
        ("nps:\n    baseline: {value: -5, date: 2025-01-31}\n", -5.0, None),
    ],
    ids=["baseline only", "nothing measured", "no target"],
)
@pytest.mark.slow
def test_a_first_measurement_is_compared_with_the_baseline(
    repo: Repository, kpi: str, old_value: float | None, towards: bool | None
) -> None:
    """Before, the KPI had no measurement: its baseline, if any, is the value before."""
    repo.edit(
        BETAAL, "    target: 20\n    measurements:\n      - {date: 2025-06-30, value: 3}\n", ""
    )
    repo.edit(BETAAL, "nps:\n    baseline: {value: -5, date: 2025-01-31}\n", kpi)
    repo.commit()
    target = "    target: 20\n" if "target" in kpi else ""
    repo.edit(
        BETAAL,
        kpi,
        kpi.replace(target, "")
        + target
        + "    measurements:\n      - {date: 2025-06-30, value: 3}\n",
    )
    [measured] = journey(changes(repo, "HEAD"), "ik-betaal").details
    baseline = BASELINE if old_value is not None else None
    targets = (20.0, 20.0) if target else (None, None)
    assert measured == nps(
        ["2025-06-30"],
        old_value,
        3.0,
        towards,
        [3.0],
        baselines=(baseline, baseline),
        targets=targets,
    )


def test_a_rename_is_found_whatever_the_order_of_keys_in_a_mapping(repo: Repository) -> None:
    """ik-betaal (with dates in its KPI) renamed, its criteria written in another order."""
    renamed = "klant-zijn/facturatie/ik-betaal-nu.yaml"
    git(repo.path, "mv", f"journeys/{BETAAL}", f"journeys/{renamed}")
    repo.edit(renamed, "id: ik-betaal", "id: ik-betaal-nu")
    repo.edit(
        renamed,
        "criteria: {strategisch: 4, regelgeving: yes}",
        "criteria: {regelgeving: yes, strategisch: 4}",
    )
    repo.edit(BETAALLINK, "journey: ik-betaal", "journey: ik-betaal-nu")
    result = changes(repo)
    assert [(j.id, j.change, j.old_id, j.details) for j in result.journeys] == [
        ("ik-betaal-nu", "renamed", "ik-betaal", [])
    ]


def test_a_kpi_added_with_measurements_says_each_and_its_target(repo: Repository) -> None:
    """NPS is new to ik-meld-me-aan: nothing before, two measurements now, by date, each
    with its value; its figures are all there is to it, so no other change."""
    repo.edit(
        AANMELD,
        "criteria:",
        "kpis:\n  nps:\n    target: 10\n    measurements:\n"
        "      - {date: 2025-12-31, value: 8}\n      - {date: 2025-09-30, value: 5}\ncriteria:",
    )
    assert journey(changes(repo), "ik-meld-me-aan").details == [
        nps(["2025-09-30", "2025-12-31"], None, 8.0, None, [5.0, 8.0], baselines=(None, None),
            targets=(None, 10.0)),
    ]  # fmt: skip


def test_a_measurement_corrected_on_its_day_is_no_new_measurement(repo: Repository) -> None:
    """Its value before and after; it is the latest, so the latest moved with it."""
    repo.edit(BETAAL, "{date: 2025-06-30, value: 3}", "{date: 2025-06-30, value: 4}")
    assert journey(changes(repo), "ik-betaal").details == [
        nps([], 3.0, 4.0, True, [], [Corrected("2025-06-30", 3.0, 4.0)])
    ]


def test_volumes_removed_leave_the_journey_unranked(repo: Repository) -> None:
    repo.edit(AANMELD, 'volumes:\n  - {period: "2025", customers: 500, contacts: 400}\n', "")
    assert journey(changes(repo), "ik-meld-me-aan").details == [
        VolumeChanged("2025", 500, None, 400, None),
        RankMoved("2025", 2, "2025", None),
    ]


def test_only_the_contacts_changed_and_the_place_kept_is_no_change(repo: Repository) -> None:
    """The score moved, the place did not: the volume says what changed, and no rank line
    says `#2 -> #2` as if it were a change."""
    repo.edit(AANMELD, "contacts: 400", "contacts: 401")
    assert journey(changes(repo), "ik-meld-me-aan").details == [
        VolumeChanged("2025", 500, 500, 400, 401),
    ]


def test_a_journey_unranked_in_both_revisions_has_no_rank_line(repo: Repository) -> None:
    """Without volumes in the ranking's period before and after, it was not ranked and is not."""
    repo.edit(AANMELD, 'period: "2025"', 'period: "2024"')
    repo.commit()
    repo.edit(AANMELD, "contacts: 400", "contacts: 401")
    assert journey(changes(repo, "HEAD"), "ik-meld-me-aan").details == [
        VolumeChanged("2024", 500, 500, 400, 401),
    ]


def test_a_figure_that_became_an_estimate_is_a_change_and_moves_no_rank(
    repo: Repository,
) -> None:
    """Only the contacts' estimate mark changed: the volume says so, and no rank line says
    the journey stayed where it was."""
    repo.edit(AANMELD, "contacts: 400", "contacts: 400, estimated: [contacts]")
    assert journey(changes(repo), "ik-meld-me-aan").details == [
        VolumeChanged("2025", 500, 500, 400, 400, (), ("contacts",)),
    ]


def test_a_journey_with_errors_is_not_ranked_in_its_revision(repo: Repository) -> None:
    """ik-betaal's criterion value is out of range in the head: it has no rank there, and
    ik-meld-me-aan, whose volumes changed, is first."""
    repo.edit(BETAAL, "strategisch: 4", "strategisch: 9")
    repo.edit(AANMELD, "contacts: 400", "contacts: 401")
    result = changes(repo)
    assert (result.head.valid, result.head.errors) == (False, 1)
    assert journey(result, "ik-meld-me-aan").details == [
        VolumeChanged("2025", 500, 500, 400, 401),
        RankMoved("2025", 2, "2025", 1),
    ]


def test_an_improvement_changed_without_its_status(repo: Repository) -> None:
    repo.edit(BETAALLINK, "owner: jan", "owner: jan\neffort: 2")
    assert changes(repo).improvements == [
        ImprovementDiff(
            "betaallink", "Betaallink in de factuurmail", "changed", None, "idea", ["effort"]
        )
    ]


def test_the_frameworks_own_fields_review_and_an_entry_beyond_its_weight(
    repo: Repository,
) -> None:
    framework = "framework.yaml"
    repo.edit(framework, "language: nl", "language: en\ndescription: Alles")
    repo.edit(framework, "cadence: quarterly", "cadence: monthly")
    repo.edit(framework, "name: Regelgeving", "name: Wet- en regelgeving")
    assert changes(repo).framework == [
        FrameworkChange("framework", "language", "language", "changed", ["language"], "nl", "en"),
        FrameworkChange(
            "framework", "description", "description", "changed", ["description"], None, "Alles"
        ),
        FrameworkChange(
            "criteria", "regelgeving", "Wet- en regelgeving", "changed", ["name"], None, None
        ),
        FrameworkChange(
            "review", "cadence", "cadence", "changed", ["cadence"], "quarterly", "monthly"
        ),
    ]


def test_a_rank_movement_from_a_revision_without_a_ranking(repo: Repository) -> None:
    """The base's framework.yaml does not load, so it ranks nothing; the head ranks again."""
    framework = (repo.root / "framework.yaml").read_text(encoding="utf-8")
    repo.write("framework.yaml", "name: [unclosed\n")
    repo.commit("broken")
    repo.write("framework.yaml", framework)
    repo.edit(AANMELD, "customers: 500, contacts: 400", "customers: 5000, contacts: 4000")
    result = changes(repo, "HEAD")
    assert result.framework == []
    assert journey(result, "ik-meld-me-aan").details == [
        VolumeChanged("2025", 500, 5000, 400, 4000),
        RankMoved(None, None, "2025", 1),
    ]


def test_a_journey_retired_leaves_the_ranking_with_a_rank_line(repo: Repository) -> None:
    """Its volumes kept, its status took it out of the ranking: the place it had is a change
    of its own. ik-meld-me-aan moves up from #2 only because of it: no change of its own,
    though the top says it moved."""
    repo.edit(BETAAL, "status: listed", "status: retired")
    result = changes(repo)
    assert [j.id for j in result.journeys] == ["ik-betaal"]
    assert journey(result, "ik-betaal").details == [
        Changed("status", "listed", "retired"),
        RankMoved("2025", 1, "2025", None),
    ]
    assert [(m.id, m.old_rank, m.rank) for m in result.top_moves] == [
        ("ik-meld-me-aan", 2, 1),
        ("ik-betaal", 1, None),
    ]


def test_a_journey_no_longer_retired_enters_the_ranking_with_a_rank_line(
    repo: Repository,
) -> None:
    """It enters at #1 and pushes ik-meld-me-aan down, whose own change (a description) gets
    no rank line: it moved only because another entered above it."""
    repo.edit(BETAAL, "status: listed", "status: retired")
    repo.commit("retired")
    repo.edit(BETAAL, "status: retired", "status: listed")
    repo.edit(AANMELD, "name: Ik meld me aan", "name: Ik meld me aan\ndescription: Nieuw")
    result = changes(repo, "HEAD")
    assert journey(result, "ik-betaal").details == [
        Changed("status", "retired", "listed"),
        RankMoved("2025", None, "2025", 1),
    ]
    assert journey(result, "ik-meld-me-aan").details == [OtherFields(["description"])]


def test_a_journey_unranked_before_and_after_a_status_change_has_no_rank_line(
    repo: Repository,
) -> None:
    repo.edit(BETAAL, "status: listed", "status: retired")
    repo.commit("retired")
    repo.edit(BETAAL, "status: retired", "status: mapped")
    repo.edit(BETAAL, 'period: "2025"', 'period: "2024"')
    assert RankMoved not in {type(d) for d in journey(changes(repo, "HEAD"), "ik-betaal").details}
