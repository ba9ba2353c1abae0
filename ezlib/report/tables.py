"""Reader-facing tables: assessed targets, sources and quotes, checks and the audit, in vi or en.

Every number and date a reader sees is written here, in the page language: "12,51 tỷ USD" and
"10/5/2024" on Vietnamese pages, "12.51 bn USD" and "10 May 2024" on English ones, each
figure with the hedge its source wrote (:func:`format_figure`). The words come from
:mod:`ezlib.report.words`; no identifier of the data (a status, a category, an indicator or
entity id) reaches a reader except fact ids, the links to the quote list.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import Any

import pandas as pd

from ezlib.data.reference import entity_name, indicator_ids, indicator_label
from ezlib.errors import DataError
from ezlib.methods.checks import PLAUSIBLE_RANGES, VND_PER_USD
from ezlib.progress.audit import NOTE_MARKS
from ezlib.progress.currency import to_usd
from ezlib.progress.zone import has_baseline
from ezlib.report.methods_page import term_link
from ezlib.report.words import MONTHS, SCALES, TEXT, publisher_name, reading_key, text
from ezlib.vocabulary import CAVEATS, FACT_KINDS, LANGUAGES, MONEY_UNITS

DASH = "–"
"""What a cell shows when there is no value."""


def is_missing(value: Any) -> bool:
    """True for None, NaN and NaT (and False for lists, strings and numbers)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value: float, lang: str, digits: int = 2, *, strip: bool = True) -> str:
    """A number with at most ``digits`` decimals, grouped: 6.418,5 (vi) or 6,418.5 (en)."""
    shown = f"{value:,.{digits}f}"
    if strip and "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    if shown in ("-0", "+0"):
        shown = "0"
    if lang == "vi":
        shown = shown.replace(",", " ").replace(".", ",").replace(" ", ".")
    return shown


def _is_money(unit: str) -> bool:
    return unit.partition("_per_")[0] in MONEY_UNITS


def _scale(value: float, unit: str, lang: str) -> tuple[float, str]:
    """The scale word a money amount is written with ("tỷ", "bn") and its factor."""
    if _is_money(unit) and math.isfinite(value):
        for size, words in SCALES:
            if abs(value) >= size:
                return size, words[lang]
    return 1.0, ""


def format_number(value: float, lang: str, digits: int = 2) -> str:
    """A bare number with at most ``digits`` decimals, as an axis tick shows it: "6.418,5".

    Example:
        >>> format_number(6418.5, "vi"), format_number(80.0, "en")
        ('6.418,5', '80')
    """
    return _number(value, lang, digits)


def axis_scale(top: float, unit: str, lang: str) -> tuple[float, str]:
    """The factor and label of a chart axis that reaches ``top``: (1e9, "tỷ USD"), (1, "ha").

    Example:
        >>> axis_scale(14.86e9, "USD", "en")
        (1000000000.0, 'bn USD')
    """
    size, word = _scale(top, unit, lang)
    return size, _suffix(unit, lang, word).strip()


def _suffix(unit: str, lang: str, word: str = "") -> str:
    """What follows the number: " tỷ USD", "%", " người", " triệu VND/người/năm"."""
    money, _, rate = unit.partition("_per_")
    if money in MONEY_UNITS:
        shown = f" {word} {money}" if word else f" {money}"
        for part in rate.split("_per_") if rate else ():
            shown += text("rate.per", lang, x=text(f"rate.{part}", lang))
        return shown
    if not unit:
        return ""
    key = f"unit.{unit}"
    return text(key, lang) if key in TEXT else f" {unit}"


def _scaled(value: float, size: float, word: str, lang: str) -> str:
    shown = value / size
    return _number(shown, lang) if abs(shown) < 1000 or word else _number(shown, lang, 0)


def format_amount(value: float, unit: str, lang: str) -> str:
    """Write an amount the way its readers write it: "12,51 tỷ USD" or "12.51 bn USD".

    Args:
        value: The amount in base units.
        unit: Its unit (``USD``, ``ha``, ``percent``, ``count``, ``times``,
            ``VND_per_person_per_year`` …); empty for a bare number.
        lang: ``vi`` (decimal comma) or ``en`` (decimal point).

    Example:
        >>> format_amount(1.7, "times", "vi"), format_amount(130e6, "VND_per_person_per_year", "en")
        ('1,7 lần', '130 m VND per person per year')
    """
    if is_missing(value):
        return DASH
    size, word = _scale(value, unit, lang)
    return _scaled(value, size, word, lang) + _suffix(unit, lang, word)


def format_range(low: float, high: float, unit: str, lang: str) -> str:
    """Write a range with its unit once, in one scale: "1,8–2,3 tỷ USD", "10–12%".

    An open end ("trở lên", "không quá") is written as a bound: "≥ 5.500 người".

    Example:
        >>> format_range(0.8e9, 1.2e9, "USD", "en")
        '0.8–1.2 bn USD'
    """
    if is_missing(low) and is_missing(high):
        return DASH
    if is_missing(high) or high == math.inf:
        return text("hedge.at_least", lang, x=format_amount(low, unit, lang))
    if is_missing(low) or low == -math.inf:
        return text("hedge.at_most", lang, x=format_amount(high, unit, lang))
    size, word = _scale(max(abs(low), abs(high)), unit, lang)
    first, last = _scaled(low, size, word, lang), _scaled(high, size, word, lang)
    if first == last:
        return last + _suffix(unit, lang, word)
    return f"{first}–{last}{_suffix(unit, lang, word)}"


def estimate_parts(point: float, low: float, high: float, unit: str, lang: str) -> tuple[str, str]:
    """Write an estimate ("≈ 1,80 tỷ USD") and its band ("1,79–1,80 tỷ USD"), to one precision.

    The three numbers get the same decimals, enough to write each as it rounds, so a narrow
    band does not read "≈ 1,8 (1,79–1,8)".
    """
    if is_missing(point):
        return DASH, DASH
    if is_missing(low) or is_missing(high) or not (math.isfinite(low) and math.isfinite(high)):
        shown = text("hedge.approx", lang, x=format_amount(point, unit, lang))
        return shown, format_range(low, high, unit, lang)
    size, word = _scale(max(abs(low), abs(high), abs(point)), unit, lang)
    if not word and max(abs(low), abs(high)) >= 1000:
        digits = 0
    else:
        stripped = (_number(x / size, lang) for x in (low, point, high))
        digits = max(len(s.partition("," if lang == "vi" else ".")[2]) for s in stripped)
    point_, low_, high_ = (_number(x / size, lang, digits, strip=False) for x in (point, low, high))
    suffix = _suffix(unit, lang, word)
    band = low_ + suffix if low_ == high_ else f"{low_}–{high_}{suffix}"
    return text("hedge.approx", lang, x=point_ + suffix), band


def format_estimate(point: float, low: float, high: float, unit: str, lang: str) -> str:
    """Write an estimate with its band: "≈ 1,80 tỷ USD (1,79–1,80 tỷ USD)" (:func:`estimate_parts`).

    Example:
        >>> format_estimate(1.79752e9, 1.79175e9, 1.80331e9, "USD", "vi")
        '≈ 1,80 tỷ USD (1,79–1,80 tỷ USD)'
    """
    if is_missing(point):
        return DASH
    shown, band = estimate_parts(point, low, high, unit, lang)
    return f"{shown} ({band})"


