"""One quantity in Vietnamese (or English) news text: its value, unit, qualifier and precision.

The grammar here reads a figure that starts at a given number ("6.418ha", "18,09 tỷ USD",
"130-135 triệu/người/năm", "US$10.51 billion"); :mod:`ezlib.text.extract` finds the numbers in a
whole text and decides which of them are figures at all (dates, document numbers and names
are not). :func:`parse_quantity` is the one-figure entry point.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import NamedTuple, TypeVar

from babel.numbers import get_decimal_symbol, get_group_symbol

from ezlib.errors import DataError
from ezlib.vocabulary import LANGUAGES, MONEY_UNITS, QUALIFIERS, UNITS

__all__ = [
    "Quantity",
    "Source",
    "decimals_of",
    "detect_lang",
    "parse_number",
    "parse_quantity",
]

_UNIT_SET = frozenset(UNITS)
_V = TypeVar("_V")
_new_tuple = tuple.__new__  # builds a NamedTuple without the call to its Python __new__

# NOTE: the decimal and group symbols come from CLDR through babel (vi: "," and "."; en: "." and
# ","). Numbers themselves are read by hand below, not with babel.numbers.parse_decimal: that
# costs about 8 µs a call (the extractor reads every number of a corpus at >= 5 MB/s) and reads
# only its own locale strictly, while Vietnamese news also writes "1.5 tỷ" and "US$10.51 billion"
# (English convention) and English articles write "18,09". tests/unit/test_quantities.py checks
# this reader against babel's formatting and parsing of the same numbers.
_SYMBOLS = {lang: (get_decimal_symbol(lang), get_group_symbol(lang)) for lang in LANGUAGES}

_H = r"[^\S\n]"  # horizontal white space: a figure never runs over a line break
_HSPACE = frozenset(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")
"""The characters of ``_H`` (no white space lies above U+3000; the tests check all of Unicode)."""
# "[0-9][0-9]*", not "[0-9]+": a pattern that starts with a single character class lets the
# engine skip ahead to the next digit instead of trying a match at every position.
NUMBER_RE = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
"""A written number: digits with any '.' and ',' between them (read by :func:`parse_number`)."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure: value in base units, unit, qualifier and how it was written.

    Attributes:
        value: The number in base units ("18,09 tỷ USD" -> 18090000000.0); the low end of a range.
        unit: One of :data:`UNITS`.
        value_high: The high end of a range ("130-135 triệu" -> 135000000.0), else None.
        qualifier: One of :data:`QUALIFIERS`.
        decimals: Decimal places of the written number in its scale ("10,51 tỷ" -> 2, "84%" -> 0).
        scale: The written scale word's factor ("tỷ" -> 1e9, none -> 1.0).
        noun: For counts and persons, the counted noun as listed ("dự án", "KCN", "lao động"),
            or the word after the number when it is not listed ("5 bậc" -> "bậc").
        denominator: For a fraction ("18/26 TTHC"), its denominator (26.0); value is 18.
    """

    value: float
    unit: str
    value_high: float | None = None
    qualifier: str = "exact"
    decimals: int = 0
    scale: float = 1.0
    noun: str | None = None
    denominator: float | None = None

    def __post_init__(self) -> None:
        if self.unit not in _UNIT_SET:
            raise ValueError(
                f"unknown unit {self.unit!r}; expected one of ezlib.text.quantities.UNITS"
            )
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}; expected one of {QUALIFIERS}")


def quantity_of(figure: object) -> Quantity:
    """Return the :class:`Quantity` fields of any object that has them (a figure, a reading)."""
    return Quantity(**{f.name: getattr(figure, f.name) for f in fields(Quantity)})


# --- numbers -------------------------------------------------------------------------------


def _grouped(head: str, groups: list[str]) -> bool:
    return 1 <= len(head) <= 3 and head[0] != "0" and {*map(len, groups)} <= {3}


def parse_number(written: str, lang: str = "vi") -> tuple[int, int] | None:
    """Read a written number as ``(digits, decimals)``: the value is ``digits / 10**decimals``.

    The convention decides what a lone separator means: in ``vi`` "12,836" is 12.836 and
    "6.418" is 6418; in ``en`` the reverse. A separator that cannot group thousands ("1.5",
    "10,51") is read as the decimal mark whatever the convention, and a number with both marks
    ("2.628,33", "1,125.5") takes the last one as the decimal mark.

    Args:
        written: Digits with '.' and ',' only, e.g. ``"2.628,33"``.
        lang: ``"vi"`` or ``"en"``: the convention for a lone separator followed by 3 digits.

    Returns:
        ``(262833, 2)`` for "2.628,33"; None when the text is no number in either convention
        ("24.02.2021", "1.23.4").

    Example:
        >>> parse_number("1.125.000"), parse_number("18,09"), parse_number("9,250", "en")
        ((1125000, 0), (1809, 2), (9250, 0))
    """
    dot, comma = "." in written, "," in written
    if not (dot or comma):
        return (int(written), 0) if written.isdigit() else None
    if dot and comma:
        mark = max(written.rfind("."), written.rfind(","))
        group = "," if written[mark] == "." else "."
        head, *groups = written[:mark].split(group)
        fraction = written[mark + 1 :]
        if written[mark] in written[:mark] or not _grouped(head, groups):
            return None
        return int(head + "".join(groups) + fraction), len(fraction)
    sep = "." if dot else ","
    parts = written.split(sep)
    if len(parts) > 2:  # 1.125.000: only grouping can repeat
        return (int("".join(parts)), 0) if _grouped(parts[0], parts[1:]) else None
    head, fraction = parts
    # as _grouped(head, [fraction]), without the call
    if sep != _SYMBOLS[lang][0] and 1 <= len(head) <= 3 and head[0] != "0" and len(fraction) == 3:
        return int(head + fraction), 0
    return int(head + fraction), len(fraction)


def decimals_of(surface: str, lang: str = "vi") -> int:
    """Return how many decimals the first number in ``surface`` was written with, in its scale.

    Args:
        surface: A figure as written, e.g. ``"10,51 tỷ USD"``.
        lang: The number convention (``"vi"`` or ``"en"``).

    Returns:
        2 for "10,51 tỷ USD", 0 for "84%" and "1.125.000 tỷ đồng".

    Raises:
        DataError: If ``surface`` holds no readable number.
    """
    found = NUMBER_RE.search(surface)
    read = parse_number(found.group(), lang) if found else None
    if read is None:
        raise DataError(f"no readable number in {surface!r}")
    return read[1]


# --- words ---------------------------------------------------------------------------------


class Source(NamedTuple):
    """A text prepared for reading: as given (NFC), lowercased, and lowercased backwards.

    Word patterns run on ``low`` without ``re.IGNORECASE``, which would stop the regex engine
    from skipping ahead to candidate characters; what stands just before a position is an
    anchored match on ``rev`` (see :meth:`before`), not a search of a window.
    """

    text: str
    low: str
    rev: str

    @classmethod
    def of(cls, text: str) -> Source:
        """Prepare ``text`` (already NFC) for reading."""
        low = text.lower()
        if len(low) != len(text):  # "İ".lower() is two characters: keep such letters as given
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        return cls(text, low, low[::-1])

    def before(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        """Match a backwards pattern (:func:`phrase_pattern`) on what ends at ``pos``.

        In the match, text position ``len(text) - m.end()`` is where the matched words start.
        """
        return pattern.match(self.rev, len(self.text) - pos)


def _key(words: str) -> str:
    return " ".join(words.lower().split())


def _lookup(table: dict[str, _V], words: str) -> _V:
    """Return ``table[_key(words)]``, for a table whose keys are already keys (:func:`_key`)."""
    found = table.get(words)
    return table[_key(words)] if found is None else found


# Cheap tests before the patterns below: each pattern matches at a position only if the first
# character there that is no horizontal space (or the last one before it, for the backwards
# patterns) is one of the first (last) characters of its phrases. They spare most numbers most
# of the regular expressions; tests/unit/test_quantities.py checks them against the patterns.


def _skip_space_back(text: str, pos: int) -> int:
    """Return the last position before ``pos`` that holds no horizontal space (-1 if none)."""
    pos -= 1
    while pos >= 0 and text[pos] in _HSPACE:
        pos -= 1
    return pos


def _char_after_space(text: str, pos: int) -> str:
    """Return the first character at or after ``pos`` that is no horizontal space, or ""."""
    n = len(text)
    while pos < n:
        char = text[pos]
        if char not in _HSPACE:
            return char
        pos += 1
    return ""


def _char_before_space(text: str, pos: int) -> str:
    """Return the last character before ``pos`` that is no horizontal space, or ""."""
    pos -= 1
    while pos >= 0:
        char = text[pos]
        if char not in _HSPACE:
            return char
        pos -= 1
    return ""


def _phrase_ends(phrases: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return the last two letters of the phrases, and the last letter of the others.

    The others are those whose last word has one letter. A phrase can end at a position only
    if the text there ends with one of them (what stands before a phrase's last word is white
    space, any amount of it).
    """
    keys = [_key(p) for p in phrases]
    return (
        frozenset(k[-2:] for k in keys if len(k.split()[-1]) >= 2),
        frozenset(k[-1] for k in keys if len(k.split()[-1]) < 2),
    )


