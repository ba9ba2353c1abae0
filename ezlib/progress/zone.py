"""How far along each target of a zone is, and whether it is on pace: the zone report's table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ezlib.data.reference import load_entities
from ezlib.methods.assess import assess
from ezlib.progress.pairing import pair_targets, pairs_by_zone, zone_entities


def earlier_readings(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return each pair as it stood at each of its earlier readings (its ``history``).

    Args:
        pairs: As returned by :func:`ezlib.progress.pairing.pair_targets`.

    Returns:
        One row per earlier reading, with the pairs' columns: the actual is the reading's
        (ids, value, hedge, precision, end date). For the amount an implied plan's share was
        stated for, the share applies as stated (``achieved_*`` cleared).
    """
    rows = []
    for _, pair in pairs.iterrows():
        for reading in pair["history"]:
            row = pair.copy()
            end = pd.Timestamp(reading["end"])
            row["actual_fact_ids"] = list(reading["fact_ids"])
            row["actual_value"] = reading["value"]
            row["actual_qualifier"] = reading["qualifier"]
            row["actual_decimals"] = reading["decimals"]
            row["actual_scale"] = reading["scale"]
            row["actual_end"] = end
            row["as_of_year"], row["as_of_month"] = float(end.year), float(end.month)
            row["history"] = []
            if reading.get("stated_share"):
                row["achieved_value"] = np.nan
                row[["later_fact_ids", "later_value", "later_end"]] = [[], np.nan, pd.NaT]
            rows.append(row)
    return pd.DataFrame(rows, columns=pairs.columns).reset_index(drop=True)


