"""Time every journeyctl command side by side with its reference, alternating runs, and print
medians, ratios and targets.

    python benchmarks/run.py --journeys 2000 --repeat 5 [--json results.json]
    python benchmarks/run.py --journeys 20000 --repeat 3 --scale-from results.json

Pairs (targets at 2,000 journeys; each run of a pair's two commands alternates with the
other's, after one untimed run of each):
- `validate --no-cache` (cold) vs a bare parse of the same files with PyYAML's C loader, on
  the clean tree (<= 0.85x), on one where every journey has a warning and on the clean tree
  with 500 improvements (<= 0.85x); the all-warnings tree vs the clean one (<= 1.2x)
- `validate` with its cache (kept under the work folder): the first run, which writes it
  (reported), one file changed before each run (<= 0.3x), the tree unchanged (<= 0.1x)
- `validate --format text` of the repository's example (40 journeys, a copy) with its cache,
  as a pre-commit hook runs it, vs `python -c pass`: unchanged (<= 3x), and one file changed
  before each run (reported)
- `rank` (the table), `render --format html`, `report alerts` and `diff` of two git
  revisions vs `validate --no-cache` (<= 1.05x, 2x, 1.1x, 1.3x); the first three with
  `--no-cache`; `diff` reads the revisions through the folder's cache, warm from the run
  before, and once more with the cache emptied before each run (reported)
- `import` of an inventory workbook of 5 rows per journey (10,000 at 2,000) into an empty
  framework vs openpyxl's read-only iteration of that sheet writing a small file per row
  (<= 3x); both write into an emptied folder each run
- `import` of the tree's own export back into it (the consultant's loop), unchanged
  (<= 1.5x) and with one cell changed (<= 2x), vs `validate --no-cache` of that tree; both
  `--no-cache`; the changed journey's file is put back before each run
- `--version`, `--help`, `validate --help` and `rank --help` vs `python -c pass` (<= 2x);
  `rules` (<= 3x)
- peak memory (resident) of each command (<= 120 MB at 2,000, <= 700 MB at 20,000)

`--json FILE` writes the rows; `--scale-from FILE` (the rows of a run at fewer journeys)
adds a table of how each command's time grew (<= 1.05x the growth in journeys: 10.5x from
2,000 to 20,000) and its memory. `--only WORDS` runs the rows whose name holds one of them,
`--skip WORDS` leaves out those whose name holds one;
`--no-untimed` skips the untimed runs (for a long run on trees just generated).
`--grow-from 2000` (with `--journeys 20000`) times each command at both sizes, alternating
runs, for a check of growth that load coming and going on a shared machine does not skew.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import empty_framework, generate, history, inventory_workbook

BARE_PARSE = """
import os, sys, yaml
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                yaml.load(f.read(), Loader=yaml.CSafeLoader)
"""

# What import is compared with: reading the sheet as fast as openpyxl can, and writing as
# many small files (into a folder the benchmark empties before each run).
READ_AND_WRITE = """
import os, sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True, data_only=True)
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True)):
    with open(os.path.join(out, f"{number}.yaml"), "w", encoding="utf-8") as f:
        f.write("".join(f"{index}: {value}\\n" for index, value in enumerate(row)))
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

GENERATOR = Path(__file__).parent / "generate.py"
EXAMPLE = Path(__file__).parent.parent / "journeys"
IMPORT_ROWS_PER_JOURNEY = 5
# An import of 10,000 rows takes a minute and more (a file written safely is synced to
# disk): it runs once, after no untimed run.
IMPORT_RUNS = 1
DIFF_CHANGED = 20
# Growth allowed from one run's journeys to another's: linear, and 5% over.
SCALING_SLACK = 1.05


