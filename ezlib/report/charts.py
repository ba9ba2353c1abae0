"""Charts of the reports: pace against time, and target against actual with uncertainty bands.

Each chart is a :class:`Chart`, the matplotlib figure with a sentence in the page language that
says what it shows; the page gives that sentence as the image's alt text
(``templates/offline``). Periods, percentages and names are written as in the tables.
"""

from __future__ import annotations

import base64
import io

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ezlib.data.reference import indicator_label
from ezlib.report.tables import (
    format_percent,
    format_share,
    plan_period,
    target_figure,
    target_name,
)
from ezlib.report.words import targets, text

# DejaVu Sans (matplotlib's bundled font) has every Vietnamese glyph; tests check it.
FONT = "DejaVu Sans"

DPI = 100
"""Resolution of the charts' PNG images: a 6.5-inch chart is 650 pixels wide."""

PACE_TOP = 3.0
"""The pace chart shows attainment up to 300%; a point above it is drawn at the edge, labelled."""


class Chart:
    """A chart as a report shows it: a PNG image and its alt text.

    A notebook cell that ends with a chart displays it as ``image/png`` with the alt text in
    the output's metadata (and as its ``text/plain``); ``figure`` is the matplotlib figure for
    researchers who want to change it.

    Attributes:
        figure: The figure.
        alt: What the chart shows, in the page language.
    """

    def __init__(self, figure: Figure, alt: str) -> None:
        self.figure = figure
        self.alt = alt

    def png(self) -> bytes:
        """The chart as PNG bytes, the same for the same figure (no timestamp or software tag)."""
        buffer = io.BytesIO()
        self.figure.savefig(
            buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None}
        )
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        data = {"image/png": base64.b64encode(self.png()).decode("ascii"), "text/plain": self.alt}
        return data, {"image/png": {"alt": self.alt}}

    def __repr__(self) -> str:
        return self.alt


def _percent_axis(axis, lang: str) -> None:
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_percent(value, lang)))


def pace_chart(table: pd.DataFrame, lang: str) -> Chart:
    """Plot attainment against the share of the plan period elapsed, with the on-pace diagonal.

    Points above the diagonal are ahead of a linear pace; error bars are the qualifier bands.
    Targets of the same indicator and period are one series (one colour, one legend entry).

    Args:
        table: Assessed targets (``ezlib.progress.zone.zone_progress``); rows without a pace are
            skipped.
        lang: ``vi`` or ``en``.
    """
    rows = (
        table[table["pace_index_point"].notna()] if "pace_index_point" in table else table.iloc[0:0]
    )
    fig = Figure(figsize=(6.5, 4.5))
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=text("chart.pace.diagonal", lang))
    highest = float(np.nanmax(rows["attainment_point"], initial=1.0)) if len(rows) else 1.0
    top = min(max(1.1, highest * 1.15), PACE_TOP)
    series: dict[str, list[pd.Series]] = {}
    for _, row in rows.iterrows():
        series.setdefault(target_name(row, lang), []).append(row)
    for name, members in series.items():
        x = np.array([r["elapsed_share"] for r in members], dtype=float)
        point = np.array([r["attainment_point"] for r in members], dtype=float)
        shown = np.minimum(point, top)
        low = np.minimum(np.array([r["attainment_low"] for r in members], dtype=float), shown)
        high = np.clip(np.array([r["attainment_high"] for r in members], dtype=float), shown, top)
        drawn = ax.errorbar(
            x, shown, yerr=[shown - low, high - shown], fmt="o", capsize=4, label=name
        )
        for xi, pi in zip(x[point > top], point[point > top], strict=True):
            ax.annotate(
                f"↑ {format_percent(pi, lang)}",
                (xi, top),
                textcoords="offset points",
                xytext=(-4, -12),
                ha="right",
                fontsize=8,
                fontfamily=FONT,
                color=drawn[0].get_color(),
            )
    ax.set(xlim=(0, 1.05), ylim=(0, top))
    ax.set_xlabel(text("chart.pace.x", lang), fontfamily=FONT)
    ax.set_ylabel(text("chart.pace.y", lang), fontfamily=FONT)
    ax.set_title(text("chart.pace.title", lang), fontfamily=FONT)
    ax.tick_params(labelfontfamily=FONT)
    _percent_axis(ax.xaxis, lang)
    _percent_axis(ax.yaxis, lang)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.13),
        ncol=2,
        frameon=False,
        prop={"family": FONT, "size": 8},
    )
    fig.tight_layout()
    return Chart(fig, _pace_alt(rows, lang))


