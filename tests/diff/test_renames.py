"""Renames found by content similarity, as git's rename detection finds them, and steps
renamed, found by position and similarity."""

from __future__ import annotations

from journeyctl.diff import diff
from journeyctl.diff.changes import Changed, EmotionChanged, StepRenamed, StepsChanged, TreeDiff
from tests.diff.conftest import AANMELD, BETAAL, BETAALLINK, Repository, git

RENAMED = "klant-zijn/facturatie/ik-regel-mijn-betaling.yaml"


def changes(repo: Repository, base: str = "base") -> TreeDiff:
    return diff(str(repo.root), base)


def rename(repo: Repository, old: str, new: str, old_id: str, new_id: str) -> None:
    git(repo.path, "mv", f"journeys/{old}", f"journeys/{new}")
    repo.edit(new, f"id: {old_id}", f"id: {new_id}")


def test_a_rename_with_a_new_name_and_file_is_one_rename_with_its_similarity(
    repo: Repository,
) -> None:
    rename(repo, BETAAL, RENAMED, "ik-betaal", "ik-regel-mijn-betaling")
    repo.edit(RENAMED, "name: Ik betaal mijn factuur", "name: Ik regel mijn betaling")
    repo.edit(BETAALLINK, "journey: ik-betaal", "journey: ik-regel-mijn-betaling")
    result = changes(repo)
    [renamed] = result.journeys
    assert (renamed.id, renamed.change, renamed.old_id) == (
        "ik-regel-mijn-betaling",
        "renamed",
        "ik-betaal",
    )
    assert renamed.details == [Changed("name", "Ik betaal mijn factuur", "Ik regel mijn betaling")]
    assert renamed.similarity is not None and 50 <= renamed.similarity < 100
    assert result.count("added") == result.count("removed") == 0


def test_a_rename_that_keeps_everything_but_the_id_is_100_percent_alike(
    repo: Repository,
) -> None:
    rename(repo, BETAAL, RENAMED, "ik-betaal", "ik-regel-mijn-betaling")
    repo.edit(BETAALLINK, "journey: ik-betaal", "journey: ik-regel-mijn-betaling")
    assert [(j.change, j.similarity) for j in changes(repo).journeys] == [("renamed", 100)]


def test_each_removed_journey_pairs_with_the_added_one_most_like_it(repo: Repository) -> None:
    """Both journeys renamed at once, each name changed too: the best pairs, not the first."""
    rename(repo, BETAAL, "klant-zijn/facturatie/a.yaml", "ik-betaal", "a")
    rename(repo, AANMELD, "klant-worden/aanmelden/b.yaml", "ik-meld-me-aan", "b")
    repo.edit("klant-zijn/facturatie/a.yaml", "name: Ik betaal mijn factuur", "name: Betalen")
    repo.edit("klant-worden/aanmelden/b.yaml", "name: Ik meld me aan", "name: Aanmelden")
    repo.edit("klant-zijn/facturatie/a.yaml", "follows: [ik-meld-me-aan]", "follows: [b]")
    repo.edit(BETAALLINK, "journey: ik-betaal", "journey: a")
    assert [(j.id, j.change, j.old_id) for j in changes(repo).journeys] == [
        ("a", "renamed", "ik-betaal"),
        ("b", "renamed", "ik-meld-me-aan"),
    ]


def test_a_journey_alike_in_place_only_is_no_rename(repo: Repository) -> None:
    """Phase, cluster and owner say where a journey stands, not which it is."""
    (repo.root / AANMELD).unlink()
    repo.write(
        "klant-worden/aanmelden/ik-vraag-een-offerte.yaml",
        "id: ik-vraag-een-offerte\nname: Ik vraag een offerte\nphase: klant-worden\n"
        "cluster: aanmelden\nowner: jan\n",
    )
    repo.edit(BETAAL, "follows: [ik-meld-me-aan]", "follows: []")
    assert [(j.id, j.change) for j in changes(repo).journeys] == [
        ("ik-betaal", "changed"),
        ("ik-meld-me-aan", "removed"),
        ("ik-vraag-een-offerte", "added"),
    ]


def test_a_renamed_step_is_one_rename_at_its_position(repo: Repository) -> None:
    repo.edit(BETAAL, "  - name: Ik betaal\n", "  - name: Ik betaal de factuur\n")
    [step] = changes(repo).journeys[0].details
    assert isinstance(step, StepRenamed)
    assert step == StepRenamed(2, "Ik betaal", "Ik betaal de factuur", step.similarity)
    assert step.similarity >= 50


def test_a_renamed_step_keeps_its_other_changes(repo: Repository) -> None:
    """Renamed and its emotion changed; another step replaced by one unlike it."""
    repo.edit(
        BETAAL,
        "  - name: Ik betaal\n    touchpoints: [web, telefoon]\n    emotion: 2\n",
        "  - name: Ik betaal online\n    touchpoints: [web, telefoon]\n    emotion: 3\n",
    )
    repo.edit(
        BETAAL,
        "  - name: Ik ontvang de factuur\n    touchpoints: [web]\n    emotion: 3\n"
        "    desired_emotion: 4\n",
        "  - name: Wachten\n",
    )
    [renamed, steps, emotion] = changes(repo).journeys[0].details
    assert isinstance(renamed, StepRenamed)
    assert renamed == StepRenamed(2, "Ik betaal", "Ik betaal online", renamed.similarity)
    assert steps == StepsChanged(["Wachten"], ["Ik ontvang de factuur"], [], False)
    assert emotion == EmotionChanged("Ik betaal online", "emotion", 2, 3)


def test_steps_that_swap_names_are_reordered_not_renamed(repo: Repository) -> None:
    repo.edit(BETAAL, "  - name: Ik ontvang de factuur\n", "  - name: TMP\n")
    repo.edit(BETAAL, "  - name: Ik betaal\n", "  - name: Ik ontvang de factuur\n")
    repo.edit(BETAAL, "  - name: TMP\n", "  - name: Ik betaal\n")
    [steps, *_] = changes(repo).journeys[0].details
    assert isinstance(steps, StepsChanged)
    assert (steps.added, steps.removed, steps.reordered) == ([], [], True)
