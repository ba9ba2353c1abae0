"""The exception hierarchy of ezlib: every error names the file, row and column at fault."""

from __future__ import annotations

from pathlib import Path


class EzlibError(Exception):
    """Base class of every error that ezlib raises on purpose."""


class DataError(EzlibError):
    """Bad input data, located as precisely as the input allows.

    Args:
        message: What is wrong, in words a researcher can act on.
        file: The file at fault, if any.
        row: The 1-based data row (header excluded) or line number, if known.
        column: The column or field at fault, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
