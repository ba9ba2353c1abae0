"""Every figure of a text, with offsets into the text as given; what is no figure is skipped."""

import dataclasses
import math
import random
import re
import unicodedata

import pytest

from ezlib.errors import DataError
from ezlib.text import extract as X
from ezlib.text.extract import FIELDS, Figure, extract_quantities
from ezlib.text.quantities import NUMBER_RE, NUMBER_WORD_RE, NUMBER_WORDS, Source
from ezlib.vocabulary import FIGURE_KINDS, QUALIFIERS, UNITS

B, M = 1e9, 1e6


def read(text, **kwargs):
    figures = extract_quantities(text, **kwargs)
    for f in figures:
        assert text[f.start : f.end] == f.surface
    return figures


def summary(figures):
    return [(f.surface, f.value, f.value_high, f.unit, f.qualifier) for f in figures]


SENTENCES = [
    (
        "Giai đoạn 2021 - 2023, đã thu hút 210 dự án với tổng vốn đầu tư đạt 18,09 tỷ USD",
        [("210 dự án", 210, None, "count", "exact"),
         ("18,09 tỷ USD", 18.09 * B, None, "USD", "exact")],
    ),
    (
        "vốn đầu tư nước ngoài đạt 10,51 tỷ USD, đạt gần 84% kế hoạch tổng thu hút FDI giai đoạn "
        "2021 - 2025",
        [("10,51 tỷ USD", 10.51 * B, None, "USD", "exact"),
         ("84%", 84, None, "percent", "nearly")],
    ),
    (
        "phát triển và mở rộng 15 khu công nghiệp với tổng diện tích 6.418ha",
        [("15 khu công nghiệp", 15, None, "count", "exact"),
         ("6.418ha", 6418, None, "ha", "exact")],
    ),
    (
        "nộp ngân sách tăng từ 10-12% trở lên so với năm 2020, tạo việc làm mới cho từ 5.500 lao "
        "động trở lên",
        [("10-12%", 10, 12, "percent", "range"),
         ("5.500 lao động", 5500, None, "persons", "at_least")],
    ),
    (
        "thu nhập bình quân đầu người đạt từ 130-135 triệu/người/năm, bằng 1,5 lần",
        [("130-135 triệu/người/năm", 130 * M, 135 * M, "VND_per_person_per_year", "range"),
         ("1,5 lần", 1.5, None, "times", "exact")],
    ),
    (
        "18/26 TTHC thực hiện trực tuyến mức độ 3, mức độ 4; 18 TTHC thực hiện qua bưu điện",
        [("18/26 TTHC", 18, None, "count", "exact"), ("18 TTHC", 18, None, "count", "exact")],
    ),
    (
        "Hiện có 02 KCN và 08 dự án; diện tích 150 - 170 ha, khoảng 1.000 ha đất công nghiệp.",
        [("02 KCN", 2, None, "count", "exact"), ("08 dự án", 8, None, "count", "exact"),
         ("150 - 170 ha", 150, 170, "ha", "range"), ("1.000 ha", 1000, None, "ha", "approx")],
    ),
    (
        "giá trị sản xuất đạt 1.125.000 tỷ đồng; xuất khẩu đạt 18.600 triệu USD, tức 12,836 tỷ "
        "USD trong năm 2023",
        [("1.125.000 tỷ đồng", 1.125e15, None, "VND", "exact"),
         ("18.600 triệu USD", 18.6 * B, None, "USD", "exact"),
         ("12,836 tỷ USD", 12.836 * B, None, "USD", "exact")],
    ),
    (
        "Dự kiến đến năm 2030 tạo việc làm cho 50 nghìn lao động, thuê đất 50 năm, giá 120 "
        "USD/m2/chu kỳ thuê",
        [("50 nghìn lao động", 50000, None, "persons", "exact"),
         ("50 năm", 50, None, "years", "exact"),
         ("120 USD/m2/chu kỳ thuê", 120, None, "USD_per_m2_per_lease", "exact")],
    ),
    (
        "Chủ động thu hút đầu tư theo định hướng phát triển ba trụ cột; trên 13,7 tỷ USD",
        [("ba trụ cột", 3, None, "count", "exact"), ("13,7 tỷ USD", 13.7 * B, None, "USD", "over")],
    ),
    (
        "Năm 2021 doanh thu đạt gần 500 tỷ đồng, tỷ lệ lấp đầy 85,5%, cao hơn 10% so với 2020",
        [("500 tỷ đồng", 500 * B, None, "VND", "nearly"), ("85,5%", 85.5, None, "percent", "exact"),
         ("10%", 10, None, "percent", "exact")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_every_figure_of_a_sentence(text, expected):
    got = summary(read(text))
    assert len(got) == len(expected), got
    for (surface, value, high, unit, qualifier), g in zip(expected, got, strict=True):
        assert g[0] == surface
        assert math.isclose(g[1], value, rel_tol=1e-12), g
        assert g[2] == high or math.isclose(g[2], high, rel_tol=1e-12), g
        assert (g[3], g[4]) == (unit, qualifier), g


NOT_FIGURES = [
    "Print Chủ Nhật, 26/02/2023 12:50 Gốc",  # page date and time
    "Sáng 26/2, Chiều 10/5, Chiều 31/12",  # day/month
    "Đăng ngày 19 - 02 - 2021",  # spaced date
    "Thứ 4, 24.02.2021 | 00:00:00",  # weekday, dotted date, time
    "(27/02/2021 8:22 SA)",
    "tháng 3-2020, tháng 02 năm 2021, quý I/2023, quý 2 năm 2023, ngày 7/4/2022",
    "đến năm 2025, định hướng đến năm 2030, giai đoạn 2021 - 2025, giai đoạn 2016 – 2020",
    "Kế hoạch phát triển kinh tế-xã hội 5 năm 2021-2025",  # a period label, not 5 years
    "6 tháng đầu năm 2024 và 9 tháng năm 2023; trong 5 năm qua",
    "Nghị quyết số 06-NQ/TU, Nghị quyết 58 NQ/TW, Quyết định 1107/QĐ-TTg",
    "Nghị định 35/2022/NĐ-CP và Thông tư số 12",
    "năm thứ hai thực hiện, xếp thứ 5, lần thứ 3, Hiệp thương lần 2",  # ordinals
    "18 TTHC thực hiện trực tuyến mức độ 3, 4 và cấp độ 2",  # service levels (the count stays)
    "KCN Giang Biên 2, Deep C3, Covid-19, VSIP Hải Phòng, mạng 5G, công nghiệp 4.0",
    "Khu công nghiệp số 15, Khu kinh tế Nghi Sơn",
    "Điện thoại: 0225.3736907 - Fax: 0225.3736907, Hotline: 1900 1234, ĐT 0912 345 678",
    "Địa chỉ: 62 Võ Thị Sáu, Phường Máy Tơ",
    "384 lượt xem",
    "Đang online: 0\nHôm nay: 1\nTrong tháng: 0",  # page counters
    "Đăng ngày 19/02/2021\n100%\n",  # the font-size control of a page
    "Video: 22421_OHAI1.mp4",
    "đề nghị hỗ trợ Ban 1 số nội dung, xúc tiến đầu tư 1 cách bài bản",  # 1 số = some
    "Lúc 14 giờ 30 phút ngày 12/3, tại tầng 5",
    "1. Đổi mới công tác quản lý",  # list numbering
    "2.4.3. Kết quả thu hút FDI vào các khu công nghiệp",  # section numbering
    "JOURNAL OF SCIENCE, 2013, Vol. 58, No. 6, pp. 146-153",  # a citation
    "9:51:37 AM | 10/27/2020",  # a US date
    "Trang Nhi 20/11/2023 - 08:28\n(0) Bình luận",
]
SKIPPED = {"18 TTHC thực hiện trực tuyến mức độ 3, 4 và cấp độ 2": ["18 TTHC"]}


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_what_is_not_a_figure_is_skipped_silently(text):
    figures = read(text)
    assert [f.surface for f in figures] == SKIPPED.get(text, [])


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Phấn đấu năm 2021 thu hút khoảng 800 triệu USD, đến năm 2025 đạt khoảng 5 tỷ USD",
         ["target", "target"]),
        ("Theo Nghị quyết, giai đoạn đến năm 2025, phát triển 15 khu công nghiệp", ["target"]),
        ("Mục tiêu thu hút 15 tỷ USD; năm 2023 đã thu hút được 3 tỷ USD", ["target", "actual"]),
        ("vốn FDI đạt 10,51 tỷ USD, đạt gần 84% kế hoạch; vốn trong nước đạt 7,58 tỷ USD",
         ["actual", "actual", "actual"]),
        ("Lũy kế đến nay có 532 dự án, tổng vốn 26,21 tỷ USD", ["actual", "actual"]),
        ("tỷ trọng năm 2020 đạt 45,5% tăng lên 60,6% vào năm 2023", ["baseline", "actual"]),
        ("báo cáo đề xuất 2 nhiệm vụ và 7 giải pháp", ["other", "other"]),
        ("tỷ lệ lao động qua đào tạo tăng từ 53,12% (năm 2015) lên 70,23% (năm 2020)",
         ["baseline", "actual"]),
        ("Tỷ lệ lấp đầy giảm xuống 80% từ mức 91% của năm ngoái", ["actual", "baseline"]),
        ("Năm 2024 đặt mục tiêu thu hút 1,5 tỷ USD; xuất khẩu ước đạt 3,2 tỷ USD",
         ["target", "actual"]),
        ("Tính đến năm 2023, khu có 200 doanh nghiệp", ["actual"]),
        ("Dự kiến năm 2025 sẽ có 20 dự án", ["target"]),
        ("The province aims to attract US$5 billion by 2025", ["target"]),
        ("Hai Phong attracted US$10.51 billion, up from US$8 billion", ["actual", "baseline"]),
        # a cue glued to the word before it ("TPtính đến", a space lost in scraping) is no cue,
        # and does not hide the one that starts inside it: "đến năm 2025" sets a target
        ("TPtính đến năm 2025 thu hút 15 tỷ USD", ["target"]),
    ],
)  # fmt: skip
def test_kind_is_guessed_from_cue_words(text, kinds):
    assert [f.kind for f in read(text)] == kinds


