"""Strict CSV reading: every fault in the file itself is an error naming the file and row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ezlib.errors import DataError


def read_rows(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """Read a UTF-8 CSV whose header must be exactly ``columns``, as a list of string dicts.

    Row numbers in errors count data rows from 1 (the header is row 0), as a spreadsheet
    user sees them after the header.

    Args:
        path: The CSV file.
        columns: The exact header, in order.

    Returns:
        One dict per data row, every value a string (empty string for an empty field).

    Raises:
        DataError: If the file is missing, empty, not UTF-8, starts with a byte-order mark,
            has a different header, or a row has more or fewer fields than the header.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("file not found", file=path)
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError("the file is empty (expected a header and rows)", file=path, row=0)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(
            "the file starts with a byte-order mark (BOM); save as UTF-8 without BOM",
            file=path,
            row=0,
            column=columns[0],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not valid UTF-8 at byte {exc.start} (line {line} of the file); save it as UTF-8",
            file=path,
            row=max(line - 1, 0),
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        records = list(reader)
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", file=path, row=reader.line_num - 1) from exc
    if tuple(header) != tuple(columns):
        missing = [c for c in columns if c not in header]
        extra = [c for c in header if c not in columns]
        detail = f"missing {missing}, extra {extra}" if missing or extra else "columns out of order"
        culprit = (missing or extra or [None])[0]
        message = f"header must be {', '.join(columns)}: {detail}"
        raise DataError(message, file=path, row=0, column=culprit)
    rows = []
    for number, record in enumerate(records, start=1):
        if not record:
            raise DataError("blank line inside the table", file=path, row=number)
        if len(record) != len(columns):
            raise DataError(
                f"has {len(record)} fields, the header has {len(columns)}"
                " (a stray or missing delimiter?)",
                file=path,
                row=number,
            )
        rows.append(dict(zip(columns, record, strict=True)))
    return rows
