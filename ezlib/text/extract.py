"""Every quantitative figure in a text: offsets, value, unit, qualifier and a guess of its kind.

The numbers of a text are found with one regular expression; each is then either passed over
as no figure (a date, time, year, period label, document number, ordinal, service level, digits
inside a name, phone number, page chrome), read as a figure by the grammar of
:mod:`ezlib.text.quantities`, or returned flagged with a ``problem`` when it can be neither, so that
nothing is dropped in silence.

Known limits (each one tested where it shows):

- Number words are read only from "hai" to "mười" ("two" to "ten") and only before a listed
  counted noun ("ba trụ cột"); "một" and "năm" (also "a" and "year") and compounds such as
  "mười hai" are not read.
- A scale word with no currency ("doanh thu 500 tỷ") is flagged, not guessed: news writes
  both VND and USD that way. Only a rate per person, month, m2 or ha ("130-135
  triệu/người/năm") is read as VND, as Vietnamese news always means it.
- The number convention is chosen per document (:func:`ezlib.text.quantities.detect_lang`): a
  figure with no words around it ("9,250ha") reads as Vietnamese (9.25 ha) unless ``lang`` says
  otherwise. Separators that cannot group thousands ("1.5 tỷ", "18,09 billion") are read as
  decimal marks in either convention.
- A counted noun that is not listed is the one word after an integer ("5 bậc"). In a list
  that shares its unit ("15 và 20%", "12, 15 dự án") each number gets the unit, but only the
  last one's surface holds it.
- ``kind`` is a guess: the last target or actual cue word before the figure in its sentence.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass

from ezlib.errors import DataError
from ezlib.text.quantities import (
    _HSPACE,
    _UNIT_WORDS,
    ABSTRACT_NOUNS,
    NUMBER_RE,
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    PARENTHESIS,
    Quantity,
    Reading,
    Source,
    _char_after_space,
    _char_before_space,
    _first_chars,
    _may_end_before,
    _phrase_ends,
    _skip_space_back,
    currency_before,
    detect_lang,
    guess_noun,
    phrase_pattern,
    quantity_of,
    read_figure,
)
from ezlib.vocabulary import LANGUAGES

__all__ = ["FIELDS", "Figure", "extract_quantities"]

FIELDS = (
    "doc",
    "start",
    "end",
    "surface",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "kind",
    "decimals",
    "scale",
    "noun",
    "denominator",
    "problem",
)
"""The fields of a :class:`Figure`, in the order of the CLI's records."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text; ``text[start:end] == surface`` for the text as given.

    Attributes:
        doc: The document's name, if given.
        start: Offset (code points) of the figure's first character in the text as given.
        end: Offset just after its last character.
        surface: The figure as written: number, scale word, unit and, for counts, the counted
            noun ("29 dự án"); hedge words such as "gần" are left out (they give the qualifier).
        value: Value in base units (the low end of a range); NaN when the number itself could
            not be read. When ``problem`` is set, the value is the number as read but has no
            unit, and must not be used as a figure.
        value_high: High end of a range, else None.
        unit: One of :data:`ezlib.vocabulary.UNITS`; "" when ``problem`` is set.
        qualifier: One of :data:`ezlib.vocabulary.QUALIFIERS`.
        kind: One of :data:`ezlib.vocabulary.FIGURE_KINDS`, guessed from cue words in the sentence.
        decimals: Decimal places of the written number in its scale ("10,51 tỷ USD" -> 2).
        scale: Factor of the written scale word ("tỷ" -> 1e9), 1.0 without one.
        noun: The counted noun of a count or of persons ("dự án", "lao động"), else None.
        denominator: For a fraction ("18/26 TTHC"), the 26; else None.
        problem: Why a number could not be read as a figure; None when it was read.
    """

    doc: str | None
    start: int
    end: int
    surface: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    kind: str
    decimals: int = 0
    scale: float = 1.0
    noun: str | None = None
    denominator: float | None = None
    problem: str | None = None

    @property
    def quantity(self) -> Quantity | None:
        """The figure as a :class:`~ezlib.text.quantities.Quantity`, None when it is flagged."""
        return None if self.problem is not None else quantity_of(self)

    def to_record(self) -> dict[str, object]:
        """Return the figure as a dict of :data:`FIELDS`, NaN written as None."""
        record = asdict(self)
        if isinstance(self.value, float) and math.isnan(self.value):
            record["value"] = None
        return record


class _FigureDraft:
    """A :class:`Figure` being built: the same slots, set without the frozen class's checks."""

    __slots__ = Figure.__slots__


