"""`new`'s checks, exactly: a cluster of another phase, an id that is taken or none at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.load import Tree, load_tree
from journeyctl.model import Framework
from journeyctl.model.framework import Cluster
from journeyctl.scaffold import init_files
from journeyctl.scaffold.journey import check_cluster_in_phase, check_id_free
from journeyctl.write import create_files

FOLDER = "journeys/being-a-customer/billing"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tree:
    """The repository `init` makes, with a journey whose file is not named by its id and a
    journey file that does not load; file names shown relative to it."""
    create_files(tmp_path, init_files("en", None), force=False)
    # init's example journey, put in the tree, as someone who starts from it does
    example = (tmp_path / "example-journey.yaml").read_text(encoding="utf-8")
    (tmp_path / FOLDER).mkdir(parents=True)
    (tmp_path / FOLDER / "i-receive-my-bill.yaml").write_text(example, encoding="utf-8")
    other = example.replace("id: i-receive-my-bill", "id: some-id")
    (tmp_path / FOLDER / "other-name.yaml").write_text(other, encoding="utf-8")
    (tmp_path / FOLDER / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_tree(tmp_path / "journeys")


@pytest.mark.parametrize(
    ("id_", "where"),
    [
        ("i-receive-my-bill", f"{FOLDER}/i-receive-my-bill.yaml"),
        ("some-id", f"{FOLDER}/other-name.yaml"),  # by its id
        ("other-name", f"{FOLDER}/other-name.yaml"),  # by its file's name
        ("broken", "a file named broken.yaml"),  # a file that did not load
    ],
)
def test_an_id_that_is_taken_is_refused_naming_where(tree: Tree, id_: str, where: str) -> None:
    with pytest.raises(UsageError) as raised:
        check_id_free(tree, id_, "A name")
    assert str(raised.value) == (
        f"a journey with id '{id_}' exists already ({where}); choose another name, or "
        "edit that journey"
    )


def test_a_free_id_passes_and_no_id_is_refused(tree: Tree) -> None:
    check_id_free(tree, "i-pay-my-bill", "I pay my bill")
    with pytest.raises(UsageError) as raised:
        check_id_free(tree, "", "?!")
    assert str(raised.value) == (
        "'?!' has no letters or digits to make an id of; give the journey a name in words"
    )


def _framework(tree: Tree, *extra: tuple[str, str, str]) -> Framework:
    assert tree.framework is not None
    framework = tree.framework.model
    billing = ("billing", "I receive and pay my bill", "being-a-customer")
    clusters = [
        *framework.clusters,
        *(Cluster(id=i, name=n, phase=p) for i, n, p in (billing, *extra)),
    ]
    return framework.model_copy(update={"clusters": clusters})


@pytest.mark.parametrize(
    ("extra", "known"),
    [
        (
            (),
            "phase 'staying-a-customer' has no clusters yet: add one to `clusters:` in "
            "framework.yaml first (id, name, phase: staying-a-customer)",
        ),
        (
            (("moving", "I move", "staying-a-customer"),),
            "clusters of phase 'staying-a-customer': moving (I move)",
        ),
        (
            (
                ("moving", "I move", "staying-a-customer"),
                ("leaving", "I leave", "staying-a-customer"),
                ("joining", "I join", "becoming-a-customer"),
            ),
            "clusters of phase 'staying-a-customer': moving (I move), leaving (I leave)",
        ),
    ],
)
def test_a_cluster_of_another_phase_is_refused_naming_the_phases_own(
    tree: Tree, extra: tuple[tuple[str, str, str], ...], known: str
) -> None:
    framework = _framework(tree, *extra)
    check_cluster_in_phase(framework, "billing", "being-a-customer")
    with pytest.raises(UsageError) as raised:
        check_cluster_in_phase(framework, "billing", "staying-a-customer")
    assert str(raised.value) == (
        f"'billing' belongs to phase 'being-a-customer', not 'staying-a-customer'; {known}"
    )
    assert raised.value.parameter == "cluster"
