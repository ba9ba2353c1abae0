"""Narrative lines of the reports, written from the assessed tables in vi or en."""

from __future__ import annotations

import pandas as pd

from ezlib.report.tables import format_amount, format_decimal
from ezlib.report.words import text, zone_name


def zone_summary(table: pd.DataFrame, zone: str, lang: str) -> str:
    """Return the zone report's opening: its name and how many targets can be measured.

    Args:
        table: Assessed targets of the zone (``ezlib.progress.zone.zone_progress``).
        zone: The zone's entity id.
        lang: ``vi`` or ``en``.
    """
    name = zone_name(zone, lang)
    total = len(table)
    measured = int((table["status"] == "measured").sum()) if total else 0
    ahead = int((table["pace_index_point"] >= 1).sum()) if total else 0
    if lang == "vi":
        return (
            f"# {name}\n\n{total} mục tiêu, {measured} mục tiêu đã có số thực hiện để đo; "
            f"{ahead} mục tiêu nhiều năm đạt hoặc vượt tiến độ tuyến tính. Mọi con số đều dẫn "
            "về trích dẫn nguồn ở cuối báo cáo."
        )
    return (
        f"# {name}\n\n{total} targets, {measured} with an actual to measure them by; "
        f"{ahead} on or ahead of a linear pace. Every figure traces to a quoted source listed "
        "at the end of the report."
    )


def plan_narrative(chosen: pd.DataFrame, lang: str) -> str:
    """Explain, in words, each implied plan of an indicator: point, band, pace and what is left.

    Args:
        chosen: Assessed targets of one indicator (:func:`ezlib.progress.zone.zone_progress` rows).
        lang: ``vi`` or ``en``.

    Returns:
        Markdown, one paragraph per implied or stated multi-year plan.
    """
    lines = []
    for _, row in chosen[chosen["status"] == "measured"].iterrows():
        if row["period_start_year"] == row["period_end_year"]:
            continue
        unit = row["unit"]

        def amount(x: float, unit: str = unit) -> str:
            return format_amount(x, unit, lang)

        period = f"{row['period_start_year']:.0f}–{row['period_end_year']:.0f}"
        left = (1 - row["elapsed_share"]) * (row["period_end_year"] - row["period_start_year"] + 1)
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
        if len(row["later_fact_ids"]):
            share_low = row["later_value"] / row["target_high"]
            share_high = row["later_value"] / row["target_low"]
            values["later"] = amount(row["later_value"])
            values["later_end"] = f"{pd.Timestamp(row['later_end']).year}"
            values["later_ids"] = " + ".join(row["later_fact_ids"])
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
