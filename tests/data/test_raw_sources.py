"""data/raw holds the sources as received: registered one to one, with matching hashes."""

import unicodedata
from pathlib import Path

import pytest

from ezlib.data.sources import check_raw_articles, load_sources, read_article, verify_raw_articles
from ezlib.paths import project_root, raw_dir


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def test_every_raw_file_is_registered_once_with_its_hash(sources):
    assert verify_raw_articles(sources) == []
    assert check_raw_articles(sources) == (sources["kind"] == "article").sum()


def test_registry_has_the_five_seed_articles(sources):
    articles = sources[sources["kind"] == "article"]
    assert len(articles) >= 5
    assert articles["source_id"].is_unique
    assert set(articles["date_precision"]) <= {"day", "month", "year"}


def test_inferred_dates_say_how(sources):
    for _, row in sources.iterrows():
        basis = row["date_basis"]
        assert basis.startswith(("stated", "inferred", "doubtful")), row["source_id"]
        if basis.startswith(("inferred", "doubtful")):
            assert len(basis.split()) >= 3, f"{row['source_id']}: say how the date was inferred"


def test_articles_are_utf8_nfc_text(sources):
    for sid in sources.loc[sources["kind"] == "article", "source_id"]:
        text = read_article(sid, sources)
        assert text, sid
        assert unicodedata.is_normalized("NFC", text), sid


def test_project_code_never_reads_shared():
    root = project_root()
    offenders = []
    for folder in ("ezlib", "notebooks", "scripts"):
        for path in (root / folder).rglob("*"):
            is_code = path.is_file() and path.suffix in {".py", ".ipynb", ".sh", ".yaml", ".yml"}
            if is_code and "../shared" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_raw_dir_is_under_the_project():
    assert raw_dir() == project_root() / "data" / "raw"
    assert Path(raw_dir(), "sources.csv").is_file()
