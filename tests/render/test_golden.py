"""Every page of the small tree (`tree/`), HTML and Markdown, compared with golden files.

When the output changes on purpose, regenerate them, then open the HTML in a browser and read
the diff before committing:

    JOURNEYCTL_UPDATE_GOLDEN=1 pytest tests/render/test_golden.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.conftest import TREE, since, site

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1"
# The pages by name, as the golden files hold them; the site itself is rendered in a fixture,
# inside the tests, so that mutation testing's changes to the views reach it (a site built
# while this module is imported is built before any change is made).
NAMES = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return site(formats=("html", "md"), since=since())


@pytest.mark.slow
def test_the_site_has_every_page(pages: dict[str, str]) -> None:
    expected = {
        f"{name}.{ext}"
        for name in (
            "index",
            "ranking",
            "kpis",
            "improvements",
            "coverage",
            "owners",
            "alerts",
            "changes",
        )
        for ext in ("html", "md")
    } | {
        f"journeys/{journey}.{ext}"
        for journey in ("i-sign-up", "i-pay-my-bill", "i-get-a-reminder", "i-move-house")
        for ext in ("html", "md")
    }
    assert set(pages) == expected
    if UPDATE:
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8", newline="\n")
    assert set(NAMES) == expected or UPDATE, "a golden file without a page, or a page without one"


@pytest.mark.parametrize("path", NAMES)
def test_page(path: str, pages: dict[str, str]) -> None:
    expected = (GOLDEN / path).read_text(encoding="utf-8")
    assert pages[path] == expected, f"{path} changed; see this module's docstring"


@pytest.mark.slow  # renders in fresh interpreters
def test_the_same_input_gives_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        command = [
            sys.executable,
            "-m",
            "journeyctl",
            "render",
            "--root",
            str(TREE),
            "--out",
            str(out),
        ]
        command += ["--format", "both", "--today", "2026-01-15"]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(command, check=True, capture_output=True, env=env)
        outputs.append(
            {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        )
    assert outputs[0] == outputs[1]  # the record of what was written too
    assert len(outputs[0]) == 22 + 1
