"""The facts browser: one static page listing every fact with its quote, source and reports.

The page is a single self-contained HTML file, in Vietnamese or English: inline CSS and a small
inline script of its own (no library, no request to any other host). Every row is in the HTML,
so with scripts off the whole table reads and prints; the script only adds a search box and
select filters that toggle each row's ``hidden`` attribute, and a live count. Each row has the
id ``fact-<fact_id>``, so a report can link to ``facts__en.html#fact-hp-011``.

Every word ezlib writes comes from :mod:`ezlib.report.words` (the ``facts.*`` keys and the
column headers); figures and dates are written by :mod:`ezlib.report.tables`, in the page
language. Sources' quotes, titles and publishers are shown as written, marked with their
language.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ezlib.data.reference import entity_name, indicator_label
from ezlib.errors import DataError
from ezlib.report.site import NAV_CSS
from ezlib.report.tables import (
    DASH,
    caveat_words,
    figure_groups,
    format_date,
    format_figure,
    is_missing,
)
from ezlib.report.words import TEXT, publisher_name, reading_key, text
from ezlib.vocabulary import FACT_KINDS, LANGUAGES

_CSS = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
margin:0 auto;max-width:110rem;padding:1rem;color:#1b1b1b;line-height:1.45;background:#fff}
nav ul{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
a{color:#0b57d0}a:visited{color:#6a3ab2}
h1{font-size:1.6rem;line-height:1.25;margin:.6rem 0}
.intro{max-width:50rem}
.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;margin:1rem 0 .4rem;
padding:.7rem;background:#f4f6f8;border:1px solid #dde2e7;border-radius:4px}
.filters[hidden]{display:none}
.filters label{display:flex;flex-direction:column;gap:.2rem;font-size:.9rem;font-weight:600;
flex:1 1 13rem;min-width:0}
.filters input,.filters select,.filters button{font:inherit;font-weight:400;padding:.35rem .45rem;
width:100%;min-width:0;max-width:100%;border:1px solid #9aa4ae;border-radius:3px;background:#fff}
.filters button{width:auto;flex:0 0 auto;cursor:pointer}
.count{font-weight:600;margin:.6rem 0}
.none{font-style:italic}
.scroll{overflow-x:auto;max-width:100%;border:1px solid #dde2e7;
background:linear-gradient(to left,#fff 40%,#fff0) right/2rem 100% no-repeat local,
linear-gradient(to left,#0000002e,#0000) right/.8rem 100% no-repeat scroll}
.facts thead tr{background:#eef1f4}
/* Rows are grids of fixed tracks (each row lays out alone, the same columns in all), so a row
   off screen skips layout (content-visibility) and 2,400 rows filter at once. */
.facts{display:block;min-width:75rem;font-size:.88rem;
--cols:4.6rem minmax(6.5rem,1fr) minmax(6.5rem,1fr) 5.4rem 8.2rem minmax(13rem,2.6fr)
minmax(10.5rem,2.4fr) 9.2rem minmax(5.5rem,.9fr) minmax(7rem,1.1fr)}
.facts td.date{white-space:nowrap}
.facts thead,.facts tbody{display:block}
.facts tr{display:grid;grid-template-columns:var(--cols);border-bottom:1px solid #e3e6ea}
.facts tbody tr{content-visibility:auto;contain-intrinsic-size:auto 7rem}
.facts tr[hidden]{display:none}
.facts th,.facts td{display:block;min-width:0;text-align:left;padding:.45rem .5rem}
.facts th{font-weight:600}
.facts .num{text-align:right}
.facts td a,.facts td.figure{overflow-wrap:anywhere}
.publisher{display:block;color:#4a5560;font-size:.92em}
.note{display:block;color:#4a5560;font-size:.92em;font-style:italic}
.reports ul{margin:0;padding:0;list-style:none}.reports li+li{margin-top:.25rem}
.unused{color:#4a5560;font-style:italic}
.facts tbody tr:target{background:#fff4cc}
.facts td[data-label]::before{display:none;content:attr(data-label) ": ";color:#4a5560}
/* On a phone each fact is a card: id, zone and indicator beside its figure, then the quote,
   the source and its date, what to know before citing it and where it is used, labelled. */
@media (max-width:40rem){
.scroll{overflow-x:visible;border:0;background:none}
.facts{min-width:0;font-size:.92rem}
.facts thead{display:none}
.facts tr{grid-template-columns:minmax(0,1fr) auto;padding:.45rem 0;grid-template-areas:
"id figure" "zone figure" "indicator kind" "quote quote" "source date" "caveats caveats"
"reports reports"}
.facts tbody tr{contain-intrinsic-size:auto 17rem}
.facts td{padding:.1rem .4rem}.facts td:empty{display:none}
.facts td.id{grid-area:id}.facts td.zone{grid-area:zone}.facts td.indicator{grid-area:indicator}
.facts td.kind{grid-area:kind}.facts td.figure{grid-area:figure;font-weight:600}
.facts td.quote{grid-area:quote}.facts td.source{grid-area:source}.facts td.date{grid-area:date}
.facts td.caveats{grid-area:caveats}.facts td.reports{grid-area:reports}
.facts td[data-label]::before{display:inline}
.reports ul,.reports li{display:inline}.reports li+li::before{content:" · "}
}
@media print{
nav,.filters{display:none!important}
body{max-width:none;padding:0;font-size:9pt}
.scroll{overflow:visible;border:0;background:none}
.facts{min-width:0;font-size:7.5pt;--cols:minmax(0,.75fr) minmax(0,1fr) minmax(0,1fr)
minmax(0,.75fr) minmax(0,1fr) minmax(0,2.2fr) minmax(0,1.9fr) minmax(0,1fr) minmax(0,1fr)
minmax(0,1.1fr)}
.facts th,.facts td{padding:.2rem .25rem}.facts td.date{white-space:normal}
a{color:inherit;text-decoration:none}
td.source a[href^="http"]::after{content:" <" attr(href) ">"}
.facts tr{break-inside:avoid}
}
"""
"""The page's style: the table a grid of fixed columns (fast at thousands of rows), text
left and figures right, each fact a card on a phone, the filters hidden in print."""

