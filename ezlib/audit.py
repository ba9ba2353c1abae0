"""The data audit: coverage, provenance results, anomalies and conflicts between sources."""

from __future__ import annotations

import pandas as pd

from ezlib.i18n import text


def coverage(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Count facts by province, indicator and kind (targets, actuals, baselines)."""
    table = (
        facts.groupby(["province", "indicator", "kind"], observed=True)
        .size()
        .unstack("kind", fill_value=0)
        .reset_index()
    )
    table.columns.name = None
    return table.rename(
        columns={"province": text("col.zone", lang), "indicator": text("col.indicator", lang)}
    )


def provenance_summary(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Summarise the provenance checks that ``load_facts`` passed, per kind of source.

    Loading already stops on any failure, so every row here passed: archived quotes sit at
    their offsets, cited quotes are short, and the extractor reads each quote as its value.
    """
    by_kind = facts.groupby("source_kind").agg(
        facts=("fact_id", "size"), sources=("source_id", "nunique")
    )
    by_kind["quote_at_offsets"] = [
        "✓" if kind == "article" else "n/a (cited by URL)" for kind in by_kind.index
    ]
    by_kind["extractor_reads_value"] = "✓"
    return by_kind.reset_index().rename(columns={"source_kind": text("col.source", lang)})


def anomalies(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The facts whose notes flag an anomaly, an ambiguity or a conflict, with the note."""
    flagged = facts[
        facts["note"].str.contains(
            r"ANOMALY|AMBIGUOUS|conflict|differs|PROVISIONAL", case=False, regex=True
        )
    ]
    return pd.DataFrame(
        {
            text("col.fact", lang): flagged["fact_id"],
            text("col.value", lang): flagged["value"].map("{:,.6g}".format),
            text("col.note", lang): flagged["note"],
        }
    ).reset_index(drop=True)


def conflicts(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Pairs of facts from different sources that give different values for the same thing.

    "The same thing": same entity, indicator, kind, measure, unit and period (or as-of date).
    Both are kept in the data; this lists them with the difference, nothing is averaged.
    """
    keys = [
        "entity_id",
        "indicator",
        "kind",
        "measure",
        "unit",
        "period_start",
        "period_end",
        "as_of",
    ]
    rows = []
    for _, group in facts.groupby(keys, dropna=False, observed=True):
        if group["source_id"].nunique() < 2 or group["value"].nunique() < 2:
            continue
        ordered = group.sort_values("value")
        low, high = ordered.iloc[0], ordered.iloc[-1]
        rows.append(
            {
                text("col.indicator", lang): low["indicator"],
                text("col.zone", lang): low["entity_id"],
                text("col.fact", lang): f"{low['fact_id']} ≠ {high['fact_id']}",
                text(
                    "col.value", lang
                ): f"{low['value']:,.6g} vs {high['value']:,.6g} {low['unit']}",
                text("col.discrepancy", lang): f"{high['value'] - low['value']:,.6g} "
                f"({100 * (high['value'] / low['value'] - 1):.1f}%)"
                if low["value"]
                else "",
            }
        )
    return pd.DataFrame(rows)
