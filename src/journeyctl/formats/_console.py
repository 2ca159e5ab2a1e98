"""Rich renderables to text, with or without colour, at a fixed width."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

# Rich is imported where a console is made, not with this module: the writers' settings
# name WIDTH, and the findings' JSON needs no terminal library.
WIDTH = 100


def console_for(color: bool, width: int = WIDTH, *, soft_wrap: bool = True) -> Console:
    """A console that writes into a buffer (its `file`), with or without colour."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=soft_wrap,
        legacy_windows=False,
    )


def render(
    renderable: RenderableType, color: bool, width: int = WIDTH, *, soft_wrap: bool = True
) -> str:
    console = console_for(color, width, soft_wrap=soft_wrap)
    console.print(renderable, end="")
    written = console.file.getvalue()  # type: ignore[attr-defined]
    # Rich pads every line to the full width; trailing blanks only get in the way of diffs.
    return "\n".join(line.rstrip() for line in written.splitlines()) + "\n"
