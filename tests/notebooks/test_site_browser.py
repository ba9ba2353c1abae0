"""Readers' view: every page opens from file:// in headless chromium with no request elsewhere."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from ezlib.paths import project_root

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = tmp_path_factory.mktemp("build")
    env = {**os.environ, "EZLIB_BUILD_DIR": str(build)}
    done = subprocess.run(
        [sys.executable, "-m", "ezlib", "report"],
        cwd=project_root(),
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return build / "site"


def visit(page, url):
    problems = {"console": [], "failed": [], "foreign": []}
    page.on("console", lambda m: problems["console"].append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems["failed"].append(r.url))
    page.on(
        "request",
        lambda r: (
            problems["foreign"].append(r.url)
            if not r.url.startswith(("file://", "data:"))
            else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("load")
    broken = page.evaluate(
        "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length"
    )
    return problems, broken


def launch(pw):
    return pw.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    )


WIDTHS = (1280, 390)

KINDS = {
    "zone-report": "01_zone_report__hp-zones",
    "plan-check": "02_plan_check__hp-zones_fdi-capital",
    "comparison": "03_zone_comparison_",
    "audit": "04_data_audit_",
    "facts": "facts_",
    "methods": "methods_",
}
"""One page of each kind, by the start of its name (the language follows)."""


def local_targets(page):
    """Every link and image of the page that stays in the site: (attribute value, is image)."""
    return page.evaluate(
        """Array.from(document.querySelectorAll('a[href], img[src]')).map(e => {
             const v = e.getAttribute(e.tagName === 'IMG' ? 'src' : 'href');
             return [v, e.tagName === 'IMG'];
           }).filter(([v]) => !/^(https?:|mailto:|data:)/.test(v))"""
    )


def test_every_page_loads_offline_and_every_link_and_download_resolves(site):
    from playwright.sync_api import sync_playwright

    pages = sorted(site.glob("*.html"))
    assert {"index.html", "index__vi.html", "facts__en.html", "methods__vi.html"} <= {
        p.name for p in pages
    }
    anchors = {p.name: set(re.findall(r'id="([^"]+)"', p.read_text("utf-8"))) for p in pages}
    with sync_playwright() as pw:
        browser = launch(pw)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in pages:
                problems, broken = visit(page, path.as_uri())
                assert problems == {"console": [], "failed": [], "foreign": []}, path.name
                assert broken == 0, path.name
                # The page never scrolls sideways; a wide table scrolls in its own box.
                assert page.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                ), (path.name, width)
                for target, _image in local_targets(page) if width == WIDTHS[0] else ():
                    file, _, fragment = target.partition("#")
                    resolved = (path.parent / file) if file else path
                    assert resolved.is_file(), (path.name, target)
                    if fragment and resolved.suffix == ".html":
                        assert fragment in anchors[resolved.name], (path.name, target)
            page.close()
        browser.close()


def test_each_report_is_on_its_language_index_with_the_data_downloads(site):
    for lang, index in (("en", "index.html"), ("vi", "index__vi.html")):
        page = (site / index).read_text(encoding="utf-8")
        hrefs = set(re.findall(r'href="([^"#]+)', page))
        reports = {p.name for p in site.glob(f"0*_{lang}.html")}
        assert reports and reports <= hrefs, lang
        assert {f"dataset/{name}" for name in ("facts.csv", "facts.parquet", "facts.dta")} <= hrefs
        assert {"dataset/datapackage.json", "dataset/data_dictionary.csv"} <= hrefs
        assert f"facts__{lang}.html" in hrefs and f"methods__{lang}.html" in hrefs


def test_a_zone_page_tells_its_story_and_offers_the_data_of_each_table_and_chart(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        for report in sorted(site.glob("01_zone_report__*.html")):
            page.goto(report.as_uri())
            assert page.locator("ul.ez-cards > li").count() >= 1, report.name
            assert page.evaluate("document.images.length") >= 4, report.name  # four charts
            # Every table, the cards and every chart is followed by the link to its CSV (the
            # parts of a wide table are one output, with one link).
            links = page.evaluate(
                """Array.from(new Set(Array.from(
                     document.querySelectorAll('.ez-table, ul.ez-cards, main img'))
                   .map(e => e.closest('.jp-OutputArea-output'))))
                   .map(e => e.nextElementSibling)
                   .map(n => n && n.matches('.ez-download') ? n.querySelector('a')
                        .getAttribute('href') : null)"""
            )
            assert len(links) >= 7 and None not in links, (report.name, links)
            assert all(d.startswith(f"data/{report.stem}/") for d in links)
            assert len(set(links)) == len(links)
        page.goto((site / "02_plan_check__hp-zones_fdi-capital_en.html").as_uri())
        assert "84%" in page.inner_text("body")
        browser.close()


def test_screenshots_of_each_kind_of_page_at_both_widths(site):
    """Saved under build/screenshots, so anyone can look at the pages without a browser."""
    from playwright.sync_api import sync_playwright

    from ezlib.paths import build_dir

    out = build_dir() / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for kind, start in KINDS.items():
                for lang in ("en", "vi"):
                    path = next(iter(sorted(site.glob(f"{start}*{lang}.html"))))
                    page.goto(path.as_uri())
                    shot = out / f"{kind}_{lang}_{width}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    assert shot.stat().st_size > 10_000, shot.name
            for lang, index in (("en", "index.html"), ("vi", "index__vi.html")):
                page.goto((site / index).as_uri())
                page.screenshot(path=str(out / f"index_{lang}_{width}.png"), full_page=True)
            page.close()
        browser.close()


def test_pages_read_on_a_phone_in_their_language_and_charts_say_what_they_show(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in sorted(site.glob("0*.html")):
            page.goto(path.as_uri())
            lang = "vi" if path.stem.endswith("_vi") else "en"
            assert page.evaluate("document.documentElement.lang") == lang, path.name
            for alt in page.evaluate("Array.from(document.images).map(i => i.alt)"):
                assert alt.startswith(("Biểu đồ",) if lang == "vi" else ("Chart", "Bar chart"))
            cells = page.evaluate(
                "Array.from(document.querySelectorAll('.ez-table td'))"
                ".map(td => [td.className, getComputedStyle(td).textAlign])"
            )
            assert cells, path.name
            assert all((kind == "num") == (align == "right") for kind, align in cells), path.name
        browser.close()


def test_every_table_of_the_reports_shows_every_column_on_a_desktop_screen(site):
    """Wide tables come in parts, a zone heads its rows instead of filling a column, and
    figures wrap between words: no column hides off the right edge at 1280 px."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
        for path in sorted(site.glob("0*_*.html")):
            page.goto(path.as_uri())
            boxes = page.evaluate(
                "Array.from(document.querySelectorAll('.ez-table')).map(b => [b.scrollWidth, "
                "b.clientWidth, b.querySelectorAll('tr.ez-group').length, "
                "b.querySelectorAll('caption').length])"
            )
            assert boxes, path.name
            assert all(scroll <= client for scroll, client, *_ in boxes), (path.name, boxes)
            parts = sum(captions for *_, captions in boxes)
            if path.name.startswith(("01_", "02_")):  # the detail table, in two parts
                assert parts == 2, path.name
            if path.name.startswith("03_"):
                assert len(boxes) == 3, path.name
                assert [groups > 1 for _, _, groups, _ in boxes] == [False, True, True]
            if path.name.startswith("01_zone_report__tb-zones"):  # a zone with several parks
                assert any(groups > 1 for _, _, groups, _ in boxes), path.name
        browser.close()
