"""The facts browser (ezlib.report.facts_page), written from the real data in both languages.

The pages are parsed (html.parser) and checked row by row: one row per fact with its quote,
source link, figure, date and reports; nothing loaded from another host; ids unique; the
Vietnamese page in Vietnamese (the forbidden words of test_vi_pages).
"""

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from test_vi_pages import facts, forbidden, words  # noqa: F401  (fixtures and helper reused)

from ezlib.data.reference import entity_name, indicator_label
from ezlib.errors import DataError
from ezlib.report import text, title
from ezlib.report.facts_page import fact_figure, facts_page_html, write_facts_page
from ezlib.report.site import index_name, site_nav
from ezlib.report.tables import format_date
from ezlib.report.words import publisher_name

VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "source", "area", "col", "base"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def iter(self, tag=None):
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self):
        return set(self.attrs.get("class", "").split())

    def find(self, tag, cls=None):
        return [n for n in self.iter(tag) if cls is None or cls in n.classes()]


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(source):
    builder = TreeBuilder()
    builder.feed(source)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


def nav_for(lang):
    return site_nav(lang, f"facts__{lang}.html")


def used_by_for(facts, lang):  # noqa: F811
    """Three facts in reports (one in two), titled as the reports are, in the page language."""
    ids = list(facts["fact_id"])
    zone = title("01_zone_report", {"zone": "hp-zones", "lang": lang})
    check = title("02_plan_check", {"zone": "hp-zones", "indicator": "fdi_capital", "lang": lang})
    return {
        ids[0]: [(f"01_zone_report__hp-zones_{lang}.html", zone)],
        ids[1]: [
            (f"01_zone_report__hp-zones_{lang}.html", zone),
            (f"02_plan_check__hp-zones_fdi-capital_{lang}.html", check),
        ],
        ids[-1]: [(f"03_zone_comparison__{lang}.html?a=1&b=2", "<So sánh> & “các khu”")],
    }


