"""Charts of the reports: pace against time, and target against actual with uncertainty bands.

Each chart is a :class:`Chart`, the matplotlib figure with a sentence in the page language that
says what it shows; the page gives that sentence as the image's alt text
(``templates/offline``). Periods, percentages and names are written as in the tables.
"""

from __future__ import annotations

import base64
import io
import textwrap
from contextlib import contextmanager

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import rc_context, rcParams
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ezlib.data.reference import entity_name, indicator_label
from ezlib.report.tables import (
    axis_scale,
    data_bundle,
    format_amount,
    format_date,
    format_figure,
    format_number,
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
        data: The numbers it draws, one row per mark, in the page language; the output
            carries them as ``text/csv`` (the site's download, nbval's comparison).
        name: The CSV file's name in the site, without ``.csv``.
        tight: Trim the image to what is drawn when saving (a second drawing pass); False
            for a figure whose margins are set (:func:`_spread`).
    """

    def __init__(
        self,
        figure: Figure,
        alt: str,
        data: pd.DataFrame | None = None,
        name: str | None = None,
        *,
        tight: bool = True,
    ) -> None:
        self.figure = figure
        self.alt = alt
        self.data = data
        self.name = name
        self.tight = tight

    def png(self) -> bytes:
        """The chart as PNG bytes, the same for the same figure (no timestamp or software tag)."""
        buffer = io.BytesIO()
        self.figure.savefig(
            buffer,
            format="png",
            dpi=DPI,
            bbox_inches="tight" if self.tight else None,
            metadata={"Software": None},
        )
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        data = {"image/png": base64.b64encode(self.png()).decode("ascii"), "text/plain": self.alt}
        metadata = {"image/png": {"alt": self.alt}}
        if self.data is not None:
            # The numbers drawn, as CSV: a file beside the page, and what nbval compares.
            csv, csv_metadata = data_bundle(self.data, self.name)
            data.update(csv)
            metadata.update(csv_metadata)
        return data, metadata

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
    highest = float(np.nanmax(rows["reached_point"], initial=1.0)) if len(rows) else 1.0
    top = min(max(1.1, highest * 1.15), PACE_TOP)
    series: dict[str, list[pd.Series]] = {}
    for _, row in rows.iterrows():
        series.setdefault(target_name(row, lang), []).append(row)
    legend_rows = -(-(len(series) + 1) // 2)  # the diagonal's entry and one per series
    with chart_style() as palette:
        fig = Figure(figsize=(6.5, 4.2 + LEGEND_ROW * legend_rows))
        _margins(fig, left=0.8, right=0.25, top=0.4, bottom=0.7 + LEGEND_ROW * legend_rows)
        ax = fig.add_subplot()
        ax.plot(
            [0, 1], [0, 1], color="grey", linestyle="--", label=text("chart.pace.diagonal", lang)
        )
        for i, (name, members) in enumerate(series.items()):
            color = palette[i % len(palette)]
            x = np.array([r["elapsed_share"] for r in members], dtype=float)
            point = np.array([r["reached_point"] for r in members], dtype=float)
            shown = np.minimum(point, top)
            low = np.minimum(np.array([r["reached_low"] for r in members], dtype=float), shown)
            high = np.clip(np.array([r["reached_high"] for r in members], dtype=float), shown, top)
            ax.errorbar(
                x,
                shown,
                yerr=[shown - low, high - shown],
                fmt="o",
                capsize=4,
                color=color,
                label=name,
            )
            for xi, pi in zip(x[point > top], point[point > top], strict=True):
                ax.annotate(
                    f"↑ {format_percent(pi, lang)}",
                    (xi, top),
                    textcoords="offset points",
                    xytext=(-4, -12),
                    ha="right",
                    fontsize=8,
                    color=color,
                )
        ax.set(xlim=(0, 1.05), ylim=(0, top))
        ax.set_xlabel(text("chart.pace.x", lang))
        ax.set_ylabel(text("chart.pace.y", lang))
        ax.set_title(text("chart.pace.title", lang))
        _percent_axis(ax.xaxis, lang)
        _percent_axis(ax.yaxis, lang)
        fig.legend(loc="lower center", ncol=2, frameon=False, fontsize=8)
    data = _attainment_data(rows, lang, elapsed=True)
    return Chart(fig, _pace_alt(rows, lang), data, "pace", tight=False)


LEGEND_ROW = 0.18
"""Inches of a legend's row at 8 points."""


def _margins(
    fig: Figure, *, left: float, right: float, top: float, bottom: float, **spacing: float
) -> None:
    """Set a figure's margins in inches (and its panels' ``hspace``/``wspace``).

    A figure laid out so is saved in one pass (``Chart(tight=False)``): ``tight_layout`` or
    ``bbox_inches="tight"`` would lay it out once more to measure it.
    """
    width, height = fig.get_size_inches()
    fig.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        top=1 - top / height,
        bottom=bottom / height,
        **spacing,
    )