def _may_end_before(text: str, pos: int, ends: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Tell whether a phrase with ``ends`` (:func:`_phrase_ends`) can end just before ``pos``.

    White space between the phrase and ``pos`` is allowed, as in the backwards patterns.
    """
    pos -= 1
    while pos >= 0 and text[pos] in _HSPACE:
        pos -= 1
    return pos >= 0 and ((pos and text[pos - 1 : pos + 1] in ends[0]) or text[pos] in ends[1])


def _first_chars(phrases: Iterable[str], *, last: bool = False) -> frozenset[str]:
    """Return the characters that :func:`phrase_pattern` of ``phrases`` can start with.

    With ``last``, the characters the phrases end with: those a backwards pattern starts with.
    """
    return frozenset(_key(p)[-1 if last else 0] for p in phrases)


def phrase_pattern(phrases: Iterable[str], *, backwards: bool = False) -> str:
    """Return a regex for any of ``phrases`` (matched on lowercase text), longest first.

    The phrases are merged into a trie, so the engine decides at each character rather than
    trying every phrase in turn; words may be separated by any horizontal space, and a phrase
    that ends in a letter or digit must end a word.

    Args:
        phrases: The phrases, e.g. ``["khu công nghiệp", "KCN"]`` (lowercased here).
        backwards: Build the pattern for the reversed text (see :meth:`Source.before`).

    Returns:
        The pattern source, without groups.
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        chars = _key(phrase)
        node = root
        for char in chars[::-1] if backwards else chars:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict], last: str) -> str:
        alts = [
            (f"{_H}+" if char == " " else re.escape(char)) + emit(child, char)
            for char, child in node.items()
            if char
        ]
        if "" in node:
            alts.append(r"(?!\w)" if last.isalnum() else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root, "")