def _figure(
    doc: str | None,
    start: int,
    end: int,
    surface: str,
    value: float,
    value_high: float | None,
    unit: str,
    qualifier: str,
    kind: str,
    decimals: int,
    scale: float,
    noun: str | None,
    denominator: float | None,
    problem: str | None,
) -> Figure:
    """Return ``Figure(doc, start, ..., problem)``, built about five times faster.

    A frozen dataclass sets each of its 14 fields through ``object.__setattr__``, which costs
    more than the rest of the work on a figure. The draft has the same layout as Figure, so
    once its slots are set it becomes a Figure by taking Figure as its class: an ordinary,
    frozen Figure, equal to the one the constructor makes (tests/unit/test_extract.py).
    """
    f = _FigureDraft()
    f.doc = doc
    f.start = start
    f.end = end
    f.surface = surface
    f.value = value
    f.value_high = value_high
    f.unit = unit
    f.qualifier = qualifier
    f.kind = kind
    f.decimals = decimals
    f.scale = scale
    f.noun = noun
    f.denominator = denominator
    f.problem = problem
    f.__class__ = Figure
    return f


# --- what is not a figure ------------------------------------------------------------------

_H = r"[^\S\n]"
_TIME_RE = re.compile(rf"[0-9]{{1,2}}(?::[0-9]{{2}}){{1,2}}(?:{_H}*(?:sa|ch|am|pm)(?!\w))?")
_DATE_RE = re.compile(
    rf"(?P<d>[0-9]{{1,2}}){_H}*(?P<s>[/.\-–]){_H}*(?P<m>[0-9]{{1,2}}){_H}*(?P=s){_H}*"
    r"(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
)
_DAY_MONTH_RE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}(?![0-9])")
_MONTH_YEAR_RE = re.compile(rf"[0-9]{{1,2}}{_H}*[/.\-–]{_H}*(?:19|20)[0-9]{{2}}(?![0-9])")
# On the text as given: "06-NQ/TU", "58 NQ/TW", "1107/QĐ-TTg", "35/2022/NĐ-CP"
_DOC_NUMBER_RE = re.compile(
    rf"[0-9]+(?:/[0-9]+)*(?:[\-/]|{_H}+(?=[A-ZĐ]{{2,}}[/\-][A-ZĐ]))[A-ZĐ]+[A-ZĐa-zđ]*"
    r"(?:[/\-][A-ZĐa-zđ0-9]+)*"
)
_PHONE_RE = re.compile(r"\(?0[0-9]{2,4}\)?(?:[ .\-]?[0-9]{2,4}){2,4}(?![0-9])")
_PHONE_LABELLED_RE = re.compile(r"[0-9+()][0-9 .()\-]*[0-9]")
_CHROME_WORDS = """lượt_xem lượt_thích lượt_chia_sẻ lượt_bình_luận bình_luận view views comment
    comments like likes share shares"""
_CHROME_AFTER_RE = re.compile(
    rf"{_H}*" + phrase_pattern(w.replace("_", " ") for w in _CHROME_WORDS.split())
)
_CHROME_FIRST = _first_chars(w.replace("_", " ") for w in _CHROME_WORDS.split())
_DOC_WORDS = """nghị_quyết nghị_định quyết_định thông_tư chỉ_thị kết_luận công_văn luật điều khoản
    chương phụ_lục tờ_trình resolution decree decision circular directive article clause chapter"""
