"""The source registry (data/raw/sources.csv): one row per source, and checks of the raw files."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pandas as pd

from ezlib.csvio import read_rows
from ezlib.errors import DataError
from ezlib.paths import raw_dir

SOURCE_COLUMNS = (
    "source_id",
    "kind",
    "file",
    "title",
    "publisher",
    "url",
    "language",
    "published_date",
    "date_precision",
    "date_basis",
    "sha256",
    "found_how",
    "notes",
)
SOURCE_KINDS = ("article", "citation")
DATE_PRECISIONS = ("day", "month", "year")
LANGUAGES = ("vi", "en")


def registry_path() -> Path:
    """Return the path of the source registry, ``data/raw/sources.csv``."""
    return raw_dir() / "sources.csv"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_row(path: Path, row_no: int, row: dict[str, str]) -> None:
    def fail(column: str, message: str) -> None:
        raise DataError(message, file=path, row=row_no, column=column)

    for column in ("source_id", "kind", "title", "publisher", "language", "published_date"):
        if not row[column].strip():
            fail(column, "is empty")
    if row["kind"] not in SOURCE_KINDS:
        fail("kind", f"{row['kind']!r} is not one of {SOURCE_KINDS}")
    if row["language"] not in LANGUAGES:
        fail("language", f"{row['language']!r} is not one of {LANGUAGES}")
    if row["date_precision"] not in DATE_PRECISIONS:
        fail("date_precision", f"{row['date_precision']!r} is not one of {DATE_PRECISIONS}")
    if not row["date_basis"].strip():
        fail("date_basis", "say how the published date was established")
    try:
        date.fromisoformat(row["published_date"])
    except ValueError:
        fail("published_date", f"{row['published_date']!r} is not an ISO date (YYYY-MM-DD)")
    if row["kind"] == "article":
        if not row["file"] or not row["sha256"]:
            fail("file" if not row["file"] else "sha256", "an article needs its file and sha256")
    elif not row["url"].startswith(("http://", "https://")):
        fail("url", "a citation needs the http(s) address of what it cites")


def load_sources(path: Path | None = None) -> pd.DataFrame:
    """Load and check the source registry.

    Args:
        path: The registry CSV; ``data/raw/sources.csv`` when None.

    Returns:
        One row per source, indexed by position, with the columns of ``SOURCE_COLUMNS``
        (all strings, empty string where a field does not apply) and ``published_date``
        parsed to a timestamp.

    Raises:
        DataError: On a missing or extra column, an empty required field, an unknown
            enumeration value, a bad date or a duplicate ``source_id``, naming the row.
    """
    path = path or registry_path()
    rows = read_rows(path, SOURCE_COLUMNS)
    seen: dict[str, int] = {}
    for row_no, row in enumerate(rows, start=1):
        _check_row(path, row_no, row)
        if row["source_id"] in seen:
            raise DataError(
                f"duplicate source_id {row['source_id']!r} (first on row {seen[row['source_id']]})",
                file=path,
                row=row_no,
                column="source_id",
            )
        seen[row["source_id"]] = row_no
    frame = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    return frame


def verify_raw_articles(sources: pd.DataFrame | None = None) -> list[str]:
    """Check that raw article files and registry rows match one to one, with their hashes.

    Args:
        sources: The registry as returned by :func:`load_sources`; loaded when None.

    Returns:
        A list of problems, empty when every article file is registered once with the
        right sha256 and every registered article file exists.
    """
    sources = load_sources() if sources is None else sources
    root = raw_dir()
    problems: list[str] = []
    articles = sources[sources["kind"] == "article"]
    registered = {
        root / f: sid for f, sid in zip(articles["file"], articles["source_id"], strict=True)
    }
    on_disk = {p for p in (root / "articles").iterdir() if p.is_file()}
    for path in sorted(on_disk - set(registered)):
        problems.append(f"{path.relative_to(root)}: raw file has no row in sources.csv")
    for path, sid in sorted(registered.items()):
        if not path.is_file():
            problems.append(f"{sid}: registered file {path.relative_to(root)} does not exist")
            continue
        expected = articles.loc[articles["source_id"] == sid, "sha256"].item()
        actual = sha256_of(path)
        if actual != expected:
            problems.append(
                f"{sid}: sha256 of {path.relative_to(root)} is {actual}, not {expected}"
            )
    return problems


def read_article(source_id: str, sources: pd.DataFrame | None = None) -> str:
    """Return the text of a registered article exactly as received (UTF-8, unnormalised).

    Args:
        source_id: The article's id in the registry.
        sources: The registry; loaded when None.

    Raises:
        DataError: If the id is unknown or is not an article with a file.
    """
    sources = load_sources() if sources is None else sources
    match = sources[sources["source_id"] == source_id]
    if match.empty or match["kind"].item() != "article":
        raise DataError(f"{source_id!r} is not a registered article", file=registry_path())
    # newline="" keeps CR/LF as received, so character offsets match the file.
    with (raw_dir() / match["file"].item()).open(encoding="utf-8", newline="") as handle:
        return handle.read()