def format_figure(
    value: float,
    unit: str,
    lang: str,
    qualifier: str | None = "exact",
    value_high: float | None = None,
) -> str:
    """Write a reported figure with the hedge its source wrote (``ezlib.vocabulary.QUALIFIERS``).

    approx is "≈ X", over "> X", at_least "≥ X", at_most "≤ X", nearly "gần X" / "nearly X",
    range "X–Y" (``value`` to ``value_high``), exact "X".

    Args:
        value: The figure in base units.
        unit: Its unit.
        lang: ``vi`` or ``en``.
        qualifier: Its hedge; None or empty for exact.
        value_high: The upper end of a range.

    Example:
        >>> format_figure(2.5e9, "USD", "vi", "nearly"), format_figure(15e9, "USD", "en", "approx")
        ('gần 2,5 tỷ USD', '≈ 15 bn USD')
        >>> format_figure(1.8e9, "USD", "vi", "range", 2.3e9)
        '1,8–2,3 tỷ USD'
    """
    if is_missing(value):
        return DASH
    hedge = "exact" if is_missing(qualifier) or not qualifier else str(qualifier)
    if hedge == "range" and not is_missing(value_high):
        return format_range(value, value_high, unit, lang)
    return text(f"hedge.{hedge}", lang, x=format_amount(value, unit, lang))


def format_percent(share: float, lang: str, digits: int = 0, *, signed: bool = False) -> str:
    """Write a share (0.84) as a percentage: "84%", "45,5%" (vi), "+33.2%" when signed."""
    if is_missing(share):
        return DASH
    if math.isinf(share):
        return "∞"
    shown = f"{100 * share:{'+' if signed else ''}.{digits}f}%"
    return shown.replace(".", ",") if lang == "vi" else shown


def format_share(low: float, point: float, high: float, lang: str) -> str:
    """Write a share with its band: "84% (83%–85%)"; an open band as "≥ 83%"."""
    if is_missing(point):
        return DASH
    if is_missing(low) or is_missing(high) or math.isclose(low, high, rel_tol=1e-3):
        return format_percent(point, lang)
    if format_percent(low, lang) == format_percent(high, lang):
        return format_percent(point, lang)
    if math.isinf(high):
        band = text("hedge.at_least", lang, x=format_percent(low, lang))
    elif math.isinf(low):
        band = text("hedge.at_most", lang, x=format_percent(high, lang))
    else:
        band = f"{format_percent(low, lang)}–{format_percent(high, lang)}"
    return f"{format_percent(point, lang)} ({band})"


def format_decimal(value: float, lang: str, digits: int = 2) -> str:
    """Write a plain number with the reader's decimal mark: 1,40 (vi) or 1.40 (en)."""
    if is_missing(value):
        return DASH
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "vi" else shown


def format_date(value: Any, lang: str, precision: str = "day") -> str:
    """Write a date as its readers do, to the precision it is known: "10/5/2024", "10 May 2024".

    Args:
        value: A date (Timestamp, datetime or ISO string).
        lang: ``vi`` or ``en``.
        precision: ``day``, ``month`` ("tháng 5/2024", "May 2024") or ``year``.

    Example:
        >>> format_date("2024-05-10", "vi"), format_date("2024-05-10", "en", "month")
        ('10/5/2024', 'May 2024')
    """
    if is_missing(value):
        return DASH
    day = pd.Timestamp(value)
    known = precision if precision in ("day", "month", "year") else "day"
    month = MONTHS[lang][day.month - 1]
    return text(f"date.{known}", lang, day=day.day, month=month, year=day.year)


def plan_period(start: float, end: float) -> str:
    """Write a plan period: "2021–2025", or "2024" for a single year.

    Example:
        >>> plan_period(2024, 2024), plan_period(2021.0, 2025.0)
        ('2024', '2021–2025')
    """
    if is_missing(end):
        return DASH if is_missing(start) else f"{start:.0f}"
    if is_missing(start) or start == end:
        return f"{end:.0f}"
    return f"{start:.0f}–{end:.0f}"


def _year(value: Any) -> float:
    return float("nan") if is_missing(value) else float(pd.Timestamp(value).year)


def category_word(label: Any, lang: str) -> str:
    """The words of a progress category (Eurostat, UNSD, ESCAP) or met status, in ``lang``.

    Example:
        >>> category_word("significant_progress", "vi"), category_word("target_achieved", "en")
        ('tiến bộ đáng kể', 'target achieved')
    """
    if is_missing(label):
        return DASH
    key = f"category.{label}"
    return text(key if key in TEXT else f"met.{label}", lang)


def _category(row: pd.Series, column: str, lang: str) -> str:
    shown = category_word(row[f"{column}_category"], lang)
    if shown != DASH and bool(row[f"{column}_borderline"]):
        shown += f" ({text('borderline', lang)})"
    return shown


RELATIVE_MEASURES = ("growth", "multiple", "share")
"""Measures whose figure is relative to a reference: a target's actual is then one too."""


def target_figure(row: pd.Series, lang: str) -> str:
    """Write an assessed target as its source wrote it: "≈ 15 tỷ USD", "tăng ≥ 14%".

    An implied plan (``target_measure == "implied"``) is derived from "đạt X% kế hoạch", so it
    is shown as "≈ X". A target converted to USD shows the figure in its source's currency
    first: "1.125 nghìn tỷ VND (≈ 47,47 tỷ USD)".

    Args:
        row: A row of :func:`ezlib.progress.zone.zone_progress`.
        lang: ``vi`` or ``en``.
    """
    unit = row["unit"]
    if row["target_measure"] == "implied":
        return text("hedge.approx", lang, x=format_amount(row["target_point"], unit, lang))
    figure = format_figure(
        row["target_value"], unit, lang, row["target_qualifier"], row["target_value_high"]
    )
    reported_unit = str(row.get("target_reported_unit", unit) or unit)
    if reported_unit != unit and not is_missing(row.get("target_reported_value")):
        # Converted to USD: the figure as the source wrote it, then its USD value.
        reported = format_figure(
            row["target_reported_value"],
            reported_unit,
            lang,
            row["target_qualifier"],
            row.get("target_reported_value_high"),
        )
        figure = f"{reported} {text('converted', lang, x=figure)}"
    return text(f"measure.{row['target_measure']}", lang, x=figure)


def actual_figure(row: pd.Series, lang: str) -> str:
    """Write a target's latest actual as its source wrote it, or say there is none yet."""
    if row["status"] != "measured":
        return text("no_actual", lang)
    figure = format_figure(row["actual_value"], row["unit"], lang, row["actual_qualifier"])
    if row["target_measure"] in RELATIVE_MEASURES:
        return text(f"measure.{row['target_measure']}", lang, x=figure)
    return figure


def _required(run_rate: float) -> float:
    """What is still required a year: nothing (0) once the target is met, never below."""
    return run_rate if is_missing(run_rate) else max(float(run_rate), 0.0)


def target_name(row: pd.Series, lang: str) -> str:
    """A target's indicator and period as readers name it: "Vốn FDI thu hút, 2021–2025"."""
    return text(
        "chart.name",
        lang,
        label=indicator_label(row["indicator"], lang),
        period=plan_period(row["period_start_year"], row["period_end_year"]),
    )


def caveat_words(caveats: Any, lang: str) -> str:
    """What a reader must know before citing a target (``ezlib.vocabulary.CAVEATS``), in words.

    Example:
        >>> caveat_words(("draft", "provisional_rate"), "vi")
        'mục tiêu dự thảo, tỷ giá tạm tính'
    """
    if is_missing(caveats) or (isinstance(caveats, str) and not caveats):
        return ""
    names = caveats.split(";") if isinstance(caveats, str) else list(caveats)
    return ", ".join(text(f"caveat.{name.strip()}", lang) for name in names if name.strip())


