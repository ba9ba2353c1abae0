"""All zones' targets on one scale: USD per plan year, and whether each can be measured yet."""

from __future__ import annotations

import pandas as pd

from ezlib.i18n import text
from ezlib.progress import zone_progress
from ezlib.tables import format_amount, plan_period

ZONES = ("hp-zones", "th-zones", "tb-zones")


def compare_zones(facts: pd.DataFrame, lang: str, zones: tuple[str, ...] = ZONES) -> pd.DataFrame:
    """Put every money target of the zones on one scale: USD per plan year.

    VND targets are converted with the annual rates (``ezlib.money``), then divided by the
    number of plan years, so a five-year plan and a one-year plan compare.

    Args:
        facts: The loaded facts.
        lang: ``vi`` or ``en``.
        zones: The zones' entity ids.

    Returns:
        One row per target: zone, indicator, plan period, target per plan year in USD (for
        money), whether it is measured, and its attainment if so.
    """
    entities = facts.drop_duplicates("entity_id").set_index("entity_id")
    rows = []
    for zone in zones:
        table = zone_progress(facts, zone)
        for _, row in table.iterrows():
            years = row["plan_end_year"] - row["plan_start_year"] + 1
            per_year = (
                row["target_point"] / years
                if row["unit"] == "USD" and years == years
                else float("nan")
            )
            if row["status"] != "measured":
                target = row["target_value"] if row["target_measure"] != "implied" else float("nan")
                per_year = (
                    target / years if row["unit"] == "USD" and years == years else float("nan")
                )
            name_column = "entity_name_vi" if lang == "vi" else "entity_name_en"
            label_column = "indicator_label_vi" if lang == "vi" else "indicator_label_en"
            label = facts.loc[facts["indicator"] == row["indicator"], label_column].iloc[0]
            rows.append(
                {
                    text("col.zone", lang): entities.loc[zone, name_column]
                    if zone in entities.index
                    else zone,
                    text("col.indicator", lang): label,
                    text("col.plan", lang): plan_period(
                        row["plan_start_year"], row["plan_end_year"]
                    ),
                    text("col.per_year", lang): format_amount(per_year, "USD", lang),
                    text("col.measured", lang): "✓"
                    if row["status"] == "measured"
                    else text("no_actual", lang),
                    text("col.attainment", lang): f"{100 * row['attainment_point']:.0f}%"
                    if row["status"] == "measured"
                    else "–",
                    text("col.sources", lang): row["target_fact_id"],
                }
            )
    return pd.DataFrame(rows)
