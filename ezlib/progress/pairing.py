"""Pair each target with the actual that measures it: the evidence behind "how far along?".

A pair is one row of the table that :func:`ezlib.methods.assess.assess` reads: pairing writes
exactly its input columns (:data:`ASSESS_COLUMNS`) beside the ids and quotes of the facts that
went in (:data:`EVIDENCE_COLUMNS`), so a zone's progress is ``pairs.join(assess(pairs))``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ezlib.data.facts import FACT_COLUMNS
from ezlib.data.reference import load_entities
from ezlib.progress.currency import to_usd
from ezlib.progress.records import Fact, by_entity, distinct_values, records, share_amounts
from ezlib.vocabulary import CAVEATS

EVIDENCE_COLUMNS = (
    "target_fact_id",
    "target_source",
    "restated_fact_ids",
    "entity_id",
    "indicator",
    "target_measure",
    "target_quote",
    "target_reported_value",
    "target_reported_value_high",
    "target_reported_unit",
    "actual_fact_ids",
    "actual_quote",
    "actual_end",
    "actual_years",
    "pairing",
    "baseline_fact_id",
    "history",
    "caveats",
    "scope_change",
    "later_fact_ids",
    "later_value",
    "later_end",
)
"""What was paired: the target's id, source, the ids of the same target as other sources
restate it (a list: :func:`restatements`), entity (a zone, or one of its parks), measure
(``implied`` for a plan implied by "đạt X% kế hoạch"), quote and figure as reported (in its
own currency); the actuals' ids (a list), quotes and end date, the latest the data holds; how
they were paired; the baseline's id; ``history``, the earlier readings of the same target
(each a dict of ``fact_ids``, ``end``, ``value``, ``qualifier``, ``decimals``, ``scale``, and
``stated_share`` for the amount an implied plan's share was stated for); the caveats of every
fact used
(:data:`ezlib.vocabulary.CAVEATS`); ``scope_change``, which change of scope a pair crosses
("hp-zones → hp-zones-2025 from 2025-07-01": a target set before the 2025 provincial merger
measured with figures of the merged unit, or a merged unit's target in the report of a zone it
absorbed), empty when none; and for an implied plan, the flows past the achieved amount
that the stated share was for (``later_*``)."""

ASSESS_COLUMNS = (
    "target_value",
    "target_value_high",
    "target_qualifier",
    "target_decimals",
    "target_scale",
    "actual_value",
    "actual_qualifier",
    "actual_decimals",
    "actual_scale",
    "baseline_value",
    "baseline_qualifier",
    "baseline_decimals",
    "baseline_scale",
    "base_year",
    "achieved_value",
    "achieved_qualifier",
    "achieved_decimals",
    "achieved_scale",
    "target_kind",
    "period_start_year",
    "period_end_year",
    "as_of_year",
    "as_of_month",
    "reported_pct",
    "reported_pct_qualifier",
    "reported_pct_decimals",
    "unit",
    "direction",
)
"""The input columns of :func:`ezlib.methods.assess.assess` that pairing fills. An implied plan
has no ``target_value``: assess derives it, once, from the achieved amount and
``reported_pct``."""

PAIR_COLUMNS = (*EVIDENCE_COLUMNS, *ASSESS_COLUMNS)
"""Every column of :func:`pair_targets`, in order."""

COMPONENTS = {"total_investment": ("fdi_capital", "domestic_capital")}
"""Indicators whose flow can be rebuilt from the levels of their parts (FDI + domestic)."""

NEAR_START = pd.Timedelta(days=31)
"""How far from a plan's start a level may be and still count as the level at the start."""

FIRST_YEAR = pd.Timedelta(days=366)
"""A level target's baseline may be measured this long after the plan starts, when the data
holds no level from before it (Hải Phòng's park land: 6,074 ha in mid-2022)."""

# What pairing reads (the facts' own columns but offsets and notes, and joined ones): the
# records it pairs on hold only these.
_USED = [
    *(c for c in FACT_COLUMNS if c not in ("quote_start", "quote_end", "note")),
    "written_decimals",
    "written_scale",
    "caveats",
    "direction",
    "source_published_date",
    "reported_value",
    "reported_value_high",
    "reported_unit",
    "usd_rate_provisional",
]
_STOCKS = ("actual", "baseline")


def zone_scope(zone: str, entities: pd.DataFrame | None = None) -> list[str]:
    """Return a zone's entities, then those of the units that succeeded it (2025 mergers).

    Args:
        zone: An ``entity_id``.
        entities: The entity table; loaded when None.

    Example:
        >>> zone_scope("tb-zones")[-1]
        'hy-zones-2025'
    """
    entities = load_entities() if entities is None else entities
    return _scope(zone, _children(entities), _successors(entities))


def _scope(zone: str, children: dict[str, list[str]], successors: dict) -> list[str]:
    found: list[str] = []
    todo = [zone]
    while todo:
        for entity in _below(todo.pop(0), children):
            if entity not in found:
                found.append(entity)
                if entity in successors and successors[entity][0] not in found:
                    todo.append(successors[entity][0])
    return found


def zone_entities(zone: str, entities: pd.DataFrame | None = None) -> list[str]:
    """Return a zone's entity id followed by every entity below it in the hierarchy.

    Args:
        zone: An ``entity_id``.
        entities: The entity table; loaded when None.

    Example:
        >>> zone_entities("tb-zones")[:3]
        ['tb-zones', 'tb-kkt', 'tb-kcn']
    """
    entities = load_entities() if entities is None else entities
    return _below(zone, _children(entities))


def _children(entities: pd.DataFrame) -> dict[str, list[str]]:
    """Each entity's direct parts, in the order of the entity table."""
    children: dict[str, list[str]] = {}
    for entity, parent in zip(entities["entity_id"], entities["parent_id"], strict=True):
        children.setdefault(parent, []).append(entity)
    return children


def _below(zone: str, children: dict[str, list[str]]) -> list[str]:
    found, todo = [], [zone]
    while todo:
        current = todo.pop(0)
        found.append(current)
        todo += children.get(current, [])
    return found


def _on_usd_scale(facts: pd.DataFrame) -> pd.DataFrame:
    """Money facts in USD (VND through the rate table), so VND and USD figures pair."""
    out = to_usd(facts)
    money = out["usd_unit"] != ""
    out["reported_value"] = out["value"]
    out["reported_value_high"] = out["value_high"]
    out["reported_unit"] = out["unit"].astype(str)
    out["unit"] = np.where(money, out["usd_unit"], out["unit"].astype(str))
    out["value"] = np.where(money, out["value_usd"], out["value"])
    out["value_high"] = np.where(money, out["value_high_usd"], out["value_high"])
    out["written_scale"] = np.where(money, out["written_scale_usd"], out["written_scale"])
    out["usd_rate_provisional"] = money & out["usd_rate_provisional"]
    return out


def _step(pieces: list[Fact]) -> tuple[float, float]:
    """The written precision of a figure made of ``pieces``, as ``(decimals, scale)``.

    One piece keeps the decimals and scale word its source wrote. A sum or difference of
    several is uncertain by the sum of their half-units, so it is given as decimals 0 in a
    scale equal to the sum of the pieces' last-digit steps (``scale * 10**-decimals``).
    """
    if len(pieces) == 1:
        return float(pieces[0]["written_decimals"]), float(pieces[0]["written_scale"])
    steps = [p["written_scale"] * 10.0 ** -p["written_decimals"] for p in pieces]
    return 0.0, float(np.sum(steps))


def _year(ts: pd.Timestamp) -> float:
    return float(ts.year) if pd.notna(ts) else np.nan


def _months(start: pd.Timestamp, end: pd.Timestamp) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _end(fact: Fact) -> pd.Timestamp:
    return fact["period_end"] if pd.notna(fact["period_end"]) else fact["as_of"]


def _caveats(facts: list[Fact], *, scope: bool = False) -> tuple[str, ...]:
    """The caveats of every fact a pair uses, with ``provisional_rate`` and ``scope`` added.

    ``provisional_rate`` when a provisional rate converted one of them, ``scope`` when the
    pair crosses a change of scope.
    """
    found = {c for fact in facts for c in fact["caveats"]} | ({"scope"} if scope else set())
    if any(bool(fact["usd_rate_provisional"]) for fact in facts):
        found.add("provisional_rate")
    return tuple(c for c in CAVEATS if c in found)


def _by_date(facts: list[Fact]) -> list[Fact]:
    """Levels oldest first (by ``as_of``, then ``fact_id``)."""
    return sorted(facts, key=lambda f: (f["as_of"], f["fact_id"]))


def _chain(target: Fact, actuals: list[Fact], measure: str = "flow") -> list[Fact]:
    """The reported flows (or increments) that together run from the plan start.

    From the plan start, take the reported flow that starts there and runs longest (e.g.
    2021-2023), then the one starting the day after it ends (2024), and so on; a flow that
    ends before a year's end (the first 11 months) ends the chain.
    """
    start, end = target["period_start"], target["period_end"]
    inside = [
        a
        for a in actuals
        if a["measure"] == measure
        and a["unit"] == target["unit"]
        and a["period_start"] >= start
        and a["period_end"] <= end
    ]
    chosen: list[Fact] = []
    cursor = start
    while True:
        step = [a for a in inside if a["period_start"] == cursor]
        if not step:
            break
        # The longest; of equally long ones, the first by id (max keeps the first it meets).
        piece = max(sorted(step, key=lambda a: a["fact_id"]), key=lambda a: a["period_end"])
        chosen.append(piece)
        if not piece["period_end"].is_year_end:
            break
        cursor = piece["period_end"] + pd.Timedelta(days=1)
    return chosen


def _reading(pieces: list[Fact], **extra: object) -> dict:
    """One reading of a target's actual: the facts, when it ends, its value and precision."""
    decimals, scale = _step(pieces)
    return {
        "fact_ids": [p["fact_id"] for p in pieces],
        "end": _end(pieces[-1]),
        "value": float(sum(p["value"] for p in pieces)),
        "qualifier": _qualifier(pieces),
        "decimals": decimals,
        "scale": scale,
        **extra,
    }


def _history(chain: list[Fact]) -> list[dict]:
    """The earlier readings of a chain: each prefix of it, as the data stood then."""
    return [_reading(chain[:n]) for n in range(1, len(chain))]


def _rise(later: Fact, first: Fact, rates: pd.DataFrame | None = None) -> list[Fact]:
    """A stock's rise from ``first`` to ``later`` as two pieces whose values sum to it.

    A rise of a VND stock is taken in VND and then converted, at the mean rate of the years
    it spans: converting each stock at its own year's rate would mix the change with the
    change of the rate (docs/methods.md section 12).
    """
    later, first = later.copy(), first.copy()
    later["period_end"] = first["period_end"] = later["as_of"]
    if later["reported_unit"] == "VND" and first["reported_unit"] == "VND":
        rise = pd.DataFrame(
            {
                "value": [later["reported_value"] - first["reported_value"]],
                "value_high": [np.nan],
                "unit": ["VND"],
                "period_start": [first["as_of"]],
                "period_end": [later["as_of"]],
                "as_of": [pd.NaT],
            }
        )
        later["value"] = float(to_usd(rise, rates)["value_usd"].iloc[0])
        first["value"] = 0.0
    else:
        first["value"] = -first["value"]
    return [later, first]


def _stock_levels(facts: list[Fact], indicator: str, unit: str) -> list[Fact]:
    return _by_date(
        [
            f
            for f in facts
            if f["indicator"] == indicator
            and f["measure"] == "level"
            and f["kind"] in _STOCKS
            and f["unit"] == unit
        ]
    )


def _rise_of_levels(target: Fact, own: list[Fact], parts: tuple[str, ...]) -> list:
    """A flow or increment rebuilt as the rise of levels from the plan start, summed over parts.

    Used only when no flow is reported: e.g. Nghi Sơn reports cumulative registered FDI and
    domestic capital at the start of 2021 and at the end of 2023, and the rise of both is the
    investment attracted in 2021-2023. The level at the start is the one within
    :data:`NEAR_START` of it; the later level the latest within the plan.
    """
    start, end = target["period_start"], target["period_end"]
    chosen: list[Fact] = []
    for part in parts:
        levels = _stock_levels(own, part, target["unit"])
        base = [f for f in levels if abs(f["as_of"] - start) <= NEAR_START]
        later = [f for f in levels if start + NEAR_START < f["as_of"] <= end]
        if not base or not later:
            return []
        chosen += _rise(later[-1], base[0])
    return chosen


def _latest_level(target: Fact, actuals: list[Fact]) -> list[Fact]:
    """Every actual level at or before the target's date, oldest first (the last is latest)."""
    return _by_date(
        [
            a
            for a in actuals
            if a["measure"] == "level"
            and a["unit"] == target["unit"]
            and a["as_of"] <= target["as_of"]
        ]
    )


def _baseline(target: Fact, own: list[Fact], start: pd.Timestamp, actual: Fact) -> Fact | None:
    """The level a level target starts from, or None.

    The latest level at or before the plan's start, else the first in its first year
    (:data:`FIRST_YEAR`); only levels older than the actual count.
    """
    levels = _stock_levels(own, target["indicator"], target["unit"])
    levels = [f for f in levels if f["as_of"] < actual["as_of"]]
    before = [f for f in levels if f["as_of"] <= start]
    if before:
        return before[-1]
    early = [f for f in levels if f["as_of"] <= start + FIRST_YEAR]
    return early[0] if early else None


def _growth_actual(target: Fact, actuals: list[Fact]) -> list[Fact]:
    same = [
        a
        for a in actuals
        if a["measure"] == target["measure"]
        and a["reference"] == target["reference"]
        and a["period_end"] == target["period_end"]
    ]
    return [max(same, key=lambda a: a["fact_id"])] if same else []


def _plan_start(target: Fact) -> pd.Timestamp:
    """When a target's plan starts: its period, its reference period, else its source's date."""
    for column in ("period_start", "ref_start", "source_published_date"):
        if pd.notna(target[column]):
            return target[column]
    return pd.NaT


def _qualifier(pieces: list[Fact]) -> str:
    """The hedge of a figure made of pieces: theirs when they agree, else approx."""
    qualifiers = {str(p["qualifier"]) for p in pieces}
    return qualifiers.pop() if len(qualifiers) == 1 else ("exact" if not qualifiers else "approx")


def _no_baseline() -> dict:
    return {
        "baseline_fact_id": "",
        "baseline_value": np.nan,
        "baseline_qualifier": "exact",
        "baseline_decimals": np.nan,
        "baseline_scale": np.nan,
        "base_year": np.nan,
    }


def _with_baseline(base: Fact | None) -> dict:
    if base is None:
        return _no_baseline()
    # A level measured in the second half of a year stands for that year's end.
    year = base["as_of"].year if base["as_of"].month >= 7 else base["as_of"].year - 1
    return {
        "baseline_fact_id": base["fact_id"],
        "baseline_value": base["value"],
        "baseline_qualifier": str(base["qualifier"]),
        "baseline_decimals": base["written_decimals"],
        "baseline_scale": base["written_scale"],
        "base_year": float(year),
    }


def _no_achieved() -> dict:
    return {
        "achieved_value": np.nan,
        "achieved_qualifier": "exact",
        "achieved_decimals": np.nan,
        "achieved_scale": np.nan,
    }


def _as_of(end: pd.Timestamp) -> dict[str, float]:
    """The year and month the actual runs to (NaN without one)."""
    if pd.isna(end):
        return {"as_of_year": np.nan, "as_of_month": np.nan}
    return {"as_of_year": float(end.year), "as_of_month": float(end.month)}


def _actuals(own: list[Fact], indicator: str) -> list[Fact]:
    return [f for f in own if f["kind"] == "actual" and f["indicator"] == indicator]


def _pair(
    target: Fact, own: list[Fact], scope_change: str = "", restated: Sequence[Fact] = ()
) -> dict:
    """Pair one stated target with the evidence of its own entity (and of its successor).

    ``restated`` are the same target as other sources state it: listed with it, their caveats
    carried.
    """
    actuals = _actuals(own, target["indicator"])
    measure = target["measure"]
    history: list[dict] = []
    base = None
    start = _plan_start(target)
    if measure in ("flow", "increment"):
        chosen = _chain(target, actuals, measure)
        pairing = "single" if len(chosen) == 1 else "summed"
        history = _history(chosen)
        if not chosen:
            parts = COMPONENTS.get(target["indicator"], ()) if measure == "flow" else ()
            if measure == "increment":
                parts = (target["indicator"],)
            chosen, pairing = _rise_of_levels(target, own, parts), "from_levels"
    elif measure == "level":
        readings = _latest_level(target, actuals)
        chosen, pairing = readings[-1:], "single"
        history = [_reading([r]) for r in readings[:-1]]
        if chosen:
            base = _baseline(target, own, start, chosen[0])
        if base is not None:  # the baseline is where the target starts, not a reading of it
            history = [h for h in history if h["end"] > base["as_of"]]
    else:
        chosen, pairing = _growth_actual(target, actuals), "single"
    if not chosen:
        pairing = "none"
    # The hedge of a rise of levels is that of its later levels; a hedged first level ("gần
    # 13,45 tỷ USD", Nghi Sơn at the start of 2021) is not carried into the rise.
    hedged = chosen[::2] if pairing == "from_levels" else chosen
    end = target["period_end"] if pd.notna(target["period_end"]) else target["as_of"]
    actual_end = max(_end(a) for a in chosen) if chosen else pd.NaT
    decimals, scale = _step(chosen) if chosen else (np.nan, np.nan)
    used = [target, *restated, *chosen, *([base] if base is not None else [])]
    crossed = [a for a in chosen if a["entity_id"] != target["entity_id"]]
    return {
        "target_fact_id": target["fact_id"],
        "target_source": target["source_id"],
        "restated_fact_ids": [f["fact_id"] for f in restated],
        "entity_id": target["entity_id"],
        "indicator": target["indicator"],
        "target_measure": measure,
        "target_quote": target["quote"],
        "target_reported_value": target["reported_value"],
        "target_reported_value_high": target["reported_value_high"],
        "target_reported_unit": target["reported_unit"],
        "actual_fact_ids": [a["fact_id"] for a in chosen],
        "actual_quote": " | ".join(a["quote"] for a in chosen),
        "actual_end": actual_end,
        "actual_years": _months(target["period_start"], actual_end) / 12
        if chosen and measure in ("flow", "increment")
        else np.nan,
        "pairing": pairing,
        "history": history,
        "caveats": _caveats(used, scope=bool(crossed or scope_change)),
        "scope_change": scope_change if scope_change or not crossed else _crossing(target, crossed),
        "later_fact_ids": [],
        "later_value": np.nan,
        "later_end": pd.NaT,
        "target_value": target["value"],
        "target_value_high": target["value_high"],
        "target_qualifier": str(target["qualifier"]),
        "target_decimals": target["written_decimals"],
        "target_scale": target["written_scale"],
        "actual_value": float(sum(a["value"] for a in chosen)) if chosen else np.nan,
        "actual_qualifier": _qualifier(hedged),
        "actual_decimals": decimals,
        "actual_scale": scale,
        **_with_baseline(base),
        **_no_achieved(),
        "target_kind": "cumulative" if measure in ("flow", "increment") else "level",
        "period_start_year": _year(start),
        "period_end_year": _year(end),
        **_as_of(actual_end),
        "reported_pct": np.nan,
        "reported_pct_qualifier": "exact",
        "reported_pct_decimals": np.nan,
        "unit": str(target["unit"]),
        "direction": float(target["direction"]),
    }


def _crossing(target: Fact, crossed: list[Fact]) -> str:
    first = min(crossed, key=_end)
    return f"{target['entity_id']} → {first['entity_id']} from {first['scope_from']:%Y-%m-%d}"


def _successors(entities: pd.DataFrame) -> dict[str, tuple[str, pd.Timestamp]]:
    """Each entity that ended and the unit that succeeded it, with the day it began."""
    if "successor" not in entities:
        return {}
    table = entities.set_index("entity_id")
    found = {}
    for entity, successor in table["successor"].items():
        if successor:
            start = table.loc[successor, "valid_from"] or table.loc[entity, "valid_to"]
            found[entity] = (successor, pd.Timestamp(start))
    return found


def _evidence(entity: str, entity_facts: dict[str, list[Fact]], successors: dict) -> list[Fact]:
    """An entity's facts, then its successors' facts dated after it ended (marked so)."""
    found = [{**f, "scope_from": pd.NaT} for f in entity_facts.get(entity, [])]
    current = entity
    while current in successors:
        current, start = successors[current]
        found += [
            {**f, "scope_from": start}
            for f in entity_facts.get(current, [])
            if f["kind"] != "target"
            and (f["period_start"] if pd.notna(f["period_start"]) else f["as_of"]) >= start
        ]
    return found


def pair_targets(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Pair every target of a zone and of its parts with the actual that measures it.

    Money is compared in USD: VND figures are converted with the annual rates
    (:func:`ezlib.progress.currency.to_usd`), so ``target_value`` and ``actual_value`` of money
    indicators are in USD whatever the source wrote (``target_reported_*`` keeps the target as
    written).

    Rules, per target (its own entity and indicator: a park's figure never stands in for the
    zone, nor the zone's for a park; the targets of the zone's parks and economic zones are
    listed with their ``entity_id``), always with the latest evidence the facts hold
    (docs/methods.md section 8.11):

    * a flow over a plan period: the reported flows that run on from the plan start as far as
      the data goes (2021-2023 then 2024), summed when more than one (``pairing=summed``);
      the shorter chains are its ``history``;
    * an increment ("có thêm 15 khu công nghiệp"): the reported increments chained the same
      way, else the rise of the level from the plan start (``from_levels``);
    * a level by a date: the latest actual level at or before that date, the earlier ones as
      its ``history``, and as its baseline the level at the plan's start (the latest at or
      before it, else the first in the plan's first year);
    * a growth or multiple: the actual of the same kind for the same period;
    * a flow with no reported actual, whose parts have cumulative levels at the plan start
      and later (``COMPONENTS``): the rise of those levels, summed (``pairing=from_levels``;
      ``actual_fact_ids`` lists each part's later level, then its level at the start; a VND
      rise is taken in VND, then converted);
    * a plan implied by "đạt X% kế hoạch" (:func:`_implied_rows`).

    Every figure keeps the precision its source wrote (``target_decimals``, ``actual_scale``
    ...; see :func:`_step` for sums), and an implied plan is left to ``assess``.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        One row per target with :data:`PAIR_COLUMNS`; ``pairing`` is ``single``, ``summed``,
        ``from_levels`` or ``none`` (a target with no actual yet).
    """
    return pairs_by_zone(facts, (zone,))[0]


def pairs_by_zone(facts: pd.DataFrame, zones: tuple[str, ...]) -> list[pd.DataFrame]:
    """Pair the targets of several zones at once: :func:`pair_targets` of each zone.

    The facts of every zone are put on the USD scale and split by entity once, which is what
    the all-zone pages need at national scale.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zones: The zones' entity ids.

    Returns:
        One frame per zone, in the order of ``zones``, as :func:`pair_targets` returns it.
    """
    entities = load_entities()
    children, successors = _children(entities), _successors(entities)
    scopes = [_scope(zone, children, successors) for zone in zones]
    wanted = {entity for scope in scopes for entity in scope}
    usd = by_entity(records(_on_usd_scale(facts[facts["entity_id"].isin(wanted)]), _USED))
    return [
        _zone_pairs(zone, scope, set(_below(zone, children)), usd, successors)
        for zone, scope in zip(zones, scopes, strict=True)
    ]


def _zone_pairs(
    zone: str,
    scope: list[str],
    mine: set[str],
    entity_facts: dict[str, list[Fact]],
    successors: dict,
) -> pd.DataFrame:
    """The pairs of one zone: its targets (those of ``scope``), ``mine`` its own entities."""
    rows = []
    for entity in scope:
        own = _evidence(entity, entity_facts, successors)
        mine_only = [f for f in own if f["entity_id"] == entity]
        targets = [f for f in mine_only if f["kind"] == "target"]
        # A merged unit's target in the report of a zone it absorbed: scope changed.
        listed = "" if entity in mine else f"{zone} → {entity}"
        rows += [_pair(target, own, listed, restated) for target, restated in restatements(targets)]
        rows += _implied_rows(entity, mine_only, targets, listed)
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


_STATEMENT = FACT_COLUMNS[FACT_COLUMNS.index("entity_id") : FACT_COLUMNS.index("quote")]
"""What makes two target facts one target: the same unit, plan, figure and hedge (every column
of a fact but its id, source, quote and note)."""


def restatements(targets: list[Fact]) -> list[tuple[Fact, list[Fact]]]:
    """Group the target facts that state the same target (:data:`_STATEMENT`).

    A target restated by another report ("will be expanded to 6,418ha", the HEZA head on the
    Resolution 06-NQ/TU target) is one target with two sources, not two targets: a page that
    listed both would count it twice.

    Args:
        targets: Target facts, in the facts' order.

    Returns:
        Each target once, the first fact that states it with the others that restate it, in
        the facts' order.

    Example:
        >>> plan = {k: None for k in _STATEMENT} | {"value": 6418.0, "unit": "ha"}
        >>> grouped = restatements([
        ...     plan | {"fact_id": "hp-002"}, plan | {"fact_id": "ev-048"},
        ...     plan | {"fact_id": "ev-049", "value": 6074.0}])
        >>> [(t["fact_id"], [r["fact_id"] for r in rest]) for t, rest in grouped]
        [('hp-002', ['ev-048']), ('ev-049', [])]
    """
    groups: dict[tuple, tuple[Fact, list[Fact]]] = {}
    for fact in targets:
        key = tuple(None if pd.isna(fact[c]) else fact[c] for c in _STATEMENT)
        if key in groups:
            groups[key][1].append(fact)
        else:
            groups[key] = (fact, [])
    return list(groups.values())


def _implied_rows(
    entity: str, own: list[Fact], targets: list[Fact], scope_change: str = ""
) -> list[dict]:
    """Targets that are not stated but implied by "đạt X% kế hoạch" next to an achieved amount.

    Only for plans with no stated target of the same indicator and period, and only when the
    source gives one achieved amount for that period. The plan is not computed here:
    ``target_value`` is NaN and ``reported_pct`` the share, from which ``assess`` derives the
    plan with its band (docs/methods.md section 8). The actual is the latest the data holds:
    the flows that run on from the plan start past the achieved amount (``later_*``), with
    the achieved amount as ``achieved_*`` and in ``history``.
    """
    rows = []
    shares = [
        f
        for f in own
        if f["kind"] == "actual" and f["measure"] == "share" and f["reference"] == "plan"
    ]
    for share in shares:
        stated = [
            t
            for t in targets
            if t["indicator"] == share["indicator"]
            and t["period_start"] == share["ref_start"]
            and t["period_end"] == share["ref_end"]
        ]
        same = _actuals(own, share["indicator"])
        achieved = share_amounts([a for a in same if a["measure"] == "flow"], share)
        # Two different achieved amounts in the same source (e.g. registered FDI and FDI with
        # share purchases) make the share ambiguous: no plan is implied from it.
        if stated or distinct_values(achieved) != 1:
            continue
        amount = achieved[0]
        plan = {
            "period_start": share["ref_start"],
            "period_end": share["ref_end"],
            "unit": amount["unit"],
        }
        chain = _chain(plan, same)
        later = bool(chain) and chain[-1]["period_end"] > amount["period_end"]
        pieces = chain if later else [amount]
        decimals, scale = _step(pieces)
        end = _end(pieces[-1])
        rows.append(
            {
                "target_fact_id": share["fact_id"],
                "target_source": share["source_id"],
                "restated_fact_ids": [],
                "entity_id": entity,
                "indicator": share["indicator"],
                "target_measure": "implied",
                "target_quote": share["quote"],
                "target_reported_value": np.nan,
                "target_reported_value_high": np.nan,
                "target_reported_unit": amount["reported_unit"],
                "actual_fact_ids": [p["fact_id"] for p in pieces],
                "actual_quote": " | ".join(p["quote"] for p in pieces),
                "actual_end": end,
                "actual_years": _months(share["ref_start"], end) / 12,
                "pairing": "summed" if len(pieces) > 1 else "single",
                "baseline_fact_id": "",
                "history": [_reading([amount], stated_share=True)] if later else [],
                "caveats": _caveats([share, *pieces], scope=bool(scope_change)),
                "scope_change": scope_change,
                "later_fact_ids": [p["fact_id"] for p in chain] if later else [],
                "later_value": float(sum(p["value"] for p in chain)) if later else np.nan,
                "later_end": end if later else pd.NaT,
                "target_value": np.nan,
                "target_value_high": np.nan,
                "target_qualifier": "exact",
                "target_decimals": np.nan,
                "target_scale": np.nan,
                "actual_value": float(sum(p["value"] for p in pieces)),
                "actual_qualifier": _qualifier(pieces),
                "actual_decimals": decimals,
                "actual_scale": scale,
                **_no_baseline(),
                "achieved_value": amount["value"] if later else np.nan,
                "achieved_qualifier": str(amount["qualifier"]),
                "achieved_decimals": amount["written_decimals"] if later else np.nan,
                "achieved_scale": amount["written_scale"] if later else np.nan,
                "target_kind": "cumulative",
                "period_start_year": _year(share["ref_start"]),
                "period_end_year": _year(share["ref_end"]),
                **_as_of(end),
                "reported_pct": share["value"],
                "reported_pct_qualifier": str(share["qualifier"]),
                "reported_pct_decimals": share["written_decimals"],
                "unit": amount["unit"],
                "direction": float(amount["direction"]),
            }
        )
    return rows
