"""The plan check: what a reported "đạt X% kế hoạch" implies, and whether the figures agree."""

from __future__ import annotations

import pandas as pd

from ezlib.checks import (
    check_cumulative_monotone,
    check_multiple,
    check_parts_sum,
    check_units,
    implied_bases,
)
from ezlib.i18n import text
from ezlib.progress import written_scale
from ezlib.tables import format_amount, format_decimal

CUMULATIVE_LEVELS = (
    "fdi_capital",
    "domestic_capital",
    "fdi_projects",
    "domestic_projects",
    "projects",
)


def plan_check(chosen: pd.DataFrame, lang: str) -> str:
    """Explain, in words, each implied plan of an indicator: point, band, pace and what is left.

    Args:
        chosen: Assessed targets of one indicator (``ezlib.progress.zone_progress`` rows).
        lang: ``vi`` or ``en``.

    Returns:
        Markdown, one paragraph per implied or stated multi-year plan.
    """
    lines = []
    for _, row in chosen[chosen["status"] == "measured"].iterrows():
        if row["plan_start_year"] == row["plan_end_year"]:
            continue
        unit = row["unit"]

        def amount(x: float, unit: str = unit) -> str:
            return format_amount(x, unit, lang)

        period = f"{row['plan_start_year']:.0f}–{row['plan_end_year']:.0f}"
        left = (1 - row["elapsed_share"]) * (row["plan_end_year"] - row["plan_start_year"] + 1)
        values = dict(
            period=period,
            actual=amount(row["actual_value"]),
            share=f"{100 * row['attainment_point']:.0f}%",
            plan=amount(row["target_point"]),
            low=amount(row["target_low"]),
            high=amount(row["target_high"]),
            elapsed=f"{100 * row['elapsed_share']:.0f}%",
            pace=format_decimal(row["pace_index_point"], lang),
            required=amount(row["required_run_rate_point"]),
            left=f"{left:.0f}",
            ratio=format_decimal(row["to_complete_point"], lang),
            projection=amount(row["projection_point"]),
            category=str(row["eurostat_category"]).replace("_", " "),
        )
        if isinstance(row.get("later_fact_ids"), str) and row["later_fact_ids"]:
            share_low = row["later_value"] / row["target_high"]
            share_high = row["later_value"] / row["target_low"]
            values["later"] = amount(row["later_value"])
            values["later_end"] = f"{pd.Timestamp(row['later_end']).year}"
            values["later_ids"] = row["later_fact_ids"]
            values["later_share"] = f"{100 * share_low:.0f}–{100 * share_high:.0f}%"
            later = (
                " Các báo cáo sau ({later_ids}) đưa tổng lũy kế đến hết {later_end} lên "
                "{later}, tức {later_share} kế hoạch suy ra."
                if lang == "vi"
                else " Later reports ({later_ids}) bring the total to the end of {later_end} to "
                "{later}, {later_share} of the implied plan."
            ).format(**values)
        else:
            later = ""
        if lang == "vi":
            lines.append(
                "Kế hoạch {period}: đã đạt {actual}, tức {share} của kế hoạch ≈ {plan} "
                "(khoảng {low} đến {high}). Đã qua {elapsed} thời gian kế hoạch: chỉ số tiến độ "
                "{pace}. Để hoàn thành cần {required} mỗi năm trong {left} năm còn lại, bằng "
                "{ratio} lần tốc độ đã đạt; giữ tốc độ hiện nay thì cuối kỳ đạt khoảng "
                "{projection}. Đánh giá Eurostat: {category}.".format(**values)
                + later
            )
        else:
            lines.append(
                "Plan {period}: {actual} achieved, {share} of a plan of about {plan} "
                "(between {low} and {high}). {elapsed} of the plan period has passed: pace index "
                "{pace}. Completing it needs {required} a year in the {left} years left, {ratio} "
                "times the pace achieved so far; at the achieved pace the period ends near "
                "{projection}. Eurostat category: {category}.".format(**values)
                + later
            )
    return "\n\n".join(lines) or text("none", lang)


def _facts_of(facts: pd.DataFrame, zone: str) -> pd.DataFrame:
    return facts[facts["entity_id"] == zone]


def _row(check: str, ids: list[str], result, lang: str) -> dict[str, object]:
    return {
        text("col.check", lang): check,
        text("col.sources", lang): " ; ".join(ids),
        text("col.status", lang): result.status,
        text("col.discrepancy", lang): f"{result.discrepancy:.4g}",
        text("col.tolerance", lang): f"{result.tolerance:.4g}",
        text("col.note", lang): result.message,
    }


