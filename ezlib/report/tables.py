"""Reader-facing tables: assessed targets, sources and quotes, formatted in vi or en."""

from __future__ import annotations

import math

import pandas as pd

from ezlib.data.reference import load_indicators
from ezlib.report.words import text

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
    """Format a zone's assessed targets (``ezlib.progress.zone.assess``) for readers.

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
        period = plan_period(row["period_start_year"], row["period_end_year"])
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
                    x
                    for x in (
                        row["target_fact_id"],
                        evidence_ids(row["actual_fact_ids"], row["pairing"]),
                    )
                    if x
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


def evidence_ids(ids: list[str], pairing: str) -> str:
    """Write the actuals behind a pair as their arithmetic: "a + b", or "a - b + c - d".

    Args:
        ids: The pair's ``actual_fact_ids``.
        pairing: How they were paired (:func:`ezlib.progress.pairing.pair_targets`): a rise
            of levels (``from_levels``) lists each part's later level, then its first.
    """
    if pairing != "from_levels":
        return " + ".join(ids)
    return " + ".join(
        f"{later} - {first}" for later, first in zip(ids[::2], ids[1::2], strict=True)
    )


def fact_ids_of(table: pd.DataFrame) -> list[str]:
    """Every fact id behind an assessed table: its targets, then its actuals."""
    ids = list(table["target_fact_id"])
    for actuals in table["actual_fact_ids"]:
        ids += actuals
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


def _number(x: float) -> str:
    return f"{x:.4g}"


def checks_display(checks: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format the consistency checks (:func:`ezlib.progress.consistency.consistency_checks`).

    Args:
        checks: The checks of one zone, or of every entity (then with ``entity_id``).
        lang: ``vi`` or ``en``.

    Returns:
        One row per check: what is checked, the facts, status, discrepancy, tolerance, note; a
        multiple whose base is not reported shows the base each reading implies instead.
    """
    rows = []
    for _, check in checks.iterrows():
        row = {} if "entity_id" not in checks else {text("col.zone", lang): check["entity_id"]}
        row |= {
            text("col.check", lang): check["check"],
            text("col.sources", lang): " ; ".join(check["fact_ids"]),
            text("col.status", lang): check["status"],
            text("col.discrepancy", lang): _number(check["discrepancy"]),
            text("col.tolerance", lang): _number(check["tolerance"]),
            text("col.note", lang): check["note"],
        }
        if check["status"] == "base_not_reported":
            details, unit = check["details"], check["unit"]
            times, plus, m = details["times"], details["plus"], details["multiple"]
            row[text("col.status", lang)] = "base not reported"
            row[text("col.discrepancy", lang)] = ""
            row[text("col.tolerance", lang)] = ""
            row[text("col.note", lang)] = (
                f"{details['ref_start_year']}–{details['ref_end_year']}: "
                f"{format_amount(times.point, unit, lang)} "
                f"({format_amount(times.low, unit, lang)}–{format_amount(times.high, unit, lang)}) "
                f"if ×{m:g}; {format_amount(plus.point, unit, lang)} if +{m:g}×"
            )
        rows.append(row)
    keys = ("check", "sources", "status", "discrepancy", "tolerance", "note")
    keys = ("zone", *keys) if "entity_id" in checks else keys
    return pd.DataFrame(rows, columns=[text(f"col.{key}", lang) for key in keys])


def comparison_display(comparison: pd.DataFrame, facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format the zone comparison (:func:`ezlib.progress.compare.compare_zones`) for readers.

    Args:
        comparison: The comparison table.
        facts: The loaded facts (for the zones' names and the indicators' labels).
        lang: ``vi`` or ``en``.
    """
    names = facts.drop_duplicates("entity_id").set_index("entity_id")[f"entity_name_{lang}"]
    labels = facts.drop_duplicates("indicator").set_index("indicator")[f"indicator_label_{lang}"]
    rows = []
    for _, row in comparison.iterrows():
        measured = bool(row["measured"])
        rows.append(
            {
                text("col.zone", lang): names.get(row["entity_id"], row["entity_id"]),
                text("col.indicator", lang): labels[row["indicator"]],
                text("col.plan", lang): plan_period(
                    row["period_start_year"], row["period_end_year"]
                ),
                text("col.per_year", lang): format_amount(row["target_per_year_usd"], "USD", lang),
                text("col.measured", lang): "✓" if measured else text("no_actual", lang),
                text("col.attainment", lang): f"{100 * row['attainment_point']:.0f}%"
                if measured
                else "–",
                text("col.sources", lang): row["target_fact_id"],
            }
        )
    return pd.DataFrame(rows)


_AUDIT_HEADERS = {
    "province": "col.zone",
    "indicator": "col.indicator",
    "entity_id": "col.zone",
    "source_kind": "col.source",
    "fact_id": "col.fact",
    "value": "col.value",
    "note": "col.note",
}


def audit_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format a table of the data audit (:mod:`ezlib.progress.audit`) for readers.

    Args:
        table: ``coverage``, ``provenance_summary``, ``anomalies`` or ``conflicts``.
        lang: ``vi`` or ``en``.
    """
    out = table.copy()
    if "quote_at_offsets" in out:
        out["quote_at_offsets"] = [
            "✓" if x else "n/a (cited by URL)" for x in out["quote_at_offsets"]
        ]
        out["extractor_reads_value"] = ["✓" if x else "✗" for x in out["extractor_reads_value"]]
    if "fact_ids" in out:  # conflicts: the lowest and the highest value, and their gap
        if out.empty:
            return pd.DataFrame()
        out = pd.DataFrame(
            {
                text("col.indicator", lang): out["indicator"],
                text("col.zone", lang): out["entity_id"],
                text("col.fact", lang): [" ≠ ".join(ids) for ids in out["fact_ids"]],
                text("col.value", lang): [
                    f"{low:,.6g} vs {high:,.6g} {unit}"
                    for low, high, unit in zip(out["low"], out["high"], out["unit"], strict=True)
                ],
                text("col.discrepancy", lang): [
                    f"{high - low:,.6g} ({100 * (high / low - 1):.1f}%)" if low else ""
                    for low, high in zip(out["low"], out["high"], strict=True)
                ],
            }
        )
        return out
    if "value" in out:
        out["value"] = out["value"].map("{:,.6g}".format)
    return out.rename(columns={k: text(v, lang) for k, v in _AUDIT_HEADERS.items()})
