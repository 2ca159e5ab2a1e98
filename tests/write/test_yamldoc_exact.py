"""New YAML documents, exactly: the whole of each refusal."""

from __future__ import annotations

import pytest

from journeyctl.write import WriteError, new_yaml


@pytest.mark.parametrize("value", [10**30, -(10**31), 2**200])
def test_a_number_the_loader_cannot_read_is_refused_in_full(value: int) -> None:
    with pytest.raises(WriteError) as raised:
        new_yaml({"x": value})
    assert str(raised.value) == (
        f"cannot write the number {value}: it is larger than journeyctl reads in a file; "
        "write a smaller number or leave the field out"
    )