GROUP = "group"
"""The key of a table's ``attrs`` that names the column its rows are grouped by, if any."""

PARTS = "parts"
"""The key of a table's ``attrs`` that shows a wide table in parts, one under the other:
``(keys, ((heading, columns), ...))``, each part led by the ``keys`` columns that name a row,
so that no column of a wide table hides off the right edge of the page. The CSV keeps the
table whole."""


def _table(
    rows: list[dict[str, Any]],
    keys: Sequence[str],
    lang: str,
    group: str | None = None,
    parts: tuple[Sequence[str], Sequence[tuple[str, Sequence[str]]]] | None = None,
) -> pd.DataFrame:
    """A reader's table of ``rows`` with the columns ``col.<key>``; empty, it reads "None.".

    With ``group`` (a key), the page shows the rows under a heading row per value of that
    column (:class:`Table`). With ``parts`` (the keys that name a row, and a ``part.<key>``
    heading with its column keys for each part), the page shows the table in those parts.
    """
    frame = pd.DataFrame(rows, columns=[text(f"col.{key}", lang) for key in keys])
    frame.attrs["empty"] = text("none", lang)
    if group is not None:
        frame.attrs[GROUP] = text(f"col.{group}", lang)
    if parts is not None:
        lead, pieces = parts
        frame.attrs[PARTS] = (
            [text(f"col.{key}", lang) for key in lead],
            [
                (text(f"part.{part}", lang), [text(f"col.{key}", lang) for key in columns])
                for part, columns in pieces
            ],
        )
    return frame


def progress_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format a zone's assessed targets (``ezlib.progress.zone.zone_progress``) for readers.

    Args:
        table: The assessed targets.
        lang: ``vi`` or ``en``.

    Returns:
        One row per target: indicator, plan period, target and actual with their hedges,
        attainment with band, time elapsed, pace, required yearly amount, projection, Eurostat
        and UNSD categories, what to know before citing it, and the fact ids of its sources.
    """
    rows = []
    several = table["entity_id"].nunique() > 1 if "entity_id" in table else False
    for _, row in table.iterrows():
        measured = row["status"] == "measured"
        unit = row["unit"]
        entity = {text("col.entity", lang): entity_name(row["entity_id"], lang)}
        rows.append(
            {
                **(entity if several else {}),
                text("col.indicator", lang): indicator_label(row["indicator"], lang),
                text("col.plan", lang): plan_period(
                    row["period_start_year"], row["period_end_year"]
                ),
                text("col.target", lang): target_figure(row, lang),
                text("col.actual", lang): actual_figure(row, lang),
                text("col.attainment", lang): attainment_figure(row, lang) if measured else DASH,
                text("col.elapsed", lang): format_percent(row["elapsed_share"], lang)
                if measured
                else DASH,
                text("col.pace", lang): format_decimal(row["pace_index_point"], lang),
                text("col.required", lang): format_amount(
                    _required(row["required_run_rate_point"]), unit, lang
                ),
                text("col.projection", lang): format_amount(row["projection_point"], unit, lang),
                text("col.category", lang): _category(row, "eurostat", lang) if measured else DASH,
                text("col.unsd", lang): _category(row, "unsd", lang) if measured else DASH,
                text("col.outcome", lang): text(f"outcome.{row['plan_status']}", lang)
                if "plan_status" in row
                else DASH,
                text("col.caveats", lang): caveat_words(row.get("caveats", ()), lang),
                text("col.sources", lang): " ; ".join(
                    x
                    for x in (
                        *target_ids(row),
                        evidence_ids(row["actual_fact_ids"], row["pairing"]),
                    )
                    if x
                ),
            }
        )
    columns = (
        *(("entity",) if several else ()),
        "indicator",
        "plan",
        "target",
        "actual",
        "attainment",
        "elapsed",
        "pace",
        "required",
        "projection",
        "category",
        "unsd",
        "outcome",
        "caveats",
        "sources",
    )
    # Fourteen columns are wider than a page: the figures with their caveats and sources
    # first, then the outlook and the official categories, each part led by what names its
    # row (two targets of one indicator and year differ by their target)
    parts = (
        columns[: columns.index("target") + 1],
        (
            ("progress", ("actual", "attainment", "elapsed", "pace", "caveats", "sources")),
            ("outlook", ("required", "projection", "category", "unsd", "outcome")),
        ),
    )
    return _table(rows, columns, lang, group="entity" if several else None, parts=parts)


def no_actual_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format a zone's targets that have no actual yet: what each is, and where it comes from.

    Args:
        table: The assessed targets (``ezlib.progress.zone.zone_progress``).
        lang: ``vi`` or ``en``.

    Returns:
        The columns of :func:`progress_display` that such a target fills: its zone or park if
        the zone has several, indicator, plan period, target, what to know before citing it,
        and its sources.
    """
    frame = progress_display(table[table["status"] == "no_actual"], lang)
    keys = ("entity", "indicator", "plan", "target", "caveats", "sources")
    kept = {text(f"col.{key}", lang) for key in keys}
    return frame[[column for column in frame.columns if column in kept]]


def attainment_figure(row: pd.Series, lang: str) -> str:
    """Write the share of a target reached with its band (``reached_*``, as the charts draw it).

    For a level target with a baseline, it is the share of the way from it: "6.080 of 6.418 ha"
    reads 95%, but the area was already 6.074 ha: 2% of the way.
    """
    share = format_share(row["reached_low"], row["reached_point"], row["reached_high"], lang)
    return _of_the_way(share, row, lang)


def _of_the_way(share: str, row: pd.Series, lang: str) -> str:
    """Return ``share`` written, or "``share`` of the way from <baseline>" if it is from one."""
    if has_baseline(row.get("baseline_fact_id")):
        base = format_amount(row["baseline_value"], row["unit"], lang)
        return text("from_baseline", lang, share=share, base=base)
    return share


def caveat_notes(table: pd.DataFrame, lang: str) -> str:
    """The footnote of a page: each caveat its rows carry, in plain words, with its rows.

    Args:
        table: Assessed targets with ``caveats`` and ``target_fact_id``.
        lang: ``vi`` or ``en``.

    Returns:
        Markdown: one line per caveat ("**mục tiêu dự thảo** (th-001, th-002): ..."), or the
        word for none.
    """
    lines = []
    scopes = table["scope_change"] if "scope_change" in table else pd.Series("", table.index)
    for caveat in CAVEATS:
        rows = table[table["caveats"].map(lambda found, caveat=caveat: caveat in found)]
        ids = list(dict.fromkeys(rows["target_fact_id"]))
        if ids:
            changes = sorted({s for s in scopes[rows.index] if s}) if caveat == "scope" else []
            extra = f" ({'; '.join(changes)})" if changes else ""
            lines.append(
                f"- **{text(f'caveat.{caveat}', lang)}** ({', '.join(ids)}): "
                f"{text(f'explain.{caveat}', lang)}{extra}."
            )
    return "\n".join(lines) or text("none", lang)


