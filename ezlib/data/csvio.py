"""Strict reading of data files: every fault, the file's own included, names the file and row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ezlib.errors import DataError


def read_file_bytes(path: Path) -> bytes:
    """Return the bytes of a data file; a file that cannot be read is a DataError naming it.

    Args:
        path: The file.

    Returns:
        The file's bytes, exactly as stored.

    Raises:
        DataError: If the path does not exist, is a directory or another non-regular file
            (a FIFO, a device), or cannot be read (no read permission, an I/O error).
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise DataError("is a directory, where a file should be", file=path)
        if not path.exists():
            raise DataError("file not found", file=path)
        if not path.is_file():
            raise DataError("is not a regular file", file=path)
        return path.read_bytes()
    except PermissionError:
        raise DataError("cannot read the file: permission denied", file=path) from None
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path) from None


def decode_utf8(raw: bytes, path: Path, *, first_row: int = 1) -> str:
    """Decode a data file's bytes as UTF-8, exactly (no newline translation, BOM kept).

    Args:
        raw: The file's bytes.
        path: The file, for the error message.
        first_row: The row number that the file's first line has in errors: 1 for a text
            file (rows are lines), 0 for a CSV whose first line is its header.

    Returns:
        The text.

    Raises:
        DataError: If the bytes are not valid UTF-8, naming the byte offset and line.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not valid UTF-8 at byte {exc.start} (line {line} of the file); save it as UTF-8",
            file=path,
            row=max(line - 1 + first_row, 0),
        ) from None


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
        DataError: If the file is missing, a directory, unreadable, empty, not UTF-8, starts
            with a byte-order mark, has a different header, or a row has more or fewer fields
            than the header.
    """
    path = Path(path)
    raw = read_file_bytes(path)
    if not raw.strip():
        raise DataError("the file is empty (expected a header and rows)", file=path, row=0)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(
            "the file starts with a byte-order mark (BOM); save as UTF-8 without BOM",
            file=path,
            row=0,
            column=columns[0],
        )
    text = decode_utf8(raw, path, first_row=0)
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
