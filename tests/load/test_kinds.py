"""What kind a file is, from its path relative to the root: a table of paths."""

from __future__ import annotations

import pytest

from journeyctl.load.kinds import Kind, kind_of, stem

KINDS = {
    "framework.yaml": Kind.FRAMEWORK,
    "FRAMEWORK.YAML": Kind.FRAMEWORK,
    "klant-zijn/framework.yaml": Kind.JOURNEY,
    "improvements/framework.yaml": Kind.IMPROVEMENT,
    "klant-zijn/facturatie/ik-betaal.yaml": Kind.JOURNEY,
    "ik-betaal.yaml": Kind.JOURNEY,
    "a/b/c/d/e/diep.yaml": Kind.JOURNEY,
    "klant-zijn/facturatie/X.YAML": Kind.JOURNEY,
    "klant-zijn/facturatie/x.Yaml": Kind.JOURNEY,
    "improvements/betaallink.yaml": Kind.IMPROVEMENT,
    "improvements/2025/betaallink.yaml": Kind.IMPROVEMENT,
    "klant-zijn/improvements/betaallink.yaml": Kind.IMPROVEMENT,
    "improvements/BETAALLINK.YAML": Kind.IMPROVEMENT,
    "improvements.yaml": Kind.JOURNEY,
    "old-improvements/x.yaml": Kind.JOURNEY,
    "Improvements/x.yaml": Kind.JOURNEY,
    "klant-zijn/ik-betaal.yml": Kind.MISNAMED,
    "framework.yml": Kind.MISNAMED,
    "improvements/x.YML": Kind.MISNAMED,
    "README.md": Kind.OTHER,
    "klant-zijn/notes.txt": Kind.OTHER,
    "klant-zijn/x.yaml.bak": Kind.OTHER,
    "klant-zijn/yaml": Kind.OTHER,
}


@pytest.mark.parametrize(("path", "kind"), KINDS.items(), ids=list(KINDS))
def test_kind_of(path: str, kind: Kind) -> None:
    assert kind_of(path) is kind


@pytest.mark.parametrize(
    ("kind", "read"),
    [
        (Kind.FRAMEWORK, True),
        (Kind.JOURNEY, True),
        (Kind.IMPROVEMENT, True),
        (Kind.MISNAMED, False),
        (Kind.OTHER, False),
    ],
)
def test_what_is_read(kind: Kind, read: bool) -> None:
    assert kind.is_read is read


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("klant-zijn/ik-betaal.yaml", "ik-betaal"),
        ("X.YAML", "X"),
        ("a.b.yaml", "a.b"),
        ("notes.txt", "notes.txt"),
    ],
)
def test_stem(path: str, expected: str) -> None:
    assert stem(path) == expected
