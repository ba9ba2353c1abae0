"""The readers' site: status cards, the data beside every table and chart, the methods page."""

import io
import re

import nbformat
import pandas as pd
import pytest

from ezlib.data.load import load_facts
from ezlib.progress.series import annual_series, plan_paths
from ezlib.progress.zone import data_date, zone_history, zone_progress
from ezlib.report.cards import STATUS_MARKS, status_cards, zone_headline
from ezlib.report.charts import annual_chart, pace_chart, plan_path_chart
from ezlib.report.methods_page import (
    TERM_SECTIONS,
    methods_html,
    methods_sections,
    section_anchor,
    term_href,
)
from ezlib.report.site import counterpart, pages_using, render_notebook, write_downloads
from ezlib.report.tables import show
from ezlib.report.words import text
from ezlib.vocabulary import LANGUAGES, TARGET_STATUSES


@pytest.fixture(scope="module")
def facts():
    return load_facts()


@pytest.fixture(scope="module")
def table(facts):
    return zone_progress(facts, "hp-zones")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_headline_counts_every_target_once_with_its_mark(facts, table, lang):
    headline = zone_headline(table, "hp-zones", data_date(facts), lang)
    counts = [
        int(n) for n in re.findall(r"[" + "".join(STATUS_MARKS.values()) + r"] (\d+)", headline)
    ]
    assert sum(counts) == len(table)
    assert set(STATUS_MARKS) == set(TARGET_STATUSES)
    assert ("11/1/2026" if lang == "vi" else "11 January 2026") in headline


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_card_per_target_with_a_mark_links_to_its_quotes_and_its_terms(table, lang):
    cards = status_cards(table, lang)
    page = cards._repr_html_()
    assert page.count('<li class="ez-card') == len(table)
    for status in table["target_status"]:
        assert STATUS_MARKS[status] in page  # the status reads without colour
    for fact in ("hp-012", "hp-011", "ev-001"):
        assert f'href="facts__{lang}.html#fact-{fact}"' in page
    assert f'href="{term_href("attainment", lang)}"' in page
    data, metadata = cards._repr_mimebundle_()
    rows = pd.read_csv(pd.io.common.StringIO(data["text/csv"]))
    assert len(rows) == len(table) and metadata["text/csv"]["name"] == "status"
    # a range of attainment never breaks at its dash: "(117%–119%)" stays on one line
    ranges = re.findall(r"\(\d+%–\d+%\)", page)
    assert ranges and all(f'<span class="nb">{r}</span>' in page for r in ranges)


def test_a_chart_carries_the_numbers_it_draws(facts, table):
    chart = pace_chart(table, "en")
    data, metadata = chart._repr_mimebundle_()
    drawn = pd.read_csv(pd.io.common.StringIO(data["text/csv"]))
    assert len(drawn) == int(table["pace_index_point"].notna().sum())
    assert metadata["image/png"]["alt"] == chart.alt
    annual = annual_chart(annual_series(facts, "hp-zones"), "hp-zones", "vi")
    rows = pd.read_csv(pd.io.common.StringIO(annual._repr_mimebundle_()[0]["text/csv"]))
    assert {"Năm", "Giá trị ước tính", "Mã số liệu"} <= set(rows.columns)
    assert "ev-030" in set(rows["Mã số liệu"])  # 3,5 tỷ USD of FDI in 2023


def _notebook(*bundles):
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data=data, metadata=metadata)
        for data, metadata in bundles
    ]
    return nbformat.v4.new_notebook(cells=[cell])


