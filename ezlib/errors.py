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


VALUES_LISTED = 50
"""An error lists every valid value up to this many; past it, the closest few and the count."""


def valid_values(given: str, valid: list[str]) -> str:
    """How an error names the values that would have been valid.

    Args:
        given: The value at fault.
        valid: The valid values, in the order to list them.

    Returns:
        All of them when they are few (``"hp-zones, tb-zones"``); else the closest and how many
        there are (``"closest: s01-zones, s01-kkt; 420 in all"``), since a national dataset's
        hundreds of ids would bury the message.

    Example:
        >>> valid_values("hp-zone", ["hp-zones", "tb-zones"])
        'hp-zones, tb-zones'
    """
    if len(valid) <= VALUES_LISTED:
        return ", ".join(valid)
    import difflib

    close = difflib.get_close_matches(given, valid, n=5, cutoff=0.6)
    return f"closest: {', '.join(close)}; {len(valid)} in all" if close else f"{len(valid)} in all"
