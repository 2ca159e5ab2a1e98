"""New files from templates: a journey for `journeyctl new`, a whole repository for `init`.

Every document is made with `new_yaml`/`new_json` (so it reads back as written) and written
with `write_under`, or `write_files` for a whole repository (atomic, never outside the base
folder; every file checked before the first is written, all of them or none). A file that
exists already is refused, never replaced, unless the caller says so (`init --force`): a
template must not eat someone's work.

YAML files open with the yaml-language-server modeline that binds their JSON Schema by a
path relative to the file, as the example tree does (`../../../schemas/journey.schema.json`
for `journeys/<phase>/<cluster>/<id>.yaml`), so that an editor checks them offline.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz

from journeyctl.errors import UsageError
from journeyctl.load import Tree
from journeyctl.model import Framework
from journeyctl.write.atomic import contained_path, write_files, write_under
from journeyctl.write.litter import GITIGNORE_PATTERN
from journeyctl.write.targets import WriteError
from journeyctl.write.yamldoc import new_json, new_yaml

Language = Literal["nl", "en"]

# Near-duplicate journey names: the measure of "did you mean" (journeyctl.suggest: rapidfuzz's
# `fuzz.ratio`), with a higher cutoff than its 60: a warning after every `new` would be noise
# ("Ik betaal mijn termijnbedrag" is 70 from "Ik betaal mijn facturen"), and at 72 "Ik ga
# verhuizen" still meets "Ik verhuis".
NEAR_DUPLICATE = 72.0
SCHEMAS_FOLDER = "schemas"


# --- journeyctl new ------------------------------------------------------------------


def journey_file(phase: str, cluster: str, id_: str) -> str:
    """Where a journey goes by the convention of import and new: `<phase>/<cluster>/<id>.yaml`."""
    return f"{phase}/{cluster}/{id_}.yaml"


def modeline(schema: str, file: Path, schemas: Path) -> str:
    """The yaml-language-server modeline binding `schema` by its path relative to `file`."""
    relative = os.path.relpath(schemas / f"{schema}.schema.json", file.parent)
    return f"yaml-language-server: $schema={Path(relative).as_posix()}"


def journey_text(
    id_: str, name: str, phase: str, cluster: str, owner: str | None, header: str
) -> str:
    """A new journey document: the inventory line, status `listed`, nothing invented."""
    data: dict[str, Any] = {"id": id_, "name": name, "phase": phase, "cluster": cluster}
    if owner is not None:
        data["owner"] = owner
    data["status"] = "listed"
    return new_yaml(data, header_comment=header)


def check_cluster_in_phase(framework: Framework, cluster: str, phase: str) -> None:
    """A usage error naming the phase's clusters when `cluster` belongs to another phase."""
    found = next(c for c in framework.clusters if c.id == cluster)
    if found.phase == phase:
        return
    own = [f"{c.id} ({c.name})" for c in framework.clusters if c.phase == phase]
    known = (
        f"clusters of phase '{phase}': {', '.join(own)}"
        if own
        else (f"phase '{phase}' has no clusters yet; add one to framework.yaml")
    )
    raise UsageError(
        f"'{cluster}' belongs to phase '{found.phase}', not '{phase}'; {known}",
        parameter="cluster",
    )


def check_id_free(tree: Tree, id_: str, name: str) -> None:
    """A usage error when `name` makes no id, or its id is a journey's already."""
    if not id_:
        raise UsageError(
            f"'{name}' has no letters or digits to make an id of; give the journey a name in words"
        )
    taken = next((d for d in tree.journeys if d.model.id == id_ or d.stem == id_), None)
    if taken is not None or id_ in tree.unloaded_journeys:
        where = taken.display if taken is not None else f"a file named {id_}.yaml"
        raise UsageError(
            f"a journey with id '{id_}' exists already ({where}); choose another name, or "
            "edit that journey"
        )


def create_file(base: Path, relative: str, text: str) -> Path:
    """Write a new file under `base`; a WriteError if something is there already."""
    target = contained_path(base, relative)
    if target.exists() or target.is_symlink():
        raise WriteError(
            f"'{target}' exists already; journeyctl never overwrites a file it did not "
            "just make: choose another name, or edit that file"
        )
    return write_under(base, relative, text)