def zone_history(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Every reading of every target of a zone, assessed: the earlier ones, then the latest.

    The plan check reproduces a figure as it was reported ("đạt gần 84% kế hoạch" at the end
    of 2023) beside the target's status on the latest evidence (end 2024).

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        The columns of :func:`zone_progress` and ``reading``: ``earlier`` or ``latest``.
    """
    pairs = pair_targets(facts, zone)
    readings = pd.concat(
        [earlier_readings(pairs).assign(reading="earlier"), pairs.assign(reading="latest")],
        ignore_index=True,
    )
    return _assessed(readings, data_date(facts))


def has_baseline(baseline_fact_id: object) -> bool:
    """Tell whether a target is measured from its baseline: a level target that has one."""
    return isinstance(baseline_fact_id, str) and baseline_fact_id != ""


def reached_share(table: pd.DataFrame) -> pd.DataFrame:
    """Return the share of each target reached, as the pages show it in words and in charts.

    For a level target measured from its baseline, the share of the way from the baseline
    (``gap_closed``, on which its pace is measured too): "6.080 of 6.418 ha" reads 95%, but the
    area was already 6.074 ha at the plan's start, so 2% of the way (docs/methods.md section 8).
    For any other target, actual / target (``attainment``; for a flow the two are the same).

    Args:
        table: Assessed targets: the columns of :func:`ezlib.methods.assess.assess` and
            ``baseline_fact_id``.

    Returns:
        ``reached_low``, ``reached_point`` and ``reached_high`` (the band), on the table's index.
    """
    based = table["baseline_fact_id"].map(has_baseline)
    return pd.DataFrame(
        {
            f"reached_{part}": table[f"gap_closed_{part}"].where(based, table[f"attainment_{part}"])
            for part in ("low", "point", "high")
        },
        index=table.index,
    )


def _assessed(pairs: pd.DataFrame, data_date: pd.Timestamp) -> pd.DataFrame:
    pairs = pairs.reset_index(drop=True)
    table = pairs.join(assess(pairs))
    table = table.join(reached_share(table))
    measured = pairs["pairing"] != "none"
    table["status"] = np.where(measured, "measured", "no_actual")
    table["flags"] = table["flags"].astype(str).where(measured, "")
    table["plan_status"] = plan_status(table, data_date)
    table["target_status"] = target_status(table)
    return table


def target_status(table: pd.DataFrame) -> pd.Series:
    """Return how each target stands: :data:`ezlib.vocabulary.TARGET_STATUSES`.

    A closed plan keeps its final :func:`plan_status`. A plan still running is ``met`` once
    the latest evidence meets it, else ``on_pace`` or ``behind`` by its pace index
    (docs/methods.md section 8.2), and ``not_measurable`` without a result or a pace.

    Args:
        table: Assessed targets with ``plan_status``, ``status``, ``met_status`` and
            ``pace_index_point``.

    Returns:
        One status per row, on the table's index.
    """
    met = table["met_status"].astype(str).isin(["met", "met_floor"])
    pace = pd.to_numeric(table["pace_index_point"], errors="coerce")
    running = np.select(
        [table["status"] != "measured", met, pace >= 1, pace < 1],
        ["not_measurable", "met", "on_pace", "behind"],
        "not_measurable",
    )
    closed = table["plan_status"] != "open"
    return pd.Series(
        np.where(closed, table["plan_status"], running), index=table.index, name="target_status"
    )


def plan_status(table: pd.DataFrame, data_date: pd.Timestamp) -> pd.Series:
    """Return where each target's plan stands at ``data_date``: :data:`PLAN_STATUSES`.

    A plan whose period ended by ``data_date`` gets a final status: ``met`` (or
    ``borderline``) when the latest evidence meets it, ``not_met`` when evidence that covers
    the whole period falls short, ``not_measurable`` when there is no result or the results
    stop before the period's end short of the target (Hải Phòng's 2025 FDI plan, with no 2025
    result). A plan still running is ``open``.

    Args:
        table: Assessed targets (:func:`zone_progress` columns but ``plan_status``).
        data_date: The date of the data: the latest publication date of its sources.

    Returns:
        One status per row, on the table's index.
    """
    end = pd.to_datetime(
        table["period_end_year"].astype("Int64").astype(str) + "-12-31", errors="coerce"
    )
    closed = end <= data_date
    met = table["met_status"].astype(str)
    covered = pd.to_datetime(table["actual_end"]) >= end
    final = np.select(
        [met.isin(["met", "met_floor"]), met == "borderline", (met == "not_met") & covered],
        ["met", "borderline", "not_met"],
        "not_measurable",
    )
    return pd.Series(np.where(closed, final, "open"), index=table.index, name="plan_status")


def data_date(facts: pd.DataFrame, zone: str | None = None) -> pd.Timestamp:
    """The date of the data: the latest publication date of the sources the facts cite.

    Args:
        facts: The loaded facts.
        zone: A zone's entity id, for the date of its own facts (those of its parts and
            successors included); None for the whole dataset's, the day plans are judged at.
    """
    if zone is None:
        return pd.Timestamp(facts["source_published_date"].max())
    return data_dates(facts, (zone,))[zone]


def data_dates(facts: pd.DataFrame, zones: tuple[str, ...]) -> dict[str, pd.Timestamp]:
    """Each zone's :func:`data_date`, from one pass over the facts (for the all-zone pages).

    Args:
        facts: The loaded facts.
        zones: The zones' entity ids.

    Returns:
        Each zone's date (NaT for a zone without facts), in the order of ``zones``.
    """
    latest = facts.groupby(facts["entity_id"].astype(str))["source_published_date"].max()
    entities = load_entities()
    return {z: pd.Timestamp(latest.reindex(zone_entities(z, entities)).max()) for z in zones}


def zone_progress(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    """Pair and assess every target of a zone.

    Pairing follows :func:`ezlib.progress.pairing.pair_targets`, whose columns are the input of
    :func:`ezlib.methods.assess.assess` (Eurostat, UNSD 2023 and ESCAP categories, pace,
    run-rates, projections, all with bands: docs/methods.md sections 1-3 and 7-8).

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zone: The zone's ``entity_id``.

    Returns:
        One row per target, on the latest evidence the facts hold: the pair's columns,
        ``assess``'s columns, ``status`` (``measured`` or ``no_actual``: then the results are
        NaN and ``flags`` is empty) and ``plan_status`` (:func:`plan_status`: the final status
        of a plan whose period is over, ``open`` otherwise). Earlier readings:
        :func:`zone_history`.
    """
    return progress_by_zone(facts, (zone,))[0]


def progress_by_zone(facts: pd.DataFrame, zones: tuple[str, ...]) -> list[pd.DataFrame]:
    """Pair and assess every target of several zones: :func:`zone_progress` of each zone.

    The facts are paired in one pass (:func:`ezlib.progress.pairing.pairs_by_zone`) and the
    pairs of every zone assessed in one call (assessment is row by row), for the pages that
    show every zone.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zones: The zones' entity ids.

    Returns:
        One frame per zone, in the order of ``zones``, as :func:`zone_progress` returns it.
    """
    date = data_date(facts)
    pairs = pairs_by_zone(facts, zones)
    # A zone with no target keeps its own empty table (an empty frame's columns have no dtypes
    # to share with the others').
    found = [p for p in pairs if not p.empty]
    if not found:
        return [_assessed(p, date) for p in pairs]
    table = _assessed(pd.concat(found, ignore_index=True), date)
    tables, start = [], 0
    for zone_pairs in pairs:
        if zone_pairs.empty:
            tables.append(_assessed(zone_pairs, date))
        else:
            tables.append(table.iloc[start : start + len(zone_pairs)].reset_index(drop=True))
            start += len(zone_pairs)
    return tables


def zone_groups(facts: pd.DataFrame) -> tuple[str, ...]:
    """Return every zone of the data: each zone group that has facts, its own or its parts'.

    Args:
        facts: The loaded facts.

    Returns:
        The zone groups' entity ids, in the order of the entity table.
    """
    entities = load_entities()
    with_facts = set(facts["entity_id"].astype(str))
    groups = entities.loc[entities["level"] == "zone_group", "entity_id"]
    return tuple(g for g in groups if with_facts.intersection(zone_entities(g, entities)))


def plan_outcomes(
    facts: pd.DataFrame,
    zones: tuple[str, ...] | None = None,
    end_year: int = 2025,
    *,
    progress: list[pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Every zone's plans that ended in ``end_year``, with their final status, side by side.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.
        zones: The zones' entity ids; every zone of the data (:func:`zone_groups`) when None.
        end_year: The plans' last year (2025: the 2021-2025 plans and the 2025 annual plans).
        progress: :func:`progress_by_zone` of ``facts`` and ``zones``, when the caller has it
            (a page that shows it too assesses every zone once).

    Returns:
        The :func:`zone_progress` rows of those plans, with ``zone`` first.
    """
    zones = zone_groups(facts) if zones is None else zones
    tables = [
        table.assign(zone=zone).pipe(lambda t: t[t["period_end_year"] == end_year])
        for zone, table in zip(
            zones, progress_by_zone(facts, zones) if progress is None else progress, strict=True
        )
    ]
    tables = [t for t in tables if not t.empty]
    if not tables:
        return pd.DataFrame(columns=["zone"])
    table = pd.concat(tables, ignore_index=True)
    return table[["zone", *(c for c in table.columns if c != "zone")]]