def _attainment_data(
    rows: pd.DataFrame, lang: str, *, elapsed: bool, names: list[str] | None = None
) -> pd.DataFrame:
    """The numbers of the pace or target-and-actual chart as its CSV holds them."""
    data = {
        text("col.indicator", lang): names or [target_name(r, lang) for _, r in rows.iterrows()]
    }
    if elapsed:
        data[text("col.elapsed", lang)] = rows["elapsed_share"].to_numpy(dtype=float)
    data |= {
        text("col.estimate", lang): rows["reached_point"].to_numpy(dtype=float),
        text("col.low", lang): rows["reached_low"].to_numpy(dtype=float),
        text("col.high", lang): rows["reached_high"].to_numpy(dtype=float),
        text("col.fact", lang): rows["target_fact_id"].to_numpy(),
    }
    return pd.DataFrame(data)


def _pace_alt(rows: pd.DataFrame, lang: str) -> str:
    if rows.empty:
        return text("chart.pace.empty", lang)
    ahead = int((rows["pace_index_point"] >= 1).sum())
    items = text("list.sep", lang).join(
        text(
            "chart.pace.item",
            lang,
            name=target_name(row, lang),
            attainment=format_percent(row["reached_point"], lang),
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
    names = _bar_names(rows, lang)
    y = np.arange(len(rows))
    point = rows["reached_point"].to_numpy(dtype=float)
    low = np.clip(rows["reached_low"].to_numpy(dtype=float), 0, point)
    high = np.clip(rows["reached_high"].to_numpy(dtype=float), point, 5.0)
    with chart_style() as palette:
        fig = Figure(figsize=(6.5, 1.1 + 0.5 * max(len(rows), 1)))
        _margins(fig, left=0.25, right=0.3, top=0.4, bottom=0.65)
        ax = fig.add_subplot()
        ax.barh(y, point, height=0.45, color=palette[0], alpha=0.8)
        ax.errorbar(
            point, y, xerr=[point - low, high - point], fmt="none", ecolor="black", capsize=3
        )
        ax.axvline(1.0, color="grey", linestyle="--")
        # Each bar's name above it, from the axis: a long name needs no margin of its own.
        for yi, name in zip(y, names, strict=True):
            ax.text(
                0.005,
                yi - 0.27,
                name,
                transform=ax.get_yaxis_transform(),
                fontsize=8,
                zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85},
            )
        ax.set_yticks([])
        ax.set_ylim(len(rows) - 0.5, -0.85)
        ax.set_xlim(0, max(1.1, float(np.nanmax(high, initial=1.0)) * 1.05))
        ax.set_xlabel(text("chart.tva.x", lang))
        ax.set_title(text("chart.tva.title", lang))
        _percent_axis(ax.xaxis, lang)
    data = _attainment_data(rows, lang, elapsed=False, names=names)
    return Chart(fig, _tva_alt(rows, names, lang), data, "attainment", tight=False)


def _tva_alt(rows: pd.DataFrame, names: list[str], lang: str) -> str:
    if rows.empty:
        return text("chart.tva.empty", lang)
    items = text("list.sep", lang).join(
        text(
            "chart.tva.item",
            lang,
            name=name,
            attainment=format_share(
                row["reached_low"], row["reached_point"], row["reached_high"], lang
            ),
        )
        for name, (_, row) in zip(names, rows.iterrows(), strict=True)
    )
    met = int((rows["reached_point"] >= 1).sum())
    return text("chart.tva.alt", lang, n=targets(len(rows), lang), met=met, items=items)


# ---------------------------------------------------------------------------------------------
# Time series: a zone's annual results against its annual plans, and its multi-year plans'
# readings against their on-pace paths (ezlib.progress.series).

SERIES_ORDER = (
    "fdi_capital",
    "domestic_capital",
    "total_investment",
    "fdi_projects",
    "domestic_projects",
    "projects",
    "export_value",
    "budget_revenue",
    "production_value",
)
"""The indicators the annual chart draws, in this order: investment, projects, exports and
the budget. The other one-year figures (new projects, capital increases …) are in the facts
browser and the dataset."""


@contextmanager
def chart_style():
    """The one style of every chart: seaborn's white grid, colour-blind palette, DejaVu Sans."""
    with (
        sns.axes_style("whitegrid", {"font.family": FONT}),
        sns.plotting_context("notebook", font_scale=0.8),
        # A title at a set height: matplotlib otherwise measures every tick label of the
        # axes at each drawing to lift the title above them (a fifth of a chart's time).
        rc_context({"axes.titley": 1.0}),
    ):
        yield sns.color_palette("colorblind")


def _amount_axis(axis, top: float, unit: str, lang: str) -> str:
    """Write an axis's ticks in one scale ("12,5") and return its label ("tỷ USD")."""
    size, label = axis_scale(top, unit, lang)
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value / size, lang)))
    return label