def similar_names(name: str, journeys: Mapping[str, str]) -> list[str]:
    """The ids of journeys (id -> name) whose name or id is near `name`, most similar first.

    "Ik ga verhuizen" is near "Ik verhuis" (72) and near an id `ik-verhuis`; "Ik betaal mijn
    termijnbedrag" is not near "Ik betaal mijn facturen" (70).
    """
    wanted = _plain(name)
    scores: dict[str, float] = {}
    for id_, other in journeys.items():
        score = max(fuzz.ratio(wanted, _plain(other)), fuzz.ratio(wanted, _plain(id_)))
        if score >= NEAR_DUPLICATE:
            scores[id_] = score
    return sorted(scores, key=lambda id_: (-scores[id_], id_))


def _plain(text: str) -> str:
    """Compared without case, accents, hyphens (of ids) or extra spaces."""
    letters = unicodedata.normalize("NFKD", text.casefold().replace("-", " "))
    return " ".join("".join(c for c in letters if not unicodedata.combining(c)).split())


# --- journeyctl init -----------------------------------------------------------------


def existing(base: Path, files: Mapping[str, str]) -> list[str]:
    """Which of `files` exist under `base` already."""
    return [name for name in files if (base / name).exists() or (base / name).is_symlink()]


def write_all(base: Path, files: Mapping[str, str], *, force: bool) -> list[Path]:
    """Write every file under `base`, all or none: refused as a whole if any exists, unless
    `force`, and if any cannot be written (`write_files` checks them all first)."""
    if not force:
        there = existing(base, files)
        if there:
            raise WriteError(
                f"'{base}' holds {', '.join(there)} already; nothing was written. Run it "
                "in an empty folder, or pass --force to replace these files"
            )
    return write_files(base, files)


_PHASES: dict[Language, list[tuple[str, str]]] = {
    "nl": [
        ("geen-klant", "Geen klant"),
        ("klant-worden", "Klant worden"),
        ("klant-zijn", "Klant zijn"),
        ("klant-blijven", "Klant blijven"),
    ],
    "en": [
        ("not-a-customer-yet", "Not a customer yet"),
        ("becoming-a-customer", "Becoming a customer"),
        ("being-a-customer", "Being a customer"),
        ("staying-a-customer", "Staying a customer"),
    ],
}

# Everything the example needs, in each language: (id, text) pairs and plain texts.
_EXAMPLE: dict[Language, dict[str, Any]] = {
    "nl": {
        "framework": "Ons journey framework",
        "cluster": ("factuur", "Ik ontvang en betaal de factuur"),
        "owner": ("cx-team", "CX-team"),
        "reason": ("vraag-over-factuur", "Vraag over de factuur"),
        "journey": ("ik-ontvang-mijn-factuur", "Ik ontvang mijn factuur"),
        "goal": "De klant begrijpt de factuur zonder ons te bellen.",
        "steps": ["Ik krijg een mail dat mijn factuur klaarstaat", "Ik bekijk mijn factuur"],
        "channels": [("telefoon", "Telefoon"), ("e-mail", "E-mail"), ("web", "Website")],
    },
    "en": {
        "framework": "Our journey framework",
        "cluster": ("billing", "I receive and pay my bill"),
        "owner": ("cx-team", "CX team"),
        "reason": ("question-about-bill", "Question about the bill"),
        "journey": ("i-receive-my-bill", "I receive my bill"),
        "goal": "The customer understands the bill without calling us.",
        "steps": ["I get an email that my bill is ready", "I look at my bill"],
        "channels": [("phone", "Phone"), ("email", "Email"), ("web", "Website")],
    },
}


@dataclass(frozen=True)
class Source:
    """A git repository of journeyctl and a commit in it, to install from and to pin."""

    url: str  # as git takes it: https://host/owner/journeyctl
    commit: str


# What `init` writes where it does not know where journeyctl can be installed from (there
# is no release on a package index yet): the workflow stops at this value with an error
# that says what to fill in, rather than installing something else.
PLACEHOLDER = "REPLACE-ME: journeyctl @ git+<journeyctl's repository URL>@<commit>"


CI = Literal["github", "gitlab"]
# Where each CI service reads its configuration.
CI_FILES: dict[CI, str] = {
    "github": ".github/workflows/journeys.yml",
    "gitlab": ".gitlab-ci.yml",
}


