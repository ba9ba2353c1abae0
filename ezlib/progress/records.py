"""Facts as plain records, and the look-ups on them that pairing and the checks share.

Pairing a target, or checking an entity's figures, reads a handful of facts many times over. A
filter of a frame costs about the same for a few rows as for thousands, so at national scale
(hundreds of entities) those filters, not the work, took the time; a list of records costs
what it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

Fact = dict[str, Any]
"""One fact as a record: column name to value (Python scalars and timestamps)."""


def records(facts: pd.DataFrame, columns: Sequence[str]) -> list[Fact]:
    """Return the facts' ``columns`` as records, in the facts' order.

    Example:
        >>> frame = pd.DataFrame({"fact_id": ["a", "b"], "value": [1.5, 2.0], "note": ["", ""]})
        >>> records(frame, ["fact_id", "value"])
        [{'fact_id': 'a', 'value': 1.5}, {'fact_id': 'b', 'value': 2.0}]
    """
    return facts[list(columns)].to_dict("records")


def by_entity(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    """Split records by ``entity_id``: each entity's in their order, entities as they first come.

    Example:
        >>> split = by_entity([{"entity_id": "b"}, {"entity_id": "a"}, {"entity_id": "b"}])
        >>> {entity: len(facts) for entity, facts in split.items()}
        {'b': 2, 'a': 1}
    """
    split: dict[str, list[Fact]] = {}
    for fact in facts:
        split.setdefault(fact["entity_id"], []).append(fact)
    return split


def share_amounts(flows: Iterable[Fact], share: Fact) -> list[Fact]:
    """The flows a share of a plan ("đạt X% kế hoạch") may be of: its indicator, source, period.

    Example:
        >>> share = {"indicator": "fdi", "source_id": "s", "period_start": 1, "period_end": 2}
        >>> other = {**share, "source_id": "t"}
        >>> [f["source_id"] for f in share_amounts([share, other], share)]
        ['s']
    """
    return [
        f
        for f in flows
        if f["indicator"] == share["indicator"]
        and f["source_id"] == share["source_id"]
        and f["period_start"] == share["period_start"]
        and f["period_end"] == share["period_end"]
    ]


def distinct_values(facts: Iterable[Fact]) -> int:
    """How many different ``value``s the records hold, NaN not counted (``Series.nunique``).

    Example:
        >>> distinct_values([{"value": 1.0}, {"value": 1.0}, {"value": float("nan")}])
        1
    """
    return len({f["value"] for f in facts if not pd.isna(f["value"])})
