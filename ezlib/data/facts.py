"""The curated facts table (data/facts.csv): parse, validate and join with its reference tables."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from ezlib.data.csvio import read_rows
from ezlib.data.reference import load_entities, load_indicators
from ezlib.data.sources import load_sources
from ezlib.errors import DataError, valid_values
from ezlib.paths import data_dir
from ezlib.vocabulary import (
    CAVEATS,
    FACT_KINDS,
    FACT_UNITS,
    FACT_VOCABULARIES,
    MEASURES,
    NOTE_TAGS,
    QUALIFIERS,
    REFERENCES,
    UNIT_FAMILIES,
)

FACT_COLUMNS = (
    "fact_id",
    "source_id",
    "entity_id",
    "indicator",
    "kind",
    "measure",
    "reference",
    "period_start",
    "period_end",
    "as_of",
    "ref_start",
    "ref_end",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "quote",
    "quote_start",
    "quote_end",
    "note",
)
DATE_COLUMNS = ("period_start", "period_end", "as_of", "ref_start", "ref_end")

_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_OFFSET = re.compile(r"[0-9]{1,9}")  # ASCII digits only; no article is a billion characters


def facts_path() -> Path:
    """Return the path of the curated facts table, ``data/facts.csv``."""
    return data_dir() / "facts.csv"


def _parse_number(path: Path, row: int, column: str, text: str, *, required: bool) -> float:
    if not text.strip():
        if required:
            raise DataError("is empty: every fact needs a value", file=path, row=row, column=column)
        return float("nan")
    if not _NUMBER.fullmatch(text.strip()):
        hint = ""
        if "," in text or text.count(".") > 1:
            hint = (
                ": write plain machine numbers with a '.' decimal point and no thousands "
                "separators (18090000000, not 18.090.000.000 or 18,09e9)"
            )
        raise DataError(f"{text!r} is not a number{hint}", file=path, row=row, column=column)
    return float(text)


def _parse_offset(path: Path, row: int, column: str, text: str) -> int | None:
    if not text.strip():
        return None
    if not _OFFSET.fullmatch(text.strip()):
        raise DataError(f"{text!r} is not a character offset", file=path, row=row, column=column)
    return int(text)


def _parse_date(path: Path, row: int, column: str, text: str) -> pd.Timestamp:
    if not text.strip():
        return pd.NaT
    if not _DATE.fullmatch(text.strip()):
        raise DataError(
            f"{text!r} is not an ISO date YYYY-MM-DD", file=path, row=row, column=column
        )
    try:
        return pd.Timestamp(date.fromisoformat(text.strip())).as_unit("us")
    except ValueError:
        raise DataError(
            f"{text!r} is not an ISO date YYYY-MM-DD", file=path, row=row, column=column
        ) from None


def parse_facts(path: Path) -> pd.DataFrame:
    """Read ``facts.csv`` into a typed frame, failing on the first unreadable cell.

    Args:
        path: The facts CSV.

    Returns:
        The facts with numbers as floats, offsets as nullable ints and dates as timestamps.
        The frame's index is the 1-based data row number, so later errors can name it.

    Raises:
        DataError: Naming the file, row and column of a cell that is not a number, offset or
            ISO date, or of any fault in the CSV itself (see :func:`ezlib.data.csvio.read_rows`).
    """
    rows = read_rows(path, FACT_COLUMNS)
    if not rows:
        raise DataError("has a header but no facts", file=path, row=1)
    records = []
    for number, row in enumerate(rows, start=1):
        record: dict[str, object] = dict(row)
        record["value"] = _parse_number(path, number, "value", row["value"], required=True)
        record["value_high"] = _parse_number(
            path, number, "value_high", row["value_high"], required=False
        )
        for column in ("quote_start", "quote_end"):
            record[column] = _parse_offset(path, number, column, row[column])
        for column in DATE_COLUMNS:
            record[column] = _parse_date(path, number, column, row[column])
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(FACT_COLUMNS))
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")
    for column in ("quote_start", "quote_end"):
        frame[column] = frame[column].astype("Int64")
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _schema():
    import pandera.pandas as pa

    def ids():
        return pa.Check.str_matches(_ID.pattern, error="lower-case id of letters, digits, dashes")

    text = {"nullable": False, "coerce": False}
    return pa.DataFrameSchema(
        {
            "fact_id": pa.Column(
                str, ids(), unique=True, report_duplicates="exclude_first", **text
            ),
            "source_id": pa.Column(str, pa.Check.str_length(min_value=1), **text),
            "entity_id": pa.Column(str, pa.Check.str_length(min_value=1), **text),
            "indicator": pa.Column(str, pa.Check.str_length(min_value=1), **text),
            "kind": pa.Column(str, pa.Check.isin(FACT_KINDS), **text),
            "measure": pa.Column(str, pa.Check.isin(MEASURES), **text),
            "reference": pa.Column(str, pa.Check.isin(("", *REFERENCES)), **text),
            "value": pa.Column(
                float, pa.Check(lambda s: s.abs() < 1e18, error="implausible"), nullable=False
            ),
            "value_high": pa.Column(float, nullable=True),
            "unit": pa.Column(str, pa.Check.isin(FACT_UNITS), **text),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS), **text),
            "quote": pa.Column(str, pa.Check.str_length(min_value=3), **text),
            "quote_start": pa.Column("Int64", pa.Check.ge(0), nullable=True),
            "quote_end": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        },
        strict=False,
    )


def _schema_validate(path: Path, frame: pd.DataFrame) -> None:
    import pandera.pandas as pa

    try:
        _schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.dropna(subset=["index"])
        case = (cases if not cases.empty else exc.failure_cases).iloc[0]
        row = int(case["index"]) if pd.notna(case["index"]) else None
        column = case["column"] if isinstance(case["column"], str) else None
        check = str(case["check"])
        if "isin" in check:
            allowed = FACT_VOCABULARIES.get(column or "", ())
            message = f"{case['failure_case']!r} is not one of {allowed}"
        elif "field_uniqueness" in check or "unique" in check:
            message = f"duplicate id {case['failure_case']!r}"
        else:
            message = f"{case['failure_case']!r} fails the check {check}"
        raise DataError(message, file=path, row=row, column=column) from None


def _check_row(path: Path, row: int, fact: Mapping, families: dict[str, str]) -> None:
    def fail(column: str, message: str) -> None:
        raise DataError(f"fact {fact['fact_id']}: {message}", file=path, row=row, column=column)

    for column in ("quote", "note"):
        if not unicodedata.is_normalized("NFC", fact[column]):
            fail(
                column,
                "text is not Unicode NFC (normalise it; the raw article is compared as given)",
            )
    measure, unit = fact["measure"], fact["unit"]
    has_period = pd.notna(fact["period_start"]) or pd.notna(fact["period_end"])
    has_as_of = pd.notna(fact["as_of"])
    if measure in ("flow", "increment") and (not has_period or has_as_of):
        fail("period_start", f"a {measure} needs period_start and period_end and no as_of")
    if measure == "level" and (has_period or not has_as_of):
        fail("as_of", "a level needs an as_of date and no period")
    if measure in ("growth", "multiple", "share") and has_period == has_as_of:
        fail("as_of", f"a {measure} needs either a period or an as_of date, not both")
    if has_period:
        for column in ("period_start", "period_end"):
            if pd.isna(fact[column]):
                fail(column, "is empty while the other end of the period is set")
        if fact["period_start"] > fact["period_end"]:
            fail("period_end", "the period ends before it starts (reversed period)")
    if measure in ("flow", "level", "increment"):
        if fact["reference"]:
            fail("reference", f"a {measure} has no reference; leave it empty")
        family = families[fact["indicator"]]
        if unit not in UNIT_FAMILIES[family]:
            fail(
                "unit",
                f"{unit!r} does not fit {fact['indicator']} ({family}: {UNIT_FAMILIES[family]})",
            )
    else:
        if not fact["reference"]:
            fail("reference", f"a {measure} needs its reference: one of {REFERENCES}")
        wanted = "times" if measure == "multiple" else "percent"
        if unit != wanted:
            fail("unit", f"a {measure} is in {wanted}, not {unit!r}")
        if fact["reference"] in ("plan", "period") and (
            pd.isna(fact["ref_start"]) or pd.isna(fact["ref_end"])
        ):
            fail(
                "ref_start",
                f"a {measure} against a {fact['reference']} needs ref_start and ref_end",
            )
    if (
        pd.notna(fact["ref_start"])
        and pd.notna(fact["ref_end"])
        and fact["ref_start"] > fact["ref_end"]
    ):
        fail("ref_end", "the reference period ends before it starts (reversed period)")
    _check_reference_period(fact, fail)
    if measure != "growth" and fact["value"] < 0:
        noun = "count" if unit == "count" else unit
        fail(
            "value", f"a negative {noun} ({fact['value']:g}); store a decrease as growth or in note"
        )
    is_range = fact["qualifier"] == "range"
    if is_range != pd.notna(fact["value_high"]):
        fail("value_high", "value_high is set exactly when the qualifier is 'range'")
    if is_range and fact["value_high"] < fact["value"]:
        fail("value_high", f"value_high {fact['value_high']:g} is below value {fact['value']:g}")


def _check_reference_period(fact: pd.Series, fail) -> None:
    """Reject a reference period that cannot be what the source means.

    A growth or multiple on a base period ("tăng 49% so với cùng kỳ") compares two different
    periods: its own period cannot overlap its reference. A share of a plan ("đạt 97,5% kế
    hoạch năm" after 7 months) covers part or all of the plan: its period lies inside it.
    """
    start, end = fact["period_start"], fact["period_end"]
    if pd.isna(start) or pd.isna(fact["ref_start"]) or pd.isna(fact["ref_end"]):
        return
    relative = fact["measure"] in ("growth", "multiple") and fact["reference"] == "period"
    if relative and start <= fact["ref_end"] and fact["ref_start"] <= end:
        fail(
            "ref_start",
            f"a {fact['measure']} compares its period with another: "
            f"{start:%Y-%m-%d}..{end:%Y-%m-%d} overlaps its reference "
            f"{fact['ref_start']:%Y-%m-%d}..{fact['ref_end']:%Y-%m-%d}",
        )
    of_plan = fact["measure"] == "share" and fact["reference"] == "plan"
    if of_plan and (start < fact["ref_start"] or end > fact["ref_end"]):
        fail(
            "period_end",
            f"a share of a plan covers part of the plan: {start:%Y-%m-%d}..{end:%Y-%m-%d} "
            f"is not inside {fact['ref_start']:%Y-%m-%d}..{fact['ref_end']:%Y-%m-%d}",
        )


def validate_facts(frame: pd.DataFrame, path: Path, *, sources: pd.DataFrame | None = None) -> None:
    """Validate a parsed facts frame against its contract and the reference tables.

    Args:
        frame: As returned by :func:`parse_facts` (index = data row number).
        path: The file the frame came from, for error messages.
        sources: The source registry; loaded when None.

    Raises:
        DataError: On the first fault, naming the file, row and column: an unknown
            enumeration value, duplicate id, unknown source, entity or indicator, a unit that
            does not fit the indicator or measure, a reversed period, value above value_high,
            a negative count, text that is not NFC.
    """
    _schema_validate(path, frame)
    sources = load_sources() if sources is None else sources
    known = {
        "source_id": set(sources["source_id"]),
        "entity_id": set(load_entities()["entity_id"]),
        "indicator": set(load_indicators()["indicator_id"]),
    }
    for column, valid in known.items():
        bad = frame.loc[~frame[column].isin(valid)]
        if not bad.empty:
            row = int(bad.index[0])
            raise DataError(
                f"unknown {column} {bad[column].iloc[0]!r}; "
                f"known: {valid_values(str(bad[column].iloc[0]), sorted(valid))}",
                file=path,
                row=row,
                column=column,
            )
    indicators = load_indicators()
    families = dict(zip(indicators["indicator_id"], indicators["unit_family"], strict=True))
    # Plain records: a row as a Series costs more to build than its whole check.
    for row, fact in zip(frame.index, frame.to_dict("records"), strict=True):
        _check_row(path, int(row), fact, families)


_TAG = re.compile(rf"\b({'|'.join(NOTE_TAGS)})\b")


def fact_caveats(frame: pd.DataFrame) -> pd.Series:
    """Return each fact's caveats: the note's tags, and ``part_year`` for a part of a year.

    Args:
        frame: Parsed facts (``note``, ``kind``, ``period_start``, ``period_end``); a result
            (an actual or baseline) whose period is not whole calendar years is ``part_year``.

    Returns:
        On the frame's index, a tuple of :data:`ezlib.vocabulary.CAVEATS` per fact, in that
        order; empty when the fact needs none.

    Example:
        >>> facts = pd.DataFrame({"note": ["CONFLICT: VNS gives 2-2.5 bn"], "kind": ["actual"],
        ...     "period_start": [pd.Timestamp("2023-01-01")],
        ...     "period_end": [pd.Timestamp("2023-07-31")]})
        >>> fact_caveats(facts).tolist()
        [('conflict', 'part_year')]
    """
    out = []
    results = frame["kind"] != "target"  # a plan may start in April; a result covers its months
    columns = (frame["note"], frame["period_start"], frame["period_end"], results)
    for note, start, end, result in zip(*columns, strict=True):
        found = {NOTE_TAGS[tag] for tag in _TAG.findall(note or "")}
        # A period that does not run from a 1 January to a 31 December covers part of a year.
        dated = result and pd.notna(start) and pd.notna(end)
        if dated and (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
            found.add("part_year")
        out.append(tuple(c for c in CAVEATS if c in found))
    return pd.Series(out, index=frame.index, name="caveats", dtype=object)
