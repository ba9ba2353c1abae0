"""The zone page's story at a glance: a headline count and a status card per target.

A card gives a target with its hedge, its latest actual and when it was measured, its
attainment with the band its sources' wording allows, its pace, and a status mark that reads
without colour (a symbol and a word: "✓ đã đạt"). Its terms link to the methods page and its
sources to their quotes in the facts browser.
"""

from __future__ import annotations

import html

import pandas as pd

from ezlib.report.methods_page import term_link
from ezlib.report.tables import (
    DASH,
    actual_figure,
    attainment_figure,
    caveat_words,
    data_bundle,
    fact_ids_of,
    figure_html,
    format_date,
    format_decimal,
    format_percent,
    target_figure,
    target_name,
)
from ezlib.report.words import text, zone_name
from ezlib.vocabulary import TARGET_STATUSES

STATUS_MARKS = {
    "met": "✓",
    "borderline": "≈",
    "on_pace": "↗",
    "behind": "↘",
    "not_met": "✗",
    "not_measurable": "?",
}
"""The symbol of each target status, so that a status reads without colour."""

FACTS_PAGE = "facts__{lang}.html"
"""The facts browser of a language, where each fact has the anchor ``fact-<id>``."""


def status_label(status: str, lang: str) -> str:
    """A status as a reader sees it: its mark and its word, "✓ đã đạt"."""
    return f"{STATUS_MARKS[status]} {text(f'target_status.{status}', lang)}"


def zone_headline(table: pd.DataFrame, zone: str, as_of: pd.Timestamp, lang: str) -> str:
    """Return the zone page's opening in Markdown: its name and how its targets stand.

    Args:
        table: Assessed targets of the zone (``ezlib.progress.zone.zone_progress``).
        zone: The zone's entity id.
        as_of: The date of the zone's data (``ezlib.progress.zone.data_date(facts, zone)``).
        lang: ``vi`` or ``en``.
    """
    counts = table["target_status"].value_counts() if len(table) else pd.Series(dtype=int)
    parts = [
        text(
            "headline.count",
            lang,
            mark=STATUS_MARKS[s],
            n=int(counts[s]),
            status=text(f"target_status.{s}", lang),
        )
        for s in TARGET_STATUSES
        if counts.get(s, 0)
    ]
    return text(
        "headline",
        lang,
        name=zone_name(zone, lang),
        date=format_date(as_of, lang),
        n=len(table),
        counts=", ".join(parts) if parts else text("none", lang),
    )


def _pace(row: pd.Series, lang: str) -> str:
    if pd.isna(row.get("pace_index_point")):
        return DASH
    return text(
        "card.pace_value",
        lang,
        pace=format_decimal(row["pace_index_point"], lang),
        elapsed=format_percent(row["elapsed_share"], lang),
    )


def _measured(row: pd.Series, lang: str) -> str:
    actual = actual_figure(row, lang)
    if row["status"] != "measured" or pd.isna(row.get("actual_end")):
        return actual
    return text("card.actual_to", lang, x=actual, date=format_date(row["actual_end"], lang))


class StatusCards:
    """A card per target (:func:`status_cards`); its data is a table, offered as CSV."""

    def __init__(self, cards: list[dict[str, str]], frame: pd.DataFrame, lang: str) -> None:
        self.cards = cards
        self.frame = frame
        self.lang = lang

    def _repr_html_(self) -> str:
        lang = self.lang
        labels = {
            "target": html.escape(text("col.target", lang)),
            "actual": html.escape(text("card.latest", lang)),
            "attainment": term_link(text("card.attainment", lang), "attainment", lang),
            "pace": term_link(text("col.pace", lang), "pace", lang),
            "caveats": html.escape(text("col.caveats", lang)),
            "sources": html.escape(text("col.sources", lang)),
        }
        items = []
        for card in self.cards:
            rows = "".join(
                f"<dt>{labels[key]}</dt><dd>{card[key]}</dd>"
                for key in ("target", "actual", "attainment", "pace", "caveats", "sources")
                if card[key]
            )
            items.append(
                f'<li class="ez-card status-{card["status"]}">'
                f'<p class="ez-status">{html.escape(card["status_label"])}</p>'
                f"<h3>{html.escape(card['name'])}</h3><dl>{rows}</dl></li>"
            )
        return f'<ul class="ez-cards">{"".join(items)}</ul>'

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        return data_bundle(self.frame, "status")

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def status_cards(table: pd.DataFrame, lang: str) -> StatusCards:
    """Return a status card per target of a zone, in the table's order.

    Args:
        table: Assessed targets (``ezlib.progress.zone.zone_progress``).
        lang: ``vi`` or ``en``.
    """
    facts_page = FACTS_PAGE.format(lang=lang)
    cards, rows = [], []
    for _, row in table.iterrows():
        ids = fact_ids_of(row.to_frame().T)
        values = {
            "name": target_name(row, lang),
            "status": row["target_status"],
            "status_label": status_label(row["target_status"], lang),
            "target": target_figure(row, lang),
            "actual": _measured(row, lang),
            "attainment": attainment_figure(row, lang) if row["status"] == "measured" else DASH,
            "pace": _pace(row, lang),
            "caveats": caveat_words(row["caveats"], lang),
        }
        rows.append({**values, "sources": " ".join(ids)})
        shown = {k: html.escape(v) for k, v in values.items()}
        for key in ("target", "actual", "attainment", "pace"):  # a number never split
            shown[key] = figure_html(values[key]) if values[key] != DASH else DASH
        shown["sources"] = " ".join(
            f'<a class="id" href="{facts_page}#fact-{html.escape(i)}">{html.escape(i)}</a>'
            for i in ids
        )
        cards.append(shown)
    frame = pd.DataFrame(rows).rename(
        columns={
            "name": text("col.indicator", lang),
            "status_label": text("col.status", lang),
            "target": text("col.target", lang),
            "actual": text("card.latest", lang),
            "attainment": text("card.attainment", lang),
            "pace": text("col.pace", lang),
            "caveats": text("col.caveats", lang),
            "sources": text("col.sources", lang),
        }
    )
    frame = frame.drop(columns=["status"], errors="ignore")
    return StatusCards(cards, frame, lang)


def zones_at_a_glance(
    tables: dict[str, pd.DataFrame], dates: dict[str, pd.Timestamp], lang: str
) -> pd.DataFrame:
    """Return one row per zone: how many of its targets stand where, and as of which date.

    Args:
        tables: Each zone's assessed targets (``ezlib.progress.zone.zone_progress``), by id.
        dates: Each zone's data date (``ezlib.progress.zone.data_date(facts, zone)``).
        lang: ``vi`` or ``en``.

    Returns:
        The zone, its number of targets, a column per status (headed by its mark and word)
        and the date, for :func:`ezlib.report.tables.show`; a zone without a target of its
        own (a merged unit, whose targets its predecessor's report lists) is left out.
    """
    rows = []
    for zone, table in tables.items():
        if table.empty:  # a merged unit whose targets its predecessor's report lists
            continue
        counts = table["target_status"].value_counts()
        rows.append(
            {
                text("col.zone", lang): zone_name(zone, lang),
                text("col.targets", lang): len(table),
                **{status_label(s, lang): int(counts.get(s, 0)) for s in TARGET_STATUSES},
                text("col.as_of", lang): format_date(dates[zone], lang),
            }
        )
    return pd.DataFrame(rows)
