"""What a person typed, as ids: what-if weights (`ID=W`), statuses and filter values.

Each refusal is asserted whole, as the command line shows it (`--weights ...`): the
option a message is about is part of what the user reads.
"""

from __future__ import annotations

import pytest

from journeyctl.errors import UsageError
from journeyctl.model import Framework
from journeyctl.rank import Filters
from journeyctl.rank.choices import (
    display_name,
    parse_weights,
    resolve_filters,
    resolve_status,
    resolve_weights,
)
from tests.conftest import as_shown

# Weights: customers 1, contacts 1, belang 2, wet 0 (so wet drops out unless set).
FRAMEWORK = Framework.model_validate(
    {
        "name": "T",
        "phases": [{"id": "p", "name": "P"}],
        "clusters": [{"id": "c", "name": "C", "phase": "p"}],
        "criteria": [
            {"id": "belang", "name": "Belang", "kind": "scale", "weight": 2},
            {"id": "wet", "name": "Wet", "kind": "yes-no", "weight": 0},
        ],
    }
)
VALID = "customers, contacts, belang, wet"
# As a person may write them: each id with its name in the framework's language.
NAMED = "customers (Customers), contacts (Contacts), belang (Belang), wet (Wet)"


def refusal(error: pytest.ExceptionInfo[UsageError]) -> str:
    return as_shown(error.value)


def test_pairs_become_weights() -> None:
    assert parse_weights(FRAMEWORK, [" contacts = 2.5 ", "wet=1"]) == {"contacts": 2.5, "wet": 1.0}
    assert parse_weights(FRAMEWORK, []) == {}


@pytest.mark.parametrize(
    ("pair", "weights"),
    [
        ("klanten=2", {"customers": 2.0}),
        ("Contacten=3", {"contacts": 3.0}),
        ("Customers=4", {"customers": 4.0}),
        ("BELANG=1", {"belang": 1.0}),
        ("Wét=0.5", {"wet": 0.5}),
    ],
)
def test_a_weight_may_be_named_as_people_name_it(pair: str, weights: dict[str, float]) -> None:
    assert parse_weights(FRAMEWORK, [pair]) == weights


