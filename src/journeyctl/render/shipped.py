"""The environment the shipped templates run in when a project has none of its own.

Jinja's plain environment (`journeyctl.render.templating` says why not the sandbox), with one
change: the compiled templates escape a printed text without making a `Markup` of it. Jinja
passes every value a template prints through markupsafe's `escape`, which returns a `Markup`
(a str subclass, made by a constructor written in Python); the text is only ever joined into
the page, whose buffers Jinja marks safe as a whole (a macro's result, a `{% set %}` block),
so the escaped text alone does the same. A site of thousands of maps prints millions of
values: this is about a quarter of the time of a map's template. A `Markup` (a macro's or a
filter's result, the curve's SVG) is printed as it is, where `escape` would copy it; anything
else (a number, an object with `__html__`) goes through `escape` as before.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from types import CodeType
from typing import Any

from jinja2 import Environment, Template
from markupsafe import Markup, escape

from journeyctl.render.escaping import escape_text


def escape_printed(value: object) -> str | Markup:
    """What the template prints for `value`: the same characters as `escape(value)`."""
    if type(value) is str:
        return escape_text(value)
    if type(value) is Markup:
        return value  # what `escape` makes of it: a copy of the same characters
    return escape(value)


class ShippedTemplate(Template):
    """A compiled template whose printed values go through `escape_printed`."""

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled module's functions look `escape` up in its namespace as they run.
        template.root_render_func.__globals__["escape"] = escape_printed
        return template


class ShippedEnvironment(Environment):
    """Jinja's environment, its templates printing with `escape_printed`."""

    template_class = ShippedTemplate