def test_english_article_uses_the_english_convention():
    text = (
        "Hai Phong attracted US$10.51 billion in FDI in 2021-2023, reaching nearly 84 per cent "
        "of the target. The city plans 15 industrial parks covering 9,250ha by 2025, and "
        "domestic capital rose 4.5-fold. Some 35,000 workers earn VND130 million per person "
        "per year. Posted February 26, 2023, 384 views."
    )
    got = summary(read(text))
    assert got == [
        ("US$10.51 billion", 10.51 * B, None, "USD", "exact"),
        ("84 per cent", 84, None, "percent", "nearly"),
        ("15 industrial parks", 15, None, "count", "exact"),
        ("9,250ha", 9250, None, "ha", "exact"),
        ("4.5-fold", 4.5, None, "times", "exact"),
        ("35,000 workers", 35000, None, "persons", "approx"),
        ("VND130 million per person per year", 130 * M, None, "VND_per_person_per_year", "exact"),
    ]
    # the same text read in the Vietnamese convention takes 9,250 for 9.25
    assert read(text, lang="vi")[3].value == 9.25


def test_short_provenance_quotes_read_as_their_fact():
    (f,) = read("vốn đầu tư nước ngoài đạt 10,51 tỷ USD")
    assert (f.value, f.unit, f.decimals, f.scale) == (10.51 * B, "USD", 2, 1e9)
    (f,) = read("đạt gần 84% kế hoạch tổng thu hút FDI giai đoạn 2021 - 2025")
    assert (f.value, f.unit, f.qualifier, f.kind) == (84, "percent", "nearly", "actual")