_SCRIPT = r"""
(function () {
  "use strict";
  var form = document.getElementById("facts-filters");
  var box = document.getElementById("facts-q");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("facts-count");
  var none = document.getElementById("facts-none");
  var rows = Array.prototype.slice.call(document.getElementById("facts-rows").rows);
  var template = count.getAttribute("data-template");
  var group = count.getAttribute("data-group");
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\u0111/g, "d").replace(/\s+/g, " ").trim();
  }
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  }
  var found = rows.map(function (row) {
    var cells = row.querySelectorAll("[data-find]");
    var parts = [];
    for (var i = 0; i < cells.length; i++) { parts.push(cells[i].textContent); }
    return fold(parts.join(" | "));
  });
  function apply() {
    var query = fold(box.value);
    var wanted = selects.map(function (s) { return [s.getAttribute("data-filter"), s.value]; });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var keep = query === "" || found[i].indexOf(query) !== -1;
      for (var j = 0; keep && j < wanted.length; j++) {
        keep = wanted[j][1] === "" || row.getAttribute("data-" + wanted[j][0]) === wanted[j][1];
      }
      if (row.hidden === keep) { row.hidden = !keep; }
      if (keep) { shown++; }
    }
    count.textContent = template.replace("{shown}", grouped(shown))
      .replace("{total}", grouped(rows.length));
    none.hidden = shown !== 0;
  }
  var pending = 0;
  function later() {
    if (!pending) { pending = window.requestAnimationFrame(function () { pending = 0; apply(); }); }
  }
  box.addEventListener("input", later);
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
"""
"""The page's own script: the search box and filters toggle each row's ``hidden`` attribute
and update the count; it writes text only (never HTML)."""


def _e(value: Any) -> str:
    """Escape a value for HTML text or a double-quoted attribute."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    return html.escape("" if is_missing(value) else str(value), quote=True)


def _grouped(n: int, lang: str) -> str:
    """A count with the page's thousands separator: 2.400 (vi) or 2,400 (en)."""
    return f"{n:,}".replace(",", "." if lang == "vi" else ",")


