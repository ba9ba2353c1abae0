"""Narrative lines of the reports, written from the assessed tables in vi or en.

The sentences are templates of :mod:`ezlib.report.words`; the figures in them are written by
:mod:`ezlib.report.tables`, each with its hedge.
"""

from __future__ import annotations

import pandas as pd

from ezlib.report.tables import (
    category_word,
    format_amount,
    format_decimal,
    format_figure,
    format_percent,
    format_share,
    plan_period,
    target_figure,
)
from ezlib.report.words import targets, text, zone_name


def zone_summary(table: pd.DataFrame, zone: str, lang: str) -> str:
    """Return the zone report's opening: its name and how many targets can be measured.

    Args:
        table: Assessed targets of the zone (``ezlib.progress.zone.zone_progress``).
        zone: The zone's entity id.
        lang: ``vi`` or ``en``.
    """
    total = len(table)
    measured = int((table["status"] == "measured").sum()) if total else 0
    ahead = int((table["pace_index_point"] >= 1).sum()) if total else 0
    return text(
        "summary",
        lang,
        name=zone_name(zone, lang),
        total=targets(total, lang),
        measured=measured,
        ahead=ahead,
    )


def _achieved(row: pd.Series) -> tuple[float, str]:
    """The amount an implied plan's share was stated for, and its hedge.

    Pairing gives it as ``achieved_value`` when the actual runs on past it; otherwise the actual
    is that amount.
    """
    if pd.notna(row.get("achieved_value", float("nan"))):
        return row["achieved_value"], row.get("achieved_qualifier", "exact")
    return row["actual_value"], row["actual_qualifier"]


def _opening(row: pd.Series, lang: str) -> str:
    """The plan, and what was achieved of it: an implied plan from its share as written."""
    unit = row["unit"]
    period = plan_period(row["period_start_year"], row["period_end_year"])
    if row["target_measure"] != "implied":
        return text(
            "narrative.stated",
            lang,
            period=period,
            target=target_figure(row, lang),
            actual=format_figure(row["actual_value"], unit, lang, row["actual_qualifier"]),
            attainment=format_share(
                row["reached_low"], row["reached_point"], row["reached_high"], lang
            ),
        )
    achieved, hedge = _achieved(row)
    return text(
        "narrative.implied",
        lang,
        period=period,
        achieved=format_figure(achieved, unit, lang, hedge),
        share=format_figure(row["reported_pct"], "percent", lang, row["reported_pct_qualifier"]),
        plan=format_amount(row["target_point"], unit, lang),
        low=format_amount(row["target_low"], unit, lang),
        high=format_amount(row["target_high"], unit, lang),
    )


def _pace(row: pd.Series, lang: str) -> str:
    """Time elapsed, pace, what is still required a year, the projection and the category."""
    unit = row["unit"]
    years = row["period_end_year"] - row["period_start_year"] + 1
    met = not row["required_run_rate_point"] > 0
    return text(
        "narrative.pace_met" if met else "narrative.pace",
        lang,
        elapsed=format_percent(row["elapsed_share"], lang),
        pace=format_decimal(row["pace_index_point"], lang),
        required=format_amount(row["required_run_rate_point"], unit, lang),
        left=f"{(1 - row['elapsed_share']) * years:.0f}",
        ratio=format_decimal(row["to_complete_point"], lang),
        projection=format_amount(row["projection_point"], unit, lang),
        category=category_word(row["eurostat_category"], lang),
    )


def _later(row: pd.Series, lang: str) -> str:
    """What reports after the stated share add to an implied plan, and where that leaves it."""
    if not len(row["later_fact_ids"]):
        return ""
    status = row.get("met_status", "not_assessed")
    status = status if isinstance(status, str) and status else "not_assessed"
    share_low = row["later_value"] / row["target_high"]
    share_high = row["later_value"] / row["target_low"]
    return text(
        "narrative.later",
        lang,
        later_ids=" + ".join(row["later_fact_ids"]),
        later_end=f"{pd.Timestamp(row['later_end']).year}",
        later=format_amount(row["later_value"], row["unit"], lang),
        later_share=f"{format_percent(share_low, lang).rstrip('%')}–"
        f"{format_percent(share_high, lang)}",
        status=text(f"narrative.status.{status}", lang),
    )


def plan_narrative(chosen: pd.DataFrame, lang: str) -> str:
    """Explain, in words, each multi-year plan of an indicator: target, pace and what is left.

    An implied plan ("đạt gần 84% kế hoạch") is explained from the share as written: the amount
    achieved, the plan it implies with its band, the pace at that reading, then what later
    reports add and whether the plan is met on the latest evidence.

    Args:
        chosen: Assessed targets of one indicator: rows of
            :func:`ezlib.progress.zone.zone_progress`, or of
            :func:`ezlib.progress.zone.zone_history` (earlier readings, then the latest).
        lang: ``vi`` or ``en``.

    Returns:
        Markdown, one paragraph per measured multi-year plan.
    """
    lines = []
    measured = chosen[chosen["status"] == "measured"]
    for _, readings in measured.groupby("target_fact_id", sort=False):
        first, last = readings.iloc[0], readings.iloc[-1]
        if first["period_start_year"] == first["period_end_year"]:
            continue
        if len(readings) > 1:  # as reported then, and where the latest evidence leaves it
            lines.append(_opening(first, lang) + _pace(first, lang) + _later(last, lang))
        else:
            lines.append(_opening(last, lang) + _later(last, lang) + _pace(last, lang))
    return "\n\n".join(lines) or text("none", lang)
