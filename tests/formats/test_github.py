"""GitHub workflow commands: no text from a file can start a line of its own."""

from __future__ import annotations

from journeyctl.formats import github
from journeyctl.formats._safe import is_unsafe
from journeyctl.formats.base import Settings
from tests.formats.conftest import finding_quoting, validation_of


def test_no_file_content_starts_a_line(hostile: str) -> None:
    finding = finding_quoting(hostile, file=f"x/{hostile}.yaml")
    lines = github.report(
        validation_of(finding, finding_quoting("second")), Settings()
    ).splitlines()
    assert len(lines) == 3
    assert all(line.startswith("::warning file=x/") for line in lines[:1])
    assert lines[1].startswith("::warning file=klant-zijn/ik-betaal.yaml,")
    assert lines[2] == "journeyctl: 0 error(s), 2 warning(s) in 2 journey file(s)"
    assert not any(is_unsafe(char) for char in "".join(lines))


def test_a_forged_command_stays_inside_the_message() -> None:
    output = github.report(validation_of(finding_quoting("Ik betaal\n::error::forged")), Settings())
    assert output.splitlines()[0] == (
        "::warning file=klant-zijn/ik-betaal.yaml,line=2,col=7,title=JC303::"
        "name 'Ik betaal\\n::error::forged' looks like a variant"
    )


def test_properties_and_data_escape_as_github_reads_them() -> None:
    finding = finding_quoting("100%", file="a,b:c%.yaml")
    line = github.report(validation_of(finding), Settings()).splitlines()[0]
    assert line.startswith("::warning file=a%2Cb%3Ac%25.yaml,line=2,col=7,title=JC303::")
    assert line.endswith("::name '100%25' looks like a variant")
