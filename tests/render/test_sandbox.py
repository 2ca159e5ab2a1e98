"""A project's templates run bounded: every way to make a big value or a long run is refused
as the template's fault, with its file and line, before it takes the memory or the time.

Each row of HOSTILE is one shape of the class: a template (on line 2 of the project's
`index.html.j2`) and words of the one-line refusal. The limits are made small for these tests
(`small_limits`), so that each refusal comes after a few thousand steps, not a million; the
shipped pages are rendered with the real limits, and must come out as the golden files.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from journeyctl.render import TemplateRefused, environment, render_page, sandbox
from journeyctl.render.sandbox import BoundedEnvironment, size_of
from tests.render.conftest import page_of, since, site
from tests.render.test_golden import GOLDEN
from tests.render.test_templating import render_with

SMALL_STEPS = 5_000
SMALL_BUILT = 1_000_000


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_STEPS", SMALL_STEPS)
    monkeypatch.setattr(sandbox, "MAX_BUILT", SMALL_BUILT)


BUILT = "would make the page's templates build more than 1,000,000 characters or items"
STEPS = "the template takes more than 5,000 steps (loop passes, calls, filters, includes)"
OUTSIDE = "was refused: it is outside the templates folder"

HOSTILE = {
    "range of 10**8": ("{{ range(10**8)|length }}", "range() of 100,000,000 numbers"),
    "text repeated": ("{{ 'x' * 10**9 }}", f"the operator '*' {BUILT}"),
    "count times text": ("{{ 10**9 * 'x' }}", f"the operator '*' {BUILT}"),
    "list repeated": ("{{ [1] * 10**9 }}", f"the operator '*' {BUILT}"),
    "list of text repeated": ("{{ ['x' * 1000] * 1000 }}", f"the operator '*' {BUILT}"),
    "power": ("{{ 10 ** (10 ** 10) }}", "a power of about 30,000,000,001 bits"),
    "products that double": (
        "{% set ns = namespace(n=2**1000) %}{% for i in range(20) %}"
        "{% set ns.n = ns.n * ns.n %}{% endfor %}",
        "a product of about 128,002 bits: a template's numbers may have at most 100,000 bits",
    ),
    "percent width": ("{{ '%0999999999d' % 1 }}", f"the operator '%' {BUILT}"),
    "percent width from the values": ("{{ '%*d' % (999999999, 1) }}", f"the operator '%' {BUILT}"),
    "percent of a value used many times": (
        "{{ ('%(a)s' * 1000) % {'a': 'x' * 1000} }}",
        f"the operator '%' {BUILT}",
    ),
    "format filter": ("{{ '%999999999s'|format('x') }}", f"|format {BUILT}"),
    "str.format width": ("{{ '{:>999999999}'.format(1) }}", f"str.format {BUILT}"),
    "str.format nested width": ("{{ '{:>{}}'.format(1, 999999999) }}", f"str.format {BUILT}"),
    "center": ("{{ 'x'|center(10**9) }}", f"|center {BUILT}"),
    "indent": ("{{ ('a\\n' * 10)|indent(10**6) }}", f"|indent {BUILT}"),
    "indent by text": ("{{ ('a\\n' * 10)|indent(' ' * 100000) }}", f"|indent {BUILT}"),
    "wordwrap with a long wrap": (
        "{{ ('x ' * 1000)|wordwrap(1, wrapstring='y' * 1000) }}",
        f"|wordwrap {BUILT}",
    ),
    "batch filled": ("{{ [1]|batch(10**9, 'x')|list }}", f"|batch {BUILT}"),
    "slice": ("{{ [1]|slice(10**9)|list }}", f"|slice {BUILT}"),
    "replace filter": ("{{ ('x' * 1000)|replace('x', 'y' * 10000) }}", f"|replace {BUILT}"),
    "join filter": ("{{ (['y' * 10000] * 90)|join('-') }}", f"|join {BUILT}"),
    "tojson indent": ("{{ {'a': 'x'}|tojson(10**9) }}", f"|tojson {BUILT}"),
    "string of a big list": ("{{ (['y' * 10000] * 20)|string }}", f"|string {BUILT}"),
    "lipsum": ("{{ lipsum(10**7) }}", f"lipsum() {BUILT}"),
    "str.ljust": ("{{ 'x'.ljust(10**9) }}", f"ljust() {BUILT}"),
    "str.rjust": ("{{ 'x'.rjust(10**9) }}", f"rjust() {BUILT}"),
    "str.center": ("{{ 'x'.center(10**9) }}", f"center() {BUILT}"),
    "str.zfill": ("{{ 'x'.zfill(10**9) }}", f"zfill() {BUILT}"),
    "str.expandtabs": ("{{ ('\\t' * 1000).expandtabs(10**4) }}", f"expandtabs() {BUILT}"),
    "str.join": ("{{ ','.join(['y' * 10000] * 90) }}", f"join() {BUILT}"),
    "str.replace": ("{{ ('x' * 1000).replace('x', 'y' * 10000) }}", f"replace() {BUILT}"),
    "str.translate": (
        "{{ ('a' * 1000).translate({97: 'x' * 10000}) }}",
        f"translate() {BUILT}",
    ),
    "tilde doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        f"the operator '~' {BUILT}",
    ),
    "plus doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}",
        f"the operator '+' {BUILT}",
    ),
    "plus doubling a list": (
        "{% set ns = namespace(s=[1]) %}{% for i in range(40) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}",
        f"the operator '+' {BUILT}",
    ),
    "blocks printed ten times each": (
        "{% set a %}xxxxxxxxxx{% endset %}"
        + "".join(
            f"{{% set {b} %}}{f'{{{{ {a} }}}}' * 10}{{% endset %}}"
            for a, b in itertools.pairwise("abcdefgh")
        ),
        f"printing a value {BUILT}",
    ),
    "a big list printed": ("{{ ['y' * 10000] * 50 }}", f"printing a value {BUILT}"),
    "the page's data printed in a loop": (
        "{% for i in range(5000) %}{{ page }}{% endfor %}",
        f"printing a value {BUILT}",
    ),
    "text in nested loops": (
        "{% for a in range(50) %}{% for b in range(50) %}"
        + "x" * 1000
        + "{% endfor %}{% endfor %}",
        f"the template's text {BUILT}",
    ),
    "nested loops": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        STEPS,
    ),
    "a filter over a big list in a loop": (
        "{% for i in range(100) %}{{ range(1000)|sum }}{% endfor %}",
        STEPS,
    ),
    "macro recursion that doubles": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(60) }}",
        STEPS,
    ),
    "includes that double": ("{% set n = 40 %}{% include 'twice.html.j2' %}", STEPS),
    "macro recursion without end": (
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "the template calls itself (a macro or an include) too deeply, without end",
    ),
    "include of itself": (
        "{% include 'index.html.j2' %}",
        "the template calls itself (a macro or an include) too deeply, without end",
    ),
    "include of /etc/passwd": ("{% include '/etc/passwd' %}", f"'/etc/passwd' {OUTSIDE}"),
    "include climbing out": ("{% include '../../etc/passwd' %}", f"'../../etc/passwd' {OUTSIDE}"),
    "include climbing out inside": ("{% include 'a/../../x' %}", f"'a/../../x' {OUTSIDE}"),
    "import with a backslash": ("{% import '..\\\\x' as x %}", f"'..\\x' {OUTSIDE}"),
    "extends an absolute path": ("{% extends '/etc/hosts' %}", f"'/etc/hosts' {OUTSIDE}"),
    "include missing": ("{% include 'nope.html.j2' %}", "template 'nope.html.j2' not found in"),
    "division by zero": ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero; fix the template"),
    "changing a list": ("{% set l = [1] %}{{ l.append(2) }}", "refused by the template sandbox"),
}


@pytest.mark.slow
@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(("template", "words"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_template_is_refused_with_its_file_and_line(
    tmp_path: Path, template: str, words: str
) -> None:
    (tmp_path / "twice.html.j2").write_text(
        "{% set n = n - 1 %}{% if n %}{% include 'twice.html.j2' %}"
        "{% include 'twice.html.j2' %}{% endif %}",
        encoding="utf-8",
    )
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", f"line one\n{template}\n")
    message = str(refused.value)
    assert message.startswith(f"{tmp_path}{os.sep}"), message
    assert ".html.j2:" in message and words in message, message
    assert "\n" not in message
    if "twice" not in template:
        assert message.startswith(f"{tmp_path / 'index.html.j2'}:2: "), message


FINISHING = {
    "a power that Jinja reads from the left": ("{{ 10**10**10 }}", "1" + "0" * 100),
    "wordwrap wider than the text": ("{{ 'x y'|wordwrap(10**9) }}", "x y"),
    "truncate longer than the text": ("{{ 'x y'|truncate(10**9) }}", "x y"),
    "a big number as text": ("{{ (2**1000)|string|length }}", "302"),
    "a range joined": ("{{ range(1000)|join(',')|length }}", "3889"),
    "text built within the limit": ("{{ ('x' * 1000)|center(2000)|length }}", "2000"),
    "format within the limit": ("{{ '{:>5}|%5s'.format(1) % 'a' }}", "    1|    a"),
    "a loop within the limit": ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
}


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(("template", "expected"), FINISHING.values(), ids=FINISHING.keys())
def test_what_only_looks_big_renders(tmp_path: Path, template: str, expected: str) -> None:
    assert render_with(tmp_path, "index.html.j2", template) == expected


@pytest.mark.slow
def test_the_shipped_templates_render_bounded_exactly_as_unbounded(tmp_path: Path) -> None:
    """With a project's templates folder (here an empty one) the shipped pages run in the
    bounded sandbox, with the real limits: the same bytes as the golden files."""
    pages = site(formats=("html", "md"), templates=tmp_path, since=since())
    for path, text in pages.items():
        assert text == (GOLDEN / path).read_text(encoding="utf-8"), path


def test_each_page_has_a_fresh_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_BUILT", 5_000)
    (tmp_path / "index.html.j2").write_text("{{ 'x' * 2000 }}", encoding="utf-8")
    from tests.render.conftest import checked

    tree = checked()
    from journeyctl.render import RenderOptions, plan_site

    pages = plan_site(tree.framework, tree.journeys, tree.improvements, RenderOptions())
    env = environment(tmp_path)
    index = page_of(pages, "index.html")
    assert render_page(env, index) == render_page(env, index) == "x" * 2000


def test_the_clock_is_the_backstop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_SECONDS of processor time a page is refused; the clock is read every
    CLOCK_EVERY steps (a clock that jumps an hour at each reading stands in for a slow page)."""
    clock = itertools.count(0, 3600)
    monkeypatch.setattr(sandbox.time, "process_time", lambda: float(next(clock)))
    with pytest.raises(
        TemplateRefused,
        match=r"index\.html\.j2:1: the template ran for more "
        r"than 60 seconds of processor time for one page",
    ):
        render_with(tmp_path, "index.html.j2", "{% for i in range(2000) %}{% endfor %}")
    assert next(clock) == 3 * 3600  # read when the page began and once a CLOCK_EVERY steps


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("abc", 3),
        (b"ab", 2),
        (None, 1),
        (True, 1),
        (0, 1),
        (7, 2),
        (2**30, 11),
        (range(5), 5),
        ([], 0),
        (["ab", "c"], 5),
        (("ab", ["c", "d"]), 2 + 2 + 2 + 2),
        ({"ab": "cde"}, 6),
        ({"a", "b"}, 4),
        (frozenset({"ab"}), 3),
        (object(), 1),
    ],
)
def test_the_size_of_a_value(value: object, size: int) -> None:
    assert size_of(value, 1_000) == size


def test_the_size_of_the_pages_data_in_depth() -> None:
    class Data:
        def __repr__(self) -> str:
            return "x" * 40

    assert size_of([Data(), Data()], 1_000) == 2 + 2
    assert size_of([Data(), Data()], 1_000, deep=True) == 2 + 80


def test_measuring_stops_soon_after_the_limit() -> None:
    visited = []

    class Data:
        def __repr__(self) -> str:
            visited.append(1)
            return "x" * 10

    assert size_of([Data()] * 1000, 1_005, deep=True) == 1000 + 10
    assert len(visited) == 1


def test_the_environment_is_bounded_only_with_project_templates(tmp_path: Path) -> None:
    assert not isinstance(environment(None), BoundedEnvironment)
    assert isinstance(environment(tmp_path), BoundedEnvironment)