_MONTHS = """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec"""
_LABEL_WORDS = {
    "date": "tháng ngày năm quý mùng mồng hôm in since by year fiscal fy " + _MONTHS,
    "ordinal": "thứ lần_thứ lần hạng xếp_thứ top khóa khoá kỳ kì stt round no.",
    "level": "mức_độ cấp_độ level",
    "doc": " ".join(f"{w}{n}" for w in _DOC_WORDS.split() for n in ("", "_số", "_no.", "_no")),
    "phone": "điện_thoại đt sđt tel tel. fax hotline di_động phone",
    "label": """số mức giai_đoạn đợt phase mã lô tầng phòng km quốc_lộ tỉnh_lộ đường ql quận
        phường khu_phố tổ ấp thôn xóm địa_chỉ số_nhà page trang nhóm khu cụm bảng hình ảnh video
        clip covid vol vol. pp pp. p. tr.""",
}
_LABELS = {g: [w.replace("_", " ") for w in words.split()] for g, words in _LABEL_WORDS.items()}
# What stands just before a number, matched backwards (Source.before): "tháng 3", "mức độ 3"
_LABEL_BEFORE = re.compile(
    rf"{_H}*[:.]?{_H}*(?:"
    + "|".join(f"(?P<{g}>{phrase_pattern(w, backwards=True)})" for g, w in _LABELS.items())
    + ")"
)
_LABEL_ENDS = _phrase_ends(w for words in _LABELS.values() for w in words)
_LIST_SEP_RE = re.compile(
    rf"{_H}*(?:,|và|hoặc|-|–|and|or|&){_H}*(?:(?:mức{_H}+độ|cấp{_H}+độ|level){_H}+)?"
)
_PERIOD_AFTER_RE = re.compile(
    rf"{_H}+(?:(?:19|20)[0-9]{{2}}(?![0-9])|năm{_H}+(?:19|20)[0-9]{{2}}|"
    + phrase_pattern(("qua", "tới", "gần đây", "trở lại đây", "đầu năm", "cuối năm", "đầu"))
    + "|cuối(?!\\w))"
)
_PERIOD_BEFORE = re.compile(
    rf"{_H}+{phrase_pattern(('past', 'last', 'next', 'first', 'trong vòng'), backwards=True)}"
)
_IDIOMS_OF_ONE = frozenset(("số", "cách", "chút", "vài", "lúc", "bước", "mặt", "phần", "khi"))
_NEXT_WORD_RE = re.compile(rf"{_H}+(?P<w>[^\W\d_][\w-]*)")
_PREV_WORD_BEFORE = re.compile(rf"{_H}+(?P<w>[\w-]*[^\W\d_])(?![\w-])")
_CHROME_LINE_RE = re.compile(r"[^\d:]{1,30}:\s*[0-9.,]+\s*")
_ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)(?!\w)")
_CLOCK_RE = re.compile(rf"h(?:[0-9]{{2}})?(?!\w)|{_H}*(?:giờ|phút|giây)(?!\w)")
_CLOCK_FIRST = frozenset("gp")  # after white space: giờ, phút, giây
_ORDINAL_FIRST = frozenset("snrt")
_WORD_END_RE = re.compile(r"[\w.\-/]*")
_LISTABLE = frozenset({"date", "ordinal", "service level", "document number", "phone number"})
_JUDGED_UNITS = frozenset(("years", "months", "percent"))  # what _skip_after looks at


_DAY_WORDS = frozenset(_MONTHS.split()) | {"ngày", "mùng", "mồng", "hôm"}


def _day_month(a: int, b: int) -> bool:
    """Tell whether a/b is a day and month, as Vietnam writes them or as the US does."""
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def _key(words: str) -> str:
    return " ".join(words.lower().split())


def _year_like(written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1900 <= int(written) <= 2100


def _line(text: str, s: int, e: int) -> str:
    line_end = text.find("\n", e)
    return text[text.rfind("\n", 0, s) + 1 : len(text) if line_end < 0 else line_end]


_SECTION_RE = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){2,}")
_DATE_MARKS = frozenset("/-–. \t")
_DATE_SEPARATORS = frozenset("/.-–")
_DOC_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")


def _may_end_label(low: str, pos: int) -> bool:
    """Tell whether a label word, with ":" or "." after it or not, can end just before ``pos``.

    The cheap test that spares most numbers :data:`_LABEL_BEFORE`.
    """
    if _may_end_before(low, pos, _LABEL_ENDS):
        return True
    at = _skip_space_back(low, pos)
    return at >= 0 and low[at] in ":." and _may_end_before(low, at, _LABEL_ENDS)


def _label_before(src: Source, pos: int) -> re.Match[str] | None:
    """Match :data:`_LABEL_BEFORE` on what ends at ``pos`` (see :meth:`Source.before`)."""
    if not _may_end_label(src.low, pos):
        return None
    return _LABEL_BEFORE.match(src.rev, len(src.low) - pos)


