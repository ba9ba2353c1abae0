"""Readers' view of the facts browser: search and filters in headless chromium, from file://.

The pages are written into a temporary folder from the real data (no site build): typing a
zone's name, without its diacritics, leaves that zone's rows and updates the count; the page
never scrolls sideways at 1280 or 390 px (on a phone each fact is a card); with scripts off
every row shows; at 2,400 facts a filter applies at once.
"""

import unicodedata

import pandas as pd
import pytest
from test_site_browser import CHROMIUM, launch, visit

from ezlib import load_facts
from ezlib.data.reference import entity_name
from ezlib.report import text
from ezlib.report.facts_page import write_facts_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
    ),
]

WIDTHS = (1280, 390)
ZONE = "hy-zones-2025"  # a zone whose name no other zone's row quotes


def ascii_folded(name):
    """What a reader without a Vietnamese keyboard types: no diacritics, "đ" as "d"."""
    decomposed = unicodedata.normalize("NFD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("đ", "d").replace("Đ", "D").lower()


@pytest.fixture(scope="module")
def facts():
    return load_facts()


@pytest.fixture(scope="module")
def pages(facts, tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    used_by = {facts["fact_id"].iloc[0]: [("index.html", "index")]}
    for lang in ("vi", "en"):
        write_facts_page(folder / f"facts__{lang}.html", facts, used_by, lang)
    many = pd.concat(
        [facts.assign(fact_id=facts["fact_id"] + f"-{k}") for k in range(-(-2400 // len(facts)))],
        ignore_index=True,
    )
    write_facts_page(folder / "many.html", many, {}, "en")
    return folder


def visible(page):
    return page.evaluate(
        "Array.from(document.querySelectorAll('#facts-rows tr'))"
        ".filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.zone)"
    )


def wait_count(page, want):
    """Wait for the live count to read ``want`` (typing filters on the next frame)."""
    page.wait_for_function(
        "want => document.querySelector('#facts-count').textContent === want", arg=want
    )


def no_sideways_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_typing_a_zone_name_leaves_its_rows_and_updates_the_count(pages, facts, lang):
    from playwright.sync_api import sync_playwright

    total = len(facts)
    wanted = int((facts["entity_id"] == ZONE).sum())
    assert 0 < wanted < total
    with sync_playwright() as pw:
        browser = launch(pw)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            problems, _ = visit(page, (pages / f"facts__{lang}.html").as_uri())
            assert problems == {"console": [], "failed": [], "foreign": []}
            assert page.is_visible("#facts-filters")
            assert no_sideways_scroll(page), width
            count = page.locator("#facts-count")
            assert count.inner_text() == text("facts.count", lang, shown=total, total=total)

            page.fill("#facts-q", ascii_folded(entity_name(ZONE, lang)))
            wait_count(page, text("facts.count", lang, shown=wanted, total=total))
            assert visible(page) == [ZONE] * wanted, width
            assert count.inner_text() == text("facts.count", lang, shown=wanted, total=total)
            assert no_sideways_scroll(page), width

            before = count.inner_text()
            page.fill("#facts-q", "hai phong")
            page.wait_for_function(
                "was => document.querySelector('#facts-count').textContent !== was", arg=before
            )
            shown = page.evaluate(
                "Array.from(document.querySelectorAll('#facts-rows tr'))"
                ".filter(r => !r.hidden).map(r => r.textContent)"
            )
            assert shown and all("hai phong" in ascii_folded(row) for row in shown)
            assert lang == "en" or any("Hải Phòng" in row for row in shown)

            page.fill("#facts-q", "")
            wait_count(page, text("facts.count", lang, shown=total, total=total))
            page.select_option("#facts-kind", "target")
            targets = int((facts["kind"] == "target").sum())
            assert len(visible(page)) == targets
            page.fill("#facts-q", "no such fact zzzz")
            wait_count(page, text("facts.count", lang, shown=0, total=total))
            assert visible(page) == [] and page.is_visible("#facts-none")
            assert count.inner_text() == text("facts.count", lang, shown=0, total=total)

            page.click("#facts-filters button[type=reset]")
            wait_count(page, text("facts.count", lang, shown=total, total=total))
            assert len(visible(page)) == total
            assert not page.is_visible("#facts-none")
            assert no_sideways_scroll(page), width
            if width < 500:  # each fact a card: its figure and quote in view, no sideways box
                assert not page.evaluate(
                    "(b => b.scrollWidth > b.clientWidth)(document.querySelector('.scroll'))"
                )
                for cell in ("figure", "quote", "source"):
                    box = page.locator(f"#facts-rows tr:first-child td.{cell}").bounding_box()
                    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, cell
            cells = page.evaluate(
                "Array.from(document.querySelectorAll('#facts-table td'))"
                ".map(td => [td.classList.contains('num'), getComputedStyle(td).textAlign])"
            )
            assert all(
                (num and align == "right") or (not num and align in ("left", "start"))
                for num, align in cells
            )
            page.close()
        browser.close()


def test_every_row_shows_with_scripts_off(pages, facts):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 390, "height": 900}
        )
        page = context.new_page()
        page.goto((pages / "facts__vi.html").as_uri())
        assert len(visible(page)) == len(facts)
        assert not page.is_visible("#facts-filters")
        assert no_sideways_scroll(page)
        browser.close()


def test_a_filter_applies_to_every_row_at_2400_facts(pages):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((pages / "many.html").as_uri())
        rows = "document.querySelectorAll('#facts-rows tr')"
        n = page.evaluate(f"{rows}.length")
        assert n >= 2400
        page.select_option("#facts-kind", "target")
        hidden = page.evaluate(f"Array.from({rows}).filter(r => r.hidden).length")
        kinds = page.evaluate(f"Array.from({rows}).filter(r => !r.hidden).map(r => r.dataset.kind)")
        assert hidden + len(kinds) == n and set(kinds) == {"target"}
        page.select_option("#facts-kind", "")
        assert page.evaluate("document.querySelectorAll('#facts-rows tr[hidden]').length") == 0
        browser.close()
