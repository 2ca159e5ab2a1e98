"""The small tree the render tests draw (`tree/`, in English) and helpers to render it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeyctl.diff.changes import (
    FrameworkChange,
    ImprovementDiff,
    JourneyDiff,
    RankMoved,
    Revision,
    StepsChanged,
    TopMoved,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.framework import CheckedTree, check
from journeyctl.render import Made, Page, RenderOptions, environment, plan_site, render_page
from journeyctl.reports import ReportInput, prepare

TREE = Path(__file__).parent / "tree"
TODAY = date(2026, 1, 15)
# What the pages say they were made from: a commit would change with every commit of this
# repository, so the tests name one.
MADE = Made("abc1234", date(2026, 1, 10))


def since() -> TreeDiff:
    """What `--since v1` would find in the small tree: a journey changed, one added, one
    removed, an improvement implemented and a phase renamed; hostile text among them."""
    return TreeDiff(
        Revision("v1", True, 0, 0, 4),
        Revision(None, True, 0, 2, 4),
        "en",
        [
            JourneyDiff(
                "i-pay-my-bill",
                "I pay my bill",
                "changed",
                "being",
                "billing",
                None,
                [
                    StepsChanged(["Pay <now>"], [], ["Read the bill"], False),
                    VolumeChanged("2025", 4000, 4200, 1200, 1100),
                    RankMoved("2025", 2, "2025", 1),
                ],
            ),
            JourneyDiff("i-move-house", "I move house", "added", "being", "moving"),
            JourneyDiff("i-left", "I left *for good*", "removed", "being", "moving"),
        ],
        [
            ImprovementDiff(
                "one-tap-payment", "One-tap payment link", "changed", "planned", "implemented"
            )
        ],
        [FrameworkChange("phases", "being", "Being a customer", "changed", ["name"])],
        {
            "phases": {"being": "Being a customer"},
            "clusters": {"billing": "I get and pay my bill", "moving": "I move house"},
        },
        [TopMoved("i-pay-my-bill", "I pay my bill", 2, 1)],
    )


def checked(root: Path = TREE) -> CheckedTree:
    tree = check(root, today=TODAY)
    assert tree.usable, tree.validation.findings
    return tree


def report_input(root: Path = TREE) -> ReportInput:
    tree = checked(root)
    return prepare(tree.framework, tree.journeys, tree.improvements, today=TODAY)


def site(root: Path = TREE, templates: Path | None = None, **options: object) -> dict[str, str]:
    """Every page of the site of `root` (path -> text), through the shipped templates (and a
    project's `templates`, if given)."""
    tree = checked(root)
    files = {d.model.id: f"{root.name}/{d.file}" for d in tree.tree.journeys}
    options = {"made": MADE, "files": files, **options}
    settings = RenderOptions(today=TODAY, **options)  # type: ignore[arg-type]
    pages = plan_site(tree.framework, tree.journeys, tree.improvements, settings)
    env = environment(templates)
    return {page.path: render_page(env, page) for page in pages}


def page_of(pages: list[Page], path: str) -> Page:
    return next(page for page in pages if page.path == path)


@pytest.fixture
def render_tree(tmp_path: Path) -> Path:
    """A copy of the small tree, to change in a test."""
    import shutil

    target = tmp_path / "journeys"
    shutil.copytree(TREE, target)
    return target