def _skip_before(src: Source, s: int, e: int) -> tuple[str | None, int, bool]:
    """Judge a number from its neighbours before reading it.

    Returns:
        The reason it is no figure (None if it may be one), where the skipped text ends, and
        whether a label word ("số", "giai đoạn") precedes it: then it is no figure unless a
        unit follows.
    """
    text, low, rev = src
    n = len(text)
    before = text[s - 1] if s else " "
    after = text[e] if e < n else " "
    if before == " ":  # the common case: none of the tests on `before` applies
        pass
    elif before.isalpha() or before == "_":
        if not currency_before(src, s):
            return "digits inside a name", _WORD_END_RE.match(text, e).end(), False
    elif before in "-‑/" and s >= 2 and text[s - 2].isalpha():
        return "digits inside a name", _WORD_END_RE.match(text, e).end(), False  # Covid-19
    elif before == ":" and s >= 2 and text[s - 2].isdigit():
        return "time", e, False
    elif before == "/" and s >= 2 and text[s - 2].isdigit():
        return "date", e, False  # the month of a day whose number was a label's ("ngày 12/3")
    # The first character after the number that is no white space, at `at`, decides which of
    # the patterns below can match at all (their first characters); so does the last one before.
    if after == " ":  # the common case
        at = e + 1
        while at < n and low[at] in _HSPACE:
            at += 1
        next_char = low[at] if at < n else ""
        letter = False
        spaced = True
    else:
        if after == ":" and e + 1 < n and text[e + 1].isdigit():
            clock = _TIME_RE.match(low, s)
            if clock:  # "9:30", not a ratio "3:1" (read on as numbers)
                return "time", clock.end(), False
        if after == "_":
            return "digits inside a name", _WORD_END_RE.match(text, e).end(), False
        if after in _HSPACE:
            at = e + 1
            while at < n and low[at] in _HSPACE:
                at += 1
            next_char = low[at] if at < n else ""
        else:
            at = e
            next_char = low[e]
        letter = after.isalpha()
        spaced = after == "\t"
    if letter or spaced:
        if next_char in _CLOCK_FIRST or next_char == "h" == low[e]:
            clock = _CLOCK_RE.match(low, e)
            if clock:
                return "time", clock.end(), False
        if letter and next_char in _ORDINAL_FIRST and _ORDINAL_SUFFIX_RE.match(low, e):
            return "ordinal", e + 2, False
    # The cheap tests on `after` spare most numbers the regular expressions below. A date
    # ("26/02/2023", "19 - 02 - 2021", "24.02.2021") starts with one or two digits and a
    # separator, with white space before it or not.
    if (after in _DATE_MARKS or e - s >= 8) and (
        next_char in _DATE_SEPARATORS if e - s <= 2 else "." in text[s + 1 : s + 3]
    ):
        found = _DATE_RE.match(text, s)
        if found and _day_month(int(found["d"]), int(found["m"])):
            return "date", found.end(), False
    # a document number is digits, then "-" or "/", or white space and capitals: "58 NQ/TW"
    if (after == "-" or after == "/" or (spaced and text[at : at + 1] in _DOC_UPPER)) and (
        e - s <= 2 or text[s:e].isdigit()
    ):
        found = _DOC_NUMBER_RE.match(text, s)
        if found:
            return "document number", found.end(), False
    if text[s] == "0":
        found = _PHONE_RE.match(text, s)
        if found and sum(c.isdigit() for c in found.group()) >= 9:
            return "phone number", found.end(), False
    if next_char in _CHROME_FIRST and _CHROME_AFTER_RE.match(low, e):
        return "page chrome (view counter)", e, False
    at = s - 1  # as _may_end_label(low, s), without the call in the common case
    while at >= 0 and low[at] in _HSPACE:
        at -= 1
    if at < 0:
        return None, e, False
    if not ((at and low[at - 1 : at + 1] in _LABEL_ENDS[0]) or low[at] in _LABEL_ENDS[1]) and (
        low[at] not in ":." or not _may_end_before(low, at, _LABEL_ENDS)
    ):
        return None, e, False
    label = _LABEL_BEFORE.match(rev, n - s)
    if label is None:
        return None, e, False
    kind = label.lastgroup
    written = text[s:e]
    if kind == "date":
        word = label.group("date")[::-1]
        number = int(written) if written.isdigit() else -1
        if word == "tháng" and 1 <= number <= 12:
            tail = _MONTH_YEAR_RE.match(text, s)
            return "date", tail.end() if tail else e, False
        if (word in _DAY_WORDS and 1 <= number <= 31) or (word == "quý" and 1 <= number <= 4):
            return "date", e, False
        if _year_like(written):
            return "year", e, False
        return None, e, False
    if kind == "phone":
        found = _PHONE_LABELLED_RE.match(text, s)
        return "phone number", found.end() if found else e, False
    if kind == "label":
        return None, e, True
    return (
        {"ordinal": "ordinal", "level": "service level", "doc": "document number"}[kind],
        e,
        False,
    )