def test_a_number_that_cannot_be_read_is_flagged_not_dropped():
    text = "Chỉ số đạt 70,5 và doanh thu 500 tỷ; diện tích 1.23.456 ha"
    figures = read(text)
    assert [(f.surface, f.problem is not None) for f in figures] == [
        ("70,5", True),
        ("500 tỷ", True),
        ("1.23.456", True),
    ]
    bare, scaled, unreadable = figures
    assert (bare.value, bare.unit) == (70.5, "") and "no unit" in bare.problem
    assert scaled.value == 500 * B and "currency" in scaled.problem
    assert math.isnan(unreadable.value) and "cannot read" in unreadable.problem
    assert all(f.quantity is None and f.kind == "other" for f in figures)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tăng 15 và 20%", [("15", 15, "percent"), ("20%", 20, "percent")]),
        ("thu hút 12, 13 và 15 dự án", [("12", 12, "count"), ("13", 13, "count"),
                                        ("15 dự án", 15, "count")]),
        ("đạt 1,5 và 2 tỷ USD", [("1,5", 1.5 * B, "USD"), ("2 tỷ USD", 2 * B, "USD")]),
        ("trực tuyến mức độ 3 và 4 dự án", [("4 dự án", 4, "count")]),  # a unit ends the list
        ("Chiều 12/3 và 15 dự án", [("15 dự án", 15, "count")]),
    ],
)  # fmt: skip
def test_a_list_shares_the_unit_written_after_its_last_number(text, expected):
    got = read(text)
    assert [(f.surface, f.value, f.unit) for f in got] == expected
    assert all(f.problem is None for f in got)


