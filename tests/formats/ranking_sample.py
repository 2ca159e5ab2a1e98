"""A small ranking as the engine would build it, for the tests of the ranking's formats.

Four journeys of a fictional Dutch organisation in 2025, compared with 2024, ranked with
a what-if weight (contacts 2, the framework says 1). The terms and scores are worked out
by hand: weights customers 1, contacts 2, strategisch 1 (sum 4); maxima 1,250,000
customers, 415,000 contacts, strategisch 5; a term is 100 x weight x value / max / 4.

    ik-ontvang-mijn-jaarafrekening  25.00 + 50.00 + 20 = 95.0   2024: 2nd  -> up 1
    ik-word-klant                    1.90 +  4.85 + 25 = 31.7   2024: none -> new
    ik-verhuis (estimated, no crit.) 6.20 + 21.99 +  0 = 28.2   2024: 1st  -> down 2
    ik-zeg-op                        1.20 +  1.45 + 10 = 12.6   2024: 4th  -> the same
"""

from __future__ import annotations

from dataclasses import replace

from journeyctl.rank import Comparison, ContactShare, RankedJourney, Ranking, Unranked
from journeyctl.text import Lang

JOURNEYS = [
    RankedJourney(
        rank=1,
        id="ik-ontvang-mijn-jaarafrekening",
        name="Ik ontvang mijn jaarafrekening",
        phase="klant-zijn",
        cluster="facturatie",
        owner="marieke",
        customers=1_250_000,
        contacts=415_000,
        contact_rate=0.332,
        score=95.0,
        terms={"customers": 25.0, "contacts": 50.0, "strategisch": 20.0},
        status="improving",
        phase_name="Klant zijn",
        cluster_name="Facturatie en betalen",
        owner_name="Marieke de Vries",
        compare=Comparison("2024", 2, 1_200_000, 398_000, 0.3317),
    ),
    RankedJourney(
        rank=2,
        id="ik-word-klant",
        name="Ik word klant en sluit een contract af",
        phase="klant-worden",
        cluster="aanmelden",
        owner="jan-willem",
        customers=95_000,
        contacts=40_250,
        contact_rate=0.4237,
        score=31.7,
        terms={"customers": 1.9, "contacts": 4.85, "strategisch": 25.0},
        status="listed",
        phase_name="Klant worden",
        cluster_name="Aanmelden en contract",
        owner_name="Jan-Willem van den Berg",
        compare=None,
    ),
    RankedJourney(
        rank=3,
        id="ik-verhuis",
        name="Ik verhuis",
        phase="klant-zijn",
        cluster="wijzigingen",
        owner=None,
        customers=310_000,
        contacts=182_500,
        contact_rate=0.5887,
        score=28.2,
        terms={"customers": 6.2, "contacts": 21.99, "strategisch": 0.0},
        missing_criteria=["strategisch"],
        status="mapped",
        phase_name="Klant zijn",
        cluster_name="Wijzigingen doorgeven",
        estimated=("customers",),
        compare=Comparison("2024", 1, 300_000, 190_000, 0.6333),
    ),
    RankedJourney(
        rank=4,
        id="ik-zeg-op",
        name="Ik zeg mijn contract op",
        phase="klant-af",
        cluster="opzeggen",
        owner="fatma",
        customers=60_000,
        contacts=12_000,
        contact_rate=0.2,
        score=12.6,
        terms={"customers": 1.2, "contacts": 1.45, "strategisch": 10.0},
        status="monitoring",
        phase_name="Klant af",
        cluster_name="Opzeggen",
        owner_name="Fatma Yılmaz",  # noqa: RUF001 (a Turkish name, not a typo)
        compare=Comparison("2024", 4, 58_000, 12_500, 0.2155),
    ),
]

UNRANKED = [
    Unranked.because(
        "ik-dien-een-klacht-in",
        "Ik dien een klacht in",
        "no_volumes_for",
        period="2025",
        others="2024",
    ),
    Unranked.because("ik-ontvang-papieren-post", "Ik ontvang papieren post", "retired"),
]


def sample(lang: Lang = "en", *, compare: bool = False) -> Ranking:
    """The sample ranking in `lang`; with `compare`, against 2024."""
    journeys = JOURNEYS if compare else [replace(j, compare=None) for j in JOURNEYS]
    return Ranking(
        period="2025",
        by="score",
        weights={"customers": 1.0, "contacts": 2.0, "strategisch": 1.0},
        journeys=list(journeys),
        unranked=list(UNRANKED),
        compare_period="2024" if compare else None,
        framework_weights={"customers": 1.0, "contacts": 1.0, "strategisch": 1.0},
        language=lang,
        # 415,000 + 40,250 + 182,500 + 12,000 of 1,048,000 contacts: 62%.
        contact_share=ContactShare(covered=649_750, total=1_048_000),
        criteria_names={"strategisch": "Strategisch belang"},
    )
