"""A journey status as a person may write it: its value as the files write it (`retired`) or
its label in any language (`vervallen`, `in kaart gebracht`), in any case, with or without
accents. `rank --status`, `new` and the Status column of `import` read a status alike."""

from __future__ import annotations

import functools
from typing import get_args

from journeyctl.model.journey import JourneyStatus
from journeyctl.text.labels import label
from journeyctl.text.languages import LANGUAGES
from journeyctl.text.names import fold

STATUSES: tuple[str, ...] = get_args(JourneyStatus)  # in the model's order


def journey_status(written: str) -> str | None:
    """The status that `written` names; None where it names none."""
    return _spellings().get(fold(written))


def other_labels(status: str) -> list[str]:
    """The status's labels that say it otherwise than its value: `in kaart gebracht`."""
    labels = (label(f"journey_status.{status}", lang) for lang in LANGUAGES)
    return [text for text in dict.fromkeys(labels) if text != status]


def status_words() -> list[str]:
    """Each status as the files write it, then its labels: what "did you mean" picks from."""
    labels = (label(f"journey_status.{s}", lang) for s in STATUSES for lang in LANGUAGES)
    return list(dict.fromkeys([*STATUSES, *labels]))


@functools.cache
def _spellings() -> dict[str, str]:
    """Every way to write a status, folded, to the status; a status's own value first."""
    spellings = {fold(status): status for status in STATUSES}
    for status in STATUSES:
        for text in other_labels(status):
            spellings.setdefault(fold(text), status)
    return spellings
