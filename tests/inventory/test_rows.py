"""Inventory rows in full: what each refused row says at its cell, and what an accepted one
changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, read_import
from tests.inventory import hostile
from tests.inventory.hostile import inline, row, sheet_xml

HEADER = "Klantreis;Id;Fase;Cluster;Eigenaar;Periode;Klanten;Contacten;Geschat\n"

REFUSED = {
    "an id that is none": (
        "Ik betaal mijn factuur;Ik Betaal!;Klant zijn;facturatie;;2025;1;1;\n",
        "d.csv!B2: 'Ik Betaal!' is not an id (lowercase letters, digits and hyphens); write "
        "ik-betaal or leave the id column empty",
    ),
    "an id without letters": (
        "Ik x;!!!;Klant zijn;facturatie;;2025;1;1;\n",
        "d.csv!B2: '!!!' is not an id (lowercase letters, digits and hyphens); write an id or "
        "leave the id column empty",
    ),
    "a name that gives no id": (
        "!!!;;Klant zijn;facturatie;;2025;1;1;\n",
        "d.csv!A2: '!!!' gives no id; write a name with letters",
    ),
    "a cluster of another phase": (
        "Ik x;;Klant zijn;aanmelden;;2025;1;1;\n",
        "d.csv!D2: cluster 'aanmelden' belongs to phase 'Klant worden', not to 'Klant zijn'; "
        "correct the phase or the cluster",
    ),
    "a journey moved": (
        "Ik betaal mijn factuur;;Klant worden;aanmelden;;2025;1;1;\n",
        "d.csv!C2: the sheet puts 'Ik betaal mijn factuur' in 'Klant worden' / 'Ik word klant', "
        "its file in 'Klant zijn' / 'Ik ontvang en betaal de factuur'; import does not move "
        "journeys: correct the sheet, or edit klant-zijn/facturatie/ik-betaal.yaml first",
    ),
    "no phase": (
        "Ik x;;;facturatie;;2025;1;1;\n",
        "d.csv!C2: the journey's phase is empty; fill it in",
    ),
    "no cluster": (
        "Ik x;;Klant zijn;;;2025;1;1;\n",
        "d.csv!D2: the journey's cluster is empty; fill it in",
    ),
    "no name": (
        ";;Klant zijn;facturatie;;2025;1;1;\n",
        "d.csv!A2: this row has no journey name; fill it in or delete the row",
    ),
    "estimated, neither yes nor no": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;;2025;1000;200;misschien\n",
        "d.csv!I2: 'misschien' does not say which figures are estimated; write ja, nee, "
        "klanten or contacten (yes, no, customers or contacts)",
    ),
}


@pytest.mark.parametrize(("row", "problem"), REFUSED.values(), ids=list(REFUSED))
def test_a_refused_row_says_why_at_its_cell(tree_dir: Path, row: str, problem: str) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [problem]


ACCEPTED = {
    "estimated: ja": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;;2025;1000;200;ja\n",
        [
            (
                "klant-zijn/facturatie/ik-betaal.yaml",
                [
                    "volumes 2025 source: - -> d.csv",
                    "volumes 2025: customers and contacts now marked estimated",
                ],
            )
        ],
    ),
    "estimated: klanten": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;;2025;1000;200;Klanten\n",
        [
            (
                "klant-zijn/facturatie/ik-betaal.yaml",
                ["volumes 2025 source: - -> d.csv", "volumes 2025: customers now marked estimated"],
            )
        ],
    ),
    "estimated: contacts": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;;2025;1000;200;contacts\n",
        [
            (
                "klant-zijn/facturatie/ik-betaal.yaml",
                ["volumes 2025 source: - -> d.csv", "volumes 2025: contacts now marked estimated"],
            )
        ],
    ),
    "estimated: klanten en contacten": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;;2025;1000;200;klanten en contacten\n",
        [
            (
                "klant-zijn/facturatie/ik-betaal.yaml",
                [
                    "volumes 2025 source: - -> d.csv",
                    "volumes 2025: customers and contacts now marked estimated",
                ],
            )
        ],
    ),
    "estimated: nee": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;;2025;1100;200;nee\n",
        [
            (
                "klant-zijn/facturatie/ik-betaal.yaml",
                ["volumes 2025 customers: 1,000 -> 1,100", "volumes 2025 source: - -> d.csv"],
            )
        ],
    ),
    "another owner the framework knows": (
        "Ik betaal mijn factuur;;Klant zijn;facturatie;Piet Pieters;2025;1000;200;\n",
        [("klant-zijn/facturatie/ik-betaal.yaml", ["owner: jan -> piet"])],
    ),
    "a row without numbers": ("Ik betaal mijn factuur;;Klant zijn;facturatie;;;;;\n", []),
    "the id finds the journey, the name beside it renames it": (
        "Iets anders;ik-betaal;Klant zijn;facturatie;;2025;1100;200;\n",
        [
            (
                "klant-zijn/facturatie/ik-betaal.yaml",
                [
                    "name: 'Ik betaal mijn factuur' -> 'Iets anders'",
                    "aliases: + 'Ik betaal mijn factuur'",
                    "volumes 2025 customers: 1,000 -> 1,100",
                    "volumes 2025 source: - -> d.csv",
                ],
            )
        ],
    ),
}


@pytest.mark.parametrize(("row", "changes"), ACCEPTED.values(), ids=list(ACCEPTED))
def test_an_accepted_row_changes_what_it_says(
    tree_dir: Path, row: str, changes: list[tuple[str, list[str]]]
) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("owners:\n", "owners:\n  - id: piet\n    name: Piet Pieters\n"), "utf-8")  # fmt: skip
    path = tree_dir.parent / "d.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    plan = read_import(path, check(tree_dir), ImportOptions()).plan
    assert [(c.relative, c.details) for c in plan.changes] == changes


def test_unknown_names_are_refused_or_added(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(HEADER + "Ik x;;Klant zijn;zzz;Piet;2025;1;1;\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [
        "d.csv!D2: unknown cluster 'zzz'; the framework has Ik ontvang en betaal de factuur: "
        "write one of those or add 'zzz' to its aliases in framework.yaml, or import with "
        "--add-missing to add 'zzz' as a new cluster",
        "d.csv!E2: unknown owner 'Piet'; the framework has Jan Jansen: write one of those or "
        "add 'Piet' to its aliases in framework.yaml, or import with --add-missing to add "
        "'Piet' as a new owner",
    ]
    plan = read_import(path, check(tree_dir), ImportOptions(add_missing=True)).plan
    assert [(c.relative, c.details) for c in plan.changes] == [
        ("framework.yaml", ["add cluster zzz (zzz)", "add owner piet (Piet)"]),
        (
            "klant-zijn/zzz/ik-x.yaml",
            ["owner: piet", "volumes 2025: customers 1, contacts 1", "volumes 2025 source: d.csv"],
        ),
    ]


def test_a_new_cluster_named_in_two_phases_is_refused(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(
        HEADER + "Ik x;;Klant zijn;zzz;;2025;1;1;\nIk y;;Klant worden;zzz;;2025;1;1;\n", "utf-8"
    )
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions(add_missing=True))
    assert [str(p) for p in refused.value.problems] == [
        "d.csv!D3: cluster 'zzz' is named in two phases; use one"
    ]


def test_an_owner_where_there_was_none(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(
        "\ufeff" + journey.read_text(encoding="utf-8").replace("owner: jan\n", ""), "utf-8"
    )
    path = tree_dir.parent / "d.csv"
    path.write_text(HEADER + "Ik betaal mijn factuur;;Klant zijn;facturatie;jan;;;;\n", "utf-8")
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert change.details == ["owner: - -> jan"]
    assert change.new.startswith("id: ik-betaal\n")  # the byte order mark read as such


def test_a_new_cluster_alone_is_added_to_the_framework(tree_dir: Path) -> None:
    before = (tree_dir / "framework.yaml").read_text(encoding="utf-8")
    path = tree_dir.parent / "d.csv"
    path.write_text(HEADER + "Ik x;;Klant zijn;zzz;;;;;\n", encoding="utf-8")
    plan = read_import(path, check(tree_dir), ImportOptions(add_missing=True)).plan
    framework = plan.changes[0]
    assert (framework.relative, framework.old, framework.details) == (
        "framework.yaml",
        before,
        ["add cluster zzz (zzz)"],
    )


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (
            "Klantreis;Fase;Cluster;Klanten 2025\n",
            "d.csv!D1: 'Klanten 2025' has no contacts column beside it for 2025; customers and "
            "contacts come together: add the other column or remove this one",
        ),
        (
            "Klantreis;Fase;Cluster;Contacten\n",
            "d.csv!D1: 'Contacten' has no customers column beside it; customers and contacts come "
            "together: add the other column or remove this one",
        ),
        (
            "Klantreis;Fase;Cluster;Klanten;Contacten\n",
            "d.csv!D1: 'Klanten' names no period; add a Periode column, write the period in the "
            "header (Klanten 2025), or give --period",
        ),
    ],
)
def test_customers_and_contacts_come_together_with_a_period(
    tree_dir: Path, header: str, problem: str
) -> None:
    path = tree_dir.parent / "d.csv"
    numbers = ";1" * (header.count(";") - 2)
    path.write_text(f"{header}Ik x;Klant zijn;facturatie{numbers}\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [problem]


def test_a_criterion_column_of_a_measurements_sheet_is_ignored(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(
        "Klantreis;KPI;Datum;Score;Strategisch belang\nik-betaal;nps;30-06-2025;3;4\n", "utf-8"
    )
    result = read_import(path, check(tree_dir), ImportOptions())
    assert result.ignored_columns == ["d.csv!E (Strategisch belang)"]


TWO_YEARS = (
    "Klantreis;Fase;Cluster;Klanten 2024;Contacten 2024;Klanten 2025;Contacten 2025\n"
    "Ik betaal mijn factuur;Klant zijn;facturatie;5;1;1100;200\n"
)


@pytest.mark.parametrize(
    ("text", "period", "expected"),
    [
        (
            TWO_YEARS,
            "2024",
            ["volumes 2024: new, customers 5, contacts 1", "volumes 2024 source: d.csv"],
        ),
        (
            TWO_YEARS,
            "2023",
            [
                "d.csv!A1: the sheet has no columns for period 2023 (it has 2024, 2025); choose one of those with --period"
            ],
        ),
        (
            "Klantreis;Fase;Cluster;Klanten;Contacten\n"
            "Ik betaal mijn factuur;Klant zijn;facturatie;1100;200\n",
            "2025",
            ["volumes 2025 customers: 1,000 -> 1,100", "volumes 2025 source: - -> d.csv"],
        ),
    ],
)
def test_the_period_option_picks_or_names_the_period(
    tree_dir: Path, text: str, period: str, expected: list[str]
) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(text, encoding="utf-8")
    try:
        plan = read_import(path, check(tree_dir), ImportOptions(period=period)).plan
    except Refused as refused:
        assert [str(p) for p in refused.problems] == expected
        return
    assert [d for change in plan.changes for d in change.details] == expected


def test_blank_rows_and_a_subtotal_named_in_the_journey_column_are_counted(
    tree_dir: Path,
) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(
        "Fase;Klantreis;Cluster\nKlant zijn;Ik betaal mijn factuur;facturatie\n;;\n;;\n"
        "Klant zijn;Totaal;\n",
        encoding="utf-8",
    )
    result = read_import(path, check(tree_dir), ImportOptions())
    assert (result.rows, result.counts.blank_rows, result.counts.subtotal_rows) == (4, 2, 1)


def _sheet(*lines: list[str]) -> list[bytes]:
    return [row(n, map(inline, cells)).encode() for n, cells in enumerate(lines, start=1)]


def test_every_sheet_is_read_and_its_problems_listed(tree_dir: Path) -> None:
    first = _sheet(["Titel"], ["Klantreis", "Fase", "Cluster", "Klanten"], ["Ik x", "Klant zijn", "facturatie", "1"])  # fmt: skip
    second = _sheet(["Klantreis", "Fase", "Cluster", "Contacten"], ["Ik y", "Klant zijn", "facturatie", "1"])  # fmt: skip
    path = hostile.write_xlsx(tree_dir.parent / "t.xlsx", [sheet_xml(first), sheet_xml(second)])
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [p.where for p in refused.value.problems] == ["Blad1!D2", "Blad2!D1"]


def test_measurements_of_every_sheet_and_the_rows_of_all(tree_dir: Path) -> None:
    header = ["Klantreis", "KPI", "Datum", "Score"]
    first = _sheet(["Metingen"], header, ["ik-betaal", "nps", "31-03-2025", "1"])
    second = _sheet(header, ["ik-betaal", "nps", "31-12-2025", "9"], ["ik-betaal", "nps", "30-09-2025", "5"])  # fmt: skip
    path = hostile.write_xlsx(tree_dir.parent / "m.xlsx", [sheet_xml(first), sheet_xml(second)])
    result = read_import(path, check(tree_dir), ImportOptions())
    (change,) = result.plan.changes
    assert change.details == [
        "kpis nps 2025-03-31: new, 1",
        "kpis nps 2025-12-31: new, 9",
        "kpis nps 2025-09-30: new, 5",
    ]
    assert result.rows == 3
