"""Templates: Jinja2, strict, HTML escaped; a project's templates sandboxed.

The templates shipped with journeyctl live in the repository's top-level `templates/` (in the
wheel as `journeyctl/render/templates/`). A project overrides any of them with a file of the
same name in its own folder (`--templates DIR`, or `templates/` beside the root). Undefined
names are errors (StrictUndefined), never an empty string; `.html` templates escape every
value, `.md` templates pass user text through the `md` filter.

With a project's folder every template, the shipped ones too (a project's template can extend
or be included by a shipped one), runs in Jinja2's sandbox, so that a template cannot reach
Python's internals, bounded in time and memory (`journeyctl.render.sandbox`), and reading
templates only from the two folders (`journeyctl.render.loader`). The shipped templates alone
run in Jinja2's plain environment: they are journeyctl's own code, user text reaches them only
as data (escaped as before), and the sandbox's check of every attribute they read was half
the time of a site's templates.

A template that the sandbox refuses, that does not parse, that names something the view does
not have, or (a project's) that fails in any other way is refused with one line naming the
template file and line (`TemplateRefused`, exit 1).
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.render.cells import mark, md_of, td
from journeyctl.render.curve_svg import curve_svg
from journeyctl.render.lines import html_line, md_line
from journeyctl.render.loader import TemplateFolders, TemplateOutside
from journeyctl.text.markdown import md_cell, md_text, mermaid_text

if TYPE_CHECKING:
    from jinja2 import Environment

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"


class TemplateRefused(Exception):
    """A template could not be used; the message names it and says what to do."""


def environment(project_templates: Path | None) -> Environment:
    """The project's templates first, then the shipped ones, in the bounded sandbox; the shipped
    ones alone in Jinja's plain environment (trusted, they run at full speed:
    `journeyctl.render.shipped`)."""
    from jinja2 import StrictUndefined

    from journeyctl.render.sandbox import BoundedEnvironment
    from journeyctl.render.shipped import ShippedEnvironment

    kind = ShippedEnvironment if project_templates is None else BoundedEnvironment
    env = kind(
        loader=TemplateFolders(project_templates, BUILTIN_TEMPLATES),
        autoescape=_autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_text
    env.filters["md_cell"] = md_cell
    env.filters["mermaid"] = mermaid_text
    env.filters["td"] = td
    env.filters["mark"] = mark
    env.filters["md_of"] = md_of
    env.filters["line"] = html_line
    env.filters["md_line"] = md_line
    env.filters["curve_svg"] = curve_svg
    if isinstance(env, BoundedEnvironment):
        env.bound_filters()
    return env


def _autoescape(name: str | None) -> bool:
    return name is not None and (name.endswith(".html.j2") or name.endswith(".svg.j2"))


def render(env: Environment, name: str, data: Mapping[str, object]) -> str:
    """The template `name` filled with `data`; TemplateRefused naming the template on failure."""
    from journeyctl.render.sandbox import BoundedEnvironment

    bounded = isinstance(env, BoundedEnvironment)
    if isinstance(env, BoundedEnvironment):
        env.start_page()
    try:
        return env.get_template(name).render(data)
    except Exception as error:
        message = _refusal(error, env, name, bounded)
        if message is None:
            raise
        raise TemplateRefused(message) from None


def _refusal(error: Exception, env: Environment, name: str, bounded: bool) -> str | None:
    """The one line that says where and why a template failed; None for an error in the
    shipped templates alone that is not Jinja's (a fault of journeyctl, not of a template)."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    where = _where(error, env, name)
    if isinstance(error, TemplateNotFound):
        return f"{where}: {error.message}"
    if isinstance(error, TemplateSyntaxError):
        return f"{error.filename or error.name or name}:{error.lineno}: {error.message}; fix the template"
    if isinstance(error, SecurityError):
        return (
            f"{where}: refused by the template sandbox: {error}; templates may only use the "
            "page's data and Jinja's filters, not Python's internals"
        )
    if isinstance(error, TemplateError):
        return f"{where}: {error.message}; fix the template"
    if isinstance(error, TemplateOutside):
        return f"{where}: {error}"
    if not bounded:
        return None
    return f"{where}: {_user_fault(error)}"


def _user_fault(error: Exception) -> str:
    from journeyctl.render.sandbox import TemplateLimit

    if isinstance(error, TemplateLimit):
        return str(error)
    if isinstance(error, RecursionError):
        return (
            "the template calls itself (a macro or an include) too deeply, without end; "
            "give the recursion a condition that stops it"
        )
    return f"{type(error).__name__}: {error}; fix the template"


def _where(error: BaseException, env: Environment, name: str) -> str:
    """The template file and line where the error arose, from Jinja's rewritten traceback:
    the innermost line in a project's template, else in any template, else the page's name."""
    loader = env.loader
    assert isinstance(loader, TemplateFolders)
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename in loader.files and frame.lineno is not None
    ]
    own = [frame for frame in frames if loader.is_project_file(frame.filename)]
    chosen = (own or frames)[-1:]
    return f"{chosen[0].filename}:{chosen[0].lineno}" if chosen else name
