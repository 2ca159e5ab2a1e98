"""The sandbox's sizes worked out by hand: each operator, method and filter is measured before
it runs as the number of characters (or items) it may build, no more and no less, and each
limit refuses one past its number, not at it."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from jinja2.utils import generate_lorem_ipsum

from journeyctl.render import TemplateRefused, environment, sandbox
from journeyctl.render.sandbox import (
    MAX_INT_BITS,
    BoundedEnvironment,
    Budget,
    TemplateLimit,
)
from tests.render.test_templating import render_with


class Shown:
    """A value of the page's data whose text is 40 characters."""

    def __repr__(self) -> str:
        return "x" * 40


def bounded(tmp_path: Path) -> BoundedEnvironment:
    env = environment(tmp_path)
    assert isinstance(env, BoundedEnvironment)
    return env


# (operator, left, right, size): what `left operator right` is counted as before it runs.
BINOPS: list[tuple[str, Any, Any, int]] = [
    ("*", "ab", 3, 6),
    ("*", 3, "ab", 6),
    ("*", ["ab", "c"], 2, 10),
    ("*", "ab", 0, 0),
    ("*", "ab", -3, 0),
    ("*", 2, 3, 1),
    ("*", 2.5, 3, 1),
    ("*", 3, 2.5, 1),
    ("**", 2, 3, 1),
    ("**", 2.5, 3, 1),
    ("**", 2, 0.5, 1),
    ("**", 10, -5, 1),
    ("+", "ab", "cde", 5),
    ("+", ["ab"], ["c"], 5),
    ("+", 1, 2, 1),
    ("%", "%5s|", "ab", 4 + 5 + 20),
    ("%", 7, 3, 1),
    ("-", "ab", "c", 1),
]


@pytest.mark.parametrize(("operator", "left", "right", "size"), BINOPS)
def test_the_size_of_an_operator(operator: str, left: Any, right: Any, size: int) -> None:
    assert sandbox._binop_size(operator, left, right, 1_000) == size


# (base, exponent, bits): a power refused with the bits it would take, or None when it is not.
POWERS: list[tuple[int, int, int | None]] = [
    (2, 100_000, 100_001),
    (-2, 100_000, 100_001),
    (2, 99_999, None),
    (3, 100_000, 100_001),
    (3, 99_999, None),
    (1, 10**9, None),
    (-1, 10**9, None),
    (0, 10**9, None),
    (10, -(10**9), None),
    (10, 0, None),
]


@pytest.mark.parametrize(("base", "exponent", "bits"), POWERS)
def test_a_power_is_refused_past_its_bits_not_at_them(
    base: int, exponent: int, bits: int | None
) -> None:
    """`2**100_000` has 100,001 bits, one past the limit; `2**99_999` is at it."""
    if bits is None:
        assert sandbox._binop_size("**", base, exponent, 0) == 1
        return
    with pytest.raises(TemplateLimit) as refused:
        sandbox._binop_size("**", base, exponent, 0)
    assert str(refused.value) == (
        f"a power of about {bits:,} bits: a template's numbers may have at most 100,000 bits; "
        "compute smaller numbers"
    )


def test_a_big_number_to_the_power_one_is_refused_by_its_own_bits() -> None:
    with pytest.raises(TemplateLimit, match=r"^a power of about 100,001 bits: "):
        sandbox._power_size(2**100_000, 1)
    assert sandbox._power_size(2**99_999, 1) == 1


def test_a_power_of_two_is_measured(tmp_path: Path) -> None:
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", "{{ 2 ** 200000 }}")
    assert str(refused.value) == (
        f"{tmp_path / 'index.html.j2'}:1: a power of about 200,001 bits: a template's numbers "
        "may have at most 100,000 bits; compute smaller numbers"
    )


def test_the_bits_of_a_number_are_refused_one_past_the_limit() -> None:
    sandbox._refuse_bits(MAX_INT_BITS, "a product")
    with pytest.raises(TemplateLimit) as refused:
        sandbox._refuse_bits(MAX_INT_BITS + 1, "a product")
    assert str(refused.value) == (
        "a product of about 100,001 bits: a template's numbers may have at most 100,000 bits; "
        "compute smaller numbers"
    )


