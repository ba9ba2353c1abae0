"""Charts of the reports: pace against time, and target against actual with uncertainty bands."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ezlib.data.reference import load_indicators
from ezlib.report.words import text

# DejaVu Sans (matplotlib's bundled font) has every Vietnamese glyph; tests check it.
FONT = "DejaVu Sans"


def _labels(indicators: pd.Series, lang: str) -> list[str]:
    table = load_indicators().set_index("indicator_id")
    column = "label_vi" if lang == "vi" else "label_en"
    return [table.loc[i, column] for i in indicators]


def pace_chart(table: pd.DataFrame, lang: str) -> Figure:
    """Plot attainment against the share of the plan period elapsed, with the on-pace diagonal.

    Points above the diagonal are ahead of a linear pace; error bars are the qualifier bands.

    Args:
        table: Assessed targets (``ezlib.progress.zone.assess``); rows without a pace are skipped.
        lang: ``vi`` or ``en``.
    """
    rows = (
        table[table["pace_index_point"].notna()] if "pace_index_point" in table else table.iloc[0:0]
    )
    fig = Figure(figsize=(6.5, 4.5))
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=text("chart.pace.diagonal", lang))
    for (_, row), label in zip(rows.iterrows(), _labels(rows["indicator"], lang), strict=True):
        low, high = row["attainment_low"], row["attainment_high"]
        ax.errorbar(
            row["elapsed_share"],
            row["attainment_point"],
            yerr=[[row["attainment_point"] - low], [high - row["attainment_point"]]],
            fmt="o",
            capsize=4,
            label=f"{label} ({row['period_start_year']:.0f}–{row['period_end_year']:.0f})",
        )
    top = (
        max(1.1, float(np.nanmax(rows["attainment_high"], initial=1.0)) * 1.1) if len(rows) else 1.1
    )
    ax.set(xlim=(0, 1.05), ylim=(0, min(top, 3.0)))
    ax.set_xlabel(text("chart.pace.x", lang), fontfamily=FONT)
    ax.set_ylabel(text("chart.pace.y", lang), fontfamily=FONT)
    ax.set_title(text("chart.pace.title", lang), fontfamily=FONT)
    ax.xaxis.set_major_formatter(lambda x, _: f"{100 * x:.0f}%")
    ax.yaxis.set_major_formatter(lambda y, _: f"{100 * y:.0f}%")
    ax.legend(fontsize="small", loc="upper left", prop={"family": FONT, "size": 8})
    fig.tight_layout()
    return fig


def target_actual_chart(table: pd.DataFrame, lang: str) -> Figure:
    """Plot each measured target's attainment as a bar with its band, against the 100% line.

    Args:
        table: Assessed targets; only measured rows are drawn.
        lang: ``vi`` or ``en``.
    """
    rows = table[table["status"] == "measured"]
    fig = Figure(figsize=(6.5, 0.6 + 0.45 * max(len(rows), 1)))
    ax = fig.add_subplot()
    names = [
        f"{label} {row['period_start_year']:.0f}–{row['period_end_year']:.0f}"
        if not np.isnan(row["period_start_year"])
        else f"{label} {row['period_end_year']:.0f}"
        for (_, row), label in zip(rows.iterrows(), _labels(rows["indicator"], lang), strict=True)
    ]
    y = np.arange(len(rows))
    point = rows["attainment_point"].to_numpy(dtype=float)
    low = np.clip(rows["attainment_low"].to_numpy(dtype=float), 0, None)
    high = np.minimum(rows["attainment_high"].to_numpy(dtype=float), 5.0)
    ax.barh(y, point, color="#4c72b0", alpha=0.8)
    ax.errorbar(point, y, xerr=[point - low, high - point], fmt="none", ecolor="black", capsize=3)
    ax.axvline(1.0, color="grey", linestyle="--")
    ax.set_yticks(y, names, fontfamily=FONT, fontsize=8)
    ax.set_xlabel(text("chart.tva.x", lang), fontfamily=FONT)
    ax.set_title(text("chart.tva.title", lang), fontfamily=FONT)
    ax.xaxis.set_major_formatter(lambda x, _: f"{100 * x:.0f}%")
    fig.tight_layout()
    return fig