def history_display(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The earlier readings of a zone's targets, each with what it showed then.

    The ``reading == "earlier"`` rows of :func:`ezlib.progress.zone.zone_history`.

    Args:
        history: Assessed readings.
        lang: ``vi`` or ``en``.
    """
    earlier = history[history["reading"] == "earlier"]
    rows = [
        {
            text("col.indicator", lang): indicator_label(row["indicator"], lang),
            text("col.plan", lang): plan_period(row["period_start_year"], row["period_end_year"]),
            text("col.reading", lang): format_date(pd.Timestamp(row["actual_end"]), lang),
            text("col.actual", lang): actual_figure(row, lang),
            text("col.attainment", lang): attainment_figure(row, lang),
            text("col.sources", lang): " ; ".join([*target_ids(row), *row["actual_fact_ids"]]),
        }
        for _, row in earlier.iterrows()
    ]
    return _table(rows, ("indicator", "plan", "reading", "actual", "attainment", "sources"), lang)


def sources_display(facts: pd.DataFrame, fact_ids: list[str], lang: str) -> pd.DataFrame:
    """List each fact's quote and its source for readers: publisher and title, linked, and date.

    The source is a :class:`Link` to the article's address (an archived article has none).

    Args:
        facts: The loaded facts.
        fact_ids: The ids to list (in this order, duplicates dropped).
        lang: ``vi`` or ``en``.
    """
    known = set(facts["fact_id"])
    chosen = facts.set_index("fact_id").loc[[f for f in dict.fromkeys(fact_ids) if f in known]]
    return pd.DataFrame(
        {
            text("col.fact", lang): chosen.index,
            text("col.quote", lang): ["“" + q + "”" for q in chosen["quote"]],
            text("col.source", lang): [
                Link(f"{publisher_name(fact, lang)}: {t}", u if isinstance(u, str) and u else None)
                for t, fact, u in zip(
                    chosen["source_title"],
                    chosen[["source_publisher", "source_publisher_vi"]].to_dict("records"),
                    chosen["source_url"],
                    strict=True,
                )
            ],
            text("col.date", lang): [
                format_date(day, lang, str(precision))
                for day, precision in zip(
                    chosen["source_published_date"], chosen["source_date_precision"], strict=True
                )
            ],
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


def target_ids(row: pd.Series) -> list[str]:
    """The facts that state a pair's target: its own, then those that restate it."""
    restated = row.get("restated_fact_ids")
    return [row["target_fact_id"], *(restated if isinstance(restated, list) else ())]


def fact_ids_of(table: pd.DataFrame) -> list[str]:
    """Every fact id behind an assessed table: its targets (restated too), then its actuals."""
    ids = [i for _, row in table.iterrows() for i in target_ids(row)]
    for actuals in table["actual_fact_ids"]:
        ids += actuals
    return ids


NUMERIC_COLUMNS = (
    "col.plan",
    "col.target",
    "col.actual",
    "col.attainment",
    "col.elapsed",
    "col.pace",
    "col.required",
    "col.projection",
    "col.per_year",
    "col.value",
    "col.discrepancy",
    "col.tolerance",
    "col.count",
    "col.n_sources",
    "col.date",
    "col.targets",
    "col.as_of",
    *(f"col.kind.{kind}" for kind in FACT_KINDS),
)
"""Columns of figures, dates and periods: right-aligned, text columns left-aligned."""

VERBATIM_COLUMNS = ("col.quote", "col.source", "col.curator_note")
"""Columns that show a source's or the curator's words as written, in their own language."""

ID_COLUMNS = ("col.fact", "col.sources")
"""Columns of fact ids, the links to the quote list."""

_URL = re.compile(r"https?://[^\s<>\"']+")


def _numeric_headers() -> set[str]:
    return {TEXT[key][lang] for key in NUMERIC_COLUMNS for lang in LANGUAGES}


class Link:
    """A cell's words linked to an address: a source shown as its publisher and title.

    Its text (``str``) is the words and, in parentheses, the address: what a CSV holds.

    Example:
        >>> str(Link("Báo Hải Phòng: Thu hút FDI", "https://baohaiphong.vn/a"))
        'Báo Hải Phòng: Thu hút FDI (https://baohaiphong.vn/a)'
    """

    def __init__(self, words: str, href: str | None) -> None:
        self.words = words
        self.href = href

    def html(self) -> str:
        """The link as HTML (the words alone when there is no address)."""
        words = html.escape(self.words, quote=False)
        if not self.href:
            return words
        return f'<a href="{html.escape(self.href)}">{words}</a>'

    def __str__(self) -> str:
        return f"{self.words} ({self.href})" if self.href else self.words

    __repr__ = __str__


def _glued_words() -> frozenset[str]:
    """Words a figure never breaks after: hedges and measures ("≈", "gần", "tăng"), scales."""
    glued = {w for _, words in SCALES for scale in words.values() for w in scale.split()}
    for key, texts in TEXT.items():
        if key.startswith(("hedge.", "facts.measure.")):
            glued.update(word for t in texts.values() for word in t.split("{x}")[0].split())
    return frozenset(glued)


_GLUED = _glued_words()


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def figure_groups(shown: str) -> list[str]:
    """Split a figure's words where a line may break: never inside a number and its unit.

    A number keeps the words after it up to its unit ("1.125 nghìn tỷ VND", "6,074 ha") and
    the numbers after those ("26 September 2025"); a sign, a hedge, a measure or a scale word
    keeps the word after it ("≈ 12,51 tỷ USD", "> 27,6 tỷ USD", "gần 1,7 lần", "tăng ≥ 14%");
    a parenthesis ("(≈ 47,45 tỷ USD)", "(400%–667%)") starts a group of its own and ends
    one; other words ("of the way", "chưa có số thực hiện", "per person per year") break
    anywhere. Tables and cards keep each group on a line (:func:`figure_html`), as does the
    facts browser.

    Example:
        >>> figure_groups("2% (1%–2%) of the way from 6,074 ha")
        ['2%', '(1%–2%)', 'of', 'the', 'way', 'from', '6,074 ha']
    """
    first, *words = shown.split(" ")
    groups = [[first]]
    for word in words:
        group = groups[-1]
        last = group[-1]
        bare = last.lstrip("(")
        keeps = (
            bare in _GLUED
            or not any(c.isalnum() for c in bare)
            or _has_digit(last)
            or (_has_digit(word) and _has_digit(group[0]))
        ) and not (word.startswith("(") or last.endswith(")"))
        if keeps:
            group.append(word)
        else:
            groups.append([word])
    return [" ".join(group) for group in groups]


def figure_html(shown: str) -> str:
    """A figure as HTML that wraps only between the groups of :func:`figure_groups`.

    Example:
        >>> figure_html("119% (117%–119%)")
        '<span class="nb">119%</span> <span class="nb">(117%–119%)</span>'
    """
    return " ".join(
        f'<span class="nb">{html.escape(group, quote=False)}</span>'
        if " " in group or _has_digit(group)
        else html.escape(group, quote=False)
        for group in figure_groups(shown)
    )


def _cell(value: Any, ids: bool = False, figure: bool = False) -> str:
    """One cell as HTML: escaped, web addresses as links, fact ids unbroken when ``ids``.

    A ``figure`` breaks only between the groups of :func:`figure_groups`, so a number never
    stands on one line and its unit on the next, nor a range at its dash ("2021–2025"),
    while the words around it wrap as text.
    """
    if isinstance(value, Link):
        return value.html()
    shown = DASH if is_missing(value) else str(value)
    escaped = html.escape(shown, quote=False)
    if figure and shown != DASH:
        escaped = figure_html(shown)
    if ids and shown != DASH:
        # each fact id of a list ("hp-002 ; ev-048", "hp-011 + ev-001") with the sign after
        # it: the line breaks after a sign, never before one nor at an id's hyphen
        words: list[str] = []
        for word in shown.split(" "):
            if words and not any(c.isalnum() for c in word):
                words[-1] += f" {word}"
            else:
                words.append(word)
        escaped = " ".join(
            f'<span class="id">{html.escape(word, quote=False)}</span>' for word in words
        )
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)