@pytest.mark.parametrize(
    ("text", "old", "new", "size"),
    [
        ("aXa", "a", "bbb", 3 + 2 * 2),
        ("aaa", "aa", "b", 3),
        ("abc", "z", "zzzz", 3),
        ("ab", "a", 5, 0),
        ("ab", 1, "x", 0),
        ("ab", 1, 2, 0),
        (b"aXa", b"a", b"bbb", 7),
        (b"aXa", "a", "bbb", 0),
    ],
)
def test_the_size_of_a_replacement(text: Any, old: Any, new: Any, size: int) -> None:
    assert sandbox._replaced_size(text, old, new) == size


@pytest.mark.parametrize(
    ("separator", "items", "size"),
    [
        ("--", ["ab", "c"], 2 + 3 + 2 * 2),
        ("", ["ab", "c"], 5),
        (",", [Shown()], 1 + 40 + 1),
        (",", "abc", 3 + 3),
        (",", range(4), 4 + 4),
        (",", {"a": "bc"}, 4 + 1),
        (",", (item for item in ["ab"]), 0),
        (",", 7, 0),
    ],
)
def test_the_size_of_a_join(separator: str, items: Any, size: int) -> None:
    assert sandbox._joined_size(separator, items, 1_000) == size


@pytest.mark.parametrize(
    ("length", "fields", "widths", "values", "size"),
    [
        (10, 2, [], [], 10),
        (10, 2, [], ["ab"], 10 + 2 * 20),
        (10, 2, [7], ["ab"], 10 + 2 * (7 + 20)),
        (10, 1, [3], [-9], 10 + 9 + 10 * 2),
        (0, 1, [], [Shown()], 400),
        (4, 0, [99], ["abc"], 4),
    ],
)
def test_the_size_of_a_format(
    length: int, fields: int, widths: list[int], values: list[Any], size: int
) -> None:
    assert sandbox._filled_size(length, fields, widths, values, 1_000) == size


@pytest.mark.parametrize(
    ("text", "values", "size"),
    [
        ("%5s|", "ab", 4 + 5 + 20),
        (b"%5s|", b"ab", 4 + 5 + 20),
        (b"\xe9%3d", 7, 4 + 7 + 10 * 2),
        ("%-8.3f%s", (1.5, "x"), 8 + 2 * (8 + 30)),
        ("%(a)s%(b)s", {"a": "xy", "b": "z"}, 10 + 2 * 20),
        ("%*d", (12, 1), 3 + 1 * (12 + 20)),
        ("no fields", "ab", 9),
    ],
)
def test_the_size_of_a_percent_format(text: str | bytes, values: Any, size: int) -> None:
    assert sandbox._percent_size(text, values, 1_000) == size


@pytest.mark.parametrize(
    ("args", "widths"),
    [
        (({97: "xyz", 98: 5, 99: b"ab"},), [3, 2]),
        ((), []),
        (("abc",), []),
        ((None,), []),
    ],
)
def test_the_widths_of_a_translation_table(args: tuple[Any, ...], widths: list[int]) -> None:
    assert sandbox._table_widths(args) == widths


@pytest.mark.parametrize(
    ("method", "args", "size"),
    [
        ("center", (9,), 9),
        ("ljust", (1,), 3),
        ("rjust", (9, "*"), 9),
        ("zfill", (9,), 9),
        ("expandtabs", (), 3 * 8),
        ("expandtabs", (2,), 3 * 8),
        ("expandtabs", (20,), 3 * 20),
        ("join", (["ab", "c"],), 5 + 2 * 3),
        ("join", (), 0),
        ("replace", ("a", "xyz"), 3 + 2),
        ("replace", ("a",), 0),
        ("translate", ({97: "xyz"},), 3 * 3),
        ("translate", ({97: 98},), 3),
        ("upper", (), 0),
    ],
)
def test_the_size_of_a_method_of_text(method: str, args: tuple[Any, ...], size: int) -> None:
    assert sandbox._call_size(getattr("abc", method), args, {}, 1_000) == size


