"""Which journeys first: the ranking for step 2 and the steering meeting.

`rank(framework, journeys, RankOptions(...)) -> Ranking`: the engine is in `engine`, the
data in `ranking`, the period rule in `periods`, and what a person typed (filters by id or
name, what-if weights) is turned into ids in `choices`.
"""

from journeyctl.rank.choices import parse_weights, weight_ids
from journeyctl.rank.engine import contact_share, rank
from journeyctl.rank.periods import default_period, latest_period, present_periods, ranked_period
from journeyctl.rank.ranking import (
    RANK_BY,
    Comparison,
    ContactShare,
    Filters,
    NoMatch,
    Normalise,
    RankBy,
    RankedJourney,
    Ranking,
    RankOptions,
    Unranked,
)

__all__ = [
    "RANK_BY",
    "Comparison",
    "ContactShare",
    "Filters",
    "NoMatch",
    "Normalise",
    "RankBy",
    "RankOptions",
    "RankedJourney",
    "Ranking",
    "Unranked",
    "contact_share",
    "default_period",
    "latest_period",
    "parse_weights",
    "present_periods",
    "rank",
    "ranked_period",
    "weight_ids",
]
