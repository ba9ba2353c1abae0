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
from typing import NamedTuple

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

# NOTE: the decimal and group symbols come from CLDR through babel (vi: "," and "."; en: "." and
# ","). Numbers themselves are read by hand below, not with babel.numbers.parse_decimal: that
# costs about 8 µs a call (the extractor reads every number of a corpus at >= 5 MB/s) and reads
# only its own locale strictly, while Vietnamese news also writes "1.5 tỷ" and "US$10.51 billion"
# (English convention) and English articles write "18,09". tests/unit/test_quantities.py checks
# this reader against babel's formatting and parsing of the same numbers.
_SYMBOLS = {lang: (get_decimal_symbol(lang), get_group_symbol(lang)) for lang in LANGUAGES}

_H = r"[^\S\n]"  # horizontal white space: a figure never runs over a line break
NUMBER_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
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
    return 1 <= len(head) <= 3 and head[0] != "0" and all(len(g) == 3 for g in groups)


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
    head, *groups = written.split(sep)
    if len(groups) > 1:  # 1.125.000: only grouping can repeat
        return (int(head + "".join(groups)), 0) if _grouped(head, groups) else None
    fraction = groups[0]
    decimal_mark, _ = _SYMBOLS[lang]
    if sep != decimal_mark and _grouped(head, groups):
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
_SCALE_RE = re.compile(rf"{_H}*(?P<w>{phrase_pattern(_SCALES)})(?!{_H}*lệ)")  # not "tỷ lệ"
_CURRENCY_SCALE_RE = re.compile(rf"{_H}*(?P<w>{phrase_pattern(_CURRENCY_SCALES)})(?!{_H}*lệ)")

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
    rf"(?!{_H}*lượt)"  # "2 lần lượt" is "2, respectively"
)
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
_PREFIX_CURRENCY = {"us$": "USD", "$": "USD", "usd": "USD", "vnd": "VND", "vnđ": "VND"}
_PREFIX_CURRENCY.update({"€": "EUR", "eur": "EUR"})
_PREFIX_BEFORE = re.compile(
    rf"{_H}?(?P<c>{phrase_pattern(_PREFIX_CURRENCY, backwards=True)})(?![\w$])"
)
_CONNECTOR_RE = re.compile(
    rf"(?:{_H}*[-–—‑−~]{_H}*|{_H}+(?P<w>đến|tới|to|and){_H}+)"
    rf"(?:(?P<c>us\$|\$|usd|vnd){_H}?)?(?P<n>[0-9]+(?:[.,][0-9]+)*)"
)
_FRACTION_RE = re.compile(
    rf"(?:/|{_H}+(?P<of>(?:out{_H}+)?of|trên){_H}+)(?P<n>[0-9]+)(?![0-9/]|[.,][0-9])"
)
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
_AFTER_HEDGES = ("trở lên", "trở xuống", "or more", "or above", "and above", "and over", "or less")
_HEDGE_AFTER_RE = re.compile(rf"{_H}*(?P<h>{phrase_pattern((*_AFTER_HEDGES, 'or below'))})")
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


def _read_tail(low: str, pos: int, lang: str, currency: str | None) -> _Tail:
    """Read the scale word, unit and rate after a number that ends at ``pos``."""
    scale, scale_lang = 1, None
    found = (_CURRENCY_SCALE_RE if currency else _SCALE_RE).match(low, pos)
    if found:
        word = _key(found.group("w"))
        scale, scale_lang, pos = _CURRENCY_SCALES[word], _SCALE_LANG.get(word, "en"), found.end()
    unit = noun = None
    found = _UNIT_RE.match(low, pos)
    key = _key(found.group("u")) if found else ""
    if key == "đô" and _URBAN_RE.match(low, found.end()):
        found = None
    if found:
        unit, noun = _UNIT_WORDS[key]
        if noun is not None and found.group("adj"):
            noun = " ".join([*found.group("adj").split(), noun])
        if currency and unit != currency and unit in MONEY_UNITS:
            unit = None  # "USD 5 tỷ đồng" contradicts itself: the prefix speaks
        else:
            pos = found.end()
    if unit is None and currency:
        unit = currency
    rates, ends, after = [], [], pos
    while found := _DENOMINATOR_RE.match(low, after):
        rates.append(_DENOMINATORS[_key(found.group("d"))])
        after = found.end()
        ends.append(after)
    base = unit
    if base is None and scale > 1 and rates and lang == "vi":
        base = "VND"  # NOTE: "130-135 triệu/người/năm" (Thái Bình KKT article) means VND
    for n in range(len(rates), 0, -1):
        rate = f"{base}_per_{'_per_'.join(rates[:n])}"
        if rate in _UNIT_SET:
            return _Tail(scale, scale_lang, rate, noun, ends[n - 1])
    return _Tail(scale, scale_lang, unit, noun, pos)


def currency_before(src: Source, pos: int) -> str | None:
    """Return the currency written just before ``pos`` ("US$", "VND", "VND "), else None."""
    found = src.before(_PREFIX_BEFORE, pos)
    return _PREFIX_CURRENCY[found.group("c")[::-1]] if found else None


