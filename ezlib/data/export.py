"""Export of the validated dataset for R, Stata and spreadsheets, described as a Data Package."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ezlib.data.dictionary import data_dictionary
from ezlib.data.load import load_facts
from ezlib.data.package import data_date, data_package
from ezlib.paths import build_dir

STATA_VERSION = 118
"""Stata 14+ format: UTF-8 text, so Vietnamese survives (117 and older are Latin-1)."""
STATA_NAME_CHARS = 32
"""The longest variable name Stata accepts."""
STATA_LABEL_CHARS = 80
"""The longest variable (and dataset) label Stata accepts."""
STATA_STR_BYTES = 2045
"""The longest fixed-width string; longer text is written as a strL."""
DATA_LABEL = "ezlib: targets and progress of Vietnam's economic zones and industrial parks"


def stata_label(text: str, limit: int = STATA_LABEL_CHARS) -> str:
    """Return ``text`` cut to a Stata label: at most ``limit`` characters, at a word.

    Args:
        text: A description, say from the data dictionary.
        limit: The most characters the label may have.

    Example:
        >>> stata_label("Last day of that period.")
        'Last day of that period.'
        >>> stata_label("one two three four", limit=12)
        'one two…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def _write_stata(facts: pd.DataFrame, dictionary: pd.DataFrame, path: Path) -> None:
    """Write the (CSV-ready) facts as a Stata 118 file, labelled, with dates as Stata dates."""
    too_long = [c for c in facts.columns if len(c) > STATA_NAME_CHARS]
    if too_long:
        raise ValueError(f"Stata variable names have at most 32 characters: {too_long}")
    frame = facts.copy()
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    strl = []
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype) or (
            pd.api.types.is_string_dtype(frame[column]) and column not in dates
        ):
            # Stata has no missing string: an empty cell is "", as in the CSV.
            frame[column] = frame[column].astype(str).where(frame[column].notna(), "")
            if frame[column].map(lambda s: len(s.encode())).max() > STATA_STR_BYTES:
                strl.append(column)
    labels = dict(zip(dictionary["column"], dictionary["description"], strict=True))
    frame.to_stata(
        path,
        write_index=False,
        version=STATA_VERSION,
        convert_dates=dict.fromkeys(dates, "td"),
        convert_strl=strl,
        variable_labels={c: stata_label(labels[c]) for c in frame.columns},
        data_label=stata_label(DATA_LABEL),
        # The file records when it was written: the data's date, not the clock, so that the
        # same data gives the same bytes.
        time_stamp=data_date(facts).to_pydatetime(),
    )


def export_dataset(out_dir: Path | None = None) -> list[Path]:
    """Validate the facts and write them with their data dictionary and a Data Package.

    Writes, into ``out_dir``:

    * ``facts.csv`` (UTF-8 with a byte-order mark, so spreadsheets show Vietnamese; dates as
      ``YYYY-MM-DD``, caveats ``;``-joined), ``facts.parquet`` and ``facts.dta`` (Stata 118,
      UTF-8, variable labels from the dictionary cut to 80 characters, dates as Stata dates):
      the same table;
    * ``data_dictionary.csv`` and ``data_dictionary.parquet``: one row per column of the facts
      (the ``.dta`` carries the descriptions as variable labels, so it has no dictionary file);
    * ``datapackage.json``: the Frictionless Data Package descriptor of those files
      (:func:`ezlib.data.package.data_package`): every column's type, description and allowed
      values, and every file's size and sha256.

    The files depend on the data only (no clock): exporting the same data twice gives the
    same bytes.

    Args:
        out_dir: Where to write; ``build/export`` when None.

    Returns:
        The paths written: ``facts.csv``, ``facts.parquet``, ``facts.dta``,
        ``data_dictionary.csv``, ``data_dictionary.parquet`` and ``datapackage.json``.

    Raises:
        DataError: If the facts do not validate (nothing is written then).
    """
    facts = load_facts()
    dictionary = data_dictionary(facts)
    # Tuples are Python's; a spreadsheet, R or Stata reads "conflict;part_year".
    table = facts.assign(caveats=facts["caveats"].map(";".join))
    out_dir = out_dir or build_dir() / "export"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in (("facts", table), ("data_dictionary", dictionary)):
        csv_path = out_dir / f"{name}.csv"
        # UTF-8 with BOM so that spreadsheet programs show Vietnamese diacritics correctly.
        frame.to_csv(
            csv_path,
            index=False,
            encoding="utf-8-sig",
            date_format="%Y-%m-%d",
            lineterminator="\n",
        )
        parquet_path = out_dir / f"{name}.parquet"
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
        if name == "facts":
            dta_path = out_dir / "facts.dta"
            _write_stata(table, dictionary, dta_path)
            written.append(dta_path)
    package_path = out_dir / "datapackage.json"
    descriptor = data_package(written, dictionary, facts)
    package_path.write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return [*written, package_path]
