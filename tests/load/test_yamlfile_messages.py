"""Reading one file's text: every refusal asserted whole, at its edges (limits, positions,
line breaks that editors do not show, aliases that multiply a file)."""

from __future__ import annotations

import pytest
import yaml

from journeyctl.load import scalars, tags
from journeyctl.load.decode import decode
from journeyctl.load.limits import MAX_DEPTH
from journeyctl.load.problems import FileProblem, shorten, written_key
from journeyctl.load.syntax import syntax_problem
from journeyctl.load.yamlfile import Parsed, parse

NEL = "\x85"  # a line break to YAML 1.1, invisible in most editors
NEL_HINT = "U+0085 NEXT LINE, which YAML reads as a line break: remove it"


def refused(text: str) -> tuple[str, str, int | None, int | None]:
    problem = parse(text)
    assert isinstance(problem, FileProblem), problem
    return problem.rule.id, problem.message, problem.line, problem.column


def read(text: str) -> Parsed:
    parsed = parse(text)
    assert isinstance(parsed, Parsed), parsed
    return parsed


def value_problems(text: str) -> list[tuple[str, str]]:
    return [(p.rule.id, p.message) for p in read(text).problems]


# --- text and limits ----------------------------------------------------------------


def test_shorten_keeps_forty_characters_and_cuts_longer_text_to_forty() -> None:
    assert shorten("a" * 40) == "a" * 40
    assert shorten("a" * 41) == "a" * 37 + "..."
    assert shorten("abcdef", 5) == "ab..."


def test_a_key_that_is_a_list_or_mapping_is_described() -> None:
    node = yaml.compose("[a, b]")
    assert node is not None and written_key(node) == "(a list or mapping)"


def test_binary_and_other_encodings_are_refused_where_they_start() -> None:
    nul = decode(b"\n\0")
    assert isinstance(nul, FileProblem)
    assert (nul.rule.id, nul.message, nul.line, nul.column) == (
        "JC004",
        "binary file (it contains NUL bytes); only YAML text belongs under the root",
        2,
        1,
    )
    latin = decode(b"a: caf\xe9\n")
    assert isinstance(latin, FileProblem)
    assert (latin.message, latin.line, latin.column) == (
        "not UTF-8 (byte 0xe9); save the file as UTF-8",
        1,
        7,
    )


def test_a_control_character_at_the_very_start_is_placed_there() -> None:
    assert refused("\x07a: 1") == (
        "JC001",
        "character #x0007 is not allowed in YAML (control characters are not allowed); remove it",
        1,
        1,
    )


# --- syntax errors and hidden line breaks -------------------------------------------


def test_a_syntax_error_names_where_the_unclosed_part_started() -> None:
    assert refused("a: 1\nb: [1, 2\nc: 3\n") == (
        "JC001",
        "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2)",
        3,
        2,
    )


NEVER_CLOSED = (
    "this quote ({quote}) is never closed, so the text runs on to {to}; close the quote that "
    "starts here"
)


@pytest.mark.parametrize(
    ("text", "quote", "to", "place"),
    [
        ('id: x\nname: "Ik verhuis\nphase: a\nb: 1\n', '"', "the end of the file", (2, 7)),
        ("id: x\nname: 'Ik verhuis\nphase: a\n", "'", "the end of the file", (2, 7)),
        ("a: [x, 'y]\n", "'", "the end of the file", (1, 8)),
        ('a: "abc', '"', "the end of the file", (1, 4)),
        ("steps:\n  - name: 'Ik\n", "'", "the end of the file", (2, 11)),
        ('id: x\nname: "Ik\n---\nb: 1\n', '"', "the '---' on line 3", (2, 7)),
        ('id: x\nname: "Ik\n\n...\n', '"', "the '...' on line 4", (2, 7)),
        # Columns and lines as editors count them: a character of two bytes, a hidden break.
        ('idé: ééé\nnaam: "Ik\n', '"', "the end of the file", (2, 7)),
        (f'a: 1{NEL}b: 2\nc: "d\n', '"', "the end of the file", (2, 4)),
    ],
)
def test_an_unclosed_quote_is_placed_where_it_starts(
    text: str, quote: str, to: str, place: tuple[int, int]
) -> None:
    assert refused(text) == ("JC001", NEVER_CLOSED.format(quote=quote, to=to), *place)