def fact_figure(row: Mapping[str, Any], lang: str) -> str:
    """Write a fact's figure as its source wrote it, hedge and measure included.

    The hedge is the fact's ``qualifier`` (:func:`ezlib.report.tables.format_figure`); a
    figure relative to something (an increment, growth, multiple or share) says so: "tăng
    ≥ 14%", "gần 84% kế hoạch", "up ≥ 14%", "nearly 84% of the plan".

    Args:
        row: A fact, with ``value``, ``value_high``, ``unit``, ``qualifier``, ``measure`` and
            ``reference``.
        lang: ``vi`` or ``en``.

    Returns:
        The figure in words of the page language.

    Example:
        >>> fact = {"value": 14.0, "value_high": float("nan"), "unit": "percent",
        ...         "qualifier": "at_least", "measure": "growth", "reference": "period"}
        >>> fact_figure(fact, "vi"), fact_figure(fact, "en")
        ('tăng ≥ 14%', 'up ≥ 14%')
    """
    figure = format_figure(
        row["value"], str(row["unit"]), lang, row["qualifier"], row.get("value_high")
    )
    if figure == DASH:
        return figure
    measure, reference = str(row.get("measure") or ""), str(row.get("reference") or "")
    for key in (f"facts.measure.{measure}.{reference}", f"facts.measure.{measure}"):
        if key in TEXT:
            return text(key, lang, x=figure)
    return figure


def _unbroken(figure: str) -> str:
    """A figure whose groups (:func:`~ezlib.report.tables.figure_groups`) never break.

    Their spaces are no-break spaces: "≈ 1.433 ha" stays on a line, while "nearly 1.7× the
    earlier period" may break before "the".
    """
    return " ".join(group.replace(" ", "\u00a0") for group in figure_groups(figure))


def _source_cell(title: str, publisher: str, url: str, language: str, lang: str) -> str:
    """The source: its title, linked to its address when it has one, and its publisher."""
    lang_attr = f' lang="{_e(language)}"' if language in LANGUAGES else ""
    if url:
        shown = f'<a class="verbatim" href="{_e(url)}"{lang_attr}>{_e(title)}</a>'
    else:
        shown = f'<span class="verbatim"{lang_attr}>{_e(title)}</span>'
        shown += f'<span class="note">{_e(text("facts.no_url", lang))}</span>'
    return f'<span class="publisher verbatim">{_e(publisher)}</span>{shown}'


def _reports_cell(reports: Sequence[tuple[str, str]], lang: str) -> str:
    """The reports that use a fact, one link each; or that it is in no report."""
    if not reports:
        return f'<span class="unused">{_e(text("facts.no_report", lang))}</span>'
    items = "".join(f'<li><a href="{_e(href)}">{_e(title)}</a></li>' for href, title in reports)
    return f"<ul>{items}</ul>"


def _options(pairs: Mapping[str, str], everything: str) -> str:
    """A select's options: "all" first, then each value by its name, in reading order."""
    ordered = sorted(pairs.items(), key=lambda item: (reading_key(item[1]), item[0]))
    return f'<option value="">{_e(everything)}</option>' + "".join(
        f'<option value="{_e(value)}">{_e(name)}</option>' for value, name in ordered
    )


_COLUMNS = (
    # (class of the cells, header key, numeric)
    ("id", "col.fact", False),
    ("zone", "col.zone", False),
    ("indicator", "col.indicator", False),
    ("kind", "col.kind", False),
    ("figure", "facts.col.figure", True),
    ("quote", "col.quote", False),
    ("source", "col.source", False),
    ("date", "col.date", True),
    ("caveats", "col.caveats", False),
    ("reports", "facts.col.reports", False),
)


