"""The dry run shows what the real run writes: every field an import writes to a journey file
is on a line of the dry run, with its value. A field written and not shown fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from journeyctl.framework import check
from journeyctl.inventory.importing import ImportOptions, apply_plan, read_import
from journeyctl.text import format_count, format_decimal

INVENTORY = "Klantreis;Id;Fase;Cluster;Eigenaar;Periode;Klanten;Contacten;Strategisch belang\n"
MEASUREMENTS = "Klantreis;KPI;Datum;Score;Aantal respondenten;Bron\n"
PAY = "klant-zijn/facturatie/ik-betaal.yaml"

# The file's name, its text, and the lines the dry run shows for the files it writes.
CASES = {
    "a new journey with an owner": (
        "d.csv",
        INVENTORY + "Ik wil papieren post;;Klant zijn;facturatie;Jan Jansen;2025;10;5;3\n",
        {
            "klant-zijn/facturatie/ik-wil-papieren-post.yaml": [
                "owner: jan",
                "volumes 2025: customers 10, contacts 5",
                "volumes 2025 source: d.csv",
                "criteria strategisch: 3",
            ]
        },
    ),
    "a new volume of a journey": (
        "d.csv",
        INVENTORY + "Ik betaal mijn factuur;ik-betaal;Klant zijn;facturatie;;2024;900;150;\n",
        {PAY: ["volumes 2024: new, customers 900, contacts 150", "volumes 2024 source: d.csv"]},
    ),
    "a volume whose file named no source": (
        "d.csv",
        INVENTORY + "Ik betaal mijn factuur;ik-betaal;Klant zijn;facturatie;;2025;1100;200;\n",
        {PAY: ["volumes 2025 customers: 1,000 -> 1,100", "volumes 2025 source: - -> d.csv"]},
    ),
    "a new measurement with n and source": (
        "m.csv",
        MEASUREMENTS + "ik-betaal;nps;31-12-2025;5,1;655;Enquête december\n",
        {
            PAY: [
                "kpis nps 2025-12-31: new, 5.1",
                "kpis nps 2025-12-31 n: 655",
                "kpis nps 2025-12-31 source: Enquête december",
            ]
        },
    ),
    "an existing measurement given n and source": (
        "m.csv",
        MEASUREMENTS + "ik-betaal;nps;30-06-2025;3;312;Enquête juni\n",
        {PAY: ["kpis nps 2025-06-30 n: - -> 312", "kpis nps 2025-06-30 source: - -> Enquête juni"]},
    ),
}

# What a new journey's path says: its id, phase and cluster, and its name (the id made of it).
SAID_BY_THE_PATH = {"id", "name", "phase", "cluster"}


@pytest.mark.parametrize("case", CASES)
def test_the_dry_run_shows_every_field_the_import_writes(tree_dir: Path, case: str) -> None:
    name, text, expected = CASES[case]
    path = tree_dir.parent / name
    path.write_text(text, encoding="utf-8")
    plan = read_import(path, check(tree_dir), ImportOptions()).plan
    shown = {change.relative: list(change.details) for change in plan.changes}
    assert shown == expected
    before = {relative: _read(tree_dir / relative) for relative in shown}
    apply_plan(tree_dir, plan)
    for relative, details in shown.items():
        old, new = before[relative], _read(tree_dir / relative)
        written = [
            leaf for leaf, value in _leaves(new).items() if _leaves(old).get(leaf, _NONE) != value
        ]
        assert written, relative
        for where, field in written:
            value = _leaves(new)[(where, field)]
            if old == {} and field == "" and _said_by_the_path(where, value):
                continue
            assert any(_says(line, where, field, value) for line in details), (
                f"{relative}: {where} {field} = {value!r} is written but the dry run does not "
                f"show it: {details}"
            )


def _said_by_the_path(where: str, value: object) -> bool:
    """A new journey's field that its path says, or its status where it is `listed`."""
    return where in SAID_BY_THE_PATH or (where == "status" and value == "listed")


def test_the_check_fails_for_a_field_not_shown() -> None:
    """The comparison itself: a line for another field, or another value, is no line for it."""
    assert _says("owner: jan", "owner", "", "jan")
    assert not _says("owner: jan", "owner", "", "piet")
    assert not _says("volumes 2025: customers 10, contacts 5", "volumes 2025", "source", "d.csv")
    assert _says("kpis nps 2025-12-31 n: 655", "kpis nps 2025-12-31", "n", 655)
    assert not _says("kpis nps 2025-12-31: new, 5.1", "kpis nps 2025-12-31", "n", 655)


_NONE = object()


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _leaves(data: dict[str, Any]) -> dict[tuple[str, str], object]:
    return dict(_walk(data))


def _walk(data: dict[str, Any]) -> Iterator[tuple[tuple[str, str], object]]:
    """Each field of a journey file as (where the dry run says it, its name there): an
    item of a list by the period or date that names it."""
    for key, value in data.items():
        if key == "volumes":
            for item in value:
                for field, figure in item.items():
                    if field != "period":
                        yield (f"volumes {item['period']}", field), figure
        elif key == "kpis":
            for kpi, record in value.items():
                for item in record.get("measurements") or []:
                    for field, figure in item.items():
                        if field != "date":
                            yield (f"kpis {kpi} {item['date']}", field), figure
        elif key == "criteria":
            for criterion, figure in value.items():
                yield (f"criteria {criterion}", ""), figure
        elif key == "notes":
            for note in value:
                yield ("notes", note["cell"]), note["text"]
        elif isinstance(value, list):
            yield (key, ""), tuple(value)
        else:
            yield (key, ""), value


def _says(line: str, where: str, field: str, value: object) -> bool:
    """Whether a line of the dry run shows that field with that value."""
    if not line.startswith(where):
        return False
    rest = line[len(where) :]
    if field in ("", "value"):  # the entry's own value: `owner: jan`, `kpis ... : new, 5.1`
        after = rest.partition(":")[2] if rest.startswith(":") else ""
    elif field == "estimated":
        return "(estimated)" in rest or "marked estimated" in rest
    else:
        match = re.search(rf"(?<![\w-]){re.escape(field)}(?![\w-]):? ", rest)
        after = rest[match.end() :] if match else ""
        if field in ("customers", "contacts"):  # the figure right after its word
            after = after.partition(",")[0] if "->" not in after else after
    return re.search(rf"(?<![\w.,]){re.escape(_shown(value))}(?![\w.,]|,\d)", after) is not None


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return format_count(value, "en")
    if isinstance(value, float):
        return format_decimal(value, "en", len(repr(value).partition(".")[2]))
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)
