"""The readers' site: each executed notebook rendered without code, with its data beside it.

Pages (all in ``build/site``, every link relative, nothing fetched from another host):

* one page per run (:func:`render_notebook`), with a CSV file beside each table and chart
  (``data/<page>/<name>.csv``) written from the ``text/csv`` output the notebook holds;
* the index in each language (:func:`write_index`): the reports, the dataset's downloads,
  the facts browser and the methods page;
* the pages made from the data and the docs (:func:`write_data_pages`): the dataset as CSV,
  Parquet and Stata with its dictionary and Data Package descriptor (``dataset/``), the facts
  browser (``facts__<lang>.html``) and the methods page (``methods__<lang>.html``).
"""

from __future__ import annotations

import html
import os
import re
import shutil
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ezlib.paths import build_dir, project_root
from ezlib.report.methods_page import methods_page_name
from ezlib.report.words import text
from ezlib.vocabulary import LANGUAGES

NAV_CSS = """
.ez-nav{display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;align-items:baseline;padding:.7rem 0;
margin-bottom:.5rem;border-bottom:1px solid #d0d7de;font-size:.95rem;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.ez-nav .ez-home{font-weight:bold;margin-right:auto}
.ez-nav a{color:#0550ae;text-decoration:none}.ez-nav a:hover{text-decoration:underline}
@media print{.ez-nav{display:none}}
"""
"""The navigation bar's style, on every page of the site."""

SITE_CSS = (
    NAV_CSS
    + """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;
max-width:62rem;padding:0 1rem 2rem;color:#1b1b1b;line-height:1.5;overflow-x:hidden}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .6rem;vertical-align:top;border-bottom:1px solid #ddd}
th{background:#f4f4f4}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#1a7f37}.failed{color:#b42318;font-weight:bold}.note{color:#555;font-size:.9rem}
.methods table{display:block;overflow-x:auto;max-width:100%}.methods pre{overflow-x:auto}
.methods code,.methods a{overflow-wrap:anywhere}.methods h2,.methods h3{scroll-margin-top:1rem}
.methods h2 a,.methods h3 a,.methods h4 a{color:inherit;text-decoration:none}
ul.ez-files li,ul.ez-reports li{margin:.2rem 0}
table ul.ez-reports{list-style:none;margin:0;padding:0}table ul.ez-reports li{margin:0}
@media print{body{max-width:none}.scroll,.methods table{overflow:visible}
a{color:inherit;text-decoration:none}}
"""
)
"""The style of the site's own pages (index, facts, methods)."""

_LANG_SUFFIX = re.compile(r"(_|__)(vi|en)(\.html)$")


def counterpart(name: str, lang: str) -> str | None:
    """The name of a page's other-language version: ``…_vi.html`` for ``…_en.html``.

    Example:
        >>> counterpart("01_zone_report__hp-zones_en.html", "en")
        '01_zone_report__hp-zones_vi.html'
        >>> counterpart("index.html", "en")
        'index__vi.html'
    """
    other = next(code for code in LANGUAGES if code != lang)
    if name in ("index.html", index_name(lang)):
        return index_name(other)
    if _LANG_SUFFIX.search(name):
        return _LANG_SUFFIX.sub(lambda m: f"{m.group(1)}{other}{m.group(3)}", name)
    return None


def index_name(lang: str) -> str:
    """The index page of a language: ``index.html`` (English) or ``index__vi.html``."""
    return "index.html" if lang == "en" else f"index__{lang}.html"


def site_nav(lang: str, page_name: str) -> str:
    """The navigation bar of a page: home, facts, methods, data, and the other language."""
    home = index_name(lang)
    links = [
        f'<a class="ez-home" href="{home}">{html.escape(text("site.name", lang))}</a>',
        f'<a href="facts__{lang}.html">{html.escape(text("site.facts", lang))}</a>',
        f'<a href="{methods_page_name(lang)}">{html.escape(text("site.methods", lang))}</a>',
        f'<a href="{home}#data">{html.escape(text("site.data", lang))}</a>',
    ]
    other = counterpart(page_name, lang)
    if other:
        other_lang = next(code for code in LANGUAGES if code != lang)
        links.append(
            f'<a href="{other}" hreflang="{other_lang}" lang="{other_lang}">'
            f"{html.escape(text('site.other_language', lang))}</a>"
        )
    return f'<nav class="ez-nav">{"".join(links)}</nav>'


def prepare_renderer() -> None:
    """Build the page exporter now (templates, filters), so forked workers inherit it ready."""
    _exporter()