# Scale words, as the project glossary (notes/glossary.md, "Numbers") reads them: nghìn/ngàn
# 10^3, triệu 10^6, tỷ/tỉ 10^9 (the Vietnamese "tỷ" is a billion), nghìn tỷ 10^12.
_SCALES = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "nghìn tỷ": 10**12,
    "ngàn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỉ": 10**12,
    "triệu tỷ": 10**15,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "tn": 10**12,
}
_SCALE_LANG = {k: ("en" if k.isascii() else "vi") for k in _SCALES}
_CURRENCY_SCALES = {**_SCALES, "m": 10**6, "k": 10**3}  # "$5m", "US$30k" only after a currency
# Each word pattern of a figure's tail also reports, without consuming it, the first character
# after the words that is no white space (see _read_tail).
_NEXT = rf"(?={_H}*(?P<next>[\s\S]?))"
_SCALE_RE = re.compile(rf"{_H}*(?P<w>{phrase_pattern(_SCALES)})(?!{_H}*lệ){_NEXT}")  # not "tỷ lệ"
_CURRENCY_SCALE_RE = re.compile(
    rf"{_H}*(?P<w>{phrase_pattern(_CURRENCY_SCALES)})(?!{_H}*lệ){_NEXT}"
)
_SCALE_FIRST = _first_chars(_SCALES)
_CURRENCY_SCALE_FIRST = _first_chars(_CURRENCY_SCALES)

_COUNT_NOUNS = (
    # zones and firms
    "khu công nghiệp", "khu kinh tế", "cụm công nghiệp", "khu chế xuất", "khu công nghệ cao",
    "khu phi thuế quan", "khu chức năng", "khu đô thị", "khu tái định cư", "khu nhà ở", "khu",
    "KCN", "KKT", "CCN", "KCX", "KCNC", "KKTCK", "dự án", "doanh nghiệp", "DN", "nhà đầu tư",
    "nhà máy", "công ty", "tập đoàn", "cơ sở", "hợp tác xã", "chi nhánh", "văn phòng đại diện",
    "giấy chứng nhận", "GCNĐKĐT", "hợp đồng", "biên bản ghi nhớ", "thỏa thuận", "sản phẩm",
    "mặt hàng", "dây chuyền", "lô", "lô đất", "thửa đất", "cảng", "cảng biển", "bến", "cầu cảng",
    "tuyến", "tuyến đường", "công trình", "hạng mục", "căn hộ", "căn", "nhà", "phòng", "hộ",
    "hộ dân", "hộ gia đình", "trường", "bệnh viện", "ký túc xá", "tàu", "chuyến", "lượt",
    "container", "xe",
    # administration and plans
    "TTHC", "thủ tục hành chính", "thủ tục", "hồ sơ", "văn bản", "giấy phép", "quyết định",
    "nghị quyết", "kiến nghị", "đề xuất", "cuộc", "đợt", "đoàn", "hội nghị", "sự kiện", "buổi",
    "chương trình", "đề án", "kế hoạch", "nhiệm vụ", "giải pháp", "nhóm", "trụ cột", "đột phá",
    "khâu đột phá", "nội dung", "vấn đề", "tiêu chí", "chỉ tiêu", "mục tiêu", "lĩnh vực",
    "ngành", "ngành nghề", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã",
    "phường", "địa phương", "quốc gia", "vùng lãnh thổ", "nước", "đối tác", "vụ", "trường hợp",
    # English
    "projects", "project", "industrial parks", "industrial park", "industrial zones",
    "industrial zone", "industrial clusters", "economic zones", "economic zone", "IPs", "IZs",
    "EZs", "enterprises", "firms", "companies", "businesses", "investors", "factories",
    "plants", "procedures", "administrative procedures", "provinces", "districts",
    "localities", "countries", "territories", "countries and territories", "pillars", "tasks",
    "solutions", "groups", "licences", "licenses", "certificates", "zones", "parks", "clusters",
)  # fmt: skip
_PERSON_NOUNS = (
    "lao động", "người lao động", "người", "công nhân", "nhân công", "nhân viên", "chuyên gia",
    "kỹ sư", "cán bộ", "công chức", "viên chức", "học viên", "sinh viên", "việc làm", "LĐ",
    "dân", "người dân", "cư dân", "residents", "inhabitants",
    "workers", "worker", "people", "employees", "persons", "labourers", "laborers", "jobs",
    "staff", "experts", "engineers",
)  # fmt: skip
ABSTRACT_NOUNS = frozenset(
    _key(n)
    for n in (
        "nhóm", "nhiệm vụ", "giải pháp", "trụ cột", "đột phá", "khâu đột phá", "nội dung",
        "vấn đề", "tiêu chí", "lĩnh vực", "ngành", "ngành nghề", "tỉnh", "thành phố", "huyện",
        "quận", "thị xã", "thị trấn", "xã", "phường", "địa phương", "chương trình", "đề án",
        "kế hoạch", "kiến nghị", "đề xuất", "cuộc", "đợt", "đoàn", "hội nghị", "sự kiện", "buổi",
        "văn bản", "quyết định", "nghị quyết", "chỉ tiêu", "mục tiêu", "pillars", "tasks",
        "solutions", "groups", "provinces", "districts", "localities",
    )
)  # fmt: skip
"""Counted nouns that name parts of a plan or places, not results: their figures' kind is other."""

