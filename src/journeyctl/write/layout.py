"""Where new files go, so that `new` and `import` place a journey alike and an editor finds
its schema: a journey at `<phase>/<cluster>/<id>.yaml` under the root, the JSON Schemas in
`schemas/` beside the root, and the yaml-language-server modeline that binds a file's schema
by a path relative to the file (`../../../schemas/journey.schema.json`), so that an editor
checks it offline.
"""

from __future__ import annotations

import os
from pathlib import Path

SCHEMAS_FOLDER = "schemas"


def journey_file(phase: str, cluster: str, id_: str) -> str:
    """Where a journey goes by the convention of import and new: `<phase>/<cluster>/<id>.yaml`."""
    return f"{phase}/{cluster}/{id_}.yaml"


def modeline(schema: str, file: Path, schemas: Path) -> str:
    """The yaml-language-server modeline binding `schema` by its path relative to `file`."""
    relative = os.path.relpath(schemas / f"{schema}.schema.json", file.parent)
    return f"yaml-language-server: $schema={Path(relative).as_posix()}"
