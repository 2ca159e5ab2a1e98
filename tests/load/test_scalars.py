"""Scalars under journeyctl's rules: plain YAML reads as before; every trap is refused with
a message that names it and says what to write, never an exception."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from journeyctl.load.problems import FileProblem
from journeyctl.load.scalars import RefusedValue
from journeyctl.load.tags import FastResolver
from journeyctl.load.yamlfile import Parsed, parse


def _value(text: str) -> tuple[object, list[FileProblem]]:
    parsed = parse(f"x: {text}\n")
    assert isinstance(parsed, Parsed), parsed
    return parsed.data["x"], parsed.problems  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("-3", -3),
        ("+12", 12),
        ("0", 0),
        ("999999999999", 999_999_999_999),
        ("1.5", 1.5),
        ("-0.25", -0.25),
        (".5", 0.5),
        ("1.0e+3", 1000.0),
        ("yes", True),
        ("Off", False),
        ("~", None),
        ("null", None),
        ("2025-06-30", date(2025, 6, 30)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2025-06-30 10:15:00Z", datetime(2025, 6, 30, 10, 15, tzinfo=timezone.utc)),
        ('"010"', "010"),
        ("'1:30'", "1:30"),
        ("!!str 010", "010"),
        ("!!int 3", 3),
        ("!!float 2", 2.0),
        ("<<", "<<"),
        ("=", "="),
        ("1e3", "1e3"),  # no dot: text to YAML 1.1, so the schema names it
    ],
)
def test_plain_yaml_reads_as_it_always_did(text: str, expected: object) -> None:
    value, problems = _value(text)
    assert problems == []
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("1:30", "JC103", "1:30 is a base-60 number (90) to YAML 1.1"),
        ("010", "JC103", "010 is an octal number (8)"),
        ("0x1F", "JC103", "0x1F is a hexadecimal number (31)"),
        ("0b101", "JC103", "0b101 is a binary number (5)"),
        ("1_000", "JC103", "1_000 is a number with underscores (1000)"),
        ("1_000.5", "JC103", "1_000.5 is a number with underscores (1000.5)"),
        ("-1:30.5", "JC103", "-1:30.5 is a base-60 number (-90.5)"),
        (".inf", "JC103", ".inf is infinity in YAML"),
        ("-.Inf", "JC103", "-.Inf is infinity in YAML"),
        (".nan", "JC103", ".nan is 'not a number' in YAML"),
        ("1.0e+999", "JC103", "1.0e+999 is too large a number"),
        ("1" + "0" * 30, "JC103", "is too large a number"),
        ("9" * 5000, "JC103", "is too large a number"),
        ("2025-02-30", "JC103", "2025-02-30 is not a date (February 2025 has 28 days)"),
        ("2023-02-29", "JC103", "(February 2023 has 28 days)"),
        ("2025-04-31", "JC103", "(April 2025 has 30 days)"),
        ("2025-13-01", "JC103", "2025-13-01 is not a date (there is no month 13)"),
        ("2025-00-10", "JC103", "(there is no month 0)"),
        ("2025-01-00", "JC103", "(days start at 1)"),
        ("0000-01-01", "JC103", "(there is no year 0)"),
        ("2025-01-01 25:00:00", "JC103", "is not a time of day"),
        ('!!int "x"', "JC001", "the YAML tag !!int is not read here"),
        ("!!int x", "JC001", "the YAML tag !!int is not read here"),
        ('!!int "3"', "JC001", "the YAML tag !!int"),
        ('!!float "abc"', "JC001", "the YAML tag !!float"),
        ("!!float abc", "JC001", "the YAML tag !!float"),
        ('!!timestamp "nope"', "JC001", "the YAML tag !!timestamp"),
        ("!!timestamp nope", "JC001", "the YAML tag !!timestamp"),
        ('!!binary "aGVsbG8="', "JC001", "the YAML tag !!binary"),
        ('!!bool "maybe"', "JC001", "the YAML tag !!bool"),
        ("!!bool maybe", "JC001", "the YAML tag !!bool"),
        ("!!null x", "JC001", "the YAML tag !!null"),
        ("!!set {a, b}", "JC001", "the YAML tag !!set"),
        ("!!omap [a: 1]", "JC001", "the YAML tag !!omap"),
        ("!!pairs [a: 1]", "JC001", "the YAML tag !!pairs"),
        ("!foo bar", "JC001", "the YAML tag !foo"),
        ("!!python/object/apply:os.system [echo]", "JC001", "tags are never executed"),
    ],
)
def test_traps_are_refused_with_a_message(text: str, rule: str, words: str) -> None:
    value, problems = _value(text)
    assert isinstance(value, RefusedValue)
    assert [(p.rule.id, p.line, p.column) for p in problems] == [(rule, 1, 4)]
    assert words in problems[0].message


@pytest.mark.parametrize("text", ["1:30", "010", "0x1F", "1_000"])
def test_a_yaml11_number_says_to_write_plain_digits_or_quote(text: str) -> None:
    message = _value(text)[1][0].message
    assert "write the number in plain decimal digits, or quote it if it is text" in message


def test_a_tag_message_says_to_remove_it() -> None:
    assert _value("!!binary aGk=")[1][0].message.endswith("remove the tag and write plain YAML")


def test_an_impossible_date_says_what_to_write() -> None:
    message = _value("2025-02-30")[1][0].message
    assert message.endswith("; write a real date as YYYY-MM-DD")


def test_a_huge_value_is_shortened_in_the_message() -> None:
    message = _value("9" * 5000)[1][0].message
    assert len(message) < 200


def test_refused_values_are_each_distinct_so_never_a_repeated_key() -> None:
    parsed = parse("010: a\n0x1F: b\n")
    assert isinstance(parsed, Parsed)
    assert [p.rule.id for p in parsed.problems] == ["JC103", "JC103"]
    assert len(parsed.data) == 2  # type: ignore[arg-type]


def test_an_alias_to_a_refused_value_is_reported_once() -> None:
    parsed = parse("a: &n 010\nb: [*n, *n]\n")
    assert isinstance(parsed, Parsed)
    assert [(p.line, p.column) for p in parsed.problems] == [(1, 4)]


def test_binary_bytes_never_reach_the_data() -> None:
    parsed = parse("a: !!binary aGVsbG8=\nb: [!!binary aGk=]\n")
    assert isinstance(parsed, Parsed)
    values = [parsed.data["a"], *parsed.data["b"]]  # type: ignore[index]
    assert not any(isinstance(v, bytes) for v in values)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yes: 1\nyes: 2\n", "key 'yes' appears twice in this mapping (first at line 1); keep one"),
        ("1: a\n1: b\n", "key '1' appears twice in this mapping (first at line 1); keep one"),
        (
            "~: a\nnull: b\n",
            "key 'null' appears twice in this mapping (first at line 1, written '~'); keep one",
        ),
        (
            "2025-01-01: a\n2025-01-01: b\n",
            "key '2025-01-01' appears twice in this mapping (first at line 1); keep one",
        ),
    ],
)
def test_a_repeated_key_is_named_as_written(text: str, message: str) -> None:
    parsed = parse(text)
    assert isinstance(parsed, Parsed)
    assert [(p.rule.id, p.line, p.column, p.message) for p in parsed.problems] == [
        ("JC002", 2, 1, message)
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, 1, "key 'a' appears twice in this mapping (first at line 1)"),
        (  # in a mapping with a merge key: only its own keys count as repeated
            "base: &b {a: 1, z: 0}\nm:\n  <<: *b\n  a: 2\n  b: 3\n  a: 4\n",
            6,
            3,
            "key 'a' appears twice in this mapping (first at line 4)",
        ),
    ],
)
def test_a_repeated_key_names_its_first_place_with_other_keys_between(
    text: str, line: int, column: int, message: str
) -> None:
    parsed = parse(text)
    assert isinstance(parsed, Parsed)
    assert [(p.rule.id, p.line, p.column, p.message) for p in parsed.problems] == [
        ("JC002", line, column, message + "; keep one")
    ]


def test_own_keys_win_over_merged_ones_in_the_data_and_the_positions() -> None:
    parsed = parse("base: &b {a: 1, z: 0}\nm:\n  <<: *b\n  a: 2\n  b: 3\n")
    assert isinstance(parsed, Parsed)
    assert parsed.problems == []
    assert parsed.data == {"base": {"a": 1, "z": 0}, "m": {"a": 2, "z": 0, "b": 3}}
    where = parsed.positions
    assert [where.locate(["m", key], key=True) for key in ("a", "z", "b")] == [
        (4, 3),  # its own, not the merged one
        (1, 17),  # merged: where its text is written
        (5, 3),
    ]
    assert [where.locate(["m", key]) for key in ("a", "z", "b")] == [(4, 6), (1, 20), (5, 6)]
    assert where.locate(["m", "b", "a"]) == (5, 6)  # nothing below a scalar


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("? [a, b]\n: 1\n", 1, 3),
        ("x: 1\n? {a: 1}\n: 2\n", 2, 3),
        ("base: &b {a: 1}\nm:\n  <<: *b\n  ? [c]\n  : 2\n", 4, 5),  # beside a merge key
        ("m:\n  <<: {a: 1}\n  ? {b: 2}\n  : 3\n", 3, 5),
    ],
)
def test_a_key_that_is_a_list_or_mapping_is_refused_at_the_key(
    text: str, line: int, column: int
) -> None:
    problem = parse(text)
    assert isinstance(problem, FileProblem)
    assert (problem.rule.id, problem.message, problem.line, problem.column) == (
        "JC001",
        "a key must be a plain value, not a list or mapping",
        line,
        column,
    )


_RESOLVER_CASES = [
    *(
        [
            "yes",
            "Yes",
            "YES",
            "yEs",
            "no",
            "NO",
            "on",
            "Off",
            "oFF",
            "true",
            "False",
            "TRUE",
            "y",
            "n",
        ]
    ),
    *(
        [
            "null",
            "Null",
            "NULL",
            "nULL",
            "~",
            "<<",
            "=",
            "<",
            "<<<",
            "==",
            ".inf",
            "-.Inf",
            ".NaN",
            ".nan",
            "+.inf",
        ]
    ),
    *(
        [
            "0",
            "-0",
            "+1",
            "010",
            "0o10",
            "0x1F",
            "0b101",
            "1_000",
            "1:30",
            "-1:30",
            "190:20:30",
            "1.5",
            "1e3",
            "1.0e+3",
            ".5",
            "-.5e-3",
        ]
    ),
    *(
        [
            "2025-01-31",
            "2025-1-3",
            "2025-01-31T10:00:00Z",
            "2025-01-31",
            "10:00:00",
            "+0100",
            "12a",
            "1.2.3",
            "-",
            "+",
            ".",
        ]
    ),
    "",
    "yes ",
    "text",
    "Stap 1: ontvang",
]


@pytest.mark.parametrize("value", _RESOLVER_CASES)
@pytest.mark.parametrize("implicit", [(True, False), (False, True), (False, False)])
def test_the_fast_resolver_gives_pyyaml_s_tags(value: str, implicit: tuple[bool, bool]) -> None:
    assert _fast_tag(value, implicit) == _pyyaml_tag(value, implicit)


@given(st.text(alphabet="-+.:_0123456789abefinoxyENOTY ~<=", max_size=12))
def test_the_fast_resolver_gives_pyyaml_s_tags_for_any_plain_text(value: str) -> None:
    assert _fast_tag(value, (True, False)) == _pyyaml_tag(value, (True, False))


def test_collections_resolve_to_lists_and_mappings() -> None:
    resolver = FastResolver()
    assert resolver.resolve(yaml.SequenceNode, None, (True, True)) == "tag:yaml.org,2002:seq"  # type: ignore[arg-type]
    assert resolver.resolve(yaml.MappingNode, None, (True, True)) == "tag:yaml.org,2002:map"  # type: ignore[arg-type]


def _fast_tag(value: str, implicit: tuple[bool, bool]) -> str:
    return FastResolver().resolve(yaml.ScalarNode, value, implicit)


def _pyyaml_tag(value: str, implicit: tuple[bool, bool]) -> str:
    return str(yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, implicit))
