"""Reader-facing tables: assessed targets, sources and quotes, formatted in vi or en."""

from __future__ import annotations

import math

import pandas as pd

from ezlib.i18n import text
from ezlib.reference import load_indicators

_SCALES = (
    (1e12, {"vi": "nghìn tỷ", "en": "trn"}),
    (1e9, {"vi": "tỷ", "en": "bn"}),
    (1e6, {"vi": "triệu", "en": "m"}),
)


def format_amount(value: float, unit: str, lang: str) -> str:
    """Write an amount the way its readers write it: "12,51 tỷ USD" or "12.51 bn USD".

    Args:
        value: The amount in base units.
        unit: Its unit (``USD``, ``ha``, ``percent``, ``count`` …).
        lang: ``vi`` (decimal comma) or ``en`` (decimal point).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    word = ""
    shown = value
    if unit in ("USD", "VND"):
        for size, words in _SCALES:
            if abs(value) >= size:
                shown, word = value / size, words[lang]
                break
    number = (
        f"{shown:,.2f}".rstrip("0").rstrip(".") if abs(shown) < 1000 or word else f"{shown:,.0f}"
    )
    if lang == "vi":
        number = number.replace(",", " ").replace(".", ",").replace(" ", ".")
    if word:
        return f"{number} {word} {unit}"
    suffix = {
        "percent": "%",
        "count": "",
        "persons": {"vi": " người", "en": " persons"}[lang],
        "times": "×",
    }.get(unit, f" {unit}")
    return number + suffix


def format_share(low: float, point: float, high: float, lang: str) -> str:
    """Write a share with its band: "84% (83–85%)"."""
    if point is None or math.isnan(point):
        return "–"

    def pct(x: float) -> str:
        s = f"{100 * x:.0f}%"
        return s

    if math.isclose(low, high, rel_tol=1e-3) or math.isnan(low) or math.isnan(high):
        return pct(point)
    return f"{pct(point)} ({pct(low)}–{pct(high)})"


def format_decimal(value: float, lang: str, digits: int = 2) -> str:
    """Write a plain number with the reader's decimal mark: 1,40 (vi) or 1.40 (en)."""
    if value is None or math.isnan(value):
        return "–"
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "vi" else shown


def plan_period(start: float, end: float) -> str:
    """Write a plan period: "2021–2025", or "2024" for a single year."""
    if math.isnan(start) or start == end:
        return f"{end:.0f}"
    return f"{start:.0f}–{end:.0f}"


def _label(indicator: str, lang: str) -> str:
    table = load_indicators().set_index("indicator_id")
    return table.loc[indicator, "label_vi" if lang == "vi" else "label_en"]


def _category(row: pd.Series, column: str, lang: str) -> str:
    label = row[f"{column}_category"]
    if label is None or (isinstance(label, float) and math.isnan(label)):
        return "–"
    shown = str(label).replace("_", " ")
    if bool(row[f"{column}_borderline"]):
        shown += f" ({text('borderline', lang)})"
    return shown


def progress_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format a zone's assessed targets (``ezlib.progress.assess``) for readers.

    Args:
        table: The assessed targets.
        lang: ``vi`` or ``en``.

    Returns:
        One row per target: indicator, plan period, target, actual, attainment with band,
        time elapsed, pace, required yearly amount, projection, Eurostat and UNSD categories,
        and the fact ids of its sources.
    """
    rows = []
    for _, row in table.iterrows():
        period = plan_period(row["plan_start_year"], row["plan_end_year"])
        target = format_amount(row["target_value"], row["unit"], lang)
        if not math.isnan(row["target_value_high"]):
            target = f"{target}–{format_amount(row['target_value_high'], row['unit'], lang)}"
        if row["target_measure"] == "implied":
            target = f"≈ {format_amount(row['target_point'], row['unit'], lang)}"
        measured = row["status"] == "measured"
        rows.append(
            {
                text("col.indicator", lang): _label(row["indicator"], lang),
                text("col.plan", lang): period,
                text("col.target", lang): target,
                text("col.actual", lang): format_amount(row["actual_value"], row["unit"], lang)
                if measured
                else text("no_actual", lang),
                text("col.attainment", lang): format_share(
                    row["attainment_low"], row["attainment_point"], row["attainment_high"], lang
                )
                if measured
                else "–",
                text("col.elapsed", lang): format_share(
                    row["elapsed_share"], row["elapsed_share"], row["elapsed_share"], lang
                )
                if measured
                else "–",
                text("col.pace", lang): format_decimal(row["pace_index_point"], lang),
                text("col.required", lang): format_amount(
                    row["required_run_rate_point"], row["unit"], lang
                ),
                text("col.projection", lang): format_amount(
                    row["projection_point"], row["unit"], lang
                ),
                text("col.category", lang): _category(row, "eurostat", lang) if measured else "–",
                text("col.unsd", lang): _category(row, "unsd", lang) if measured else "–",
                text("col.sources", lang): " ; ".join(
                    x for x in (row["target_fact_id"], row["actual_fact_ids"]) if x
                ),
            }
        )
    return pd.DataFrame(rows)


def sources_display(facts: pd.DataFrame, fact_ids: list[str], lang: str) -> pd.DataFrame:
    """List each fact's quote and its source (title, publisher, date, address) for readers.

    Args:
        facts: The loaded facts.
        fact_ids: The ids to list (in this order, duplicates dropped).
        lang: ``vi`` or ``en``.
    """
    wanted = list(dict.fromkeys(fact_ids))
    chosen = facts.set_index("fact_id").loc[[f for f in wanted if f in set(facts["fact_id"])]]
    return pd.DataFrame(
        {
            text("col.fact", lang): chosen.index,
            text("col.quote", lang): ["“" + q + "”" for q in chosen["quote"]],
            text("col.source", lang): [
                f"{t} ({p})" + (f" {u}" if u else "")
                for t, p, u in zip(
                    chosen["source_title"],
                    chosen["source_publisher"],
                    chosen["source_url"],
                    strict=True,
                )
            ],
            text("col.date", lang): chosen["source_published_date"]
            .dt.strftime("%Y-%m-%d")
            .to_numpy(),
        }
    )


def fact_ids_of(table: pd.DataFrame) -> list[str]:
    """Every fact id behind an assessed table (targets and actuals, "a - b + c" split up)."""
    ids: list[str] = []
    for column in ("target_fact_id", "actual_fact_ids"):
        for cell in table[column]:
            ids += [
                p.strip()
                for p in str(cell).replace("+", " ").replace(" - ", " ").split()
                if p.strip()
            ]
    return ids


class Table:
    """A reader-facing table: rendered without the row index, long text in full, links live.

    Notebooks end a cell with ``show(frame)``; the HTML is stable from run to run, so nbval can
    compare it.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def _repr_html_(self) -> str:
        return self.frame.to_html(index=False, border=0, render_links=True, na_rep="–")

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def show(frame: pd.DataFrame) -> Table:
    """Wrap a table for display in a report (no index column, full quotes, clickable URLs)."""
    return Table(frame)