def test_a_hedged_fraction_is_no_date():
    (share,) = read("Đông Nam Bộ đóng góp khoảng 1/3 GDP")
    assert (share.surface, share.denominator, share.qualifier) == ("1/3", 3, "approx")
    assert share.problem is not None  # no counted noun: reported, not read as a date
    assert read("Chiều 1/3, hội nghị") == []


def test_offsets_point_into_text_that_is_not_nfc():
    nfc = "Năm 2021 thu hút khoảng 35.000 lao động và 18,09 tỷ USD, tăng gần 1,7 lần"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc and len(nfd) > len(nfc)
    want = [(f.value, f.unit, f.qualifier) for f in read(nfc)]
    got = read(nfd)  # read() checks text[start:end] == surface on the NFD text
    assert [(f.value, f.unit, f.qualifier) for f in got] == want
    assert [f.surface for f in got] == [
        unicodedata.normalize("NFD", s) for s in ("35.000 lao động", "18,09 tỷ USD", "1,7 lần")
    ]
    # mixed: one NFD word before the figures shifts every offset after it
    mixed = unicodedata.normalize("NFD", "Năm") + nfc[3:]
    shift = len(mixed) - len(nfc)
    assert shift == 1
    assert [f.start - shift for f in read(mixed)] == [f.start for f in read(nfc)]


def test_offsets_after_decomposed_hangul_still_point_into_the_text():
    text = unicodedata.normalize("NFD", "Nhà đầu tư 한국 rót 1,2 tỷ USD vào 3 dự án")
    surfaces = [unicodedata.normalize("NFC", f.surface) for f in read(text)]
    assert surfaces == ["1,2 tỷ USD", "3 dự án"]


def test_figures_are_in_text_order_with_known_vocabularies():
    text = "Thu hút 12 dự án, 1,2 tỷ USD; ba nhà máy và 500 ha; 10-12%."
    figures = read(text, doc="a.txt")
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    assert len(figures) == 5
    for f in figures:
        assert (f.doc, f.unit in UNITS, f.qualifier in QUALIFIERS, f.kind in FIGURE_KINDS) == (
            "a.txt",
            True,
            True,
            True,
        )
        assert list(f.to_record()) == list(FIELDS)
        assert isinstance(f, Figure) and f.quantity is not None


