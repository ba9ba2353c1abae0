"""The extractor finds the hand-annotated figures of the seed articles (tests/data/gold)."""

import json
import math
from pathlib import Path

import pytest

from ezlib.paths import raw_dir
from ezlib.text.extract import extract_quantities

GOLD = Path(__file__).parent / "gold" / "seeds-gold.jsonl"
MIN_PRECISION = MIN_RECALL = 0.97


def read_gold():
    with GOLD.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def article(doc):
    # Offsets are code points into the file as stored: decode the bytes, no newline translation.
    return (raw_dir() / "articles" / doc).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def gold():
    return read_gold()


@pytest.fixture(scope="module")
def found(gold):
    figures = []
    for doc in sorted({g["doc"] for g in gold}):
        figures.extend(extract_quantities(article(doc), doc=doc))
    return figures


def same_figure(g, f):
    return (
        f.doc == g["doc"]
        and f.start < g["end"]
        and g["start"] < f.end
        and f.unit == g["unit"]
        and math.isclose(f.value, g["value"], rel_tol=1e-9)
    )


def match(gold, figures):
    """Pair gold rows with found figures one to one (doc, overlapping span, value, unit)."""
    free = [f for f in figures if f.problem is None]
    pairs, missed = [], []
    for g in gold:
        hit = next((f for f in free if same_figure(g, f)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, free


def describe_gold(g):
    return f"{g['doc']}:{g['start']} {g['surface']!r} = {g['value']} {g['unit']}"


def describe(f):
    return f"{f.doc}:{f.start} {f.surface!r} = {f.value} {f.unit}"


def test_gold_spans_point_into_the_articles(gold):
    assert len(gold) == 50
    for g in gold:
        assert article(g["doc"])[g["start"] : g["end"]] == g["surface"], describe_gold(g)


def test_precision_and_recall_of_value_and_unit(gold, found):
    pairs, missed, extra = match(gold, found)
    read = [f for f in found if f.problem is None]
    precision = len(pairs) / len(read)
    recall = len(pairs) / len(gold)
    report = (
        f"precision {precision:.3f}, recall {recall:.3f}\n"
        + "".join(f"  missed: {describe_gold(g)}\n" for g in missed)
        + "".join(f"  not in gold: {describe(f)}\n" for f in extra)
    )
    print(report)
    assert precision >= MIN_PRECISION, report
    assert recall >= MIN_RECALL, report


def test_qualifiers_ranges_and_surfaces_agree_with_gold(gold, found):
    pairs, _, _ = match(gold, found)
    wrong = [
        (describe_gold(g), g["qualifier"], f.qualifier, g["value_high"], f.value_high, f.surface)
        for g, f in pairs
        if f.qualifier != g["qualifier"]
        or f.value_high != g["value_high"]
        or f.surface != g["surface"]
    ]
    assert len(wrong) <= 1, wrong


def test_kind_guesses_mostly_agree_with_gold(gold, found):
    pairs, _, _ = match(gold, found)
    wrong = [(describe_gold(g), g["kind"], f.kind) for g, f in pairs if f.kind != g["kind"]]
    assert len(wrong) / len(pairs) <= 0.1, wrong


def test_no_number_in_the_seeds_is_left_unread(found):
    assert [describe(f) + f" ({f.problem})" for f in found if f.problem] == []