@dataclass
class Row:
    """One line of the table: a pair's medians (ms) or a command's peak memory (MiB)."""

    name: str
    ours: float
    reference: float | None
    target: float | None
    unit: str = "ms"
    times: list[float] = field(default_factory=list)
    runs: int | None = None

    @property
    def ratio(self) -> float | None:
        return None if self.reference is None else self.ours / self.reference

    def line(self) -> str:
        measured = self.ratio if self.unit == "ms" else self.ours
        verdict = "" if self.target is None or measured is None else _verdict(measured, self.target)
        reference = "-" if self.reference is None else f"{self.reference:,.0f} {self.unit}"
        ratio = "-" if self.ratio is None else f"{self.ratio:.2f}x"
        goal = "-" if self.target is None else _goal(self.target, self.unit)
        plural = "" if self.runs == 1 else "s"
        name = self.name if self.runs is None else f"{self.name} ({self.runs} run{plural})"
        return (
            f"| {name} | {self.ours:,.0f} {self.unit} | {reference} | {ratio} | {goal}{verdict} |"
        )


def _verdict(measured: float, target: float) -> str:
    return "  ok" if measured <= target else "  over"


def _goal(target: float, unit: str) -> str:
    return f"<= {target:g}x" if unit == "ms" else f"<= {target:g} {unit}"


Command = list[str]
Prepare = Callable[[], None] | None


def _journeyctl() -> Command:
    found = shutil.which("journeyctl")
    return [found] if found else [sys.executable, "-m", "journeyctl"]


def _time(command: Command, prepare: Prepare = None) -> float:
    if prepare is not None:
        prepare()
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


@dataclass
class Pair:
    """journeyctl's command and its reference; `prepare_*` run untimed before each run."""

    name: str
    ours: Command
    reference: Command
    target: float | None
    prepare_ours: Prepare = None
    prepare_reference: Prepare = None
    runs: int | None = None  # fewer runs than --repeat, and no untimed one, for a slow pair

    def measure(self, repeat: int, untimed: bool = True) -> Row:
        """Medians (ms) of alternating runs, after one untimed run of each (the file cache)."""
        ours_times, reference_times = [], []
        if self.runs is None and untimed:
            _time(self.ours, self.prepare_ours), _time(self.reference, self.prepare_reference)
        for _ in range(min(repeat, self.runs or repeat)):
            ours_times.append(_time(self.ours, self.prepare_ours))
            reference_times.append(_time(self.reference, self.prepare_reference))
        return Row(
            self.name,
            statistics.median(ours_times) * 1000,
            statistics.median(reference_times) * 1000,
            self.target,
            times=[round(t * 1000) for t in ours_times],
            runs=None if self.runs is None else len(ours_times),
        )


@dataclass
class Memory:
    """The peak resident memory of one journeyctl command, run in a Python of its own."""

    name: str
    arguments: Command
    target: float | None
    prepare: Prepare = None

    def measure(self) -> Row:
        if self.prepare is not None:
            self.prepare()
        done = subprocess.run(
            [sys.executable, "-c", PEAK_MEMORY, *self.arguments],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            encoding="utf-8",
        )
        kib = int(done.stderr.rsplit("peak-kib ", 1)[1])
        return Row(self.name, kib / 1024, None, self.target, unit="MiB")


