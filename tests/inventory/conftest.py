from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by relative path: to show that nothing was written."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