@pytest.fixture(scope="module")
def pages(facts, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("site")
    written = {}
    for lang in ("vi", "en"):
        path = write_facts_page(
            folder / f"facts__{lang}.html",
            facts,
            used_by_for(facts, lang),
            lang,
            nav=nav_for(lang),
        )
        source = path.read_text(encoding="utf-8")
        written[lang] = (source, parse(source))
    return written


def rows_of(tree):
    (body,) = [n for n in tree.iter("tbody")]
    return body.find("tr")


def cell(row, cls):
    (found,) = [td for td in row.find("td") if cls in td.classes()]
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_row_per_fact_in_order_with_its_anchor_and_filters(pages, facts, lang):  # noqa: F811
    _, tree = pages[lang]
    rows = rows_of(tree)
    assert [r.attrs["id"] for r in rows] == [f"fact-{f}" for f in facts["fact_id"]]
    assert [r.attrs["data-zone"] for r in rows] == list(facts["entity_id"])
    assert [r.attrs["data-indicator"] for r in rows] == list(facts["indicator"])
    assert [r.attrs["data-kind"] for r in rows] == [str(k) for k in facts["kind"]]
    assert all("hidden" not in r.attrs for r in rows)  # no script: every row shows
    for row, (_, fact) in zip(rows, facts.iterrows(), strict=True):
        assert cell(row, "id").text() == fact["fact_id"]
        assert cell(row, "zone").text() == entity_name(fact["entity_id"], lang)
        assert cell(row, "indicator").text() == indicator_label(fact["indicator"], lang)
        assert cell(row, "kind").text() == text(f"kind.{fact['kind']}", lang)
        date = format_date(fact["source_published_date"], lang, fact["source_date_precision"])
        assert cell(row, "date").text() == date
        assert not {"nan", "None", "NaT", "<NA>"} & set(row.text().split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_quotes_are_exact_and_escaped(pages, facts, lang):  # noqa: F811
    source, tree = pages[lang]
    for row, quote in zip(rows_of(tree), facts["quote"], strict=True):
        assert cell(row, "quote").text() == f"“{quote}”"
        assert html.escape(f"“{quote}”") in source


def test_markup_in_the_data_is_escaped(facts):  # noqa: F811
    evil = facts.head(3).copy()
    evil.loc[evil.index[0], "quote"] = '<script>alert("x")</script> & <b>1</b>'
    evil.loc[evil.index[1], "source_title"] = '"><img src=x onerror=alert(1)>'
    page = facts_page_html(evil, {}, "en")
    assert "<script>alert" not in page and "<img" not in page and "<b>" not in page
    rows = rows_of(parse(page))
    assert cell(rows[0], "quote").text() == '“<script>alert("x")</script> & <b>1</b>”'
    assert '"><img src=x onerror=alert(1)>' in cell(rows[1], "source").text()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sources_link_their_address_with_publisher_and_title(pages, facts, lang):  # noqa: F811
    _, tree = pages[lang]
    linked = 0
    for row, (_, fact) in zip(rows_of(tree), facts.iterrows(), strict=True):
        source = cell(row, "source")
        (publisher,) = source.find("span", "publisher")
        assert publisher.text() == publisher_name(fact, lang)  # in the page's language
        anchors = source.find("a")
        if fact["source_url"]:
            (anchor,) = anchors
            assert anchor.attrs["href"] == fact["source_url"]
            assert anchor.text() == fact["source_title"]
            assert fact["source_url"] not in source.text()  # the title, not the raw address
            linked += 1
        else:
            assert anchors == []
            assert fact["source_title"] in source.text()
            assert text("facts.no_url", lang) in source.text()
    assert linked > 100
    # the curator's words on a publisher are in the page's language, never English on a
    # Vietnamese page: "Thái Bình provincial news site (publisher not stated in the text)"
    shown = {cell(row, "source").find("span", "publisher")[0].text() for row in rows_of(tree)}
    english = {p for p in shown if "provincial news site" in p or "aggregator" in p}
    assert bool(english) == (lang == "en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nothing_is_loaded_from_another_host(pages, lang):
    _, tree = pages[lang]
    assert all("src" not in n.attrs for n in tree.iter("script"))
    assert list(tree.iter("link")) == [] and list(tree.iter("iframe")) == []
    assert [n.attrs["src"] for n in tree.iter() if "src" in n.attrs] == []
    styles = " ".join(n.text() for n in tree.iter("style"))
    assert "@import" not in styles and not re.search(r"url\(\s*['\"]?(https?:)?//", styles)
    script = " ".join(n.text() for n in tree.iter("script"))
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", script)
    assert not re.search(r"https?://|fetch\(|XMLHttpRequest|import\(", script)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_declares_its_language_charset_and_viewport(pages, lang):
    _, tree = pages[lang]
    (root,) = tree.iter("html")
    assert root.attrs["lang"] == lang
    metas = list(tree.iter("meta"))
    assert any(m.attrs.get("charset", "").lower() == "utf-8" for m in metas)
    assert any(m.attrs.get("name") == "viewport" for m in metas)
    (heading,) = tree.iter("h1")
    assert heading.text() == text("facts.title", lang)
    nav = {a.attrs["href"]: a for n in tree.iter("nav") for a in n.iter("a")}
    assert {index_name(lang), f"methods__{lang}.html"} <= set(nav)
    other = nav[f"facts__{'vi' if lang == 'en' else 'en'}.html"]
    assert other.attrs["lang"] == other.attrs["hreflang"] != lang


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reports_using_a_fact_are_linked_in_its_row(pages, facts, lang):  # noqa: F811
    _, tree = pages[lang]
    used_by = used_by_for(facts, lang)
    for row, fact_id in zip(rows_of(tree), facts["fact_id"], strict=True):
        reports = cell(row, "reports")
        shown = [(a.attrs["href"], a.text()) for a in reports.find("a")]
        assert shown == list(used_by.get(fact_id, []))
        if fact_id not in used_by:
            assert reports.text() == text("facts.no_report", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ids_are_unique(pages, lang):
    _, tree = pages[lang]
    ids = [n.attrs["id"] for n in tree.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    labels = [n.attrs["for"] for n in tree.iter("label")]
    assert set(labels) <= set(ids)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_filters_offer_every_zone_indicator_and_kind(pages, facts, lang):  # noqa: F811
    _, tree = pages[lang]
    (form,) = tree.find("form")
    assert "hidden" in form.attrs  # offered only when the script runs
    options = {
        s.attrs["data-filter"]: {o.attrs["value"]: o.text() for o in s.iter("option")}
        for s in form.iter("select")
    }
    assert set(options["zone"]) - {""} == set(facts["entity_id"])
    assert set(options["indicator"]) - {""} == set(facts["indicator"])
    assert set(options["kind"]) == {"", "target", "actual", "baseline"}
    assert options["zone"]["hp-zones"] == entity_name("hp-zones", lang)
    (count,) = [n for n in tree.iter("p") if n.attrs.get("id") == "facts-count"]
    n = len(facts)
    assert count.text() == text("facts.count", lang, shown=n, total=n)
    assert "{shown}" in count.attrs["data-template"] and "{total}" in count.attrs["data-template"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_figures_keep_the_hedge_their_source_wrote(pages, facts, lang):  # noqa: F811
    _, tree = pages[lang]
    hedges = {"approx": "≈ ", "over": "> ", "at_least": "≥ ", "at_most": "≤ "}
    hedges["nearly"] = "gần " if lang == "vi" else "nearly "
    seen = set()
    for row, (_, fact) in zip(rows_of(tree), facts.iterrows(), strict=True):
        figure = cell(row, "figure")
        assert "num" in figure.classes()
        shown = figure.text().replace("\u00a0", " ")  # unbroken, but the same words
        assert shown == fact_figure(fact, lang)
        hedge = hedges.get(str(fact["qualifier"]))
        if hedge:
            assert hedge in shown, (fact["fact_id"], shown)
            seen.add(str(fact["qualifier"]))
    assert {"approx", "over", "nearly"} <= seen
    by_id = {r.attrs["id"]: r for r in rows_of(tree)}
    assert cell(by_id["fact-hp-011"], "figure").text() == (
        "10,51\u00a0tỷ\u00a0USD" if lang == "vi" else "10.51\u00a0bn\u00a0USD"
    )
    growth = {"vi": "tăng\u00a0≥\u00a014%", "en": "up\u00a0≥\u00a014%"}[lang]
    assert cell(by_id["fact-tb-003"], "figure").text() == growth


def test_the_vietnamese_page_has_no_english_word(pages, forbidden):  # noqa: F811
    _, tree = pages["vi"]
    shown = []

    def walk(node):
        if node.tag in ("script", "style"):
            return
        if "verbatim" in node.classes() or node.attrs.get("lang", "vi") != "vi":
            return  # a source's own words, or the other language's name
        for attr in ("placeholder", "aria-label", "title", "data-template", "alt"):
            shown.extend([node.attrs[attr]] if node.attrs.get(attr) else [])
        for child in node.children:
            shown.append(child) if isinstance(child, str) else walk(child)

    walk(tree)
    assert "Tra cứu" in " ".join(shown)
    assert sorted(words(shown) & forbidden) == []


def test_unknown_facts_or_languages_are_refused(facts):  # noqa: F811
    with pytest.raises(DataError, match="zz-999"):
        facts_page_html(facts, {"zz-999": [("a.html", "A")]}, "en")
    with pytest.raises(DataError, match="fr"):
        facts_page_html(facts, {}, "fr")


def test_2400_facts_are_all_written(facts, tmp_path):  # noqa: F811
    copies = -(-2400 // len(facts))
    many = pd.concat(
        [facts.assign(fact_id=facts["fact_id"] + f"-{k}") for k in range(copies)],
        ignore_index=True,
    )
    page = write_facts_page(tmp_path / "facts__vi.html", many, {}, "vi")
    assert page.read_text(encoding="utf-8").count("<tr id=") == len(many) >= 2400
