"""`journeyctl new` and `journeyctl init`: what they make, and from what.

- `journey`: `new_journey`, a journey file placed by the convention in a framework checked
  first, never over another file, with the warnings its name deserves.
- `repository`: `init_repository`, a framework repository that validates, checks pull
  requests and binds the JSON Schemas from the first commit; `init_files`, its files by path.
- `source`: where this journeyctl was installed from, which the CI configuration pins.
- `templates`: the files under `templates/` (the CI configurations, pre-commit, .gitignore,
  the README and the example per language), shipped with the package.

The writing itself is `journeyctl.write`'s (`create_file`, `create_files`, `make_repository`).
"""

from journeyctl.scaffold.journey import FrameworkHasErrors, NewJourney, new_journey
from journeyctl.scaffold.repository import (
    CI,
    CI_FILES,
    Initialised,
    Language,
    init_files,
    init_repository,
)
from journeyctl.scaffold.source import PLACEHOLDER, Source, installed_from

__all__ = [
    "CI",
    "CI_FILES",
    "PLACEHOLDER",
    "FrameworkHasErrors",
    "Initialised",
    "Language",
    "NewJourney",
    "Source",
    "init_files",
    "init_repository",
    "installed_from",
    "new_journey",
]
