"""The one writer for every file journeyctl writes.

- `atomic`: `write_text`, `write_under`, `write_files` (atomic, never outside a base folder;
  several files all or nothing), `sync_folders` (one sync per folder after many writes).
- `targets`: `check_target`, `check_folder`: what a write may replace (a missing or regular
  file only), checked before the first write; `refuse_in_tree`: not into the journeys tree.
- `litter`: the temporary files' names, and removing those a killed write left.
- `folder`: `write_folder`, a set of files into a folder all or nothing (a rendered site).
- `create`: `create_file`, `create_files`: new files that never replace one (`new`, `init`).
- `layout`: where a new journey goes (`journey_file`) and the modeline that binds its schema.
- `repository`: the git repository `init` makes where there is none.
- `yamldoc`: `new_yaml` for a new document, `edit_yaml` for a round-trip edit, `one_line`
  for a short list written `[a, b]`, `check_reads_back` for a new document whose reading
  back its caller does.
- `housestyle`: a new document of plain data written as ruamel.yaml writes it, faster.
- `edit`: `set_value`, `child_map`, `child_list`, `append_item`, `upsert_item`, used inside an
  edit.
- `roundtrip`: ruamel set up so that bare text read stays bare and text added is quoted.
- `scalars`: the quoting that makes the loader read back what was written.
- `same`: `same_data`, equality as the loader tells kinds apart.
"""

from journeyctl.write.atomic import (
    contained_path,
    sync_folders,
    write_bytes,
    write_files,
    write_text,
    write_under,
)
from journeyctl.write.create import create_file, create_files
from journeyctl.write.edit import append_item, child_list, child_map, set_value, upsert_item
from journeyctl.write.folder import write_folder
from journeyctl.write.layout import SCHEMAS_FOLDER, journey_file, modeline
from journeyctl.write.same import same_data
from journeyctl.write.targets import WriteError, check_folder, check_target, refuse_in_tree
from journeyctl.write.yamldoc import check_reads_back, edit_yaml, new_json, new_yaml, one_line

__all__ = [
    "SCHEMAS_FOLDER",
    "WriteError",
    "append_item",
    "check_folder",
    "check_reads_back",
    "check_target",
    "child_list",
    "child_map",
    "contained_path",
    "create_file",
    "create_files",
    "edit_yaml",
    "journey_file",
    "modeline",
    "new_json",
    "new_yaml",
    "one_line",
    "refuse_in_tree",
    "same_data",
    "set_value",
    "sync_folders",
    "upsert_item",
    "write_bytes",
    "write_files",
    "write_folder",
    "write_text",
    "write_under",
]