def test_a_quote_left_open_and_closed_by_a_later_one_is_named_where_the_parser_stops() -> None:
    # `'Ik verhuis` on line 2 is closed by the apostrophe of line 4; the parser stumbles there.
    text = "id: x\nname: 'Ik verhuis\nphase: a\ngoal: Dat is 't doel\n"
    assert refused(text) == (
        "JC001",
        "did not find expected key (while parsing a block mapping that starts at line 1); the "
        "quoted text that starts at line 2, column 7 ends just before this: if its quote (') "
        "was meant to close on line 2, close it there",
        4,
        15,
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: 'x'\nb: c: d\n",  # a quoted text of one line before the error
        "a: 'x\n  y'\nb: c: d\n",  # of two lines, but the error is on a later line
        "a: [1\nb: 2\n",  # no quoted text at all
        "a: x\nb: c: d\n# it's\n",  # a quote after the error
    ],
)
def test_no_quote_hint_where_no_quoted_text_ends_at_the_error(text: str) -> None:
    _, message, _, _ = refused(text)
    assert "quote" not in message


def test_other_errors_in_a_quoted_text_stay_where_the_parser_found_them() -> None:
    assert refused('a: "x\\q"\n') == (
        "JC001",
        "found unknown escape character (while parsing a quoted scalar that starts at line 1)",
        1,
        6,
    )


TAB_INDENTS = "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"
TAB_SEPARATES = "a tab stands here; YAML separates with spaces only: replace the tab with a space"


@pytest.mark.parametrize(
    ("text", "message", "place"),
    [
        # libyaml: "found character that cannot start any token"
        ("steps:\n\t- name: a\n", TAB_INDENTS, (2, 1)),
        ("a:\n\tb: 1\n", TAB_INDENTS, (2, 1)),
        ("a:\n  \tb: 1\n", TAB_INDENTS, (2, 3)),
        ("a:\n  b:\n\t\tc: 1\n", TAB_INDENTS, (3, 1)),
        ("\t- a\n", TAB_INDENTS, (1, 1)),
        ("a:\r\n\tb: 1\r\n", TAB_INDENTS, (2, 1)),
        # "found a tab character that violates indentation"
        ("a:\n  b: 1\n\tc: 2\n", TAB_INDENTS, (3, 1)),
        ("a: b\n\t# comment\n", TAB_INDENTS, (2, 1)),
        ("a:\n  - name: x\n  \t stage: y\n", TAB_INDENTS, (3, 3)),
        # "found a tab character where an indentation space is expected" (a block scalar)
        ("a: |\n  x\n\ty\n", TAB_INDENTS, (3, 1)),
        # Not indentation: a tab after a dash or a question's colon.
        ("a:\n  - b\n  -\tc\n", TAB_SEPARATES, (3, 4)),
        ("a:\n  - b\n  - \tc\n", TAB_SEPARATES, (3, 5)),
        ("? a\n:\tb\n", TAB_SEPARATES, (2, 2)),
        # Columns as editors count them: a character of two bytes before the tab's line.
        ("idé: ééé\nstappen:\n\t- a\n", TAB_INDENTS, (3, 1)),
        # A line break that editors do not show: the tab is mid-line to them, and the hint says why.
        (f"a: 1{NEL}\tb: 2\n", f"{TAB_SEPARATES}; line 1, column 5 holds {NEL_HINT}", (1, 6)),
    ],
)
def test_a_tab_where_the_parser_stops_is_named_with_what_to_do(
    text: str, message: str, place: tuple[int, int]
) -> None:
    assert refused(text) == ("JC001", message, *place)


