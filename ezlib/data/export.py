"""Export of the validated dataset for R, Stata and spreadsheets: CSV, Parquet and a dictionary."""

from __future__ import annotations

from pathlib import Path

from ezlib.data.dictionary import data_dictionary
from ezlib.data.load import load_facts
from ezlib.paths import build_dir


def export_dataset(out_dir: Path | None = None) -> list[Path]:
    """Validate the facts and write them with their data dictionary as CSV and Parquet.

    Args:
        out_dir: Where to write; ``build/export`` when None.

    Returns:
        The paths written: ``facts.csv``, ``facts.parquet``, ``data_dictionary.csv``,
        ``data_dictionary.parquet``.

    Raises:
        DataError: If the facts do not validate (nothing is written then).
    """
    facts = load_facts()
    dictionary = data_dictionary(facts)
    # Tuples are Python's; a spreadsheet, R or Stata reads "conflict;part_year".
    facts = facts.assign(caveats=facts["caveats"].map(";".join))
    out_dir = out_dir or build_dir() / "export"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in (("facts", facts), ("data_dictionary", dictionary)):
        csv_path = out_dir / f"{name}.csv"
        # UTF-8 with BOM so that spreadsheet programs show Vietnamese diacritics correctly.
        frame.to_csv(csv_path, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
        parquet_path = out_dir / f"{name}.parquet"
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    return written
