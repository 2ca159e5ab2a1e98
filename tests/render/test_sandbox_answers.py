"""The sandbox asks Jinja once per type and attribute name whether an attribute is safe:
the same answers as Jinja's own, for every kind of object a template can reach."""

from __future__ import annotations

import types
from collections import deque

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from journeyctl.render import sandbox
from journeyctl.render.sandbox import BoundedEnvironment


def _generator() -> types.GeneratorType[int, None, None]:
    yield 1


OBJECTS = [
    [],
    {},
    set(),
    deque(),
    "text",
    b"bytes",
    1,
    None,
    str,
    type,
    _generator(),
    lambda: 0,
    "".upper,
    BoundedEnvironment,
    BoundedEnvironment(),
]
NAMES = [
    "append",
    "clear",
    "pop",
    "update",
    "add",
    "keys",
    "upper",
    "format",
    "mro",
    "__class__",
    "__globals__",
    "_private",
    "gi_frame",
    "gi_code",
    "func_globals",
    "__func__",
    "__self__",
    "name",
]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_the_answers_are_jinjas(obj: object) -> None:
    ours, jinja = BoundedEnvironment(), ImmutableSandboxedEnvironment()
    for _ in range(2):  # asked, then answered from what was kept
        for name in NAMES:
            value = getattr(obj, name, None)
            assert ours.is_safe_attribute(obj, name, value) == jinja.is_safe_attribute(
                obj, name, value
            ), name


def test_no_more_answers_are_kept_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "_SAFE_ANSWERS", 5)
    env = BoundedEnvironment()
    for number in range(20):
        assert env.is_safe_attribute([], f"name{number}", None)
    assert len(env._safe) == 5
    assert not env.is_safe_attribute([], "append", None)