class Bench:
    """The trees, files and commands of one run, made when a selected row first needs them."""

    def __init__(self, journeys: int, seed: int, work: Path) -> None:
        self.journeys, self.seed, self.work = journeys, seed, work
        self.tool = _journeyctl()
        self.cache = work / "cache"
        os.environ["JOURNEYCTL_CACHE_DIR"] = str(self.cache)
        self._trees: dict[str, Path] = {}
        self._edits = iter(range(1_000_000))
        self._example_copied = False

    def tree(self, variant: str) -> Path:
        """The tree of `variant`, generated unless an earlier run left the same one."""
        if variant not in self._trees:
            tree = self._trees[variant] = self.work / f"journeys-{self.journeys}-{variant}"
            stamp = tree.with_suffix(".stamp")
            made_by = f"{self.seed} {GENERATOR.read_text(encoding='utf-8')}"
            if not stamp.exists() or stamp.read_text(encoding="utf-8") != made_by:
                generate(tree, self.journeys, self.seed, variant)
                stamp.write_text(made_by, encoding="utf-8")
        return self._trees[variant]

    def repository(self) -> Path:
        repository = self.work / f"history-{self.journeys}"
        if not (repository / ".git").is_dir():
            history(self.tree("clean"), repository, DIFF_CHANGED)
        return repository

    def workbook(self) -> Path:
        path = self.work / f"inventory-{self.journeys}.xlsx"
        if not path.exists():
            rows = IMPORT_ROWS_PER_JOURNEY * self.journeys
            inventory_workbook(path, rows, self.journeys, self.seed)
        return path

    def empty_framework(self) -> None:
        empty_framework(self.work / "import", self.journeys)

    def empty_import_output(self) -> None:
        shutil.rmtree(self.work / "import-reference", ignore_errors=True)

    def empty_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)

    def change_one_file(self) -> None:
        """Append a comment to one journey (`restore` takes it out again)."""
        file = self._one_file()
        text = file.read_text(encoding="utf-8").split("# edit ")[0]
        file.write_text(f"{text}# edit {next(self._edits)}\n", encoding="utf-8")

    def restore(self) -> None:
        if hasattr(self, "_changed_text"):
            self.put_back_changed_journey()
        if "clean" in self._trees:
            file = self._one_file()
            file.write_text(file.read_text(encoding="utf-8").split("# edit ")[0], encoding="utf-8")

    def warm_up(self) -> None:
        """A run of `validate` with the cache, so that the next one is warm."""
        subprocess.run(self.validate("clean", cold=False), check=False, capture_output=True)

    def warm_up_and_change_one_file(self) -> None:
        self.warm_up()
        self.change_one_file()

    def _one_file(self) -> Path:
        return min(self.tree("clean").glob("*/*/*.yaml"))

    def example(self) -> Path:
        """A copy of the repository's example tree, made fresh for each run of the script."""
        if not self._example_copied:
            shutil.rmtree(self.work / "example", ignore_errors=True)
            shutil.copytree(EXAMPLE, self.work / "example")
            self._example_copied = True
        return self.work / "example"

    def warm_up_example(self) -> None:
        """A run on the example's copy, so that the next one finds nothing changed (also
        without untimed runs)."""
        subprocess.run(self.validate_example(), check=False, capture_output=True)

    def change_example(self) -> None:
        """Append a comment to one journey of the example's copy, another each time."""
        file = min(self.example().glob("*/*/*.yaml"))
        text = file.read_text(encoding="utf-8").split("# edit ")[0]
        file.write_text(f"{text}# edit {next(self._edits)}\n", encoding="utf-8")

    # Commands

    def journeyctl(self, *arguments: str) -> Command:
        return [*self.tool, *arguments]

    def validate(self, variant: str, *, cold: bool = True) -> Command:
        root = str(self.tree(variant))
        cache = ["--no-cache"] if cold else []
        return self.journeyctl("validate", "--root", root, "--format", "json", *cache)

    def validate_example(self) -> Command:
        # As the pre-commit hook runs it (`.pre-commit-hooks.yaml`), on the copy.
        return self.journeyctl("validate", "--format", "text", "--root", str(self.example()))

    def bare_parse(self, variant: str) -> Command:
        return [sys.executable, "-c", BARE_PARSE, str(self.tree(variant))]

    def rank(self) -> Command:
        return self.journeyctl("rank", "--root", str(self.tree("clean")), "--no-cache")

    def render(self) -> Command:
        # A folder per size: render removes the pages of an earlier render that it does not
        # write, which would weigh on a run after one of another size.
        root, out = str(self.tree("clean")), str(self.work / f"site-{self.journeys}")
        return self.journeyctl("render", "--root", root, "--out", out, "--no-cache")

    def report(self) -> Command:
        return self.journeyctl("report", "alerts", "--root", str(self.tree("clean")), "--no-cache")

    def diff(self) -> Command:
        root = str(self.repository() / "journeys")
        return self.journeyctl("diff", "HEAD~1", "HEAD", "--root", root)

    def validate_repository(self) -> Command:
        root = str(self.repository() / "journeys")
        return self.journeyctl("validate", "--root", root, "--format", "json", "--no-cache")

    def reimport_tree(self) -> Path:
        """A copy of the clean tree that the re-import rows import into."""
        tree = self.work / f"reimport-{self.journeys}"
        if not tree.is_dir():
            shutil.copytree(self.tree("clean"), tree)
        return tree

    def reimport_workbook(self, changed: bool) -> Path:
        """The export of the re-import tree; `changed`: with one journey's customers + 1."""
        path = self.work / f"reimport-{self.journeys}{'-changed' if changed else ''}.xlsx"
        if not path.exists():
            export = self.journeyctl(
                "export", "--out", str(path), "--root", str(self.reimport_tree()), "--no-cache"
            )
            subprocess.run(export, check=True, stdout=subprocess.DEVNULL)
            if changed:
                from openpyxl import load_workbook  # only this row needs it

                book = load_workbook(path)
                sheet = book.worksheets[0]
                sheet["I2"] = sheet["I2"].value + 1  # customers of the first journey
                book.save(path)
        return path

    def reimport(self, changed: bool) -> Command:
        workbook = str(self.reimport_workbook(changed))
        root = str(self.reimport_tree())
        return self.journeyctl("import", workbook, "--root", root, "--no-cache")

    def validate_reimport_tree(self) -> Command:
        root = str(self.reimport_tree())
        return self.journeyctl("validate", "--root", root, "--format", "json", "--no-cache")

    def put_back_changed_journey(self) -> None:
        """The journey the changed cell names, as the tree had it (the import changes it)."""
        if not hasattr(self, "_changed_text"):
            from openpyxl import load_workbook

            first = load_workbook(self.reimport_workbook(True)).worksheets[0]["C2"].value
            self._changed_file = next(self.reimport_tree().glob(f"*/*/{first}.yaml"))
            self._changed_text = self._changed_file.read_bytes()
        self._changed_file.write_bytes(self._changed_text)

    def import_inventory(self) -> Command:
        root = str(self.work / "import")
        return self.journeyctl("import", str(self.workbook()), "--root", root, "--no-cache")

    def read_and_write(self) -> Command:
        out = str(self.work / "import-reference")
        return [sys.executable, "-c", READ_AND_WRITE, str(self.workbook()), out]


