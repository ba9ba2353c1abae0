"""The site's methods page, in Vietnamese and English, made from the repo's methods documentation.

``docs/methods.md`` (English) and ``docs/methods.vi.md`` (its Vietnamese translation, with the
same numbered sections) are rendered as ``methods__en.html`` and ``methods__vi.html``. Each
numbered heading gets an anchor from its number (``### 8.1 Attainment`` is ``#s8-1``), so a
report links a term it uses to the section that defines it (:func:`term_href`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ezlib.errors import DataError
from ezlib.paths import project_root

METHODS_SOURCES = {"en": "docs/methods.md", "vi": "docs/methods.vi.md"}
"""The methods documentation of each language, relative to the project root."""

TERM_SECTIONS = {
    "attainment": "8.1",
    "gap_closed": "8.1",
    "pace": "8.2",
    "elapsed": "8.2",
    "required": "8.3",
    "projection": "8.6",
    "implied_plan": "8.9",
    "category": "8.10",
    "band": "7",
    "hedge": "7.2",
    "checks": "9",
    "registered_fdi": "11",
    "exchange_rate": "12",
}
"""The section of docs/methods.md that defines each term the reports link."""

_HEADING = re.compile(r"^(#{2,4})\s+(\d+(?:\.\d+)*)\.?\s+(.*)$")


def methods_page_name(lang: str) -> str:
    """The file name of the methods page in a language: ``methods__vi.html``."""
    return f"methods__{lang}.html"


def section_anchor(number: str) -> str:
    """The anchor of a numbered section: ``"8.1"`` gives ``"s8-1"``."""
    return "s" + number.replace(".", "-")


def term_href(term: str, lang: str) -> str:
    """The relative link from a report to the section that defines a term.

    Example:
        >>> term_href("pace", "vi")
        'methods__vi.html#s8-2'
    """
    return f"{methods_page_name(lang)}#{section_anchor(TERM_SECTIONS[term])}"


def term_link(label: str, term: str, lang: str) -> str:
    """A term's label as HTML, linked to its definition on the methods page."""
    return f'<a class="term" href="{term_href(term, lang)}">{html.escape(label)}</a>'


def methods_markdown(lang: str) -> str:
    """Return the methods documentation of a language as Markdown with an anchor per section.

    Raises:
        DataError: If the file is missing.
    """
    path = project_root() / METHODS_SOURCES[lang]
    if not path.is_file():
        raise DataError(f"{path}: the methods documentation in {lang!r} is missing")
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _HEADING.match(line)
        if found:
            hashes, number, title = found.groups()
            anchor = section_anchor(number)
            line = f'{hashes} <a id="{anchor}" href="#{anchor}">{number}</a> {title}'
        lines.append(line)
    return "\n".join(lines) + "\n"


def methods_html(lang: str) -> str:
    """Return the methods documentation of a language as an HTML fragment (mistune)."""
    import mistune

    render = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url"])
    return str(render(methods_markdown(lang)))


def methods_sections(lang: str) -> list[str]:
    """The section numbers of the methods documentation of a language, in order."""
    path = project_root() / METHODS_SOURCES[lang]
    return [
        found.group(2)
        for line in path.read_text(encoding="utf-8").splitlines()
        if (found := _HEADING.match(line))
    ]


def write_methods_page(page: Path, lang: str, *, nav: str, css: str, title: str) -> Path:
    """Write the methods page of a language.

    Args:
        page: Where to write it.
        lang: ``vi`` or ``en``.
        nav: The site's navigation bar (HTML).
        css: The site's style sheet.
        title: The page title.

    Returns:
        The page's path.
    """
    body = methods_html(lang)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>\n"
        f'<body>{nav}<main class="methods">{body}</main></body></html>\n',
        encoding="utf-8",
    )
    return page
