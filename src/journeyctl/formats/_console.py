"""Rich renderables to text, with or without colour, at a fixed width."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

WIDTH = 100


def render(
    renderable: RenderableType, color: bool, width: int = WIDTH, *, soft_wrap: bool = True
) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=soft_wrap,
        legacy_windows=False,
    )
    console.print(renderable, end="")
    # Rich pads every line to the full width; trailing blanks only get in the way of diffs.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