def facts_page_html(
    facts: pd.DataFrame,
    used_by: Mapping[str, Sequence[tuple[str, str]]],
    lang: str,
    *,
    nav: str = "",
) -> str:
    """Return the facts browser page as HTML (:func:`write_facts_page` writes it).

    Args:
        facts: The facts, as :func:`ezlib.data.load.load_facts` returns them.
        used_by: For each fact id, the ``(href, title)`` of every report page that uses it.
        lang: The page language, ``vi`` or ``en``.
        nav: The site's navigation bar (``ezlib.report.site.site_nav``), or none.

    Returns:
        The whole page, one self-contained HTML document.

    Raises:
        DataError: If the language is unknown or ``used_by`` names a fact that is not in
            ``facts``.
    """
    if lang not in LANGUAGES:
        raise DataError(f"language {lang!r} is not one of {LANGUAGES}")
    ids = [str(fact_id) for fact_id in facts["fact_id"]]
    stray = sorted(set(used_by) - set(ids))
    if stray:
        raise DataError(f"used_by names facts that are not in the table: {', '.join(stray)}")

    zones = {z: entity_name(z, lang) for z in dict.fromkeys(map(str, facts["entity_id"]))}
    indicators = {i: indicator_label(i, lang) for i in dict.fromkeys(map(str, facts["indicator"]))}
    kinds = {k: text(f"kind.{k}", lang) for k in FACT_KINDS}
    caveats_label = _e(text("col.caveats", lang))  # cards on a phone label these two
    reports_label = _e(text("facts.col.reports", lang))

    columns = {
        name: facts[name].tolist()
        for name in (
            "entity_id",
            "indicator",
            "kind",
            "value",
            "value_high",
            "unit",
            "qualifier",
            "measure",
            "reference",
            "quote",
            "source_title",
            "source_publisher",
            "source_publisher_vi",
            "source_url",
            "source_language",
            "source_published_date",
            "source_date_precision",
            "caveats",
        )
    }
    rows = []
    for i, fact_id in enumerate(ids):
        fact = {name: values[i] for name, values in columns.items()}
        zone, indicator, kind = str(fact["entity_id"]), str(fact["indicator"]), str(fact["kind"])
        quote_lang = str(fact["source_language"])
        quote_attr = f' lang="{_e(quote_lang)}"' if quote_lang in LANGUAGES else ""
        anchor = _e(f"fact-{fact_id}")
        cells = (
            f'<td role="cell" class="id" data-find><a href="#{anchor}">{_e(fact_id)}</a></td>',
            f'<td role="cell" class="zone" data-find>{_e(zones[zone])}</td>',
            f'<td role="cell" class="indicator" data-find>{_e(indicators[indicator])}</td>',
            f'<td role="cell" class="kind">{_e(kinds.get(kind, kind))}</td>',
            f'<td role="cell" class="figure num">{_e(_unbroken(fact_figure(fact, lang)))}</td>',
            f'<td role="cell" class="quote verbatim" data-find{quote_attr}>'
            f"{_e('“' + str(fact['quote']) + '”')}</td>",
            '<td role="cell" class="source" data-find>'
            + _source_cell(
                str(fact["source_title"]),
                publisher_name(fact, lang),
                "" if is_missing(fact["source_url"]) else str(fact["source_url"]),
                quote_lang,
                lang,
            )
            + "</td>",
            '<td role="cell" class="date num">'
            + _e(
                format_date(fact["source_published_date"], lang, str(fact["source_date_precision"]))
            )
            + "</td>",
            f'<td role="cell" class="caveats" data-label="{caveats_label}">'
            f"{_e(caveat_words(fact['caveats'], lang))}</td>",
            f'<td role="cell" class="reports" data-label="{reports_label}">'
            f"{_reports_cell(used_by.get(fact_id, ()), lang)}</td>",
        )
        rows.append(
            f'<tr id="{anchor}" role="row" data-zone="{_e(zone)}" data-indicator="{_e(indicator)}" '
            f'data-kind="{_e(kind)}">{"".join(cells)}</tr>\n'
        )

    total = _grouped(len(ids), lang)
    head = "".join(
        f'<th scope="col" role="columnheader" class="{"num" if numeric else "text"}">'
        f"{_e(text(key, lang))}</th>"
        for _, key, numeric in _COLUMNS
    )
    filters = (
        f'<form id="facts-filters" class="filters" role="search" '
        f'aria-label="{_e(text("facts.filters", lang))}" hidden>'
        f'<label for="facts-q">{_e(text("facts.search", lang))}'
        f'<input type="search" id="facts-q" autocomplete="off" spellcheck="false" '
        f'placeholder="{_e(text("facts.search_hint", lang))}"></label>'
        f'<label for="facts-zone">{_e(text("col.zone", lang))}'
        f'<select id="facts-zone" data-filter="zone">'
        f"{_options(zones, text('facts.all_zones', lang))}</select></label>"
        f'<label for="facts-indicator">{_e(text("col.indicator", lang))}'
        f'<select id="facts-indicator" data-filter="indicator">'
        f"{_options(indicators, text('facts.all_indicators', lang))}</select></label>"
        f'<label for="facts-kind">{_e(text("col.kind", lang))}'
        f'<select id="facts-kind" data-filter="kind">'
        f'<option value="">{_e(text("facts.all_kinds", lang))}</option>'
        + "".join(f'<option value="{_e(k)}">{_e(name)}</option>' for k, name in kinds.items())
        + "</select></label>"
        f'<button type="reset">{_e(text("facts.reset", lang))}</button></form>'
    )
    title = text("facts.title", lang)
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{NAV_CSS}{_CSS}</style></head>\n<body>\n"
        f"{nav}\n<main>\n<h1>{_e(title)}</h1>\n"
        f'<p class="intro">{_e(text("facts.intro", lang))}</p>\n{filters}\n'
        f'<p id="facts-count" class="count" aria-live="polite" '
        f'data-template="{_e(text("facts.count", lang, shown="{shown}", total="{total}"))}" '
        f'data-group="{"." if lang == "vi" else ","}">'
        f"{_e(text('facts.count', lang, shown=total, total=total))}</p>\n"
        f'<p id="facts-none" class="none" hidden>{_e(text("facts.none", lang))}</p>\n'
        f'<div class="scroll" role="region" tabindex="0" '
        f'aria-label="{_e(text("facts.table", lang))}">'
        f'<table id="facts-table" class="facts" role="table">\n'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>\n'
        f'<tbody id="facts-rows" role="rowgroup">\n{"".join(rows)}</tbody>\n'
        "</table></div>\n</main>\n"
        f"<script>{_SCRIPT}</script>\n</body></html>\n"
    )


