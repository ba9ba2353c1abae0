"""The readers' HTML site: each executed notebook rendered without code, and an index page."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ezlib.paths import project_root
from ezlib.report.words import LANGUAGE_NAMES
from ezlib.vocabulary import LANGUAGES

_INDEX_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem auto;
max-width:60rem;padding:0 1rem;color:#1b1b1b}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .6rem;
border-bottom:1px solid #ddd}th{background:#f4f4f4}.ok{color:#1a7f37}.failed{color:#b42318;
font-weight:bold}.note{color:#555;font-size:.9rem}
"""


@cache
def _exporter():
    from nbconvert import HTMLExporter
    from traitlets.config import Config

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
    return HTMLExporter(config=config)


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
    with their alt text. The page's ``lang`` is the notebook's (:func:`page_language`).

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
    exporter.language_code = page_language(node)
    body, _ = exporter.from_notebook_node(
        node, resources={"metadata": {"name": title or notebook.stem}}
    )
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(body, encoding="utf-8")
    return page


def write_index(
    page: Path, rows: Sequence[dict[str, str]], *, built: str, note: str | None = None
) -> Path:
    """Write the site's index: one line per report with its title, zone, language, date, status.

    Args:
        page: Where to write ``index.html``.
        rows: One dict per report with keys ``href``, ``title``, ``zone``, ``lang``, ``built``,
            ``status`` (``ok`` or ``failed``) and ``error`` (may be empty).
        built: When the index was written.
        note: A line shown above the table, if any.

    Returns:
        The page's path.
    """
    lines = []
    for row in rows:
        status = html.escape(row["status"])
        detail = (
            f"<br><span class='note'>{html.escape(row['error'])}</span>" if row["error"] else ""
        )
        lines.append(
            "<tr>"
            f'<td><a href="{html.escape(row["href"])}">{html.escape(row["title"])}</a></td>'
            f"<td>{html.escape(row['zone'])}</td>"
            f'<td lang="{html.escape(row["lang"])}">'
            f"{html.escape(LANGUAGE_NAMES.get(row['lang'], row['lang']))}</td>"
            f"<td>{html.escape(row['built'])}</td>"
            f'<td class="{status}">{status}{detail}</td></tr>'
        )
    table = (
        '<div class="scroll"><table><thead><tr><th>Report</th><th>Zone</th><th>Language</th>'
        "<th>Built</th>"
        "<th>Status</th></tr></thead><tbody>" + "".join(lines) + "</tbody></table></div>"
        if rows
        else "<p>No reports are built yet: <code>notebooks/reports.toml</code> lists no run.</p>"
    )
    intro = f"<p>{html.escape(note)}</p>" if note else ""
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>ezlib reports</title><style>{_INDEX_CSS}</style></head>\n<body>"
        "<h1>ezlib: Vietnam's economic zones, targets and progress</h1>"
        "<p>Every figure in these reports traces to a quoted source; each report lists its "
        f"quotes and articles.</p>{intro}{table}"
        f'<p class="note">Index written {html.escape(built)}.</p></body></html>\n',
        encoding="utf-8",
    )
    return page
