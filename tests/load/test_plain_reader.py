"""The plain reader (libyaml's events) gives what the full reader gives, or leaves the file to it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyctl.load import yamlfile
from journeyctl.load.full_reader import read_full
from journeyctl.load.limits import MAX_DEPTH
from journeyctl.load.plain_reader import read_plain
from journeyctl.load.source_map import SourceMap
from journeyctl.load.yamlfile import Parsed

REPOSITORY = Path(__file__).parent.parent.parent


def _typed(value: object) -> object:
    """`value` with the type of every part, so that 1 and True and 1.0 differ."""
    if isinstance(value, dict):
        return ("mapping", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, value)


def _assert_read_alike(text: str) -> bool:
    """Whether the plain reader read `text`; where it did, it read what the full reader reads."""
    plain = read_plain(text)
    if plain is None:
        return False
    full = read_full(text)
    assert isinstance(full, Parsed)
    assert (_typed(plain.data), plain.problems) == (_typed(full.data), full.problems)
    assert plain.positions.to_plain() == full.positions.to_plain()
    return True


def _repository_yaml() -> list[Path]:
    folders = ("journeys", "examples", "tests")
    return sorted(p for folder in folders for p in (REPOSITORY / folder).rglob("*.y*ml"))


def test_every_yaml_file_of_the_repository_is_read_alike() -> None:
    read = 0
    for path in _repository_yaml():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # the fixtures of other encodings
        read += _assert_read_alike(text)
    assert read > 100  # the plain reader reads almost every real file


SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.dates(),
    st.sampled_from(["yes", "No", "~", "010", "1_000", "0x1F", "1:30", "2025-02-30", "=", ""]),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(SCALARS, inner, max_size=4),
    max_leaves=20,
).filter(lambda value: isinstance(value, (dict, list)))


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS, st.sampled_from([None, True, False]))
def test_any_document_is_read_alike(document: object, flow: bool | None) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    _assert_read_alike(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias
        "a: '*'\n",  # an asterisk, even quoted: the full reader measures aliases
        "a: &x 1\n",  # an anchor
        "a: !!str 1\n",  # an explicit tag
        "a: !thing 1\n",  # a local tag
        "base: {a: 1}\nother:\n  <<: {a: 2}\n",  # a merge key
        "a: 1\na: 2\n",  # a repeated key
        "1: a\ntrue: b\n1.0: c\n",  # keys equal as values
        "a: 010\n",  # refused: YAML 1.1 octal
        "a: .inf\n",  # refused: not finite
        "a: 2025-02-30\n",  # refused: not a date
        "just a value\n",
        "",
        "# only a comment\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "a: 1\u2028b: 2\n",  # a line break to YAML only
        "? [a]\n: 1\n",  # a list as a key
        "? {a: 1}\n: 1\n",  # a mapping as a key
        "a: [1, 2\n",  # a syntax error
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",  # nested too deeply
    ],
)
def test_what_is_not_plain_is_left_to_the_full_reader(text: str) -> None:
    assert read_plain(text) is None


def test_nesting_up_to_the_limit_is_plain() -> None:
    # Worked out by hand, not compared with the full reader, whose recursion has room for
    # this depth but not for the doubled stack of a mutated build (mutation testing).
    text = "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    plain = read_plain(text)
    assert plain is not None
    expected: list[object] = []
    for _ in range(MAX_DEPTH - 1):
        expected = [expected]
    assert plain.data == expected
    assert plain.positions.locate([0] * (MAX_DEPTH - 1)) == (1, MAX_DEPTH)
    assert plain.positions.locate([0] * MAX_DEPTH) == (1, MAX_DEPTH)  # nothing deeper


def test_a_plainly_read_file_composes_its_tree_when_a_message_asks() -> None:
    text = "id: ik-betaal\nsteps:\n  - name: Betalen\n    emotion: 3\n"
    parsed = yamlfile.parse(text)
    assert isinstance(parsed, Parsed) and parsed.composed is None
    node, key_node, resolved = SourceMap.of(parsed).node_at(["steps", 0, "emotion"])
    assert (node.value, key_node.value if key_node else None, resolved) == ("3", "emotion", True)
    assert (node.start_mark.line, node.start_mark.column) == (3, 13)