def _skip_after(src: Source, r: Reading, s: int, e: int, labelled: bool) -> str | None:
    """Judge a reading: the reason it is no figure, or None."""
    text = src.text
    first = r.written[0]
    if r.problem:
        if _SECTION_RE.fullmatch(first):
            return "section or version number"  # "2.4.3. Kết quả thu hút FDI"
        return None
    if r.unit is None and r.scale == 1.0:
        if r.value_high is None and r.denominator is None and _year_like(first):
            return "year"
        if r.value_high is not None and all(_year_like(w) for w in r.written):
            return "period"
        if r.denominator is not None:
            if _year_like(text[e + 1 : r.end]):
                return "period"
            if 1 <= r.value <= 31 and 1 <= r.denominator <= 12 and r.qualifier == "exact":
                return "date"  # "khoảng 1/3 GDP" is hedged: a share, not the 1st of March
            return None
        if labelled:
            return "label or name"
        if r.end < len(text) and (text[r.end].isalpha() or text[r.end] == "_"):
            return "digits inside a name"  # 5G
        if len(first) == 3 and first.endswith(".0"):
            return "digits inside a name"  # công nghiệp 4.0
        found = _NEXT_WORD_RE.match(text, r.end)
        if found and first == "1" and found.group("w").lower() in _IDIOMS_OF_ONE:
            return "idiom (1 số = some)"
        if found and found.group("w")[0].isupper():
            return "digits inside a name or address"
        found = src.before(_PREV_WORD_BEFORE, s)
        if found and text[len(text) - found.end("w")].isupper():
            return "digits inside a name"  # KCN Giang Biên 2
        if not text[text.rfind("\n", 0, s) + 1 : s].strip(" \t(") and text[e : e + 1] in ".)":
            return "list number"
        line = _line(text, s, e)
        if len(line) <= 48 and _CHROME_LINE_RE.fullmatch(line.strip()):
            return "page chrome (counter)"
        return None
    if r.unit in ("years", "months") and (
        _PERIOD_AFTER_RE.match(src.low, r.end) or src.before(_PERIOD_BEFORE, s)
    ):
        return "period label"
    if r.unit == "percent" and r.value == 100 and _line(text, s, e).strip() == text[s:e] + "%":
        return "page chrome (zoom level)"
    return None


# --- kind ----------------------------------------------------------------------------------

_TARGET_CUES = (
    "kế hoạch", "chỉ tiêu", "mục tiêu", "phấn đấu", "định hướng", "dự kiến", "đề ra", "đặt ra",
    "sẽ", "tầm nhìn", "quy hoạch", "dự báo", "hướng tới", "target", "targets", "targeted",
    "plan", "plans", "planned", "aim", "aims", "aimed", "goal", "goals", "expect", "expects",
    "expected", "projected", "forecast", "will", "strive", "seek", "seeks", "đến năm", "by",
)  # fmt: skip
_ACTUAL_CUES = (
    "đã", "được", "ước đạt", "ước thực hiện", "lũy kế", "luỹ kế", "đến nay", "tính đến",
    "hoàn thành", "về đích", "hiện có", "hiện nay", "attracted", "reached", "recorded",
    "achieved", "has", "have", "had", "so far", "as of", "cumulative", "cumulatively",
    "accumulated", "totalled", "totaled", "registered",
)  # fmt: skip
_CUE_KIND = {_key(c): "target" for c in _TARGET_CUES} | {_key(c): "actual" for c in _ACTUAL_CUES}
# One trie of every cue, so that the engine can skip ahead to a cue's first letter
_CUE_RE = re.compile(phrase_pattern(_CUE_KIND))
_YEAR_AFTER_RE = re.compile(rf"{_H}+20[0-9]{{2}}(?![0-9])")
_PLAN_WORDS = frozenset(("kế hoạch", "chỉ tiêu", "mục tiêu", "target", "plan"))
_ATTAINED_BEFORE = re.compile(
    rf"{_H}*(?:fo{_H}+)?{phrase_pattern(('%', 'so với', 'per cent', 'percent'), backwards=True)}"
)
_ATTAINMENT_RE = re.compile(
    rf"{_H}*(?:so{_H}+với{_H}+)?(?:{phrase_pattern(('kế hoạch', 'kh', 'chỉ tiêu', 'mục tiêu'))}"
    rf"|of{_H}+the{_H}+(?:plan|target))"
)
_BASELINE_RE = re.compile(
    rf"{PARENTHESIS}{_H}*,?{_H}*(?:(?:tăng|giảm){_H}+)?(?:lên|xuống|(?:rising|rose|up|down|falling|fell|"
    rf"increasing|increased|decreased|growing|grew){_H}+to){_H}+(?:mức{_H}+)?[0-9]"
)
_BASELINE_FIRST = frozenset("(,tglxrudfi")  # (, ",", tăng, giảm, lên, xuống, rising, up, ...
_FROM_BEFORE = re.compile(rf"{_H}+(?:morf|cứm{_H}+ừt)(?!\w)")  # "from", "từ mức"
_FROM_LAST = frozenset("mc")