def test_unknown_language_is_refused():
    with pytest.raises(DataError, match="unknown language"):
        extract_quantities("5 dự án", lang="de")


def test_empty_text_has_no_figures():
    assert extract_quantities("") == []


# --- the shortcuts of the extractor ---------------------------------------------------------
# The extractor tests cheap conditions before its regular expressions, builds figures without
# the frozen dataclass's __init__ and finds number words and sentence ends its own way; these
# tests hold each shortcut to what it stands for.


def test_a_figure_built_fast_is_the_figure_the_constructor_builds():
    values = ("a.txt", 3, 9, "12 ha", 12.0, None, "ha", "approx", "target", 1, 1e3, "x", 4.0, "p")
    fast, slow = X._figure(*values), Figure(*values)
    assert type(fast) is Figure
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.to_record() == slow.to_record() == dict(zip(FIELDS, values, strict=True))
    assert X._FigureDraft.__slots__ == tuple(f.name for f in dataclasses.fields(Figure))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.unit = "m2"


def soup(words, seed, n=3000):
    """Texts of the given words, numbers and punctuation between runs of white space."""
    rng = random.Random(seed)
    spaces = ["", " ", " ", " ", "  ", "\t", "\xa0", " \u2009", "\n"]
    marks = [".", ". ", ",", ":", "/", "-", "–", "(", ")", "%", "!", "? ", "…", "\n", "_", "Đ"]
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 12)):
            pick = rng.random()
            if pick < 0.45:
                token = rng.choice(words)
                token = token.upper() if rng.random() < 0.1 else token
            elif pick < 0.75:
                token = rng.choice([str(rng.randint(0, 40)), str(rng.randint(1900, 2100)), "0912"])
                token += rng.choice(["", "", ".5", ",25", "/3", ".02.2021"])
            else:
                token = rng.choice(marks)
            parts.append(token + rng.choice(spaces))
        texts.append("".join(parts))
    return texts


WORDS = sorted(
    {w for words in X._LABELS.values() for w in words}
    | {w.replace("_", " ") for w in X._CHROME_WORDS.split()}
    | {*X._CUE_KIND, *NUMBER_WORDS, "dự án", "người", "giờ", "phút", "giây", "h", "st", "th"}
    | {"NQ/TU", "QĐ-TTg", "TW", "lên", "xuống", "tăng", "rose", "up", "to", "from", "từ mức"}
    | {"and", "đạt", "hút", "KCN", "x", "thứ", "1st", "22nd", "3rd", "5th", "06-NQ/TU"}
    | {"58 NQ/TW", "35/2022/NĐ-CP", "tăng lên 60", "rose to 7", "xuống mức 3", "(2015) lên 7"}
    | {"TT-BTC", "QĐ-UBND", "– 02 – 2021", "- 3 - 21", "/ 4 /2020", ". 5 . 2019"}
)


def first_after_space(low, pos):
    while pos < len(low) and low[pos] in X._HSPACE:
        pos += 1
    return low[pos] if pos < len(low) else ""


def test_the_patterns_of_what_is_no_figure_match_only_where_their_tests_let_them():
    counts = dict.fromkeys(("clock", "ordinal", "chrome", "date", "document", "label"), 0)
    for text in soup(WORDS, seed=1):
        src = Source.of(text)
        low = src.low
        for number in NUMBER_RE.finditer(text):
            s, e = number.span()
            after = text[e] if e < len(text) else " "
            char = first_after_space(low, e)
            if X._CLOCK_RE.match(low, e):
                counts["clock"] += 1
                assert char in X._CLOCK_FIRST or low[e] == "h"
            if X._ORDINAL_SUFFIX_RE.match(low, e):
                counts["ordinal"] += 1
                assert char in X._ORDINAL_FIRST
            if X._CHROME_AFTER_RE.match(low, e):
                counts["chrome"] += 1
                assert char in X._CHROME_FIRST
            if X._DATE_RE.match(text, s):  # _skip_before tries it after these tests only
                counts["date"] += 1
                assert char in X._DATE_SEPARATORS if e - s <= 2 else "." in text[s + 1 : s + 3]
            if after in X._DATE_MARKS and X._DOC_NUMBER_RE.match(text, s):
                counts["document"] += 1
                assert after in "-/" or (
                    after in " \t" and first_after_space(text, e) in X._DOC_UPPER
                )
                assert e - s <= 2 or text[s:e].isdigit()
            if src.before(X._LABEL_BEFORE, s):
                counts["label"] += 1
                assert X._may_end_label(low, s)
    assert min(counts.values()) > 10, counts