_UNIT_WORDS: dict[str, tuple[str, str | None]] = {}
for _unit, _phrases in {
    "USD": ("USD", "US$", "đô la Mỹ", "đô-la Mỹ", "đô la", "đôla", "đô", "US dollars", "dollars"),
    "VND": ("đồng", "VND", "VNĐ", "đ", "dong"),
    "EUR": ("EUR", "euro", "euros", "€"),
    "JPY": ("JPY", "yên", "yen"),
    "CNY": ("CNY", "nhân dân tệ", "yuan"),
    "KRW": ("KRW",),
    "percent": ("%", "phần trăm", "per cent", "percent", "pct"),
    "percentage_points": ("điểm phần trăm", "điểm %", "percentage points", "percentage point"),
    "points": ("điểm", "points"),  # an index: "PCI đạt 68,5 điểm"
    "ha": ("ha", "héc-ta", "héc ta", "hécta", "hecta", "hec-ta", "hectares", "hectare"),
    "m2": ("m2", "m²", "mét vuông", "sqm", "sq.m", "square metres", "square meters"),
    "km2": ("km2", "km²", "ki-lô-mét vuông", "square kilometres", "square kilometers"),
    "times": ("lần", "times", "-fold", "‑fold", "fold"),
    "years": ("năm", "years", "year"),
    "months": ("tháng", "months", "month"),
    "days": ("ngày", "days", "day"),
    "km": ("km", "ki-lô-mét", "kilometres", "kilometers"),
    "m": ("m", "mét", "metres", "meters"),
    "m3": ("m3", "m³", "mét khối", "cubic metres", "cubic meters"),
    "tonnes": ("tấn", "tonnes", "tonne", "tons"),
    "TEU": ("TEU", "TEUs"),
    "MW": ("MW",),
    "kW": ("kW",),
    "GW": ("GW",),
    "kWh": ("kWh",),
    "MWh": ("MWh",),
}.items():
    for _phrase in _phrases:
        _UNIT_WORDS[_key(_phrase)] = (_unit, None)
for _phrase in _COUNT_NOUNS:
    _UNIT_WORDS[_key(_phrase)] = ("count", _phrase)
for _phrase in _PERSON_NOUNS:
    _UNIT_WORDS[_key(_phrase)] = ("persons", _phrase)

# English puts adjectives before the noun ("29 new FDI projects"); Vietnamese after it.
_EN_ADJECTIVE_WORDS = """new newly-licensed licensed foreign foreign-invested fdi ddi domestic
    additional more other major large large-scale key operational operating active registered
    established existing planned approved coastal border-gate border hi-tech high-tech
    japanese korean chinese taiwanese american european local"""
_EN_ADJECTIVES = rf"(?:(?:{'|'.join(_EN_ADJECTIVE_WORDS.split())}|newly{_H}+licensed){_H}+){{1,3}}"
_UNIT_RE = re.compile(
    rf"{_H}*(?P<adj>{_EN_ADJECTIVES})?(?P<u>{phrase_pattern(_UNIT_WORDS)})"
    rf"(?!{_H}*lượt)" + _NEXT  # "2 lần lượt" is "2, respectively"
)
_UNIT_FIRST = _first_chars(_UNIT_WORDS) | _first_chars((*_EN_ADJECTIVE_WORDS.split(), "newly"))
_URBAN_RE = re.compile(rf"{_H}+thị")  # "5 đô thị" are five towns, not five dollars
_DENOMINATORS = {
    "người": "person", "lao động": "person", "công nhân": "person", "person": "person",
    "capita": "person", "head": "person", "worker": "person", "năm": "year", "year": "year",
    "annum": "year", "tháng": "month", "month": "month", "ngày": "day", "day": "day",
    "m2": "m2", "m²": "m2", "sqm": "m2", "sq.m": "m2", "square metre": "m2",
    "square meter": "m2", "ha": "ha", "hectare": "ha", "dự án": "project", "project": "project",
    "tấn": "tonne", "tonne": "tonne", "ton": "tonne", "chu kỳ thuê": "lease", "chu kỳ": "lease",
    "term": "lease",
}  # fmt: skip
_DENOMINATOR_RE = re.compile(
    rf"(?:{_H}*/{_H}*|{_H}+(?:per|a|an){_H}+)(?P<d>{phrase_pattern(_DENOMINATORS)})"
)
_DENOMINATOR_FIRST = frozenset("/pa")
_PREFIX_CURRENCY = {"us$": "USD", "$": "USD", "usd": "USD", "vnd": "VND", "vnđ": "VND"}
_PREFIX_CURRENCY.update({"€": "EUR", "eur": "EUR"})
_PREFIX_BEFORE = re.compile(
    rf"{_H}?(?P<c>{phrase_pattern(_PREFIX_CURRENCY, backwards=True)})(?![\w$])"
)
_PREFIX_LAST = _first_chars(_PREFIX_CURRENCY, last=True)
_CONNECTOR_RE = re.compile(
    rf"(?:{_H}*[-–—‑−~]{_H}*|{_H}+(?P<w>đến|tới|to|and){_H}+)"
    rf"(?:(?P<c>us\$|\$|usd|vnd){_H}?)?(?P<n>[0-9]+(?:[.,][0-9]+)*)"
)
_CONNECTOR_FIRST = frozenset("-–—‑−~đta")
_FRACTION_RE = re.compile(
    rf"(?:/|{_H}+(?P<of>(?:out{_H}+)?of|trên){_H}+)(?P<n>[0-9]+)(?![0-9/]|[.,][0-9])"
)
_FRACTION_FIRST = frozenset("ot")  # after white space: "out of", "of", "trên"
_CHANGES = """rose rise rising risen increased increase increasing grew grow growing up down fell
    fall falling declined dropped jumped climbed surged expanded"""