Made = Pair | Memory
Maker = tuple[str, Callable[[str], Made]]


def rows(bench: Bench) -> list[Maker]:
    """The table's rows by name: a row generates what it needs only when made."""
    b = bench
    python_pass = [sys.executable, "-c", "pass"]
    memory = 120 if b.journeys <= 2000 else 700 if b.journeys <= 20_000 else None
    variants = {"clean": "clean", "all warnings": "warnings", "500 improvements": "improvements"}

    def no_tool(command: Command) -> Command:
        return command[len(b.tool) :]

    def cold(variant: str) -> Callable[[str], Made]:
        return lambda name: Pair(name, b.validate(variant), b.bare_parse(variant), 0.85)

    def cold_memory(variant: str) -> Callable[[str], Made]:
        return lambda name: Memory(name, no_tool(b.validate(variant)), memory)

    def against_pass(arguments: tuple[str, ...], target: float) -> Callable[[str], Made]:
        return lambda name: Pair(name, b.journeyctl(*arguments), python_pass, target)

    warm = b.validate
    return [
        *((f"validate, {label}, cold", cold(v)) for label, v in variants.items()),
        (
            "validate, all warnings vs clean, cold",
            lambda n: Pair(n, b.validate("warnings"), b.validate("clean"), 1.2),
        ),
        (
            "validate, first run (writes the cache)",
            lambda n: Pair(
                n, warm("clean", cold=False), b.bare_parse("clean"), None, b.empty_cache
            ),
        ),
        (
            "validate, warm, one file changed",
            lambda n: Pair(
                n, warm("clean", cold=False), b.bare_parse("clean"), 0.3, b.change_one_file
            ),
        ),
        (
            "validate, warm, unchanged",
            lambda n: Pair(n, warm("clean", cold=False), b.bare_parse("clean"), 0.1),
        ),
        (
            "validate the example (pre-commit), unchanged vs python -c pass",
            lambda n: Pair(n, b.validate_example(), python_pass, 3.0, b.warm_up_example),
        ),
        (
            "validate the example (pre-commit), one file changed vs python -c pass",
            lambda n: Pair(n, b.validate_example(), python_pass, None, b.change_example),
        ),
        ("rank (table) vs validate", lambda n: Pair(n, b.rank(), b.validate("clean"), 1.05)),
        (
            "render --format html vs validate",
            lambda n: Pair(n, b.render(), b.validate("clean"), 2.0),
        ),
        ("report alerts vs validate", lambda n: Pair(n, b.report(), b.validate("clean"), 1.1)),
        (
            f"diff HEAD~1 HEAD ({DIFF_CHANGED} changed) vs validate",
            lambda n: Pair(n, b.diff(), b.validate_repository(), 1.3),
        ),
        (
            f"diff HEAD~1 HEAD ({DIFF_CHANGED} changed), cache emptied first, vs validate",
            lambda n: Pair(n, b.diff(), b.validate_repository(), None, b.empty_cache),
        ),
        (
            f"import {IMPORT_ROWS_PER_JOURNEY * b.journeys:,} rows vs openpyxl read + write",
            lambda n: Pair(
                n,
                b.import_inventory(),
                b.read_and_write(),
                3.0,
                b.empty_framework,
                b.empty_import_output,
                IMPORT_RUNS,
            ),
        ),
        (
            "import its export back, unchanged, vs validate --no-cache",
            lambda n: Pair(
                n, b.reimport(False), b.validate_reimport_tree(), 1.5, b.put_back_changed_journey
            ),
        ),
        (
            "import its export back, one cell changed, vs validate --no-cache",
            lambda n: Pair(
                n,
                b.reimport(True),
                b.validate_reimport_tree(),
                2.0,
                b.put_back_changed_journey,
            ),
        ),
        *(
            (" ".join(arguments), against_pass(arguments, 2.0))
            for arguments in (
                ("--version",),
                ("--help",),
                ("validate", "--help"),
                ("rank", "--help"),
            )
        ),
        ("rules", against_pass(("rules",), 3.0)),
        *(
            (f"peak memory, validate, {label}, cold", cold_memory(v))
            for label, v in variants.items()
        ),
        (
            "peak memory, validate, warm, unchanged",
            lambda n: Memory(n, no_tool(warm("clean", cold=False)), memory, b.warm_up),
        ),
        (
            "peak memory, validate, warm, one file changed",
            lambda n: Memory(
                n, no_tool(warm("clean", cold=False)), memory, b.warm_up_and_change_one_file
            ),
        ),
        ("peak memory, rank", lambda n: Memory(n, no_tool(b.rank()), memory)),
        ("peak memory, render", lambda n: Memory(n, no_tool(b.render()), memory)),
        ("peak memory, report alerts", lambda n: Memory(n, no_tool(b.report()), memory)),
        ("peak memory, diff", lambda n: Memory(n, no_tool(b.diff()), memory)),
        (
            "peak memory, import",
            lambda n: Memory(n, no_tool(b.import_inventory()), memory, b.empty_framework),
        ),
    ]


