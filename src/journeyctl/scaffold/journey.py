"""`journeyctl new`: a journey file at `<phase>/<cluster>/<id>.yaml`, in a framework that is
checked first, never over another file; and the warnings its name deserves.

The phase, cluster and owner are taken by id or name as rank's filters take them; one that
framework.yaml does not define is refused saying where to add it and with which fields, and a
cluster of another phase and an id that is taken are refused, all before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journeyctl.checks import display_path
from journeyctl.checks.variant_name import RULE as VARIANT_RULE
from journeyctl.checks.variant_name import variant_word
from journeyctl.errors import UsageError
from journeyctl.framework import check
from journeyctl.load import Tree
from journeyctl.load.kinds import FRAMEWORK_FILE
from journeyctl.model import Framework
from journeyctl.model.common import Named, slugify
from journeyctl.model.framework import Cluster, Owner, Phase
from journeyctl.rank import Filters
from journeyctl.rank.choices import resolve_filters
from journeyctl.suggest import near_duplicates
from journeyctl.write import (
    SCHEMAS_FOLDER,
    create_file,
    journey_file,
    modeline,
    new_yaml,
)

# The most similar journeys named after a new one; more would bury the warning.
SHOWN_SIMILAR = 3

# What new's options name, by option: the list of framework.yaml that defines them, and
# their model (whose required fields a new entry must have).
ENTRIES: dict[str, tuple[str, type[Named]]] = {
    "phase": ("phases", Phase),
    "cluster": ("clusters", Cluster),
    "owner": ("owners", Owner),
}


class FrameworkHasErrors(Exception):
    """framework.yaml has errors: a findings-like refusal (exit 1), not a usage error."""


@dataclass(frozen=True)
class NewJourney:
    """The journey file `new` wrote under `base` (the root), and the warnings about it."""

    base: Path
    path: Path
    warnings: list[str]


def new_journey(
    root: Path | str, name: str, *, phase: str, cluster: str, owner: str | None = None
) -> NewJourney:
    """Write a new journey `name` into the tree at `root`: phase, cluster and owner by id or
    name; a usage error for one that names nothing, or for a place the journey cannot take."""
    checked = check(root)
    if not checked.framework_usable:
        raise FrameworkHasErrors(
            "framework.yaml has errors, so a journey cannot be placed in it; "
            "run journeyctl validate and fix them first"
        )
    framework = checked.framework
    try:
        ids = resolve_filters(framework, Filters(phase=phase, cluster=cluster, owner=owner))
    except UsageError as unknown:
        # A new journey may need a new phase, cluster or owner: say where that goes.
        file = display_path(checked.tree.root, FRAMEWORK_FILE)
        raise with_how_to_add(framework, file, unknown, phase) from None
    assert ids.phase is not None and ids.cluster is not None
    check_cluster_in_phase(framework, ids.cluster, ids.phase)
    id_ = slugify(name)
    check_id_free(checked.tree, id_, name)
    base = checked.tree.root
    relative = journey_file(ids.phase, ids.cluster, id_)
    header = modeline("journey", base / relative, base.parent / SCHEMAS_FOLDER)
    path = create_file(
        base, relative, journey_text(id_, name, ids.phase, ids.cluster, ids.owner, header)
    )
    return NewJourney(base, path, name_warnings(name, id_, checked.tree))


def with_how_to_add(framework: Framework, file: str, unknown: UsageError, phase: str) -> UsageError:
    """The error of a phase, cluster or owner that framework.yaml (`file`, as shown) does not
    define, with how to add it (a cluster's phase given: the options are resolved in order)."""
    option = unknown.parameter or ""
    if option not in ENTRIES:
        return unknown
    known = {}
    if option == "cluster":
        known["phase"] = resolve_filters(framework, Filters(phase=phase)).phase or phase
    hint = how_to_add(framework, file, option, **known)
    return UsageError(f"{unknown}; {hint}", parameter=option)


def how_to_add(framework: Framework, file: str, option: str, **values: str) -> str:
    """How to add a phase, cluster or owner that framework.yaml (`file`) does not define: the
    list it goes in and the fields it needs (`values`: those known already, as `phase: x`)."""
    section, model = ENTRIES[option]
    fields = ", ".join(
        f"{name}: {values[name]}" if name in values else name
        for name, field in model.model_fields.items()
        if field.is_required()
    )
    add = f"add it to `{section}:` in {file} first ({fields})"
    return f"if it is a new {option}, {add}" if getattr(framework, section) else add


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
        else (
            f"phase '{phase}' has no clusters yet: add one to `clusters:` in framework.yaml "
            f"first (id, name, phase: {phase})"
        )
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


def name_warnings(name: str, id_: str, tree: Tree) -> list[str]:
    """What to say about the new journey's name: a variant's word in it, journeys much like it."""
    warnings = []
    word = variant_word(name)
    if word is not None:
        warnings.append(
            f"warning {VARIANT_RULE.id}: '{name}' looks like a scenario or channel variant "
            f"('{word}'); a journey is the essence, variants belong in its steps and touchpoints"
        )
    existing = {
        j.model.id: [j.model.name, *j.model.aliases] for j in tree.journeys if j.model.id != id_
    }
    for similar in similar_names(name, existing)[:SHOWN_SIMILAR]:
        warnings.append(
            f"warning: '{name}' is much like journey '{existing[similar][0]}' "
            f"({similar}); if they are one journey, remove the new file and extend that one"
        )
    return warnings


def similar_names(name: str, journeys: Mapping[str, str | list[str]]) -> list[str]:
    """The ids of journeys (id -> name, or its name and aliases) whose id, name or an alias
    is near `name`, most similar first (`journeyctl.suggest.near_duplicates`, the test
    `import` refuses a new journey by and `validate` warns by)."""
    return near_duplicates(
        name, {id_: [names] if isinstance(names, str) else names for id_, names in journeys.items()}
    )
