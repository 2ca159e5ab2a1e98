"""`journeyctl schema`: the JSON Schemas of the three file kinds, on stdout or into a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import error_line, output
from journeyctl.errors import EXIT_OK, UsageError

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl schema --out schemas",
    "journeyctl schema",
)


def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Write framework/journey/improvement .schema.json files here.",
        ),
    ] = None,
    root: shared.HiddenRootOption = shared.DEFAULT_ROOT,  # every command takes --root; this one needs none
) -> int:
    """JSON Schemas (draft 2020-12) of the framework, journey and improvement files."""
    import json

    from journeyctl.schema import SCHEMA_MODELS, json_schema, schema_files

    if out is None:
        schemas = {kind: json_schema(kind) for kind in SCHEMA_MODELS}
        output(json.dumps(schemas, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from journeyctl.write import write_files

    if out.is_file():
        raise UsageError(f"cannot write schemas to '{out}': it is a file; pass a folder to --out")
    # A device, a FIFO or a socket is refused by the writer, which checks every file first.
    for path in write_files(out, schema_files()):
        error_line(f"wrote {path}")
    return EXIT_OK