# Whether each listed counted noun names a part of a plan or a place (ABSTRACT_NOUNS)
_ABSTRACT = {noun: _key(noun) in ABSTRACT_NOUNS for _, noun in _UNIT_WORDS.values() if noun}


_SENTENCE_ENDS = ("\n", ". ", "! ", "? ", "… ")
"""A line break, or a mark with a space after it, ends a sentence."""


def _sentence_start(src: Source, pos: int) -> int:
    """Return where the sentence holding ``pos`` starts (at most 600 characters back).

    That is just after the last line break, or the last ". " ("!", "?", "…"), that ends by
    ``pos`` and starts at most 600 characters before it.
    """
    return _sentence_starts(src, [pos])[0]


def _sentence_starts(src: Source, positions: list[int]) -> list[int]:
    """Return :func:`_sentence_start` of each position, positions in ascending order.

    Each stretch of text is looked at once: sentence ends are looked for between one position
    and the next only, not back to the start of each sentence.
    """
    text = src.text
    rfind = text.rfind
    ends = tuple(end for end in _SENTENCE_ENDS if end[0] in text)  # "!", "?", "…" are rare
    starts = []
    last = end = -1  # the position before, and the last sentence end found by it
    for pos in positions:
        floor = pos - 600 if pos > 600 else 0
        if pos < last:  # not in ascending order: look back to the floor again
            last = end = -1
        lo = last - 1 if last > floor else floor  # a mark and its space may straddle `last`
        for mark in ends:  # the last sentence end in lo..pos that ends by pos
            found = rfind(mark, lo, pos)
            if found > end:
                end = found
        last = pos
        starts.append(floor if end < floor else end + 1 if text[end] == "\n" else end + 2)
    return starts


def _kinds(src: Source, readings: list[Reading]) -> list[str]:
    """Guess whether each figure is a target, an actual result, a baseline or other.

    The last cue word before a figure in its sentence (:func:`_sentence_start`) decides
    ("phấn đấu ... đạt" is a target, "đạt" alone an actual); a sentence with no cue reports an
    actual. A reading that is no figure (a problem, no unit) is "other". Cue words are looked
    for only in the sentences that hold figures, each stretch once: from the sentence's start,
    or the figure before, up to the figure.

    Args:
        src: The text.
        readings: Its readings, in text order.

    Returns:
        The kind of each reading.
    """
    low = src.low
    search = _CUE_RE.search
    positions = [r.start for r in readings if r.unit is not None and not r.problem]
    starts = iter(_sentence_starts(src, positions))  # of the readings that are figures
    kinds: list[str] = []
    sentence = scanned = target = actual = -1
    for r in readings:
        start, _, stop, _, value_high, unit, noun, _, _, _, _, problem, _ = r
        if problem or unit is None:
            kinds.append("other")
            continue
        begin = next(starts)
        if begin != sentence:
            sentence = scanned = begin
            target = actual = -1
        # one search a stretch, most often fruitless: cheaper than an iterator of its matches
        found = search(low, scanned, start) if scanned < start else None
        scanned = start
        while found is not None:
            at, end = found.span()
            if at and low[at - 1].isalnum():  # inside a word, where a cue may yet start
                found = search(low, at + 1, start)
                continue
            found = search(low, end, start)
            phrase = low[at:end]
            kind = _CUE_KIND.get(phrase)  # a phrase written as listed needs no _key
            if kind is None:
                phrase = _key(phrase)
                kind = _CUE_KIND[phrase]
            if phrase in ("đến năm", "by") and not _YEAR_AFTER_RE.match(low, end):
                continue  # a target "by 2025", "đến năm 2030"; not "by the board"
            if phrase in _PLAN_WORDS and src.before(_ATTAINED_BEFORE, at):
                continue  # "đạt 84% kế hoạch" reports attainment, it sets no target
            if kind == "actual":
                actual = at
            else:
                target = at
        kinds.append(_kind_of(src, start, stop, unit, noun, value_high, target > actual))
    return kinds