def test_each_table_and_chart_gets_its_csv_beside_the_page(tmp_path):
    page = tmp_path / "site" / "report_en.html"
    stale = tmp_path / "site" / "data" / "report_en" / "old.csv"
    stale.parent.mkdir(parents=True)
    stale.write_text("x\n")
    table = show(pd.DataFrame({"Chỉ tiêu": ["Vốn FDI"], "Giá trị": ["1,5 tỷ USD"]}), "targets")
    unnamed = show(pd.DataFrame({"a": [1]}))
    chart_data = {"image/png": "iVBOR", "text/csv": "x,y\n1,2\n"}
    node = _notebook(
        table._repr_mimebundle_(),
        unnamed._repr_mimebundle_(),
        (chart_data, {}),
        ({"text/plain": "no"}, {}),
    )
    written = write_downloads(node, page, "vi")
    names = [p.name for p in written]
    assert names == ["targets.csv", "table-2.csv", "chart-1.csv"]
    assert not stale.exists()
    assert written[0].read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8
    assert "Vốn FDI" in written[0].read_text(encoding="utf-8-sig")
    outputs = node.cells[0].outputs
    assert outputs[0].metadata["download"]["href"] == "data/report_en/targets.csv"
    assert outputs[0].metadata["download"]["label"].startswith("Tải")
    assert "download" not in outputs[3].metadata


def test_pages_using_finds_the_facts_a_page_cites(tmp_path):
    one, two = tmp_path / "a_en.html", tmp_path / "b_en.html"
    one.write_text("<td>hp-001 ; ev-158</td>", encoding="utf-8")
    two.write_text("<td>hp-0011</td>", encoding="utf-8")
    used = pages_using([(one, "A"), (two, "B")], ["hp-001", "ev-158", "ev-001"])
    assert used == {"hp-001": [("a_en.html", "A")], "ev-158": [("a_en.html", "A")]}


def test_pages_using_reads_the_body_not_the_styles_or_inlined_images(tmp_path):
    page = tmp_path / "a_en.html"
    page.write_text(
        "<html><head><style>.hp-001 {}</style></head><body>"
        '<img src="data:image/png;base64,ev-158" alt="a chart"><td>ev-001</td></body></html>',
        encoding="utf-8",
    )
    used = pages_using([(page, "A")], ["hp-001", "ev-158", "ev-001"])
    assert used == {"ev-001": [("a_en.html", "A")]}


def test_pages_using_reads_again_only_the_pages_that_changed(tmp_path, monkeypatch):
    from ezlib.report import site

    monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / "build"))
    pages = [(tmp_path / f"{name}_en.html", name) for name in "abc"]
    for (page, _), ids in zip(pages, ("hp-001", "ev-158", "hp-002 ; ev-158"), strict=True):
        page.write_text(f"<body><td>{ids}</td></body>", encoding="utf-8")
    read = []
    real = site._body_words
    monkeypatch.setattr(site, "_body_words", lambda path: read.append(path.name) or real(path))
    ids = ["hp-001", "hp-002", "ev-158"]
    first = pages_using(pages, ids)
    assert read == ["a_en.html", "b_en.html", "c_en.html"]
    pages[1][0].write_text("<body><td>hp-001 ; hp-002</td></body>", encoding="utf-8")
    read.clear()
    again = pages_using(pages, ids)
    assert read == ["b_en.html"]  # the others come from the cache, as they were
    assert first["ev-158"] == [("b_en.html", "b"), ("c_en.html", "c")]
    assert again == {
        "hp-001": [("a_en.html", "a"), ("b_en.html", "b")],
        "hp-002": [("b_en.html", "b"), ("c_en.html", "c")],
        "ev-158": [("c_en.html", "c")],
    }
    read.clear()
    pages[0][0].write_text("<body><td>hp-001 ; tb7</td></body>", encoding="utf-8")
    unhyphenated = pages_using(pages, [*ids, "tb7"])
    assert read == ["a_en.html", "b_en.html", "c_en.html"]  # an id with no hyphen: every word
    assert unhyphenated == {**again, "tb7": [("a_en.html", "a")]}


def test_a_rendered_page_has_its_alt_texts_and_focusable_outputs(tmp_path, facts):
    table = show(pd.DataFrame({"Chỉ tiêu": ["Vốn FDI"], "Giá trị": ["1,5 tỷ USD"]}), "targets")
    chart = pace_chart(zone_progress(facts, "hp-zones"), "en")
    notebook = tmp_path / "report_en.ipynb"
    csv, csv_metadata = table._repr_mimebundle_()
    shown = ({"text/html": table._repr_html_(), **csv}, csv_metadata)  # as IPython shows it
    nbformat.write(_notebook(shown, chart._repr_mimebundle_()), notebook)
    page = render_notebook(notebook, tmp_path / "site" / "report_en.html").read_text("utf-8")
    areas = re.findall(r'<div class="[^"]*\bjp-OutputArea-output\b[^>]*>', page)
    assert len(areas) == 2
    assert all('tabindex="0"' in area for area in areas)  # a wide table scrolls by keyboard
    images = re.findall(r"<img\b[^>]*>", page)
    assert len(images) == 1 and f'alt="{chart.alt}"' in images[0]