def test_a_method_of_something_else_is_not_measured() -> None:
    assert sandbox._call_size([].count, (1,), {}, 1_000) == 0
    assert sandbox._call_size(len, ("abc",), {}, 1_000) == 0
    assert sandbox._call_size("abc".center, (), {"width": 9, "fillchar": "*"}, 1_000) == 9


def test_the_name_of_a_call() -> None:
    assert sandbox._call_name("abc".center) == "center()"
    assert sandbox._call_name(object()) == "a call()"


def test_the_clock_refuses_a_page_one_past_its_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = bounded(tmp_path)
    env.budget = Budget(started=100.0)
    now = [130.0]
    monkeypatch.setattr(time, "process_time", lambda: now[0])
    env._check_clock()
    now[0] = 160.0
    env._check_clock()
    now[0] = 160.5
    with pytest.raises(TemplateLimit) as refused:
        env._check_clock()
    assert str(refused.value) == (
        "the template ran for more than 60 seconds of processor time for one page; loop over "
        "less, or compare smaller lists"
    )


def test_steps_are_refused_one_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_STEPS", 10)
    env = bounded(tmp_path)
    env.step(10)
    assert env.budget.steps == 10
    with pytest.raises(TemplateLimit) as refused:
        env.step()
    assert str(refused.value) == (
        "the template takes more than 10 steps (loop passes, calls, filters, includes) for one "
        "page; loop over less"
    )


def test_what_is_built_is_refused_one_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_BUILT", 10)
    env = bounded(tmp_path)
    env.spend(4, "x")
    assert (env.budget.built, env.room()) == (4, 6)
    env.afford(6, "x")
    env.spend(6, "x")
    assert (env.budget.built, env.room()) == (10, 0)
    with pytest.raises(TemplateLimit) as refused:
        env.afford(1, "the thing")
    assert str(refused.value) == (
        "the thing would make the page's templates build more than 10 characters or items; "
        "build less (a template shows the page's data, it does not need to make big values)"
    )
    assert env.budget.built == 10


def test_lipsum_makes_jinjas_text(tmp_path: Path) -> None:
    lipsum = cast(Callable[..., str], bounded(tmp_path).globals["lipsum"])
    random.seed(7)
    made = lipsum()
    random.seed(7)
    assert made == str(generate_lorem_ipsum(5, True, 20, 100))
    random.seed(7)
    made = lipsum(2, False, 3, 6)
    random.seed(7)
    assert made == str(generate_lorem_ipsum(2, False, 3, 6))


