"""The data dictionary: what every column of the exported facts table means."""

from __future__ import annotations

import pandas as pd

from ezlib.vocabulary import FACT_KINDS, FACT_UNITS, MEASURES, QUALIFIERS, REFERENCES

# (column, description). The order is the export's column order; the README documents the same.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("fact_id", "Stable id of the fact: province prefix (hp, th, tb) or 'ev' and a number."),
    ("source_id", "The source it comes from (data/raw/sources.csv)."),
    ("entity_id", "The zone, park group or province it is about (data/reference/entities.csv)."),
    ("indicator", "What is measured (data/reference/indicators.csv)."),
    ("kind", f"target, actual or baseline: one of {FACT_KINDS}."),
    (
        "measure",
        f"How the figure relates to time and to other figures: one of {MEASURES}. flow = sum "
        "over period_start..period_end; level = stock or rate at as_of; growth = % change on a "
        "reference; multiple = times a reference; share = % of a reference (e.g. of the plan).",
    ),
    ("reference", f"For growth, multiple and share: what it is relative to, one of {REFERENCES}."),
    ("period_start", "First day of the period a flow (or a growth, multiple, share) covers."),
    ("period_end", "Last day of that period."),
    ("as_of", "The date a level (or a target 'by' a date) refers to."),
    ("ref_start", "First day of the reference period (the plan, or the base period or year)."),
    ("ref_end", "Last day of the reference period."),
    ("value", "The figure in base units (USD, VND, ha, count, persons, percent, times, ...)."),
    ("value_high", "Upper end of a range ('130-135 triệu'); empty otherwise."),
    ("unit", f"Unit of value and value_high: one of {FACT_UNITS}."),
    (
        "qualifier",
        f"The hedge on the figure: one of {QUALIFIERS} (khoảng = approx, gần = nearly, "
        "hơn/trên = over, trở lên = at_least, không quá = at_most).",
    ),
    ("quote", "The exact words of the source the figure comes from."),
    ("quote_start", "Character offset (Python code points) of the quote in the raw article."),
    ("quote_end", "End offset: raw_text[quote_start:quote_end] == quote. Empty for citations."),
    ("note", "The curator's judgement: scope, ambiguity, anomalies."),
    ("written", "The figure as written in the quote ('10,51 tỷ USD'), as the extractor reads it."),
    (
        "written_qualifier",
        "The hedge as written, read by the extractor; the curator's qualifier may differ "
        "(an estimate 'ước', 'dự kiến' is approx).",
    ),
    ("written_decimals", "Decimals written in the number, in its scale ('10,51 tỷ' -> 2)."),
    (
        "written_scale",
        "Factor of the scale word written ('tỷ' -> 1e9, 'triệu' -> 1e6, none -> 1): with "
        "written_decimals, the rounding of the figure (half a unit of its last digit).",
    ),
    (
        "caveats",
        "What a reader must know before citing the figure: doubtful, ambiguous, conflict, "
        "draft, anomaly (from the note's tags) and part_year; ';'-separated in the export.",
    ),
    ("source_kind", "article (text archived in data/raw/articles) or citation (cited by URL)."),
    (
        "source_title",
        "Title of the source as published; in parentheses, the curator's description in the "
        "source's language when the stored text gives none.",
    ),
    ("source_publisher", "Publisher or portal, with the curator's English notes on it."),
    (
        "source_publisher_vi",
        "The publisher as Vietnamese pages name it, where source_publisher holds English "
        "words of the curator's; empty where it holds none.",
    ),
    ("source_url", "Address of a cited source (empty for archived seed articles)."),
    ("source_language", "vi or en."),
    ("source_published_date", "Publication date of the source."),
    ("source_date_precision", "day, month or year: how precisely the date is known."),
    ("entity_name_vi", "Vietnamese name of the entity."),
    ("entity_name_en", "English name of the entity."),
    ("province", "Province of the entity (names before the 2025 provincial merger)."),
    ("entity_level", "zone_group, economic_zone, park_group, industrial_park, ..."),
    ("entity_parent_id", "The entity this one belongs to, if any."),
    ("indicator_label_vi", "Vietnamese label of the indicator."),
    ("indicator_label_en", "English label of the indicator."),
    ("unit_family", "money, count, area, persons, percent or income."),
    ("flow_or_level", "Whether the indicator is naturally a flow or a level."),
    ("direction", "+1 when higher is better, -1 when lower is better."),
)


def data_dictionary(facts: pd.DataFrame) -> pd.DataFrame:
    """Return the data dictionary of a loaded facts frame: column, dtype and description.

    Args:
        facts: As returned by :func:`ezlib.data.load.load_facts`.

    Returns:
        One row per column of ``facts``, in its order.

    Raises:
        KeyError: If ``facts`` has a column the dictionary does not describe.
    """
    described = dict(COLUMNS)
    missing = [c for c in facts.columns if c not in described]
    if missing:
        raise KeyError(f"the data dictionary does not describe {missing}")
    return pd.DataFrame(
        {
            "column": list(facts.columns),
            "dtype": [str(t) for t in facts.dtypes],
            "description": [described[c] for c in facts.columns],
        }
    )