# The template's output areas, which a keyboard must be able to scroll (wide tables).
_OUTPUT_AREA = re.compile(r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*")')


@cache
def _exporter():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
    from traitlets.config import Config

    class PageExporter(HTMLExporter):
        """nbconvert's HTML exporter without its BeautifulSoup pass over the finished page.

        Upstream parses the whole page again to give images without alt text a placeholder
        and to make inputs and outputs focusable: two thirds of a page's rendering. Here every
        chart carries its alt text (the template writes it), inputs are not shown, and the
        outputs get their ``tabindex`` from a substitution on the template's own markup.
        """

        def from_notebook_node(self, nb, resources=None, **kw):
            # The filters upstream registers for each notebook, then its template's page.
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter(
                "highlight_code",
                self.filters.get(
                    "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
                ),
            )
            resources = self._init_resources(resources)
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(
                    notebook_metadata=self._nb_metadata, parent=self, resources=resources
                ),
            )
            body, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _OUTPUT_AREA.sub(r'\1 tabindex="0"', body), resources

    config = Config()
    config.HTMLExporter.template_name = "offline"
    config.HTMLExporter.extra_template_basedirs = [str(project_root() / "templates")]
    config.HTMLExporter.mathjax_url = ""
    config.HTMLExporter.require_js_url = ""
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.TagRemovePreprocessor.enabled = True
    # Researchers' notes (how to run the notebook) and parameter cells are not for readers.
    config.TagRemovePreprocessor.remove_cell_tags = {
        "parameters",
        "injected-parameters",
        "researchers",
    }
    return PageExporter(config=config)


def page_language(node) -> str:
    """The language of an executed notebook's page: its ``lang`` parameter, else English.

    The parameter is the one papermill injected (recorded in the notebook's metadata), or else
    the default the ``parameters`` cell sets (``lang = "vi"``).
    """
    lang = node.metadata.get("papermill", {}).get("parameters", {}).get("lang")
    for cell in node.cells if lang is None else ():
        if "parameters" in cell.metadata.get("tags", []):
            found = re.search(r"""^lang\s*=\s*["'](\w+)["']""", cell.source, flags=re.M)
            lang = found.group(1) if found else None
    return lang if lang in LANGUAGES else "en"


def render_notebook(notebook: Path, page: Path, title: str | None = None) -> Path:
    """Render an executed notebook to a self-contained HTML page without code.

    The page uses the ``offline`` template (``templates/offline``): no require.js, MathJax,
    Mermaid or widget scripts, so it makes no request to any other host; figures are inline,
    with their alt text. The page's ``lang`` is the notebook's (:func:`page_language`); it
    opens with the site's navigation bar, and each table and chart is followed by a link to
    its data (:func:`write_downloads`).

    Args:
        notebook: The executed ``.ipynb``.
        page: Where to write the ``.html``.
        title: The page title; the notebook's file name when None.

    Returns:
        The page's path.
    """
    import nbformat

    node = nbformat.read(str(notebook), as_version=4)
    exporter = _exporter()
    lang = page_language(node)
    exporter.language_code = lang
    write_downloads(node, page, lang)
    body, _ = exporter.from_notebook_node(
        node,
        resources={
            "metadata": {"name": title or notebook.stem},
            "ezlib_nav": site_nav(lang, page.name),
            "ezlib_css": NAV_CSS,
        },
    )
    page.parent.mkdir(parents=True, exist_ok=True)
    # A new file in the page's place: a reader never opens half a page, and the page's words
    # cache (pages_using) sees a new file even where times are coarse
    tmp = page.with_name(f".{page.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(page)
    return page


def write_downloads(node, page: Path, lang: str) -> list[Path]:
    """Write the data of each table and chart of an executed notebook beside its page.

    Every output that holds ``text/csv`` (:class:`ezlib.report.tables.Table`,
    :class:`ezlib.report.charts.Chart`, the status cards) becomes
    ``data/<page stem>/<name>.csv`` (UTF-8 with a byte-order mark, so spreadsheets show the
    diacritics), named as the output's metadata says or by kind and position (``table-2``);
    the output then carries the link the page shows under it. Files of an earlier render
    of the page are removed first.

    Args:
        node: The executed notebook (changed in place: each such output gets a ``download``).
        page: Where the page goes.
        lang: The page language (the link's words).

    Returns:
        The files written.
    """
    folder = page.parent / "data" / page.stem
    shutil.rmtree(folder, ignore_errors=True)
    written: list[Path] = []
    counts: dict[str, int] = {}
    for cell in node.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/csv" not in data:
                continue
            kind = "chart" if "image/png" in data else "table"
            counts[kind] = counts.get(kind, 0) + 1
            name = output.get("metadata", {}).get("text/csv", {}).get("name")
            name = re.sub(r"[^\w.-]+", "-", name or f"{kind}-{counts[kind]}")
            path = folder / f"{name}.csv"
            if path in written:
                path = folder / f"{name}-{counts[kind]}.csv"
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(data["text/csv"], encoding="utf-8-sig", newline="")
            written.append(path)
            output.setdefault("metadata", {})["download"] = {
                "href": path.relative_to(page.parent).as_posix(),
                "label": text("site.download_csv", lang),
            }
    return written


DATASET_FILES = (
    "facts.csv",
    "facts.parquet",
    "facts.dta",
    "data_dictionary.csv",
    "data_dictionary.parquet",
    "datapackage.json",
)
"""The dataset's files in ``dataset/``, as the index links them (those that exist)."""


def _page(lang: str, title: str, body: str, name: str) -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{SITE_CSS}</style></head>\n"
        f"<body>{site_nav(lang, name)}<main>{body}</main></body></html>\n"
    )