def _kind_of(
    src: Source,
    start: int,
    stop: int,
    unit: str,
    noun: str | None,
    value_high: float | None,
    target: bool,
) -> str:
    """Return the kind of one figure, ``target`` telling whether its cue words set a target.

    Args:
        src: The text.
        start: Where the figure starts (the fields of its :class:`Reading`).
        stop: Where what was read of it ends, hedge words after it included.
        unit: Its unit.
        noun: Its counted noun, if any.
        value_high: The high end of a range, else None.
        target: Whether the last cue word before it in its sentence sets a target.
    """
    low = src.low
    n = len(low)
    if noun is not None:
        abstract = _ABSTRACT.get(noun)
        if abstract is None:
            abstract = _key(noun) in ABSTRACT_NOUNS
        if abstract:
            return "other"
    if unit == "percent" and _ATTAINMENT_RE.match(low, stop):
        return "actual"  # "đạt gần 84% kế hoạch": attainment of a plan
    if value_high is None:
        # "năm 2020 đạt 45,5% tăng lên 60,6%", "giảm xuống 80% từ mức 91%"
        # the first character after the figure that is no space, and the last one before it:
        # most often one space away, so looked at before any call
        char = low[stop] if stop < n else ""
        if char in _HSPACE:
            char = low[stop + 1] if stop + 1 < n else ""
            if char in _HSPACE:
                char = _char_after_space(low, stop + 2)
        if char in _BASELINE_FIRST and _BASELINE_RE.match(low, stop):
            return "baseline"
        if start >= 2 and low[start - 1] in _HSPACE:
            char = low[start - 2]
            if char in _HSPACE:
                char = _char_before_space(low, start - 2)
            if char in _FROM_LAST and _FROM_BEFORE.match(src.rev, n - start):
                return "baseline"
    return "target" if target else "actual"


# --- normalisation -------------------------------------------------------------------------

_NON_ASCII_WORD_RE = re.compile(r"\S*[^\x00-\x7f]\S*")