def test_the_patterns_of_a_baseline_match_only_where_their_tests_let_them():
    counts = {"after": 0, "before": 0}
    for text in soup(WORDS, seed=2):
        src = Source.of(text)
        low = src.low
        for pos in range(len(text) + 1):
            if X._BASELINE_RE.match(low, pos):
                counts["after"] += 1
                assert first_after_space(low, pos) in X._BASELINE_FIRST
            if src.before(X._FROM_BEFORE, pos):
                counts["before"] += 1
                assert low[pos - 1] in X._HSPACE
                assert X._char_before_space(low, pos) in X._FROM_LAST
    assert min(counts.values()) > 10, counts


def reference_sentence_start(src, pos):
    """_sentence_start as it searched before: r"\\n| [.!?…]" in the reversed text."""
    n, floor = len(src.text), max(0, pos - 600)
    found = re.compile(r"\n| [.!?…]").search(src.rev, n - pos, n - floor)
    return n - found.start() if found else floor


def test_sentence_starts_are_found_as_the_plain_search_finds_them():
    rng = random.Random(3)
    for _ in range(2000):
        size = rng.choice([1, 3, 40, 700, 1500])
        marks = rng.choice([0.002, 0.02, 0.2])
        text = "".join(
            rng.choice("\n.!?…") if rng.random() < marks else rng.choice("  ab1đ")
            for _ in range(size)
        )
        src = Source.of(text)
        for pos in rng.sample(range(size + 1), min(size + 1, 30)):
            assert X._sentence_start(src, pos) == reference_sentence_start(src, pos)


def test_number_words_are_found_as_the_pattern_finds_them():
    for text in soup(WORDS, seed=4):
        low = text.lower()
        expected = [
            m.span()
            for m in NUMBER_WORD_RE.finditer(low)
            if not m.start() or not low[m.start() - 1].isalnum()
        ]
        assert X._number_words(low) == expected


@pytest.mark.parametrize("text", ["tỷ số 3:1", "lúc 9:5 sáng", "năm 2021:5 dự án"])
def test_a_colon_between_digits_that_is_no_clock_time_reads_on(text):
    # "3:1" looked like a time but is none: it used to raise instead of reading on.
    found = extract_quantities(text)
    assert all(q.value in (1, 3, 5, 9, 2021) for q in found)


def test_a_clock_time_is_still_no_figure():
    assert extract_quantities("Họp lúc 9:30 sáng") == []


def test_sentence_starts_of_ascending_positions_are_those_of_each_position():
    # _sentence_starts looks for sentence ends only between one position and the next
    rng = random.Random(11)
    for _ in range(1500):
        size = rng.choice([1, 3, 40, 700, 1500, 3000])
        marks = rng.choice([0.001, 0.02, 0.2])
        text = "".join(
            rng.choice("\n.!?…") if rng.random() < marks else rng.choice("  ab1đ")
            for _ in range(size)
        )
        src = Source.of(text)
        positions = sorted(rng.sample(range(size + 1), min(size + 1, rng.choice([1, 5, 60]))))
        assert X._sentence_starts(src, positions) == [
            X._sentence_start(src, pos) for pos in positions
        ]
        shuffled = rng.sample(positions, len(positions))  # out of order: still right
        assert X._sentence_starts(src, shuffled) == [
            X._sentence_start(src, pos) for pos in shuffled
        ]