def test_a_tab_is_named_whichever_parser_reads_the_file() -> None:
    # PyYAML's pure-Python parser says it in its own words ("found character '\\t' that
    # cannot start any token"); the message is the same.
    text = "a:\n  b: 1\n\tc: 2\n"
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.compose(text, Loader=yaml.SafeLoader)
    problem = syntax_problem(raised.value, text)
    assert (problem.message, problem.line, problem.column) == (TAB_INDENTS, 3, 1)


@pytest.mark.parametrize("text", ["a:\tb\n", "a: [1,\n\t2]\n", "a: 'x\n\ty'\n", "a: b\t\n"])
def test_a_tab_where_yaml_allows_one_is_read(text: str) -> None:
    read(text)


def test_an_error_elsewhere_in_a_file_with_tabs_keeps_the_parser_s_words() -> None:
    assert refused("a:\tb\nc: [1\n") == (
        "JC001",
        "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2)",
        3,
        1,
    )


@pytest.mark.parametrize(
    ("text", "message", "place"),
    [
        # The break before the error, at the start of the file, and just before the place.
        (
            f"a: 1\n{NEL}  b: 2\n",
            f"mapping values are not allowed in this context; line 2, column 1 holds {NEL_HINT}",
            (2, 5),
        ),
        (
            f"{NEL}a: [1, 2\n",
            "did not find expected ',' or ']' (while parsing a flow sequence that starts at "
            f"line 1); line 1, column 1 holds {NEL_HINT}",
            (2, 1),
        ),
        (
            f"a: 1\n  b{NEL}: 2\n",
            "did not find expected key (while parsing a block mapping that starts at line 1); "
            f"line 2, column 4 holds {NEL_HINT}",
            (2, 5),
        ),
        # A break after the error's place cannot have caused it: no hint.
        (f"a: 1\n  b:{NEL} 2\n", "mapping values are not allowed in this context", (2, 4)),
    ],
)
def test_a_hidden_line_break_before_an_error_is_pointed_out(
    text: str, message: str, place: tuple[int, int]
) -> None:
    assert refused(text) == ("JC001", message, *place)


# --- depth and aliases --------------------------------------------------------------

TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; flatten the structure"


def passes_the_depth_check(text: str) -> bool:
    # Past the check, the parser's own recursion decides; under a deep call stack (a test
    # runner that wraps every call) it may give up a little earlier, with another message.
    result = parse(text)
    return not (isinstance(result, FileProblem) and result.message == TOO_DEEP)


def test_exactly_the_maximum_depth_is_read_and_one_more_is_not() -> None:
    assert MAX_DEPTH == 200
    assert passes_the_depth_check("- " * 200 + "x")
    # Each "- " is two columns: the 201st list starts at column 401.
    assert refused("- " * 201 + "x") == ("JC006", TOO_DEEP, 1, 401)


def test_depth_counts_back_down_only_for_what_closed() -> None:
    # The outer list, an inner list holding [1] (closed: back to depth 2), then 199 more.
    deep = "-\n  - [1]\n  - " + "- " * 199 + "x"
    assert refused(deep) == ("JC006", TOO_DEEP, 3, 401)
    assert passes_the_depth_check("-\n  - [1]\n  - " + "- " * 198 + "x")


def test_a_syntax_error_in_a_file_that_looks_deep_is_a_syntax_error() -> None:
    rule, message, _, _ = refused("- " * 150 + "x: [1, 2\n")
    assert (rule, message.split(" (")[0]) == ("JC001", "did not find expected ',' or ']'")