def consistency_table(facts: pd.DataFrame, zone: str, lang: str) -> pd.DataFrame:
    """Run every consistency check the zone's reported figures allow.

    Checks (``ezlib.checks``): parts sum to the whole (FDI + domestic = total, per source and
    period); each "m lần" multiple under both readings, with the base each implies when the
    base is not reported; cumulative levels never falling; money magnitudes plausible.

    Args:
        facts: The loaded facts.
        zone: The zone's entity id.
        lang: ``vi`` or ``en``.

    Returns:
        One row per check with its status (ok, warn, fail), discrepancy, tolerance and note.
    """
    mine = _facts_of(facts, zone)
    rows = []
    flows = mine[(mine["kind"] == "actual") & (mine["measure"] == "flow")]
    for (_source, _start, _end), group in flows.groupby(
        ["source_id", "period_start", "period_end"]
    ):
        by = group.set_index("indicator")
        wanted = ("fdi_capital", "domestic_capital", "total_investment")
        if all(w in by.index for w in wanted) and len({by.loc[w, "unit"] for w in wanted}) == 1:
            parts = [by.loc["fdi_capital", "value"], by.loc["domestic_capital", "value"]]
            whole = by.loc["total_investment", "value"]
            scale = float(written_scale(pd.Series([whole]).to_numpy())[0])
            result = check_parts_sum(parts, whole, scale=scale)
            ids = [by.loc[w, "fact_id"] for w in wanted]
            rows.append(_row("FDI + DDI = total", ids, result, lang))
    for _, multiple in mine[
        (mine["measure"] == "multiple") & (mine["reference"] == "period")
    ].iterrows():
        new = flows[
            (flows["indicator"] == multiple["indicator"])
            & (flows["period_start"] == multiple["period_start"])
            & (flows["period_end"] == multiple["period_end"])
            & (flows["source_id"] == multiple["source_id"])
        ]
        base = mine[
            (mine["indicator"] == multiple["indicator"])
            & (mine["measure"] == "flow")
            & (mine["period_start"] == multiple["ref_start"])
            & (mine["period_end"] == multiple["ref_end"])
        ]
        if new.empty:
            continue
        amount = new.iloc[0]
        label = f"{multiple['quote']}"
        if base.empty:
            bases = implied_bases(
                amount["value"], multiple["value"], qualifier=str(multiple["qualifier"])
            )
            times, plus = bases["times"], bases["plus"]
            rows.append(
                {
                    text("col.check", lang): label,
                    text("col.sources", lang): f"{amount['fact_id']} ; {multiple['fact_id']}",
                    text("col.status", lang): "base not reported",
                    text("col.discrepancy", lang): "",
                    text("col.tolerance", lang): "",
                    text("col.note", lang): (
                        f"{multiple['ref_start'].year}–{multiple['ref_end'].year}: "
                        f"{format_amount(times.point, amount['unit'], lang)} "
                        f"({format_amount(times.low, amount['unit'], lang)}–"
                        f"{format_amount(times.high, amount['unit'], lang)}) "
                        f"if ×{multiple['value']:g}; "
                        f"{format_amount(plus.point, amount['unit'], lang)} "
                        f"if +{multiple['value']:g}×"
                    ),
                }
            )
        else:
            result = check_multiple(
                amount["value"],
                base.iloc[0]["value"],
                multiple["value"],
                qualifier=str(multiple["qualifier"]),
            )
            rows.append(
                _row(
                    label,
                    [amount["fact_id"], base.iloc[0]["fact_id"], multiple["fact_id"]],
                    result,
                    lang,
                )
            )
    levels = mine[(mine["measure"] == "level") & mine["indicator"].isin(CUMULATIVE_LEVELS)]
    for (indicator, unit), group in levels.groupby(["indicator", "unit"], observed=True):
        if len(group) < 2:
            continue
        ordered = group.sort_values(["as_of", "fact_id"])
        result = check_cumulative_monotone(
            ordered["value"].tolist(), labels=ordered["fact_id"].tolist()
        )
        rows.append(
            _row(f"{indicator} ({unit}) never falls", ordered["fact_id"].tolist(), result, lang)
        )
    money = mine[mine["unit"].isin(["USD", "VND"]) & mine["measure"].isin(["flow", "level"])]
    bad_units = [
        (fact, result)
        for fact, result in ((f, check_units(f["value"], f["unit"])) for _, f in money.iterrows())
        if result.status != "ok"
    ]
    for fact, result in bad_units:
        rows.append(_row(f"{fact['indicator']} magnitude", [fact["fact_id"]], result, lang))
    columns = [
        text(k, lang)
        for k in (
            "col.check",
            "col.sources",
            "col.status",
            "col.discrepancy",
            "col.tolerance",
            "col.note",
        )
    ]
    return pd.DataFrame(rows, columns=columns)