def _panels(n: int) -> tuple[Figure, list]:
    columns = 1 if n == 1 else 2
    rows = -(-n // columns)
    fig = Figure(figsize=(6.5 if columns == 2 else 5.0, 0.4 + 2.6 * rows))
    axes = [fig.add_subplot(rows, columns, i + 1) for i in range(n)]
    return fig, axes


PANEL_TITLE_WIDTH = 38
"""Characters of a panel's title per line: a longer one wraps, so that it stays over its panel."""


def _panel_title(title: str) -> str:
    return textwrap.fill(title, PANEL_TITLE_WIDTH)


def _spread(fig: Figure) -> None:
    """Space a figure's panels, with the legend's row at the bottom.

    Fixed margins instead of ``tight_layout``, which draws every panel twice; the chart is then
    saved as it is (``Chart(tight=False)``), without a second pass to trim it.
    """
    width = fig.get_figwidth()
    _margins(
        fig, left=0.12 * width, right=0.03 * width, top=0.5, bottom=0.75, hspace=0.75, wspace=0.35
    )


def _unlabelled(ax) -> None:
    """Give a panel's axes placeholder labels before seaborn draws on it.

    Seaborn labels an unlabelled axis ("year", "point"), and first lays out every tick label
    to decide whether the label shows: more than a third of a panel's time, for nothing. The
    panel sets its own labels after seaborn's calls.
    """
    ax.set(xlabel=" ", ylabel=" ")


def _series_title(entity: str, indicator: str, zone: str, lang: str) -> str:
    label = indicator_label(indicator, lang)
    return label if entity == zone else f"{label}: {entity_name(entity, lang)}"


def annual_chart(series: pd.DataFrame, zone: str, lang: str) -> Chart:
    """Plot each indicator's one-year results against its one-year plans, year by year.

    One panel per indicator (and part of the zone, where a park reports on its own), in one
    unit (money in USD): each source's result a dot with its band, the line through the most
    recently published result of each year, each plan an open diamond with its range.

    Args:
        series: ``ezlib.progress.series.annual_series`` of the zone.
        zone: The zone's entity id.
        lang: ``vi`` or ``en``.
    """
    drawn = series[series["indicator"].isin(SERIES_ORDER)]
    with_actuals = drawn.groupby(["entity_id", "indicator"])["kind"].transform(
        lambda k: (k == "actual").any()
    )
    rows = drawn[with_actuals.astype(bool)] if len(drawn) else drawn
    data = _series_data(rows, zone, lang)
    if rows.empty:
        fig = Figure(figsize=(5.0, 1.0))
        return Chart(fig, text("chart.annual.empty", lang), data, "annual")
    order = {name: i for i, name in enumerate(SERIES_ORDER)}
    keys = sorted(
        rows.groupby(["entity_id", "indicator"], sort=False).groups,
        key=lambda k: (order.get(k[1], len(order)), k[0] != zone),
    )
    with chart_style() as palette:
        fig, axes = _panels(len(keys))
        for ax, (entity, indicator) in zip(axes, keys, strict=True):
            mine = rows[(rows["entity_id"] == entity) & (rows["indicator"] == indicator)]
            _annual_panel(ax, mine, palette, lang)
            ax.set_title(_panel_title(_series_title(entity, indicator, zone, lang)), fontsize=9)
        handles, labels = axes[0].get_legend_handles_labels()
        for ax in axes[1:]:
            for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
                if label not in labels:
                    handles.append(handle)
                    labels.append(label)
        fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False, fontsize=8)
        _spread(fig)
    return Chart(fig, _annual_alt(rows, keys, zone, lang), data, "annual", tight=False)


