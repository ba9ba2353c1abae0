"""Provenance of facts: each quote is found in its source, and it reads as the fact's figure."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from ezlib.text.extract import Figure

from ezlib.data.sources import read_article
from ezlib.errors import DataError

MAX_CITATION_QUOTE_WORDS = 15


def _locate_hint(text: str, quote: str) -> str:
    at = text.find(quote)
    if at < 0:
        return "the quote is nowhere in the article"
    return f"the quote is at {at}-{at + len(quote)}"


WRITTEN_COLUMNS = ("written", "written_qualifier", "written_decimals", "written_scale")
"""What the loader keeps of each quote's figure as the extractor reads it: the figure as written
("10,51 tỷ USD"), its hedge as written, the decimals written and the factor of its scale word
(2 and 1e9 for "10,51 tỷ"). Value bands use them instead of guessing the rounding back."""


def read_quote(
    quote: str, value: float, unit: str, value_high: float | None = None, *, lang: str = "vi"
) -> Figure | None:
    """Return the figure in ``quote`` that the extractor reads with this value and unit.

    Args:
        quote: The fact's quote, e.g. ``"vốn đầu tư nước ngoài đạt 10,51 tỷ USD"``.
        value: The fact's value in base units (``10510000000``).
        unit: The fact's unit (``"USD"``).
        value_high: The upper end for a range, else None or NaN.
        lang: The quote's language (``"vi"`` or ``"en"``).

    Returns:
        The first figure with this value (relative tolerance 1e-9), unit and, for a range,
        upper end; None when there is none.

    Example:
        >>> figure = read_quote("vốn đầu tư nước ngoài đạt 10,51 tỷ USD", 10.51e9, "USD")
        >>> figure.surface, figure.decimals, figure.scale
        ('10,51 tỷ USD', 2, 1000000000.0)
    """
    from ezlib.text.extract import extract_quantities

    want_high = value_high is not None and not math.isnan(value_high)
    for figure in extract_quantities(quote, lang=lang):
        if figure.unit != unit or not math.isclose(figure.value, value, rel_tol=1e-9):
            continue
        got_high = figure.value_high is not None and not math.isnan(figure.value_high)
        if want_high == got_high and (
            not want_high or math.isclose(figure.value_high, value_high, rel_tol=1e-9)
        ):
            return figure
    return None


def describe_reading(quote: str, *, lang: str = "vi") -> str:
    """Return how the extractor reads a quote, for error messages (e.g. ``'84 percent'``)."""
    from ezlib.text.extract import extract_quantities

    found = [
        f"{f.value:g}{'-' + format(f.value_high, 'g') if f.value_high is not None else ''} {f.unit}"
        for f in extract_quantities(quote, lang=lang)
    ]
    return ", ".join(found) if found else "no figure"


def check_provenance(frame: pd.DataFrame, path: Path, sources: pd.DataFrame) -> pd.DataFrame:
    """Check every fact's quote against its source and the extractor; return how it is written.

    For an archived article, the raw text at ``quote_start:quote_end`` must equal the quote.
    For a cited source (no archived text), the offsets stay empty and the quote is at most
    ``MAX_CITATION_QUOTE_WORDS`` words: the figure and its cue words, never a passage.
    For both, the extractor must read the quote as the fact's value and unit.

    Args:
        frame: Parsed and validated facts (index = data row number).
        path: The facts file, for error messages.
        sources: The source registry.

    Returns:
        The :data:`WRITTEN_COLUMNS` of every fact, on the frame's index.

    Raises:
        DataError: Naming the file, row and column of the first fact that fails.
    """
    written: dict[object, tuple] = {}
    by_id = sources.set_index("source_id").to_dict("index")
    texts: dict[str, str] = {}
    # Plain records: a row as a Series costs more to build than its whole check.
    for row, fact in zip(frame.index, frame.to_dict("records"), strict=True):
        source = by_id[fact["source_id"]]

        def fail(column: str, message: str, fact: dict = fact, row: object = row) -> None:
            raise DataError(
                f"fact {fact['fact_id']}: {message}", file=path, row=int(row), column=column
            )

        quote = fact["quote"]
        start, end = fact["quote_start"], fact["quote_end"]
        if source["kind"] == "article":
            if pd.isna(start) or pd.isna(end):
                fail("quote_start", "a quote from an archived article needs its offsets")
            if fact["source_id"] not in texts:
                texts[fact["source_id"]] = read_article(fact["source_id"], sources)
            text = texts[fact["source_id"]]
            if text[int(start) : int(end)] != quote:
                fail(
                    "quote_start",
                    f"the article's text at {start}-{end} is {text[int(start) : int(end)]!r}, "
                    f"not the quote ({_locate_hint(text, quote)})",
                )
        else:
            if pd.notna(start) or pd.notna(end):
                fail("quote_start", "a cited source has no archived text: leave the offsets empty")
            if len(quote.split()) > MAX_CITATION_QUOTE_WORDS:
                limit = MAX_CITATION_QUOTE_WORDS
                fail("quote", f"a citation quotes at most {limit} words: the figure and cue words")
        high = None if pd.isna(fact["value_high"]) else float(fact["value_high"])
        lang = source["language"]
        figure = read_quote(quote, float(fact["value"]), fact["unit"], high, lang=lang)
        if figure is None:
            fail(
                "value",
                f"the extractor reads the quote as {describe_reading(quote, lang=lang)}, "
                f"not {fact['value']:g} {fact['unit']}",
            )
        written[row] = (figure.surface, figure.qualifier, float(figure.decimals), figure.scale)
    return pd.DataFrame.from_dict(written, orient="index", columns=list(WRITTEN_COLUMNS))
