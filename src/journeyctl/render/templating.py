"""Templates: Jinja2, sandboxed, strict, HTML escaped.

The templates shipped with journeyctl live in the repository's top-level `templates/` (in the
wheel as `journeyctl/render/templates/`). A project overrides any of them with a file of the
same name in its own folder (`--templates DIR`, or `templates/` beside the root). Every
template runs in Jinja2's sandbox, so a project's template cannot reach Python's internals;
undefined names are errors (StrictUndefined), never an empty string; `.html` templates
escape every value, `.md` templates pass user text through the `md` filter.

A template that the sandbox refuses, that does not parse, or that names something the view
does not have is refused with one line naming the template (`TemplateRefused`, exit 1).
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.render.markdown import md_cell, md_text, mermaid_text

if TYPE_CHECKING:
    from jinja2 import Environment

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"


class TemplateRefused(Exception):
    """A template could not be used; the message names it and says what to do."""


def environment(project_templates: Path | None) -> Environment:
    """A sandboxed environment: the project's templates first, then the shipped ones."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    folders = (
        [BUILTIN_TEMPLATES] if project_templates is None else [project_templates, BUILTIN_TEMPLATES]
    )
    env = SandboxedEnvironment(
        loader=ChoiceLoader(
            [FileSystemLoader(str(folder), encoding="utf-8") for folder in folders]
        ),
        autoescape=_autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_text
    env.filters["md_cell"] = md_cell
    env.filters["mermaid"] = mermaid_text
    return env


def _autoescape(name: str | None) -> bool:
    return name is not None and (name.endswith(".html.j2") or name.endswith(".svg.j2"))


def render(env: Environment, name: str, data: Mapping[str, object]) -> str:
    """The template `name` filled with `data`; TemplateRefused naming the template on failure."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    try:
        return env.get_template(name).render(data)
    except TemplateNotFound as error:
        raise TemplateRefused(
            f"template '{error.name}' not found; it ships with journeyctl, so "
            "reinstall journeyctl or add the file to your templates folder"
        ) from None
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name or name}:{error.lineno}"
        raise TemplateRefused(f"{where}: {error.message}; fix the template") from None
    except SecurityError as error:
        raise TemplateRefused(
            f"{_where(error, env, name)}: refused by the template sandbox: {error}; templates may "
            "only use the page's data and Jinja's filters, not Python's internals"
        ) from None
    except TemplateError as error:
        raise TemplateRefused(
            f"{_where(error, env, name)}: {error.message}; fix the template"
        ) from None


def _where(error: Exception, env: Environment, name: str) -> str:
    """The template file (and line) where the error arose, from Jinja's rewritten traceback."""
    templates = {str(Path(t)) for t in _template_files(env)}
    found = name
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename in templates:
            found = f"{frame.filename}:{frame.lineno}"
    return found


def _template_files(env: Environment) -> list[str]:
    from jinja2 import ChoiceLoader, FileSystemLoader

    loader = env.loader
    loaders = loader.loaders if isinstance(loader, ChoiceLoader) else [loader]
    files = []
    for each in loaders:
        if isinstance(each, FileSystemLoader):
            for folder in each.searchpath:
                files += [str(p) for p in Path(folder).rglob("*.j2")]
    return files