def measure(made: Made, repeat: int, untimed: bool = True) -> Row:
    return made.measure(repeat, untimed) if isinstance(made, Pair) else made.measure()


def scaling(here: list[Row], there: list[dict[str, object]], growth: float) -> list[Row]:
    """Each row's time or memory here against the same row of another run."""
    before = {str(row["name"]): row for row in there}
    scaled = []
    for row in here:
        other = before.get(row.name)
        if other is None:
            continue
        target = SCALING_SLACK * growth if row.unit == "ms" else None
        scaled.append(Row(row.name, row.ours, float(str(other["ours"])), target, row.unit))
    return scaled


def _selected(name: str, only: list[str], skip: list[str]) -> bool:
    """Whether a row is run: its name holds a word of `only` (if any) and none of `skip`."""
    if only and not any(word in name for word in only):
        return False
    return not any(word in name for word in skip)


def growth(
    big: Bench,
    small: Bench,
    only: list[str],
    repeat: int,
    untimed: bool,
    skip: list[str] | None = None,
) -> list[Row]:
    """Each selected pair's journeyctl command at both sizes, runs alternating, so that load
    that comes and goes on a shared machine weighs on both sizes alike."""
    grown = []
    for (name, make_big), (_, make_small) in zip(rows(big), rows(small), strict=True):
        if not _selected(name, only, skip or []):
            continue
        at_big, at_small = make_big(name), make_small(name)
        if isinstance(at_big, Pair) and isinstance(at_small, Pair):
            target = SCALING_SLACK * big.journeys / small.journeys
            prepare = (at_big.prepare_ours, at_small.prepare_ours)
            both = Pair(name, at_big.ours, at_small.ours, target, *prepare, runs=at_big.runs)
            grown.append(both.measure(repeat, untimed))
            print(grown[-1].line(), file=sys.stderr, flush=True)
    return grown