def write_facts_page(
    page: Path,
    facts: pd.DataFrame,
    used_by: Mapping[str, Sequence[tuple[str, str]]],
    lang: str,
    *,
    nav: str = "",
) -> Path:
    """Write the facts browser: every fact with its quote, source, date, zone and indicator.

    One self-contained static page (UTF-8, inline CSS and script, no request to any other
    host). A row per fact, in the order of ``facts``, with the id ``fact-<fact_id>`` and its
    zone, indicator and kind as data attributes; the figure as its source wrote it (hedge
    included), the quote in quotation marks, the source's publisher and title linked to its
    address, the publication date to its known precision, the caveats in words and a link to
    every report using the fact. A search box (case- and diacritic-insensitive: "hai phong"
    finds "Hải Phòng") and select filters for zone, indicator and kind hide the other rows,
    with a live count; with scripts off every row shows and the filters are not offered.

    Args:
        page: Where to write the ``.html`` (its folder is created).
        facts: The facts, as :func:`ezlib.data.load.load_facts` returns them.
        used_by: For each fact id, the ``(href, title)`` of every report page that uses it,
            hrefs relative to ``page``; a fact missing here is shown as in no report.
        lang: The page language, ``vi`` or ``en``.
        nav: The site's navigation bar (``ezlib.report.site.site_nav``), or none.

    Returns:
        The page's path.

    Raises:
        DataError: If the language is unknown or ``used_by`` names a fact that is not in
            ``facts``.
    """
    body = facts_page_html(facts, used_by, lang, nav=nav)
    page = Path(page)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(body, encoding="utf-8")
    return page
