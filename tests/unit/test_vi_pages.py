"""Vietnamese pages are in Vietnamese: every table, sentence and chart text of a vi report.

The display functions run on the real data with the calls the notebooks make. No English word
ezlib could write may appear: the forbidden words come from the vocabularies (qualifiers, kinds,
measures, categories, statuses), the English texts of ezlib.report.words, the English labels of
the reference tables and the English messages of the consistency checks, less every word the
Vietnamese texts use themselves (FDI, USD, UNSD ...). Sources' quotes and titles and curators'
notes are shown as written (VERBATIM_COLUMNS), fact ids are links (ID_COLUMNS).
"""

import re

import pandas as pd
import pytest

from ezlib import load_facts, vocabulary, zone_progress
from ezlib.data.reference import indicator_ids, load_entities, load_indicators
from ezlib.methods.categories import (
    ESCAP_LABELS,
    EUROSTAT_LABELS,
    NOT_ASSESSED,
    TARGET_ACHIEVED,
    UNSD_LABELS,
)
from ezlib.methods.checks import STATUSES
from ezlib.methods.indicators import MET_STATUSES
from ezlib.progress import (
    all_consistency_checks,
    anomalies,
    compare_zones,
    conflicts,
    consistency_checks,
    coverage,
    provenance_summary,
)
from ezlib.progress.zone import zone_history
from ezlib.report import (
    audit_display,
    checks_display,
    comparison_display,
    fact_ids_of,
    pace_chart,
    plan_narrative,
    progress_display,
    sources_display,
    target_actual_chart,
    text,
    title,
    zone_summary,
)
from ezlib.report.config import load_runs
from ezlib.report.tables import ID_COLUMNS, VERBATIM_COLUMNS
from ezlib.report.words import MONTHS, SCALES, TEXT
from ezlib.vocabulary import FACT_KINDS, FACT_UNITS, MEASURES, QUALIFIERS, REFERENCES

VOCABULARIES = (
    QUALIFIERS,
    FACT_KINDS,
    MEASURES,
    REFERENCES,
    FACT_UNITS,
    EUROSTAT_LABELS,
    UNSD_LABELS,
    ESCAP_LABELS,
    (TARGET_ACHIEVED, NOT_ASSESSED),
    MET_STATUSES,
    STATUSES,
    getattr(vocabulary, "CAVEATS", ()),
)


def words(strings):
    """Every word (letters, or identifiers with underscores) of some strings, folded.

    Placeholders and fact ids ("ev-073", the links to the quote list) are not words.
    """
    found = set()
    for string in strings:
        string = re.sub(r"\{[^}]*\}|\b[a-z]{2}-\d{3}\b", " ", str(string))  # no fact ids
        found |= {w.casefold() for w in re.findall(r"[^\W\d_]+", string)}
        found |= {w.casefold() for w in re.findall(r"\w*_\w*", string)}
    return found


@pytest.fixture(scope="module")
def facts():
    return load_facts()


@pytest.fixture(scope="module")
def forbidden(facts):
    checks = all_consistency_checks(facts)
    vocabulary = [word for vocabulary in VOCABULARIES for word in vocabulary]
    vocabulary += list(checks["status"].unique())  # base_not_reported, incomplete, ...
    english = [t["en"] for t in TEXT.values()]
    english += [words_["en"] for _, words_ in SCALES] + list(MONTHS["en"])
    english += list(load_indicators()["label_en"]) + list(load_entities()["name_en"])
    english += [note for note in checks["note"] if note]  # CheckResult messages
    vietnamese = [t["vi"] for t in TEXT.values()] + [words_["vi"] for _, words_ in SCALES]
    vietnamese += list(load_indicators()["label_vi"]) + list(load_entities()["name_vi"])
    found = (words(vocabulary) | {v.casefold() for v in vocabulary} | words(english)) - words(
        vietnamese
    )
    assert {"target", "actual", "baseline", "approx", "ok", "fail", "significant", "bn"} <= found
    return found


