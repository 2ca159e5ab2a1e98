"""Edits inside a document: each case in edits/ is a file before, the edits, and the file after.

A case folder holds `before.yaml`, `ops.yaml` (a list of `upsert` or `set` edits, each with
the change it should report; an upsert may name the field its list is `ordered_by`) and `after.yaml`, the exact text expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap

from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.write import (
    WriteError,
    append_item,
    child_list,
    child_map,
    edit_yaml,
    set_value,
    upsert_item,
)
from tests.write.conftest import HOSTILE

CASES = sorted(path for path in (Path(__file__).parent / "edits").iterdir() if path.is_dir())


def _apply(document: CommentedMap, operation: dict[str, Any]) -> str:
    verb = next(verb for verb in ("upsert", "set", "append") if verb in operation)
    *parents, last = operation[verb]
    mapping = document
    for key in parents:
        mapping = child_map(mapping, key)
    if verb == "set":
        return set_value(mapping, last, operation["value"])
    if verb == "append":
        append_item(child_list(mapping, last), operation["value"])
        return "added"
    return upsert_item(
        child_list(mapping, last),
        operation["match"],
        operation["values"],
        drop=operation.get("drop", ()),
        ordered_by=operation.get("ordered_by"),
    )


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_an_edit_changes_what_it_says_and_nothing_else(case: Path) -> None:
    before = (case / "before.yaml").read_text(encoding="utf-8")
    operations = yaml.safe_load((case / "ops.yaml").read_text(encoding="utf-8"))
    reported: list[str] = []
    after = edit_yaml(
        before, lambda document: reported.extend(_apply(document, op) for op in operations)
    )
    assert after == (case / "after.yaml").read_text(encoding="utf-8")
    assert reported == [operation["expect"] for operation in operations]
    assert isinstance(parse(after), Parsed)


def test_a_value_of_another_kind_counts_as_a_change() -> None:
    # 1 and true, 1 and 1.0 are equal in Python, not in the file.
    after = edit_yaml("a: 1\nb: 1\n", lambda d: [set_value(d, "a", True), set_value(d, "b", 1.0)])
    assert after == "a: true\nb: 1.0\n"


def test_an_item_is_matched_on_every_field_given() -> None:
    text = "items:\n  - a: 1\n    b: 1\n  - a: 1\n    b: 2\n"

    def edit(document: CommentedMap) -> None:
        assert upsert_item(document["items"], {"a": 1, "b": 2}, {"c": 3}) == "updated"

    assert edit_yaml(text, edit).endswith("  - a: 1\n    b: 2\n    c: 3\n")


def test_a_number_does_not_match_its_text() -> None:
    def edit(document: CommentedMap) -> None:
        assert upsert_item(document["volumes"], {"period": "2025"}, {"customers": 1}) == "added"

    assert edit_yaml("volumes:\n  - period: 2025\n", edit).count("period") == 2


@pytest.mark.parametrize(("text", "kind"), [("kpis: 3\n", "mapping"), ("volumes: x\n", "list")])
def test_adding_under_a_value_of_another_kind_is_refused(text: str, kind: str) -> None:
    def edit(document: CommentedMap) -> None:
        key = next(iter(document))
        (child_map if kind == "mapping" else child_list)(document, key)

    with pytest.raises(WriteError, match=f"holds .*, not a {kind}; run journeyctl validate"):
        edit_yaml(text, edit)


def test_an_empty_key_gets_what_is_asked_for() -> None:
    after = edit_yaml("kpis:\nlinks:\n", lambda d: child_list(child_map(d, "kpis"), "nps"))
    assert after == "kpis:\n  nps: []\nlinks:\n"


def test_helpers_work_outside_edit_yaml_too() -> None:
    document = CommentedMap()
    assert upsert_item(child_list(document, "volumes"), {"period": "2025"}, {}) == "added"
    assert document == {"volumes": [{"period": "2025"}]}


@pytest.mark.slow
@given(st.one_of(st.text(), st.sampled_from(HOSTILE)))
def test_text_set_by_an_edit_reads_back_the_same(text: str) -> None:
    before = "id: x  # the id\nname: listed\ncount: 3\n"
    after = edit_yaml(before, lambda document: set_value(document, "name", text))
    parsed = parse(after)
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"id": "x", "name": text, "count": 3}
    assert after.startswith("id: x  # the id\n")
    assert after.endswith("count: 3\n")
