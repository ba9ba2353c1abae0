"""Every check of the data under ``data/`` in one call, as ``python -m ezlib data check`` runs."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from ezlib.data.csvio import decode_utf8, read_file_bytes
from ezlib.data.reference import (
    clear_cache,
    load_entities,
    load_indicators,
    load_rates,
    reference_dir,
    years_needed,
)
from ezlib.data.sources import (
    article_path,
    check_raw_articles,
    load_sources,
    read_article,
    registry_path,
)
from ezlib.errors import DataError
from ezlib.paths import data_dir, project_root

if TYPE_CHECKING:
    import pandas as pd

# Unicode's control characters (category Cc) except tab, LF and CR.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_data() -> list[str]:
    """Run every check of the data and return one line per check that passed.

    In order: the source registry loads (``data/raw/sources.csv``, every date saying how it
    is known); the raw article files and the registry's article rows match one to one, each
    file with its registered sha256; every article is non-empty UTF-8 text in Unicode NFC;
    no CSV under ``data/`` and no raw article holds a control character other than tab, CR
    and LF; the reference tables load (entities, indicators, VND-per-USD rates); the facts
    load (``ezlib.data.load.load_facts``: contract, reference ids, every quote found at its
    source and read by the extractor as the fact's value); every year that a VND fact needs
    for its USD conversion has a rate. Reference tables are read afresh, never from the
    process's cache.

    Returns:
        One line per passed check, e.g. ``"5 raw articles match their sha256 in
        data/raw/sources.csv; every registered file exists and none is unregistered"``.

    Raises:
        DataError: On the first fault, naming the file and, where there is one, the row
            (a CSV's data row or a text file's line) and column. A missing or unreadable
            file (no read permission, a directory where a file should be, not UTF-8) is a
            DataError naming it.
    """
    clear_cache()
    sources = load_sources()
    lines = [_registry_line(sources)]
    count = check_raw_articles(sources)
    lines.append(
        f"{count} raw articles match their sha256 in {_shown(registry_path())}; every"
        " registered file exists and none is unregistered"
    )
    lines.append(_check_article_texts(sources))
    lines.append(_check_control_characters(sources))
    lines.append(_check_reference_tables())
    facts = _load_facts()
    counts = facts.groupby("kind", observed=True).size().to_dict()
    kinds = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    lines.append(
        f"{len(facts)} facts valid ({kinds}); every quote found at its source and read as its value"
    )
    lines.append(_check_rate_years(facts))
    return lines


def _shown(path: Path) -> str:
    """A path as the user sees it in a summary: relative to the project root when under it."""
    try:
        return str(path.relative_to(project_root()))
    except ValueError:
        return str(path)


def _registry_line(sources: pd.DataFrame) -> str:
    kinds = sources["kind"].value_counts()
    return (
        f"{len(sources)} sources registered in {_shown(registry_path())} "
        f"({kinds.get('article', 0)} archived articles, {kinds.get('citation', 0)} citations);"
        " every published date says how it is known"
    )


def _check_article_texts(sources: pd.DataFrame) -> str:
    """Every article decodes as UTF-8, holds text, and is in Unicode NFC."""
    ids = sources.loc[sources["kind"] == "article", "source_id"]
    for source_id in ids:
        path = article_path(source_id, sources)
        text = read_article(source_id, sources)
        if not text.strip():
            raise DataError(f"article {source_id} has no text", file=path)
        if not unicodedata.is_normalized("NFC", text):
            line = next(
                number
                for number, line in enumerate(text.split("\n"), start=1)
                if not unicodedata.is_normalized("NFC", line)
            )
            raise DataError(
                f"article {source_id}: line {line} is not Unicode NFC; quote offsets and the"
                " extractor work on NFC text: normalise the file"
                " (unicodedata.normalize('NFC', …)) and register its new sha256",
                file=path,
                row=line,
            )
    return f"{len(ids)} raw articles are non-empty UTF-8 text in Unicode NFC"


def _check_control_characters(sources: pd.DataFrame) -> str:
    """No control character (but tab, CR, LF) in a CSV under data/ or in a raw article."""
    tables = sorted(data_dir().rglob("*.csv"))
    for path in tables:
        text = decode_utf8(read_file_bytes(path), path, first_row=0)
        found = _CONTROL.search(text)
        if found:
            row, column = _csv_cell(text, found.start())
            raise DataError(
                _control_message(text, found.start()), file=path, row=row, column=column
            )
    articles = [
        article_path(source_id, sources)
        for source_id in sources.loc[sources["kind"] == "article", "source_id"]
    ]
    for path in articles:
        text = decode_utf8(read_file_bytes(path), path)
        found = _CONTROL.search(text)
        if found:
            line = text.count("\n", 0, found.start()) + 1
            raise DataError(_control_message(text, found.start()), file=path, row=line)
    return (
        f"no control characters (other than tab, CR, LF) in the {len(tables)} CSV files"
        f" under {_shown(data_dir())}/ or in the {len(articles)} raw articles"
    )


def _control_message(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    character = at - (text.rfind("\n", 0, at) + 1) + 1
    return (
        f"control character {text[at]!r} (U+{ord(text[at]):04X}) at line {line}, character"
        f" {character}: remove it (tab, CR and LF are the only control characters allowed)"
    )


def _csv_cell(text: str, at: int) -> tuple[int | None, str | None]:
    """The data row (header = 0) and column of a CSV's first control character, at ``at``.

    Falls back to the row counted in lines, and no column, when the CSV cannot be parsed.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    try:
        for number, record in enumerate(reader):
            if number == 0:
                header = record
            for index, field in enumerate(record):
                if _CONTROL.search(field):
                    return number, header[index] if index < len(header) else None
    except csv.Error:
        pass
    return text.count("\n", 0, at), None


def _check_reference_tables() -> str:
    entities, indicators, rates = load_entities(), load_indicators(), load_rates()
    return (
        f"reference tables valid in {_shown(reference_dir())}/: {len(entities)} entities,"
        f" {len(indicators)} indicators, {len(rates)} VND-per-USD rates"
        f" ({rates['year'].min()}-{rates['year'].max()})"
    )


def _load_facts() -> pd.DataFrame:
    """The facts, validated; an OS error on the way (a file that cannot be read) names its file."""
    from ezlib.data.load import load_facts

    try:
        return load_facts()
    except OSError as exc:
        message = f"cannot read or write the file: {exc.strerror or exc}"
        raise DataError(message, file=exc.filename) from None


def _check_rate_years(facts: pd.DataFrame) -> str:
    """Every year that a VND fact's USD conversion needs has a row in vnd_per_usd.csv."""
    from ezlib.data.facts import facts_path

    rates = load_rates()
    known = set(rates["year"])
    needed = years_needed(facts).reset_index(drop=True)
    for position, years in needed.items():
        missing = [year for year in years if year not in known]
        if missing:
            fact = facts.iloc[position]
            column = "period_start" if fact["measure"] == "flow" else "as_of"
            span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
            raise DataError(
                f"fact {fact['fact_id']}: a {fact['unit']} {fact['measure']} of {span} needs the"
                f" VND-per-USD rate of {', '.join(map(str, missing))}, which"
                f" {_shown(reference_dir() / 'vnd_per_usd.csv')} lacks: add the year's rate",
                file=facts_path(),
                row=int(position) + 1,
                column=column,
            )
    used = sorted({year for years in needed for year in years})
    provisional = rates.loc[rates["full_year"] != "yes", "year"].tolist()
    flagged = f"; {', '.join(map(str, provisional))} provisional" if provisional else ""
    span = f"{used[0]}-{used[-1]}" if used else "none"
    return (
        f"every year a VND figure needs has a rate ({needed.map(bool).sum()} VND facts need"
        f" {span}; the table has {rates['year'].min()}-{rates['year'].max()}{flagged})"
    )
