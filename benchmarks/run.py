"""Time journeyctl side by side with its reference, alternating runs, and print medians and ratios.

    python benchmarks/run.py --journeys 2000 --repeat 7

Pairs (target ratio at 2,000 journeys):
- `journeyctl validate --no-cache` (cold) vs a bare parse of the same files with PyYAML's
  C loader, on the clean tree (<= 0.85x), on a tree where every journey has a warning, and
  on the clean tree with 500 improvements (reported)
- `journeyctl validate` with its cache warm: the tree unchanged (<= 0.05x), one file
  changed before each run (<= 0.3x), and the first run that writes the cache (reported);
  the cache is kept under the work folder
- `journeyctl validate` on the all-warnings tree vs on the clean tree (<= 1.2x): findings
  must not cost a second parse
- `journeyctl rank` vs the same bare parse (reported)
- `journeyctl --version` and `--help` vs `python -c pass` (<= 3x)
- peak memory of `journeyctl validate` on each tree (reported)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import VARIANTS, generate

BARE_PARSE = """
import os, sys, yaml
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                yaml.load(f.read(), Loader=yaml.CSafeLoader)
"""


# Runs journeyctl in this process and reports its peak resident memory on stderr.
PEAK_MEMORY = """
import resource, runpy, sys
sys.argv = ["journeyctl", *sys.argv[1:]]
try:
    runpy.run_module("journeyctl", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write(f"peak-kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


def _journeyctl() -> list[str]:
    found = shutil.which("journeyctl")
    return [found] if found else [sys.executable, "-m", "journeyctl"]


def _time(command: list[str], prepare: Callable[[], None] | None = None) -> float:
    if prepare is not None:
        prepare()
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(
    name: str,
    ours: list[str],
    reference: list[str],
    repeat: int,
    target: float | None,
    prepare: Callable[[], None] | None = None,
) -> str:
    """Medians of alternating runs; `prepare` runs untimed before each run of `ours`."""
    ours_times, reference_times = [], []
    _time(ours, prepare), _time(reference)  # warm the file cache
    for _ in range(repeat):
        ours_times.append(_time(ours, prepare))
        reference_times.append(_time(reference))
    ours_median = statistics.median(ours_times)
    reference_median = statistics.median(reference_times)
    ratio = ours_median / reference_median
    verdict = "" if target is None else ("  ok" if ratio <= target else f"  OVER {target}x")
    goal = f"<= {target}x" if target else "-"
    return f"| {name} | {ours_median * 1000:,.0f} ms | {reference_median * 1000:,.0f} ms | {ratio:.2f}x | {goal}{verdict} |"


def peak_memory(name: str, arguments: list[str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, *arguments],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        encoding="utf-8",
    )
    kib = int(done.stderr.rsplit("peak-kib ", 1)[1])
    return f"| {name} | {kib / 1024:,.0f} MiB | - | - | - |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / "work")
    args = parser.parse_args()

    trees = {}
    for variant in VARIANTS:
        trees[variant] = args.work / f"journeys-{args.journeys}-{variant}"
        generate(trees[variant], args.journeys, args.seed, variant)
    tool = _journeyctl()
    cache = args.work / "cache"
    os.environ["JOURNEYCTL_CACHE_DIR"] = str(cache)
    one_file = next(trees["clean"].glob("*/*/*.yaml"))
    one_text = one_file.read_text(encoding="utf-8")
    edits = iter(range(1_000_000))

    def change_one_file() -> None:
        one_file.write_text(f"{one_text}# edit {next(edits)}\n", encoding="utf-8")

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    python_pass = [sys.executable, "-c", "pass"]

    def validate(variant: str) -> list[str]:
        return [*tool, "validate", "--root", str(trees[variant]), "--format", "json"]

    def bare(variant: str) -> list[str]:
        return [sys.executable, "-c", BARE_PARSE, str(trees[variant])]

    def cold(variant: str) -> list[str]:
        return [*validate(variant), "--no-cache"]

    # (name, ours, reference, target, prepare before each run of ours)
    pairs: list[tuple[str, list[str], list[str], float | None, Callable[[], None] | None]] = [
        ("validate, clean, cold", cold("clean"), bare("clean"), 0.85, None),
        ("validate, all warnings, cold", cold("warnings"), bare("warnings"), 0.85, None),
        (
            "validate, 500 improvements, cold",
            cold("improvements"),
            bare("improvements"),
            0.85,
            None,
        ),
        ("validate, all warnings vs clean, cold", cold("warnings"), cold("clean"), 1.2, None),
        (
            "validate, first run (writes the cache)",
            validate("clean"),
            bare("clean"),
            None,
            empty_cache,
        ),
        (
            "validate, warm, one file changed",
            validate("clean"),
            bare("clean"),
            0.3,
            change_one_file,
        ),
        ("validate, warm, unchanged", validate("clean"), bare("clean"), 0.05, None),
    ]
    rows = [
        *(
            compare(name, ours, reference, args.repeat, target, prepare)
            for name, ours, reference, target, prepare in pairs
        ),
        compare(
            "rank",
            [*tool, "rank", "--root", str(trees["clean"]), "--format", "json"],
            bare("clean"),
            args.repeat,
            None,
        ),
        compare("--version", [*tool, "--version"], python_pass, args.repeat, 3.0),
        compare("--help", [*tool, "--help"], python_pass, args.repeat, 3.0),
        *(
            peak_memory(f"peak memory, validate {variant}, cold", cold(variant)[len(tool) :])
            for variant in VARIANTS
        ),
        peak_memory("peak memory, validate clean, warm", validate("clean")[len(tool) :]),
    ]
    print(f"{args.journeys:,} journeys x 20 steps, median of {args.repeat} alternating runs\n")
    print("| command | journeyctl | reference | ratio | target |")
    print("|---|---:|---:|---:|---|")
    print("\n".join(rows))
    one_file.write_text(one_text, encoding="utf-8")


if __name__ == "__main__":
    main()
