"""The small writer of new documents gives ruamel.yaml's bytes, or leaves the document to it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyctl.write import one_line
from journeyctl.write.housestyle import house_style
from journeyctl.write.yamldoc import emitted_by_ruamel
from tests.write.conftest import HOSTILE


def _ruamel(data: dict[Any, Any]) -> str | None:
    """What ruamel writes, or None where new_yaml refuses the data."""
    try:
        return emitted_by_ruamel(data)
    except Exception:
        return None


def _same_as_ruamel_or_left_to_it(data: dict[Any, Any]) -> str | None:
    written = house_style(data)
    if written is not None:
        assert written == _ruamel(data), data
    return written


def test_a_new_journey_of_an_import_is_written_as_ruamel_writes_it() -> None:
    journey = {
        "id": "ik-verhuis",
        "name": "Ik verhuis: naar een nieuw adres (België)",
        "phase": "klant-zijn",
        "cluster": "ik-verhuis",
        "owner": "eigenaar-3",
        "status": "listed",
        "volumes": [
            {"period": "2024", "customers": 1200, "contacts": 0, "source": "inv.xlsx, Blad1"},
            {
                "period": "2025-Q3",
                "customers": 3,
                "contacts": 4,
                "estimated": one_line(["customers"]),
            },
        ],
        "criteria": {"impact": 3, "kosten": 1.5, "wettelijk": True, "nee": "no"},
        "notes": [{"text": "Bron: CRM\nzie 'tab 2' #3", "cell": "Blad1!H7"}],
    }
    assert _same_as_ruamel_or_left_to_it(journey) is not None


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_string_as_a_value_or_an_item_is_written_as_ruamel_writes_it(text: str) -> None:
    assert _same_as_ruamel_or_left_to_it({"value": text, "list": [text, {"x": text}]}) is not None


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_string_as_a_key_or_in_a_one_line_list_is_ruamels_or_left_to_it(
    text: str,
) -> None:
    _same_as_ruamel_or_left_to_it({text: 1})
    _same_as_ruamel_or_left_to_it({"estimated": one_line([text, "x"])})


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"x": {}},
        {"x": []},
        {"x": [None]},
        {"x": [[1, 2]]},
        {"x": [{}]},
        {1: "a number as key"},
        {"k" * 130: "a key ruamel writes as `? key`"},
        {"x": one_line([])},
        {"x": 10**20},
        {"x": float("nan")},
        {"x": datetime.datetime(2025, 1, 1)},
        {"x": "a\ud800"},
        {"x": {1, 2}},
    ],
    ids=repr,
)
def test_what_it_is_not_sure_of_is_left_to_ruamel(data: dict[Any, Any]) -> None:
    assert house_style(data) is None


# Text that tempts a writer into the wrong quotes: YAML 1.1 and 1.2 words and numbers, dates
# and numbers as text, indicators, quotes, comments, line breaks, unicode and long lines.
_awkward = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(),
    st.text(alphabet=" :#-'\"?,[]{}!&*|>%@`\\\n\tabcé\u00a0\u2028\ufeff", max_size=12),
    st.from_regex(r"[0-9_:.eE+-]{1,8}", fullmatch=True),
    st.from_regex(r"(yes|no|on|off|y|n|true|false|null|~)", fullmatch=True).map(str.title),
    st.dates().map(str),
    st.builds(
        lambda word, n: (word + " ") * n,
        st.sampled_from(["woord", "a: b", "'x'"]),
        st.integers(0, 60),
    ),
)
_scalars = st.one_of(
    _awkward,
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
)
_keys = st.one_of(_awkward, st.sampled_from(["id", "name", "volumes", "notes"]))
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(_awkward, max_size=3).map(one_line),
        st.dictionaries(_keys, children, max_size=4),
    ),
    max_leaves=20,
)


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@settings(max_examples=300)
@given(st.dictionaries(_keys, _values, max_size=6))
def test_what_it_writes_is_what_ruamel_writes(data: dict[str, Any]) -> None:
    _same_as_ruamel_or_left_to_it(data)


# Documents of the shapes it writes itself (most of the above it leaves to ruamel): lists
# of text, numbers and mappings, mappings that are not empty, keys of plain words.
_plain_keys = st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True)
_its_scalars = st.one_of(
    _awkward,
    st.integers(min_value=-(10**14), max_value=10**14),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
)
_its_values = st.recursive(
    st.one_of(_its_scalars, st.none()),
    lambda children: st.one_of(
        st.lists(
            st.one_of(_its_scalars, st.dictionaries(_plain_keys, children, min_size=1)),
            min_size=1,
            max_size=4,
        ),
        st.lists(st.from_regex(r"[a-z][a-z -]{0,10}[a-z]", fullmatch=True), min_size=1).map(
            one_line
        ),
        st.dictionaries(_plain_keys, children, min_size=1, max_size=4),
    ),
    max_leaves=25,
)


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@settings(max_examples=120)  # 15,000 passed once; this keeps the quick suite quick
@given(st.dictionaries(_plain_keys, _its_values, min_size=1, max_size=8))
def test_a_document_of_its_shapes_is_written_by_it_as_ruamel_writes_it(
    data: dict[str, Any],
) -> None:
    assert _same_as_ruamel_or_left_to_it(data) is not None