def _pace_alt(rows: pd.DataFrame, lang: str) -> str:
    if rows.empty:
        return text("chart.pace.empty", lang)
    ahead = int((rows["pace_index_point"] >= 1).sum())
    items = text("list.sep", lang).join(
        text(
            "chart.pace.item",
            lang,
            name=target_name(row, lang),
            attainment=format_percent(row["attainment_point"], lang),
            elapsed=format_percent(row["elapsed_share"], lang),
        )
        for _, row in rows.iterrows()
    )
    return text(
        "chart.pace.alt",
        lang,
        n=targets(len(rows), lang),
        ahead=ahead,
        behind=len(rows) - ahead,
        items=items,
    )


def _bar_names(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each bar's name: indicator and period, and the target and its fact where two read alike."""
    names = [target_name(row, lang) for _, row in rows.iterrows()]
    return [
        text(
            "chart.name_target",
            lang,
            label=indicator_label(row["indicator"], lang),
            period=plan_period(row["period_start_year"], row["period_end_year"]),
            target=target_figure(row, lang),
            fact=row["target_fact_id"],
        )
        if names.count(name) > 1
        else name
        for name, (_, row) in zip(names, rows.iterrows(), strict=True)
    ]


def target_actual_chart(table: pd.DataFrame, lang: str) -> Chart:
    """Plot each measured target's attainment as a bar with its band, against the 100% line.

    Args:
        table: Assessed targets; only measured rows are drawn, the table's first on top.
        lang: ``vi`` or ``en``.
    """
    rows = table[table["status"] == "measured"]
    fig = Figure(figsize=(6.5, 0.9 + 0.45 * max(len(rows), 1)))
    ax = fig.add_subplot()
    names = _bar_names(rows, lang)
    y = np.arange(len(rows))
    point = rows["attainment_point"].to_numpy(dtype=float)
    low = np.clip(rows["attainment_low"].to_numpy(dtype=float), 0, point)
    high = np.clip(rows["attainment_high"].to_numpy(dtype=float), point, 5.0)
    ax.barh(y, point, color="#4c72b0", alpha=0.8)
    ax.errorbar(point, y, xerr=[point - low, high - point], fmt="none", ecolor="black", capsize=3)
    ax.axvline(1.0, color="grey", linestyle="--")
    ax.set_yticks(y, names, fontfamily=FONT, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(text("chart.tva.x", lang), fontfamily=FONT)
    ax.set_title(text("chart.tva.title", lang), fontfamily=FONT)
    ax.tick_params(labelfontfamily=FONT)
    _percent_axis(ax.xaxis, lang)
    fig.tight_layout()
    return Chart(fig, _tva_alt(rows, names, lang))


def _tva_alt(rows: pd.DataFrame, names: list[str], lang: str) -> str:
    if rows.empty:
        return text("chart.tva.empty", lang)
    items = text("list.sep", lang).join(
        text(
            "chart.tva.item",
            lang,
            name=name,
            attainment=format_share(
                row["attainment_low"], row["attainment_point"], row["attainment_high"], lang
            ),
        )
        for name, (_, row) in zip(names, rows.iterrows(), strict=True)
    )
    met = int((rows["attainment_point"] >= 1).sum())
    return text("chart.tva.alt", lang, n=targets(len(rows), lang), met=met, items=items)
