"""Rules that loading enforces: reading, parsing and the schema of each file.

They are kept apart from the cross-file checks in `journeyctl.checks` because a file
that fails them never reaches those checks.
"""

from __future__ import annotations

from journeyctl.finding import Rule, Severity

E = Severity.ERROR

YAML_SYNTAX = Rule(
    "JC001",
    "yaml-syntax",
    E,
    """The file is not valid YAML.

    It does not parse, or it uses a YAML feature that journeyctl does not read. For a
    syntax error the message is the parser's, at the place it gave up, except for a quote
    that is never closed (reported where the quote starts) and a tab where the parser
    stopped (named, with what to do: YAML indents with spaces only). Often a
    missing space after a colon, a tab used for indentation, an unclosed quote or bracket,
    or an invisible U+2028 LINE SEPARATOR that YAML reads as a line break. An explicit tag
    (`!!binary`, `!!set`, `!!int "x"`, `!!python/...`, `!foo`) is refused, never executed:
    remove the tag and write plain YAML. Only `!!str`, and a tag that changes nothing
    (`!!int 3`), are let through.
    """,
)
DUPLICATE_KEY = Rule(
    "JC002",
    "duplicate-key",
    E,
    """A key appears twice in the same mapping.

    YAML parsers silently keep the last value, so the first one would be lost without
    a word. The finding points at the second occurrence: merge the two or remove one.
    """,
)
AMBIGUOUS_BOOLEAN = Rule(
    "JC003",
    "ambiguous-boolean",
    E,
    """A word such as `no`, `yes`, `on` or `off` stands where text is expected.

    YAML 1.1 reads these as true/false, so `name: no` is not the text "no".
    Quote the value: `name: "no"`.
    """,
)
UNREADABLE_FILE = Rule(
    "JC004",
    "unreadable-file",
    E,
    """The file cannot be read as UTF-8 text: a binary file, another encoding, or an I/O error.

    Save it as UTF-8 (a byte-order mark is fine). Binary files do not belong under the root.
    A path of the tree that is not a file is named here too: a FIFO, a device, a socket, a
    broken symlink, a folder that cannot be listed, and a folder whose name ends in `.yaml`
    or `.yml`, where a file is expected (the files inside it are read all the same).
    """,
)
EMPTY_FILE = Rule(
    "JC005",
    "empty-file",
    E,
    """The file holds no YAML document (empty, or only comments).

    Fill it in (at least `id`, `name`, `phase` and `cluster` for a journey) or delete it.
    `framework.yaml` cannot be deleted, every tree needs it: fill it in (at least `name`
    and `phases`).
    """,
)
TOO_COMPLEX = Rule(
    "JC006",
    "too-complex",
    E,
    """The file is larger, deeper or expands (through YAML aliases) further than any real file.

    Refused unread so that a hostile or broken file cannot exhaust memory or time.
    Limits: 5 MiB a file, 200 levels of nesting, 100,000 keys and values (counted before
    the file's data is built, and again with every YAML alias written out).
    """,
)
MISSING_FRAMEWORK = Rule(
    "JC007",
    "missing-framework",
    E,
    """The root has no `framework.yaml`.

    Every tree needs one: it defines the phases, clusters and vocabularies that the
    journeys refer to. It needs at least `name` and `phases`; `journeyctl schema` has
    every field. Where the root holds a `framework.yml`, the finding says to rename it:
    only `.yaml` files are read. A `framework.yaml` that is there but cannot be read (a
    folder, a FIFO) is named by its own finding (JC004) instead.
    """,
)
IGNORED_FILE = Rule(
    "JC008",
    "ignored-file",
    Severity.WARNING,
    """A `.yml` file under the root is not read.

    Only `*.yaml` files are journeys, improvements or the framework; a `.yml` file would
    be silently left out of validation and ranking. Rename it to `.yaml`.
    """,
)
NOT_A_MAPPING = Rule(
    "JC100",
    "not-a-mapping",
    E,
    """The file's top level is not a mapping of keys to values (a list or a bare value).

    A journey file starts with `id:`, `name:`, ...; see `journeyctl schema`.
    """,
)
UNKNOWN_KEY = Rule(
    "JC101",
    "unknown-key",
    E,
    """A key that the schema does not know, usually a typo.

    The message suggests the nearest known key. Files are strict so that a misspelt
    key never silently drops data.
    """,
)
MISSING_KEY = Rule(
    "JC102",
    "missing-key",
    E,
    """A required key is missing, e.g. a journey without `phase` or a step without `name`.""",
)
INVALID_VALUE = Rule(
    "JC103",
    "invalid-value",
    E,
    """A value of the wrong type or outside its allowed values.

    Examples: text where a number is expected, an emotion outside 1..5, an id that is
    not a slug (lowercase letters, digits, hyphens), a period that is not YYYY, YYYY-Qn
    or YYYY-MM (ASCII digits, a year from 1900 to 2999), a status that is not one of the
    listed ones, a date that does not exist (`2025-02-30`), a key that is a number or a
    date where a name is expected.

    Every number is finite and below 1,000,000,000,000: `.inf`, `.nan` and larger
    numbers are refused. A number must be written in plain decimal digits: YAML 1.1 reads
    `1:30` as 90, `010` as 8, `0x1F` as 31 and `1_000` as 1000, where other tools read
    text or another number. Write `90`, or quote the value if it is text.
    """,
)

LOAD_RULES = (
    YAML_SYNTAX,
    DUPLICATE_KEY,
    AMBIGUOUS_BOOLEAN,
    UNREADABLE_FILE,
    EMPTY_FILE,
    TOO_COMPLEX,
    MISSING_FRAMEWORK,
    IGNORED_FILE,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    MISSING_KEY,
    INVALID_VALUE,
)
