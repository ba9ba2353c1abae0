"""The source registry (data/raw/sources.csv): one row per source, and checks of the raw files."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd

from ezlib.data.csvio import decode_utf8, read_file_bytes, read_rows
from ezlib.errors import DataError
from ezlib.paths import raw_dir
from ezlib.vocabulary import LANGUAGES

SOURCE_COLUMNS = (
    "source_id",
    "kind",
    "file",
    "title",
    "publisher",
    "publisher_vi",
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
DATE_BASES = ("stated", "inferred", "doubtful")
"""The first word of every ``date_basis``: the date is stated by the source, or inferred (or
doubtful), and then the basis says how in a few words."""
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ARTICLES_FOLDER = "articles"
"""The folder under ``data/raw`` that holds the archived article files, one per article row."""


def registry_path() -> Path:
    """Return the path of the source registry, ``data/raw/sources.csv``."""
    return raw_dir() / "sources.csv"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes.

    Raises:
        DataError: If the file is missing, a directory or unreadable, naming it.
    """
    return hashlib.sha256(read_file_bytes(path)).hexdigest()


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
    basis = row["date_basis"]
    if not basis.strip():
        fail("date_basis", "say how the published date was established")
    if not basis.startswith(DATE_BASES):
        fail("date_basis", f"start with one of {DATE_BASES}, then say how the date is known")
    if basis.startswith(DATE_BASES[1:]) and len(basis.split()) < 3:
        fail("date_basis", f"{basis.split()[0]}: say in a few words how the date was inferred")
    try:
        if not _ISO_DATE.fullmatch(row["published_date"]):
            raise ValueError
        published = date.fromisoformat(row["published_date"])
    except ValueError:
        fail("published_date", f"{row['published_date']!r} is not an ISO date (YYYY-MM-DD)")
    if not 1900 <= published.year <= 2100:
        fail("published_date", f"{row['published_date']!r} is not a plausible publication date")
    if row["kind"] == "article":
        if not row["file"] or not row["sha256"]:
            fail("file" if not row["file"] else "sha256", "an article needs its file and sha256")
        folder, _, name = row["file"].partition("/")
        if folder != ARTICLES_FOLDER or not name or "/" in name or name.startswith("."):
            fail("file", f"{row['file']!r}: an article's file is {ARTICLES_FOLDER}/<name>")
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


def _raw_article_faults(sources: pd.DataFrame) -> Iterator[DataError]:
    """Yield every mismatch between the article files on disk and the registry's article rows.

    Errors on a registry row name ``sources.csv``, its row (``sources``' index + 1, the data row
    for a frame from :func:`load_sources`) and the column; an unregistered file names itself.
    """
    root, registry = raw_dir(), registry_path()
    folder = root / ARTICLES_FOLDER
    articles = sources[sources["kind"] == "article"]
    first: dict[str, int] = {}
    for index, article in articles.iterrows():
        row = int(index) + 1
        if article["file"] in first:
            yield DataError(
                f"{article['source_id']}: file {article['file']!r} is already registered on row "
                f"{first[article['file']]}; each article has its own file",
                file=registry,
                row=row,
                column="file",
            )
            continue
        first[article["file"]] = row
        path = root / article["file"]
        if not os.path.lexists(path):
            yield DataError(
                f"{article['source_id']}: registered article file {path} does not exist",
                file=registry,
                row=row,
                column="file",
            )
            continue
        try:
            actual = sha256_of(path)
        except DataError as exc:
            yield exc
            continue
        if actual != article["sha256"]:
            yield DataError(
                f"{article['source_id']}: sha256 of {path} is {actual}, not {article['sha256']}"
                " as registered: a raw file is never edited (restore it, or register the new file"
                " with its sha256 if the source itself changed)",
                file=registry,
                row=row,
                column="sha256",
            )
    if not folder.is_dir():
        yield DataError("the raw articles folder is missing (or is not a folder)", file=folder)
        return
    try:
        on_disk = sorted(folder.iterdir())
    except OSError as exc:
        yield DataError(f"cannot list the folder: {exc.strerror or exc}", file=folder)
        return
    registered = {root / name for name in articles["file"]}
    for path in on_disk:
        if path.is_dir():
            yield DataError(
                f"a folder inside {folder}: article files sit directly in it", file=path
            )
        elif path not in registered:
            yield DataError(
                f"raw article file has no row in {registry}: register it (with its sha256)"
                " or remove it",
                file=path,
            )


def verify_raw_articles(sources: pd.DataFrame | None = None) -> list[str]:
    """Check that raw article files and registry rows match one to one, with their hashes.

    Args:
        sources: The registry as returned by :func:`load_sources`; loaded when None.

    Returns:
        A list of problems, empty when every article file is registered once with the
        right sha256 and every registered article file exists.
    """
    sources = load_sources() if sources is None else sources
    return [str(fault) for fault in _raw_article_faults(sources)]


def check_raw_articles(sources: pd.DataFrame | None = None) -> int:
    """Check the raw article files against the registry, failing on the first mismatch.

    Args:
        sources: The registry as returned by :func:`load_sources`; loaded when None.

    Returns:
        The number of article files, each registered once with its sha256.

    Raises:
        DataError: On a registered file that is missing or unreadable, a sha256 that differs,
            a file registered twice (naming the row and column of ``sources.csv``), or a
            file under ``data/raw/articles`` that has no row (naming the file).
    """
    sources = load_sources() if sources is None else sources
    for fault in _raw_article_faults(sources):
        raise fault
    return int((sources["kind"] == "article").sum())


def article_path(source_id: str, sources: pd.DataFrame | None = None) -> Path:
    """Return the path of a registered article's raw file.

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
    return raw_dir() / match["file"].item()


def read_article(source_id: str, sources: pd.DataFrame | None = None) -> str:
    """Return the text of a registered article exactly as received (UTF-8, unnormalised).

    CR/LF are kept as received (no newline translation), so character offsets match the file.

    Args:
        source_id: The article's id in the registry.
        sources: The registry; loaded when None.

    Raises:
        DataError: If the id is unknown or is not an article with a file, or its file is
            missing, a directory, unreadable or not UTF-8 (naming the file).
    """
    path = article_path(source_id, sources)
    return decode_utf8(read_file_bytes(path), path)