def test_a_misspelt_name_is_matched_against_the_names_too() -> None:
    dutch = FRAMEWORK.model_copy(update={"language": "nl"})
    with pytest.raises(UsageError) as error:
        parse_weights(dutch, ["klantn=2"])
    assert refusal(error) == (
        "--weights 'klantn=2': 'klantn' is not a weight; did you mean 'klanten'? valid: "
        "customers (Klanten), contacts (Contacten), belang (Belang), wet (Wet)"
    )


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        # No `=`, no id before it, no number after it: each is not ID=W.
        ("contacts", f"'contacts' is not ID=W; write for example contacts=2 (valid: {NAMED})"),
        ("=2", f"'=2' is not ID=W; write for example contacts=2 (valid: {NAMED})"),
        (
            "contacts=",
            f"'contacts=' is not ID=W; write for example contacts=2 (valid: {NAMED})",
        ),
        (
            "contact=2",
            f"'contact=2': 'contact' is not a weight; did you mean 'contacts'? valid: {NAMED}",
        ),
        ("zzz=2", f"'zzz=2': 'zzz' is not a weight; valid: {NAMED}"),
        # The first `=` splits: the rest is the value.
        ("contacts=2=3", "'contacts=2=3': '2=3' is not a number; write for example contacts=2"),
        ("belang=veel", "'belang=veel': 'veel' is not a number; write for example belang=2"),
        (
            "contacts=-1",
            f"contacts=-1: a weight is a finite number from 0 to below 10^12 (valid ids: {VALID})",
        ),
        (
            "contacts=nan",
            f"contacts=nan: a weight is a finite number from 0 to below 10^12 (valid ids: {VALID})",
        ),
        (
            "belang=1e12",
            f"belang=1e+12: a weight is a finite number from 0 to below 10^12 (valid ids: {VALID})",
        ),
    ],
)
def test_a_malformed_pair_is_refused_naming_the_valid_ids(pair: str, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_weights(FRAMEWORK, ["customers=1", pair])
    assert refusal(raised) == f"--weights {message}"


def test_a_weight_just_below_the_limit_is_taken() -> None:
    assert parse_weights(FRAMEWORK, ["contacts=999999999999"]) == {"contacts": 999999999999.0}


def test_overrides_apply_in_the_framework_order_and_zero_criteria_drop_out() -> None:
    assert resolve_weights(FRAMEWORK, {}) == {"customers": 1.0, "contacts": 1.0, "belang": 2.0}
    weights = resolve_weights(FRAMEWORK, {"wet": 3.0, "customers": 0.0, "belang": 0.0})
    # customers and contacts stay at 0; a criterion at 0 counts for nothing and is dropped.
    assert list(weights.items()) == [("customers", 0.0), ("contacts", 1.0), ("wet", 3.0)]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"gewicht": 1.0}, f"'gewicht' is not a weight; valid: {VALID}"),
        (
            {"contacts": -0.5},
            "contacts=-0.5: a weight is a finite number from 0 to below 10^12 "
            f"(valid ids: {VALID})",
        ),
        (
            {"wet": 1e12},
            f"wet=1e+12: a weight is a finite number from 0 to below 10^12 (valid ids: {VALID})",
        ),
    ],
)
def test_bad_overrides_are_refused(overrides: dict[str, float], message: str) -> None:
    with pytest.raises(UsageError) as raised:
        resolve_weights(FRAMEWORK, overrides)
    assert refusal(raised) == f"--weights {message}"


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("listed", "listed"),
        ("RETIRED", "retired"),
        ("wordt gevolgd", "monitoring"),
        ("Geïnventariseerd", "listed"),
        ("geinventariseerd", "listed"),
    ],
)
def test_a_status_by_its_value_or_dutch_label(written: str, status: str) -> None:
    assert resolve_status(written) == status


def test_an_unknown_status_lists_every_status_with_its_label() -> None:
    with pytest.raises(UsageError) as raised:
        resolve_status("klaar")
    assert refusal(raised) == (
        "--status 'klaar' is not a journey status; known: listed (geïnventariseerd), "
        "mapped (in kaart gebracht), improving (wordt verbeterd), monitoring (wordt gevolgd), "
        "retired (vervallen)"
    )


@pytest.mark.parametrize("option", ["team", "persona", "owner"])
def test_a_filter_on_a_list_the_framework_does_not_have_says_so(option: str) -> None:
    with pytest.raises(UsageError) as raised:
        resolve_filters(FRAMEWORK, Filters(**{option: "x"}))
    assert refusal(raised) == f"--{option} 'x': framework.yaml defines no {option} yet"


def test_filters_become_ids() -> None:
    filters = resolve_filters(FRAMEWORK, Filters(phase="P", cluster="c", status="vervallen"))
    assert (filters.phase, filters.cluster, filters.status) == ("p", "c", "retired")
    assert (filters.owner, filters.team, filters.persona) == (None, None, None)


def test_filters_take_an_alias_as_they_take_a_name() -> None:
    framework = Framework.model_validate(
        {
            "name": "T",
            "phases": [{"id": "p", "name": "P", "aliases": ["Klantfase"]}],
            "clusters": [{"id": "c", "name": "C", "phase": "p", "aliases": ["Billing"]}],
            "owners": [{"id": "ann", "name": "Ann de Vries", "aliases": ["A. de Vries"]}],
        }
    )
    written = Filters(phase="klantfase", cluster="BILLING", owner="a de vries")
    filters = resolve_filters(framework, written)
    assert (filters.phase, filters.cluster, filters.owner) == ("p", "c", "ann")


def test_an_id_the_framework_does_not_define_is_shown_as_it_is() -> None:
    assert display_name(FRAMEWORK, "phase", "p") == "P"
    assert display_name(FRAMEWORK, "phase", "gone") == "gone"