def _value(read: tuple[int, int], scale: int) -> float:
    digits, decimals = read
    return digits * scale / 10**decimals


def _hedge_before(src: Source, start: int) -> tuple[str | None, int]:
    """Return the hedge word just before ``start`` and where it starts."""
    found = src.before(_HEDGE_BEFORE, start)
    if not found:
        return None, start
    word, at = _key(found.group("h")[::-1]), len(src.text) - found.end()
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
    text, low = src.text, src.low
    written = text[start:end]
    word_value = NUMBER_WORDS.get(low[start:end])
    first = start
    currency = prefix = None
    if word_value is None:
        prefix = src.before(_PREFIX_BEFORE, start)
        if prefix:
            currency = _PREFIX_CURRENCY[prefix.group("c")[::-1]]
    tail = _read_tail(low, end, lang, currency)
    if prefix and tail.unit is not None and tail.unit.startswith(currency):
        first = len(text) - prefix.end()
    hedge, hedge_at = _hedge_before(src, first)
    if hedge == "from" and src.before(_CHANGE_BEFORE, hedge_at):
        hedge = "from a level"  # "rose from 45.5% to 60.6%" is a change, not a range
    # A range: "130-135 triệu", "150 - 170 ha", "từ 10 đến 12%", "10% - 12%", "4-5 tỷ USD".
    link = _CONNECTOR_RE.match(low, tail.end) if word_value is None else None
    if link:
        top_currency = _PREFIX_CURRENCY[link.group("c")] if link.group("c") else currency
        top_tail = _read_tail(low, link.end(), lang, top_currency)
        if _is_range(link.group("w"), hedge, tail, top_tail):
            conv = tail.scale_lang or top_tail.scale_lang or lang
            low_read, top_read = parse_number(written, conv), parse_number(link.group("n"), conv)
            low_scale = tail.scale if tail.scale_lang else top_tail.scale
            if low_read is not None and top_read is not None:
                value = _value(low_read, low_scale)
                value_high = _value(top_read, top_tail.scale)
                if value_high > value:
                    after = _HEDGE_AFTER_RE.match(low, top_tail.end)
                    return Reading(
                        first,
                        top_tail.end,
                        after.end() if after else top_tail.end,
                        value,
                        value_high,
                        top_tail.unit or tail.unit,
                        top_tail.noun or tail.noun,
                        "range",
                        max(low_read[1], top_read[1]),
                        float(top_tail.scale),
                        None,
                        None,
                        (written, link.group("n")),
                    )
    denominator = None
    stop = tail.end
    if word_value is not None:
        read: tuple[int, int] | None = (word_value, 0)
    else:
        read = parse_number(written, tail.scale_lang or lang)
        if tail.end == end and tail.unit is None and read is not None and read[1] == 0:
            fraction = _FRACTION_RE.match(low, end)
            if fraction:
                over = _read_tail(low, fraction.end(), lang, None)
                if fraction.group("of") is None or over.unit is not None:  # "18 of 26 TTHC"
                    denominator, tail, stop = float(fraction.group("n")), over, over.end
    if read is None:
        return Reading(
            first, end, end, math.nan, None, None, None, "exact", 0, 1.0, None,
            f"cannot read {written!r} as a number", (written,),
        )  # fmt: skip
    qualifier = "exact"
    after = _HEDGE_AFTER_RE.match(low, tail.end)
    if after:
        qualifier = _AFTER_QUALIFIER.get(_key(after.group("h")), "at_most")
        stop = after.end()
    elif hedge in ("từ", "from", "between", "from a level"):
        qualifier = "exact" if hedge != "từ" or _THEN_RE.match(low, tail.end) else "at_least"
    elif hedge is not None:
        qualifier = _HEDGE_OF[hedge]
    return Reading(
        first,
        tail.end,
        stop,
        _value(read, tail.scale),
        None,
        tail.unit,
        tail.noun,
        qualifier,
        read[1],
        float(tail.scale),
        denominator,
        None,
        (written,),
    )


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

_VI_LETTERS = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
_EN_FUNCTION_WORDS = ("the", "of", "and", "in", "to", "is", "was", "with", "for", "from", "by")
_EN_WORDS = re.compile(phrase_pattern((*_EN_FUNCTION_WORDS, "billion", "million", "per cent")))


def detect_lang(text: str) -> str:
    """Guess the number convention of a document from its words.

    Args:
        text: The document, or a short quote.

    Returns:
        ``"en"`` when English function words outnumber Vietnamese letters (ă, đ, ế, ...) in the
        first 20,000 characters; ``"vi"`` otherwise (also for text with no words at all).

    Example:
        >>> detect_lang("vốn đầu tư đạt 10,51 tỷ USD"), detect_lang("US$10.51 billion")
        ('vi', 'en')
    """
    head = text[:2000].lower()
    vietnamese = len(_VI_LETTERS.findall(head))
    if vietnamese > 100:  # plainly Vietnamese: no need to look further
        return "vi"
    sample = text[:20000].lower()
    english = sum(
        1
        for m in _EN_WORDS.finditer(sample)
        if not m.start() or not sample[m.start() - 1].isalnum()
    )
    return "en" if english > len(_VI_LETTERS.findall(sample)) else "vi"


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
