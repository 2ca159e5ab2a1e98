"""Where this journeyctl was installed from: the CI configuration that `init` writes installs
the same journeyctl, and pre-commit runs its hook, both pinned to the commit."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Source:
    """A git repository of journeyctl and a commit in it, to install from and to pin."""

    url: str  # as git takes it: https://host/owner/journeyctl
    commit: str


# What `init` writes where it does not know where journeyctl can be installed from (there
# is no release on a package index yet): the workflow stops at this value with an error
# that says what to fill in, rather than installing something else.
PLACEHOLDER = "REPLACE-ME: journeyctl @ git+<journeyctl's repository URL>@<commit>"


def requirement(source: Source | None) -> str:
    """The pip requirement of journeyctl at `source`, or PLACEHOLDER."""
    return PLACEHOLDER if source is None else f"journeyctl @ git+{source.url}@{source.commit}"


def installed_from() -> Source | None:
    """The git repository and commit this journeyctl was installed from, if it was.

    pip records it in the installed package's `direct_url.json` (PEP 610) for an install
    such as `pip install "journeyctl @ git+https://host/owner/journeyctl@COMMIT"`; a local
    folder (`pip install .`) or a package index leaves nothing a CI runner could use.
    """
    try:
        text = metadata.distribution("journeyctl").read_text("direct_url.json")
        data = json.loads(text or "null")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    vcs = data.get("vcs_info") if isinstance(data, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return None
    url, commit = data.get("url"), vcs.get("commit_id")
    if not (isinstance(url, str) and isinstance(commit, str)) or url.startswith("file:"):
        return None
    return Source(url, commit)
