"""The shipped JSON Schemas are what editors check files against: they must be current,
and they must accept every file of the example framework."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from journeyctl.schema import schema_files
from tests.conftest import REPO_ROOT

SCHEMAS = REPO_ROOT / "schemas"
EXAMPLE = REPO_ROOT / "journeys"


class EditorLoader(yaml.SafeLoader):
    """Reads dates as text, as YAML 1.2 editors (yaml-language-server) do."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_shipped_schemas_are_current() -> None:
    for name, content in schema_files().items():
        shipped = (SCHEMAS / name).read_text(encoding="utf-8")
        assert shipped == content, f"schemas/{name} is stale: run journeyctl schema --out schemas"


def _kind(path: Path) -> str:
    if path.name == "framework.yaml":
        return "framework"
    return "improvement" if path.parent.name == "improvements" else "journey"


@pytest.mark.parametrize("path", sorted(EXAMPLE.rglob("*.yaml")), ids=lambda p: p.stem)
def test_example_file_matches_its_schema(path: Path) -> None:
    schema = json.loads((SCHEMAS / f"{_kind(path)}.schema.json").read_text(encoding="utf-8"))
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(document)]
    assert errors == []


def test_schema_rejects_what_journeyctl_rejects() -> None:
    schema = json.loads((SCHEMAS / "journey.schema.json").read_text(encoding="utf-8"))
    bad = {"id": "Not A Slug", "name": "x", "phase": "p", "cluster": "c", "ownr": "x"}
    messages = " ".join(e.message for e in Draft202012Validator(schema).iter_errors(bad))
    assert "does not match" in messages and "'ownr' was unexpected" in messages