def _annual_panel(ax, rows: pd.DataFrame, palette, lang: str) -> None:
    actual, plan = rows[rows["kind"] == "actual"], rows[rows["kind"] == "target"]
    finite = rows[["low", "point", "high"]].to_numpy(dtype=float)
    top = float(np.nanmax(np.where(np.isfinite(finite), finite, np.nan), initial=0.0)) or 1.0
    latest = actual.sort_values("published").groupby("year").tail(1).sort_values("year")
    axis_label = _amount_axis(ax.yaxis, top, str(rows["unit"].iloc[0]), lang)
    _unlabelled(ax)
    sns.lineplot(
        data=latest,
        x="year",
        y="point",
        ax=ax,
        color=palette[0],
        linewidth=1.5,
        estimator=None,
        errorbar=None,
        sort=False,
        legend=False,
    )
    # Each source's result and its band (what its wording allows); a plan's range or floor.
    ax.vlines(actual["year"], actual["low"], actual["high"].clip(upper=top), color=palette[0])
    sns.scatterplot(
        data=actual,
        x="year",
        y="point",
        ax=ax,
        color=palette[0],
        s=36,
        zorder=3,
        label=text("chart.annual.actual", lang),
        legend=False,
    )
    if len(plan):
        ax.vlines(plan["year"], plan["low"], plan["high"].clip(upper=top * 1.1), color=palette[1])
        sns.scatterplot(
            data=plan,
            x="year",
            y="point",
            ax=ax,
            marker="D",
            facecolor="none",
            edgecolor=palette[1],
            linewidth=1.5,
            s=40,
            zorder=3,
            label=text("chart.annual.plan", lang),
            legend=False,
        )
    ax.set(xlabel="", ylabel=axis_label)
    years = rows["year"].astype(int)
    if years.max() - years.min() < 6:
        ax.set_xticks(range(years.min(), years.max() + 1))
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.set_xlim(years.min() - 0.5, years.max() + 0.5)
    ax.set_ylim(0, top * 1.15)


def _series_data(rows: pd.DataFrame, zone: str, lang: str) -> pd.DataFrame:
    """The numbers of the annual chart as its CSV holds them, in the page language."""
    return pd.DataFrame(
        {
            text("col.indicator", lang): [
                _series_title(e, i, zone, lang)
                for e, i in zip(rows["entity_id"], rows["indicator"], strict=True)
            ],
            text("col.kind", lang): [text(f"kind.{k}", lang) for k in rows["kind"]],
            text("col.year", lang): rows["year"].astype(int).to_numpy(),
            text("facts.col.figure", lang): [_written(row, lang) for _, row in rows.iterrows()],
            text("col.estimate", lang): rows["point"].to_numpy(dtype=float),
            text("col.low", lang): rows["low"].to_numpy(dtype=float),
            text("col.high", lang): rows["high"].to_numpy(dtype=float),
            text("col.unit", lang): rows["unit"].to_numpy(),
            text("col.fact", lang): rows["fact_id"].to_numpy(),
        }
    )