def _nfc_with_offsets(text: str) -> tuple[str, Callable[[int], int] | None]:
    """Return the NFC form of ``text`` and a map from its offsets back to those of ``text``.

    White space never composes with its neighbours, so each word is normalised alone; within a
    changed word, each base character with its combining marks maps to where it stood.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    nfc_at, given_at = [0], [0]
    done = shift = 0  # given text copied up to `done`; shift = nfc offset - given offset
    for found in _NON_ASCII_WORD_RE.finditer(text):
        word = found.group()
        nfc = unicodedata.normalize("NFC", word)
        if nfc == word:
            continue
        ws, we = found.span()
        parts.append(text[done:ws])
        starts = [0] + [i for i in range(1, len(word)) if not unicodedata.combining(word[i])]
        clusters = [word[a:b] for a, b in zip(starts, [*starts[1:], len(word)], strict=True)]
        pieces = [unicodedata.normalize("NFC", c) for c in clusters]
        at = ws + shift
        if "".join(pieces) == nfc:
            for offset, piece in zip(starts, pieces, strict=True):
                nfc_at.append(at)
                given_at.append(ws + offset)
                at += len(piece)
        else:  # a script whose clusters compose with each other (Hangul): map the word whole
            nfc_at.append(at)
            given_at.append(ws)
        parts.append(nfc)
        shift += len(nfc) - len(word)
        nfc_at.append(we + shift)
        given_at.append(we)
        done = we
    parts.append(text[done:])

    def to_given(i: int) -> int:
        k = bisect_right(nfc_at, i) - 1
        return given_at[k] + (i - nfc_at[k])

    return "".join(parts), to_given


# --- the extractor -------------------------------------------------------------------------


_SHARED_SEP_RE = re.compile(rf"{_H}*(?:,|;|và|hoặc|or|and|&){_H}*")


def _share_units(src: Source, readings: list[Reading]) -> None:
    """Give a bare number the unit of the figure listed after it: "15 và 20%", "12, 15 dự án"."""
    bare = [k for k, r in enumerate(readings[:-1]) if r.unit is None]  # most have a unit
    for k in reversed(bare):  # backwards: "12, 15, 20 dự án" hands the unit on to the 12
        r, after = readings[k], readings[k + 1]
        if r.problem or r.scale != 1.0 or r.denominator is not None:
            continue
        if after.unit is None or not _SHARED_SEP_RE.fullmatch(src.low, r.stop, after.start):
            continue
        scale = int(after.scale)
        readings[k] = r._replace(
            value=r.value * scale,
            value_high=None if r.value_high is None else r.value_high * scale,
            unit=after.unit,
            noun=after.noun,
            scale=after.scale,
        )


_NUMBER_WORDS = tuple(NUMBER_WORDS)


def _number_words(low: str) -> list[tuple[int, int]]:
    """Return the spans of the matches of NUMBER_WORD_RE that start a word, in text order.

    Each number word is looked for with ``str.find``, much faster than the pattern's own search
    (most letters could start a number word), and the pattern is tried only where one stands
    alone before white space, as the pattern's lookahead wants.
    """
    spans = []
    match = NUMBER_WORD_RE.match
    for word in _NUMBER_WORDS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if (not at or not low[at - 1].isalnum()) and low[end : end + 1] in _HSPACE:
                found = match(low, at)
                if found:
                    spans.append(found.span())
            at = low.find(word, at + 1)
    spans.sort()
    return spans


def _scan(src: Source, lang: str) -> list[Reading]:
    """Return the reading of every number that is a figure or cannot be read as one."""
    text = src.text
    out: list[Reading] = []
    stop = 0
    listed_until, listed_why = -1, ""
    for found in NUMBER_RE.finditer(text):
        s, e = found.span()
        if s < stop:
            continue
        why, until, labelled = _skip_before(src, s, e)
        if why is not None:
            stop = max(until, e)
            listed_until, listed_why = stop, why if why in _LISTABLE else ""
            continue
        r = read_figure(src, s, e, lang)
        _, _, r_stop, _, _, unit, _, _, _, _, _, problem, _ = r  # faster than r.unit, ...
        # _skip_after passes over a read unit that is not one of those it looks at
        judged = unit is None or problem or unit in _JUDGED_UNITS
        why = _skip_after(src, r, s, e, labelled) if judged else None
        listed = listed_why and unit is None and why is None
        if listed and _LIST_SEP_RE.fullmatch(src.low, listed_until, s):
            why = listed_why  # "mức độ 3, 4", "Nghị quyết 06 và 07"
        listed_until = stop = r_stop
        if why != listed_why:
            listed_why = ""
        if why is None:
            if unit is None:
                r = guess_noun(src, r)
                stop = r.stop
            out.append(r)
    _share_units(src, out)
    words = _number_words(src.low)
    taken = [(r.start, r.end) for r in out] if words else []
    for s, e in words:
        label = _label_before(src, s)
        if label and label.lastgroup == "ordinal":
            continue  # "năm thứ hai"
        r = read_figure(src, s, e, lang)
        k = bisect_right(taken, (r.start, r.end))
        if (k and taken[k - 1][1] > r.start) or (k < len(taken) and taken[k][0] < r.end):
            continue
        out.append(r)
    out.sort(key=lambda r: r.start)
    return out


def extract_quantities(
    text: str, *, doc: str | None = None, lang: str | None = None
) -> list[Figure]:
    """Find every quantitative figure in a text.

    Text that is not in Unicode NFC is normalised first; offsets and surfaces still refer to
    the text as given. Dates, times, years, period labels ("6 tháng đầu năm"), document
    numbers (06-NQ/TU), ordinals, service levels (mức độ 3), digits inside names (Covid-19,
    KCN Giang Biên 2), phone numbers and page chrome (384 lượt xem) are no figures and are
    left out. A number that is none of these and cannot be read as a figure (no unit, no
    counted noun, a scale word with no currency) is returned with ``problem`` set and unit "".

    Args:
        text: An article, or a short quote.
        doc: The document's name, copied into each figure.
        lang: ``"vi"`` or ``"en"`` number convention; None guesses it from the text.

    Returns:
        The figures in the order of the text.

    Raises:
        DataError: If ``lang`` is not one of ``"vi"``, ``"en"`` or None.

    Example:
        >>> [(f.surface, f.value, f.unit, f.qualifier, f.kind) for f in extract_quantities(
        ...     "vốn đầu tư nước ngoài đạt 10,51 tỷ USD, đạt gần 84% kế hoạch")]
        [('10,51 tỷ USD', 10510000000.0, 'USD', 'exact', 'actual'), \
('84%', 84.0, 'percent', 'nearly', 'actual')]
    """
    if lang is not None and lang not in LANGUAGES:
        raise DataError(f"unknown language {lang!r}; expected one of {LANGUAGES} or None")
    nfc, to_given = _nfc_with_offsets(text)
    src = Source.of(nfc)
    lang = detect_lang(src.low, lowercase=True) if lang is None else lang
    figures: list[Figure] = []
    readings = _scan(src, lang)
    for r, kind in zip(readings, _kinds(src, readings), strict=True):
        # the fields at once: faster than one attribute of the NamedTuple after the other
        r_start, r_end, _, value, high, unit, noun, qualifier, decimals, scale, over, why, _ = r
        start, end = (to_given(r_start), to_given(r_end)) if to_given else (r_start, r_end)
        if why or unit is None:
            problem = why or (
                "a scale word with no currency or unit after it"
                if scale != 1.0
                else "no unit or counted noun after the number"
            )
            figures.append(
                _figure(doc, start, end, text[start:end], value, high, "", qualifier, kind,
                        decimals, scale, None, over, problem)
            )  # fmt: skip
            continue
        figures.append(
            _figure(doc, start, end, text[start:end], value, high, unit, qualifier, kind,
                    decimals, scale, noun, over, None)
        )  # fmt: skip
    return figures