def _alias_tree(extra_scalars: int) -> str:
    """A list whose values, every alias written out, number 100,000 plus `extra_scalars`.

    a: nine scalars and its list, 10 values; b: ten a and its list, 101; c: ten b, 1,011;
    d: ten c, 10,111. The root holds a, 8 b, 18 c and 8 d (10 + 808 + 18,198 + 80,888 =
    99,904) and 95 scalars: 99,999 values, and itself: 100,000.
    """
    lines = [
        "- &a [1, 1, 1, 1, 1, 1, 1, 1, 1]",
        "- &b [" + ", ".join(["*a"] * 10) + "]",
        "- &c [" + ", ".join(["*b"] * 10) + "]",
        "- &d [" + ", ".join(["*c"] * 10) + "]",
    ]
    lines += ["- *b"] * 7 + ["- *c"] * 17 + ["- *d"] * 7
    lines += ["- 1"] * (95 + extra_scalars)
    return "\n".join(lines) + "\n"


def test_aliases_may_expand_a_file_to_the_limit_and_not_beyond() -> None:
    read(_alias_tree(0))
    assert refused(_alias_tree(1)) == (
        "JC006",
        "YAML aliases expand this file to more than 100,000 values (an alias bomb?); write the "
        "values out instead of repeating aliases",
        1,
        1,
    )


def test_a_star_in_a_quoted_scalar_is_text() -> None:
    assert read("'*'").data == "*"


# --- scalars ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "d: 0001-02-30",
            (
                "JC103",
                "d: 0001-02-30 is not a date (February 1 has 28 days); write a real date as "
                "YYYY-MM-DD",
            ),
        ),
        (
            "d: 2025-12-32",
            (
                "JC103",
                "d: 2025-12-32 is not a date (December 2025 has 31 days); write a real date "
                "as YYYY-MM-DD",
            ),
        ),
        (
            "v: .inf",
            (
                "JC103",
                "v: .inf is infinity in YAML, not a number that can be counted or compared; "
                "write a finite number, or leave the key out if the value is not known",
            ),
        ),
        (
            "a: 1" + "0" * 31,
            (
                "JC103",
                "a: 1" + "0" * 31 + " is too large a number; numbers here are finite and "
                "below 1,000,000,000,000: check it",
            ),
        ),
        # A tag on what is no number at all, whatever letters or dots it holds.
        (
            "a: !!int X010",
            (
                "JC001",
                "a: the YAML tag !!int is not read here (tags are never executed); remove "
                "the tag and write plain YAML",
            ),
        ),
        (
            "a: !!int 1.5",
            (
                "JC001",
                "a: the YAML tag !!int is not read here (tags are never executed); remove "
                "the tag and write plain YAML",
            ),
        ),
        # 3 x 60 + 10 is 190, shown as a whole number though YAML 1.1 reads a float.
        (
            "a: 3:10.0",
            (
                "JC103",
                "a: 3:10.0 is a base-60 number (190) to YAML 1.1, which other tools read "
                "differently; write the number in plain decimal digits, or quote it if it is text",
            ),
        ),
        # 0x2386F26FC10000 is 10**16: shown in digits, not as 1e+16.
        (
            "a: 0x2386F26FC10000",
            (
                "JC103",
                "a: 0x2386F26FC10000 is a hexadecimal number (10000000000000000) to YAML "
                "1.1, which other tools read differently; write the number in plain decimal "
                "digits, or quote it if it is text",
            ),
        ),
        # Thirty characters: still worked out; longer: not, and the text shortened.
        (
            "a: 0x" + "1" * 28,
            (
                "JC103",
                "a: 0x" + "1" * 28 + f" is a hexadecimal number ({int('1' * 28, 16)}) to "
                "YAML 1.1, which other tools read differently; write the number in plain decimal "
                "digits, or quote it if it is text",
            ),
        ),
        (
            "a: 0x" + "1" * 40,
            (
                "JC103",
                "a: 0x" + "1" * 35 + "... is a hexadecimal number to YAML 1.1, which other "
                "tools read differently; write the number in plain decimal digits, or quote it "
                "if it is text",
            ),
        ),
    ],
)
def test_a_value_read_differently_elsewhere_is_refused_saying_what_to_write(
    text: str, problem: tuple[str, str]
) -> None:
    assert value_problems(text) == [problem]


