"""JSON Schemas (draft 2020-12) of the three file kinds, generated from the models, for editors."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from journeyctl.model import Framework, Improvement, Journey

DRAFT = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "framework": Framework,
    "journey": Journey,
    "improvement": Improvement,
}


def json_schema(kind: str) -> dict[str, Any]:
    model = SCHEMA_MODELS[kind]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": DRAFT,
        "$id": f"https://journeyctl.dev/schemas/{kind}.schema.json",
        **schema,
    }


def schema_files() -> dict[str, str]:
    """File name to content, exactly as `journeyctl schema --out DIR` writes them."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in SCHEMA_MODELS
    }
