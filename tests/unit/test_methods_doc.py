"""docs/methods.md is the methods reference that the code's docstrings cite by section number.

The tests check that the document exists with a ``##`` heading for every section 0-12, and that
every citation of it in the package ("docs/methods.md section 7", "docs/methods.md, sections 6
and 9", "docs/methods.md section 10.8", "sections 6-7") names a heading that exists: ``## N.``
for a section, ``### N.M`` for a subsection. A citation may wrap across docstring lines. At least
one citation must exist, so that the check cannot pass vacuously.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
METHODS = ROOT / "docs" / "methods.md"
PACKAGE = ROOT / "ezlib"
REQUIRED_SECTIONS = tuple(str(n) for n in range(13))

_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_CITED = rf"{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?"
CITATION = re.compile(rf"docs/methods\.md,?\s+sections?\s+{_CITED}(?:(?:,?\s+and|,)\s+{_CITED})*")
"""A citation of the methods document: "docs/methods.md section(s) N", with any whitespace (it
may wrap across lines), an optional comma before "and", and ranges such as "6-7"."""

_SECTION = re.compile(r"^##\s+([0-9]+)\.(?:\s|$)")
_SUBSECTION = re.compile(r"^###\s+([0-9]+\.[0-9]+)(?:\s|$)")


def headings(path: Path = METHODS) -> set[str]:
    """Return the numbers of the numbered headings: "7" for ``## 7.``, "10.8" for ``### 10.8``."""
    found: set[str] = set()
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        match = _SECTION.match(line) or _SUBSECTION.match(line)
        if match:
            found.add(match.group(1))
    return found


def _numbers(piece: str) -> list[str]:
    """Return the section numbers of one cited piece: "7", or every section of a range "1-3"."""
    ends = re.findall(_NUMBER, piece)
    if len(ends) == 2 and all(end.isdigit() for end in ends):
        return [str(n) for n in range(int(ends[0]), int(ends[1]) + 1)] or ends
    return ends


def citations(package: Path = PACKAGE) -> list[tuple[str, int, str]]:
    """Return ``(file, line, number)`` for every section number cited in the package's code."""
    cited = []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in CITATION.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            after_word = re.sub(r"^docs/methods\.md,?\s+sections?", "", match.group(0))
            for piece in re.findall(_CITED, after_word):
                cited += [(str(path.relative_to(package.parent)), line, n) for n in _numbers(piece)]
    return cited


def test_methods_doc_exists():
    assert METHODS.is_file(), f"{METHODS.relative_to(ROOT)} is missing"


def test_every_section_0_to_12_has_a_heading():
    missing = [n for n in REQUIRED_SECTIONS if n not in headings()]
    assert missing == [], f"no '## N.' heading in docs/methods.md for sections {missing}"


def test_every_citation_in_ezlib_names_a_heading():
    known = headings()
    broken = [
        f"{file}:{line}: section {number}"
        for file, line, number in citations()
        if number not in known
    ]
    assert broken == [], "citations of docs/methods.md with no such heading:\n" + "\n".join(broken)


def test_ezlib_cites_the_methods_doc():
    assert citations(), "no 'docs/methods.md section N' citation found in any ezlib/*.py file"