def _written(row: pd.Series, lang: str) -> str:
    """A series point as its source wrote it, hedge and unit included: "gần 2,5 tỷ USD"."""
    return format_figure(
        row["written_value"],
        row["written_unit"],
        lang,
        row["qualifier"],
        row["written_value_high"],
    )


def _annual_alt(rows: pd.DataFrame, keys: list, zone: str, lang: str) -> str:
    items = []
    for entity, indicator in keys:
        mine = rows[(rows["entity_id"] == entity) & (rows["indicator"] == indicator)]
        figures = text("list.sep", lang).join(
            text(
                f"chart.annual.item_{row['kind']}",
                lang,
                year=int(row["year"]),
                x=_written(row, lang),
            )
            for _, row in mine.iterrows()
        )
        items.append(f"{_series_title(entity, indicator, zone, lang)}: {figures}")
    return text("chart.annual.alt", lang, items=". ".join(items))


def plan_path_chart(paths: pd.DataFrame, lang: str) -> Chart:
    """Plot each multi-year plan's readings against the straight path that meets it on time.

    One panel per plan: the readings (dots with their bands, joined), the on-pace path from
    the period's start (0, or the baseline of a level target) to the target at its end, and
    the target (a dashed line; its band shaded).

    Args:
        paths: ``ezlib.progress.series.plan_paths`` of the zone.
        lang: ``vi`` or ``en``.
    """
    paths = _distinct_plans(paths)
    data = _path_data(paths, lang)
    plans = list(dict.fromkeys(paths["target_fact_id"]))
    if not plans:
        return Chart(Figure(figsize=(5.0, 1.0)), text("chart.path.empty", lang), data, "plans")
    with chart_style() as palette:
        fig, axes = _panels(len(plans))
        for ax, plan in zip(axes, plans, strict=True):
            _path_panel(ax, paths[paths["target_fact_id"] == plan], palette, lang)
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False, fontsize=8)
        _spread(fig)
    return Chart(fig, _path_alt(paths, plans, lang), data, "plans", tight=False)


def _distinct_plans(paths: pd.DataFrame) -> pd.DataFrame:
    """Drop a plan that two sources state alike (same indicator, period, target, readings)."""
    seen, keep = set(), []
    for plan, rows in paths.groupby("target_fact_id", sort=False):
        key = (
            rows["indicator"].iloc[0],
            int(rows["period_start_year"].iloc[0]),
            int(rows["period_end_year"].iloc[0]),
            tuple(rows.loc[rows["point_kind"] != "target", "point"].round(6)),
            round(float(rows.loc[rows["point_kind"] == "target", "point"].iloc[0]), 6),
        )
        if key not in seen:
            seen.add(key)
            keep.append(plan)
    return paths[paths["target_fact_id"].isin(keep)]


def _path_panel(ax, rows: pd.DataFrame, palette, lang: str) -> None:
    first = rows.iloc[0]
    unit = str(first["unit"])
    target = rows[rows["point_kind"] == "target"].iloc[0]
    start = rows[rows["point_kind"] == "start"]
    readings = rows[rows["point_kind"] == "reading"]
    begin, end = float(first["period_start_year"]), _decimal_years(target["date"])
    top = float(np.nanmax(rows[["point", "high"]].to_numpy(dtype=float))) * 1.15
    if len(start):
        ax.plot(
            [begin, end],
            [start["point"].iloc[0], target["point"]],
            color="grey",
            linestyle=":",
            label=text("chart.path.path", lang),
        )
    ax.axhspan(target["low"], target["high"], color=palette[1], alpha=0.15, linewidth=0)
    ax.axhline(
        target["point"], color=palette[1], linestyle="--", label=text("chart.path.target", lang)
    )
    when = _decimal_years(readings["date"])
    ax.vlines(when, readings["low"], readings["high"], color=palette[0])
    axis_label = _amount_axis(ax.yaxis, top, unit, lang)
    _unlabelled(ax)
    sns.lineplot(
        x=when,
        y=readings["point"].to_numpy(dtype=float),
        ax=ax,
        color=palette[0],
        marker="o",
        estimator=None,
        errorbar=None,
        sort=False,
        legend=False,
        label=text("chart.path.reading", lang),
    )
    ax.set(xlabel="", ylabel=axis_label)
    _year_spans(ax.xaxis, int(first["period_start_year"]), int(target["date"].year))
    # A total starts at 0; a level target's axis starts near its baseline, or a rise of 6%
    # (6.074 to 6.418 ha) would not show.
    low = float(np.nanmin(rows["low"]))
    total = bool(len(start)) and start["point"].iloc[0] == 0
    ax.set_ylim(0.0 if total or low <= 0 else low * 0.95, top)
    ax.set_title(
        _panel_title(target_name(first, lang)),
        fontsize=9,
    )