def test_lipsum_is_measured_by_its_longest_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five paragraphs of at most 100 words of 12 characters: 6,000, within a limit of 6,000."""
    monkeypatch.setattr(sandbox, "MAX_BUILT", 6_000)
    lipsum = cast(Callable[..., str], bounded(tmp_path).globals["lipsum"])
    assert lipsum()
    with pytest.raises(TemplateLimit, match=r"^lipsum\(\) would make"):
        lipsum(1, True, 20, 501)
    assert lipsum(1, True, 20, 500)


# (template, steps, built): what a page is counted, besides the one step of loading it (a list
# counts its items and their characters).
COUNTED = {
    "text": ("abc", 0, 3),
    "a value": ("{{ 'abcd' }}", 0, 4),
    "a number": ("{{ 12345 }}", 0, 5),
    "a list printed": ("{{ ['ab', 'c'] }}", 0, 10 * 5),
    "a loop": ("{% for i in [1, 2, 3] %}{% endfor %}", 3, 0),
    "a loop with text": ("{% for i in [1, 2, 3] %}ab{% endfor %}", 3, 6),
    "a product": ("{% set x = 'ab' * 3 %}", 0, 6),
    "a power": ("{% set x = 2 ** 3 %}", 0, 1),
    "a sum of numbers": ("{% set x = 2 + 3 %}", 0, 1),
    "a tilde": ("{% set x = 'ab' ~ 'c' %}", 0, 2 + 3),
    "a method": ("{% set x = 'ab'.upper() %}", 1, 2),
    "a filter": ("{% set x = 'ab'|upper %}", 1, 2),
    "a filter over a list": ("{% set x = ['a', 'b', 'c']|join %}", 1 + 3, 3),
    "a filter of constant time": ("{% set x = ['a', 'b', 'c']|length %}", 1, 1),
    "a filter that gives its value": ("{% set x = ['a']|list %}", 1 + 1, 1 + 1),
    "a macro": ("{% macro m() %}ab{% endmacro %}{% set x = m() %}", 1, 2),
}


@pytest.mark.parametrize(("template", "steps", "built"), COUNTED.values(), ids=COUNTED.keys())
def test_what_a_template_is_counted(tmp_path: Path, template: str, steps: int, built: int) -> None:
    env = bounded(tmp_path)
    (tmp_path / "page.md.j2").write_text(template, encoding="utf-8")
    env.start_page()
    env.get_template("page.md.j2").render()
    assert (env.budget.steps, env.budget.built) == (1 + steps, built)


def test_a_tilde_is_refused_on_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_BUILT", 1_000_000)
    template = "{% set s = 'x' * 400000 %}\n\n{{ s ~ s }}\n"
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", template)
    assert str(refused.value) == (
        f"{tmp_path / 'index.html.j2'}:3: the operator '~' would make the page's templates build "
        "more than 1,000,000 characters or items; build less (a template shows the page's "
        "data, it does not need to make big values)"
    )


# (filter, its bound arguments without the context, the size it may build)
FILTER_SIZES: list[tuple[str, dict[str, Any], int]] = [
    ("center", {"value": "abc", "width": 9}, 9),
    ("center", {"value": "abcdefghijk", "width": 3}, 11),
    ("center", {"value": 5, "width": 3}, 3),
    ("indent", {"s": "a\nb", "width": 4, "first": False, "blank": False}, 3 + 2 * 4),
    ("indent", {"s": "abc", "width": "--", "first": False, "blank": False}, 3 + 2),
    ("wordwrap", {"s": "abcd", "width": 1, "wrapstring": None}, 4 * 2),
    ("wordwrap", {"s": "abcd", "width": 1, "wrapstring": "<br>"}, 4 * 5),
    ("truncate", {"s": "abcd", "length": 2, "end": "..."}, 4 + 3),
    ("batch", {"value": [1, 2], "linecount": 3, "fill_with": None}, 4 + 2 * 3),
    ("batch", {"value": [1, 2], "linecount": -3, "fill_with": None}, 4),
    ("slice", {"value": [1, 2], "slices": 3, "fill_with": None}, 4 + 2 * 3),
    ("replace", {"s": "aXa", "old": "a", "new": "bbb", "count": None}, 3 + 2 * 2),
    ("join", {"value": ["ab", "c"], "d": "-", "attribute": None}, 10 * (5 + 2)),
    ("format", {"value": "%5s", "args": ("ab",), "kwargs": {}}, 3 + 5 + 20),
    ("format", {"value": "%(a)s", "args": (), "kwargs": {"a": "xy"}}, 5 + 20),
    ("format", {"value": 5, "args": ("ab",), "kwargs": {}}, 0),
    ("tojson", {"value": {"a": "x"}, "indent": None}, 10 * 3),
    ("tojson", {"value": {"a": "x"}, "indent": 2}, 10 * 3 * 3),
    ("upper", {"s": "abc"}, 0),
    ("upper", {}, 0),
]


@pytest.mark.parametrize(("name", "arguments", "size"), FILTER_SIZES)
def test_the_size_of_a_filter(name: str, arguments: dict[str, Any], size: int) -> None:
    assert sandbox._filter_size(name, arguments, 1_000) == size