_CHANGE_BEFORE = re.compile(rf"{_H}+{phrase_pattern(_CHANGES.split(), backwards=True)}")
_HEDGES = {
    "approx": (
        "khoảng", "xấp xỉ", "ước tính", "ước đạt", "ước khoảng", "ước", "chừng", "tầm",
        "about", "around", "approximately", "approx.", "roughly", "some", "an estimated",
        "estimated",
    ),
    "nearly": ("gần", "gần như", "nearly", "almost", "close to", "just under"),
    "over": (
        "hơn", "trên", "vượt", "more than", "over", "above", "upwards of", "in excess of",
    ),
    "at_least": (
        "ít nhất", "tối thiểu", "không dưới", "không ít hơn", "từ", "at least", "no less than",
        "a minimum of", "minimum of", "from", "between",
    ),
    "at_most": (
        "không quá", "không vượt quá", "tối đa", "dưới", "chưa đến", "chưa tới", "chưa đầy",
        "up to", "at most", "no more than", "a maximum of", "maximum of", "less than",
        "fewer than", "under", "below",
    ),
}  # fmt: skip
_HEDGE_OF = {_key(w): q for q, words in _HEDGES.items() for w in words}
_HEDGE_BEFORE = re.compile(rf"{_H}*(?P<h>{phrase_pattern(_HEDGE_OF, backwards=True)})")
_HEDGE_ENDS = _phrase_ends(_HEDGE_OF)
_AFTER_HEDGES = ("trở lên", "trở xuống", "or more", "or above", "and above", "and over", "or less")
_HEDGE_AFTER_RE = re.compile(rf"{_H}*(?P<h>{phrase_pattern((*_AFTER_HEDGES, 'or below'))})")
_HEDGE_AFTER_FIRST = _first_chars((*_AFTER_HEDGES, "or below"))
_AFTER_QUALIFIER = {"trở lên": "at_least", "or more": "at_least", "or above": "at_least"}
_AFTER_QUALIFIER.update({"and above": "at_least", "and over": "at_least"})
# "cao hơn 20%" compares (higher by 20%); only a bare "hơn 20%" hedges (more than 20%)
_COMPARATIVES = ("cao", "thấp", "lớn", "nhỏ", "nhiều", "ít", "nhanh", "chậm", "tốt", "kém")
_COMPARATIVES += ("mạnh", "rộng", "hẹp", "dài", "ngắn", "xa")
_COMPARATIVE_BEFORE = re.compile(rf"{_H}+{phrase_pattern(_COMPARATIVES, backwards=True)}")
# "từ 45,5% lên 60,6%", "từ 53,12% (năm 2015) lên 70,23%": a change from a level, no hedge
PARENTHESIS = rf"(?:{_H}*\([^()\n]{{0,40}}\))?"
_THEN_RE = re.compile(rf"{PARENTHESIS}{_H}*(?:lên|xuống|đến|tới|to)(?!\w)")

# Numbers written as words, read before a counted noun only ("ba trụ cột"). "một" (also "a")
# and "năm" (also "year") are left out: they are far more often not numbers.
NUMBER_WORDS = {
    "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
}  # fmt: skip
_COUNTABLE = [p for p, (u, _) in _UNIT_WORDS.items() if u in ("count", "persons", "times")]
NUMBER_WORD_RE = re.compile(
    rf"(?P<w>{phrase_pattern(NUMBER_WORDS)})(?={_H}+{phrase_pattern(_COUNTABLE)})"
)
"""Number words before a counted noun, on lowercase text (check the word boundary before)."""

