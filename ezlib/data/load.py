"""One call to get the validated facts, joined with their sources, entities and indicators."""

from __future__ import annotations

import fcntl
import hashlib
import os
from pathlib import Path

import pandas as pd

from ezlib.data.csvio import read_file_bytes
from ezlib.data.facts import fact_caveats, facts_path, parse_facts, validate_facts
from ezlib.data.provenance import check_provenance
from ezlib.data.reference import load_entities, load_indicators
from ezlib.data.sources import load_sources
from ezlib.paths import build_dir, inputs_digest, package_digest
from ezlib.vocabulary import FACT_VOCABULARIES

_SOURCE_FIELDS = {
    "kind": "source_kind",
    "title": "source_title",
    "publisher": "source_publisher",
    "publisher_vi": "source_publisher_vi",
    "url": "source_url",
    "language": "source_language",
    "published_date": "source_published_date",
    "date_precision": "source_date_precision",
}
_ENTITY_FIELDS = {
    "name_vi": "entity_name_vi",
    "name_en": "entity_name_en",
    "province": "province",
    "level": "entity_level",
    "parent_id": "entity_parent_id",
}
_INDICATOR_FIELDS = {
    "label_vi": "indicator_label_vi",
    "label_en": "indicator_label_en",
    "unit_family": "unit_family",
    "flow_or_level": "flow_or_level",
    "direction": "direction",
}


def load_facts(path: Path | None = None, *, published_by: str | None = None) -> pd.DataFrame:
    """Load the curated facts, validated, and joined with their sources, entities, indicators.

    Validation covers types, enumerations, units, ranges, unique ids, period order,
    value <= value_high, known entity/indicator/source ids, NFC text and provenance: the raw
    article text at the offsets equals the quote, and the extractor reads the quote as the
    fact's value and unit. What it reads is kept: the figure as written, its hedge, decimals
    and scale word (``ezlib.data.provenance.WRITTEN_COLUMNS``), so that value bands use the
    precision the source wrote.

    Args:
        path: The facts CSV; ``data/facts.csv`` when None.
        published_by: Keep only facts from sources published on or before this ISO date
            (what was known then); all facts when None.

    Returns:
        One row per fact (no row dropped), in file order: the ``FACT_COLUMNS`` of
        ``ezlib.data.facts``, typed (floats, nullable ints, timestamps, categoricals), the
        ``written*`` columns, then
        ``source_*``, ``entity_*``/``province`` and ``indicator_*``/``unit_family``/
        ``flow_or_level``/``direction`` columns.

    Raises:
        DataError: Naming the file, row and column of the first fault.

    Example:
        >>> hp011 = load_facts().set_index("fact_id").loc["hp-011"]
        >>> float(hp011["value"]), hp011["unit"], hp011["written"], int(hp011["written_decimals"])
        (10510000000.0, 'USD', '10,51 tỷ USD', 2)
    """
    path = Path(path or facts_path())
    cache = _cache_path(path)
    cache.parent.mkdir(parents=True, exist_ok=True)
    # One process validates while the others (notebooks running in parallel) wait for it.
    with (cache.parent / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cache.is_file():
            joined = pd.read_pickle(cache)
        else:
            joined = _validated(path)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            joined.to_pickle(tmp)
            tmp.replace(cache)
            _prune(cache.parent)
    if published_by:
        joined = joined[joined["source_published_date"] <= pd.Timestamp(published_by)]
    return joined


# Everything a validated facts table depends on: change any and the cache misses.
_CACHE_INPUTS = ("data", "requirements.lock")


def _cache_path(path: Path) -> Path:
    """The cache file of a facts table, keyed by everything the table depends on.

    That is its bytes, the data, the lock and the ezlib package that runs
    (:func:`ezlib.paths.package_files`), wherever the project is.
    """
    digest = hashlib.sha256(f"{path.resolve()}".encode())
    digest.update(read_file_bytes(path))
    digest.update(inputs_digest(_CACHE_INPUTS).encode())
    digest.update(package_digest().encode())
    return build_dir() / "cache" / f"facts-{digest.hexdigest()[:32]}.pkl"


CACHE_KEPT = 8
"""How many validated facts tables the cache keeps: the newest (one per version of the data
and code a build may still ask for), so that a long life of edits does not fill the disk."""


def _prune(folder: Path) -> None:
    """Delete all but the :data:`CACHE_KEPT` newest cached facts tables (under the lock)."""
    cached = sorted(folder.glob("facts-*.pkl"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in cached[CACHE_KEPT:]:
        old.unlink(missing_ok=True)


def _validated(path: Path) -> pd.DataFrame:
    """Parse, validate, check provenance and join: the uncached work of :func:`load_facts`."""
    sources = load_sources()
    frame = parse_facts(path)
    validate_facts(frame, path, sources=sources)
    written = check_provenance(frame, path, sources)
    joined = (
        frame.join(written)
        .join(fact_caveats(frame))
        .reset_index(drop=True)
        .merge(
            sources[["source_id", *_SOURCE_FIELDS]].rename(columns=_SOURCE_FIELDS),
            on="source_id",
            how="left",
            validate="many_to_one",
        )
        .merge(
            load_entities()[["entity_id", *_ENTITY_FIELDS]].rename(columns=_ENTITY_FIELDS),
            on="entity_id",
            how="left",
            validate="many_to_one",
        )
        .merge(
            load_indicators()[["indicator_id", *_INDICATOR_FIELDS]].rename(
                columns={"indicator_id": "indicator", **_INDICATOR_FIELDS}
            ),
            on="indicator",
            how="left",
            validate="many_to_one",
        )
    )
    assert len(joined) == len(frame), "a join changed the number of facts"
    for column, categories in FACT_VOCABULARIES.items():
        joined[column] = joined[column].astype(pd.CategoricalDtype(categories))
    return joined