def write_index(
    page: Path,
    rows: Sequence[dict[str, str]],
    *,
    built: str,
    lang: str = "en",
    note: str | None = None,
) -> Path:
    """Write the site's index in a language: the reports, the data, the facts and the methods.

    The pages on every zone come first; then one row per zone, in the order of the run
    configuration, with links to each of its reports, so that sixty zones read as sixty short
    rows.

    Args:
        page: Where to write it (``index.html`` or ``index__vi.html``: :func:`index_name`).
        rows: One dict per report with keys ``href``, ``title``, ``label`` (the title without
            the zone; the title when missing), ``zone``, ``scope`` (``zone`` for a report on
            one zone, ``all`` for one on every zone), ``lang``, ``built``, ``status`` (``ok``
            or ``failed``) and ``error`` (may be empty); the reports in ``lang`` are listed,
            and those in no language of the site on every index.
        built: When the index was written.
        lang: The page language.
        note: A line shown above the table, if any.

    Returns:
        The page's path.
    """
    mine = [row for row in rows if row["lang"] == lang or row["lang"] not in LANGUAGES]
    zoned = [row for row in mine if row.get("scope", "zone") == "zone"]
    every = [row for row in mine if row.get("scope", "zone") != "zone"]
    sections = [f"<h1>{html.escape(text('site.name', lang))}</h1>"]
    sections.append(f"<p>{html.escape(text('index.intro', lang))}</p>")
    if note:
        sections.append(f"<p>{html.escape(note)}</p>")
    if not rows:
        sections.append(f"<p>{html.escape(text('index.none', lang))}</p>")
    if every:
        sections.append(f"<h2>{html.escape(text('index.all', lang))}</h2>")
        sections.append(_report_table([every], lang, zones=False))
    if zoned:
        by_zone: dict[str, list[dict[str, str]]] = {}
        for row in zoned:
            by_zone.setdefault(row["zone"], []).append(row)
        sections.append(f"<h2>{html.escape(text('index.zones', lang))}</h2>")
        sections.append(_report_table(list(by_zone.values()), lang, zones=True))
    sections.append(_data_section(page.parent, lang))
    sections.append(f'<p class="note">{html.escape(text("index.written", lang, x=built))}</p>')
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        _page(lang, text("site.name", lang), "".join(sections), page.name), encoding="utf-8"
    )
    return page


def _report_table(groups: Sequence[Sequence[dict[str, str]]], lang: str, *, zones: bool) -> str:
    """The index's list of reports: a table of one row per zone, or a list of single pages.

    Each link says when its report was built (its tooltip); a report that failed says so
    beside its link, with its error.
    """

    def link(row: dict[str, str]) -> str:
        words = (row.get("label") or row["title"]) if zones else row["title"]
        built = html.escape(f"{text('index.built', lang)} {row['built']}", quote=True)
        item = f'<a href="{html.escape(row["href"])}" title="{built}">{html.escape(words)}</a>'
        if row["status"] != "ok":
            failed = html.escape(text("index.failed", lang))
            item += f' <span class="failed">{failed}</span>'
            if row["error"]:
                item += f'<br><span class="note">{html.escape(row["error"])}</span>'
        return f"<li>{item}</li>"

    if not zones:
        items = "".join(link(row) for group in groups for row in group)
        return f'<ul class="ez-reports">{items}</ul>'
    heads = (text("col.zone", lang), text("index.report", lang))
    lines = "".join(
        f"<tr><td>{html.escape(group[0]['zone'])}</td>"
        f'<td><ul class="ez-reports">{"".join(link(row) for row in group)}</ul></td></tr>'
        for group in groups
    )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    return (
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{lines}</tbody></table></div>"
    )