def test_counterpart_pages():
    assert counterpart("facts__vi.html", "vi") == "facts__en.html"
    assert counterpart("index__vi.html", "vi") == "index.html"
    assert counterpart("notes.html", "en") is None


def test_both_methods_pages_have_the_same_sections_and_every_linked_term():
    assert methods_sections("vi") == methods_sections("en")
    for lang in LANGUAGES:
        page = methods_html(lang)
        anchors = set(re.findall(r'id="(s[\d-]+)"', page))
        assert {section_anchor(n) for n in methods_sections(lang)} == anchors
        assert {section_anchor(n) for n in TERM_SECTIONS.values()} <= anchors
        assert "<table>" in page
    assert "Tỷ giá" in methods_html("vi") or "tỷ giá" in methods_html("vi")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_headers_of_defined_terms_link_to_the_methods_page(table, lang):
    from ezlib.report.tables import progress_display

    page = show(progress_display(table, lang))._repr_html_()
    for term in ("attainment", "pace", "projection", "category"):
        assert f'href="{term_href(term, lang)}"' in page, term


def headers(html_table):
    """The header words of one rendered table, links and markup left out."""
    head = html_table[: html_table.index("</thead>")]
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_detail_table_shows_each_column_once_in_two_parts_each_led_by_its_row(facts, lang):
    from ezlib.report.tables import GROUP, no_actual_display, progress_display

    for zone in ("hp-zones", "tb-zones"):
        frame = progress_display(zone_progress(facts, zone), lang)
        page = show(frame)._repr_html_()
        parts = re.findall(r"<table>.*?</table>", page, re.S)
        captions = re.findall(r"<caption><span>(.*?)</span></caption>", page)
        assert len(parts) == 2 and captions == [
            text("part.progress", lang),
            text("part.outlook", lang),
        ]
        group = frame.attrs.get(GROUP)  # a zone of several parks heads their rows instead
        assert (group is not None) == (zone == "tb-zones")
        columns = [c for c in frame.columns if c != group]
        lead = columns[: columns.index(text("col.target", lang)) + 1]
        first, second = (headers(part) for part in parts)
        assert first[: len(lead)] == lead and second[: len(lead)] == lead
        assert sorted(first[len(lead) :] + second[len(lead) :]) == sorted(columns[len(lead) :])
        assert text("col.sources", lang) in first and text("col.caveats", lang) in first
        if group:
            assert all(page.count(f"<span>{e}</span>") == 2 for e in set(frame[group]))
        # the CSV keeps the table whole, the zone column included
        csv = show(frame)._repr_mimebundle_()[0]["text/csv"]
        assert list(pd.read_csv(io.StringIO(csv)).columns) == list(frame.columns)
        # a target with no actual yet: what it is, its caveats and sources, in one table
        waiting = no_actual_display(zone_progress(facts, zone), lang)
        assert text("col.target", lang) in waiting.columns
        assert text("col.actual", lang) not in waiting.columns
        assert show(waiting)._repr_html_().count("<table>") == 1


def test_sources_show_publisher_and_title_linked_not_the_address(facts):
    from ezlib.report.tables import sources_display

    shown = show(sources_display(facts, ["ev-001", "hp-011"], "en"))._repr_html_()
    row = facts.set_index("fact_id").loc["ev-001"]
    words = f"{row['source_publisher']}: {row['source_title']}"
    assert f'<a href="{row["source_url"]}">' in shown
    assert f">{row['source_url']}<" not in shown  # the address is the link, not its text
    assert words.split(":")[0] in shown
    archived = facts.set_index("fact_id").loc["hp-011"]  # an archived article has no address
    assert archived["source_publisher"] in shown