YAML11 = (
    "to YAML 1.1, which other tools read differently; write the number in plain decimal "
    "digits, or quote it if it is text"
)


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        # In lists of lists, and where a merge key copies a refused value: named once, where
        # it is written.
        ("a:\n  - [1, 0x10]\n", [f"a[0][1]: 0x10 is a hexadecimal number (16) {YAML11}"]),
        (
            "base: &b {n: 0x10}\nx:\n  <<: *b\n  m: [1, 010]\n",
            [
                f"base.n: 0x10 is a hexadecimal number (16) {YAML11}",
                f"x.m[1]: 010 is an octal number (8) {YAML11}",
            ],
        ),
        # A key says it is one, and names the mapping it is in.
        ("010: a\n", [f"key 010 is an octal number (8) {YAML11}"]),
        ("a:\n  b:\n    1:30: x\n", [f"a.b: key 1:30 is a base-60 number (90) {YAML11}"]),
        # The whole document: no key path.
        ("0x10\n", [f"0x10 is a hexadecimal number (16) {YAML11}"]),
        # A long key is shortened in the path as in every message.
        (
            f"{'k' * 50}: 010\n",
            [f"{'k' * 37}...: 010 is an octal number (8) {YAML11}"],
        ),
    ],
)
def test_a_refused_value_names_its_key_path(text: str, messages: list[str]) -> None:
    assert [message for _, message in value_problems(text)] == messages


def test_every_spelling_of_null_is_null() -> None:
    assert read("a: Null\nb: NULL\nc: null\nd: ~").data == {
        "a": None,
        "b": None,
        "c": None,
        "d": None,
    }


def test_a_decimal_number_of_seventy_characters_is_read_and_longer_is_not() -> None:
    assert read("a: 1." + "0" * 68).data == {"a": 1.0}
    [(rule, _)] = value_problems("a: 1." + "0" * 69)
    assert rule == "JC103"


def test_a_whole_number_of_thirty_digits_is_read_and_longer_is_not() -> None:
    assert read("a: -" + "9" * 30).data == {"a": -int("9" * 30)}
    assert value_problems("a: -" + "9" * 31) == [
        (
            "JC103",
            "a: -9999999999999999999999999999999 is too large a number; numbers here are finite "
            "and below 1,000,000,000,000: check it",
        )
    ]


@pytest.mark.parametrize(
    "text",
    ["[10, 20, 30, 40]\n", "[&x 10, 20, 30, 40]\n"],  # the plain reader, the full one
)
def test_the_memos_of_plain_scalars_stay_within_their_bounds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = len(tags.WORD_TAGS)
    monkeypatch.setattr(scalars, "PLAIN_VALUES_KEPT", 2)
    monkeypatch.setattr(tags, "PLAIN_TAGS_KEPT", words + 2)
    assert read(text).data == [10, 20, 30, 40]
    assert list(scalars.PLAIN_VALUES.values()) == [10, 20]
    assert len(tags.PLAIN_TAGS) == words + 2


def test_a_short_text_is_one_object_across_files_within_the_memo_s_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = read("[web, 'web', \"web\"]\n").data, read("- web\n").data
    assert isinstance(first, list) and isinstance(second, list)
    assert first[0] is first[1] is first[2] is second[0]
    long_text = "a" * (scalars.SHARED_TEXT_LENGTH + 1)
    read(f"[{long_text}, {long_text}]\n")
    assert long_text not in scalars.SHARED_TEXTS
    monkeypatch.setattr(scalars, "SHARED_TEXTS_KEPT", len(scalars.SHARED_TEXTS))
    read("[app, chat]\n")
    assert "app" not in scalars.SHARED_TEXTS
