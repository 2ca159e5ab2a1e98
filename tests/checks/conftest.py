"""What the rule tests share: write files into a copy of the base tree, then read one rule's
findings from a whole validation, with file, line, column and message."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import validate
from journeyctl.load import load_tree
from tests.conftest import TODAY

Found = tuple[str, int | None, int | None, str]

# A journey of the base tree's facturatie cluster, without warnings; tests add to it.
JOURNEY = """\
id: {id}
name: Ik stel een vraag
phase: klant-zijn
cluster: facturatie
owner: jan
"""


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def found(root: Path, rule: str) -> list[Found]:
    """The findings of `rule` in the tree at `root`, in the order validation sorts them."""
    findings = validate(load_tree(root), today=TODAY).findings
    return [
        (_relative(root, f.file), f.line, f.column, _relative(root, f.message))
        for f in findings
        if f.rule == rule
    ]


def _relative(root: Path, text: str) -> str:
    # Findings name files relative to the root; a name that still holds the root (the
    # temporary folder of the test) is made relative the same way, in files and messages.
    return text.replace(f"{root.as_posix()}/", "")