# A counted noun not in the lists: an integer followed by a lowercase word that is not one of
# these ("29 dự án" is listed; "5 bậc" falls back to this).
_FUNCTION_WORDS_TEXT = """
    và hoặc của là với cho trong tại so đến tới từ đã được sẽ đang có không thì mà này đó
    các những nên để theo về trên dưới sau trước khi nếu vì do bởi cũng như hay lên xuống ra
    vào đạt tăng giảm chiếm bằng gồm thuộc nữa rồi vẫn còn chỉ đều ở qua trở kể tính hết thêm
    mới cũ kia ấy nào gì đây bị phải cần nhưng tuy dù vừa mỗi mọi rất lại luôn thôi nhằm
    số cách chút vài lúc bước mặt phần giờ phút giây tỷ tỉ triệu nghìn ngàn
    and or of to in on at for with by from the a an is was were are be been has have had that
    which this these than as per up down more less over under about into out while when after
    before since compared versus vs against between through during including year years new
    other major large key foreign domestic additional big small"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_NEXT_WORD_RE = re.compile(rf"{_H}+(?P<w>[^\W\d_][\w-]*)")


class Reading(NamedTuple):
    """What the grammar read at one number (internal to ezlib; see :class:`Quantity`).

    ``start:end`` is the figure's surface; ``stop`` is the end of all that was read, hedge
    words after it included ("trở lên").
    """

    start: int
    end: int
    stop: int
    value: float
    value_high: float | None
    unit: str | None
    noun: str | None
    qualifier: str
    decimals: int
    scale: float
    denominator: float | None
    problem: str | None
    written: tuple[str, ...]  # the number(s) as written: ("130", "135")


class _Tail(NamedTuple):
    scale: int
    scale_lang: str | None
    unit: str | None
    noun: str | None
    end: int
    next: str  # the first character after ``end`` that is no horizontal space, or ""


def _read_tail(low: str, pos: int, lang: str, currency: str | None) -> _Tail:
    """Read the scale word, unit and rate after a number that ends at ``pos``."""
    size = len(low)
    char = low[pos] if pos < size else ""
    if char in _HSPACE:  # most often one space, then the word
        char = low[pos + 1] if pos + 1 < size else ""
        if char in _HSPACE:
            char = _char_after_space(low, pos + 2)
    scale, scale_lang = 1, None
    if currency:
        found = _CURRENCY_SCALE_RE.match(low, pos) if char in _CURRENCY_SCALE_FIRST else None
    else:
        found = _SCALE_RE.match(low, pos) if char in _SCALE_FIRST else None
    if found:
        word, char = found.group("w", "next")
        if word not in _CURRENCY_SCALES:
            word = _key(word)
        scale, scale_lang, pos = _CURRENCY_SCALES[word], _SCALE_LANG.get(word, "en"), found.end()
    unit = noun = None
    if char in _UNIT_FIRST and (found := _UNIT_RE.match(low, pos)):
        adjectives, key, after = found.group("adj", "u", "next")
        entry = _UNIT_WORDS.get(key)
        if entry is None:
            key = _key(key)
            entry = _UNIT_WORDS[key]
        if key != "đô" or not _URBAN_RE.match(low, found.end()):
            unit, noun = entry
            if noun is not None and adjectives:
                noun = " ".join([*adjectives.split(), noun])
            if currency and unit != currency and unit in MONEY_UNITS:
                unit = None  # "USD 5 tỷ đồng" contradicts itself: the prefix speaks
            else:
                pos = found.end()
                char = after
    if unit is None and currency:
        unit = currency
    if char not in _DENOMINATOR_FIRST:  # no rate: the common case
        return _new_tuple(_Tail, (scale, scale_lang, unit, noun, pos, char))
    rates, ends, after = [], [], pos
    while found := _DENOMINATOR_RE.match(low, after):
        rates.append(_lookup(_DENOMINATORS, found.group("d")))
        after = found.end()
        ends.append(after)
    base = unit
    if base is None and scale > 1 and rates and lang == "vi":
        base = "VND"  # NOTE: "130-135 triệu/người/năm" (Thái Bình KKT article) means VND
    for n in range(len(rates), 0, -1):
        rate = f"{base}_per_{'_per_'.join(rates[:n])}"
        if rate in _UNIT_SET:
            end = ends[n - 1]
            return _Tail(scale, scale_lang, rate, noun, end, _char_after_space(low, end))
    return _Tail(scale, scale_lang, unit, noun, pos, char)


def _prefix_before(src: Source, pos: int) -> re.Match[str] | None:
    """Match :data:`_PREFIX_BEFORE` on what ends at ``pos``, checking its last letters first."""
    if pos == 0:
        return None
    low = src.low
    char = low[pos - 1]
    if char not in _PREFIX_LAST and not (
        char in _HSPACE and pos >= 2 and low[pos - 2] in _PREFIX_LAST
    ):
        return None
    return _PREFIX_BEFORE.match(src.rev, len(low) - pos)


def currency_before(src: Source, pos: int) -> str | None:
    """Return the currency written just before ``pos`` ("US$", "VND", "VND "), else None."""
    found = _prefix_before(src, pos)
    return _PREFIX_CURRENCY[found.group("c")[::-1]] if found else None


def _value(read: tuple[int, int], scale: int) -> float:
    digits, decimals = read
    return digits * scale / 10**decimals


def _hedge_before(src: Source, start: int) -> tuple[str | None, int]:
    """Return the hedge word just before ``start`` and where it starts."""
    found = _HEDGE_BEFORE.match(src.rev, len(src.low) - start)
    if not found:
        return None, start
    word, at = found.group("h")[::-1], len(src.text) - found.end()
    if word not in _HEDGE_OF:  # written otherwise than listed ("Khoảng", two spaces)
        word = _key(word)
    if word == "hơn" and src.before(_COMPARATIVE_BEFORE, at):
        return None, start
    return word, at


def _is_range(word: str | None, hedge: str | None, low: _Tail, high: _Tail) -> bool:
    """Tell whether "<low> <word> <high>" is a range ("130-135 triệu", "từ 10 đến 12%")."""
    if not (low.unit is None or high.unit is None or low.unit == high.unit):
        return False
    if word is None:  # a dash
        return True
    if word == "and":
        return hedge == "between"
    if hedge == "from a level":
        return False
    if hedge in ("từ", "from"):
        return True
    # "5 đến 7 năm", "10 to 12 per cent"; not "100 dự án đến 2025"
    return high.unit is not None


def read_figure(src: Source, start: int, end: int, lang: str) -> Reading:
    """Read the figure whose first number (or number word) is ``src.text[start:end]``.

    Args:
        src: The whole text, prepared by :meth:`Source.of`.
        start: Where the number starts.
        end: Where it ends (a :data:`NUMBER_RE` match, or a number word).
        lang: The document's number convention.

    Returns:
        The reading. Its ``unit`` is None when no unit, scale or counted noun follows, and
        ``problem`` says why a number could not be read.
    """
    text, low, rev = src
    written = text[start:end]
    word_value = None if "0" <= low[start] <= "9" else NUMBER_WORDS.get(low[start:end])
    first = start
    currency = prefix = None
    if word_value is None and start:
        char = low[start - 1]
        if char in _PREFIX_LAST or (
            char in _HSPACE and start >= 2 and low[start - 2] in _PREFIX_LAST
        ):
            prefix = _PREFIX_BEFORE.match(rev, len(low) - start)
            if prefix:
                currency = _PREFIX_CURRENCY[prefix.group("c")[::-1]]
    tail = _read_tail(low, end, lang, currency)
    scale, scale_lang, unit, noun, tail_end, next_char = tail
    if prefix and unit is not None and unit.startswith(currency):
        first = len(text) - prefix.end()
    hedge = None
    at = first - 1  # as _may_end_before(low, first, _HEDGE_ENDS), without the call
    while at >= 0 and low[at] in _HSPACE:
        at -= 1
    if at >= 0 and ((at and low[at - 1 : at + 1] in _HEDGE_ENDS[0]) or low[at] in _HEDGE_ENDS[1]):
        hedge, hedge_at = _hedge_before(src, first)
        if hedge == "from" and src.before(_CHANGE_BEFORE, hedge_at):
            hedge = "from a level"  # "rose from 45.5% to 60.6%" is a change, not a range
    # A range: "130-135 triệu", "150 - 170 ha", "từ 10 đến 12%", "10% - 12%", "4-5 tỷ USD".
    if word_value is None and next_char in _CONNECTOR_FIRST:
        link = _CONNECTOR_RE.match(low, tail_end)
        if link:
            top_currency = _PREFIX_CURRENCY[link.group("c")] if link.group("c") else currency
            top_tail = _read_tail(low, link.end(), lang, top_currency)
            if _is_range(link.group("w"), hedge, tail, top_tail):
                conv = scale_lang or top_tail.scale_lang or lang
                low_read = parse_number(written, conv)
                top_read = parse_number(link.group("n"), conv)
                low_scale = scale if scale_lang else top_tail.scale
                if low_read is not None and top_read is not None:
                    value = _value(low_read, low_scale)
                    value_high = _value(top_read, top_tail.scale)
                    if value_high > value:
                        after = None
                        if top_tail.next in _HEDGE_AFTER_FIRST:
                            after = _HEDGE_AFTER_RE.match(low, top_tail.end)
                        return Reading(
                            first,
                            top_tail.end,
                            after.end() if after else top_tail.end,
                            value,
                            value_high,
                            top_tail.unit or unit,
                            top_tail.noun or noun,
                            "range",
                            max(low_read[1], top_read[1]),
                            float(top_tail.scale),
                            None,
                            None,
                            (written, link.group("n")),
                        )
    denominator = None
    if word_value is not None:
        read: tuple[int, int] | None = (word_value, 0)
    else:
        # digits alone read as parse_number reads them, without the call
        read = (int(written), 0) if written.isdigit() else parse_number(written, scale_lang or lang)
        if (
            tail_end == end
            and unit is None
            and read is not None
            and read[1] == 0
            and (
                low[end : end + 1] == "/" or (next_char in _FRACTION_FIRST and low[end] in _HSPACE)
            )
        ):
            fraction = _FRACTION_RE.match(low, end)
            if fraction:
                over = _read_tail(low, fraction.end(), lang, None)
                if fraction.group("of") is None or over.unit is not None:  # "18 of 26 TTHC"
                    denominator = float(fraction.group("n"))
                    scale, scale_lang, unit, noun, tail_end, next_char = over
    if read is None:
        return Reading(
            first, end, end, math.nan, None, None, None, "exact", 0, 1.0, None,
            f"cannot read {written!r} as a number", (written,),
        )  # fmt: skip
    qualifier = "exact"
    stop = tail_end
    if next_char in _HEDGE_AFTER_FIRST and (after := _HEDGE_AFTER_RE.match(low, tail_end)):
        qualifier = _AFTER_QUALIFIER.get(_key(after.group("h")), "at_most")
        stop = after.end()
    elif hedge is None:
        pass
    elif hedge in ("từ", "from", "between", "from a level"):
        qualifier = "exact" if hedge != "từ" or _THEN_RE.match(low, tail_end) else "at_least"
    else:
        qualifier = _HEDGE_OF[hedge]
    digits, decimals = read
    return _new_tuple(
        Reading,
        (first, tail_end, stop, digits * scale / 10**decimals, None, unit, noun, qualifier,
         decimals, float(scale), denominator, None, (written,)),
    )  # fmt: skip


def guess_noun(src: Source, reading: Reading) -> Reading:
    """Give a bare integer the lowercase word after it as its counted noun ("5 bậc").

    Args:
        src: The text the reading was made in.
        reading: A reading with no unit.

    Returns:
        The reading as a count of that word; unchanged when the next word is a function word
        or capitalised, or the number has decimals, a scale or a fraction.
    """
    if reading.unit is not None or reading.decimals or reading.scale != 1.0:
        return reading
    if reading.denominator is not None or reading.problem or reading.value_high is not None:
        return reading
    found = _NEXT_WORD_RE.match(src.text, reading.end)
    if not found or not found.group("w")[0].islower():
        return reading
    word = found.group("w")
    if word.lower() in _FUNCTION_WORDS:
        return reading
    stop = max(reading.stop, found.end())
    return reading._replace(end=found.end(), stop=stop, unit="count", noun=word)


# --- languages -----------------------------------------------------------------------------

_VI = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_VI_LETTERS = re.compile(f"[{_VI}]")
# More than 100 of them: one match, no list of letters to count
_PLAINLY_VIETNAMESE = re.compile(f"(?:[^{_VI}]*+[{_VI}]){{101}}")
_EN_FUNCTION_WORDS = ("the", "of", "and", "in", "to", "is", "was", "with", "for", "from", "by")
_EN_WORDS = re.compile(phrase_pattern((*_EN_FUNCTION_WORDS, "billion", "million", "per cent")))


def detect_lang(text: str, *, lowercase: bool = False) -> str:
    """Guess the number convention of a document from its words.

    Args:
        text: The document, or a short quote.
        lowercase: ``text`` is lowercase already (:attr:`Source.low`): it is not lowered again.

    Returns:
        ``"en"`` when English function words outnumber Vietnamese letters (ă, đ, ế, ...) in the
        first 20,000 characters; ``"vi"`` otherwise (also for text with no words at all).

    Example:
        >>> detect_lang("vốn đầu tư đạt 10,51 tỷ USD"), detect_lang("US$10.51 billion")
        ('vi', 'en')
    """
    # More than 100 Vietnamese letters in the first 2,000 characters is plainly Vietnamese.
    # Lowercasing and counting go letter by letter, so a count over the first 800 characters
    # is at most the count over the first 2,000: most articles are settled by the shorter one.
    lower = str if lowercase else str.lower
    head = lower(text[:800])
    if _PLAINLY_VIETNAMESE.match(head):
        return "vi"
    if len(text) > 800:
        head = lower(text[:2000])
        if _PLAINLY_VIETNAMESE.match(head):
            return "vi"
    if len(text) > 2000:
        head = lower(text[:20000])
    vietnamese = len(_VI_LETTERS.findall(head))
    english = 0  # English wins as soon as its words outnumber the Vietnamese letters
    for m in _EN_WORDS.finditer(head):
        at = m.start()
        if not at or not head[at - 1].isalnum():
            english += 1
            if english > vietnamese:
                return "en"
    return "vi"


# --- one quantity --------------------------------------------------------------------------


def parse_quantity(text: str, *, lang: str | None = "vi") -> Quantity:
    """Parse a short string holding exactly one figure.

    Words around the figure are allowed and read for its qualifier ("đạt gần 84% kế hoạch"),
    but the string must hold one number only (a range or a fraction counts as one).

    Args:
        text: E.g. ``"gần 84%"``, ``"18,09 tỷ USD"``, ``"từ 130-135 triệu/người/năm"``,
            ``"US$10.51 billion"``, ``"ba trụ cột"``.
        lang: Number convention, ``"vi"`` (6.418,5) or ``"en"`` (6,418.5); None to guess it
            from the words (:func:`detect_lang`).

    Returns:
        The quantity.

    Raises:
        DataError: If the string holds no number, more than one, a number that cannot be
            read, or a number with no unit or counted noun.

    Example:
        >>> q = parse_quantity("từ 130-135 triệu/người/năm")
        >>> q.value, q.value_high, q.unit, q.qualifier
        (130000000.0, 135000000.0, 'VND_per_person_per_year', 'range')
    """
    src = Source.of(unicodedata.normalize("NFC", text))
    lang = detect_lang(src.text) if lang is None else lang
    if lang not in LANGUAGES:
        raise DataError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    numbers = [  # not the digits of "m2" or "Covid-19"; "VND130" is a number
        m
        for m in NUMBER_RE.finditer(src.text)
        if not m.start() or not src.low[m.start() - 1].isalpha() or currency_before(src, m.start())
    ] or [
        m
        for m in NUMBER_WORD_RE.finditer(src.low)
        if not m.start() or not src.low[m.start() - 1].isalnum()
    ]
    if not numbers:
        raise DataError(f"no number in {text!r}")
    found = numbers[0]
    reading = guess_noun(src, read_figure(src, found.start(), found.end(), lang))
    if reading.problem:
        raise DataError(f"{reading.problem} in {text!r}")
    extra = [n.group() for n in numbers[1:] if n.start() >= reading.stop]
    if extra:
        raise DataError(f"more than one number in {text!r}: also {', '.join(extra)}")
    if reading.unit is None:
        what = "a currency or unit after the scale word" if reading.scale != 1.0 else "a unit"
        raise DataError(f"{text!r}: the number {found.group()!r} has no unit (wanted {what})")
    return quantity_of(reading)
