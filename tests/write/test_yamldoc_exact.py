"""New YAML documents, exactly: the whole of each refusal."""

from __future__ import annotations

import math

import pytest

from journeyctl.write import WriteError, housestyle, new_yaml, roundtrip


@pytest.mark.parametrize("value", [10**30, -(10**31), 2**200])
def test_a_number_the_loader_cannot_read_is_refused_in_full(value: int) -> None:
    with pytest.raises(WriteError) as raised:
        new_yaml({"x": value})
    assert str(raised.value) == (
        f"cannot write the number {value}: it is larger than journeyctl reads in a file; "
        "write a smaller number or leave the field out"
    )


@pytest.mark.parametrize(
    ("value", "text"), [(math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf")]
)
def test_a_float_that_is_not_finite_is_refused_in_full(value: float, text: str) -> None:
    with pytest.raises(WriteError) as raised:
        new_yaml({"x": value})
    assert str(raised.value) == (
        f"cannot write the number {text}: journey files hold finite numbers only; "
        "write a real value or leave the field out"
    )


def test_a_document_that_would_read_back_differently_is_refused_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for writer in (roundtrip, housestyle):  # quoting gone wrong
        monkeypatch.setattr(writer, "string_style", lambda value: None)
    monkeypatch.setattr(housestyle, "_text", housestyle._text.__wrapped__)  # not its cache
    with pytest.raises(WriteError) as raised:
        new_yaml({"answer": "no"})
    assert str(raised.value) == (
        "journeyctl could not write this data so that it reads back the same; nothing was "
        "written; please report this as a bug with the data you gave"
    )