def vi_zones():
    zones = {run.effective["zone"] for run in load_runs() if "zone" in run.effective}
    return sorted(zones)


@pytest.fixture(scope="module")
def vi_pages(facts):
    """What each vi report shows: its tables and its sentences (title, narrative, alt texts)."""
    tables, sentences = {}, []
    for zone in vi_zones():
        table = zone_progress(facts, zone)
        tables[f"{zone}: targets"] = progress_display(table, "vi")
        tables[f"{zone}: sources"] = sources_display(facts, fact_ids_of(table), "vi")
        tables[f"{zone}: checks"] = checks_display(consistency_checks(facts, zone), "vi", facts)
        sentences += [zone_summary(table, zone, "vi"), plan_narrative(table, "vi")]
        sentences.append(plan_narrative(zone_history(facts, zone), "vi"))
        sentences += [pace_chart(table, "vi").alt, target_actual_chart(table, "vi").alt]
        for notebook in ("01_zone_report", "02_plan_check"):
            params = {"zone": zone, "indicator": "fdi_capital", "lang": "vi"}
            sentences.append(title(notebook, params))
    tables["comparison"] = comparison_display(compare_zones(facts), facts, "vi")
    tables["audit: checks"] = checks_display(all_consistency_checks(facts), "vi", facts)
    for name, frame in (
        ("coverage", coverage(facts)),
        ("provenance", provenance_summary(facts)),
        ("anomalies", anomalies(facts)),
        ("conflicts", conflicts(facts)),
    ):
        tables[f"audit: {name}"] = audit_display(frame, "vi", facts)
    sentences.append(text("audit.notes", "vi"))
    sentences += [TEXT[key]["vi"] for key in TEXT if key.startswith(("h.", "title.", "chart."))]
    return tables, sentences


def shown_cells(frame: pd.DataFrame):
    """The headers, and the cells of every column ezlib writes (not quotes, titles, ids)."""
    skip = {TEXT[key]["vi"] for key in (*VERBATIM_COLUMNS, *ID_COLUMNS)}
    yield from (str(c) for c in frame.columns)
    for column in frame.columns:
        if column not in skip:
            yield from (str(v) for v in frame[column])


def test_vi_tables_have_no_english_word(vi_pages, forbidden):
    tables, _ = vi_pages
    assert tables, "no vi page configured"
    english = {
        name: sorted(words(shown_cells(frame)) & forbidden) for name, frame in tables.items()
    }
    assert {name: found for name, found in english.items() if found} == {}


def test_vi_sentences_have_no_english_word(vi_pages, forbidden):
    _, sentences = vi_pages
    assert sorted(words(sentences) & forbidden) == []


def test_vi_tables_name_no_entity_or_indicator_by_its_id(vi_pages):
    tables, sentences = vi_pages
    ids = [*load_entities()["entity_id"], *indicator_ids()]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    cells = [c for frame in tables.values() for c in shown_cells(frame)] + sentences
    assert sorted({m for c in cells for m in pattern.findall(c)}) == []


def test_vi_numbers_use_the_decimal_comma_and_no_scientific_notation(vi_pages):
    tables, sentences = vi_pages
    cells = [c for frame in tables.values() for c in shown_cells(frame)] + sentences
    assert [c for c in cells if re.search(r"\d\.\d+e[+-]?\d", c)] == []
    assert [c for c in cells if re.search(r"\d\.\d{1,2}(?!\d)", c)] == []  # 2.5 (not 6.418)
    assert not [c for c in cells if "×" in c]  # "1,7 lần", never "×1.7"


def test_vi_dates_are_written_day_month_year(vi_pages):
    tables, _ = vi_pages
    dates = [d for name, t in tables.items() if "sources" in name for d in t["Ngày đăng"]]
    assert dates and all(re.fullmatch(r"(\d{1,2}/)?(tháng )?\d{1,2}/\d{4}|\d{4}", d) for d in dates)
