"""Write a synthetic framework of N mapped journeys (about 20 steps each), reproducible by seed.

python benchmarks/generate.py OUT_DIR --journeys 2000 --seed 1 [--variant clean]

Variants: `clean` (no findings), `warnings` (every journey has one warning: no owner, so
every file is asked for a position), `improvements` (the clean tree and 500
improvements, some of them sharing journeys). Journeys have 20 steps, two years of
volumes, criteria, and two KPIs with a baseline and measurements.

The benchmark also makes, from these: a git repository with two commits of the clean tree,
the second changing a few journeys (`history`), and an inventory workbook of new journeys
with an empty framework to import it into (`inventory_workbook`, `empty_framework`).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
from datetime import date
from pathlib import Path

import yaml

PHASES = ["geen-klant", "klant-worden", "klant-zijn", "klant-blijven"]
CHANNELS = ["telefoon", "e-mail", "chat", "web", "app", "brief"]
WORDS = [
    "ik",
    "ontvang",
    "betaal",
    "wijzig",
    "meld",
    "vraag",
    "factuur",
    "meter",
    "contract",
    "adres",
    "storing",
    "klacht",
    "app",
]


def framework(clusters: int, reasons: int) -> dict[str, object]:
    return {
        "name": "Benchmark",
        "language": "nl",
        "phases": [{"id": p, "name": p.replace("-", " ").capitalize()} for p in PHASES],
        "clusters": [
            {"id": f"cluster-{i}", "name": f"Cluster {i}", "phase": PHASES[i % 4]}
            for i in range(clusters)
        ],
        "contact_reasons": [
            {"id": f"reden-{i}", "name": f"Reden {i}", "phase": PHASES[i % 4]}
            for i in range(reasons)
        ],
        "owners": [{"id": f"eigenaar-{i}", "name": f"Eigenaar {i}"} for i in range(20)],
        "teams": [{"id": f"team-{i}", "name": f"Team {i}"} for i in range(8)],
        "channels": [{"id": c, "name": c} for c in CHANNELS],
        "kpis": [
            {"id": "nps", "name": "NPS", "min": -100, "max": 100},
            {"id": "ces", "name": "CES", "min": 1, "max": 7},
        ],
        "criteria": [{"id": "belang", "name": "Belang", "kind": "scale", "weight": 1}],
    }


def volumes(rng: random.Random) -> list[dict[str, object]]:
    """Two years of customers and contacts, the second within 20% of the first, as real ones move."""
    customers, contacts = rng.randint(100, 500_000), rng.randint(0, 100_000)
    return [
        {"period": "2024", "customers": customers, "contacts": contacts},
        {
            "period": "2025",
            "customers": int(customers * rng.uniform(0.8, 1.2)),
            "contacts": int(contacts * rng.uniform(0.8, 1.2)),
        },
    ]


def journey(
    index: int, clusters: int, reasons: int, rng: random.Random, today: date | None = None
) -> dict[str, object]:
    cluster = index % clusters
    return {
        "id": f"journey-{index}",
        "name": " ".join(rng.choice(WORDS) for _ in range(5)).capitalize(),
        "description": " ".join(rng.choice(WORDS) for _ in range(25)),
        "phase": PHASES[cluster % 4],
        "cluster": f"cluster-{cluster}",
        "owner": f"eigenaar-{index % 20}",
        "team": [f"team-{index % 8}"],
        "status": "mapped",
        "contact_reasons": [f"reden-{(index + k) % reasons}" for k in range(2)],
        "volumes": volumes(rng),
        "criteria": {"belang": rng.randint(1, 5)},
        "steps": [
            {
                "stage": f"Fase {s // 5 + 1}",
                "name": f"Stap {s + 1}: " + " ".join(rng.choice(WORDS) for _ in range(4)),
                "touchpoints": rng.sample(CHANNELS, 2),
                "backstage": " ".join(rng.choice(WORDS) for _ in range(8)),
                "emotion": rng.randint(1, 5),
                "desired_emotion": rng.randint(3, 5),
                "pain_points": [" ".join(rng.choice(WORDS) for _ in range(6))],
            }
            for s in range(20)
        ],
        "kpis": {
            "nps": {
                "baseline": {"value": rng.randint(-50, 50), "date": "2025-01-31"},
                "target": 30,
                "measurements": [
                    {"date": f"2025-{month:02d}-28", "value": rng.randint(-50, 60), "n": 400}
                    for month in (4, 7, 10)
                ],
            },
            "ces": {"baseline": {"value": round(rng.uniform(2, 6), 1), "date": "2025-01-31"}},
        },
        # Reviewed recently, so that a clean tree is measured: findings cost positions.
        "review": {"cadence": "yearly", "last_reviewed": (today or date.today()).isoformat()},
    }


VARIANTS = ("clean", "warnings", "improvements")
IMPROVEMENTS = 500


def improvement(index: int, journeys: int, rng: random.Random) -> dict[str, object]:
    # One in five touches several journeys, as shared improvements do.
    touched = rng.sample(range(journeys), 3 if index % 5 == 0 else 1)
    return {
        "id": f"verbetering-{index}",
        "title": f"Verbetering {index}: " + " ".join(rng.choice(WORDS) for _ in range(4)),
        "description": " ".join(rng.choice(WORDS) for _ in range(20)),
        "journeys": [f"journey-{j}" for j in touched],
        "status": rng.choice(["idea", "planned", "in-progress", "implemented"]),
        "owner": f"eigenaar-{index % 20}",
        "effort": rng.randint(1, 5),
    }


def generate(
    out: Path, journeys: int, seed: int, variant: str = "clean", today: date | None = None
) -> None:
    """The tree of `variant`; its reviews were last made `today` (default: today's date)."""
    rng = random.Random(seed)
    clusters, reasons = _clusters_and_reasons(journeys)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "framework.yaml").write_text(
        yaml.safe_dump(framework(clusters, reasons), sort_keys=False), encoding="utf-8"
    )
    for index in range(journeys):
        data = journey(index, clusters, reasons, rng, today)
        if variant == "warnings":
            del data["owner"]
        folder = out / str(data["phase"]) / str(data["cluster"])
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    if variant == "improvements":
        folder = out / "improvements"
        folder.mkdir()
        for index in range(IMPROVEMENTS):
            data = improvement(index, journeys, rng)
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
            (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")


def _clusters_and_reasons(journeys: int) -> tuple[int, int]:
    return max(4, journeys // 10), max(4, journeys // 2)


def history(tree: Path, repository: Path, changed: int = 20) -> None:
    """A git repository whose `journeys/` is `tree` at HEAD~1 and, at HEAD, the same with
    `changed` journeys edited (their volumes, a step's name) and one removed."""
    shutil.rmtree(repository, ignore_errors=True)
    shutil.copytree(tree, repository / "journeys")
    _git(repository, "init", "--quiet")
    _git(repository, "add", "journeys")
    _git(repository, "commit", "--quiet", "-m", "base")
    files = sorted((repository / "journeys").glob("*/*/journey-*.yaml"))
    for file in files[:changed]:
        text = file.read_text(encoding="utf-8")
        file.write_text(
            text.replace("customers: ", "customers: 1", 1).replace("Stap 3:", "Stap drie:", 1),
            encoding="utf-8",
        )
    files[changed].unlink()
    _git(repository, "commit", "--quiet", "-a", "-m", "head")


def _git(repository: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org", *arguments],
        cwd=repository,
        check=True,
    )


def empty_framework(out: Path, journeys: int) -> None:
    """A root with only `framework.yaml` (that of a tree of `journeys` journeys)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "framework.yaml").write_text(
        yaml.safe_dump(framework(*_clusters_and_reasons(journeys)), sort_keys=False),
        encoding="utf-8",
    )


def inventory_workbook(path: Path, rows: int, journeys: int, seed: int) -> None:
    """An inventory sheet of `rows` new journeys of the framework of `journeys` journeys:
    name, phase, cluster, owner, and customers and contacts for two years across columns."""
    from openpyxl import Workbook  # only the benchmark's import pair needs it

    rng = random.Random(seed)
    clusters, _ = _clusters_and_reasons(journeys)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Inventaris")
    sheet.append(
        ["Klantreis", "Fase", "Cluster", "Eigenaar"]
        + [f"{what} {year}" for year in (2024, 2025) for what in ("Klanten", "Contacten")]
    )
    for index in range(rows):
        cluster = index % clusters
        year = [volume for row in volumes(rng) for volume in (row["customers"], row["contacts"])]
        name = f"Ik {rng.choice(WORDS)} {rng.choice(WORDS)} nummer {index}"
        sheet.append(
            [name, PHASES[cluster % 4], f"cluster-{cluster}", f"eigenaar-{index % 20}", *year]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variant", choices=VARIANTS, default="clean")
    args = parser.parse_args()
    generate(args.out, args.journeys, args.seed, args.variant)


if __name__ == "__main__":
    main()