def _table(title: str, table: list[Row]) -> str:
    head = "| command | journeyctl | reference | ratio | target |\n|---|---:|---:|---:|---|"
    return "\n".join([title, "", head, *(row.line() for row in table)])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / "work")
    parser.add_argument("--json", type=Path, help="write the rows to this file")
    parser.add_argument("--scale-from", type=Path, help="the --json rows of a smaller run")
    parser.add_argument("--only", nargs="*", default=[], help="rows whose name holds a word")
    parser.add_argument(
        "--skip", nargs="*", default=[], help="leave out the rows whose name holds a word"
    )
    parser.add_argument(
        "--no-untimed",
        action="store_true",
        help="no untimed run before a pair's timed ones (trees just generated are in the file "
        "cache already; it halves a long run at 20,000)",
    )
    parser.add_argument(
        "--grow-from",
        type=int,
        metavar="JOURNEYS",
        help="time each selected command at this many journeys and at --journeys, alternating "
        "runs, and print how its time grew (no memory rows)",
    )
    args = parser.parse_args()

    bench = Bench(args.journeys, args.seed, args.work)
    if args.grow_from:
        _grow(bench, Bench(args.grow_from, args.seed, args.work), args)
        return
    results = []
    try:
        for name, make in rows(bench):
            if not _selected(name, args.only, args.skip):
                continue
            results.append(measure(make(name), args.repeat, not args.no_untimed))
            print(results[-1].line(), file=sys.stderr, flush=True)
    finally:
        bench.restore()
    runs = f"median of {args.repeat} alternating runs" if args.repeat > 1 else "one run of each"
    untimed = ", no untimed run first" if args.no_untimed else ""
    title = f"{args.journeys:,} journeys x 20 steps, {runs}{untimed}"
    print(_table(title, results))
    if args.scale_from:
        earlier = json.loads(args.scale_from.read_text(encoding="utf-8"))
        growth = args.journeys / earlier["journeys"]
        scaled = scaling(results, earlier["rows"], growth)
        title = f"\n{args.journeys:,} journeys against {earlier['journeys']:,} (reference)"
        print(_table(title, scaled))
    if args.json:
        rows_json = [{**asdict(row), "ratio": row.ratio} for row in results]
        document = {
            "journeys": args.journeys,
            "repeat": args.repeat,
            "untimed": not args.no_untimed,
            "rows": rows_json,
        }
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def _grow(bench: Bench, small: Bench, args: argparse.Namespace) -> None:
    try:
        grown = growth(bench, small, args.only, args.repeat, not args.no_untimed, args.skip)
    finally:
        bench.restore()
        small.restore()
    runs = f"median of {args.repeat}" if args.repeat > 1 else "one run at each size"
    untimed = ", no untimed run first" if args.no_untimed else ""
    title = (
        f"{bench.journeys:,} journeys against {small.journeys:,} (reference), runs of the two "
        f"sizes alternating, {runs}{untimed}"
    )
    print(_table(title, grown))


if __name__ == "__main__":
    main()
