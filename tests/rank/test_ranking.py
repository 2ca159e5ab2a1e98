"""A ranking's JSON shape and the what-if weights it reports, on rankings built by hand."""

from __future__ import annotations

from journeyctl.rank import Comparison, ContactShare, RankedJourney, Ranking

JOURNEY = RankedJourney(
    rank=1,
    id="a",
    name="A",
    phase="p",
    cluster="c",
    owner=None,
    customers=10,
    contacts=4,
    contact_rate=0.4,
    score=100.0,
    terms={"customers": 50.0, "contacts": 50.0},
    missing_criteria=["belang"],
    status="mapped",
    phase_name="Phase P",
    estimated=("customers", "contacts"),
)


def ranking(**changes: object) -> Ranking:
    fields: dict[str, object] = {
        "period": "2025",
        "by": "score",
        "weights": {"customers": 1.0, "contacts": 1.0},
        "journeys": [JOURNEY],
        "unranked": [],
    }
    fields.update(changes)
    return Ranking(**fields)  # type: ignore[arg-type]


def test_every_field_of_a_journey_in_json_and_no_display_name() -> None:
    assert ranking().to_dict() == {
        "period": "2025",
        "by": "score",
        "weights": {"customers": 1.0, "contacts": 1.0},
        "journeys": [
            {
                "rank": 1,
                "id": "a",
                "name": "A",
                "phase": "p",
                "cluster": "c",
                "owner": None,
                "status": "mapped",
                "customers": 10,
                "contacts": 4,
                "contact_rate": 0.4,
                "estimated": ["customers", "contacts"],
                "score": 100.0,
                "missing_criteria": ["belang"],
            }
        ],
        "unranked": [],
    }


def test_explain_adds_the_terms_and_compare_the_compared_figures() -> None:
    compared = Comparison("2024", 2, 8, 2, 0.25)
    journey = RankedJourney(**{**JOURNEY.__dict__, "compare": compared})
    data = ranking(journeys=[journey], compare_period="2024").to_dict(explain=True)
    assert data["compare_period"] == "2024"
    (entry,) = data["journeys"]  # type: ignore[misc]
    assert entry["terms"] == {"customers": 50.0, "contacts": 50.0}
    assert entry["compare"] == {
        "period": "2024",
        "rank": 2,
        "customers": 8,
        "contacts": 2,
        "contact_rate": 0.25,
        "estimated": [],
    }


def test_the_contact_share_is_rounded_to_four_places() -> None:
    data = ranking(contact_share=ContactShare(1, 3)).to_dict()
    assert data["contact_share"] == {"covered": 1, "total": 3, "share": 0.3333}
    assert ContactShare(0, 0).share == 0.0


def test_changed_weights_in_the_framework_order_then_the_new_ones() -> None:
    # customers changed, contacts not; zeta (the framework's) dropped to 0; beta added.
    # Alphabetically beta would come first and zeta last, but the framework's order rules.
    changed = ranking(
        framework_weights={"customers": 1.0, "contacts": 1.0, "zeta": 2.0},
        weights={"customers": 2.0, "contacts": 1.0, "beta": 1.0},
    ).changed_weights()
    assert list(changed.items()) == [
        ("customers", (1.0, 2.0)),
        ("zeta", (2.0, 0.0)),
        ("beta", (0.0, 1.0)),
    ]


def test_without_the_framework_weights_nothing_is_reported_changed() -> None:
    assert ranking(weights={"customers": 5.0}).changed_weights() == {}
    assert "changed_weights" not in ranking(weights={"customers": 5.0}).to_dict()