def test_the_annual_chart_data_gives_each_figure_as_its_source_wrote_it(facts):
    annual = annual_chart(annual_series(facts, "hp-zones"), "hp-zones", "vi")
    figures = dict(zip(annual.data["Mã số liệu"], annual.data["Con số"], strict=True))
    assert figures["ev-012"] == "gần 2,5 tỷ USD"  # the hedge
    assert figures["ev-019"].endswith("VND")  # a VND result, drawn in USD, written in VND


def test_the_zones_at_a_glance_count_every_target_of_every_zone(facts):
    from ezlib.progress.zone import progress_by_zone, zone_groups
    from ezlib.report.cards import zones_at_a_glance

    zones = zone_groups(facts)
    tables = dict(zip(zones, progress_by_zone(facts, zones), strict=True))
    glance = zones_at_a_glance(tables, {z: data_date(facts, z) for z in zones}, "en")
    marks = [c for c in glance.columns if c[0] in STATUS_MARKS.values()]
    assert len(marks) == len(TARGET_STATUSES)
    assert (glance[marks].sum(axis=1) == glance["Targets"]).all()
    assert glance["Targets"].sum() == sum(len(t) for t in tables.values())


def test_the_plan_path_chart_names_each_year_over_its_span(facts):
    paths = plan_paths(zone_history(facts, "hp-zones"))
    ax = plan_path_chart(paths, "en").figure.axes[0]
    ticks = ax.get_xticks()
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(int(t - 0.5)) for t in ticks]
    assert all(t % 1 == 0.5 for t in ticks)  # a year's name in the middle of the year
    # The first panel's readings: a reading by the end of a year lies at that year's right end.
    first = paths[paths["target_fact_id"] == paths["target_fact_id"].iloc[0]]
    readings = first[first["point_kind"] == "reading"]
    drawn = ax.lines[-1].get_xdata()
    for when, x in zip(readings["date"], drawn, strict=True):
        assert when.year <= x < when.year + 1
        if (when.month, when.day) == (12, 31):
            assert x > when.year + 0.99


def test_every_panel_is_labelled_by_ezlib_not_by_seaborn(facts):
    for zone in ("hp-zones", "tb-zones", "th-zones"):
        for chart in (
            annual_chart(annual_series(facts, zone), zone, "en"),
            plan_path_chart(plan_paths(zone_history(facts, zone)), "en"),
        ):
            for ax in chart.figure.axes:
                assert ax.get_xlabel() == ""  # the years say what they are
                assert ax.get_ylabel().strip() == ax.get_ylabel()
                assert ax.get_ylabel() not in {"point", "year", "date"}  # seaborn's defaults


def test_the_index_lists_the_all_zone_pages_first_then_one_row_per_zone(tmp_path):
    import re

    from ezlib.report.site import write_index

    def row(href, title, label, zone, scope="zone", status="ok", error=""):
        built = "2026-12-07 06:26 UTC"
        return {"href": href, "title": title, "label": label, "zone": zone, "scope": scope,
                "lang": "en", "built": built, "status": status, "error": error}  # fmt: skip

    rows = [
        row("a.html", "Progress report: A", "Progress report", "A"),
        row("b.html", "Progress report: B", "Progress report", "B", status="failed", error="E"),
        row("c.html", "Zone comparison", "Zone comparison", "", scope="all"),
        row("a2.html", "Plan check: A, FDI", "Plan check: FDI", "A"),
    ]
    page = write_index(tmp_path / "index.html", rows, built="now").read_text(encoding="utf-8")
    assert page.index("c.html") < page.index("a.html")  # the pages on every zone come first
    zones = re.findall(r"<tr><td>([^<]*)</td><td>(.*?)</td></tr>", page)
    assert [zone for zone, _ in zones] == ["A", "B"]  # one row per zone, in the runs' order
    assert re.findall(r">([^<>]+)</a>", zones[0][1]) == ["Progress report", "Plan check: FDI"]
    assert '<span class="failed">failed</span><br><span class="note">E</span>' in zones[1][1]
    assert page.count('class="failed"') == 1
    assert 'title="Built 2026-12-07 06:26 UTC"' in page
