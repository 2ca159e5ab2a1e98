"""The package's names are imported when first used, each from its own module."""

from __future__ import annotations

import importlib

import pytest

from journeyctl import load


def test_each_name_comes_from_its_module_and_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in load.__all__:
        monkeypatch.delitem(vars(load), name, raising=False)
    for name, module in load._MODULES.items():
        value = getattr(load, name)
        assert value is getattr(importlib.import_module(f"journeyctl.load.{module}"), name)
        assert vars(load)[name] is value  # asked once, then found without asking again
    assert sorted(load._MODULES) == sorted(load.__all__)


def test_an_unknown_name_is_refused_by_name() -> None:
    with pytest.raises(
        AttributeError, match=r"^module 'journeyctl.load' has no attribute 'nothing'$"
    ):
        load.nothing  # noqa: B018
