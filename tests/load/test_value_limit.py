"""A file's work is bounded by what it holds, not only by its size: at most MAX_VALUES keys and
values a file, counted before its data is built, and only the findings that are shown are
described (the rest are counted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.checks import validate
from journeyctl.load import FINDINGS_PER_FILE, load_source, schema_errors
from journeyctl.load.limits import MAX_VALUES
from journeyctl.load.problems import FileProblem
from journeyctl.load.source_map import SourceMap
from journeyctl.load.sources import FileSystemSource
from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.model import Journey
from tests.conftest import TODAY

JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"


def _flow_list_under_a_key(values: int) -> str:
    # The mapping, `id`, its value, `links` and the list: five, then the list's values.
    return "id: x\nlinks: [" + ", ".join(["0"] * (values - 5)) + "]\n"


def _block_list_at_the_top(values: int) -> str:
    # The list, then one value a line.
    return "- 0\n" * (values - 1)


def _mapping_of_keys_under_a_key(values: int) -> str:
    # The mapping, `a` and its mapping: three, then a key and its value a line; for an odd
    # count the last value is a list of one value (three, not two).
    pairs, odd = divmod(values - 3, 2)
    lines = [f"  k{i}: {i}\n" for i in range(pairs)]
    if odd:
        lines[-1] = "  last: [0]\n"
    return "a:\n" + "".join(lines)


def _many_small_lists(values: int) -> str:
    # The mapping, `x` and its list: three, then two a small list (the list and its value),
    # and one plain value for an odd count.
    lists, odd = divmod(values - 3, 2)
    return "x: [" + ", ".join(["[0]"] * lists + ["0"] * odd) + "]\n"


def _second_key_passes_it(values: int) -> str:
    # The mapping, `a`, its list and 50,000 values, `b` and its list: 50,005, then b's values.
    return (
        "a: ["
        + ", ".join(["0"] * 50_000)
        + "]\nb: ["
        + ", ".join(["1"] * (values - 50_005))
        + "]\n"
    )


SHAPES: dict[str, tuple[Callable[[int], str], tuple[str | None, int, int] | None]] = {
    # name: (the file with that many keys and values, (the key, line, column) refused at)
    "flow list under a key": (_flow_list_under_a_key, ("links", 2, 1)),
    "block list at the top": (_block_list_at_the_top, None),
    "mapping of keys under a key": (_mapping_of_keys_under_a_key, ("a", 1, 1)),
    "many small lists": (_many_small_lists, ("x", 1, 1)),
    "the second key passes it": (_second_key_passes_it, ("b", 2, 1)),
}


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@pytest.mark.parametrize("shape", SHAPES)
def test_a_file_may_hold_the_limit_of_values_and_not_one_more(shape: str) -> None:
    build, _ = SHAPES[shape]
    assert isinstance(parse(build(MAX_VALUES)), Parsed)
    assert isinstance(parse(build(MAX_VALUES + 1)), FileProblem)


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_a_file_of_too_many_values_is_refused_at_the_key_that_holds_them(shape: str) -> None:
    build, place = SHAPES[shape]
    problem = parse(build(MAX_VALUES + 1))
    assert isinstance(problem, FileProblem)
    if place is None:  # a list at the top: refused at the value past the limit
        where, line, column = "", MAX_VALUES, 3
    else:
        key, line, column = place
        where = f" (the limit is passed under '{key}')"
    assert (problem.rule.id, problem.message, problem.line, problem.column) == (
        "JC006",
        f"the file holds more than 100,000 keys and values{where}; no real file needs so many: "
        "remove the repeated values or move them to a file of their own",
        line,
        column,
    )


def test_the_count_stops_at_the_limit_in_a_file_of_millions() -> None:
    # 5 MiB of `0,`: 2.6 million values, refused without building them.
    problem = parse("links: [" + "0," * 2_600_000 + "0]\n")
    assert isinstance(problem, FileProblem) and (problem.line, problem.column) == (1, 1)


def test_a_syntax_error_before_the_limit_is_left_to_the_readers_that_say_where() -> None:
    problem = parse("a: [1, 2\n" + "b: 0\n" * MAX_VALUES)
    assert isinstance(problem, FileProblem)
    assert (problem.rule.id, problem.line, problem.column) == ("JC001", 2, 2)


def _wrong_links(tree_dir: Path, count: int) -> None:
    target = tree_dir / JOURNEY
    text = target.read_text(encoding="utf-8")
    target.write_text(text + "links: [" + ", ".join(["{a: 1}"] * count) + "]\n", encoding="utf-8")


def test_only_the_findings_shown_are_described_and_the_rest_are_counted(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wrong_links(tree_dir, 500)
    described: list[object] = []
    original = schema_errors._describe

    def counting(*args: object) -> FileProblem:
        described.append(args[0])
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(schema_errors, "_describe", counting)
    tree = load_source(FileSystemSource(tree_dir))
    in_file = [f for f in tree.findings if f.file == JOURNEY]
    assert len(in_file) == FINDINGS_PER_FILE == len(described)
    assert [f.message for f in in_file[:2]] == [
        "links[0]: expected text, got {'a': 1}; quote it if it is meant as text",
        "links[1]: expected text, got {'a': 1}; quote it if it is meant as text",
    ]
    assert sum(tree.not_shown[JOURNEY].values()) == 500 - FINDINGS_PER_FILE
    validation = validate(tree, today=TODAY)
    assert validation.findings[-1].message == (
        "450 more findings in this file are not shown; fix the ones above and run again"
    )


def test_past_the_limit_each_error_still_counts_once() -> None:
    errors = [{"type": "string_type", "loc": ("links", i), "msg": "", "input": 1} for i in range(5)]
    # Two members of a union at one place are one problem, past the limit too.
    union = [
        {"type": "bool_type", "loc": ("criteria", "x", "bool"), "msg": "", "input": "a"},
        {"type": "int_type", "loc": ("criteria", "x", "int"), "msg": "", "input": "a"},
    ]
    source = parse("links: [1, 1, 1, 1, 1]\ncriteria: {x: a}\n")
    assert isinstance(source, Parsed)

    problems = list(
        schema_errors.describe_all(
            [*errors, *union],  # type: ignore[list-item]
            Journey,
            SourceMap.of(source),
            limit=2,
        )
    )
    assert len(problems) == 6
    assert problems[2:] == [schema_errors.NOT_DESCRIBED] * 4
    assert [p.message for p in problems[:2]] == [
        "links[0]: expected text, got 1; quote it if it is meant as text",
        "links[1]: expected text, got 1; quote it if it is meant as text",
    ]