def _year_spans(axis, first: int, last: int) -> None:
    """Mark each year of a time axis as the span it is, its name in the middle.

    A line at each 1 January, the year's name halfway to the next: a reading "by the end of
    2024" lies at the right end of 2024, where a tick named 2025 would misdate it. The lines
    are one collection, not ticks: matplotlib's ticks are the dearest part of a panel.
    """
    ax = axis.axes
    ax.set_xlim(first - 0.1, last + 1.1)
    years = range(first, last + 1)
    axis.set_ticks([y + 0.5 for y in years], [str(y) for y in years])
    axis.set_tick_params(length=0)
    ax.grid(False, axis="x")
    ax.vlines(
        range(first, last + 2),
        0,
        1,
        transform=ax.get_xaxis_transform(),
        color=rcParams["grid.color"],
        linewidth=rcParams["grid.linewidth"],
        zorder=0.5,
    )


def _decimal_years(dates):
    """Dates as years with their fraction: 30 June 2024 is 2024.49.

    A numeric time axis is much cheaper to draw than one of dates.
    """
    stamps = pd.DatetimeIndex(np.atleast_1d(dates))
    years = stamps.year.to_numpy(dtype=float)
    days = np.where(stamps.is_leap_year, 366.0, 365.0)
    out = years + (stamps.day_of_year.to_numpy(dtype=float) - 1) / days
    return out if np.ndim(dates) else float(out[0])


def _path_data(paths: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The numbers of the plan-path chart as its CSV holds them, in the page language."""
    return pd.DataFrame(
        {
            text("col.indicator", lang): [target_name(row, lang) for _, row in paths.iterrows()],
            text("col.kind", lang): [text(f"chart.path.{k}", lang) for k in paths["point_kind"]],
            text("col.date", lang): [d.strftime("%Y-%m-%d") for d in paths["date"]],
            text("col.estimate", lang): paths["point"].to_numpy(dtype=float),
            text("col.low", lang): paths["low"].to_numpy(dtype=float),
            text("col.high", lang): paths["high"].to_numpy(dtype=float),
            text("col.unit", lang): paths["unit"].to_numpy(),
            text("col.sources", lang): [" ".join(ids) for ids in paths["fact_ids"]],
        }
    )


def _path_alt(paths: pd.DataFrame, plans: list, lang: str) -> str:
    items = []
    for plan in plans:
        rows = paths[paths["target_fact_id"] == plan]
        first, target = rows.iloc[0], rows[rows["point_kind"] == "target"].iloc[0]
        readings = text("list.sep", lang).join(
            text(
                "chart.path.item",
                lang,
                date=format_date(row["date"], lang, "month"),
                x=format_amount(row["point"], row["unit"], lang),
            )
            for _, row in rows[rows["point_kind"] == "reading"].iterrows()
        )
        items.append(
            text(
                "chart.path.plan",
                lang,
                name=target_name(first, lang),
                target=format_amount(target["point"], target["unit"], lang),
                readings=readings,
            )
        )
    return text("chart.path.alt", lang, items=" ".join(items))
