"""New documents read back as the data given; round-trip edits leave the rest byte-identical."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeyctl.load.yamlfile import Parsed, parse
from journeyctl.write import (
    WriteError,
    edit_yaml,
    housestyle,
    new_json,
    new_yaml,
    roundtrip,
    set_value,
)
from journeyctl.write.same import same_data
from tests.conftest import REPO_ROOT
from tests.write.conftest import HOSTILE

HERE = Path(__file__).parent
EXAMPLE_FILES = sorted((REPO_ROOT / "journeys").rglob("*.yaml"))


def _read_back(text: str) -> Any:
    parsed = parse(text)
    assert isinstance(parsed, Parsed), parsed
    return parsed.data


def test_a_new_document_in_the_house_style() -> None:
    data = {
        "id": "ik-verhuis",
        "name": "Ik verhuis",
        "status": "listed",
        "team": ["no", "klantenservice"],
        "volumes": [{"period": "2025", "customers": 1200, "estimated": True}],
        "review": {"last": datetime.date(2025, 3, 1), "score": 0.5, "note": None},
    }
    header = "yaml-language-server: $schema=../../../schemas/journey.schema.json\nnew file"
    assert new_yaml(data, header_comment=header) == (
        "# yaml-language-server: $schema=../../../schemas/journey.schema.json\n"
        "# new file\n"
        "id: ik-verhuis\n"
        "name: Ik verhuis\n"
        "status: listed\n"
        "team:\n"
        "  - 'no'\n"
        "  - klantenservice\n"
        "volumes:\n"
        "  - period: '2025'\n"
        "    customers: 1200\n"
        "    estimated: true\n"
        "review:\n"
        "  last: 2025-03-01\n"
        "  score: 0.5\n"
        "  note:\n"
    )


def test_a_long_line_is_not_wrapped() -> None:
    assert new_yaml({"description": "woord " * 100 + "eind"}).count("\n") == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_string_reads_back_as_value_and_as_key(text: str) -> None:
    data = {"value": text, text: [text], "nested": {"list": [{"x": text}]}}
    assert same_data(_read_back(new_yaml(data)), data)


_special_words = st.sampled_from(HOSTILE)
_text = st.one_of(st.text(), _special_words, st.from_regex(r"[0-9_:.eE+-]{1,8}", fullmatch=True))
_scalars = st.one_of(
    _text,
    st.integers(min_value=-(10**30) + 1, max_value=10**30 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.dates(),
)
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(_text, children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@given(st.dictionaries(_text, _values, min_size=1, max_size=6))
def test_what_is_written_reads_back_the_same(data: dict[str, Any]) -> None:
    assert same_data(_read_back(new_yaml(data)), data)


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), {1, 2}, datetime.datetime(2025, 1, 1), b"x", "a\ud800"]
)
def test_what_the_loader_could_not_give_back_is_refused(value: object) -> None:
    with pytest.raises(WriteError, match="cannot write"):
        new_yaml({"x": [value]})


def test_a_document_that_would_read_back_differently_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The last line of defence: should the quoting rules ever be wrong, nothing is written.
    for writer in (roundtrip, housestyle):
        monkeypatch.setattr(writer, "string_style", lambda value: None)
    monkeypatch.setattr(housestyle, "_text", housestyle._text.__wrapped__)  # not its cache
    with pytest.raises(WriteError, match="reads back the same"):
        new_yaml({"answer": "no"})


def test_a_number_larger_than_the_loader_reads_is_refused() -> None:
    assert new_yaml({"x": 10**30 - 1}) == f"x: {10**30 - 1}\n"
    with pytest.raises(WriteError, match="larger than journeyctl reads"):
        new_yaml({"x": -(10**31)})


def test_json_is_indented_utf8_with_a_final_newline() -> None:
    assert new_json({"naam": "é", "n": [1]}) == '{\n  "naam": "é",\n  "n": [\n    1\n  ]\n}\n'
    with pytest.raises(WriteError, match="cannot write this data as JSON"):
        new_json({"x": float("nan")})


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.name)
def test_every_example_file_round_trips_byte_identically(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert edit_yaml(text, lambda document: None) == text


ROUND_TRIP_CASES = sorted((HERE / "round_trip").glob("*.yaml"))
TRICKY = (HERE / "round_trip" / "yaml-1-1-traps.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ROUND_TRIP_CASES, ids=lambda path: path.name)
def test_untouched_traps_comments_and_styles_stay_as_they_are(path: Path) -> None:
    # Read as bytes: a case may end without a line end, or hold what text mode would change.
    text = path.read_bytes().decode("utf-8")
    assert edit_yaml(text, lambda document: None) == text


def test_windows_line_ends_stay() -> None:
    crlf = TRICKY.replace("\n", "\r\n")
    assert edit_yaml(crlf, lambda document: None) == crlf


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_an_edit_of_one_value_changes_exactly_that_line() -> None:
    path = REPO_ROOT / "journeys/geen-klant/orienteren/ik-vergelijk-energieleveranciers.yaml"
    before = path.read_text(encoding="utf-8")
    after = edit_yaml(before, lambda document: set_value(document, "status", "on"))
    assert _changed_lines(before, after) == ["-status: listed", "+status: 'on'"]
    assert _read_back(after)["status"] == "on"


def test_text_assigned_over_bare_text_is_quoted_as_the_loader_needs() -> None:
    # ruamel gives a value assigned to a key the type of the old one; bare must not stick.
    before = "status: listed\nanswer: no\n"
    after = edit_yaml(before, lambda document: document.update(status="on", answer="yes"))
    assert after == "status: 'on'\nanswer: 'yes'\n"


def test_an_edited_text_keeps_its_quotes_and_its_comment() -> None:
    after = edit_yaml(TRICKY, lambda document: set_value(document, "quoted", "nieuw"))
    assert _changed_lines(TRICKY, after) == [
        "-quoted: 'oud'   # een opmerking",
        "+quoted: 'nieuw' # een opmerking",  # the comment keeps its column
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [("a: [unclosed\n", "not valid YAML"), ("- a list\n", "not a mapping"), ("", "not a mapping")],
)
def test_what_cannot_be_edited_is_refused(text: str, problem: str) -> None:
    with pytest.raises(WriteError, match=problem):
        edit_yaml(text, lambda document: None)