def init_files(
    language: Language, source: Source | None, *, ci: CI = "github", branch: str = "main"
) -> dict[str, str]:
    """The files of a new framework repository, by path; the JSON Schemas are the caller's.

    `source`: where this journeyctl came from, if known; the CI configuration installs it
    from there and pre-commit runs this project's hook from there, both pinned to the commit.
    Else the CI configuration holds PLACEHOLDER and pre-commit runs the journeyctl on the
    PATH. `ci`: GitHub Actions or GitLab CI. `branch`: the repository's main line, which the
    README compares with and the CI configuration checks on every push.
    """
    example = _EXAMPLE[language]
    cluster_phase = _PHASES[language][2][0]  # the example lives in "being a customer"
    journey_id = example["journey"][0]
    journey = f"journeys/{journey_file(cluster_phase, example['cluster'][0], journey_id)}"
    return {
        "journeys/framework.yaml": _framework(language, cluster_phase),
        journey: _journey(language, cluster_phase, journey),
        CI_FILES[ci]: _ci_configuration(ci, source, branch),
        ".pre-commit-config.yaml": _pre_commit(source),
        ".vscode/settings.json": new_json({"yaml.schemas": _SCHEMA_BINDINGS}),
        ".gitignore": _GITIGNORE,
        "README.md": _README[language].format(branch=branch, ci_file=CI_FILES[ci]),
    }


def _header(schema: str, file: str) -> str:
    return modeline(schema, Path(file), Path(SCHEMAS_FOLDER))


def _entries(pairs: list[tuple[str, str]], **extra: str) -> list[dict[str, str]]:
    return [{"id": id_, "name": name, **extra} for id_, name in pairs]


def _framework(language: Language, cluster_phase: str) -> str:
    example = _EXAMPLE[language]
    data = {
        "name": example["framework"],
        "language": language,
        "phases": _entries(_PHASES[language]),
        "clusters": _entries([example["cluster"]], phase=cluster_phase),
        "contact_reasons": _entries([example["reason"]], phase=cluster_phase),
        "owners": _entries([example["owner"]]),
        "channels": _entries(example["channels"]),
        "kpis": [{"id": "nps", "name": "NPS", "min": -100, "max": 100}],
        "ranking": {"customers": 1, "contacts": 1},
    }
    return new_yaml(data, header_comment=_header("framework", "journeys/framework.yaml"))


def _journey(language: Language, cluster_phase: str, file: str) -> str:
    example = _EXAMPLE[language]
    channels = [id_ for id_, _ in example["channels"]]
    data = {
        "id": example["journey"][0],
        "name": example["journey"][1],
        "phase": cluster_phase,
        "cluster": example["cluster"][0],
        "owner": example["owner"][0],
        "status": "listed",
        "goal": example["goal"],
        "contact_reasons": [example["reason"][0]],
        "steps": [
            {
                "name": example["steps"][0],
                "touchpoints": [channels[1]],
                "emotion": 3,
                "desired_emotion": 4,
            },
            {
                "name": example["steps"][1],
                "touchpoints": [channels[2]],
                "emotion": 2,
                "desired_emotion": 4,
            },
        ],
    }
    # No volumes: an example must never take a place in a real ranking.
    return new_yaml(data, header_comment=_header("journey", file))


_SCHEMA_BINDINGS = {
    "./schemas/framework.schema.json": ["journeys/framework.yaml"],
    "./schemas/improvement.schema.json": ["journeys/improvements/**/*.yaml"],
    "./schemas/journey.schema.json": [
        "journeys/**/*.yaml",
        "!journeys/framework.yaml",
        "!journeys/improvements/**/*.yaml",
    ],
}

_WORKFLOW = """\
# Checks the journey framework on every pull request: annotations on the changed files,
# what changed (journeys, volumes and rank movements, improvements) in the job summary,
# and the rendered site as an artefact to download.
name: Journeys

on:
  pull_request:
  push:
    branches: [{branch}]

permissions:
  contents: read

jobs:
  journeys:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # journeyctl diff reads the base revision from git
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install journeyctl
        env:
          # A pip requirement: journeyctl from its git repository, pinned to a commit
          # (journeyctl has no release on a package index).
          JOURNEYCTL: "{requirement}"
        run: |
          case "$JOURNEYCTL" in
            REPLACE-ME:*)
              echo "::error file=.github/workflows/journeys.yml::Say where to install journeyctl from: set JOURNEYCTL in this workflow to 'journeyctl @ git+URL@COMMIT' (journeyctl's repository and a commit of it)"
              exit 1 ;;
          esac
          pip install "$JOURNEYCTL"
      - name: Validate
        run: journeyctl validate --format github
      - name: What changed
        # Also when validation failed: the reviewer sees what the change does either way.
        if: ${{{{ !cancelled() && github.event_name == 'pull_request' }}}}
        env:
          BASE: ${{{{ github.base_ref }}}}
        run: journeyctl diff "origin/$BASE" >> "$GITHUB_STEP_SUMMARY"
      - name: Render the site
        run: journeyctl render --out site
      - uses: actions/upload-artifact@v4
        with:
          name: journeys-site
          path: site
"""


