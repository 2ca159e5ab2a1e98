from __future__ import annotations

import json
from pathlib import Path

# Strings that a careless writer gets wrong: YAML 1.1 words and numbers, syntax, escapes.
HOSTILE = json.loads((Path(__file__).parent / "hostile_strings.json").read_text(encoding="utf-8"))
