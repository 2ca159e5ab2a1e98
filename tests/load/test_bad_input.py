"""Bad input of every kind gets a finding with file and line, never a crash or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import validate
from journeyctl.finding import Finding
from journeyctl.load import load_tree
from tests.conftest import TODAY

JOURNEY_DIR = Path("klant-zijn/facturatie")


def _findings_for(root: Path, name: str, content: bytes) -> list[Finding]:
    target = root / JOURNEY_DIR / name
    target.write_bytes(content)
    findings = validate(load_tree(root), today=TODAY).findings
    return [f for f in findings if Path(f.file) == target]


def _only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def test_binary_file(tree_dir: Path) -> None:
    finding = _only(_findings_for(tree_dir, "plaatje.yaml", b"\x89PNG\r\n\x1a\n\0\0\0IHDR"))
    assert (finding.rule, finding.line, finding.column) == ("JC004", 3, 1)
    assert "binary file" in finding.message


def test_not_utf8(tree_dir: Path) -> None:
    content = "id: latin\nname: Ik beëindig\n".encode("latin-1")
    finding = _only(_findings_for(tree_dir, "latin.yaml", content))
    assert (finding.rule, finding.line, finding.column) == ("JC004", 2, 12)
    assert "not UTF-8" in finding.message and "save the file as UTF-8" in finding.message


def test_utf8_bom_is_valid(tree_dir: Path) -> None:
    text = "id: met-bom\nname: Ik betaal\nphase: klant-zijn\ncluster: facturatie\nowner: jan\n"
    assert _findings_for(tree_dir, "met-bom.yaml", b"\xef\xbb\xbf" + text.encode()) == []


def test_empty_file(tree_dir: Path) -> None:
    finding = _only(_findings_for(tree_dir, "leeg.yaml", b""))
    assert (finding.rule, finding.line) == ("JC005", 1)


def test_alias_bomb_is_refused_quickly(tree_dir: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    finding = _only(_findings_for(tree_dir, "bom.yaml", "\n".join(lines).encode()))
    assert finding.rule == "JC006" and "alias" in finding.message


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_is_refused_without_crashing(tree_dir: Path, opening: str) -> None:
    depth = 100_000  # deep enough to crash libyaml's composer if it were reached
    closing = "]" if opening == "[" else "}"
    content = ("name: " + opening * depth + closing * depth).encode()
    finding = _only(_findings_for(tree_dir, "diep.yaml", content))
    assert (finding.rule, finding.line) == ("JC006", 1)
    assert "nested more than" in finding.message


def test_deep_block_nesting_is_refused(tree_dir: Path) -> None:
    content = ("name:\n" + "- " * 50_000 + "x\n").encode()
    finding = _only(_findings_for(tree_dir, "diep-blok.yaml", content))
    assert finding.rule == "JC006"


def test_huge_file_is_refused_unread(tree_dir: Path) -> None:
    content = b"name: " + b"x" * (6 * 1024 * 1024)
    finding = _only(_findings_for(tree_dir, "groot.yaml", content))
    assert finding.rule == "JC006" and "over the limit" in finding.message


def test_python_tag_is_never_executed(tree_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    content = f'id: x\nname: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    findings = _findings_for(tree_dir, "tag.yaml", content)
    finding = _only([f for f in findings if f.rule == "JC001"])
    assert (finding.rule, finding.line, finding.column) == ("JC001", 2, 7)
    assert "never executed" in finding.message
    assert not marker.exists()


def test_missing_framework_is_a_finding(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").unlink()
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, Path(f.file).name) for f in findings] == [("JC007", "framework.yaml")]


def test_a_missing_framework_says_to_create_one(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").unlink()
    [finding] = validate(load_tree(tree_dir), today=TODAY).findings
    assert finding.message == (
        "no framework.yaml in the root; create one with at least name and phases (`journeyctl "
        "schema` lists every field), or pass the folder that holds it as --root"
    )


@pytest.mark.parametrize("name", ["framework.yml", "Framework.YML"])
def test_a_framework_yml_is_named_where_framework_yaml_is_missing(
    tree_dir: Path, name: str
) -> None:
    (tree_dir / "framework.yaml").rename(tree_dir / name)
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, f.message) for f in findings] == [
        (
            "JC007",
            f"no framework.yaml in the root, only {name}, which is not read (only .yaml files "
            "are); rename it to framework.yaml",
        )
    ]


def test_a_framework_yml_below_the_root_is_no_framework(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").rename(tree_dir / "klant-zijn" / "framework.yml")
    [finding] = validate(load_tree(tree_dir), today=TODAY).findings
    assert finding.rule == "JC007" and "create one" in finding.message


EMPTY_FRAMEWORK = (
    "framework.yaml holds nothing (it is empty, or only comments), and every tree needs it: "
    "fill it in with at least name and phases (`journeyctl schema` lists every field)"
)


@pytest.mark.parametrize("content", [b"", b"# only a comment\n", b"\n\n"])
def test_an_empty_framework_is_to_be_filled_in_never_deleted(
    tree_dir: Path, content: bytes
) -> None:
    (tree_dir / "framework.yaml").write_bytes(content)
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, Path(f.file).name, f.line, f.message) for f in findings] == [
        ("JC005", "framework.yaml", 1, EMPTY_FRAMEWORK)
    ]


def test_an_empty_journey_may_be_filled_in_or_deleted(tree_dir: Path) -> None:
    finding = _only(_findings_for(tree_dir, "leeg.yaml", b"# nothing yet\n"))
    assert finding.message == "the file is empty; fill it in or delete it"


def test_broken_framework_is_a_finding_at_its_line(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").write_text(
        "name: X\nphases:\n  - id: a\n   name: b\n", encoding="utf-8"
    )
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, Path(f.file).name, f.line) for f in findings] == [
        ("JC001", "framework.yaml", 4)
    ]


def test_other_files_are_unaffected_by_a_broken_one(tree_dir: Path) -> None:
    (tree_dir / JOURNEY_DIR / "kapot.yaml").write_bytes(b"id: [")
    tree = load_tree(tree_dir)
    assert sorted(d.model.id for d in tree.journeys) == ["ik-betaal", "ik-meld-me-aan"]
    assert tree.journey_files == 3


def test_merge_keys_override_without_being_duplicates() -> None:
    from journeyctl.load.yamlfile import Parsed, parse

    parsed = parse("base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\n")
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"base": {"a": 1, "b": 2}, "x": {"a": 1, "b": 3}}
    assert parsed.problems == []


def test_several_documents_in_one_file(tree_dir: Path) -> None:
    finding = _only(_findings_for(tree_dir, "twee.yaml", b"id: a\n---\nid: b\n"))
    assert (finding.rule, finding.line) == ("JC001", 2)
    assert "single document" in finding.message


def test_yml_file_is_named_not_silently_skipped(tree_dir: Path) -> None:
    (tree_dir / JOURNEY_DIR / "vergeten.yml").write_text("id: vergeten\n", encoding="utf-8")
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, f.severity.value, Path(f.file).name) for f in findings] == [
        ("JC008", "warning", "vergeten.yml")
    ]
    assert "rename it to vergeten.yaml" in findings[0].message


def test_a_journey_replaced_by_a_folder_is_named_not_taken_for_unknown(tree_dir: Path) -> None:
    journey = tree_dir / JOURNEY_DIR / "ik-betaal.yaml"
    journey.unlink()
    journey.mkdir()
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    # The improvement that names ik-betaal is not told the journey is unknown: it is there,
    # as a folder, which is the one finding.
    assert [(f.rule, f.severity.value, Path(f.file)) for f in findings] == [
        ("JC004", "error", journey)
    ]
    assert findings[0].message.startswith("a folder where a YAML file is expected")


def test_an_improvement_replaced_by_a_folder_is_an_error_not_gone(tree_dir: Path) -> None:
    improvement = tree_dir / "improvements" / "betaallink.yaml"
    improvement.unlink()
    improvement.mkdir()
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, f.severity.value, Path(f.file)) for f in findings] == [
        ("JC004", "error", improvement)
    ]


def test_the_framework_replaced_by_a_folder_is_named_not_called_missing(tree_dir: Path) -> None:
    framework = tree_dir / "framework.yaml"
    framework.unlink()
    framework.mkdir()
    findings = validate(load_tree(tree_dir), today=TODAY).findings
    assert [(f.rule, Path(f.file)) for f in findings] == [("JC004", framework)]
    assert findings[0].message.startswith("a folder where a YAML file is expected")


def test_alias_to_itself(tree_dir: Path) -> None:
    finding = _only(_findings_for(tree_dir, "zelf.yaml", b"id: zelf\nsteps: &s [*s]\n"))
    assert (finding.rule, finding.line, finding.column) == ("JC001", 2, 8)
    assert "alias refers to the list or mapping it stands in" in finding.message


def test_control_character(tree_dir: Path) -> None:
    finding = _only(_findings_for(tree_dir, "bel.yaml", b"id: bel\nname: Ik\x07 bel\n"))
    assert (finding.rule, finding.line, finding.column) == ("JC001", 2, 9)
    assert "#x0007 is not allowed" in finding.message


# Bounded work: large files give their findings or a clean pass, without timing anything.
# The sizes are a tenth of what was tried by hand (300,000 keys, 100,000 items, 4 MB values),
# so that each test stays quick on a slow machine.
HEAD = "id: groot\nname: Ik betaal\nphase: klant-zijn\ncluster: facturatie\nowner: jan\n"


@pytest.mark.slow
def test_many_unknown_keys(tree_dir: Path) -> None:
    content = HEAD + "".join(f"sleutel{i}: {i}\n" for i in range(30_000))
    findings = _findings_for(tree_dir, "groot.yaml", content.encode())
    unknown = [f for f in findings if f.rule == "JC101"]
    assert unknown and unknown[0].line == 6 and unknown[0].column == 1
    assert "unknown key 'sleutel0'" in unknown[0].message


def test_one_value_of_megabytes(tree_dir: Path) -> None:
    content = HEAD + "goal: " + "x" * 4_000_000 + "\n"
    assert _findings_for(tree_dir, "groot.yaml", content.encode()) == []


def test_one_wrong_value_of_megabytes_is_shown_short(tree_dir: Path) -> None:
    content = HEAD + "status: " + "x" * 4_000_000 + "\n"
    finding = _only(_findings_for(tree_dir, "groot.yaml", content.encode()))
    assert (finding.rule, finding.line, finding.column) == ("JC103", 6, 9)
    assert len(finding.message) < 300


def test_a_long_unknown_key_is_shown_short(tree_dir: Path) -> None:
    content = HEAD + "y" * 1_000 + ": 1\n"  # libyaml allows simple keys up to 1,024 characters
    finding = _only(_findings_for(tree_dir, "groot.yaml", content.encode()))
    assert finding.rule == "JC101" and len(finding.message) < 300


@pytest.mark.slow
def test_many_list_items_with_errors(tree_dir: Path) -> None:
    content = HEAD + "steps:\n" + "".join("  - {name: s, emotion: 9}\n" for _ in range(10_000))
    findings = _findings_for(tree_dir, "groot.yaml", content.encode())
    assert findings[0].rule == "JC103" and (findings[0].line, findings[0].column) == (7, 24)


def test_many_valid_list_items(tree_dir: Path) -> None:
    content = HEAD + "links:\n" + "".join(f"  - JIRA-{i}\n" for i in range(20_000))
    assert _findings_for(tree_dir, "groot.yaml", content.encode()) == []


@pytest.mark.parametrize(
    "content",
    [
        "".join(" " * level + f"k{level}:\n" for level in range(300)) + " " * 300 + "v\n",
        "a:\n" + "".join(" " * (2 * level) + f"- k{level}:\n" for level in range(250)),
        "? " * 250 + "x\n",
        "x:\r" + "".join(" " * level + f"k{level}:\r" for level in range(300)),
        "x: '\u2028'\n" + "".join(" " * level + f"k{level}:\u2028" for level in range(300)),
        "a:\n" + "- " * 70 + "[" * 140 + "]" * 140 + "\n",
    ],
    ids=["indentation", "lists-in-mappings", "complex-keys", "cr-lines", "u2028-lines", "mixed"],
)
def test_deep_nesting_of_any_shape_is_refused(tree_dir: Path, content: str) -> None:
    finding = _only(_findings_for(tree_dir, "diep-vorm.yaml", content.encode()))
    assert finding.rule == "JC006" and "nested more than 200 levels" in finding.message
