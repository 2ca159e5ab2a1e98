"""Whatever a journey file holds, validation ends in findings, never in an exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyctl.checks import validate
from journeyctl.load import load_tree
from tests.conftest import BASE_TREE, TODAY

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates(),
)
_keys = st.sampled_from(
    [
        "id",
        "name",
        "phase",
        "cluster",
        "owner",
        "steps",
        "volumes",
        "kpis",
        "criteria",
        "emotion",
        "period",
        "customers",
        "contacts",
        "follows",
        "baseline",
        "value",
        "date",
        "x",
    ]
)
_data = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=30,
)


def _validate_with(tmp_path: Path, content: bytes) -> None:
    root = tmp_path / "journeys"
    if not root.exists():
        shutil.copytree(BASE_TREE, root)
    (root / "klant-zijn/facturatie/prop.yaml").write_bytes(content)
    validation = validate(load_tree(root), today=TODAY)
    for finding in validation.findings:
        assert finding.message and finding.rule.startswith("JC")


_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.slow
@_settings
@given(text=st.text(max_size=200))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    _validate_with(tmp_path, text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@_settings
@given(data=st.dictionaries(_keys, _data, max_size=8))
def test_arbitrary_nested_data(tmp_path: Path, data: dict[str, object]) -> None:
    _validate_with(tmp_path, yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@pytest.mark.slow
@_settings
@given(raw=st.binary(max_size=100))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    _validate_with(tmp_path, raw)