TERM_COLUMNS = {
    "col.attainment": "attainment",
    "col.elapsed": "elapsed",
    "col.pace": "pace",
    "col.required": "required",
    "col.projection": "projection",
    "col.category": "category",
    "col.unsd": "category",
    "col.tolerance": "band",
}
"""Columns whose header links to the section of the methods page that defines it."""


def _header(name: str) -> str:
    """A column header as HTML: a term the methods page defines is linked to its section."""
    for key, term in TERM_COLUMNS.items():
        for lang in LANGUAGES:
            if TEXT[key][lang] == name:
                return term_link(name, term, lang)
    return _cell(name)


class Table:
    """A reader-facing table: no row index, long text in full, links live, figures aligned.

    Text columns are left-aligned and columns of figures (:data:`NUMERIC_COLUMNS`)
    right-aligned; the table scrolls sideways in its own box (the ``ez-table`` class of
    ``templates/offline``), so a narrow screen never scrolls the page. A table whose
    ``attrs[GROUP]`` names one of its columns (the zone of each row) shows each run of rows with
    the same value under one heading row instead of that column, as a reader scans it; its
    CSV keeps the column. A table with ``attrs[PARTS]`` is shown in those parts, one under the
    other, each led by the columns that name its rows; its CSV keeps it whole. Notebooks end a
    cell with ``show(frame)``; the HTML is stable from run to run, so nbval can compare it.
    """

    def __init__(self, frame: pd.DataFrame, name: str | None = None) -> None:
        self.frame = frame
        self.name = name

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        # The table's data as CSV: the site writes it to a file beside the page and links it
        # (ezlib.report.site.render_notebook); nbval compares it like any other output.
        return data_bundle(self.frame, self.name)

    def _repr_html_(self) -> str:
        if self.frame.empty:
            return f"<p>{html.escape(self.frame.attrs.get('empty', DASH))}</p>"
        parts = _parts(self.frame)
        if not parts:
            return _table_html(self.frame)
        return "\n".join(_table_html(self.frame[columns], heading) for heading, columns in parts)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def _parts(frame: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """The parts a wide table is shown in (``attrs[PARTS]``), each with its columns in order.

    Each part's columns are the group column if any, the columns that name a row, then the
    part's own columns that the frame has; a part left with none of its own is not shown. A
    table with fewer than two parts to show is shown whole (empty list).
    """
    if PARTS not in frame.attrs:
        return []
    keys, parts = frame.attrs[PARTS]
    group = frame.attrs.get(GROUP)
    lead = [c for c in dict.fromkeys((group, *keys)) if c in frame.columns]
    shown = [
        (heading, [*lead, *own])
        for heading, columns in parts
        if (own := [c for c in columns if c in frame.columns and c not in lead])
    ]
    return shown if len(shown) > 1 else []


def _table_html(frame: pd.DataFrame, heading: str | None = None) -> str:
    """One table's HTML: headers, a row per row, runs of rows under their group's heading.

    Args:
        frame: The rows and columns to show; ``attrs[GROUP]`` as :class:`Table` reads it.
        heading: A caption over the table (one part of a wide table), if any.
    """
    group = frame.attrs.get(GROUP)
    shown = frame.drop(columns=group) if group in frame.columns else frame
    numeric = _numeric_headers()
    id_headers = {TEXT[key][lang] for key in ID_COLUMNS for lang in LANGUAGES}
    ids = [str(name) in id_headers for name in shown.columns]
    kinds = [
        "num" if str(name) in numeric or pd.api.types.is_numeric_dtype(shown.iloc[:, i]) else "text"
        for i, name in enumerate(shown.columns)
    ]
    head = "".join(
        f'<th class="{kind}">{_header(str(name))}</th>'
        for name, kind in zip(shown.columns, kinds, strict=True)
    )
    rows = [
        "<tr>"
        + "".join(
            f'<td class="{kind}{" ids" if is_id else ""}">{_cell(value, is_id, kind == "num")}</td>'
            for value, kind, is_id in zip(row, kinds, ids, strict=True)
        )
        + "</tr>\n"
        for row in shown.itertuples(index=False, name=None)
    ]
    if shown is frame:
        body = f"<tbody>\n{''.join(rows)}</tbody>\n"
    else:  # one body per run of rows with the same value, headed by it across the table
        body = "".join(
            f'<tbody>\n<tr class="ez-group"><th colspan="{len(shown.columns)}" '
            f'scope="rowgroup"><span>{_cell(value)}</span></th></tr>\n'
            + "".join(rows[k] for k, _ in run)
            + "</tbody>\n"
            for value, run in groupby(enumerate(frame[group]), key=lambda kv: kv[1])
        )
    caption = f"<caption><span>{html.escape(heading)}</span></caption>\n" if heading else ""
    return (
        f'<div class="ez-table"><table>\n{caption}<thead><tr>{head}</tr></thead>\n{body}'
        "</table></div>"
    )


def show(frame: pd.DataFrame, name: str | None = None) -> Table:
    """Wrap a table for display in a report (no index column, full quotes, clickable URLs).

    Args:
        frame: The table as readers see it.
        name: The name of its CSV file in the site (``targets`` gives ``targets.csv``);
            ``table-1``, ``table-2`` … in the page's order when None.
    """
    return Table(frame, name)


def data_bundle(frame: pd.DataFrame, name: str | None) -> tuple[dict, dict]:
    """The ``text/csv`` output of a table or a chart's data, and its metadata (its name).

    Args:
        frame: The data, written without its index.
        name: The CSV file's name without ``.csv``, or None for a name by position.

    Returns:
        The mime bundle and its metadata, as ``_repr_mimebundle_`` returns them.
    """
    csv = frame.to_csv(index=False, lineterminator="\n")
    return {"text/csv": csv}, {"text/csv": {"name": name} if name else {}}


# ---------------------------------------------------------------------------------------------
# Consistency checks

NOTE_LANGUAGE = "en"
"""The language curators write notes in (``data/facts.csv``): a page in another language shows
the flags of a note in its own words and points to the page that shows the note in full."""


def _check_kind(check: pd.Series) -> str:
    """Which check of :mod:`ezlib.methods.checks` a row reports, read from its details."""
    details = check["details"] if isinstance(check["details"], Mapping) else {}
    if check["status"] == "base_not_reported":
        return "base"
    if check["status"] == "incomplete":
        return "incomplete"
    for key, kind in (
        ("sum_of_parts", "parts"),
        ("apart", "total"),
        ("implied_plan", "plan_share"),
        ("fits_times", "multiple"),
        ("implied_base_times", "base"),
        ("pp", "share_change"),
        ("falls", "cumulative"),
    ):
        if key in details:
            return kind
    return "magnitude"


class _Facts:
    """The facts a check names, looked up by id (or nothing, when the caller has no facts)."""

    def __init__(self, facts: pd.DataFrame | None) -> None:
        self.table = None if facts is None else facts.set_index("fact_id")

    def get(self, fact_id: str) -> pd.Series | None:
        if self.table is None or fact_id not in self.table.index:
            return None
        return self.table.loc[fact_id]

    def first(self, ids: Sequence[str], column: str, values: tuple[str, ...]) -> pd.Series | None:
        """The first of ``ids`` whose ``column`` is one of ``values``."""
        for fact_id in ids:
            fact = self.get(fact_id)
            if fact is not None and str(fact[column]) in values:
                return fact
        return None

    def at(self, fact_id: str, lang: str) -> str:
        """A fact id with the date it refers to: "ev-073 (31/12/2023)"."""
        fact = self.get(fact_id)
        if fact is None:
            return str(fact_id)
        day = fact["as_of"] if not is_missing(fact["as_of"]) else fact["period_end"]
        if is_missing(day):
            return str(fact_id)
        return text("finding.fact_at", lang, fact=fact_id, date=format_date(day, lang))


def _check_indicator(check: pd.Series, facts: _Facts) -> str | None:
    """The indicator a check is about: of its first fact, or the name's leading id."""
    ids = list(check["fact_ids"])
    fact = facts.get(ids[0]) if ids else None
    if fact is not None:
        return str(fact["indicator"])
    found = re.match(r"[a-z_]+", str(check["check"]))
    return found.group(0) if found and found.group(0) in indicator_ids() else None


def _check_name(check: pd.Series, kind: str, facts: _Facts, lang: str) -> str:
    """What a check checks, in words: the indicator's label, never its id."""
    indicator = _check_indicator(check, facts)
    label = indicator_label(indicator, lang) if indicator else str(check["check"])
    ids = list(check["fact_ids"])
    unit = str(check["unit"] or "")
    if kind == "parts":
        return text("check.parts", lang)
    if kind in ("total", "incomplete"):
        years = re.findall(r"\d{4}", str(check["check"]))
        whole = facts.get(ids[-1]) if ids else None
        plans = (
            "plans" in str(check["check"])
            if whole is None
            else (str(whole["kind"]) == "target" or str(whole["measure"]) == "share")
        )
        return text(
            "check.total_plans" if plans else "check.total",
            lang,
            label=label,
            start=years[0] if years else DASH,
            end=years[-1] if years else DASH,
        )
    if kind == "cumulative":
        shown = text("check.unit", lang, unit=unit) if _is_money(unit) else ""
        return text("check.cumulative", lang, label=label, unit=shown)
    if kind == "magnitude":
        return text("check.magnitude", lang, label=label)
    if kind == "share_change":
        years = re.findall(r"\d{4}", str(check["check"]))
        start, end = (years[0], years[-1]) if years else (DASH, DASH)
        return text("check.share_change", lang, label=label, start=start, end=end)
    if kind in ("base", "multiple"):
        fact = facts.first(ids, "measure", ("multiple",))
        if fact is not None:
            return text(
                "check.multiple",
                lang,
                label=label,
                multiple=format_figure(fact["value"], "times", lang, fact["qualifier"]),
                ref=plan_period(_year(fact["ref_start"]), _year(fact["ref_end"])),
            )
    if kind == "plan_share":
        fact = facts.first(ids, "measure", ("share",))
        if fact is not None:
            return text(
                "check.plan_share",
                lang,
                label=label,
                period=plan_period(_year(fact["period_start"]), _year(fact["period_end"])),
                share=format_figure(
                    fact["value"], "percent", lang, fact["qualifier"], fact["value_high"]
                ),
                ref=plan_period(_year(fact["ref_start"]), _year(fact["ref_end"])),
            )
    return text("check.quote", lang, quote=check["check"])


def _multiple_written(ids: Sequence[str], facts: _Facts, fallback: float, lang: str) -> tuple:
    """The multiple m of a check as written ("gần 1,7 lần"), and m + 1 with the same hedge."""
    fact = facts.first(ids, "measure", ("multiple",))
    value, hedge = (fallback, "exact") if fact is None else (fact["value"], fact["qualifier"])
    return (
        format_figure(value, "times", lang, hedge),
        format_figure(value + 1, "times", lang, hedge),
    )


def _band(estimate: Any, unit: str, lang: str) -> str:
    """An estimate with its band: "≈ 4,46 tỷ USD (4,46–4,74 tỷ USD)"."""
    return format_estimate(estimate.point, estimate.low, estimate.high, unit, lang)


def _finding(check: pd.Series, kind: str, facts: _Facts, lang: str) -> str:
    """The check's verdict as a sentence in the page language, from its status and details."""
    details = check["details"] if isinstance(check["details"], Mapping) else {}
    status = str(check["status"])
    unit = str(check["unit"] or "")
    ids = list(check["fact_ids"])
    gap = check["discrepancy"]
    if kind == "parts":
        if is_missing(gap) or not math.isfinite(gap):
            return text("finding.parts_missing", lang)
        return text(
            "finding.parts",
            lang,
            sum=format_amount(details["sum_of_parts"], unit, lang),
            whole=format_amount(details["whole"], unit, lang),
            gap=format_amount(gap, unit, lang),
            verdict=text(f"verdict.rounding.{status}", lang),
        )
    if kind == "total":
        return text(
            "finding.total",
            lang,
            sum=_band(details["sum"], unit, lang),
            whole=_band(details["whole"], unit, lang),
            verdict=text(f"verdict.bands.{status}", lang),
        )
    if kind == "incomplete":
        return text(
            "finding.incomplete",
            lang,
            found=", ".join(str(y) for y in details["years_found"]),
            missing=", ".join(str(y) for y in details["years_missing"]),
            sum=_band(details["sum"], unit, lang),
            whole=_band(details["whole"], unit, lang),
            left=_band(details["left"], unit, lang),
        )
    if kind == "base":
        times = details.get("times", details.get("implied_base_times"))
        plus = details.get("plus", details.get("implied_base_plus"))
        m, m1 = _multiple_written(ids, facts, details.get("multiple", math.nan), lang)
        ref = plan_period(details.get("ref_start_year"), details.get("ref_end_year"))
        return text(
            "finding.base_not_reported",
            lang,
            ref=ref,
            m=m,
            m1=m1,
            times=_band(times, unit, lang),
            plus=_band(plus, unit, lang),
        )
    if kind == "multiple":
        ratio = details["ratio"].point
        offset = 1.0 if status == "warn" else 0.0
        m, m1 = _multiple_written(ids, facts, ratio - offset - gap, lang)
        return text(
            f"finding.multiple.{status}",
            lang,
            ratio=format_amount(ratio, "times", lang),
            m=m,
            m1=m1,
        )
    if kind == "plan_share":
        plan = facts.first(ids, "kind", ("target",))
        stated = (
            format_amount(details["implied_plan"].point + gap, unit, lang)
            if plan is None
            else format_figure(plan["value"], unit, lang, plan["qualifier"], plan["value_high"])
        )
        return text(
            "finding.plan_share",
            lang,
            implied=_band(details["implied_plan"], unit, lang),
            plan=stated,
            verdict=text(f"verdict.match.{status}", lang),
        )
    if kind == "share_change":
        if status == "fail" and not math.isfinite(gap):
            return text("finding.not_a_share", lang)
        pp = details["pp"].point
        return text(
            f"finding.share_change.{'down' if pp < 0 else 'up'}",
            lang,
            pp=_number(abs(pp), lang, 1),
            ratio=format_amount(details["ratio"].point, "times", lang),
            relative=format_percent(details["relative_pct"].point / 100, lang, 1, signed=True),
        )
    if kind == "cumulative":
        falls = details.get("falls") or []
        if falls:
            items = text("list.sep", lang).join(
                text(
                    "finding.cumulative.fall",
                    lang,
                    a=facts.at(a, lang),
                    b=facts.at(b, lang),
                    size=format_amount(size, unit, lang),
                )
                for a, b, size in falls
            )
            return text("finding.cumulative.fail", lang, falls=items)
        return text(f"finding.cumulative.{'rounding' if gap else 'ok'}", lang)
    return _magnitude_finding(check, facts, lang)


def _magnitude_finding(check: pd.Series, facts: _Facts, lang: str) -> str:
    details = check["details"] if isinstance(check["details"], Mapping) else {}
    status = str(check["status"])
    ids = list(check["fact_ids"])
    fact = facts.get(ids[0]) if ids else None
    unit = str(check["unit"] or (fact["unit"] if fact is not None else ""))
    value = math.nan if fact is None else float(fact["value"])
    written = (
        DASH
        if fact is None
        else format_figure(value, unit, lang, fact["qualifier"], fact["value_high"])
    )
    if "low" not in details:
        return text("finding.magnitude.no_range", lang)
    if status == "warn":
        return text("finding.magnitude.not_whole", lang, value=written)
    if fact is None or not math.isfinite(value):
        return text("finding.magnitude.missing", lang)
    above = value > details["high"]
    bound = details["high"] if above else details["low"]
    shown = text(
        f"finding.magnitude.{'above' if above else 'below'}",
        lang,
        value=written,
        bound=format_amount(bound, unit, lang),
    )
    low, high = PLAUSIBLE_RANGES.get("USD", (0.0, math.inf))
    if unit == "USD" and above and low <= value / VND_PER_USD <= high:
        shown += text(
            "finding.magnitude.vnd", lang, usd=format_amount(value / VND_PER_USD, "USD", lang)
        )
    elif unit == "VND" and not above and value > 0:
        shown += text("finding.magnitude.scale", lang)
    return shown


def _check_amount(value: float, kind: str, unit: str, lang: str, *, tolerance: bool) -> str:
    """A check's discrepancy or tolerance in the unit it is measured in."""
    if (
        is_missing(value)
        or not math.isfinite(value)
        or kind in ("base", "share_change", "incomplete")
    ):
        return DASH
    if kind == "multiple":
        return format_amount(value, "times", lang)
    if kind == "magnitude":
        return DASH if tolerance else text("orders", lang, x=_number(value, lang, 1))
    return format_amount(value, unit, lang)


def checks_display(
    checks: pd.DataFrame, lang: str, facts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Format the consistency checks (:func:`ezlib.progress.consistency.consistency_checks`).

    Each check is named in words (the indicator's label, "Vốn FDI + vốn trong nước = tổng vốn
    đầu tư"), its status is a word of the page language, its discrepancy and tolerance are
    amounts in the figures' unit, and its finding is a sentence built from its status and
    details (never :class:`~ezlib.methods.checks.CheckResult`'s English message).

    Args:
        checks: The checks of one zone, or of every entity (then with ``entity_id``).
        lang: ``vi`` or ``en``.
        facts: The loaded facts: with them, the figures a check names show their hedges
            ("gần 1,7 lần", "1,8–2,3 tỷ USD") and a fall names its dates.

    Returns:
        One row per check: zone (for every entity), what is checked, the facts, status,
        discrepancy, tolerance, finding.
    """
    known = _Facts(facts)
    explains = "explanation" in checks and checks["explanation"].fillna("").astype(bool).any()
    rows = []
    for _, check in checks.iterrows():
        kind = _check_kind(check)
        unit = str(check["unit"] or "")
        row = {}
        if "entity_id" in checks:
            row[text("col.zone", lang)] = entity_name(str(check["entity_id"]), lang)
        row |= {
            text("col.check", lang): _check_name(check, kind, known, lang),
            text("col.sources", lang): " ; ".join(check["fact_ids"]),
            text("col.status", lang): text(f"check_status.{check['status']}", lang),
            text("col.discrepancy", lang): _check_amount(
                check["discrepancy"], kind, unit, lang, tolerance=False
            ),
            text("col.tolerance", lang): _check_amount(
                check["tolerance"], kind, unit, lang, tolerance=True
            ),
            text("col.note", lang): _finding(check, kind, known, lang),
        }
        explanation = str(check.get("explanation", "") or "")
        if lang == NOTE_LANGUAGE and explains:
            row[text("col.explanation", lang)] = explanation
        elif explanation:
            row[text("col.note", lang)] += text("finding.see_notes", lang)
        rows.append(row)
    keys = ("check", "sources", "status", "discrepancy", "tolerance", "note")
    keys = ("zone", *keys) if "entity_id" in checks else keys
    keys = (*keys, "explanation") if lang == NOTE_LANGUAGE and explains else keys
    return _table(rows, keys, lang, group="zone" if "entity_id" in checks else None)


# ---------------------------------------------------------------------------------------------
# The zone comparison and the data audit


_PER_YEAR_FIELDS = ["measure", "qualifier", "value_usd", "value_high_usd"]
"""The fields of a target's fact that :func:`_per_year` reads."""


def _per_year(row: pd.Series, fact: dict[str, Any] | None, lang: str) -> str:
    """A target per plan year in USD, with its source's hedge (a range per year as a range)."""
    amount = row["target_per_year_usd"]
    if is_missing(amount):
        return DASH
    if fact is None:
        return format_amount(amount, "USD", lang)
    if fact["measure"] == "share":  # a plan implied by "đạt X% kế hoạch" is derived
        return text("hedge.approx", lang, x=format_amount(amount, "USD", lang))
    years = row["period_end_year"] - row["period_start_year"] + 1
    if str(fact["qualifier"]) == "range" and not is_missing(fact["value_high_usd"]):
        return format_range(fact["value_usd"] / years, fact["value_high_usd"] / years, "USD", lang)
    return format_figure(amount, "USD", lang, fact["qualifier"])


def _entity_words(entity: str, zone: str | None, lang: str) -> str:
    """A target's zone or park, in a row listed under its zone.

    "The whole zone" for the zone's own targets, not its long name once more; a park (or a
    successor) by its name.
    """
    if entity == zone:
        return text("entity.whole", lang)
    return entity_name(str(entity), lang)


def comparison_display(comparison: pd.DataFrame, facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Format the zone comparison (:func:`ezlib.progress.compare.compare_zones`) for readers.

    Args:
        comparison: The comparison table.
        facts: The loaded facts (for the targets' hedges and USD values).
        lang: ``vi`` or ``en``.
    """
    wanted = facts[facts["fact_id"].isin(set(comparison["target_fact_id"]))]
    # Each target's fields as a record, read once: a row looked up in the whole frame per
    # target was most of the page's formatting.
    targets = (
        to_usd(wanted).set_index("fact_id")[_PER_YEAR_FIELDS].to_dict("index")
        if len(wanted)
        else {}
    )
    rows = []
    for _, row in comparison.iterrows():
        measured = bool(row["measured"])
        fact = targets.get(row["target_fact_id"])
        rows.append(
            {
                text("col.zone", lang): entity_name(str(row["zone"]), lang),
                text("col.entity", lang): _entity_words(row["entity_id"], row["zone"], lang),
                text("col.indicator", lang): indicator_label(row["indicator"], lang),
                text("col.plan", lang): plan_period(
                    row["period_start_year"], row["period_end_year"]
                ),
                text("col.per_year", lang): _per_year(row, fact, lang),
                text("col.measured", lang): text("measured" if measured else "no_actual", lang),
                text("col.attainment", lang): _of_the_way(
                    format_percent(row["reached_point"], lang), row, lang
                )
                if measured
                else DASH,
                text("col.sources", lang): " ; ".join(target_ids(row)),
            }
        )
    keys = ("zone", "entity", "indicator", "plan", "per_year", "measured", "attainment", "sources")
    return _table(rows, keys, lang, group="zone")


def note_flags(note: str, lang: str) -> str:
    """The marks of a curator's note (:data:`ezlib.progress.audit.NOTE_MARKS`) in words.

    Example:
        >>> note_flags("2024 plan. CONFLICT: VNS gives US$2-2.5 billion", "vi")
        'các nguồn mâu thuẫn'
    """
    marks = dict.fromkeys(m.lower() for m in re.findall(NOTE_MARKS, str(note), flags=re.I))
    return ", ".join(text(f"mark.{mark}", lang) for mark in marks)


def _coverage(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            text("col.province", lang): table["province"].astype(str),
            text("col.indicator", lang): [indicator_label(i, lang) for i in table["indicator"]],
        }
    )
    for kind in FACT_KINDS:
        if kind in table:
            out[text(f"col.kind.{kind}", lang)] = table[kind].astype(int).to_numpy()
    # In the order readers look things up: by province, then indicator label ("Hải Phòng"
    # before "Hưng Yên", "Đầu tư" with the D's)
    out = out.sort_values(
        list(out.columns[:2]), kind="stable", key=lambda names: names.map(reading_key)
    ).reset_index(drop=True)
    out.attrs["empty"] = text("none", lang)
    out.attrs[GROUP] = text("col.province", lang)
    return out


def _provenance(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    def offsets(found: Any) -> str:
        if is_missing(found):
            return text("provenance.by_url", lang)
        return text("provenance.yes" if found else "provenance.no", lang)

    return pd.DataFrame(
        {
            text("col.source_kind", lang): [
                text(f"source_kind.{kind}", lang) for kind in table["source_kind"]
            ],
            text("col.count", lang): table["facts"].astype(int).to_numpy(),
            text("col.n_sources", lang): table["sources"].astype(int).to_numpy(),
            text("col.at_offsets", lang): [offsets(x) for x in table["quote_at_offsets"]],
            text("col.extractor", lang): [
                text("provenance.yes" if x else "provenance.no", lang)
                for x in table["extractor_reads_value"]
            ],
        }
    )


def _anomalies(table: pd.DataFrame, lang: str, facts: _Facts) -> pd.DataFrame:
    rows = []
    for _, flagged in table.iterrows():
        fact = facts.get(flagged["fact_id"])
        row = {text("col.fact", lang): flagged["fact_id"]}
        if fact is not None:
            row[text("col.zone", lang)] = entity_name(str(fact["entity_id"]), lang)
            row[text("col.indicator", lang)] = indicator_label(fact["indicator"], lang)
            row[text("col.value", lang)] = format_figure(
                fact["value"], str(fact["unit"]), lang, fact["qualifier"], fact["value_high"]
            )
        else:
            row[text("col.value", lang)] = format_amount(flagged["value"], "", lang)
        row[text("col.flags", lang)] = note_flags(flagged["note"], lang)
        if lang == NOTE_LANGUAGE:
            row[text("col.curator_note", lang)] = flagged["note"]
        rows.append(row)
    keys = ["fact", *(["zone", "indicator"] if facts.table is not None else []), "value", "flags"]
    keys += ["curator_note"] if lang == NOTE_LANGUAGE else []
    return _table(rows, keys, lang)


def _conflicts(table: pd.DataFrame, lang: str, facts: _Facts) -> pd.DataFrame:
    def written(fact_id: str, value: float, unit: str) -> str:
        fact = facts.get(fact_id)
        if fact is None:
            return format_amount(value, unit, lang)
        return format_figure(value, unit, lang, fact["qualifier"], fact["value_high"])

    rows = []
    for _, row in table.iterrows():
        low_id, high_id = row["fact_ids"][0], row["fact_ids"][-1]
        unit = str(row["unit"])
        low, high = float(row["low"]), float(row["high"])
        rows.append(
            {
                text("col.indicator", lang): indicator_label(row["indicator"], lang),
                text("col.zone", lang): entity_name(str(row["entity_id"]), lang),
                text("col.fact", lang): " ≠ ".join(row["fact_ids"]),
                text("col.value", lang): text(
                    "conflict.values",
                    lang,
                    low=written(low_id, low, unit),
                    high=written(high_id, high, unit),
                ),
                text("col.discrepancy", lang): text(
                    "conflict.gap",
                    lang,
                    gap=format_amount(high - low, unit, lang),
                    pct=format_percent(high / low - 1, lang, 1),
                )
                if low
                else DASH,
            }
        )
    keys = ("indicator", "zone", "fact", "value", "discrepancy")
    return _table(rows, keys, lang)


def audit_display(
    table: pd.DataFrame, lang: str, facts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Format a table of the data audit (:mod:`ezlib.progress.audit`) for readers.

    Args:
        table: ``coverage``, ``provenance_summary``, ``anomalies`` or ``conflicts``.
        lang: ``vi`` or ``en``.
        facts: The loaded facts: with them, anomalies and conflicts show each figure in its
            unit with its hedge, and anomalies their zone and indicator.

    Raises:
        DataError: If the table is none of the audit's.
    """
    known = _Facts(facts)
    if "fact_ids" in table:
        return _conflicts(table, lang, known)
    if "source_kind" in table:
        return _provenance(table, lang)
    if "note" in table:
        return _anomalies(table, lang, known)
    if "province" in table:
        return _coverage(table, lang)
    raise DataError(f"not a table of the data audit: columns {list(table.columns)}")


def outcomes_display(table: pd.DataFrame, lang: str, zone: str | None = None) -> pd.DataFrame:
    """Whether each plan that has ended was met: target, latest actual, attainment, outcome.

    Args:
        table: :func:`ezlib.progress.zone.plan_outcomes` rows (with ``zone``), or a zone's
            :func:`ezlib.progress.zone.zone_progress` rows.
        lang: ``vi`` or ``en``.
        zone: The zone of a zone's rows (they have no ``zone``): its own targets then read
            "the whole zone", as on the comparison page.
    """
    rows = [
        {
            **({text("col.zone", lang): entity_name(row["zone"], lang)} if "zone" in table else {}),
            text("col.entity", lang): _entity_words(row["entity_id"], row.get("zone", zone), lang),
            text("col.indicator", lang): indicator_label(row["indicator"], lang),
            text("col.plan", lang): plan_period(row["period_start_year"], row["period_end_year"]),
            text("col.target", lang): target_figure(row, lang),
            text("col.actual", lang): actual_figure(row, lang),
            text("col.attainment", lang): attainment_figure(row, lang)
            if row["status"] == "measured"
            else DASH,
            text("col.outcome", lang): text(f"outcome.{row['plan_status']}", lang),
            text("col.caveats", lang): caveat_words(row.get("caveats", ()), lang),
            text("col.sources", lang): " ; ".join([*target_ids(row), *row["actual_fact_ids"]]),
        }
        for _, row in table.iterrows()
    ]
    keys = ("entity", "indicator", "plan", "target", "actual", "attainment", "outcome")
    keys = (*(("zone",) if "zone" in table else ()), *keys, "caveats", "sources")
    return _table(rows, keys, lang, group="zone" if "zone" in table else None)
