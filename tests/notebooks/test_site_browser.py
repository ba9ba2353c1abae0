"""Readers' view: every page opens from file:// in headless chromium with no request elsewhere."""

import os
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


def test_every_page_loads_offline_with_its_images(site):
    from playwright.sync_api import sync_playwright

    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 5
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        for path in pages:
            problems, broken = visit(page, path.as_uri())
            assert problems == {"console": [], "failed": [], "foreign": []}, path.name
            assert broken == 0, path.name
        index_links = page.goto((site / "index.html").as_uri()) and page.eval_on_selector_all(
            "a", "els => els.map(e => e.getAttribute('href'))"
        )
        assert set(index_links) == {p.name for p in pages if p.name != "index.html"}
        for report in site.glob("01_zone_report__*.html"):
            page.goto(report.as_uri())
            assert page.evaluate("document.images.length") >= 2, report.name  # both charts
        page.goto((site / "02_plan_check__hp-zones_fdi-capital_en.html").as_uri())
        assert "84%" in page.inner_text("body")
        browser.close()


def test_pages_read_on_a_phone_in_their_language_and_charts_say_what_they_show(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in sorted(site.glob("*.html")):
            page.goto(path.as_uri())
            # A wide table scrolls in its own box: the page never scrolls sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path.name
            if path.name == "index.html":
                continue
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