def _data_section(site: Path, lang: str) -> str:
    files = [name for name in DATASET_FILES if (site / "dataset" / name).is_file()]
    items = "".join(
        f'<li><a href="dataset/{name}">{name}</a> '
        f'<span class="note">({_size((site / "dataset" / name).stat().st_size)})</span></li>'
        for name in files
    )
    parts = [f'<h2 id="data">{html.escape(text("site.data", lang))}</h2>']
    if items:
        parts.append(
            f"<p>{html.escape(text('index.data_intro', lang))} "
            f"{html.escape(text('index.files', lang))}:</p><ul class='ez-files'>{items}</ul>"
        )
    parts.append(
        f'<p><a href="facts__{lang}.html">{html.escape(text("site.facts", lang))}</a>: '
        f"{html.escape(text('index.facts_intro', lang))}</p>"
        f'<p><a href="{methods_page_name(lang)}">{html.escape(text("site.methods", lang))}</a>: '
        f"{html.escape(text('index.methods_intro', lang))}</p>"
    )
    return "".join(parts)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"


_INLINE_DATA = re.compile(r'\bsrc="data:[^"]*"')


def _body_words(path: Path) -> set[str]:
    """The words of a page's body.

    Not the styles of the head, nor the charts' images inlined as data (base64), which are
    most of a page and hold no text.
    """
    page = path.read_text(encoding="utf-8")
    body = _INLINE_DATA.sub('src=""', page[max(page.find("<body"), 0) :])
    return set(re.findall(r"[\w-]+", body))


def pages_using(pages: Sequence[tuple[Path, str]], fact_ids: Sequence[str]) -> dict:
    """Which report pages cite each fact: a fact id as a word of a page's text.

    A page is read again only when it changed: the hyphenated words of each page (fact ids
    are "hp-002") are kept in the build's cache, keyed by its file (inode), size and
    modification time, so a build that reran two reports of sixty zones reads two pages, not
    all of them.

    Args:
        pages: Each page's path and title.
        fact_ids: The ids to look for.

    Returns:
        For each fact id that some page cites, the (file name, title) of those pages.
    """
    import json

    wanted = set(fact_ids)
    hyphenated = all("-" in fact for fact in wanted)  # else every word counts: no cache
    path = build_dir() / "cache" / "page-words.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8")) if hyphenated else {}
    except (OSError, ValueError):
        cached = {}
    kept: dict[str, list] = {}
    used: dict[str, list[tuple[str, str]]] = {}
    for page, title in pages:
        stat = page.stat()
        key, stamp = str(page.resolve()), [stat.st_ino, stat.st_size, stat.st_mtime_ns]
        entry = cached.get(key)
        if entry and entry[0] == stamp:
            words = set(entry[1])
        else:
            words = _body_words(page)
            if hyphenated:
                words = {word for word in words if "-" in word}
        kept[key] = [stamp, sorted(words)]
        for fact in sorted(wanted & words):
            used.setdefault(fact, []).append((page.name, title))
    if hyphenated and kept != cached:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # builds sharing a build folder
        tmp.write_text(json.dumps(kept), encoding="utf-8")
        tmp.replace(path)
    return used


def write_data_pages(site: Path, reports: Sequence[tuple[Path, str]]) -> list[Path]:
    """Write the pages made from the data and the docs: the dataset, facts and methods pages.

    Args:
        site: The site folder.
        reports: The rendered report pages with their titles, which the facts browser links
            from each fact they cite (:func:`pages_using`).

    Returns:
        The files written.

    Raises:
        DataError: If the facts do not validate or a methods file is missing.
    """
    from ezlib.data.export import export_dataset
    from ezlib.data.load import load_facts
    from ezlib.report.facts_page import write_facts_page
    from ezlib.report.methods_page import write_methods_page

    written = export_dataset(site / "dataset")
    facts = load_facts()
    by_language: dict[str, list[tuple[Path, str]]] = {}
    for path, title in reports:
        found = _LANG_SUFFIX.search(path.name)
        for lang in (found.group(2),) if found else LANGUAGES:
            by_language.setdefault(lang, []).append((path, title))
    for lang in LANGUAGES:
        used = pages_using(by_language.get(lang, []), list(facts["fact_id"]))
        name = f"facts__{lang}.html"
        written.append(
            write_facts_page(
                site / name,
                facts,
                used,
                lang,
                nav=site_nav(lang, name),
            )
        )
        name = methods_page_name(lang)
        written.append(
            write_methods_page(
                site / name,
                lang,
                nav=site_nav(lang, name),
                css=SITE_CSS,
                title=text("site.methods_title", lang),
            )
        )
    return written