_GITLAB_CI = """\
# Checks the journey framework in every merge request: findings in the merge request's code
# quality widget, what changed against the target branch in the job log, and the rendered
# site as an artefact to download.
journeys:
  image: python:3.12
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == "{branch}"
  variables:
    GIT_DEPTH: 0  # journeyctl diff reads the target branch from git
    # A pip requirement: journeyctl from its git repository, pinned to a commit
    # (journeyctl has no release on a package index).
    JOURNEYCTL: "{requirement}"
  script:
    - |
      case "$JOURNEYCTL" in
        REPLACE-ME:*)
          echo "Say where to install journeyctl from: set JOURNEYCTL in .gitlab-ci.yml to 'journeyctl @ git+URL@COMMIT' (journeyctl's repository and a commit of it)"
          exit 1 ;;
      esac
    - pip install "$JOURNEYCTL"
    - |
      if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then
        git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
        journeyctl diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
      fi
    - journeyctl validate --format gitlab > gl-code-quality-report.json || failed=1
    - journeyctl validate --format text || true
    - journeyctl render --out site
    - test -z "$failed"
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
    paths:
      - site
"""


def _ci_configuration(ci: CI, source: Source | None, branch: str) -> str:
    requirement = (
        PLACEHOLDER if source is None else f"journeyctl @ git+{source.url}@{source.commit}"
    )
    template = _WORKFLOW if ci == "github" else _GITLAB_CI
    return template.format(requirement=requirement, branch=branch)


def _pre_commit(source: Source | None) -> str:
    if source is None:
        return _PRE_COMMIT_LOCAL
    return _PRE_COMMIT_PINNED.format(url=source.url, commit=source.commit)


_PRE_COMMIT_PINNED = """\
# Checks the journey framework before each commit: pre-commit install
repos:
  - repo: {url}
    rev: {commit}
    hooks:
      - id: journeyctl-validate
"""

# Without a repository to pin, the hook runs the journeyctl installed where you commit (the
# one that ran `journeyctl init`): it works at once, with nothing to fill in.
_PRE_COMMIT_LOCAL = """\
# Checks the journey framework before each commit: pre-commit install
# The hook runs the journeyctl installed where you commit (on the PATH).
repos:
  - repo: local
    hooks:
      - id: journeyctl-validate
        name: journeyctl validate
        entry: journeyctl validate --format text
        language: system
        pass_filenames: false
        files: \\.ya?ml$
"""

_GITIGNORE = f"""\
# journeyctl's cache, the rendered site, and the temporary files of a write that was killed
# (the next write into their folder removes them)
.journeyctl-cache/
site/
{GITIGNORE_PATTERN}
"""

_README: dict[Language, str] = {
    "nl": """\
# Ons journey framework

De klantreizen van de organisatie, als YAML-bestanden in git: `journeys/framework.yaml`
(levensfases, clusters, het Life Cycle Model) en één bestand per klantreis.

- `journeyctl validate` controleert alle bestanden.
- `journeyctl new "Ik betaal mijn factuur" --phase klant-zijn --cluster factuur` maakt een klantreis.
- `journeyctl rank` laat zien welke klantreizen eerst aandacht verdienen.
- `journeyctl diff {branch}` laat zien wat er veranderd is ten opzichte van `{branch}`.

Elke pull request wordt gecontroleerd (`{ci_file}`, dat journeyctl
installeert zoals de waarde van `JOURNEYCTL` daarin zegt); `pre-commit install` controleert
ook voor elke commit. De editor-instellingen in `.vscode/` koppelen de
JSON-schema's in `schemas/`.
""",
    "en": """\
# Our journey framework

The organisation's customer journeys as YAML files in git: `journeys/framework.yaml`
(life-cycle phases, clusters, the Life Cycle Model) and one file per journey.

- `journeyctl validate` checks every file.
- `journeyctl new "I pay my bill" --phase being-a-customer --cluster billing` adds a journey.
- `journeyctl rank` shows which journeys deserve attention first.
- `journeyctl diff {branch}` shows what changed since `{branch}`.

Every pull request is checked (`{ci_file}`, which installs journeyctl
as its `JOURNEYCTL` value says); `pre-commit install` checks before each commit too. The editor settings in `.vscode/` bind the JSON Schemas in
`schemas/`.
""",
}
