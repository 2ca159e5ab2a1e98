"""Edits inside a document, exactly: an empty item added to a list, then filled."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.write import child_list, edit_yaml, set_value, upsert_item


def test_an_empty_item_added_to_a_new_list_can_be_filled() -> None:
    def edit(document: CommentedMap) -> None:
        items = child_list(document, "items")
        assert upsert_item(items, {}, {}) == "added"
        assert set_value(items[0], "id", "a") == "added"

    assert edit_yaml("name: x\n", edit) == "name: x\nitems:\n  - id: a\n"


def test_the_comments_after_a_list_stay_after_its_filled_empty_item() -> None:
    def edit(document: CommentedMap) -> None:
        items = child_list(document, "items")
        assert upsert_item(items, {}, {}) == "added"
        assert set_value(items[1], "id", "b") == "added"

    after = edit_yaml("items:\n  - a\n\n# next\nother: 1\n", edit)
    # The comment stays between the list and the key it introduces, not inside the item.
    # (The item opens on a line of its own, `-` then `id: b` below it: valid, if not pretty.)
    assert after.startswith("items:\n  - a\n  -")
    assert after.endswith("    id: b\n\n# next\nother: 1\n")
    parsed = parse(after)
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"items": ["a", {"id": "b"}], "other": 1}


def test_lists_set_by_an_edit_are_written_item_by_item_and_quoted_as_needed() -> None:
    def edit(document: CommentedMap) -> None:
        assert set_value(document, "steps", ["a", "on", {"x": "1", "y": [1, "no"]}]) == "added"
        assert set_value(document, "pair", ("2025", 3)) == "added"
        assert set_value(document, "a", [1]) == "updated"

    assert edit_yaml("a: 1\n", edit) == (
        "a:\n  - 1\nsteps:\n  - a\n  - 'on'\n  - x: '1'\n    y:\n      - 1\n      - 'no'\n"
        "pair:\n  - '2025'\n  - 3\n"
    )
