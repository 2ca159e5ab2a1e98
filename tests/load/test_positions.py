"""Positions as editors, git and GitHub count them: only \\n, \\r\\n and \\r end a line, while
YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import yaml

from journeyctl.load import load_tree, positions
from journeyctl.load.lines import Lines
from journeyctl.load.problems import FileProblem
from journeyctl.load.source_map import PositionIndex, SourceMap
from journeyctl.load.yamlfile import Parsed, parse

HIDDEN_BREAKS = ["\u2028", "\u2029", "\x85"]


@pytest.mark.parametrize("hidden", HIDDEN_BREAKS)
def test_a_hidden_break_in_quoted_text_moves_no_position(hidden: str) -> None:
    text = f'a: "x{hidden}y"\nb:\n  c: [1, 2]\n'
    source = SourceMap.from_text(text)
    assert source is not None
    assert source.locate(["b", "c", 1]) == (3, 10)
    assert source.locate(["b", "c"], key=True) == (3, 3)


@pytest.mark.parametrize("hidden", HIDDEN_BREAKS)
def test_a_hidden_break_in_a_comment_moves_no_position(hidden: str) -> None:
    parsed = parse(f"a: 1 # x{hidden}\nb: 010\n")
    assert isinstance(parsed, Parsed)
    assert [(p.line, p.column) for p in parsed.problems] == [(2, 4)]


def test_problems_found_while_reading_are_recounted() -> None:
    parsed = parse('a: "\u2028\u2028"\nb: [x, 2025-02-30]\n')
    assert isinstance(parsed, Parsed)
    assert [(p.line, p.column) for p in parsed.problems] == [(2, 8)]


def test_the_positions_of_a_parse_are_editor_positions() -> None:
    parsed = parse('a: "\u2029"\nb: [1, {c: 2}]\n')
    assert isinstance(parsed, Parsed)
    assert parsed.positions.locate(["b"]) == (2, 4)
    assert parsed.positions.locate(["b", 1, "c"], key=True) == (2, 9)


@pytest.mark.parametrize("hidden", HIDDEN_BREAKS)
def test_a_syntax_error_from_a_hidden_break_names_it(hidden: str) -> None:
    problem = parse(f"a: x{hidden}y\nb: 1\n")
    assert isinstance(problem, FileProblem)
    assert problem.rule.id == "JC001"
    assert problem.line == 2  # the parser says 3: it counted the hidden break
    assert f"line 1, column 5 holds U+{ord(hidden):04X}" in problem.message
    assert "which YAML reads as a line break: remove it" in problem.message


def test_a_syntax_error_without_hidden_breaks_has_no_hint() -> None:
    problem = parse("a: [1\nb: 2\n")
    assert isinstance(problem, FileProblem)
    assert "holds U+" not in problem.message


def test_a_control_character_after_carriage_returns_is_placed_by_them() -> None:
    problem = parse("a: 1\rb: 2\rc: x\x07\r")
    assert isinstance(problem, FileProblem)
    assert (problem.line, problem.column) == (3, 5)


@pytest.mark.parametrize(
    ("offset", "position"),
    [(0, (1, 1)), (2, (1, 3)), (3, (2, 1)), (5, (2, 3)), (7, (3, 1)), (9, (4, 1)), (11, (4, 3))],
)
def test_lines_break_at_lf_crlf_and_cr_only(offset: int, position: tuple[int, int]) -> None:
    assert Lines("ab\ncd\r\ne\rf\u2028g").position(offset) == position


def test_lines_are_recounted_only_where_the_parser_would_differ() -> None:
    assert Lines.of("a: 1\r\nb: 2\r") is None
    assert Lines.of("a: '\u2028'") is not None


def test_a_key_is_found_by_the_value_it_loads_as() -> None:
    source = SourceMap.from_text("m:\n  yes: 1\n  2: b\n  ~: c\n  2025-01-31: d\n  'no': e\n")
    assert source is not None
    assert source.locate(["m", True], key=True) == (2, 3)
    assert source.locate(["m", 2], key=True) == (3, 3)
    assert source.locate(["m", None], key=True) == (4, 3)
    assert source.locate(["m", "no"], key=True) == (6, 3)
    assert source.node_at(["m", "yes"])[2] is False


def test_the_last_of_repeated_keys_is_the_one_found() -> None:
    source = SourceMap.from_text("a: 1\nb: 2\na: 3\n")
    assert source is not None
    assert source.locate(["a"]) == (3, 4)


def test_merged_keys_are_found_where_they_are_written() -> None:
    text = "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nn:\n  <<: [{z: 4}, *b]\n"
    for source in (SourceMap.from_text(text), _parsed_source(text)):
        assert source is not None
        assert source.locate(["m", "x"]) == (1, 14)
        assert source.locate(["m", "y"]) == (4, 6)  # its own key wins over the merged one
        assert source.locate(["n", "z"], key=True) == (6, 9)
        assert source.locate(["n", "y"]) == (1, 20)


def _parsed_source(text: str) -> SourceMap:
    parsed = parse(text)
    assert isinstance(parsed, Parsed)
    return SourceMap.of(parsed)


def test_a_path_that_does_not_resolve_points_at_the_deepest_node() -> None:
    source = SourceMap.from_text("a:\n  b: [1]\n")
    assert source is not None
    assert source.node_at(["a", "b", 5])[2] is False
    assert source.locate(["a", "b", 5]) == (2, 6)
    assert source.locate(["a", "b", True]) == (2, 6)  # True is no list index
    assert source.locate(["a", ["unhashable"]]) == (2, 3)


def test_a_loaded_document_keeps_positions_not_the_node_tree(tree_dir: Path) -> None:
    loaded = load_tree(tree_dir)
    assert loaded.journeys
    for document in loaded.journeys:
        assert isinstance(document.source, PositionIndex)
        assert not any(isinstance(part, yaml.Node) for part in _reachable(document.source))


def _reachable(root: object) -> list[object]:
    seen: dict[int, object] = {}
    stack = [root]
    while stack:
        current = stack.pop()
        if id(current) not in seen and not isinstance(current, type):
            seen[id(current)] = current
            stack.extend(gc.get_referents(current))
    return list(seen.values())


def test_positions_of_list_items_nested_lists_and_the_root() -> None:
    parsed = parse("a:\n- x\n- - y\n  - {b: [1, 2]}\n")
    assert isinstance(parsed, Parsed)
    positions = parsed.positions
    assert positions.locate([]) == (1, 1)
    assert positions.locate(["a", 0]) == (2, 3)
    assert positions.locate(["a", 1, 0], key=True) == (3, 5)  # a list item's key is itself
    assert positions.locate(["a", 1, 1, "b", 1]) == (4, 13)
    assert positions.locate(["a", 1, 1, "b"], key=True) == (4, 6)
    assert positions.locate(["a", 2]) == (2, 1)  # past the end: the list
    assert positions.locate(["a", -1]) == (2, 1)
    assert positions.walk(["a", 1, 9]) == positions.walk(["a", 1])


def test_a_scalar_has_no_children() -> None:
    parsed = parse("a: text\n")
    assert isinstance(parsed, Parsed)
    assert parsed.positions.locate(["a", "b"]) == (1, 4)
    assert parsed.positions.locate(["a", 0]) == (1, 4)


def test_mappings_with_the_same_keys_share_one_key_table() -> None:
    parsed = parse("- {name: a, n: 1}\n- {name: b, n: 2}\n- {n: 3, name: c}\n")
    assert isinstance(parsed, Parsed)
    tables = parsed.positions._tables
    assert tables[0] is tables[1] and tables[2] is not tables[0]
    assert parsed.positions.locate([2, "name"]) == (3, 16)


def test_an_alias_and_a_merge_find_the_text_they_stand_for() -> None:
    text = "base: &b {x: [1, 2]}\ncopy: *b\nm:\n  <<: *b\n  own: 3\n"
    source = SourceMap.from_text(text)
    assert source is not None
    assert source.locate(["copy", "x", 1]) == (1, 18)
    assert source.locate(["m", "x", 0]) == (1, 15)
    assert source.locate(["m", "own"], key=True) == (5, 3)
    node, key_node, complete = source.node_at(["m", "x", 1])
    assert complete and key_node is None and isinstance(node, yaml.ScalarNode)
    assert node.value == "2"


def test_shared_key_tables_stay_within_their_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(positions, "_SHARED_TABLES", 2)
    parsed = parse("- {a: 1}\n- {b: 1}\n- {c: 1}\n- {a: 2}\n")
    assert isinstance(parsed, Parsed)
    assert list(positions._tables) == [("a",), ("b",)]  # the third is not kept
    tables = parsed.positions._tables
    assert tables[0] is tables[3] and tables[2] == {"c": 0}
    assert parsed.positions.locate([2, "c"], key=True) == (3, 4)


def test_only_mappings_of_up_to_64_keys_share_their_table() -> None:
    for count in (64, 65):
        keys = [f"k{number}" for number in range(count)]
        parsed = parse("{" + ", ".join(f"{key}: 1" for key in keys) + "}\n")
        assert isinstance(parsed, Parsed)
        assert (tuple(keys) in positions._tables) is (count == 64)
